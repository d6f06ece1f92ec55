import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, familyEntry, IO_REASONS, memberOf, parseReport, type Finding, type LintContext, type Linter, type Locale, type RequireApproval, type RuleLevel } from '../../src/core';

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

const FIXTURES = join(__dirname, '..', 'fixtures');

/** What a fixture's `options.json` may say. */
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
  /** The release gate (`requireApproval`). */
  requireApproval?: RequireApproval;
}

/** One fixture folder: its input, options, and the linter and lint context they ask for. */
export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  options: FixtureOptions;
  linter(locale: Locale): Linter;
  /** The lint context of a family fixture: its files stand where `options.json` puts them. */
  context(): LintContext;
}

/** Every fixture folder of test/fixtures, by name. */
export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const optionsFile = join(dir, 'options.json');
      const options: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      return {
        name,
        dir,
        input: readFileSync(join(dir, 'input.md'), 'utf8'),
        options,
        linter: (locale: Locale) =>
          createLinter({
            locale,
            timeZone: options.timeZone ?? FIXTURE_ZONE,
            now: () => (options.now ? Date.parse(options.now) : FIXTURE_NOW),
            ...(options.rules ? { rules: options.rules } : {}),
            ...(options.maxSize ? { maxSize: options.maxSize } : {}),
            ...(options.requireApproval !== undefined ? { requireApproval: options.requireApproval } : {}),
          }),
        context: () => familyContext(dir, options),
      };
    });
}

function familyContext(dir: string, options: FixtureOptions): LintContext {
  if (!options.path) return {};
  const files = options.family ?? {};
  const members = Object.entries(options.members ?? {}).map(([path, file]) => memberOf(path, parseReport(readFileSync(join(dir, file), 'utf8')))!);
  return {
    path: options.path,
    family: {
      lookup: (path) => (path in files ? familyEntry(path, readFileSync(join(dir, files[path]!), 'utf8')) : familyEntry(path, null, IO_REASONS.ENOENT!)),
      ...(members.length ? { members } : {}),
    },
  };
}
