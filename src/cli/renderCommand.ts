import { readFile, writeFile } from 'node:fs/promises';
import { createLinter, lintOptionsFrom, type Finding } from '../core';
import { isRecord } from '../core/fields';
import { t } from '../core/i18n';
import { buildModel, findOutput, type OutputOptions } from '../core/render';
import type { RenderArgs } from './args';
import { ConfigFinder, effectiveConfig, schemaPath } from './config';
import { describeIoError } from './ioError';
import type { CommandOutcome } from './lintCommand';
import { loadSchemaFile } from './schemaFile';

/** How many findings the stderr summary lists before "… and N more". */
const SUMMARY_LIMIT = 5;

/**
 * `incident-report render <file>`: a registered output (`--as`, default the press release; or a
 * confidential draft for an authority) in one of its formats, to stdout or `--out`. The report is linted first: a draft with findings still
 * renders and the findings are summarised on stderr; `--strict` refuses a report with errors
 * (exit 1). A report that could not be checked (over the size limit) is never rendered, strict or
 * not (exit 1, with the reason). A file that cannot be read or is no incident report at all (no
 * YAML frontmatter, or frontmatter that is not a mapping) exits 2.
 */
export async function runRender(input: RenderArgs): Promise<CommandOutcome> {
  // The report's configuration (nearest .incident-report.json, or --config), the command line on top.
  const loaded = await new ConfigFinder(input.config).forTarget(input.input);
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
  const fail = (message: string): CommandOutcome => ({ stdout: '', stderr: `incident-report: ${args.input}: ${message}\n`, exitCode: 2 });

  let source: string;
  try {
    source = await readFile(args.input, 'utf8');
  } catch (error) {
    return fail(describeIoError(error));
  }

  const { findings, report, unchecked } = linter.lint(source);
  const say = (text: { en: string; de: string }, values?: Record<string, string | number>) => t(args.locale, text, values);
  // Fail closed: text that was not scanned for leaks is never printed, with or without --strict.
  if (unchecked) {
    const reason = `${unchecked.line}:${unchecked.column} ${unchecked.severity} ${unchecked.message} (${unchecked.ruleId})`;
    const refused = say({
      en: 'not rendered: the report could not be checked, and unchecked text is never published',
      de: 'nicht erzeugt: Der Bericht konnte nicht geprüft werden, und ungeprüfter Text wird nie veröffentlicht',
    });
    return { stdout: '', stderr: `incident-report: ${args.input}: ${refused}\n  ${reason}\n`, exitCode: 1 };
  }
  if (report.frontmatter.kind !== 'yaml') {
    return fail(
      say({
        en: 'not an incident report: it has no YAML frontmatter between `---` lines at the top',
        de: 'kein Vorfallsbericht: Am Anfang fehlt die YAML-Frontmatter zwischen `---`-Zeilen',
      }),
    );
  }
  if (!isRecord(report.data)) {
    const syntax = report.yamlErrors.length > 0;
    return fail(
      syntax
        ? say({
            en: 'the frontmatter cannot be read (YAML syntax error); run `incident-report lint {file}` for details',
            de: 'die Frontmatter ist nicht lesbar (YAML-Syntaxfehler); Einzelheiten mit `incident-report lint {file}`',
          }, { file: args.input })
        : say({
            en: 'not an incident report: the frontmatter is not a mapping of fields',
            de: 'kein Vorfallsbericht: Die Frontmatter ist keine Zuordnung von Feldern',
          }),
    );
  }

  const errors = findings.filter((f) => f.severity === 'error');
  let stderr = summarise(args, findings);
  if (args.strict && errors.length > 0) {
    stderr += `incident-report: ${args.input}: ${say(
      {
        en: 'not rendered: --strict refuses a report with errors ({count})',
        de: 'nicht erzeugt: --strict lehnt einen Bericht mit Fehlern ab ({count})',
      },
      { count: errors.length },
    )}\n`;
    return { stdout: '', stderr, exitCode: 1 };
  }

  const options: OutputOptions = {
    locale: args.locale,
    now: args.now ?? Date.now(),
    schema: linter.schema.info,
    ...(args.explicitLocale ? { forceLocale: args.locale } : {}),
  };
  const definition = findOutput(args.output)!;
  // A public output sees the publication model only, never the report (outputs.ts); confidential
  // drafts for authorities read the whole report.
  const output =
    definition.audience === 'public'
      ? definition.render([buildModel(report, options)], args.format, options)
      : definition.render([report], args.format, options);
  if (args.out === null) return { stdout: output, stderr, exitCode: 0 };
  try {
    await writeFile(args.out, output, 'utf8');
  } catch (error) {
    return { stdout: '', stderr: stderr + `incident-report: ${args.out}: ${describeIoError(error)}\n`, exitCode: 2 };
  }
  stderr += `incident-report: ${say({ en: 'wrote {file}', de: '{file} geschrieben' }, { file: args.out })}\n`;
  return { stdout: '', stderr, exitCode: 0 };
}

/** "3 problems (1 error, 2 warnings)" and the first few as `line:col severity message (rule)`. */
function summarise(args: RenderArgs, findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const head = t(
    args.locale,
    {
      en: '{file}: {total} problem(s) ({errors} error(s), {warnings} warning(s)) — the release may not be ready to publish:',
      de: '{file}: {total} Problem(e) ({errors} Fehler, {warnings} Warnung(en)) — die Pressemitteilung ist womöglich nicht veröffentlichungsreif:',
    },
    { file: args.input, total: findings.length, errors: count('error'), warnings: count('warning') },
  );
  const lines = findings.slice(0, SUMMARY_LIMIT).map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`);
  if (findings.length > SUMMARY_LIMIT) {
    lines.push(
      '  ' +
        t(
          args.locale,
          { en: '… and {n} more: run `incident-report lint {file}`', de: '… und {n} weitere: `incident-report lint {file}` ausführen' },
          { n: findings.length - SUMMARY_LIMIT, file: args.input },
        ),
    );
  }
  return `incident-report: ${head}\n${lines.join('\n')}\n`;
}
