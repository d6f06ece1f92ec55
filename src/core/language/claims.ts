/**
 * Finds the claims of one sentence that the `claim-*` rules compare with the facts.
 *
 * The analysis works on clauses, not on keywords: a sentence is cut into clauses at punctuation
 * and at clause openers ("dass", "ob", "that", "whether", "sobald", …). A clause asserts nothing
 * when it is a question, a condition or an indirect question ("Ob Daten abgeflossen sind, …").
 * A denial is found by counting negations over the clause and, for a "dass"/"that" clause, over
 * the clause that governs it: "Es kann nicht ausgeschlossen werden, dass Daten abgeflossen sind"
 * negates twice ("nicht", "ausgeschlossen") and so denies nothing, "Es gibt keine Hinweise, dass
 * Daten abgeflossen sind" negates once and denies a loss — hedged by "Hinweise".
 */
import {
  AFFECT_VERBS, ALL, AVAILABLE, CLAUSE_OPENERS, COMPLEMENT, DATA_NOUNS, DATE_PREPOSITIONS, EXCLUDERS, EXFILTRATION_VERBS,
  COORDINATORS, DATA_COMPOUND_HEADS, FORECAST, HEDGES, PENDING, LOSS_NOUNS, LOSS_VERBS, MONTHS, NEGATORS, OPEN_CLAUSE, PARTIAL, PERSONAL, RESOLVED, RESTORATION_CUES, SAFE,
  SERVICE_NOUNS, THIRD_PARTIES, THIRD_PARTY_CLAIM, type LossKind, PROMISE, RISK_WORDS, CONSEQUENCE_WORDS, AT_RISK_PEOPLE,
} from './lexicon';
import { countsIn, sentenceNumbers, type CountClaim, type FoundNumber } from './counts';
import type { Token } from './sentences';
import type { Locale } from '../shared/types';

export type { CountClaim } from './counts';

export type { Token } from './sentences';

/** A sentence denies that data was lost, taken or touched. */
export interface NoLossClaim {
  kind: 'no-loss';
  loss: LossKind;
  /** About personal data ("personenbezogene Daten", "citizens' data"). */
  personal: boolean;
  /** Qualified by the state of knowledge ("bislang", "so far", "no indication"). */
  hedged: boolean;
}

/** A sentence says that every service works again. */
export interface AllRestoredClaim {
  kind: 'all-restored';
}

/** A sentence says the incident is resolved. */
export interface ResolvedClaim {
  kind: 'resolved';
}

/**
 * A sentence denies a risk to the people affected ("Für die Bürgerinnen und Bürger besteht keine
 * Gefahr") or consequences for them ("Für die Betroffenen entstehen keine Nachteile").
 */
export interface NoRiskClaim {
  kind: 'no-risk';
  about: 'risk' | 'consequences';
  /** Qualified by the state of knowledge ("nach derzeitigem Stand", "so far"). */
  hedged: boolean;
}

/** A sentence ties a restoration to a calendar date. */
export interface RestorationDateClaim {
  kind: 'restoration-date';
  /** Promised ("Wir garantieren, dass ab dem 4. Mai …"), not only forecast or reported. */
  promise: boolean;
  /** The date's range in the sentence text. */
  offset: number;
  endOffset: number;
  year: number | null;
  month: number;
  day: number;
}

/** Everything the rules check, found in one sentence. */
export type Claim = NoLossClaim | AllRestoredClaim | ResolvedClaim | RestorationDateClaim | CountClaim | NoRiskClaim;

// A numeric date ("09.12.2022", "9.12.") is one word, and so is a number with separators ("41.000",
// "41,000", "1,2": its comma ends no clause); other full stops are not tokens.
const WORD = /\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?|\d+(?:[.,]\d+)+|[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[,;:?!()–—„“”"»«‚‘]/gu;
const OPEN_QUOTES = new Set(['„', '“', '"', '»', '‚']);
const CLOSE_QUOTES = new Set(['“', '”', '"', '«', '‘']);
const BREAKS = new Set([',', ';', ':', '(', ')', '–', '—']);
const PUNCTUATION = new Set([...',;:?!()–—„“”"»«‚‘']);

/** Splits a sentence into words and the punctuation that matters for clauses. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  for (const m of sentence.matchAll(WORD)) {
    const text = m[0];
    // Punctuation tokens are single characters from the set in WORD; anything longer is a word.
    const isWord = text.length > 1 || !PUNCTUATION.has(text);
    // A straight quote opens when none is open and closes otherwise; „ opens and “ closes in German.
    if (!isWord && (OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text))) {
      if (quoted && CLOSE_QUOTES.has(text)) quoted = false;
      else if (!quoted && OPEN_QUOTES.has(text)) quoted = true;
      continue;
    }
    const lower = text.toLowerCase();
    tokens.push({ text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, offset: m.index, endOffset: m.index + text.length, word: isWord, quoted });
  }
  return tokens;
}

/** A clause: its words and what opens it. */
interface Clause {
  words: Token[];
  opener: string | null;
}

function clauses(tokens: readonly Token[]): Clause[] {
  const out: Clause[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) out.push({ words: current, opener: CLAUSE_OPENERS.has(current[0]!.lower) ? current[0]!.lower : null });
    current = [];
  };
  for (const token of tokens) {
    if (!token.word) {
      if (BREAKS.has(token.text)) flush();
      continue;
    }
    // "that" only opens a clause after a noun or verb, never as a determiner directly after a
    // comma-less "all that" — good enough: "so that" and "that data" both open one.
    if (CLAUSE_OPENERS.has(token.lower) && current.length > 0) flush();
    // "keinen Datenverlust und keinen Hinweis": a coordinated negation starts its own clause.
    if (NEGATORS.has(token.lower) && COORDINATORS.has(current[current.length - 1]?.lower ?? '') && current.length > 1) {
      const coordinator = current.pop()!;
      flush();
      current.push(coordinator);
    }
    current.push(token);
  }
  flush();
  return out;
}

function has(words: readonly Token[], lexicon: ReadonlySet<string>): boolean {
  return words.some((w) => lexicon.has(w.lower));
}

// "rule out", "ruled out", "ruling out"; "schließen … aus": looked up, not matched, for every word of every clause.
const RULE = new Set(['rule', 'ruled', 'rules', 'ruling']);
const SCHLIESSEN = new Set(['schließen', 'schliessen']);

/** Negations in a clause: negators, verbs of excluding, "rule out", "can't". */
function negations(words: readonly Token[], withSafe: boolean): number {
  const neither = words.some((w) => w.lower === 'neither' || w.lower === 'weder');
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    if (lower === 'nor' && neither) continue;
    if (NEGATORS.has(lower) || EXCLUDERS.has(lower) || lower.endsWith("n't")) count++;
    else if (withSafe && SAFE.has(lower)) count++;
    else if (RULE.has(lower) && words[i + 1]?.lower === 'out') count++;
    else if (SCHLIESSEN.has(lower) && words.some((o) => o.lower === 'aus')) count++;
  }
  return count;
}

const isDataNoun = (w: Token, next: Token | undefined) =>
  (DATA_NOUNS.has(w.lower) && !(w.lower === 'data' && next && DATA_COMPOUND_HEADS.has(next.lower))) ||
  (w.lower.length > 5 && w.lower.endsWith('daten'));

/** Loss nouns that name a loss on their own (not only in a compound such as "Datenabfluss"). */
const LOSS_WORDS = new Set(['abfluss', 'verlust', 'abgriff', 'diebstahl', 'breach', 'leak', 'theft', 'exfiltration', 'loss']);

/** The loss a clause speaks of, or `null`. */
function lossIn(words: readonly Token[]): { loss: LossKind; personal: boolean } | null {
  let data = false;
  let personal = false;
  let loss: LossKind | null = null;
  words.forEach((w, i) => {
    const lower = w.lower;
    if (isDataNoun(w, words[i + 1])) data = true;
    if (PERSONAL.has(lower)) personal = true;
    // German compounds: Datenabfluss, Datenverlust, Datenleck.
    const compound = lower.startsWith('daten') ? /^daten-?(.+)$/.exec(lower) : null;
    if (compound && LOSS_NOUNS.has(compound[1]!)) {
      data = true;
      loss ??= LOSS_NOUNS.get(compound[1]!)!;
    }
    if (lower === 'data' && LOSS_NOUNS.has(words[i + 1]?.lower ?? '')) loss ??= LOSS_NOUNS.get(words[i + 1]!.lower)!;
    if (LOSS_WORDS.has(lower)) loss ??= LOSS_NOUNS.get(lower)!;
    if (EXFILTRATION_VERBS.has(lower)) loss ??= 'exfiltration';
    if (LOSS_VERBS.has(lower)) loss ??= 'loss';
    if (AFFECT_VERBS.has(lower) || SAFE.has(lower)) loss ??= 'unaffected';
  });
  return data && loss ? { loss, personal } : null;
}

/**
 * For every clause, the clause that governs it when it is a "dass"/"that" clause: the nearest one
 * before it not opened by a subordinator, else the nearest one after it without an opener.
 * Computed in two passes, so a pasted log that reads as one sentence of thousands of clauses stays linear.
 */
function matrices(list: readonly Clause[]): Array<Clause | null> {
  const before: Array<Clause | null> = [];
  let last: Clause | null = null;
  for (const clause of list) {
    before.push(last);
    if (!clause.opener || !CLAUSE_OPENERS.has(clause.opener)) last = clause;
  }
  const result: Array<Clause | null> = new Array(list.length).fill(null);
  let next: Clause | null = null;
  for (let i = list.length - 1; i >= 0; i--) {
    result[i] = before[i] ?? next;
    if (!list[i]!.opener) next = list[i]!;
  }
  return result;
}

/** The claims of one sentence (see the module comment), numbers read in `lang`. */
export function analyseSentence(sentence: string, lang: Locale = 'de'): Claim[] {
  if (/\?[\s"'“”»«)]*$/u.test(sentence)) return [];
  const tokens = tokenize(sentence);
  const words = tokens.filter((t) => t.word);
  if (words.length === 0) return [];
  // Someone else's claim, repeated: the organisation asserts nothing.
  if (has(words, THIRD_PARTY_CLAIM)) return [];
  const thirdPartySpeaks = has(words, THIRD_PARTIES);
  const partialSentence = has(words, PARTIAL);
  const hedgedSentence = /\bso far\b|\bto date\b|\bas far as\b|davon aus\b/i.test(sentence);
  const claims: Claim[] = [];
  const list = clauses(tokens);
  const governing = matrices(list);
  const affectedInSentence = words.some((w) => AFFECT_VERBS.has(w.lower) || EXFILTRATION_VERBS.has(w.lower) || LOSS_VERBS.has(w.lower) || /^betroffene?n?$/.test(w.lower));
  // The sentence's numbers, found once (on first need) and shared out to its clauses.
  let numbers: FoundNumber[] | undefined;
  // hedgedSoFar[i]: a hedge in clause i or any before it; soHedgeAfter[i]: a trailing ", so …" hedge after clause i.
  const hedgedSoFar: boolean[] = [];
  list.forEach((c, i) => hedgedSoFar.push((i > 0 && hedgedSoFar[i - 1]!) || has(c.words, HEDGES)));
  const soHedgeAfter: boolean[] = new Array(list.length).fill(false);
  for (let i = list.length - 2; i >= 0; i--) {
    const next = list[i + 1]!;
    soHedgeAfter[i] = soHedgeAfter[i + 1]! || (next.words[0]?.lower === 'so' && has(next.words, HEDGES));
  }

  list.forEach((clause, i) => {
    if (clause.opener && OPEN_CLAUSE.has(clause.opener)) return;
    if (thirdPartySpeaks && clause.words.some((w) => w.quoted)) return;
    const complement = clause.opener !== null && COMPLEMENT.has(clause.opener);
    const matrix = complement ? governing[i]! : null;
    // Indirect questions and conditions govern their complements too ("Wir prüfen, ob …, dass …").
    if (matrix?.opener && OPEN_CLAUSE.has(matrix.opener)) return;
    const loss = lossIn(clause.words);
    if (loss) {
      const polarity = negations(clause.words, true) + (matrix ? negations(matrix.words, false) : 0);
      // A hedge reaches forward: from the clause itself, its matrix and every clause before it.
      // A trailing attribution (", so der bisherige Erkenntnisstand") hedges the whole sentence.
      const hedged =
        hedgedSentence ||
        hedgedSoFar[i]! ||
        (matrix !== null && has(matrix.words, HEDGES)) ||
        soHedgeAfter[i]!;
      if (polarity % 2 === 1) claims.push({ kind: 'no-loss', ...loss, hedged });
    }
    const polarity = negations(clause.words, false);
    const promise = has(clause.words, PROMISE) || (matrix !== null && has(matrix.words, PROMISE));
    // A dated statement ("ab dem 4. Mai laufen alle Dienste wieder") is a forecast or a promise: the date is what to check.
    const dates = polarity === 0 && has(clause.words, RESTORATION_CUES) ? restorationDates(clause.words, promise) : [];
    const forecast = has(clause.words, FORECAST) || has(clause.words, PARTIAL) || has(clause.words, PENDING) || promise || dates.length > 0;
    if (polarity === 0 && !forecast && !partialSentence) {
      const service = (w: Token) => SERVICE_NOUNS.has(w.lower) || /dienste$|services$/.test(w.lower);
      const all = clause.words.some((w, j) => ALL.has(w.lower) && (service(w) || clause.words.slice(j + 1, j + 4).some(service)));
      if (all && has(clause.words, AVAILABLE)) claims.push({ kind: 'all-restored' });
      const resolved = clause.words.findIndex((w) => RESOLVED.has(w.lower));
      // "resolved to act" is a decision, not a state.
      if (resolved !== -1 && clause.words[resolved + 1]?.lower !== 'to') claims.push({ kind: 'resolved' });
    }
    claims.push(...dates);
    const denial = riskDenial(clause, matrix, i === 0 ? null : list[i - 1]!);
    if (denial) {
      const hedged = hedgedSentence || hedgedSoFar[i]! || (matrix !== null && has(matrix.words, HEDGES)) || soHedgeAfter[i]!;
      claims.push({ kind: 'no-risk', about: denial, hedged });
    }
    // Counts of people or records affected; a negated clause ("nicht alle 41.000") states no count.
    if (polarity % 2 === 0) claims.push(...countsIn(sentence, clause.words, (numbers ??= sentenceNumbers(sentence, words, lang)), affectedInSentence));
  });
  return claims;
}

/**
 * What a clause denies for the people affected: a risk ("keine Gefahr für die Bürger", "citizens
 * are not in danger") or consequences ("keine Nachteile für die Betroffenen"), or `null`. The people
 * may be named in the clause, its governing clause or the clause before it; a denial about anything
 * else ("Die Trinkwasserversorgung ist nicht gefährdet") is none.
 */
function riskDenial(clause: Clause, matrix: Clause | null, previous: Clause | null): 'risk' | 'consequences' | null {
  const about = has(clause.words, RISK_WORDS) ? 'risk' : has(clause.words, CONSEQUENCE_WORDS) ? 'consequences' : null;
  if (!about) return null;
  const polarity = negations(clause.words, false) + (matrix ? negations(matrix.words, false) : 0);
  if (polarity % 2 === 0) return null;
  // "Sie" capitalised after the first word of the sentence is the reader.
  const people = (list: readonly Token[]) => list.some((w) => AT_RISK_PEOPLE.has(w.lower) || (w.text === 'Sie' && w.offset > 0));
  return people(clause.words) || (matrix !== null && people(matrix.words)) || (previous !== null && people(previous.words)) ? about : null;
}

/** Calendar dates after a preposition of time in a clause ("bis zum 9. Dezember", "by December 9"). */
function restorationDates(words: readonly Token[], promise: boolean): RestorationDateClaim[] {
  const found: RestorationDateClaim[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!DATE_PREPOSITIONS.has(words[i]!.lower)) continue;
    // Skip a weekday or "dem"/"zum" between the preposition and the date ("bis Freitag, 9. Dezember").
    let j = i + 1;
    while (j < words.length && j <= i + 3 && !/^\d/.test(words[j]!.text) && !MONTHS.has(words[j]!.lower.replace(/\.$/, ''))) j++;
    const date = dateAt(words, j);
    if (date) {
      found.push({ ...date, promise });
      i = j;
    }
  }
  return found;
}

/** A date starting at word `j`: "9. Dezember 2022", "09.12.2022", "2022-12-09", "December 9, 2022", "9 December". */
function dateAt(words: readonly Token[], j: number): RestorationDateClaim | null {
  const first = words[j];
  if (!first) return null;
  const span = (endWord: Token, day: number, month: number, year: number | null): RestorationDateClaim | null =>
    day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { kind: 'restoration-date', promise: false, offset: first.offset, endOffset: endWord.endOffset, year, month, day } : null;
  const yearAt = (k: number) => (words[k] && /^\d{4}$/.test(words[k]!.text) ? Number(words[k]!.text) : null);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first.text);
  if (m) return span(first, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?$/.exec(first.text);
  if (m) return span(first, Number(m[1]), Number(m[2]), m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : null);
  m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(first.text);
  const month = words[j + 1] && MONTHS.get(words[j + 1]!.lower);
  if (m && month) {
    const year = yearAt(j + 2);
    return span(year ? words[j + 2]! : words[j + 1]!, Number(m[1]), month, year);
  }
  const named = MONTHS.get(first.lower);
  if (named && words[j + 1] && /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[j + 1]!.text)) {
    const year = yearAt(j + 2);
    return span(year ? words[j + 2]! : words[j + 1]!, parseInt(words[j + 1]!.text, 10), named, year);
  }
  return null;
}
