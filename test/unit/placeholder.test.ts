import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { PLACEHOLDERS, hasPlaceholder } from '../../src/core/rules/placeholder';
import { documents } from './yamlArbitraries';

/** The three patterns one by one, as the rule used to ask before it searched. */
function anyPattern(text: string): boolean {
  return PLACEHOLDERS.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text));
}

describe('placeholder: one search for any placeholder', () => {
  it('says yes exactly where one of the three patterns matches, on generated text', () => {
    // Markers in both cases, both halves of "lorem ipsum" in mixed case, characters that case
    // folding pairs with ASCII letters (long s, dotless i, Kelvin sign), word characters around the
    // markers, and the pieces of a `<…>` fill-in and of what is no fill-in (`<br>`, `</x>`, `<a=b>`).
    const piece = fc.constantFrom(
      'TODO', 'todo', 'TBD', 'XXX', 'FIXME', 'FIXMEs', '_', 'x', '1', ' ', '\n', 'lorem', 'Lorem', 'LOREM', ' ipsum', ' IpSuM', 'ipſum', 'ıpsum',
      'lorem ipsum', '\u212A', 'ä', '<', '>', '</', '<!', 'br', 'Name', 'phone number', '…', '...', '=', '"', ':', '@', '/', '😀',
    );
    const same = (text: string) => assert.equal(hasPlaceholder(text), anyPattern(text), JSON.stringify(text));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), same), { numRuns: 20000, seed: 2307 });
  });

  it('agrees on every fixture and example, and finds placeholders in some', () => {
    let found = 0;
    for (const file of documents) {
      const text = readFileSync(file, 'utf8');
      assert.equal(hasPlaceholder(text), anyPattern(text), file);
      for (const line of text.split('\n')) {
        assert.equal(hasPlaceholder(line), anyPattern(line), `${file}: ${line}`);
        if (hasPlaceholder(line)) found++;
      }
    }
    assert.ok(found >= 5, `only ${found} lines with a placeholder in the fixtures`);
  });
});
