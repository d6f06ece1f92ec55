/**
 * Shared scanner of the `claim-*` rules: finds the claims in every published text and keeps them
 * with their exact document ranges. One scan per lint, cached per rule context like the leak scan.
 *
 * What is read: the published prose of the publication model (`selectPublication()`, which also
 * feeds every public output and the leak rules): the public section, `title`,
 * `data_loss.statement`, `public_measures`, `advice` and (when published) `likely_consequences`,
 * `updates[].text` and `affected_services[].workaround`.
 *
 * Cheap first: values are tested for trigger words before anything is split into sentences, and
 * only the sentences with claims are located in the source.
 */
import { formatPointer } from '../yaml/pointer';
import { isRecord } from '../report/fields';
import { selectPublication, type Publication } from '../render/publication';
import { fieldName } from '../shared/i18n';
import type { Locale } from '../shared/types';
import type { RuleContext, TextRange } from './rule';
import { splitSentences, type Sentence } from '../language/sentences';
import { BoundedCache, Derived } from '../shared/memo';
import { analyseSentence, tokenize, type Claim } from '../language/claims';
import { TRIGGERS } from '../language/lexicon';

/** One published text, and how its offsets become document offsets. */
export interface ClaimSource {
  /** JSON Pointer of the frontmatter value; `null` for the public section. */
  path: string | null;
  /** The text as published (for a YAML scalar: its value). */
  text: string;
  /**
   * Document range of `[start, end)` of `text` (`start === end`: an insertion point); `null` when
   * that text has no exact place in the source (an escape inside it).
   */
  toDocument(start: number, end: number): TextRange | null;
}

/** A claim found in a published text. */
export interface ClaimHit {
  claim: Claim;
  path: string | null;
  /** The sentence the claim is in, as published (trimmed to its words). */
  sentenceText: string;
  /** Document range of the sentence (computed on first use). */
  sentence(): TextRange;
  /** Document range of the claim: the sentence, or for a date the date itself. */
  range(): TextRange;
  /** The text of {@link range} as published (a date folded over two lines reads as one). */
  rangeText: string;
  /** Document range of an edit `[start, end)` inside the sentence text; `null` when it has no exact place. */
  inSentence(start: number, end: number): TextRange | null;
  /**
   * Document range of `[start, end)` in the offsets of the claim itself (relative to the untrimmed
   * sentence); `null` when it has no exact place.
   */
  span(start: number, end: number): TextRange | null;
  /** The published text of `[start, end)` in the same offsets as {@link span}. */
  spanText(start: number, end: number): string;
  /** For `updates[i].text`: whether this is the newest update (older ones are history). */
  latest: boolean;
}

/** The report's language: its `lang`, else the UI locale. */
export function reportLang(ctx: RuleContext): Locale {
  const lang = ctx.data?.lang;
  return lang === 'de' || lang === 'en' ? lang : ctx.locale;
}

/**
 * The published prose, read from the publication model (`selectPublication()`, the one door
 * through which outputs get report values): what a reader takes as a statement of the
 * organisation. Names, contacts, times and enum values are published too, but claim nothing.
 */
function publishedProse(publication: Publication): Array<{ path: string; value: string }> {
  return [
    publication.title,
    publication.dataLoss.statement,
    publication.dataLoss.publicMeasures,
    publication.dataLoss.advice,
    publication.dataLoss.likelyConsequences,
    ...publication.services.map((service) => service.workaround),
    ...publication.updates.map((update) => update.text),
  ].filter((text): text is NonNullable<typeof text> => text !== null);
}

/** Every published text that may hold a claim (see {@link publishedProse}), with a way to its document range. */
export function publishedTexts(ctx: RuleContext, relevant: (text: string) => boolean = () => true): ClaimSource[] {
  const { report, data } = ctx;
  if (!data) return [];
  const texts: ClaimSource[] = [];
  const fm = report.frontmatter;
  const publication = selectPublication(report);
  if (fm.kind === 'yaml') {
    for (const { path, value } of publishedProse(publication)) {
      if (!relevant(value)) continue;
      const toDocument = (start: number, end: number): TextRange | null => {
        const span = report.yaml!.valueSpan(path, start, end);
        return span && { offset: fm.contentOffset + span.offset, endOffset: fm.contentOffset + span.endOffset };
      };
      texts.push({ path, text: value, toDocument });
    }
  }
  const section = publication.body;
  if (section && section.endOffset > section.offset) {
    const base = section.offset;
    // Suppression directives are never published: blanked (offsets kept), so their words glue to no sentence.
    const text = blankDirectives(report.text.slice(section.offset, section.endOffset), base, ctx.directives);
    if (relevant(text)) texts.push({ path: null, text, toDocument: (start, end) => ({ offset: base + start, endOffset: base + end }) });
  }
  return texts;
}

/** `text` (which starts at document offset `base`) with every directive comment in it replaced by spaces. */
function blankDirectives(text: string, base: number, directives: RuleContext['directives']): string {
  let out = text;
  for (const directive of directives) {
    const start = Math.max(0, directive.offset - base);
    const end = Math.min(text.length, directive.endOffset - base);
    if (start < end) out = out.slice(0, start) + out.slice(start, end).replace(/[^\r\n]/g, ' ') + out.slice(end);
  }
  return out;
}

const claimsOf = new Derived<RuleContext, ClaimHit[]>('claims');

/** Every claim in the published text of the context's report. */
export function findClaims(ctx: RuleContext): ClaimHit[] {
  return claimsOf.get(ctx, () => scanClaims(ctx));
}

function scanClaims(ctx: RuleContext): ClaimHit[] {
  const hits: ClaimHit[] = [];
  const lang = reportLang(ctx);
  const latest = latestUpdatePath(ctx.data);
  const { relevant, key } = triggerFor(ctx);
  // Every published text, relevant or not: `claimSentences` remembers both answers, so a text seen
  // before is not searched for triggers again.
  for (const published of publishedTexts(ctx)) {
    for (const { sentence, claims, trim } of claimSentences(published.text, lang, key, relevant)) {
      const base = sentence.offset + trim.offset;
      const inSentence = (start: number, end: number) => published.toDocument(base + start, base + end);
      const sentenceText = sentence.text.slice(trim.offset, trim.endOffset);
      // Text with no exact place in the source (an escape inside) is reported at its whole field.
      const located = (start: number, end: number) => published.toDocument(start, end) ?? ctx.at(published.path!);
      const whole = () => located(base, base + sentenceText.length);
      for (const claim of claims) {
        hits.push({
          claim,
          path: published.path,
          sentenceText,
          sentence: whole,
          range: claim.kind === 'restoration-date' ? () => located(sentence.offset + claim.offset, sentence.offset + claim.endOffset) : whole,
          rangeText: claim.kind === 'restoration-date' ? published.text.slice(sentence.offset + claim.offset, sentence.offset + claim.endOffset) : sentenceText,
          inSentence,
          span: (start, end) => published.toDocument(sentence.offset + start, sentence.offset + end),
          spanText: (start, end) => published.text.slice(sentence.offset + start, sentence.offset + end),
          latest: published.path === null || !published.path.startsWith('/updates/') || published.path === latest,
        });
      }
    }
  }
  return hits;
}

/**
 * The cheap test for text worth analysing: the trigger words of the enabled claim rules that can
 * report anything for this report (a restoration date only matters while the incident is open and
 * `expected_restoration` is set).
 */
function triggerFor(ctx: RuleContext): { relevant: (text: string) => boolean; key: string } {
  const data = ctx.data;
  const triggers: Array<{ test(text: string): boolean }> = [];
  let key = '';
  if (ctx.enabledRules.has('claim-data-loss')) (triggers.push(TRIGGERS.dataLoss), (key += 'd'));
  if (ctx.enabledRules.has('claim-status')) (triggers.push(TRIGGERS.status), (key += 's'));
  if (ctx.enabledRules.has('claim-count')) (triggers.push(TRIGGERS.count), (key += 'c'));
  if (ctx.enabledRules.has('claim-risk')) (triggers.push(TRIGGERS.risk), (key += 'k'));
  if (ctx.enabledRules.has('claim-restoration') && data && data.status !== 'resolved' && typeof data.expected_restoration === 'string') {
    triggers.push(TRIGGERS.restoration);
    key += 'r';
  }
  return { relevant: (text) => triggers.some((trigger) => trigger.test(text)), key };
}

/** A sentence of a published text with claims, and its words' range in it. */
interface ClaimSentence {
  sentence: Sentence;
  claims: Claim[];
  trim: TextRange;
}

// Sentences and their claims depend on the text, its language and the triggers alone. The same
// texts come back all the time: every keystroke re-lints the paragraphs not being edited, and the
// members of a family repeat their provider's sentences.
// One cache per language and set of triggers (a handful): keyed by the text alone, a lookup hashes
// the text itself, whose hash V8 keeps, instead of a new joined key for every lookup.
const analysed = new Map<string, BoundedCache<string, ClaimSentence[]>>();

/** The sentences of `text` that hold claims, none when it has no trigger at all (memoised; see {@link analysed}). */
function claimSentences(text: string, lang: Locale, triggers: string, relevant: (text: string) => boolean): ClaimSentence[] {
  const key = `${lang}:${triggers}`;
  let cache = analysed.get(key);
  if (!cache) analysed.set(key, (cache = new BoundedCache(2048)));
  return cache.get(text, () =>
    !relevant(text)
      ? []
      : splitSentences(text, lang, relevant).flatMap((sentence) => {
          if (!relevant(sentence.text)) return [];
          const claims = analyseSentence(sentence.text, lang);
          return claims.length === 0 ? [] : [{ sentence, claims, trim: sentenceRange(sentence.text) }];
        }),
  );
}

/** The sentence without list markers, emphasis or quotes around it: from its first word to its final punctuation. */
function sentenceRange(text: string): TextRange {
  const tokens = tokenize(text).filter((t) => t.word);
  if (tokens.length === 0) return { offset: 0, endOffset: text.length };
  const last = tokens[tokens.length - 1]!;
  const tail = /^[.!?…]*/u.exec(text.slice(last.endOffset))![0];
  return { offset: tokens[0]!.offset, endOffset: last.endOffset + tail.length };
}

/** Pointer of the newest update's text (by `at`, the list order when times are equal or unreadable). */
function latestUpdatePath(data: Record<string, unknown> | null): string | null {
  const updates = data && Array.isArray(data.updates) ? data.updates : [];
  let best = -1;
  let bestAt = -Infinity;
  updates.forEach((update, i) => {
    const at = isRecord(update) && typeof update.at === 'string' ? Date.parse(update.at) : NaN;
    const time = Number.isNaN(at) ? -Infinity : at;
    if (best === -1 || time >= bestAt) {
      best = i;
      bestAt = time;
    }
  });
  return best === -1 ? null : formatPointer(['updates', best, 'text']);
}

/** Where a claim is, for messages: "in the public text" / "in updates[2].text". */
export function whereClaim(ctx: RuleContext, hit: ClaimHit): string {
  return hit.path === null
    ? ctx.t({ en: 'in the public text', de: 'im öffentlichen Text' })
    : ctx.t({ en: 'in {field}', de: 'in {field}' }, { field: fieldName(hit.path) });
}
