import { isIncidentReport, type FamilyMember, type Finding, type Linter, type LintOptions } from '../core';
import type { FamilyFiles } from './familyFiles';
import type { Target } from './files';
import { matchPath } from './files';

/** What linting one target gave: the same whether the main thread or a worker did it. */
export type TargetOutcome =
  /** `member`: the report names a parent (collected to lint the parent with its members). */
  | { kind: 'linted'; findings: Finding[]; member: FamilyMember | null }
  /** Found below a directory but not an incident report: left out of the results. */
  | { kind: 'skipped' }
  | { kind: 'io'; message: string };

/** The linter options a worker needs to build the same linter as the main thread (structured-cloneable). */
export type WorkerLintOptions = Pick<LintOptions, 'locale' | 'rules' | 'schema' | 'timeZone' | 'maxSize'>;

/**
 * Reads and lints one target, with its parents from `files` (read once per thread). Never throws
 * for I/O: an unreadable file is an outcome. Synchronous on purpose: one open+read+close per file
 * instead of four awaited steps; the CLI has nothing else to do meanwhile (and workers read their
 * own files in parallel).
 */
export function lintTarget(linter: Linter, target: Target, files: FamilyFiles, members?: readonly FamilyMember[]): TargetOutcome {
  const { text, error } = files.read(target.display);
  if (text === null) return { kind: 'io', message: error ?? 'not readable' };
  if (!target.explicit && !isIncidentReport(text, matchPath(target.display))) return { kind: 'skipped' };
  const family = members ? files.withMembers(members) : files;
  const { findings, member } = linter.lint(text, { path: target.display, family });
  return { kind: 'linted', findings, member };
}
