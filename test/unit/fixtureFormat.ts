import type { Finding, RuleLevel } from '../../src/core';

/**
 * One finding as a fixture line: `line:col-endLine:endCol severity ruleId path message`, followed by
 * one `  related file:line:col-endLine:endCol message` line per related location (cross-file rules)
 * and, for a finding an inline directive suppresses, `  suppressed by line N: REASON`.
 */
export function findingLine(f: Finding): string {
  const related = (f.related ?? []).map((r) => `\n  related ${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${r.message}`);
  const suppressed = f.suppressed ? `\n  suppressed by line ${f.suppressed.line}: ${f.suppressed.justification}` : '';
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.path ?? '-'} ${f.message}` + related.join('') + suppressed;
}

/** The fixed clock and zone every fixture is linted with, unless its options.json says otherwise. */
export const FIXTURE_NOW = Date.parse('2026-01-01T00:00:00Z');
export const FIXTURE_ZONE = 'Europe/Berlin';

/** What a fixture's `options.json` may set. */
export interface FixtureOptions {
  timeZone?: string;
  now?: string;
  rules?: Record<string, RuleLevel>;
  maxSize?: number;
  /** The path `input.md` is linted as (family fixtures). */
  path?: string;
  /** Family paths → files in the fixture folder; any other path looked up does not exist. */
  family?: Record<string, string>;
  /** Member paths → files in the fixture folder: `input.md` is linted as their parent. */
  members?: Record<string, string>;
  /** Confidential drafts rendered as text and compared with `draft.<id>.<locale>.txt`. */
  drafts?: string[];
  /** Render the drafts with `--initial`. */
  initial?: boolean;
}
