import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { meantDateTime } from '../../src/core/shared/meantDateTime';
import { formatInZone, formatOffset, parseDateTime, zoneOffsetMinutes } from '../../src/core/shared/time';

describe('meantDateTime: the RFC 3339 timestamp a near miss means', () => {
  it('reads German dates, missing seconds, offsets without colon or with one digit, and zone abbreviations', () => {
    const cases: Array<[string, string | null]> = [
      ['30.10.2023 01:01', '2023-10-30T01:01:00+01:00'],
      ['30.10.2023, 1:01 Uhr', '2023-10-30T01:01:00+01:00'],
      ['30.10.2023 um 01.01 Uhr MEZ', '2023-10-30T01:01:00+01:00'],
      ['1.7.2024 14:30', '2024-07-01T14:30:00+02:00'],
      ['1.7.2024 14:30:15 (MESZ)', '2024-07-01T14:30:15+02:00'],
      ['2023-10-30T01:01+01:00', '2023-10-30T01:01:00+01:00'],
      ['2023-10-30T01:01:00+0100', '2023-10-30T01:01:00+01:00'],
      ['2023-10-30T01:01:00+1:00', '2023-10-30T01:01:00+01:00'],
      ['2023-10-30T01:01:00-05', '2023-10-30T01:01:00-05:00'],
      ['2023-10-30 01:01:00 UTC', '2023-10-30T01:01:00Z'],
      ['2023-10-30T01:01:00 CET', '2023-10-30T01:01:00+01:00'],
      // Not a near miss, or no such day or time.
      ['31.06.2023 01:01', null],
      ['29.02.2023 12:00', null],
      ['30.10.2023 25:00', null],
      ['30.10.2023 01:61', null],
      ['2023-10-30T01:01:00+15:00', null],
      ['10/30/2023 01:01', null],
      ['30.10.2023', null],
      ['gestern Abend', null],
    ];
    for (const [written, meant] of cases) assert.equal(meantDateTime(written, 'Europe/Berlin'), meant, written);
  });

  it('property: a German date and time means that wall time with the offset the zone had then', () => {
    const zone = 'Europe/Berlin';
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        // A wall time the zone really had: the instant's own local time (never one in a DST gap).
        const rfc = formatInZone(date.getTime() - (date.getTime() % 60_000), zone);
        const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc)!;
        const german = `${Number(day)}.${Number(month)}.${year} ${hour}:${minute} Uhr`;
        const meant = meantDateTime(german, zone);
        assert.ok(meant, german);
        const parsed = parseDateTime(meant)!;
        assert.deepEqual([parsed.local.year, parsed.local.month, parsed.local.day, parsed.local.hour, parsed.local.minute], [year, month, day, hour, minute].map(Number));
        // In the hour that repeats when clocks go back either offset names a real instant: that is
        // why the offset is the zone's at that instant, not necessarily this instant's own.
        assert.equal(meant.slice(19), formatOffset(zoneOffsetMinutes(zone, parsed.epochMs)), `${german} → ${meant}`);
      }),
      { numRuns: 1000, seed: 4711 },
    );
  });
});

