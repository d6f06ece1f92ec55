/**
 * The qualifier that turns an absolute claim into a statement of the current state of knowledge:
 * "Nach bisherigen Erkenntnissen …" in German, "So far, …" in English.
 *
 * German puts the finite verb second, so the qualifier cannot simply go in front ("Es sind keine
 * Daten abgeflossen" → "Nach bisherigen Erkenntnissen sind es …" would need the sentence rebuilt).
 * It goes right after the finite verb (and a pronoun that follows it), where an adverbial always
 * fits: "Es sind nach bisherigen Erkenntnissen keine Daten abgeflossen." When no finite verb is
 * found near the start, the qualifier is appended instead: "…, so der bisherige Erkenntnisstand."
 */
import type { Locale } from '../shared/types';
import { tokenize } from './claims';

/** An edit inside a sentence: replace `[offset, endOffset)` with `newText`. */
export interface SentenceEdit {
  offset: number;
  endOffset: number;
  newText: string;
}

/** The qualifier as shown in titles and docs. */
export const QUALIFIER: Record<Locale, string> = { de: 'Nach bisherigen Erkenntnissen …', en: 'So far, …' };

const FINITE = new Set([
  'ist', 'sind', 'war', 'waren', 'wurde', 'wurden', 'wird', 'werden', 'gibt', 'gab', 'hat', 'haben', 'hatte', 'hatten', 'bleibt',
  'bleiben', 'blieb', 'blieben', 'liegt', 'liegen', 'lag', 'lagen', 'besteht', 'bestand', 'kann', 'können', 'konnte', 'konnten',
  'ging', 'gingen', 'geht', 'gehen', 'floss', 'flossen', 'fließen', 'fließt', 'betrifft', 'betraf', 'gelangten', 'gelangte',
]);
const PRONOUNS = new Set(['es', 'wir', 'sie', 'er', 'man', 'uns', 'ihr']);
// Sentence-initial words that stay capitalised after "So far,": names, "I", abbreviations.
const LOWERCASE_AFTER = new Set(['no', 'none', 'nothing', 'there', 'the', 'we', 'our', 'data', 'personal', 'it', 'this', 'any', 'all', 'neither', 'citizens', "citizens'"]);

/** The edit that qualifies `sentence` (already trimmed to its words), or `null` when none fits. */
export function qualifierEdit(sentence: string, lang: Locale): SentenceEdit | null {
  const words = tokenize(sentence).filter((t) => t.word);
  const first = words[0];
  if (!first) return null;
  if (lang === 'en') {
    const lower = LOWERCASE_AFTER.has(first.lower) ? first.text.charAt(0).toLowerCase() : first.text.charAt(0);
    return { offset: first.offset, endOffset: first.offset + 1, newText: `So far, ${lower}` };
  }
  // The finite verb: the first known one among the first words, with no comma before it.
  for (let i = 1; i < Math.min(words.length, 6); i++) {
    const word = words[i]!;
    if (/[,;:]/.test(sentence.slice(first.offset, word.offset))) break;
    if (!FINITE.has(word.lower)) continue;
    const after = PRONOUNS.has(words[i + 1]?.lower ?? '') ? words[i + 1]! : word;
    return { offset: after.endOffset, endOffset: after.endOffset, newText: ' nach bisherigen Erkenntnissen' };
  }
  const end = /[.!]*$/.exec(sentence)!.index;
  return { offset: end, endOffset: end, newText: ', so der bisherige Erkenntnisstand' };
}
