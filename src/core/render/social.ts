/**
 * Short posts for X, Mastodon or Facebook, built from a publication model: one for the current
 * state, then one per update, newest first. Each names the organisation, says what works or is
 * closed (the current-state post lists the services; an update says it in its own words) and how
 * to reach the hotline, in the report's language. The status page's URL and hashtags go in only when
 * given: nothing is invented.
 *
 * Length is counted so that a post fits on X and on Mastodon alike: every http(s) URL as 23
 * characters (both shorten links to that); everything else by grapheme cluster (Mastodon's count),
 * each weighed as X weighs it when X weighs it more: an umlaut, Latin, Greek, Cyrillic, Arabic or
 * Hebrew letter, a dash or a quote is one, an emoji (a flag, a family, a skin tone: one sequence),
 * a CJK character, "…" or "€" is two. A post never exceeds the limit: the free text is shortened at
 * a word with "…", then hashtags, contact and link give way, in that order.
 */
import { citizenContact, type PressReleaseModel } from './model';
import type { Locale } from '../shared/types';
import { segmentSpans } from '../language/segments';
import { splitSentences } from '../language/sentences';
import { label, type LABELS } from './labels';
import { DEFAULT_MAX_CHARS, type OutputOptions } from './outputOptions';
import { draftPrefix } from './draft';
import { BIDI_CONTROLS } from './page';

/** Service states, the worst first: what is closed matters most. */
const STATE_RANK = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational'];
/** A state the schema does not know (an organisation's own schema) comes after the known ones that are no outage, before what works. */
const UNKNOWN_STATE_RANK = 3.5;
const OPERATIONAL_RANK = STATE_RANK.indexOf('operational');

/** What a URL counts as on X and Mastodon. */
export const URL_WEIGHT = 23;

/** The line between two posts in the text output. */
export const POST_SEPARATOR = '---';

const URL = /https?:\/\/[^\s<>"]+/giu;
const ELLIPSIS = '…';
/** The least free text worth posting before the extras give way. */
const MIN_TEXT = 40;

let segmenter: Intl.Segmenter | undefined;
/** Code units segmented at a time: V8 is quadratic on one long text (see segments.ts), 80,000 graphemes took 2 s. */
const GRAPHEME_WINDOW = 64;
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmentSpans(segmenter, text, GRAPHEME_WINDOW).map((s) => text.slice(s.index, s.index + s.length));
}

// Latin letters (umlauts included), punctuation and dashes: one code unit is one grapheme here, so
// the (slow) segmenter is needed only for text with combining marks, emoji, other scripts.
const SIMPLE = /^[\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf]*$/;
/**
 * Code points X weighs as one (twitter-text's v3 configuration: U+0000–U+10FF, U+2000–U+200D,
 * U+2010–U+201F, U+2032–U+2037); X weighs every other code point, and every emoji sequence, as two.
 */
const X_SINGLE = /[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]/u;
/** The code points of {@link SIMPLE} text that X weighs as two ("…", "•", "€"). */
const X_DOUBLE_SIMPLE = /[\u200e\u200f\u2020-\u2031\u2038-\u206f\u20a0-\u20cf]/g;
/** What makes a grapheme an emoji to X: a pictograph ("©" and "®" alone are letters to X), a flag letter, VS16, a keycap. */
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Regional_Indicator}\ufe0f\u20e3]/u;

/** One grapheme cluster as X weighs it: an emoji sequence two, else each code point one or two (never less than Mastodon's one). */
function graphemeWeight(grapheme: string): number {
  let weight = 0;
  for (const codePoint of grapheme) {
    const single = X_SINGLE.test(codePoint);
    if (!single && EMOJI_PART.test(codePoint)) return 2;
    weight += single ? 1 : 2;
  }
  return weight;
}

/** `text` counted for both platforms: grapheme clusters (CR LF is one), each weighed as X weighs it. */
function weightedCount(text: string): number {
  if (SIMPLE.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0) + (text.match(X_DOUBLE_SIMPLE)?.length ?? 0);
  // X counts the text in NFC: "e" + U+0301 is one "é".
  let count = 0;
  for (const grapheme of graphemes(text.normalize('NFC'))) count += grapheme === '\r\n' ? 1 : graphemeWeight(grapheme);
  return count;
}

/**
 * Characters of `text` as X and Mastodon count them, the larger of the two: a URL is 23, a grapheme
 * cluster one, or two where X weighs it so (an emoji, a CJK character, "…").
 */
export function countChars(text: string): number {
  let count = 0;
  let last = 0;
  for (const m of text.matchAll(URL)) {
    count += weightedCount(text.slice(last, m.index)) + URL_WEIGHT;
    last = m.index + m[0].length;
  }
  return count + weightedCount(text.slice(last));
}

/** One post. */
export interface SocialPost {
  /** `state` for the current-state post, `update` for one update. */
  kind: 'state' | 'update';
  text: string;
  /** {@link countChars} of `text`. */
  chars: number;
  /** True when the text had to be shortened to fit. */
  shortened: boolean;
}

type LabelKey = keyof typeof LABELS;

/** Removes control characters and folds white space: a post is one paragraph plus our line breaks. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(BIDI_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** "teilweise ausgefallen" as a heading: "Teilweise ausgefallen". */
function upperFirst(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Shortens `text` to at most `budget` counted characters, at a word where possible, ending in "…". */
export function shorten(text: string, budget: number): string {
  if (countChars(text) <= budget) return text;
  if (budget <= 0) return '';
  // The count grows with every word added, so a binary search finds the longest prefix that fits
  // (a word-by-word loop recounts the whole prefix each time: quadratic on a long text).
  const words = text.split(' ');
  let [low, high] = [0, words.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countChars(words.slice(0, mid).join(' ') + ELLIPSIS) <= budget) low = mid;
    else high = mid - 1;
  }
  let result = words.slice(0, low).join(' ');
  if (!result) {
    // Not even the first word fits: cut by grapheme (a URL cut this way is plain text and counts as such).
    const chars = graphemes(text.slice(0, budget * 8)).slice(0, Math.max(0, budget - 1));
    while (chars.length > 0 && countChars(chars.join('') + ELLIPSIS) > budget) chars.pop();
    result = chars.join('');
  }
  return result.replace(/[\s,;:.–-]+$/u, '') + ELLIPSIS;
}

/** A sentence as compared for repeats: case, spacing and closing punctuation do not count. */
function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?…:;,]+$/u, '').trim();
}

/**
 * `text` without the sentences already said (`said`, as {@link sentenceKey}s) or said earlier in
 * `text` itself: a post never says the same sentence twice. Adds what it keeps to `said`.
 */
function withoutRepeats(text: string, locale: Locale, said: Set<string>): string {
  const kept: string[] = [];
  for (const sentence of splitSentences(text, locale)) {
    const key = sentenceKey(sentence.text);
    if (key && said.has(key)) continue;
    said.add(key);
    kept.push(sentence.text);
  }
  return kept.join(' ');
}

/**
 * The headline without the organisation in front ("Stadt Werne: Bürgerbüro geschlossen" →
 * "Bürgerbüro geschlossen"): every post already opens with the organisation's name.
 */
function withoutOrganization(title: string, org: string): string {
  if (!org || !title.toLowerCase().startsWith(org.toLowerCase())) return title;
  const rest = /^\s*[:–—|-]\s*(.+)$/u.exec(title.slice(org.length));
  return rest ? rest[1]! : title;
}

function hashtagList(tags: readonly string[] | undefined): string {
  return (tags ?? [])
    .map((tag) => clean(tag).replace(/^#+/, ''))
    .filter((tag) => /^[\p{L}\p{N}_]+$/u.test(tag))
    .map((tag) => `#${tag}`)
    .join(' ');
}

interface Extras {
  contact: string;
  /** The contact without its hours: the first thing to give way. */
  shortContact: string;
  link: string;
  tags: string;
}

/**
 * Puts a post together from the first body that fits as it is; otherwise the extras give way one by
 * one (the contact's hours, the hashtags) and only then is the last body shortened, keeping contact
 * and link as long as some text remains; as a last resort everything is cut to the limit.
 */
function fit(head: string, bodies: readonly string[], extras: Extras, max: number): { text: string; shortened: boolean } {
  const compose = (body: string, contact: string, link: string, tags: string) =>
    [head + body, contact, [link, tags].filter(Boolean).join(' ')].filter(Boolean).join('\n');
  const variants: Array<[string, string, string]> = [
    [extras.contact, extras.link, extras.tags],
    [extras.shortContact, extras.link, extras.tags],
    [extras.shortContact, extras.link, ''],
  ];
  for (const [contact, link, tags] of variants) {
    for (const body of bodies) {
      const text = compose(body, contact, link, tags);
      if (countChars(text) <= max) return { text, shortened: false };
    }
  }
  const body = bodies[bodies.length - 1] ?? '';
  for (const [contact, link] of [[extras.shortContact, extras.link], [extras.shortContact, ''], ['', extras.link], ['', '']] as const) {
    const budget = max - countChars(compose('', contact, link, ''));
    if (budget >= Math.min(MIN_TEXT, countChars(body)) || (contact === '' && link === '')) {
      const text = compose(shorten(body, Math.max(0, budget)), contact, link, '');
      if (countChars(text) <= max) return { text, shortened: true };
    }
  }
  return { text: shorten(compose(body, '', '', '').replace(/\n/g, ' '), max), shortened: true };
}

/** The posts for one report: the current state first, then one per update, newest first. */
export function socialPosts(model: PressReleaseModel, options: OutputOptions = {}): SocialPost[] {
  const L = (key: LabelKey) => label(model.locale, key);
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  const org = clean(model.organization ?? model.source);
  const contact = citizenContact(model.contacts);
  const reach = contact ? clean(`${contact.role}: ${contact.phone ?? contact.email ?? ''}`) : '';
  const extras: Extras = {
    contact: contact?.hours ? `${reach} (${clean(contact.hours)})` : reach,
    shortContact: reach,
    link: options.link ? clean(options.link) : '',
    tags: hashtagList(options.hashtags),
  };

  // Each service under the words the press release and the status page print for its state
  // (the model's, from wording.ts), the worst first: a partial outage is "Teilweise ausgefallen",
  // never "not available"; a restored service is "Wieder verfügbar".
  const groups = new Map<string, { rank: number; names: string[] }>();
  for (const service of model.services) {
    if (service.state === '') continue;
    const rank = service.stateKey === null ? UNKNOWN_STATE_RANK : STATE_RANK.indexOf(service.stateKey);
    const group = groups.get(service.state) ?? { rank, names: [] };
    group.names.push(clean(service.name));
    groups.set(service.state, group);
  }
  const byRank = [...groups].sort(([, a], [, b]) => a.rank - b.rank);
  const list = (heading: string, names: readonly string[]) => (names.length > 0 ? `${upperFirst(clean(heading), model.locale)}: ${names.join(', ')}.` : '');
  const lists = (working: boolean) => byRank.filter(([, g]) => (g.rank === OPERATIONAL_RANK) === working).map(([state, g]) => list(state, g.names));
  const title = withoutOrganization(clean(model.title), org);
  const resolved = model.statusKey === 'resolved' ? L('socialResolved') : '';
  const restoration =
    model.expectedRestoration && model.statusKey !== 'resolved' ? `${clean(model.expectedRestoration.label)}: ${clean(model.expectedRestoration.value)}.` : '';
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const closedText = join(resolved, ...lists(false));
  const workingText = join(...lists(true));

  const posts: SocialPost[] = [];
  // A draft's every post starts with "[ENTWURF]" / "[DRAFT]", inside the length limit.
  const marker = options.draft ? draftPrefix(model.locale) : '';
  const add = (kind: SocialPost['kind'], head: string, bodies: readonly string[]) => {
    // What the contact line says is not said again in the text (nor anything twice in the text).
    const said = new Set([extras.contact, extras.shortContact].filter(Boolean).map(sentenceKey));
    const unique = bodies.map((body) => withoutRepeats(body, model.locale, new Set(said))).filter((body, i, all) => body && all.indexOf(body) === i);
    const { text, shortened } = fit(marker + head, unique, extras, max);
    posts.push({ kind, text, chars: countChars(text), shortened });
  };
  // The headline gives the context, the services say what works: the headline goes first when it fits.
  // Richest first; what is closed matters most, so it stays to the end.
  const headline = /[.!?…]$/u.test(title) ? title : `${title}.`;
  const bodies = [
    join(headline, closedText, workingText, restoration),
    join(closedText, workingText, restoration),
    join(closedText, restoration),
    join(closedText, workingText),
    closedText || headline,
  ].filter((body, i, all) => body && all.indexOf(body) === i);
  add('state', `${org} – ${L('socialState')}: `, bodies);
  for (const update of model.updates) {
    add('update', `${org}${update.shortTime ? `, ${update.shortTime}` : ''}: `, [clean(update.paragraphs.join(' '))]);
  }
  return posts;
}

/** The posts of one or several reports as text, separated by `---` lines. */
export function renderSocial(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  return models.flatMap((m) => socialPosts(m, options)).map((p) => p.text).join(`\n${POST_SEPARATOR}\n`) + '\n';
}

/** The posts as JSON (`[{kind, text, chars, shortened}]`), for tools that post them one by one. */
export function renderSocialJson(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  return JSON.stringify(models.flatMap((m) => socialPosts(m, options)), null, 2) + '\n';
}
