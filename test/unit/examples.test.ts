import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE } from './fixtureFormat';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

describe('examples', () => {
  const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
  const good = readdirSync(join(EXAMPLES, 'incidents')).filter((f) => f.endsWith('.md'));

  it('include a German and an English report', () => {
    const langs = good.map((f) => /^lang: (\w+)/m.exec(readFileSync(join(EXAMPLES, 'incidents', f), 'utf8'))?.[1]);
    assert.ok(langs.includes('de') && langs.includes('en'), langs.join());
  });

  for (const file of good) {
    it(`${file} is clean`, () => {
      const { findings } = linter.lint(readFileSync(join(EXAMPLES, 'incidents', file), 'utf8'));
      assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`), []);
    });
  }

  it('broken.incident.md shows each kind of problem once', () => {
    const { findings } = linter.lint(readFileSync(join(EXAMPLES, 'broken', 'broken.incident.md'), 'utf8'));
    const byRule = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => f.path);
    assert.deepEqual(byRule('timestamp-timezone'), ['/timestamps/detected_at']);
    assert.deepEqual(byRule('resolved-needs-time'), ['/timestamps/resolved_at']);
    assert.deepEqual(byRule('press-contact'), ['/contacts']);
    assert.deepEqual(byRule('placeholder'), [null]);
    assert.deepEqual(byRule('chronology'), ['/timestamps/detected_at', '/updates/1/at']);
    // "Die Daten des Standesamts … sind unversehrt" while `occurred` is not a valid answer.
    assert.deepEqual(byRule('claim-data-loss'), [null]);
    assert.deepEqual(
      byRule('schema'),
      ['/severity', '/severty', '/affected_services/0/status', '/data_loss/statement', '/data_loss/occurred'],
    );
  });
});
