import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fullFormats as ajvFullFormats } from 'ajv-formats/dist/formats';
import { fullFormats } from '../../src/core/schema/formats';

/**
 * The bundled validator's date checks remember their answers: the answers must stay ajv-formats'
 * own, except that `date-time` takes RFC 3339 offsets only (`+01:00`, `Z`; not `+0100` or `+01`).
 */
describe('remembered date formats', () => {
  const check = (format: unknown) => (format as { validate: (text: string) => boolean }).validate;
  const RFC3339_OFFSET = /(?:[Zz]|[+-]\d{2}:\d{2})$/;

  it('give ajv-formats’ answers for date-time (with RFC 3339 offsets only) and date, asked once and again', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const date = fc.tuple(fc.constantFrom('2023', '2024', '1900', '2000', '0000', '999'), two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const time = fc
      .tuple(two(25), two(61), two(61), fc.constantFrom('', '.5', '.123'), fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+0100', '+01', '', '+24:00', 'x'))
      .map(([h, m, s, fraction, zone]) => `${h}:${m}:${s}${fraction}${zone}`);
    const text = fc.oneof(
      date,
      fc.tuple(date, fc.constantFrom('T', 't', ' ', 'x', ''), time).map((parts) => parts.join('')),
      fc.string({ maxLength: 12 }),
    );
    let valid = 0;
    fc.assert(
      fc.property(text, (text) => {
        for (const name of ['date-time', 'date'] as const) {
          const expected = check(ajvFullFormats[name])(text) && (name === 'date' || RFC3339_OFFSET.test(text));
          assert.equal(check(fullFormats[name])(text), expected, `${name} ${JSON.stringify(text)}`);
          assert.equal(check(fullFormats[name])(text), expected, `${name} ${JSON.stringify(text)}, asked again`);
          if (expected) valid++;
        }
      }),
      { numRuns: 20000, seed: 3329 },
    );
    for (const text of ['2023-10-30T06:45:00+01:00', '2024-02-29', '2016-12-31T23:59:60Z']) {
      assert.equal(check(fullFormats[text.length > 10 ? 'date-time' : 'date'])(text), true, text);
    }
    assert.equal(check(fullFormats.date)('2023-02-29'), false);
    for (const text of ['2023-10-30T06:45:00+0100', '2023-10-30T06:45:00+01']) {
      assert.equal(check(ajvFullFormats['date-time'])(text), true, `ajv-formats takes ${text}`);
      assert.equal(check(fullFormats['date-time'])(text), false, `the bundled validator refuses ${text}`);
    }
    assert.ok(valid > 50, `only ${valid} valid texts generated`);
  });

  it('keep the other formats as they are', () => {
    for (const name of Object.keys(ajvFullFormats) as Array<keyof typeof ajvFullFormats>) {
      if (name !== 'date-time' && name !== 'date') assert.equal(fullFormats[name], ajvFullFormats[name], name);
    }
  });
});
