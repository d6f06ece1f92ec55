import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_REPORT_GLOBS, isIncidentReport, type Finding, type Linter, type LintOptions } from '../core';
import type { Target } from './files';
import { matchPath } from './files';
import { describeIoError } from './ioError';

/** What linting one target gave: the same whether the main thread or a worker did it. */
export type TargetOutcome =
  | { kind: 'linted'; findings: Finding[] }
  /** Found below a directory but not an incident report: left out of the results. */
  | { kind: 'skipped' }
  | { kind: 'io'; message: string };

/** The linter options a worker needs to build the same linter as the main thread (structured-cloneable). */
export type WorkerLintOptions = Pick<LintOptions, 'locale' | 'rules' | 'schema' | 'timeZone' | 'internalDomains' | 'ticketPattern' | 'maxSize'> & {
  /** The configuration's report globs, matched against paths relative to `filesBase` (its folder). */
  files?: readonly string[];
  filesBase?: string;
  /** A fixed "now" (epoch ms, from `--now`); a function cannot cross to a worker. */
  nowMs?: number;
};

/** The linter options of worker options: a fixed `nowMs` becomes the clock. */
export function linterOptions(options: WorkerLintOptions): LintOptions {
  const { nowMs, files, filesBase, ...rest } = options;
  void files;
  void filesBase;
  return nowMs === undefined ? rest : { ...rest, now: () => nowMs };
}

/** Reads and lints one target. Never throws for I/O: an unreadable file is an outcome. */
export function lintTarget(linter: Linter, target: Target, options: WorkerLintOptions = {}): TargetOutcome {
  let text: string;
  try {
    // Synchronous on purpose: one open+read+close per file instead of four awaited steps; the
    // CLI has nothing else to do meanwhile (and workers read their own files in parallel).
    text = readFileSync(target.display, 'utf8');
  } catch (error) {
    return { kind: 'io', message: describeIoError(error) };
  }
  if (!target.explicit && !isIncidentReport(text, reportPath(target, options), options.files ?? DEFAULT_REPORT_GLOBS)) return { kind: 'skipped' };
  return { kind: 'linted', findings: linter.lint(text).findings };
}

/** The path report globs are matched against: relative to the configuration's folder, else to the working directory. */
function reportPath(target: Target, options: WorkerLintOptions): string {
  if (options.filesBase === undefined) return matchPath(target.display);
  return relative(options.filesBase, resolve(target.display)).replace(/\\/g, '/');
}
