import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { readReportFile, usageFailure } from './reportFile';
import { basename, dirname, join } from 'node:path';
import { APPROVAL_LOCK_WAIT_MS, approvalBlockers, approvalLockPath, type Finding, formatInZone, isValidTimeZone, occupiedRelease, planApproval, releaseFilePath, releaseFolderClash, systemTimeZone, t, type Locale } from '../core';
import { lintRun } from './lintRun';
import { readTextFile } from './textFile';
import type { ApproveArgs } from './args';
import { describeIoError } from './ioError';
import type { CommandOutcome } from './lintCommand';

/**
 * `incident-report approve --by NAME [--role ROLE] FILE`: writes what the report publishes now
 * (canonical JSON of its publication model) to `.releases/<report>/<n>.json` beside it and appends
 * `{by, role, at, version, fingerprint}` to its `approvals`. Content that the newest release
 * already holds is signed off under that version (the four-eyes principle: a second person adds
 * an entry); anything else becomes the next version. No git needed: two plain files change.
 */
export async function runApprove(args: ApproveArgs): Promise<CommandOutcome> {
  const say = (text: { en: string; de: string }, values?: Record<string, string | number>) => t(args.locale, text, values);
  // Two approvals at once (press office and IT lead after the same call) each read the report,
  // and the second write dropped the first one's entry while both said "approved". One at a time:
  // the report is read, planned and written under a lock file beside it.
  const lock = lockPath(args.file);
  const locked = await acquireLock(lock, args.locale);
  // No folder, so no report: the approval itself names the missing file.
  if (locked === 'no folder') return approveLocked(args, say);
  if (locked !== true) {
    return usageFailure(
      `${lock}: ${
        locked === 'busy'
          ? say(
              {
                en: 'another approval of {file} is running (this lock file is there); approve again when it is done, or delete the file if none is running',
                de: 'eine andere Freigabe von {file} läuft gerade (diese Sperrdatei ist vorhanden); nach ihrem Ende erneut freigeben oder die Datei löschen, wenn keine läuft',
              },
              { file: args.file },
            )
          : locked
      }`,
    );
  }
  try {
    return await approveLocked(args, say);
  } finally {
    await rm(lock, { force: true });
  }
}

/** `.werne.md.approving` beside `incidents/werne.md` (as the editor's approval names it): held while one approval reads and writes the report. */
function lockPath(file: string): string {
  return join(dirname(file), basename(approvalLockPath(file)));
}

const LOCK_WAIT_MS = APPROVAL_LOCK_WAIT_MS;
const LOCK_POLL_MS = 50;

/**
 * Creates the lock file (exclusively): `true`; `'busy'` when another approval kept it past
 * {@link LOCK_WAIT_MS}; `'no folder'` when the report's folder does not exist; or why it cannot be made.
 */
async function acquireLock(path: string, locale: Locale): Promise<true | 'busy' | 'no folder' | string> {
  for (let waited = 0; ; waited += LOCK_POLL_MS) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return 'no folder';
      if (code !== 'EEXIST') return describeIoError(error, locale);
      if (waited >= LOCK_WAIT_MS) return 'busy';
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}

async function approveLocked(args: ApproveArgs, say: (text: { en: string; de: string }, values?: Record<string, string | number>) => string): Promise<CommandOutcome> {
  const fail = usageFailure;
  const read = await readReportFile(args.file, args.locale);
  if ('exitCode' in read) return read;
  const { text, bomLength, report, data } = read;
  const blockers = await approvalBlockersOf(args);
  if (blockers.length > 0) {
    const lines = blockers.slice(0, LISTED).map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`);
    if (blockers.length > LISTED) lines.push(`  ${say({ en: '… and {n} more: run `incident-report lint {file}`', de: '… und {n} weitere: `incident-report lint {file}` ausführen' }, { n: blockers.length - LISTED, file: args.file })}`);
    const head = say(
      {
        en: '{file}: not approved: fix {n} finding(s) in what it publishes first (an approval writes the published text into its release file, and this text cannot go out as it is)',
        de: '{file}: nicht freigegeben: zuerst {n} Befund(e) in dem beheben, was er veröffentlicht (eine Freigabe schreibt den veröffentlichten Text in ihre Release-Datei, und dieser Text kann so nicht hinaus)',
      },
      { file: args.file, n: blockers.length },
    );
    return { stdout: '', stderr: `incident-report: ${head}:\n${lines.join('\n')}\n`, exitCode: 1 };
  }
  const clash = await releaseFolderClashOf(args.file);
  if (clash !== null) {
    return fail(
      `${args.file}: ${say(
        {
          en: 'not approved: {other} beside it keeps its release files in {folder} too (the folder is named after the report without .md or .markdown); rename one of the two reports (moving the release folder of one already approved along)',
          de: 'nicht freigegeben: {other} daneben legt seine Release-Dateien ebenfalls in {folder} ab (der Ordner ist nach dem Bericht ohne .md oder .markdown benannt); einen der beiden Berichte umbenennen (bei einem schon freigegebenen den Release-Ordner mitverschieben)',
        },
        { other: join(dirname(args.file), clash), folder: dirname(releaseFilePath(args.file, 1)) },
      )}`,
    );
  }
  const zone = typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : (args.timeZone ?? systemTimeZone());
  const at = formatInZone(args.now ?? Date.now(), zone);
  const plan = planApproval(report, args.by, args.role, at);
  if (typeof plan.edit === 'string') {
    return fail(`${args.file}: ${say({ en: '`approvals` is not a list of entries, so no approval can be added to it', de: '`approvals` ist keine Liste von Einträgen, daher kann keine Freigabe angefügt werden' })}`);
  }
  const releasePath = releaseFilePath(args.file, plan.version);
  if (plan.already) {
    // Idempotent: the same person in the same role signed this content off already; nothing is written.
    const who = args.role ? `${plan.already.by} (${args.role})` : plan.already.by;
    return {
      stdout: `${say(
        { en: 'release {version} of {file} (sha256 {fingerprint}) is approved by {who} already (at {at}); nothing changed', de: 'Release {version} von {file} (sha256 {fingerprint}) ist von {who} bereits freigegeben (am {at}); nichts geändert' },
        { version: plan.version, file: args.file, fingerprint: plan.fingerprint, who, at: plan.already.at },
      )}\n`,
      stderr: '',
      exitCode: 0,
    };
  }
  // A release file is never replaced by other content: it is what was approved. Only a missing one
  // is written; one that cannot be read (a folder in its place, no permission) is named, not overwritten.
  let existing: string | null;
  try {
    existing = await readTextFile(releasePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail(`${releasePath}: ${describeIoError(error, args.locale)}`);
    existing = null;
  }
  // Another report's release, left behind by a report renamed without its folder, is named as such, not "edited by hand".
  if (existing !== null && existing !== plan.json) return fail(`${releasePath}: ${occupiedRelease(existing, report, plan.version, args.locale)}`);
  // Each write names the file it failed on: the release file first, then the report.
  if (existing === null) {
    try {
      await mkdir(dirname(releasePath), { recursive: true });
      await writeFile(releasePath, plan.json, 'utf8');
    } catch (error) {
      return fail(`${releasePath}: ${describeIoError(error, args.locale)}`);
    }
  }
  try {
    const edited = text.slice(0, plan.edit.offset) + plan.edit.text + text.slice(plan.edit.endOffset);
    await writeFile(args.file, (bomLength > 0 ? '\uFEFF' : '') + edited, 'utf8');
  } catch (error) {
    return fail(`${args.file}: ${describeIoError(error, args.locale)}`);
  }
  const who = args.role ? `${args.by} (${args.role})` : args.by;
  const facts = { version: plan.version, file: args.file, who, at, release: releasePath, fingerprint: plan.fingerprint };
  let line: string;
  if (!plan.isNew) {
    line = say({ en: 'release {version} of {file} (unchanged, sha256 {fingerprint}) also approved by {who} at {at}', de: 'Release {version} von {file} (unverändert, sha256 {fingerprint}) zusätzlich freigegeben von {who} am {at}' }, facts);
  } else if (existing !== null) {
    // The file was there with exactly this content (the approval entry was lost in a merge or an undo): kept, not written.
    line = say({ en: 'release {version} of {file} approved by {who} at {at}: {release} was there already with exactly this content, kept (sha256 {fingerprint})', de: 'Release {version} von {file} freigegeben von {who} am {at}: {release} lag mit genau diesem Inhalt schon vor und bleibt (sha256 {fingerprint})' }, facts);
  } else {
    line = say({ en: 'release {version} of {file} approved by {who} at {at}: wrote {release} (sha256 {fingerprint})', de: 'Release {version} von {file} freigegeben von {who} am {at}: {release} geschrieben (sha256 {fingerprint})' }, facts);
  }
  return { stdout: `${line}\n`, stderr: '', exitCode: 0 };
}

/** The report beside `file` that shares its release folder (see `releaseFolderClash`), or `null`; a folder that cannot be listed has none to name. */
async function releaseFolderClashOf(file: string): Promise<string | null> {
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  return releaseFolderClash(basename(file), names);
}

/** How many findings a refused approval lists before "… and N more". */
const LISTED = 5;

/**
 * The findings that keep the report from being approved (see `approvalBlockers`): it is linted as
 * `lint FILE` lints it (its configuration, its family), so that a leak or a placeholder never goes
 * into a release file. A report that could not be checked is not approved either.
 */
async function approvalBlockersOf(args: ApproveArgs): Promise<Finding[]> {
  const run = await lintRun({
    command: 'lint',
    inputs: [args.file],
    stdinFilename: null,
    format: 'json',
    locale: args.locale,
    explicitLocale: true,
    schema: null,
    config: null,
    options: {},
    maxWarnings: null,
    quiet: false,
    rules: {},
    timeZone: args.timeZone,
    color: false,
    now: args.now,
    jobs: 1,
    fix: false,
  });
  const outcome = run.outcomes[0];
  if (outcome?.kind !== 'linted') return [];
  return outcome.unchecked ? [outcome.unchecked] : approvalBlockers(outcome.findings);
}
