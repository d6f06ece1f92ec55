/**
 * How a public output says that it is a draft (`render --draft`, the editor's "Export as Draft",
 * the preview while the publish verdict is blocked): a visible banner at the top of HTML and text,
 * `noindex` for search engines, and "[ENTWURF]" / "[DRAFT]" before each social post and feed entry
 * title. The words are the report's language, like the rest of the output.
 */
import type { Locale } from '../shared/types';
import { label } from './labels';

/** The page's `<meta>` that keeps search engines from indexing a draft. */
export const NOINDEX_META = '<meta name="robots" content="noindex">';

/** Styles of the banner (the pages' own CSS; the preview has its own). Contrast above 7:1, not colour alone. */
export const DRAFT_CSS = `
.draft-banner { margin: 0; padding: .7rem 1rem; text-align: center; font: 700 1.05rem/1.3 system-ui, sans-serif; letter-spacing: .06em;
  text-transform: uppercase; color: #1a1a1a; background: #fff; border: 4px double #a3001b; }
@media print { .draft-banner { border-color: #000; } }
`;

/** "ENTWURF – nicht zur Veröffentlichung" / "DRAFT – not for publication". */
export function draftBanner(locale: Locale): string {
  return label(locale, 'draftBanner');
}

/** The banner as the first element of an HTML page's `<main>` (the label is ours: nothing to escape). */
export function draftBannerHtml(locale: Locale): string {
  return `<p class="draft-banner" role="note">${draftBanner(locale)}</p>`;
}

/** The banner as the first lines of a text output. */
export function draftBannerText(locale: Locale): string {
  return `*** ${draftBanner(locale)} ***`;
}

/** "[ENTWURF] " / "[DRAFT] " before a post or a feed entry's title. */
export function draftPrefix(locale: Locale): string {
  return `${label(locale, 'draftMarker')} `;
}
