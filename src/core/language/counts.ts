/**
 * Counts of people or records affected, as a sentence of published text states them: "rund 41.000
 * Betroffene", "Daten von mehr als 40.000 Personen", "thousands of residents", "1,2 Millionen
 * Datensätze". The `claim-count` rule compares them with `data_loss.subjects_approx` and
 * `records_approx`.
 *
 * Numbers are read in the report's language: in German "41.000" and "41 000" are forty-one
 * thousand and "41,000" is forty-one (a decimal comma); in English "41,000" and "41 000" are forty-one
 * thousand and "41.000" is forty-one. A number counts only when a noun of people or records follows
 * it (or it states "the number of people affected"), and only when the sentence says they are
 * affected: "Die Stadt hat rund 41.000 Einwohner" is no claim; neither are phone numbers, dates or
 * amounts of money, which no such noun follows.
 */
import type { Locale } from '../shared/types';
import type { Token } from './sentences';

/** What a qualifier in front of a number claims about the fact (see `holds`). */
export type CountQualifier = 'exact' | 'about' | 'over' | 'good' | 'upTo' | 'under' | 'nearly' | 'vague';

/** A count of people or records affected, found in a sentence. */
export interface CountClaim {
  kind: 'count';
  /** People (`subjects_approx`) or records (`records_approx`). */
  subject: 'people' | 'records';
  qualifier: CountQualifier;
  /** The number in the text (X); for a vague count ("Tausende") the lower bound of its range. */
  value: number;
  /** For a vague count: `[low, high)`; otherwise `null`. */
  range: readonly [number, number] | null;
  /** The count as written, qualifier included ("rund 50.000", "Tausende von"): what a fix replaces. */
  offset: number;
  endOffset: number;
  /** Whether `[offset, endOffset)` can be replaced by "rund 41.000" without breaking the grammar. */
  replaceable: boolean;
  /** The number was given with a scale word ("1,2 Millionen"): a fix keeps that style. */
  scaled: boolean;
  /** The number has a decimal sign in the report's language ("41,000" in German is 41): messages say how it was read. */
  decimal: boolean;
}

/** Qualifiers, longest first, as lower-case word sequences before the number. */
const QUALIFIERS: ReadonlyArray<readonly [readonly string[], CountQualifier]> = (
  [
    [['mehr', 'als'], 'over'], [['weniger', 'als'], 'under'], [['bis', 'zu'], 'upTo'], [['a', 'good'], 'good'],
    [['more', 'than'], 'over'], [['at', 'least'], 'over'], [['up', 'to'], 'upTo'], [['at', 'most'], 'upTo'],
    [['fewer', 'than'], 'under'], [['less', 'than'], 'under'], [['close', 'to'], 'nearly'], [['just', 'under'], 'under'],
    [['rund'], 'about'], [['etwa'], 'about'], [['ca'], 'about'], [['circa'], 'about'], [['zirka'], 'about'], [['ungefähr'], 'about'],
    [['about'], 'about'], [['around'], 'about'], [['approximately'], 'about'], [['approx'], 'about'], [['roughly'], 'about'], [['some'], 'about'],
    [['über'], 'over'], [['mindestens'], 'over'], [['over'], 'over'],
    [['gut'], 'good'], [['gute'], 'good'], [['guten'], 'good'],
    [['höchstens'], 'upTo'], [['maximal'], 'upTo'],
    [['unter'], 'under'], [['under'], 'under'],
    [['knapp'], 'nearly'], [['fast'], 'nearly'], [['nahezu'], 'nearly'], [['beinahe'], 'nearly'], [['nearly'], 'nearly'], [['almost'], 'nearly'],
  ] as Array<[string[], CountQualifier]>
).sort((a, b) => b[0].length - a[0].length);

/** Vague counts and the range each stands for. "Tausende" reaches up to a million, as a reader takes it. */
const VAGUE: ReadonlyArray<{ words: readonly string[]; range: readonly [number, number] }> = [
  { words: ['hunderttausende', 'hunderttausenden'], range: [200_000, 1_000_000] },
  { words: ['zehntausende', 'zehntausenden'], range: [20_000, 1_000_000] },
  { words: ['hunderte', 'hunderten'], range: [200, 1_000] },
  { words: ['tausende', 'tausenden'], range: [2_000, 1_000_000] },
  { words: ['millionen'], range: [2_000_000, Number.POSITIVE_INFINITY] },
  { words: ['hundreds'], range: [200, 1_000] },
  { words: ['thousands'], range: [2_000, 1_000_000] },
  { words: ['millions'], range: [2_000_000, Number.POSITIVE_INFINITY] },
];
/** Every word that starts a vague count. */
const VAGUE_WORDS = new Set(['hunderttausende', 'hunderttausenden', 'zehntausende', 'zehntausenden', 'hunderte', 'hunderten', 'tausende', 'tausenden', 'millionen', 'hundreds', 'thousands', 'millions', 'tens']);

/** English "tens/hundreds of thousands". */
const VAGUE_OF: ReadonlyArray<{ words: readonly [string, string, string]; range: readonly [number, number] }> = [
  { words: ['tens', 'of', 'thousands'], range: [20_000, 1_000_000] },
  { words: ['hundreds', 'of', 'thousands'], range: [200_000, 1_000_000] },
];

/** Scale words after a number. */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['tausend', 1e3], ['tsd', 1e3], ['million', 1e6], ['millionen', 1e6], ['mio', 1e6], ['milliarde', 1e9], ['milliarden', 1e9], ['mrd', 1e9],
  ['thousand', 1e3], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
]);

/** Nouns of people: what `subjects_approx` counts. */
const PEOPLE = new Set([
  'personen', 'person', 'menschen', 'bürger', 'bürgern', 'bürgerinnen', 'einwohner', 'einwohnern', 'einwohnerinnen', 'betroffene',
  'betroffenen', 'kunden', 'kundinnen', 'patienten', 'patientinnen', 'beschäftigte', 'beschäftigten', 'mitarbeitende',
  'mitarbeitenden', 'mitarbeiter', 'mitarbeitern', 'mitarbeiterinnen', 'versicherte', 'versicherten', 'schüler', 'schülerinnen',
  'schülern', 'studierende', 'studierenden', 'bewohner', 'bewohnern', 'bewohnerinnen', 'nutzer', 'nutzern', 'nutzerinnen',
  'antragsteller', 'antragstellern', 'steuerpflichtige', 'steuerpflichtigen', 'leistungsempfänger', 'leistungsempfängern',
  'people', 'persons', 'individuals', 'residents', 'citizens', 'inhabitants', 'customers', 'patients', 'employees', 'staff',
  'users', 'pupils', 'students', 'taxpayers', 'claimants', 'applicants', 'members',
]);

/** Nouns of records: what `records_approx` counts. */
const RECORDS = new Set([
  'datensätze', 'datensätzen', 'einträge', 'einträgen', 'dokumente', 'dokumenten', 'dateien', 'akten', 'datenbankeinträge',
  'e-mails', 'records', 'files', 'documents', 'datasets', 'entries', 'emails', 'e-mails',
]);

/** Words between a number and its noun: "41.000 betroffene Personen", "of" after "thousands". */
const BETWEEN = new Set([
  'betroffene', 'betroffenen', 'weitere', 'weiteren', 'registrierte', 'registrierten', 'gespeicherte', 'gespeicherten',
  'kopierte', 'kopierten', 'persönliche', 'personenbezogene', 'affected', 'additional', 'registered', 'more', 'other', 'of',
  'von', 'und', 'and', 'or', 'oder', 'mehr',
]);

/** Words that say the counted are affected by the breach (besides the loss verbs of the lexicon). */
const AFFECTED = new Set([
  'betroffen', 'betroffene', 'betroffenen', 'affected', 'concerned', 'impacted', 'exposed', 'compromised', 'kompromittiert',
  'abgeflossen', 'abfließen', 'kopiert', 'entwendet', 'gestohlen', 'erbeutet', 'abgegriffen', 'veröffentlicht', 'geleakt',
  'ausgespäht', 'verschlüsselt', 'stolen', 'copied', 'leaked', 'published', 'taken', 'accessed', 'encrypted', 'exfiltrated',
  'verloren', 'gelöscht', 'lost', 'deleted',
]);

/** A clause that says how many live somewhere, not how many are affected. */
const POPULATION = new Set(['hat', 'haben', 'zählt', 'zählen', 'leben', 'wohnen', 'ihren', 'seinen', 'has', 'have', 'home', 'live', 'population', 'einwohnerzahl']);

/** The digits of one number in the report's language, with separators as the language writes them. */
const NUMBER: Record<Locale, RegExp> = {
  de: /(?<![\d.,])(\d{1,3}(?:(?:\.|[   ](?=\d{3}(?!\d)))\d{3})+|\d+)(?:,(\d+))?(?![\d]|[.,]\d)/gu,
  en: /(?<![\d.,])(\d{1,3}(?:(?:,|[   ](?=\d{3}(?!\d)))\d{3})+|\d+)(?:\.(\d+))?(?![\d]|[.,]\d)/gu,
};

/** A number found in the text, with its value and where its words end. */
export interface FoundNumber {
  offset: number;
  endOffset: number;
  value: number;
  scaled: boolean;
  decimal: boolean;
}

/** Index of the first token that starts at or after `offset` (binary search: a pasted log is one long sentence). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid]!.offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The numbers of a sentence with their scale words ("1,2 Millionen"), and "eine Million"/"a million",
 * in text order. Found once per sentence; {@link countsIn} takes those of each clause.
 */
export function sentenceNumbers(sentence: string, words: readonly Token[], lang: Locale): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of sentence.matchAll(NUMBER[lang])) {
    const start = m.index!;
    const end = start + m[0].length;
    // Part of a phone number, a date, a time or a reference ("+49", "30.10.2023", "13:20", "INC-4711").
    const before = sentence.slice(Math.max(0, start - 2), start);
    const after = sentence.slice(end, end + 2);
    if (/[+\-/:#]\s?$|\d\s$/.test(before) || /^(?:\s?[-/:]\s?\d|\s\d|\.\d|%|\s?%|\s?€|\s?\$)/u.test(after)) continue;
    let value = Number(m[1]!.replace(/[^\d]/g, '') + (m[2] ? `.${m[2]}` : ''));
    let endOffset = end;
    let scaled = false;
    const next = words[tokenAt(words, end)];
    const scale = next && next.offset - end <= 1 ? SCALES.get(next.lower.replace(/\.$/, '')) : undefined;
    if (scale !== undefined && next) {
      value *= scale;
      endOffset = next.endOffset + (sentence[next.endOffset] === '.' && /^(?:mio|mrd|tsd)$/.test(next.lower) ? 1 : 0);
      scaled = true;
    }
    if (Number.isFinite(value)) found.push({ offset: start, endOffset, value, scaled, decimal: m[2] !== undefined });
  }
  // "eine Million Datensätze", "a million records".
  words.forEach((word, i) => {
    if (/^(?:million|millionen)$/.test(word.lower) && /^(?:eine|a|one)$/.test(words[i - 1]?.lower ?? '')) {
      found.push({ offset: words[i - 1]!.offset, endOffset: word.endOffset, value: 1e6, scaled: true, decimal: false });
    }
  });
  return found.sort((a, b) => a.offset - b.offset);
}

/** The qualifier that ends right before `index` (a token index), and the token it starts at. */
function qualifierBefore(words: readonly Token[], index: number, sentence: string, offset: number): { qualifier: CountQualifier; start: number } | null {
  for (const [sequence, qualifier] of QUALIFIERS) {
    const first = index - sequence.length;
    if (first < 0) continue;
    if (!sequence.every((w, k) => words[first + k]!.lower === w)) continue;
    // Only white space (and the full stop of "ca.") between the qualifier and the number.
    if (!/^\.?\s+$/.test(sentence.slice(words[index - 1]!.endOffset, offset))) continue;
    // "Daten über 41.000 Personen" is data about them; "unter den 41.000" never reaches here.
    if (sequence[0] === 'über' && first > 0 && /daten$|^informationen$|^angaben$/.test(words[first - 1]!.lower)) continue;
    return { qualifier, start: words[first]!.offset };
  }
  return null;
}

/** The noun a count counts: people or records, right after it (over a few attributive words). */
function subjectAfter(words: readonly Token[], from: number): 'people' | 'records' | null {
  for (let j = from; j < Math.min(words.length, from + 4); j++) {
    const lower = words[j]!.lower;
    if (PEOPLE.has(lower) || (lower.endsWith('innen') && j > from && words[j - 1]!.lower === 'und')) return 'people';
    if (RECORDS.has(lower) || /datensätze$|datensätzen$/.test(lower)) return 'records';
    if (!BETWEEN.has(lower)) return null;
  }
  return null;
}

/**
 * "Die Zahl der Betroffenen liegt bei 41.000", "the number of people affected is 41,000": a count
 * whose noun comes before it.
 */
function subjectBefore(words: readonly Token[], index: number): 'people' | 'records' | null {
  for (let j = index - 1; j >= 0 && j >= index - 8; j--) {
    if (!/^(?:zahl|anzahl|number)$/.test(words[j]!.lower)) continue;
    for (let k = j + 1; k < index; k++) {
      const lower = words[k]!.lower;
      if (PEOPLE.has(lower)) return 'people';
      if (RECORDS.has(lower) || /datensätze$|datensätzen$/.test(lower)) return 'records';
    }
  }
  return null;
}

/**
 * The counts of people or records affected in one clause (`words`, the clause's word tokens) of
 * `sentence`. `affected` says whether the sentence says anything is affected; the caller decides
 * negation, questions and conditions per clause.
 */
export function countsIn(sentence: string, words: readonly Token[], found: readonly FoundNumber[], affectedInSentence: boolean): CountClaim[] {
  const claims: CountClaim[] = [];
  if (words.length === 0) return claims;
  const from = words[0]!.offset;
  const to = words[words.length - 1]!.endOffset;
  // The clause's numbers: a binary search into the sentence's, which are in text order.
  let first = 0;
  for (let high = found.length; first < high; ) {
    const mid = (first + high) >>> 1;
    if (found[mid]!.offset < from) first = mid + 1;
    else high = mid;
  }
  let last = first;
  while (last < found.length && found[last]!.offset < to) last++;
  const vagueWords = words.some((w) => VAGUE_WORDS.has(w.lower));
  if (first === last && !vagueWords) return claims;
  const population = words.some((w) => POPULATION.has(w.lower));
  const affectedInClause = words.some((w) => AFFECTED.has(w.lower));
  const consider = (start: number, end: number, value: number, range: readonly [number, number] | null, index: number, after: number, scaled: boolean, replaceable: boolean, decimal = false) => {
    let subject = subjectAfter(words, after);
    let betroffene = subject !== null && words.slice(after, after + 3).some((w) => /^betroffene?n?$|^affected$/.test(w.lower));
    if (subject === null) {
      subject = subjectBefore(words, index);
      betroffene = subject !== null && words.slice(0, index).some((w) => /^betroffene?n?$|^affected$/.test(w.lower));
    }
    if (subject === null) return;
    // "Die Stadt hat rund 41.000 Einwohner": how many live there, unless the same words say they are affected.
    const affected = betroffene || affectedInClause || (affectedInSentence && !population);
    if (!affected) return;
    const qualifier = range ? null : qualifierBefore(words, index, sentence, start);
    claims.push({
      kind: 'count',
      subject,
      qualifier: range ? 'vague' : (qualifier?.qualifier ?? 'exact'),
      value,
      range,
      offset: qualifier?.start ?? start,
      endOffset: end,
      replaceable,
      scaled,
      decimal,
    });
  };
  for (let k = first; k < last; k++) {
    const number = found[k]!;
    const index = tokenAt(words, number.offset);
    const after = tokenAt(words, number.endOffset);
    consider(number.offset, number.endOffset, number.value, null, index, after, number.scaled, true, number.decimal);
  }
  if (!vagueWords) return claims;
  words.forEach((word, i) => {
    const triple = VAGUE_OF.find((v) => v.words.every((w, k) => words[i + k]?.lower === w));
    if (triple) {
      // "tens of thousands of residents": the fix replaces "tens of thousands of".
      const of = words[i + 3]?.lower === 'of';
      consider(word.offset, (of ? words[i + 3]! : words[i + 2]!).endOffset, triple.range[0], triple.range, i, i + (of ? 4 : 3), false, true);
      return;
    }
    if (i > 0 && VAGUE_OF.some((v) => v.words.slice(1).every((w, k) => words[i - 1 + k]?.lower === w) && words[i - 2]?.lower === v.words[0])) return;
    const vague = VAGUE.find((v) => v.words.includes(word.lower));
    if (!vague) return;
    // "1,2 Millionen" is a scale, not a vague count; "Tausende von Bürgern" keeps its case only with "von".
    if (/^(?:millionen|millions)$/.test(word.lower) && /^\d|^(?:eine|a|one)$/.test(words[i - 1]?.text ?? '')) return;
    const next = words[i + 1]?.lower;
    const of = next === 'of' || next === 'von';
    consider(word.offset, (next === 'of' ? words[i + 1]! : word).endOffset, vague.range[0], vague.range, i, i + (of ? 2 : 1), false, next !== 'von');
  });
  return claims;
}

/** Whether a count claim holds for the fact `fact` (see the table in docs/rules/claim-count.md). */
export function holds(claim: CountClaim, fact: number): boolean {
  const x = claim.value;
  switch (claim.qualifier) {
    case 'exact':
      return fact === x;
    case 'about':
      return Math.abs(fact - x) <= 0.1 * x;
    case 'over':
      return fact >= x && x >= 0.8 * fact;
    case 'good':
      return fact >= x && fact <= 1.1 * x;
    case 'upTo':
      return fact <= x && fact >= 0.8 * x;
    case 'under':
      return fact < x && fact >= 0.8 * x;
    case 'nearly':
      return fact >= 0.9 * x && fact <= x;
    case 'vague':
      return claim.range !== null && fact >= claim.range[0] && fact < claim.range[1];
  }
}

/** "rund 41.000" / "about 41,000" (and "rund 1,7 Millionen" when the text used a scale word). */
export function restated(fact: number, lang: Locale, scaled: boolean): string {
  const tag = lang === 'de' ? 'de-DE' : 'en-GB';
  const word = lang === 'de' ? 'rund' : 'about';
  if (scaled && fact >= 1e6) {
    const millions = (fact / 1e6).toLocaleString(tag, { maximumFractionDigits: 1 });
    return `${word} ${millions} ${lang === 'de' ? (fact >= 1.05e6 || fact < 0.95e6 ? 'Millionen' : 'Million') : 'million'}`;
  }
  return `${word} ${fact.toLocaleString(tag)}`;
}
