import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentSpans, type Span } from '../../src/core/language/segments';
import { splitSentences } from '../../src/core/language/sentences';

/**
 * `segmentSpans` must give exactly the segments of segmenting the text whole: it is only there
 * because V8 is quadratic on one long text. Compared on generated press prose with small windows,
 * so that every kind of piece falls on a window's end many times.
 */
describe('segmenting in windows', () => {
  const whole = (segmenter: Intl.Segmenter, text: string): Span[] =>
    Array.from(segmenter.segment(text), (s) => ({ index: s.index, length: s.segment.length }));

  // Pieces of German and English incident prose, and what ICU's sentence rules look at: full
  // stops after abbreviations, ordinals and numbers, a lower-case word after a full stop (which ICU
  // looks ahead for over digits, spaces and punctuation), closing quotes and brackets after the
  // final stop, ellipses, line breaks, and text without any punctuation at all.
  const word = fc.constantFrom(
    'Die', 'Stadt', 'prüft', 'der', 'Server', 'wurde', 'betroffen', 'Daten', 'kunden', 'sind', 'the', 'city',
    'was', 'hit', 'No', 'data', 'Müller', 'Südwestfalen-IT', 'ÄRGER', 'über', 'IT-Dienstleister',
  );
  const token = fc.constantFrom(
    'z. B.', 'u. a.', 'Dr.', 'ca.', 'Nr.', 'vgl. S. 3', 'bzw.', 'e.g.', 'i.e.', 'Mr.', 'Dec. 1', 'No. 5', 'approx.', 'U.S.',
    '1.500', '30.10.2023', '1.01 Uhr', '1. Dezember', '9.', '2023.', '72', '3.5', '…', '...', '. . .',
    '„Wir prüfen.“', '"We check."', "'so'", '«Nein.»', '(siehe oben.)', '[1]', ',', ';', ':', '–', '-',
    '.', '!', '?', '?!', '.)', '."', '.“', '. 1.500', '. 12, 13 und', '.  ', '\u00a0', '\t',
    '\n', '\r\n', '\n\n', '\u2029', '😀', '👩‍💻', 'e\u0301', '🇩🇪🇫🇷', '한국어', 'मनुष्य', '.\u200b', '\u00ad',
  );
  const run = fc.integer({ min: 20, max: 400 }).map((n) => 'ohne Punkt '.repeat(n));
  const lookahead = fc.integer({ min: 1, max: 200 }).map((n) => `ca. ${'1500, 12 – '.repeat(n)}kunden`);
  const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 4, arbitrary: token }, { weight: 1, arbitrary: run }, { weight: 1, arbitrary: lookahead });
  const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', '\n');
  const prose = fc.array(fc.tuple(piece, separator), { maxLength: 120 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

  const sentences = { de: new Intl.Segmenter('de', { granularity: 'sentence' }), en: new Intl.Segmenter('en', { granularity: 'sentence' }) };
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

  it('gives the sentences of the whole text, for every window size', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('de' as const, 'en' as const), fc.integer({ min: 1, max: 300 }), (text, lang, window) => {
        assert.deepEqual(segmentSpans(sentences[lang], text, window), whole(sentences[lang], text));
      }),
      { numRuns: 3000, seed: 7919 },
    );
  });

  it('gives the graphemes of the whole text, for every window size', () => {
    fc.assert(
      fc.property(prose, fc.integer({ min: 1, max: 64 }), (text, window) => {
        assert.deepEqual(segmentSpans(graphemes, text, window), whole(graphemes, text));
      }),
      { numRuns: 300, seed: 7919 },
    );
  });

  it('does not end a sentence where the window ends while ICU looks ahead for a lower-case word', () => {
    // No sentence ends after "ca. " only because of "kunden" 1,200 characters on: a window ending
    // in the numbers sees a sentence end there.
    const text = `Betroffen sind ca. ${'1500, '.repeat(200)}kunden. Die Stadt prüft.`;
    assert.deepEqual(segmentSpans(sentences.de, text, 64), whole(sentences.de, text));
    assert.equal(segmentSpans(sentences.de, text, 64).length, 2);
  });

  it('splits a paragraph of thousands of lines into the sentences of its parts', () => {
    const lines = ['Der Server wurde am 1.', 'Dezember geprüft. Ca. 1.500 Kunden', 'sind betroffen (vgl. S. 3). Die Stadt prüft.'];
    const paragraph = Array.from({ length: 3000 }, (_, i) => lines[i % 3]).join('\n');
    const found = splitSentences(paragraph, 'de');
    assert.equal(found.length, 3000);
    for (const s of found) assert.equal(paragraph.slice(s.offset, s.endOffset), s.text);
    assert.deepEqual(new Set(found.map((s) => s.text.replace(/\n/g, ' '))), new Set(['Der Server wurde am 1. Dezember geprüft.', 'Ca. 1.500 Kunden sind betroffen (vgl. S. 3).', 'Die Stadt prüft.']));
  });
});
