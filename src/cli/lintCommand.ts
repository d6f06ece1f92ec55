import type { LintArgs } from './args';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult, Formatter } from './formatters/types';
import { ignoredTargets, lintRun, noReportsFound } from './lintRun';
import type { StdinSource } from './stdin';
import { t } from '../core';

/** How many fixed files `lint --fix` names on stderr before it counts the rest. */
const FIXED_NAMED = 10;

const FORMATTERS: Record<LintArgs['format'], Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

/** Output and exit code of a lint run; the caller writes them. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/**
 * `incident-report lint`: every target gets the configuration of its nearest `.incident-report.json`
 * (or `--config`), with the command line on top (see lintRun.ts, which `render` shares). With
 * `--fix` the safe fixes are written to the files first, and the findings are what is left. Findings an
 * inline directive suppresses are printed as such and count for neither the exit code nor
 * `--max-warnings`.
 */
export async function runLint(args: LintArgs, stdin?: StdinSource): Promise<CommandOutcome> {
  const run = await lintRun(args, false, stdin);
  const { targets, problems, outcomes, locale, fixed } = run;
  let stderr = problems.map((p) => `incident-report: ${p.arg}: ${t(locale, p.message)}\n`).join('');
  // On stderr: stdout is the report (JSON, SARIF, annotations), and what is printed there is what is left.
  if (fixed.length > 0) {
    // The first few by name; a folder of hundreds is a count (the files are in the version control's diff).
    const more = fixed.length - FIXED_NAMED;
    const files = fixed.slice(0, FIXED_NAMED).join(', ') + (more > 0 ? t(locale, { en: ' and {n} more', de: ' und {n} weitere' }, { n: more }) : '');
    stderr += `incident-report: ${t(locale, { en: 'safe fixes written to {n} file(s): {files}', de: 'sichere Korrekturen in {n} Datei(en) geschrieben: {files}' }, { n: fixed.length, files })}\n`;
  }

  const results: FileResult[] = [];
  targets.forEach((target, i) => {
    const outcome = outcomes[i]!;
    if (outcome.kind === 'skipped') return;
    if (outcome.kind === 'io') {
      stderr += `incident-report: ${target.display}: ${outcome.message}\n`;
      results.push({ file: target.display, findings: [], ioError: outcome.message });
      return;
    }
    const { findings } = outcome;
    results.push({ file: target.display, findings: args.quiet ? findings.filter((f) => f.severity === 'error') : findings });
  });

  // Nothing checked is no clean result: a folder without reports (or a wrong folder, or one whose
  // reports are all ignored) fails as ESLint fails on a pattern that matches nothing, and says what
  // was found there instead.
  const nothingChecked = results.length === 0 && problems.length === 0;
  if (nothingChecked) stderr += `incident-report: ${noReportsFound(targets.length, ignoredTargets(run), locale)}\n`;
  const stdout = FORMATTERS[args.format](results, { locale, color: args.color });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error' && !f.suppressed).length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning' && !f.suppressed).length, 0);
  const ioFailed = results.some((r) => r.ioError) || problems.length > 0;
  let exitCode: 0 | 1 | 2 = 0;
  if (errors > 0 || (args.maxWarnings !== null && warnings > args.maxWarnings)) exitCode = 1;
  if (ioFailed || nothingChecked) exitCode = 2;
  if (args.maxWarnings !== null && warnings > args.maxWarnings) {
    stderr += `incident-report: ${t(locale, { en: '{n} warnings exceed --max-warnings {max}', de: '{n} Warnungen überschreiten --max-warnings {max}' }, { n: warnings, max: args.maxWarnings })}\n`;
  }
  return { stdout, stderr, exitCode };
}
