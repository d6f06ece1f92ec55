import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { currentRelease, otherReport, parseReleaseJson, readApprovals, releaseChanges, releaseFilePath, releaseVersionsIn, t, toLocale, unapprovedRelease, type Locale } from '../core';
import type { ChangesArgs } from './args';
import { describeIoError } from './ioError';
import { readReportFile, usageFailure } from './reportFile';
import { readTextFile } from './textFile';
import type { CommandOutcome } from './lintCommand';

/**
 * `incident-report changes FILE [--since N] [--format text|json]`: what the report publishes now
 * compared with release N (default: the newest release file), one line per change in
 * press-office words, or JSON `[{path, before, after, formOnly}]` with JSON Pointers (`formOnly`:
 * spaces, line breaks or order changed, not the words). Exit 0 whether or not
 * something changed; 2 when the report or the release cannot be read, or the release file is not
 * what its approvals signed off.
 */
export async function runChanges(args: ChangesArgs): Promise<CommandOutcome> {
  const fail = usageFailure;
  // The words are the report's language unless --locale says otherwise.
  const read = await readReportFile(args.file, args.locale);
  if ('exitCode' in read) return read;
  const { report, data } = read;
  const locale: Locale = args.explicitLocale || (data.lang !== 'de' && data.lang !== 'en') ? args.locale : toLocale(data.lang as string);
  const say = (message: { en: string; de: string }, values?: Record<string, string | number>) => t(locale, message, values);
  const approvals = readApprovals(data);
  let version: number | null;
  try {
    // The newest release is the newest file or the newest approval, whichever is higher: a report
    // moved without its release files has approvals but no files, and was told it had "no release yet".
    const newestFile = args.since === null ? await newestRelease(args.file) : null;
    version = args.since ?? (approvals.length > 0 ? Math.max(newestFile ?? 0, ...approvals.map((a) => a.version)) : newestFile);
  } catch (error) {
    return fail(`${dirname(releaseFilePath(args.file, 1))}: ${describeIoError(error, locale)}`);
  }
  if (version === null) {
    return fail(`${args.file}: ${say({ en: 'no release yet: approve one with `incident-report approve --by NAME {file}`', de: 'noch kein Release: eines mit `incident-report approve --by NAME {file}` freigeben' }, { file: args.file })}`);
  }
  const path = releaseFilePath(args.file, version);
  let releaseText: string;
  try {
    releaseText = await readTextFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && approvals.some((a) => a.version === version)) {
      return fail(
        `${path}: ${say(
          {
            en: 'file not found, though `approvals` in {file} names release {version}: a report moved or renamed leaves its release files behind; move its folder {folder} with it, or restore the file (from version control or a backup)',
            de: 'Datei nicht gefunden, obwohl `approvals` in {file} Release {version} nennt: Ein verschobener oder umbenannter Bericht lässt seine Release-Dateien zurück; den Ordner {folder} mitverschieben oder die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)',
          },
          { file: args.file, version, folder: dirname(path) },
        )}`,
      );
    }
    // A release number that was never approved: name the ones there are, not just the missing file.
    const newest = (error as NodeJS.ErrnoException).code === 'ENOENT' && args.since !== null ? await newestRelease(args.file).catch(() => undefined) : undefined;
    if (newest === null) {
      return fail(`${path}: ${say({ en: 'no such release: {file} has no release yet', de: 'kein solches Release: {file} hat noch kein Release' }, { file: args.file })}`);
    }
    if (newest !== undefined) {
      return fail(`${path}: ${say({ en: 'no such release: the newest release of {file} is {newest}', de: 'kein solches Release: das neueste Release von {file} ist {newest}' }, { file: args.file, newest })}`);
    }
    return fail(`${path}: ${describeIoError(error, locale)}`);
  }
  const parsed = parseReleaseJson(releaseText, locale);
  if ('problem' in parsed) return fail(`${path}: ${parsed.problem}`);
  // Refused as "What's new" refuses it: a file edited by hand listed changes that were never made
  // (with exit 0 and a warning on stderr, which scripts do not read).
  const unapproved = unapprovedRelease(releaseText, approvals, version, locale);
  if (unapproved !== null) {
    return fail(
      `${path}: ${say(
        { en: '{problem}; changes compares with this release: restore the file (from version control or a backup)', de: '{problem}; changes vergleicht mit diesem Release: die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)' },
        { problem: unapproved },
      )}`,
    );
  }
  const current = currentRelease(report).model;
  // Refused as "What's new" refuses it: the changes between two incidents are no changes of this one.
  const other = otherReport(parsed.model, current, approvals, version, locale);
  if (other !== null) return fail(`${path}: ${other}`);
  const changes = releaseChanges(parsed.model, current);
  if (args.format === 'json') {
    // `formOnly` on every entry, so that a reader can tell an order change (`before` and `after` both
    // `null`) or re-wrapped text from a real one without knowing which paths are lists.
    return { stdout: `${JSON.stringify(changes.map(({ path: at, before, after, formOnly }) => ({ path: at, before, after, formOnly: formOnly === true })), null, 2)}\n`, stderr: '', exitCode: 0 };
  }
  const head = changes.length === 0
    ? say({ en: 'No changes since release {version}.', de: 'Keine Änderungen seit Release {version}.' }, { version })
    : say({ en: 'Changes since release {version}:', de: 'Änderungen seit Release {version}:' }, { version });
  return { stdout: `${head}\n${changes.map((change) => `- ${change.text[locale]}`).join('\n')}${changes.length ? '\n' : ''}`, stderr: '', exitCode: 0 };
}

/** The highest release number with a file in the report's release folder, or `null`; a folder that cannot be read (but exists) throws. */
async function newestRelease(file: string): Promise<number | null> {
  const folder = dirname(releaseFilePath(file, 1));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const versions = releaseVersionsIn(names);
  return versions.length > 0 ? Math.max(...versions) : null;
}
