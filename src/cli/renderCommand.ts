import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter, isIncidentReport, lintOptionsFrom, withTrust, type Finding, type ParsedReport } from '../core';
import { isRecord } from '../core/fields';
import { t } from '../core/i18n';
import { buildModel } from '../core/render';
import { FEED_FILE, feedUrl, renderAtom } from '../core/render/atom';
import { findOutput, OutputIds, type OutputAudience, type OutputOptions } from '../core/render/outputs';
import type { RenderArgs } from './args';
import { ConfigFinder, effectiveConfig, schemaPath } from './config';
import { expandTargets, matchPath } from './files';
import { describeIoError } from './ioError';
import type { CommandOutcome } from './lintCommand';
import { loadSchemaFile } from './schemaFile';

/** How many findings the stderr summary lists before "… and N more". */
const SUMMARY_LIMIT = 5;

/**
 * `incident-report render [--as OUTPUT] <file>...`: an output of the registry (the press release by
 * default, or a confidential draft for an authority) to stdout or `--out`. Every report is linted first: a draft with findings still renders
 * and the findings are summarised on stderr; `--strict` refuses reports with errors (exit 1). A file
 * that cannot be read or is no incident report at all (no YAML frontmatter, or frontmatter that is
 * not a mapping) exits 2. Directories are searched for reports (for outputs that take several).
 */
export async function runRender(input: RenderArgs): Promise<CommandOutcome> {
  const output = findOutput(input.as)!;
  // The configuration of the first report (nearest .incident-report.json, or --config), the command line on top.
  const found = await new ConfigFinder(input.config).forTarget(input.inputs[0]!);
  const loaded = input.restricted ? { ...found, config: withTrust(found.config, false) } : found;
  const config = effectiveConfig(loaded, input);
  const args: RenderArgs = { ...input, locale: config.locale ?? input.locale };
  const schemaFile = schemaPath(loaded, input);
  const schema = schemaFile ? await loadSchemaFile(schemaFile, input.schema ? '--schema ' : '') : undefined;
  const linter = createLinter({
    ...lintOptionsFrom(config),
    locale: args.locale,
    ...(schema !== undefined ? { schema } : {}),
    ...(args.now !== undefined ? { now: () => args.now! } : {}),
  });
  const say = (text: { en: string; de: string }, values?: Record<string, string | number>) => t(args.locale, text, values);
  const fail = (file: string, message: string, stderr = ''): CommandOutcome => ({ stdout: '', stderr: `${stderr}incident-report: ${file}: ${message}\n`, exitCode: 2 });

  const { targets, problems } = await expandTargets(args.inputs);
  if (problems.length > 0) return fail(problems[0]!.arg, problems[0]!.message);
  const reports: ParsedReport[] = [];
  let stderr = '';
  let errorCount = 0;
  for (const target of targets) {
    let source: string;
    try {
      source = await readFile(target.display, 'utf8');
    } catch (error) {
      return fail(target.display, describeIoError(error), stderr);
    }
    if (!target.explicit && !isIncidentReport(source, matchPath(target.display))) continue;
    const { findings, report, unchecked } = linter.lint(source);
    // Fail closed: text that was not scanned for leaks is never printed, with or without --strict.
    if (unchecked) {
      const reason = `${unchecked.line}:${unchecked.column} ${unchecked.severity} ${unchecked.message} (${unchecked.ruleId})`;
      const refused = say({
        en: 'not rendered: the report could not be checked, and unchecked text is never published',
        de: 'nicht erzeugt: Der Bericht konnte nicht geprüft werden, und ungeprüfter Text wird nie veröffentlicht',
      });
      return { stdout: '', stderr: `${stderr}incident-report: ${target.display}: ${refused}\n  ${reason}\n`, exitCode: 1 };
    }
    const problem = unusable(report, target.display, say);
    if (problem) return fail(target.display, problem, stderr);
    stderr += summarise(args, target.display, findings, output.audience);
    errorCount += findings.filter((f) => f.severity === 'error').length;
    reports.push(report);
  }
  if (reports.length === 0) {
    return fail(args.inputs.join(' '), say({ en: 'no incident reports found', de: 'keine Vorfallsberichte gefunden' }), stderr);
  }
  if (reports.length > 1 && !output.multi) {
    return fail(args.inputs.join(' '), say({ en: 'render --as {as} takes exactly one report, found {n}', de: 'render --as {as} nimmt genau einen Bericht, gefunden: {n}' }, { as: args.as, n: reports.length }), stderr);
  }

  if (args.strict && errorCount > 0) {
    stderr += `incident-report: ${say(
      {
        en: 'not rendered: --strict refuses a report with errors ({count})',
        de: 'nicht erzeugt: --strict lehnt einen Bericht mit Fehlern ab ({count})',
      },
      { count: errorCount },
    )}\n`;
    return { stdout: '', stderr, exitCode: 1 };
  }

  const options: OutputOptions = {
    locale: args.locale,
    now: args.now ?? Date.now(),
    schema: linter.schema.info,
    ...(args.explicitLocale ? { forceLocale: args.locale } : {}),
    ...(args.link !== null ? { link: args.link } : {}),
    ...(args.maxChars !== null ? { maxChars: args.maxChars } : {}),
    ...(args.hashtags.length > 0 ? { hashtags: args.hashtags } : {}),
    ...(args.initial ? { initial: true } : {}),
  };
  // A public output sees the publication models only, never the report (outputs.ts); confidential
  // drafts for authorities read the whole report.
  const models = () => reports.map((report) => buildModel(report, options));
  const rendered = output.audience === 'public' ? output.render(models(), args.format, options) : output.render(reports, args.format, options);
  if (args.out === null) return { stdout: rendered, stderr, exitCode: 0 };

  // The status page goes into a directory, with its feed beside it (the page links `feed.xml`).
  const files: Array<{ path: string; content: string }> =
    output.id === OutputIds.statusPage
      ? [
          { path: join(args.out, args.format === 'text' ? 'index.txt' : 'index.html'), content: rendered },
          { path: join(args.out, FEED_FILE), content: renderAtom(models(), options) },
        ]
      : [{ path: args.out, content: rendered }];
  try {
    if (output.id === OutputIds.statusPage) await mkdir(args.out, { recursive: true });
  } catch (error) {
    return { stdout: '', stderr: stderr + `incident-report: ${args.out}: ${describeIoError(error)}\n`, exitCode: 2 };
  }
  for (const file of files) {
    try {
      await writeFile(file.path, file.content, 'utf8');
    } catch (error) {
      return { stdout: '', stderr: stderr + `incident-report: ${file.path}: ${describeIoError(error)}\n`, exitCode: 2 };
    }
    stderr += `incident-report: ${say({ en: 'wrote {file}', de: '{file} geschrieben' }, { file: file.path })}\n`;
  }
  if (output.id === OutputIds.statusPage && args.link) stderr += `incident-report: feed URL: ${feedUrl(args.link)}\n`;
  return { stdout: '', stderr, exitCode: 0 };
}

/** Why a linted file cannot be rendered at all, or `null`. */
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

/** "3 problems (1 error, 2 warnings)" and the first few as `line:col severity message (rule)`. */
function summarise(args: RenderArgs, file: string, findings: readonly Finding[], audience: OutputAudience): string {
  if (findings.length === 0) return '';
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  // A confidential draft is not published: its findings are facts to check before it is sent.
  const head = t(
    args.locale,
    audience === 'confidential'
      ? {
          en: '{file}: {total} problem(s) ({errors} error(s), {warnings} warning(s)) — check them before the draft is sent:',
          de: '{file}: {total} Problem(e) ({errors} Fehler, {warnings} Warnung(en)) — vor dem Versand des Entwurfs prüfen:',
        }
      : {
          en: '{file}: {total} problem(s) ({errors} error(s), {warnings} warning(s)) — the release may not be ready to publish:',
          de: '{file}: {total} Problem(e) ({errors} Fehler, {warnings} Warnung(en)) — die Pressemitteilung ist womöglich nicht veröffentlichungsreif:',
        },
    { file, total: findings.length, errors: count('error'), warnings: count('warning') },
  );
  const lines = findings.slice(0, SUMMARY_LIMIT).map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`);
  if (findings.length > SUMMARY_LIMIT) {
    lines.push(
      '  ' +
        t(
          args.locale,
          { en: '… and {n} more: run `incident-report lint {file}`', de: '… und {n} weitere: `incident-report lint {file}` ausführen' },
          { n: findings.length - SUMMARY_LIMIT, file },
        ),
    );
  }
  return `incident-report: ${head}\n${lines.join('\n')}\n`;
}
