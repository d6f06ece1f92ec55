import { strict as assert } from 'node:assert';
import { getIn } from '../../src/core/report/fields';
import fc from 'fast-check';
import { fieldPointer, formatPointer, parsePointer } from '../../src/core/yaml/pointer';

describe('JSON Pointer segments (RFC 6901)', () => {
  it('builds field pointers once, equal to formatPointer, however often and in whatever order they are asked for', () => {
    const segment = fc.oneof(fc.nat(300), fc.constantFrom('updates', 'at', 'text', 'a/b', 'c~d', '', '0', 'timestamps'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('updates', 'data_loss', 'x/y', '~'), fc.option(segment, { nil: undefined }), fc.option(segment, { nil: undefined })), { maxLength: 20 }), (asks) => {
        for (const [first, second, third] of asks) {
          const segments = [first, second, third].filter((s) => s !== undefined);
          // A third segment without a second is no pointer any caller builds.
          if (second === undefined && third !== undefined) continue;
          assert.equal(fieldPointer(first, second, third), formatPointer(segments), JSON.stringify(segments));
        }
      }),
      { numRuns: 3000, seed: 2024 },
    );
  });

  it('escapes `~` and `/` and round-trips through parsePointer', () => {
    assert.equal(formatPointer(['a/b', 'c~d', 0, '~1', '']), '/a~1b/c~0d/0/~01/');
    const segment = fc.oneof(fc.nat(99), fc.array(fc.constantFrom('~', '/', '0', '1', 'a', ' '), { maxLength: 5 }).map((chars) => chars.join('')));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        assert.deepStrictEqual(parsePointer(formatPointer(segments)), segments.map(String));
      }),
      { numRuns: 3000, seed: 6901 },
    );
  });
  it('getIn reads what parsePointer gives: a list index as digits (it stepped into no list unless given a number)', () => {
    const data = { data_loss: { controllers: [{ name: 'Stadt Werne', subjects_approx: 12000 }] }, 'x-01': { '01': 'key' } };
    assert.equal(getIn(data, parsePointer('/data_loss/controllers/0/subjects_approx')), 12000);
    assert.equal(getIn(data, ['data_loss', 'controllers', 0, 'name']), 'Stadt Werne');
    assert.equal(getIn(data, parsePointer('/data_loss/controllers/1/name')), undefined);
    // Not an index: a key of a list, a leading zero, a key of a mapping made of digits.
    assert.equal(getIn(data, parsePointer('/data_loss/controllers/length')), undefined);
    assert.equal(getIn(data, parsePointer('/data_loss/controllers/00/name')), undefined);
    assert.equal(getIn(data, parsePointer('/x-01/01')), 'key');
  });
});
