/**
 * The public updates as an Atom 1.0 feed (RFC 4287), built from publication models only.
 *
 * - One entry per update, newest first across all reports. Its `id` is a `tag:` URI (RFC 4151) made
 *   of the report's `id` and the update's instant (or, without one, its position in the list), so
 *   re-rendering the same report gives the same ids and feed readers do not show old news again.
 * - `updated` is RFC 3339 with the offset of the report's zone.
 * - Every value is escaped for XML and stripped of characters XML 1.0 forbids.
 */
import type { PressReleaseModel, UpdateEntry } from './model';
import { label } from './labels';
import type { OutputOptions } from './outputOptions';
import { draftPrefix } from './draft';
import { BIDI_CONTROLS } from './page';

/** Authority of the feed's `tag:` URIs (RFC 4151): a name reserved for documentation, never resolved. */
export const TAG_AUTHORITY = 'incident-report.invalid';

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; everything else goes.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attributes; drops characters that XML 1.0 does not allow. */
export function escapeXml(value: string): string {
  return value.replace(XML_INVALID, '').replace(BIDI_CONTROLS, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A report ID as the specific part of a `tag:` URI: characters outside the URI's safe set percent-encoded. */
function tagPart(value: string): string {
  // Lone surrogates would make encodeURIComponent throw; XML could not carry them anyway.
  return encodeURIComponent(value.replace(XML_INVALID, '')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The date part of a `tag:` URI: the day the report began or was published, else a fixed day. */
function tagDate(model: PressReleaseModel): string {
  const source = model.startedAt?.datetime ?? model.dateline.datetime ?? '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(source);
  return m ? m[1]! : '2000-01-01';
}

/** The stable `tag:` URI of a report (the feed's own id for a single report). */
export function reportTag(model: PressReleaseModel): string {
  return `tag:${TAG_AUTHORITY},${tagDate(model)}:${tagPart(model.id ?? model.title)}`;
}

/** The stable `tag:` URI of one update: the report's tag plus the update's instant in UTC, else its index. */
export function updateTag(model: PressReleaseModel, update: UpdateEntry): string {
  // The instant in compact UTC (20231030T150000Z): the same however the offset was written.
  const key = update.epochMs !== null ? new Date(update.epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '') : `index-${update.index}`;
  return `${reportTag(model)}/updates/${tagPart(key)}`;
}

interface FeedEntry {
  model: PressReleaseModel;
  id: string;
  title: string;
  updated: string;
  epochMs: number;
  content: string;
}

function entriesOf(model: PressReleaseModel, fallbackUpdated: string): FeedEntry[] {
  const entries = model.updates.map((update): FeedEntry => ({
    model,
    id: updateTag(model, update),
    title: `${model.organization ?? model.source}: ${update.heading}`,
    updated: update.rfc3339 ?? model.publishedRfc3339 ?? fallbackUpdated,
    epochMs: update.epochMs ?? model.publishedEpochMs ?? Number.NEGATIVE_INFINITY,
    content: update.paragraphs.join('\n\n'),
  }));
  if (entries.length > 0) return entries;
  // A report without updates still says something: its headline and data-loss statement as one entry.
  return [
    {
      model,
      id: `${reportTag(model)}/published`,
      title: model.title,
      updated: model.publishedRfc3339 ?? fallbackUpdated,
      epochMs: model.publishedEpochMs ?? Number.NEGATIVE_INFINITY,
      content: [model.statusText, model.dataLoss.statement].filter((s): s is string => !!s).join('\n\n'),
    },
  ];
}

/** The feed's `updated` when no report gives a time: "now" in UTC, without milliseconds. */
function nowRfc3339(now: number | undefined): string {
  return new Date(now ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Renders the Atom feed of one or several reports. */
export function renderAtom(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  const first = models[0];
  const locale = first?.locale ?? options.locale ?? 'en';
  const fallback = nowRfc3339(options.now);
  const entries = models
    .flatMap((model) => entriesOf(model, fallback))
    .map((entry, order) => ({ entry, order }))
    // Newest first; of two at the same instant the later-listed one first (as in the release).
    .sort((a, b) => (a.entry.epochMs === b.entry.epochMs ? b.order - a.order : b.entry.epochMs > a.entry.epochMs ? 1 : -1))
    .map(({ entry }) => entry);

  const organizations = [...new Set(models.map((m) => m.organization).filter((o): o is string => o !== null))];
  const plainTitle = models.length === 1 && first ? first.title : `${organizations.join(', ') || label(locale, 'unnamedOrg')}: ${label(locale, 'statusPage')}`;
  // A draft says so before every title a feed reader shows.
  const marked = (title: string, entryLocale = locale) => (options.draft ? draftPrefix(entryLocale) + title : title);
  const feedTitle = marked(plainTitle);
  const feedId = models.length === 1 && first ? `${reportTag(first)}/feed` : `tag:${TAG_AUTHORITY},2000-01-01:${models.map((m) => tagPart(m.id ?? m.title)).sort().join('+')}/feed`;
  const x = escapeXml;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${x(feedId)}</id>`,
    `  <title type="text">${x(feedTitle)}</title>`,
    `  <updated>${x(entries[0]?.updated ?? fallback)}</updated>`,
    `  <author><name>${x(organizations.join(', ') || label(locale, 'unnamedOrg'))}</name></author>`,
    '  <generator>incident-report</generator>',
  ];
  if (options.link) {
    out.push(`  <link rel="alternate" type="text/html" href="${x(options.link)}"/>`);
    out.push(`  <link rel="self" type="application/atom+xml" href="${x(feedUrl(options.link))}"/>`);
  }
  for (const entry of entries) {
    out.push(`  <entry xml:lang="${entry.model.locale}">`);
    out.push(`    <id>${x(entry.id)}</id>`);
    out.push(`    <title type="text">${x(marked(entry.title, entry.model.locale))}</title>`);
    out.push(`    <updated>${x(entry.updated)}</updated>`);
    if (entry.model.organization) out.push(`    <author><name>${x(entry.model.organization)}</name></author>`);
    if (options.link) out.push(`    <link rel="alternate" type="text/html" href="${x(options.link)}"/>`);
    out.push(`    <content type="text">${x(entry.content || marked(entry.title, entry.model.locale))}</content>`);
    out.push('  </entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/** Where the feed lives next to a status page at `link`: `…/` or `…/index.html` → `…/feed.xml`. */
export function feedUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return FEED_FILE;
  }
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  const base = url.pathname.endsWith('/') || last.includes('.') ? url.href : `${url.href}/`;
  return new URL(FEED_FILE, base).href;
}

/** File name of the feed next to the status page (`--out DIR`). */
export const FEED_FILE = 'feed.xml';
