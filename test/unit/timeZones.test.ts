import { strict as assert } from 'node:assert';
import { timeZoneChoices } from '../../src/core/templates/timeZones';

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
