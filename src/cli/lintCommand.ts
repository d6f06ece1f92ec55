import type { LintArgs } from './args';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult, Formatter } from './formatters/types';
import { lintRun } from './lintRun';

const FORMATTERS: Record<LintArgs['format'], Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

/** Output and exit code of a lint run; the caller writes them. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/**
 * `incident-report lint`: every target gets the configuration of its nearest `.incident-report.json`
 * (or `--config`), with the command line on top (see lintRun.ts, which `render` shares). Findings an
 * inline directive suppresses are printed as such and count for neither the exit code nor
 * `--max-warnings`.
 */
export async function runLint(args: LintArgs): Promise<CommandOutcome> {
  const { targets, problems, outcomes, locale } = await lintRun(args);
  let stderr = problems.map((p) => `incident-report: ${p.arg}: ${p.message}\n`).join('');

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

  if (targets.length === 0 && problems.length === 0) {
    stderr += 'incident-report: no incident reports found in the given directories\n';
  }
  const stdout = FORMATTERS[args.format](results, { locale, color: args.color });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error' && !f.suppressed).length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning' && !f.suppressed).length, 0);
  const ioFailed = results.some((r) => r.ioError) || problems.length > 0;
  let exitCode: 0 | 1 | 2 = 0;
  if (errors > 0 || (args.maxWarnings !== null && warnings > args.maxWarnings)) exitCode = 1;
  if (ioFailed) exitCode = 2;
  if (args.maxWarnings !== null && warnings > args.maxWarnings) {
    stderr += `incident-report: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}\n`;
  }
  return { stdout, stderr, exitCode };
}
