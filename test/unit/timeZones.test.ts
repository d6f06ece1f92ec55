import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeZoneChoices } from '../../src/core/templates/timeZones';
import { checkTimeZone, knownTimeZones, timeZoneOffers, timeZoneProblem } from '../../src/core/shared/timeZoneNames';
import { createLinter } from '../../src/core';
import { fixAllText, fixEdits } from '../../src/core/linter/fixes';

const AVAILABLE = ['Europe/Vienna', 'America/New_York', 'Europe/Berlin', 'UTC', 'Asia/Tokyo'];
const zonesOf = (result: ReturnType<typeof timeZoneChoices>) => result.choices.map((c) => c.zone);

describe('timeZoneChoices', () => {
  it('offers Europe/Berlin first for a German report on a UTC server, and pre-selects the system zone', () => {
    const result = timeZoneChoices({ lang: 'de', system: 'UTC', available: AVAILABLE });
    assert.deepEqual(zonesOf(result), ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Vienna']);
    assert.equal(result.preselected, 1);
    assert.deepEqual(result.choices[1], { zone: 'UTC', configured: false, system: true });
  });

  it('pre-selects the configured zone, after Europe/Berlin for German reports', () => {
    const result = timeZoneChoices({ lang: 'de', configured: 'Asia/Tokyo', system: 'UTC', available: AVAILABLE });
    assert.deepEqual(zonesOf(result), ['Europe/Berlin', 'Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/Vienna']);
    assert.equal(result.preselected, 1);
    assert.deepEqual(result.choices[1], { zone: 'Asia/Tokyo', configured: true, system: false });
  });

  it('does not put Europe/Berlin first for an English report', () => {
    const result = timeZoneChoices({ lang: 'en', configured: 'America/New_York', system: 'Europe/Vienna', available: AVAILABLE });
    assert.deepEqual(zonesOf(result), ['America/New_York', 'Europe/Vienna', 'UTC', 'Asia/Tokyo', 'Europe/Berlin']);
    assert.equal(result.preselected, 0);
  });

  it('lists a zone once when it is Berlin, configured and the system zone at once', () => {
    const result = timeZoneChoices({ lang: 'de', configured: 'Europe/Berlin', system: 'Europe/Berlin', available: AVAILABLE });
    assert.deepEqual(zonesOf(result), ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Vienna']);
    assert.equal(result.preselected, 0);
    assert.deepEqual(result.choices[0], { zone: 'Europe/Berlin', configured: true, system: true });
  });

  it('ignores an invalid configured zone and unknown available ones', () => {
    const result = timeZoneChoices({ lang: 'en', configured: 'Mars/Olympus', system: 'UTC', available: ['Nowhere/Land', 'Asia/Tokyo'] });
    assert.deepEqual(zonesOf(result), ['UTC', 'Asia/Tokyo']);
    assert.equal(result.preselected, 0);
  });
});

describe('time-zone names', () => {
  it('knows the IANA zones of the runtime, spelt as the database spells them', () => {
    for (const zone of ['Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1', 'US/Eastern', 'CET']) assert.deepEqual(checkTimeZone(zone), { ok: true }, zone);
    assert.ok(knownTimeZones().includes('Europe/Berlin') && knownTimeZones().includes('UTC'));
  });

  it('names the closest known zone of a typo, a city, a colloquial name or a name in the wrong case', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Europe/Berl', 'Europe/Berlin'],
      ['Europa/Berlin', 'Europe/Berlin'],
      ['Berlin', 'Europe/Berlin'],
      ['New York', 'America/New_York'],
      ['MEZ', 'Europe/Berlin'],
      ['Mars/Olympus', undefined],
      ['+01:00', undefined],
      ['', undefined],
    ];
    for (const [name, suggestion] of cases) assert.deepEqual(checkTimeZone(name), { ok: false, suggestion }, name);
    assert.deepEqual(checkTimeZone('europe/berlin'), { ok: false, suggestion: 'Europe/Berlin', wrongCase: true });
    assert.deepEqual(checkTimeZone('utc'), { ok: false, suggestion: 'UTC', wrongCase: true });
  });

  it('says so in German and English', () => {
    const check = checkTimeZone('Europe/Berl') as Extract<ReturnType<typeof checkTimeZone>, { ok: false }>;
    assert.equal(timeZoneProblem('Europe/Berl', check, 'en'), '`Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?');
    assert.equal(timeZoneProblem('Europe/Berl', check, 'de'), '`Europe/Berl` ist keine IANA-Zeitzone, die diese Laufzeitumgebung kennt. Meinten Sie Europe/Berlin?');
    assert.equal(timeZoneProblem('Mars/Olympus', { ok: false, suggestion: undefined }, 'en'), '`Mars/Olympus` is no IANA time zone this runtime knows. Write an IANA name such as Europe/Berlin or UTC.');
  });

  it('offers every known zone once, those where the report language is spoken first, then UTC', () => {
    const german = timeZoneOffers('de');
    assert.deepEqual(german.slice(0, 7).map((o) => o.zone), ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Vaduz', 'Europe/Luxembourg', 'Europe/Busingen', 'UTC']);
    assert.deepEqual(german.slice(0, 7).map((o) => o.regional), [true, true, true, true, true, true, false]);
    assert.deepEqual([...german.map((o) => o.zone)].sort(), [...knownTimeZones()]);
    assert.deepEqual(timeZoneOffers('en').slice(0, 3).map((o) => o.zone), ['Europe/London', 'Europe/Dublin', 'America/New_York']);
    // Only what the runtime has: a zone it lacks is not offered, even for the language's region.
    assert.deepEqual(timeZoneOffers('de', ['Europe/Vienna', 'Asia/Tokyo']).map((o) => o.zone), ['Europe/Vienna', 'Asia/Tokyo']);
  });

  it('leaves the suggested zone to the author: preferred quick fix, never applied by "fix all"', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'timezone-unknown', 'input.md'), 'utf8');
    const linter = createLinter({ now: () => Date.parse('2023-11-07T12:00:00Z') });
    const result = linter.lint(text);
    const finding = result.findings.find((f) => f.ruleId === 'timezone-name')!;
    const [action] = fixEdits(result.report, finding);
    assert.equal(action!.title, 'Change to `Europe/Berlin`');
    assert.equal(action!.isPreferred, true);
    assert.equal(action!.safe, false);
    assert.equal(fixAllText(text, (input) => linter.lint(input)), text);
  });
});
