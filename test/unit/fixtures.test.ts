import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOutput, parseReport, type Locale } from '../../src/core';
import { FIXTURE_NOW, findingLine, fixtureCases } from './fixtureFormat';

/**
 * Fixture-driven engine tests. Each folder in test/fixtures holds `input.md` (byte-exact: CRLF and
 * BOM cases stay as they are) and the expected findings per locale, `expected.en.txt` and
 * optionally `expected.de.txt`, one finding a line. `options.json` may set `timeZone`, `now`
 * (RFC 3339) and `rules`. `UPDATE_FIXTURES=1` rewrites the expected files (review the diff!).
 * `drafts` lists confidential drafts whose text rendering (at `now`, in each locale) is expected
 * in `draft.<id>.<locale>.txt`.
 */
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures', () => {
  const cases = fixtureCases();
  it('exist', () => assert.ok(cases.length >= 20, `only ${cases.length} fixture folders`));

  for (const { name, dir, input, options, linter, context } of cases) {
    for (const locale of ['en', 'de'] as Locale[]) {
      const expectedFile = join(dir, `expected.${locale}.txt`);
      if (locale === 'de' && !existsSync(expectedFile) && !update) continue;
      if (locale === 'de' && update && !existsSync(expectedFile)) continue;
      it(`${name} (${locale})`, () => {
        const actual = linter(locale).lint(input, context()).findings.map(findingLine).join('\n');
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
