/**
 * Shared scanner of the `claim-*` rules: finds the claims in every published text and keeps them
 * with their exact document ranges. One scan per lint, cached per rule context like the leak scan.
 *
 * What is read (the same published text the leak rules scan, minus service and organisation
 * names, which are names, not statements): the public section, `title`, `data_loss.statement`,
 * `updates[].text` and `affected_services[].workaround`.
 *
 * Cheap first: values are tested for trigger words before anything is split into sentences, and
 * only the texts that pass are located in the source (which for frontmatter values needs the YAML
 * document with positions, which a report without claims never builds).
 */
import { isScalar } from 'yaml';
import { formatPointer, locate } from '../pointer';
import { isRecord } from '../fields';
import { fieldName } from '../i18n';
import type { Locale } from '../types';
import type { RuleContext, TextRange } from './rule';
import { splitSentences } from '../language/sentences';
import { analyseSentence, tokenize, type Claim } from '../language/claims';
import { TRIGGER } from '../language/lexicon';

/** One published text with where it starts in the document. */
export interface PublishedText {
  /** JSON Pointer of the frontmatter value; `null` for the public section. */
  path: string | null;
  /** The source text (for a YAML scalar: its source, quotes and folding included). */
  text: string;
  offset: number;
}

/** A claim found in a published text. */
export interface ClaimHit {
  claim: Claim;
  path: string | null;
  /** The sentence the claim is in (document range). */
  sentence: TextRange & { text: string };
  /** The claim's own range: the sentence, or for a date the date itself. */
  range: TextRange;
  /** For `updates[i].text`: whether this is the newest update (older ones are history). */
  latest: boolean;
}

/** The report's language: its `lang`, else the UI locale. */
export function reportLang(ctx: RuleContext): Locale {
  const lang = ctx.data?.lang;
  return lang === 'de' || lang === 'en' ? lang : ctx.locale;
}

/** The published values with their pointers (see the module comment). */
function publishedValues(data: Record<string, unknown>): Array<{ path: string; value: string }> {
  const values: Array<{ path: string; value: string }> = [];
  const add = (value: unknown, segments: Array<string | number>) => {
    if (typeof value === 'string') values.push({ path: formatPointer(segments), value });
  };
  add(data.title, ['title']);
  if (isRecord(data.data_loss)) add(data.data_loss.statement, ['data_loss', 'statement']);
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  list('affected_services').forEach((service, i) => {
    if (isRecord(service)) add(service.workaround, ['affected_services', i, 'workaround']);
  });
  list('updates').forEach((update, i) => {
    if (isRecord(update)) add(update.text, ['updates', i, 'text']);
  });
  return values;
}

/**
 * Every published text that may hold a claim, with its exact source range. This is the one place
 * that decides what is published; when the publication model records its texts with pointers,
 * this function reads them from there.
 */
export function publishedTexts(ctx: RuleContext): PublishedText[] {
  const { report, data } = ctx;
  if (!data) return [];
  const texts: PublishedText[] = [];
  const fm = report.frontmatter;
  if (fm.kind === 'yaml') {
    const candidates = publishedValues(data).filter(({ value }) => TRIGGER.test(value));
    const doc = candidates.length > 0 ? report.yaml : null;
    for (const { path } of candidates) {
      const node = doc && locate(doc, path)?.value;
      if (!node || !isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
      let start = fm.contentOffset + node.range[0];
      const end = fm.contentOffset + node.range[1];
      // A block scalar's source starts with its header ("|-", ">"): the text starts on the next line.
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') start = report.text.indexOf('\n', start) + 1 || end;
      texts.push({ path, text: report.text.slice(start, end), offset: start });
    }
  }
  const section = report.publicBounds;
  if (section && section.endOffset > section.contentOffset) {
    const text = report.text.slice(section.contentOffset, section.endOffset);
    if (TRIGGER.test(text)) texts.push({ path: null, text, offset: section.contentOffset });
  }
  return texts;
}

const cache = new WeakMap<RuleContext, ClaimHit[]>();

/** Every claim in the published text of the context's report. */
export function findClaims(ctx: RuleContext): ClaimHit[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const hits: ClaimHit[] = [];
  const lang = reportLang(ctx);
  const latest = latestUpdatePath(ctx.data);
  for (const published of publishedTexts(ctx)) {
    for (const sentence of splitSentences(published.text, lang)) {
      if (!TRIGGER.test(sentence.text)) continue;
      const claims = analyseSentence(sentence.text);
      if (claims.length === 0) continue;
      const range = sentenceRange(sentence.text);
      const base = published.offset + sentence.offset;
      const sentenceRangeInDoc = { offset: base + range.offset, endOffset: base + range.endOffset, text: sentence.text.slice(range.offset, range.endOffset) };
      for (const claim of claims) {
        hits.push({
          claim,
          path: published.path,
          sentence: sentenceRangeInDoc,
          range: claim.kind === 'restoration-date' ? { offset: base + claim.offset, endOffset: base + claim.endOffset } : sentenceRangeInDoc,
          latest: published.path === null || !published.path.startsWith('/updates/') || published.path === latest,
        });
      }
    }
  }
  cache.set(ctx, hits);
  return hits;
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
