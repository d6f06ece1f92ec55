/**
 * Sentence splitting for German and English public text.
 *
 * The engine uses the built-in ICU sentence segmenter (`Intl.Segmenter`, in Node and in every
 * browser and web worker, no bytes in the bundle) and repairs the one thing ICU gets wrong in
 * German and English press text: a full stop after an abbreviation or an ordinal number ends no
 * sentence ("1. Dezember", "z. B.", "Dr.", "ca.", "Nr."). ICU in V8 ignores the CLDR suppression
 * keyword (`de-u-ss-standard`), so the merge is done here. The evidence for this choice is in
 * docs/rules/claim-data-loss.md.
 */
import type { Locale } from '../shared/types';
import { segmentSpans } from './segments';

/** One sentence: its text and where it starts in the text that was split. */
export interface Sentence {
  offset: number;
  endOffset: number;
  text: string;
}

// Lower-case forms, without the final full stop. Words that also end sentences ("so", "do",
// "sun") are left out on purpose. Multi-part abbreviations ("z. B.", "u. a.") end
// in a one-letter part, which the single-letter check covers.
const ABBREVIATIONS = new Set([
  // German
  'bzw', 'ca', 'dr', 'nr', 'vgl', 'ggf', 'usw', 'etc', 'inkl', 'zzgl', 'evtl', 'sog', 'bspw', 'hrsg', 'abs', 'art', 'str',
  'tel', 'prof', 'dipl', 'ing', 'mio', 'mrd', 'tsd', 'ff', 'gem', 'lt', 'allg', 'abt', 'bzgl', 'einschl', 'jan', 'feb',
  'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'mo', 'di', 'mi', 'fr', 'hr',
  'fa', 'kath', 'ev', 'geb', 'std', 'akt', 'bd', 'kap', 'ziff', 'lfd', 'verw', 'ref',
  // English
  'mr', 'mrs', 'ms', 'jr', 'sr', 'vs', 'approx', 'no', 'nos', 'dept', 'cf', 'fig', 'inc', 'ltd',
  'corp', 'oct', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri',
]);

/** Code units segmented at a time: a few sentences of press text. */
const SENTENCE_WINDOW = 1024;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: Locale): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * Splits `text` into sentences. Paragraph breaks (a blank line) and Markdown list items always end
 * a sentence; a full stop after an abbreviation or an ordinal number never does. `keep` may
 * skip whole paragraphs before they are segmented.
 */
export function splitSentences(text: string, lang: Locale, keep?: (block: string) => boolean): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks(text)) {
    // Segmenting is the expensive part: paragraphs the caller has no use for are skipped whole.
    if (keep && !keep(block.text)) continue;
    let pending: Sentence | null = null;
    // ICU ends a sentence at every line break (a paragraph separator to it); inside a block a line
    // break is only wrapping, so it is segmented as the space it renders as (same length, same offsets).
    // In windows: lint of a report whose press release is one 800 KB paragraph took 8 s (see segments.ts).
    for (const part of segmentSpans(segmenter(lang), block.text.replace(/[\r\n]/g, ' '), SENTENCE_WINDOW)) {
      const offset = block.offset + part.index;
      const piece: Sentence = { offset, endOffset: offset + part.length, text: block.text.slice(part.index, part.index + part.length) };
      if (pending && !endsSentence(pending.text)) {
        pending = { offset: pending.offset, endOffset: piece.endOffset, text: pending.text + piece.text };
      } else {
        if (pending) sentences.push(trimmed(pending));
        pending = piece;
      }
    }
    if (pending) sentences.push(trimmed(pending));
  }
  return sentences.filter((s) => s.text.length > 0);
}

/** Blocks of text that no sentence crosses: paragraphs, headings and list items. */
function blocks(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A new block starts after a blank line and at a line that opens a list item or a heading.
  const boundary = /\n[ \t]*(?:\r?\n)+|\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t]|[ \t]*#)/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    out.push({ offset: start, endOffset: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ offset: start, endOffset: text.length, text: text.slice(start) });
  return out;
}

/** False when the segment ends with a full stop that belongs to an abbreviation or an ordinal. */
function endsSentence(segment: string): boolean {
  // Scanned by hand from the end: this runs for every segment of every paragraph that is kept.
  let end = segment.length;
  while (end > 0 && CLOSING.has(segment[end - 1]!)) end--;
  if (end === 0 || segment[end - 1] !== '.') return true;
  let start = end - 1;
  while (start > 0 && !/\s/.test(segment[start - 1]!)) start--;
  const word = segment.slice(start, end - 1).replace(/^[(\["'„“‚‘«»]+/u, '').toLowerCase();
  // "1." "30." are ordinals ("1. Dezember", "am 9. wieder") — German writes no sentence-final
  // numbers with a full stop in the kind of text checked here, except a year, which has 4 digits.
  if (/^\d{1,2}$/.test(word)) return false;
  // One letter ("z. B.", "u. a.", initials) and dotted abbreviations ("z.B", "e.g", "i.e").
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word);
}

// White space and closing quotes or brackets after a sentence's final full stop.
const CLOSING = new Set([' ', '\t', '\n', '\r', '\u00a0', '"', "'", '“', '”', '‘', '’', '»', '«', ')', ']']);

function trimmed(sentence: Sentence): Sentence {
  const lead = sentence.text.length - sentence.text.trimStart().length;
  const text = sentence.text.trim();
  return { offset: sentence.offset + lead, endOffset: sentence.offset + lead + text.length, text };
}

/** A word or punctuation mark of a sentence, with its place in the sentence text. */
export interface Token {
  text: string;
  lower: string;
  offset: number;
  endOffset: number;
  word: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
}
