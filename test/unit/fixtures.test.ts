import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, familyEntry, findOutput, memberOf, parseReport, type LintContext, type Locale } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE, findingLine, type FixtureOptions } from './fixtureFormat';

/**
 * Fixture-driven engine tests. Each folder in test/fixtures holds `input.md` (byte-exact: CRLF and
 * BOM cases stay as they are) and the expected findings per locale, `expected.en.txt` and
 * optionally `expected.de.txt`, one finding a line. `options.json` may set `timeZone`, `now`
 * (RFC 3339) and `rules`. `UPDATE_FIXTURES=1` rewrites the expected files (review the diff!).
 * `drafts` lists confidential drafts whose text rendering (at `now`, in each locale) is expected
 * in `draft.<id>.<locale>.txt`.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

/** The lint context of a family fixture: its files stand where `options.json` puts them. */
function familyContext(dir: string, options: FixtureOptions): LintContext {
  if (!options.path) return {};
  const files = options.family ?? {};
  const members = Object.entries(options.members ?? {}).map(([path, file]) => memberOf(path, parseReport(readFileSync(join(dir, file), 'utf8')))!);
  return {
    path: options.path,
    family: {
      lookup: (path) => (path in files ? familyEntry(path, readFileSync(join(dir, files[path]!), 'utf8')) : familyEntry(path, null, 'no such file')),
      ...(members.length ? { members } : {}),
    },
  };
}

describe('fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it('exist', () => assert.ok(cases.length >= 20, `only ${cases.length} fixture folders`));

  for (const name of cases) {
    const dir = join(FIXTURES, name);
    const input = readFileSync(join(dir, 'input.md'), 'utf8');
    const optionsFile = join(dir, 'options.json');
    const options: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    for (const locale of ['en', 'de'] as Locale[]) {
      const expectedFile = join(dir, `expected.${locale}.txt`);
      if (locale === 'de' && !existsSync(expectedFile) && !update) continue;
      if (locale === 'de' && update && !existsSync(expectedFile)) continue;
      it(`${name} (${locale})`, () => {
        const linter = createLinter({
          locale,
          timeZone: options.timeZone ?? FIXTURE_ZONE,
          now: () => (options.now ? Date.parse(options.now) : FIXTURE_NOW),
          ...(options.rules ? { rules: options.rules } : {}),
          ...(options.maxSize ? { maxSize: options.maxSize } : {}),
        });
        const actual = linter.lint(input, familyContext(dir, options)).findings.map(findingLine).join('\n');
        if (update) {
          writeFileSync(expectedFile, actual ? actual + '\n' : '');
          return;
        }
        const expected = readFileSync(expectedFile, 'utf8').replace(/\r\n/g, '\n').trimEnd();
        assert.equal(actual, expected);
      });
      for (const id of options.drafts ?? []) {
        it(`${name}: draft ${id} (${locale})`, () => {
          const output = findOutput(id);
          assert.ok(output && output.audience === 'confidential', `${id} is no confidential draft`);
          const now = options.now ? Date.parse(options.now) : FIXTURE_NOW;
          const actual = output.render([parseReport(input)], 'text', { now, forceLocale: locale, ...(options.initial ? { initial: true } : {}) });
          const file = join(dir, `draft.${id}.${locale}.txt`);
          if (update) {
            writeFileSync(file, actual);
            return;
          }
          assert.equal(actual, readFileSync(file, 'utf8'));
        });
      }
    }
  }
});
