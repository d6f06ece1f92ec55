import type { Finding } from '../../src/core';

/** One finding as a fixture line: `line:col-endLine:endCol severity ruleId path message`. */
export function findingLine(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.path ?? '-'} ${f.message}`;
}

/** The fixed clock and zone every fixture is linted with, unless its options.json says otherwise. */
export const FIXTURE_NOW = Date.parse('2026-01-01T00:00:00Z');
export const FIXTURE_ZONE = 'Europe/Berlin';
