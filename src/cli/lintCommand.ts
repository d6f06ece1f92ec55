import { createLinter, type Linter } from '../core';
import type { LintArgs } from './args';
import { expandTargets } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult, Formatter } from './formatters/types';
import { loadSchemaFile } from './schemaFile';
import { lintAll } from './workerPool';
import { linterOptions, type WorkerLintOptions } from './workerTask';


const FORMATTERS: Record<LintArgs['format'], Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif };

/** Output and exit code of a lint run; the caller writes them. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/**
 * `incident-report lint`: one linter (schema compiled once) over every target; large runs are
 * shared with worker threads (workerPool.ts), with results in the same order either way.
 */
export async function runLint(args: LintArgs): Promise<CommandOutcome> {
  const schema = args.schema ? await loadSchemaFile(args.schema) : undefined;
  const options: WorkerLintOptions = {
    locale: args.locale,
    rules: args.rules,
    ...(schema !== undefined ? { schema } : {}),
    ...(args.timeZone ? { timeZone: args.timeZone } : {}),
    ...(args.now !== undefined ? { nowMs: args.now } : {}),
    ...(args.maxSize !== undefined ? { maxSize: args.maxSize } : {}),
  };
  const linter: Linter = createLinter(linterOptions(options));
  const { targets, problems } = await expandTargets(args.inputs);
  let stderr = problems.map((p) => `incident-report: ${p.arg}: ${p.message}\n`).join('');

  const outcomes = await lintAll(targets, linter, options);
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
  const stdout = FORMATTERS[args.format](results, { locale: args.locale, color: args.color });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const ioFailed = results.some((r) => r.ioError) || problems.length > 0;
  let exitCode: 0 | 1 | 2 = 0;
  if (errors > 0 || (args.maxWarnings !== null && warnings > args.maxWarnings)) exitCode = 1;
  if (ioFailed) exitCode = 2;
  if (args.maxWarnings !== null && warnings > args.maxWarnings) {
    stderr += `incident-report: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}\n`;
  }
  return { stdout, stderr, exitCode };
}
