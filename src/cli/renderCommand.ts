import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildModel, concernsPublicationOnly, draftBanner, FEED_FILE, feedUrl, type Finding, findOutput, isRecord, noWhatsNew, OutputIds, type OutputOptions, type ParsedReport, previousRelease, publishVerdict, releaseFilePath, releaseVersionsIn, type Locale, type Localized, renderAtom, t, type Verdict, type WhatsNew } from '../core';
import type { RenderArgs } from './args';
import { describeIoError } from './ioError';
import type { CommandOutcome } from './lintCommand';
import { ignoredTargets, lintRun, noReportsFound, type LintSetup } from './lintRun';
import { readTextFile } from './textFile';
import { STDIO_ARG, type StdinSource } from './stdin';

/** How many non-blocking findings the stderr summary lists before "… and N more". */
const SUMMARY_LIMIT = 5;

type Say = (text: { en: string; de: string }, values?: Record<string, string | number>) => string;

/** A report to render: what lint found in it (the same findings `lint` prints) and its verdict. */
interface Entry {
  file: string;
  /** The argument that lints this report again, for hints (see {@link lintArgument}). */
  lint: string;
  report: ParsedReport;
  findings: Finding[];
  setup: LintSetup;
  verdict: Verdict;
}

/**
 * `incident-report render [--as OUTPUT] <file|dir>...`: an output of the registry (the press release
 * by default, another public channel, or a confidential draft for an authority) to stdout or `--out`.
 *
 * Every report is linted exactly as `lint` lints it (lintRun.ts: nearest configuration, family from
 * its real path and its siblings), and a public output asks the publish verdict (core/linter/verdict.ts).
 * It fails closed: a report with an error or a placeholder that no directive suppresses is not
 * rendered (exit 1, nothing written, its blocking findings on stderr), and one such report blocks a
 * status page, feed or posts over several. `--draft` renders it anyway, marked as a draft. A
 * confidential draft for an authority renders with findings (they are summarised); `--strict`
 * refuses it when there are errors. A report that could not be checked is never rendered. A file
 * that cannot be read or is no incident report at all (no YAML frontmatter, or frontmatter that is
 * not a mapping) exits 2.
 */
export async function runRender(args: RenderArgs, stdin?: StdinSource): Promise<CommandOutcome> {
  const output = findOutput(args.as)!;
  const run = await lintRun(args, true, stdin);
  const locale = run.locale;
  const say: Say = (text, values) => t(locale, text, values);
  const fail = (file: string, message: string, stderr = ''): CommandOutcome => ({ stdout: '', stderr: `${stderr}incident-report: ${file}: ${message}\n`, exitCode: 2 });

  if (run.problems.length > 0) return fail(run.problems[0]!.arg, t(locale, run.problems[0]!.message));
  const overwritten = args.out === null ? null : await inputAt(outputPaths(args.out, output.id, args.format), run.targets.map((target) => target.display));
  if (overwritten) {
    return fail(
      overwritten.path,
      say(
        { en: '--out would overwrite the report {file} with the output; write to another file', de: '--out würde den Bericht {file} mit der Ausgabe überschreiben; in eine andere Datei schreiben' },
        { file: overwritten.input },
      ),
    );
  }
  const entries: Entry[] = [];
  let stderr = '';
  for (const [index, target] of run.targets.entries()) {
    const outcome = run.outcomes[index]!;
    if (outcome.kind === 'skipped') continue;
    if (outcome.kind === 'io') return fail(target.display, outcome.message, stderr);
    // Fail closed: text that was not scanned for leaks is never printed, not even as a draft.
    if (outcome.unchecked) {
      const reason = `${outcome.unchecked.line}:${outcome.unchecked.column} ${outcome.unchecked.severity} ${outcome.unchecked.message} (${outcome.unchecked.ruleId})`;
      const refused = say({
        en: 'not rendered: the report could not be checked, and unchecked text is never published',
        de: 'nicht erzeugt: Der Bericht konnte nicht geprüft werden, und ungeprüfter Text wird nie veröffentlicht',
      });
      return { stdout: '', stderr: `${stderr}incident-report: ${target.display}: ${refused}\n  ${reason}\n`, exitCode: 1 };
    }
    const report = outcome.report!;
    const lint = lintArgument(args, target.display);
    const problem = unusable(report, lint, say);
    if (problem) return fail(target.display, problem, stderr);
    entries.push({ file: target.display, lint, report, findings: outcome.findings, setup: run.setups[index]!, verdict: publishVerdict(outcome) });
  }
  if (entries.length === 0) {
    // Files left out by `ignores` are named with the reason: a status page of an ignored folder is no empty page.
    const ignored = ignoredTargets(run);
    const reason = ignored.count > 0 || ignored.folders.length > 0 ? noReportsFound(run.targets.length, ignored, locale) : say({ en: 'no incident reports found', de: 'keine Vorfallsberichte gefunden' });
    return fail(args.inputs.join(' '), reason, stderr);
  }
  if (entries.length > 1 && !output.multi) {
    return fail(args.inputs.join(' '), say({ en: 'render --as {as} takes exactly one report, found {n}', de: 'render --as {as} nimmt genau einen Bericht, gefunden: {n}' }, { as: args.as, n: entries.length }), stderr);
  }

  if (output.audience === 'confidential') {
    // A draft for an authority is not published: its findings are facts to check before it is sent.
    // The release gate concerns publication: a draft for an authority is exempt from it.
    const concerns = (f: Finding) => !f.suppressed && !concernsPublicationOnly(f);
    for (const entry of entries) stderr += summarise(say, entry, entry.findings.filter(concerns), 'confidential');
    const errorCount = entries.reduce((n, e) => n + e.findings.filter((f) => f.severity === 'error' && concerns(f)).length, 0);
    if (args.strict && errorCount > 0) {
      stderr += `incident-report: ${say(
        { en: 'not rendered: --strict refuses a report with errors ({count})', de: 'nicht erzeugt: --strict lehnt einen Bericht mit Fehlern ab ({count})' },
        { count: errorCount },
      )}\n`;
      return { stdout: '', stderr, exitCode: 1 };
    }
  } else {
    const blocked = entries.filter((entry) => !entry.verdict.publishable);
    if (blocked.length > 0 && !args.draft) {
      for (const entry of blocked) stderr += refusal(say, entry);
      stderr += `incident-report: ${say(
        blocked.length < entries.length
          ? {
              en: 'nothing written: one blocked report blocks the whole {output}. Fix the findings, suppress a wrongly flagged one with a reason, or render a marked draft with --draft.',
              de: 'nichts geschrieben: Ein blockierter Bericht blockiert die ganze Ausgabe {output}. Befunde beheben, einen zu Unrecht gemeldeten mit Grund unterdrücken oder mit --draft einen gekennzeichneten Entwurf erzeugen.',
            }
          : {
              en: 'nothing written. Fix the findings, suppress a wrongly flagged one with a reason, or render a marked draft with --draft.',
              de: 'nichts geschrieben. Befunde beheben, einen zu Unrecht gemeldeten mit Grund unterdrücken oder mit --draft einen gekennzeichneten Entwurf erzeugen.',
            },
        { output: output.id },
      )}\n`;
      return { stdout: '', stderr, exitCode: 1 };
    }
    for (const entry of entries) stderr += publicSummary(say, entry, args.draft);
  }

  const options: OutputOptions = {
    locale,
    now: args.now ?? Date.now(),
    schema: entries[0]!.setup.linter.schema.info,
    ...(args.draft && output.audience === 'public' ? { draft: true } : {}),
    ...(args.explicitLocale ? { forceLocale: args.locale } : {}),
    ...(args.link !== null ? { link: args.link } : {}),
    ...(args.maxChars !== null ? { maxChars: args.maxChars } : {}),
    ...(args.hashtags.length > 0 ? { hashtags: args.hashtags } : {}),
    ...(args.initial ? { initial: true } : {}),
    ...(args.controller !== null ? { controller: args.controller } : {}),
  };
  // A public output sees the publication models only, never the report (outputs.ts); confidential
  // drafts for authorities read the whole report. Each model in its own configuration's language and schema.
  // `--whats-new`: each report's changes since its previous release (the newest release file whose content differs).
  const found = args.whatsNew ? await Promise.all(entries.map((entry) => previousReleaseOf(entry.file, entry.report, say, locale))) : entries.map(() => null);
  const unusableRelease = found.find((f) => f !== null && 'problem' in f) as { path: string; problem: string } | undefined;
  if (unusableRelease) return fail(unusableRelease.path, unusableRelease.problem, stderr);
  const previous = found.map((f) => (f !== null && 'note' in f ? f.whatsNew : null));
  // Asked for, but no report has news: each one says why there is no box (never released, unchanged, a change of form only).
  const notes = found.map((f) => (f !== null && 'note' in f ? f.note : null));
  if (args.whatsNew && notes.every((note) => note !== null)) {
    for (const [i, entry] of entries.entries()) stderr += `incident-report: ${entry.file}: ${notes[i]}\n`;
  }
  const models = () =>
    entries.map((entry, i) =>
      buildModel(entry.report, { ...options, locale: entry.setup.linter.locale, schema: entry.setup.linter.schema.info, ...(previous[i] ? { whatsNew: previous[i]! } : {}) }),
    );
  const reports = entries.map((entry) => entry.report);
  const rendered = output.audience === 'public' ? output.render(models(), args.format, options) : output.render(reports, args.format, options);
  if (args.out === null) return { stdout: rendered, stderr, exitCode: 0 };

  const paths = outputPaths(args.out, output.id, args.format);
  const files: Array<{ path: string; content: string }> =
    output.id === OutputIds.statusPage
      ? [
          { path: paths[0]!, content: rendered },
          { path: paths[1]!, content: renderAtom(models(), options) },
        ]
      : [{ path: paths[0]!, content: rendered }];
  // The folder is created, for `--out public/press.html` as for the status page's `--out public/`:
  // a CI job's first run has no output folder yet.
  const folder = output.id === OutputIds.statusPage ? args.out : dirname(args.out);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return { stdout: '', stderr: stderr + `incident-report: ${folder}: ${describeIoError(error, locale)}\n`, exitCode: 2 };
  }
  for (const file of files) {
    try {
      await writeFile(file.path, file.content, 'utf8');
    } catch (error) {
      return { stdout: '', stderr: stderr + `incident-report: ${file.path}: ${describeIoError(error, locale)}\n`, exitCode: 2 };
    }
    stderr += `incident-report: ${say({ en: 'wrote {file}', de: '{file} geschrieben' }, { file: file.path })}\n`;
  }
  if (output.id === OutputIds.statusPage && args.link) stderr += `incident-report: ${say({ en: 'feed URL: {url}', de: 'Feed-URL: {url}' }, { url: feedUrl(args.link) })}\n`;
  return { stdout: '', stderr, exitCode: 0 };
}

/** The files `--out` makes: the output, or for the status page its page and, beside it, the feed (the page links `feed.xml`). */
function outputPaths(out: string, id: string, format: string): string[] {
  return id === OutputIds.statusPage ? [join(out, format === 'text' ? 'index.txt' : 'index.html'), join(out, FEED_FILE)] : [out];
}

/**
 * The first output path that is one of the input files (the same file also through a link or
 * another spelling of its path), or `null`: `render r.md --out r.md` replaced the report with HTML.
 */
async function inputAt(paths: readonly string[], inputs: readonly string[]): Promise<{ path: string; input: string } | null> {
  const identity = async (path: string) => {
    try {
      const info = await stat(path);
      return `${info.dev}:${info.ino}`;
    } catch {
      return resolve(path);
    }
  };
  const known = new Map<string, string>();
  for (const input of inputs) known.set(await identity(input), input);
  for (const path of paths) {
    const input = known.get(await identity(path));
    if (input !== undefined) return { path, input };
  }
  return null;
}

/**
 * What `incident-report lint` is given in a hint to see a report's findings: its path, or for the
 * text on standard input `-` (with its `--stdin-filename`): `lint <stdin>` would be a shell redirection.
 */
function lintArgument(args: RenderArgs, file: string): string {
  if (args.inputs[0] !== STDIO_ARG) return file;
  return args.stdinFilename === null ? STDIO_ARG : `${STDIO_ARG} --stdin-filename ${args.stdinFilename}`;
}

/** Why a linted file cannot be rendered at all, or `null`; `file` as `lint` is given it (the hint). */
function unusable(report: ParsedReport, file: string, say: (text: { en: string; de: string }, values?: Record<string, string | number>) => string): string | null {
  if (report.frontmatter.kind !== 'yaml') {
    return say({
      en: 'not an incident report: it has no YAML frontmatter between `---` lines at the top',
      de: 'kein Vorfallsbericht: Am Anfang fehlt die YAML-Frontmatter zwischen `---`-Zeilen',
    });
  }
  if (isRecord(report.data)) return null;
  return report.yamlErrors.length > 0
    ? say(
        {
          en: 'the frontmatter cannot be read (YAML syntax error); run `incident-report lint {file}` for details',
          de: 'die Frontmatter ist nicht lesbar (YAML-Syntaxfehler); Einzelheiten mit `incident-report lint {file}`',
        },
        { file },
      )
    : say({
        en: 'not an incident report: the frontmatter is not a mapping of fields',
        de: 'kein Vorfallsbericht: Die Frontmatter ist keine Zuordnung von Feldern',
      });
}

/** One finding as a stderr line (`  line:col severity message (rule)`), with its related places. */
function findingLines(f: Finding): string[] {
  return [`  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`, ...(f.related ?? []).map((r) => `    ↳ ${r.file}:${r.line}:${r.column} ${r.message}`)];
}

/** Why a report is not published: every blocking finding, as lint prints it. */
function refusal(say: Say, entry: Entry): string {
  const blockers = entry.verdict.blockers.map((b) => b.finding);
  const head = say(
    {
      en: '{file}: not ready to publish: {n} finding(s) block it (errors, and placeholders, which are never published):',
      de: '{file}: nicht veröffentlichungsreif: {n} Befund(e) blockieren (Fehler sowie Platzhalter, die nie veröffentlicht werden):',
    },
    { file: entry.file, n: blockers.length },
  );
  const others = entry.findings.filter((f) => !f.suppressed && !blockers.includes(f)).length;
  const rest = others > 0
    ? `incident-report: ${say({ en: '{file}: {n} more finding(s) do not block; run `incident-report lint {lint}`', de: '{file}: {n} weitere(r) Befund(e) blockieren nicht; `incident-report lint {lint}` ausführen' }, { file: entry.file, lint: entry.lint, n: others })}\n`
    : '';
  return `incident-report: ${head}\n${blockers.flatMap(findingLines).join('\n')}\n${rest}`;
}

/** What a rendered public output's report still has: blocking findings of a draft, then the rest. */
function publicSummary(say: Say, entry: Entry, draft: boolean): string {
  let out = '';
  const blockers = entry.verdict.blockers.map((b) => b.finding);
  if (draft && blockers.length > 0) {
    out += `incident-report: ${say(
      { en: '{file}: rendered as a draft ("{banner}"): {n} finding(s) block publication:', de: '{file}: als Entwurf erzeugt („{banner}“): {n} Befund(e) blockieren die Veröffentlichung:' },
      { file: entry.file, n: blockers.length, banner: draftBanner(reportLocale(entry)) },
    )}\n${blockers.flatMap(findingLines).join('\n')}\n`;
  }
  out += summarise(say, entry, entry.findings.filter((f) => !f.suppressed && !blockers.includes(f)), 'public');
  const suppressed = entry.verdict.suppressed.length;
  if (suppressed > 0) {
    out += `incident-report: ${say(
      { en: '{file}: {n} finding(s) suppressed with a reason (listed by `incident-report lint --format json` or `sarif`)', de: '{file}: {n} Befund(e) mit Grund unterdrückt (aufgeführt von `incident-report lint --format json` oder `sarif`)' },
      { file: entry.file, n: suppressed },
    )}\n`;
  }
  return out;
}

/** The language a report's outputs are written in: its `lang`, else its configuration's. */
function reportLocale(entry: Entry): 'de' | 'en' {
  const data = isRecord(entry.report.data) ? entry.report.data : {};
  return data.lang === 'de' || data.lang === 'en' ? data.lang : entry.setup.linter.locale;
}

/** "3 problem(s) (1 error(s), 1 warning(s), 1 info)", counted as lint's summary counts, and the first few as `line:col severity message (rule)`. */
function summarise(say: Say, entry: Entry, findings: readonly Finding[], audience: 'public' | 'confidential'): string {
  if (findings.length === 0) return '';
  const { file, lint } = entry;
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const head = say(
    audience === 'confidential'
      ? {
          en: '{file}: {total} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info) — check them before the draft is sent:',
          de: '{file}: {total} Problem(e) ({errors} Fehler, {warnings} Warnung(en), {infos} Hinweis(e)) — vor dem Versand des Entwurfs prüfen:',
        }
      : {
          en: '{file}: {total} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info) that do not block publication; check them:',
          de: '{file}: {total} Problem(e) ({errors} Fehler, {warnings} Warnung(en), {infos} Hinweis(e)), die die Veröffentlichung nicht blockieren; bitte prüfen:',
        },
    { file, total: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
  );
  const lines = findings.slice(0, SUMMARY_LIMIT).map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`);
  if (findings.length > SUMMARY_LIMIT) {
    lines.push(
      '  ' + say({ en: '… and {n} more: run `incident-report lint {lint}`', de: '… und {n} weitere: `incident-report lint {lint}` ausführen' }, { n: findings.length - SUMMARY_LIMIT, lint }),
    );
  }
  return `incident-report: ${head}\n${lines.join('\n')}\n`;
}

/**
 * The newest release of `file` whose content differs from what it publishes now, or `null` (no
 * earlier release); a release file (or the folder of them) that cannot be read or is no release is
 * a problem that names it: skipping it compared with an older release without a word.
 */
async function previousReleaseOf(file: string, report: ParsedReport, say: Say, locale: Locale): Promise<{ whatsNew: WhatsNew | null; note: string | null } | { path: string; problem: string }> {
  const folder = dirname(releaseFilePath(file, 1));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    // No folder: the report's `approvals` alone say which releases there should be.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { path: folder, problem: describeIoError(error, locale) };
    names = [];
  }
  const files = releaseVersionsIn(names);
  const found = await previousRelease(
    report,
    (version) => readTextFile(releaseFilePath(file, version)).catch((error: unknown) => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? null : { error: describeIoError(error, locale) })),
    files,
    locale,
  );
  if (found === null || 'since' in found) return { whatsNew: found, note: noWhatsNew(found, report, files, locale) };
  if (found.foreign) return { path: releaseFilePath(file, found.version), problem: found.problem };
  return {
    path: releaseFilePath(file, found.version),
    problem: say(
      { en: '{problem}; --whats-new compares with this release: restore the file (from version control or a backup)', de: '{problem}; --whats-new vergleicht mit diesem Release: die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)' },
      { problem: found.problem },
    ),
  };
}
