/**
 * The press release: `renderPressRelease(report)` → a self-contained HTML page and a plain-text
 * version, built from the public frontmatter fields and the public section only. Pure (Intl, no Node
 * APIs), so the CLI, the extension host and a web worker render identically.
  *
 * May import: shared, yaml, schema, report, language, compliance (never rules or linter:
 * the leak rules read the publication model, not the other way round).
 */
import type { ParsedReport } from '../report/parse';
import { buildModel, type PressReleaseModel, type RenderOptions } from './model';
import { PAGE_CSS, renderArticle, renderPage } from './html';
import { PAGE_CSP } from './page';
import { renderText } from './text';

/** A rendered release. */
export interface PressRelease {
  /** Complete HTML page (inline CSS incl. print styles, CSP, no scripts). */
  html: string;
  /** Plain text for e-mail, wrapped at 72 columns. */
  text: string;
  /** The `<article>` inside `html`: the sanitized body, for hosts that bring their own page (the editor preview). */
  article: string;
  /** Language the release is written in (the report's `lang`). */
  locale: PressReleaseModel['locale'];
  /** The headline (raw, unescaped). */
  title: string;
  /** False when the report has no public section (the release then shows the facts alone). */
  hasPublicSection: boolean;
}

/**
 * Renders the press release of a parsed report. Never throws on report content: missing or broken
 * fields are left out. Internal sections, `iocs`, authorities' references, `approval` and `x-*` keys
 * are never read (see model.ts).
 */
export function renderPressRelease(report: ParsedReport, options: RenderOptions = {}): PressRelease {
  const model = buildModel(report, options);
  const article = renderArticle(model);
  return {
    html: renderPage(model, article),
    text: renderText(model),
    article,
    locale: model.locale,
    title: model.title,
    hasPublicSection: model.hasPublicSection,
  };
}

export { buildModel, PAGE_CSP, PAGE_CSS, type PressReleaseModel, type RenderOptions };
export { selectPublication, type Publication, type PublishedText } from './publication';
export {
  OUTPUTS,
  PUBLIC_OUTPUTS,
  PRESS_RELEASE_OUTPUT_ID,
  CONFIDENTIAL_OUTPUTS,
  findOutput,
  type OutputAudience,
  type OutputDefinition,
  type OutputOptions,
  type PublicOutput,
  type ConfidentialOutput,
} from './outputs';
export { renderArticle } from './html';
export { escapeHtml, pageHead, type PageHead } from './page';
export { OutputIds, DEFAULT_MAX_CHARS } from './outputs';
export { renderStatusPageHtml, renderStatusPageText, renderStatusPageFragment } from './statusPage';
export { renderAtom, escapeXml, FEED_FILE, feedUrl } from './atom';
export { socialPosts, renderSocial, countChars, type SocialPost } from './social';
export { isSafeLink } from './markdown';
export { formatUpdateHeading, formatDateTime, formatDate, resolveTime } from '../shared/dates';
