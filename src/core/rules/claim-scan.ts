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
import { fieldPointer } from '../yaml/pointer';
import { isRecord } from '../report/fields';
import { selectPublication, type Publication, type PublishedText } from '../render/publication';
import { fieldName } from '../shared/i18n';
import type { Locale } from '../shared/types';
import type { RuleContext, TextRange } from './rule';
import { splitSentences, type Sentence } from '../language/sentences';
import { BoundedCache, Derived } from '../shared/memo';
import { analyseSentence, tokenize, type Claim } from '../language/claims';
import { TRIGGERS } from '../language/lexicon';

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
 * Handed to `visit` one by one, in reading order, without collecting them first.
 */
function forEachProse(publication: Publication, visit: (text: PublishedText) => void): void {
  const { title, dataLoss, services, updates } = publication;
  if (title) visit(title);
  if (dataLoss.statement) visit(dataLoss.statement);
  if (dataLoss.publicMeasures) visit(dataLoss.publicMeasures);
  if (dataLoss.advice) visit(dataLoss.advice);
  if (dataLoss.likelyConsequences) visit(dataLoss.likelyConsequences);
  for (const service of services) if (service.workaround) visit(service.workaround);
  for (const update of updates) if (update.text) visit(update.text);
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

/**
 * Reads every published text that may hold a claim (see {@link forEachProse}, and the public
 * section) for claims. Only a text with claims gets a way to its document range.
 */
function scanClaims(ctx: RuleContext): ClaimHit[] {
  const { report, data } = ctx;
  const hits: ClaimHit[] = [];
  if (!data) return hits;
  const analyse = claimAnalysis(ctx);
  const publication = selectPublication(report);
  const fm = report.frontmatter;
  if (fm.kind === 'yaml') {
    const yaml = report.yaml!;
    const contentOffset = fm.contentOffset;
    let latest: string | null | undefined;
    forEachProse(publication, ({ path, value }) => {
      // Every published text, relevant or not: the analysis remembers both answers, so a text seen
      // before is not searched for triggers again.
      const sentences = analyse(value);
      if (sentences.length === 0) return;
      const toDocument = (start: number, end: number): TextRange | null => {
        const span = yaml.valueSpan(path, start, end);
        return span && { offset: contentOffset + span.offset, endOffset: contentOffset + span.endOffset };
      };
      if (path.startsWith('/updates/')) latest ??= latestUpdatePath(data);
      // For `updates[i].text`: only the newest update is the current state (older ones are history).
      addHits(hits, ctx, sentences, path, value, toDocument, !path.startsWith('/updates/') || path === latest);
    });
  }
  const section = publication.body;
  if (section && section.endOffset > section.offset) {
    const base = section.offset;
    // Suppression directives are never published: blanked (offsets kept), so their words glue to no sentence.
    const text = blankDirectives(report.text.slice(section.offset, section.endOffset), base, ctx.directives);
    const sentences = analyse(text);
    if (sentences.length > 0) addHits(hits, ctx, sentences, null, text, (start, end) => ({ offset: base + start, endOffset: base + end }), true);
  }
  return hits;
}

/**
 * Adds a hit for every claim of `sentences`, found in the published `text` at `path`;
 * `toDocument` maps `[start, end)` of `text` to its document range (`null`: no exact place).
 */
function addHits(
  hits: ClaimHit[],
  ctx: RuleContext,
  sentences: readonly ClaimSentence[],
  path: string | null,
  text: string,
  toDocument: (start: number, end: number) => TextRange | null,
  latest: boolean,
): void {
  for (const { sentence, claims, trim } of sentences) {
    const base = sentence.offset + trim.offset;
    const inSentence = (start: number, end: number) => toDocument(base + start, base + end);
    const sentenceText = sentence.text.slice(trim.offset, trim.endOffset);
    // Text with no exact place in the source (an escape inside) is reported at its whole field.
    const located = (start: number, end: number) => toDocument(start, end) ?? ctx.at(path!);
    const whole = () => located(base, base + sentenceText.length);
    for (const claim of claims) {
      hits.push({
        claim,
        path,
        sentenceText,
        sentence: whole,
        range: claim.kind === 'restoration-date' ? () => located(sentence.offset + claim.offset, sentence.offset + claim.endOffset) : whole,
        rangeText: claim.kind === 'restoration-date' ? text.slice(sentence.offset + claim.offset, sentence.offset + claim.endOffset) : sentenceText,
        inSentence,
        span: (start, end) => toDocument(sentence.offset + start, sentence.offset + end),
        spanText: (start, end) => text.slice(sentence.offset + start, sentence.offset + end),
        latest,
      });
    }
  }
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

/**
 * For one lint: the sentences of a text that hold claims, none when it has no trigger at all
 * (memoised; see {@link analysed}). The cache of the report's language and triggers is looked up
 * once per lint, not once per text.
 */
function claimAnalysis(ctx: RuleContext): (text: string) => ClaimSentence[] {
  const lang = reportLang(ctx);
  const { relevant, key } = triggerFor(ctx);
  const cacheKey = `${lang}:${key}`;
  let cache = analysed.get(cacheKey);
  if (!cache) analysed.set(cacheKey, (cache = new BoundedCache(2048)));
  const answers = cache;
  const compute = (text: string): ClaimSentence[] => {
    if (!relevant(text)) return [];
    const found: ClaimSentence[] = [];
    for (const sentence of splitSentences(text, lang, relevant)) {
      if (!relevant(sentence.text)) continue;
      const claims = analyseSentence(sentence.text, lang);
      if (claims.length > 0) found.push({ sentence, claims, trim: sentenceRange(sentence.text) });
    }
    return found;
  };
  return (text) => answers.get(text, () => compute(text));
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
function latestUpdatePath(data: Record<string, unknown>): string | null {
  const updates = Array.isArray(data.updates) ? data.updates : [];
  let best = -1;
  let bestAt = -Infinity;
  for (let i = 0; i < updates.length; i++) {
    const update: unknown = updates[i];
    const at = isRecord(update) && typeof update.at === 'string' ? Date.parse(update.at) : NaN;
    const time = Number.isNaN(at) ? -Infinity : at;
    if (best === -1 || time >= bestAt) {
      best = i;
      bestAt = time;
    }
  }
  return best === -1 ? null : fieldPointer('updates', best, 'text');
}

/** Where a claim is, for messages: "in the public text" / "in updates[2].text". */
export function whereClaim(ctx: RuleContext, hit: ClaimHit): string {
  return hit.path === null
    ? ctx.t({ en: 'in the public text', de: 'im öffentlichen Text' })
    : ctx.t({ en: 'in {field}', de: 'in {field}' }, { field: fieldName(hit.path) });
}
