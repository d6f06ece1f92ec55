/** Options every output accepts (kept apart from outputs.ts so the renderers need not import the registry). */
import type { Locale } from '../shared/types';
import type { RenderOptions } from './model';

/** The press release's {@link RenderOptions} plus what the channels need. */
export interface OutputOptions extends RenderOptions {
  /** Public URL of the status page: linked from the feed and appended to social posts. */
  link?: string;
  /** Longest social post in characters as the platforms count them (default {@link DEFAULT_MAX_CHARS}). */
  maxChars?: number;
  /** Hashtags for social posts, as given (never invented); with or without the leading `#`. */
  hashtags?: readonly string[];
  /** Where the status page links its feed (default `feed.xml`, next to it). */
  feedHref?: string;
  /** Language that overrides the report's own (confidential drafts; `--locale` given explicitly). */
  forceLocale?: Locale;
  /**
   * Marks a public output as a draft (see draft.ts): a banner, `noindex`, "[ENTWURF]" / "[DRAFT]"
   * before posts and feed entries. Set when the publish verdict blocks and a draft was asked for.
   */
  draft?: boolean;
  /** Confidential drafts: the GDPR Art. 33 first notification again, even after it was sent (`render --initial`). */
  initial?: boolean;
  /** Confidential drafts: the controller a processor's notice goes to (`render --controller NAME`). */
  controller?: string;
}

/** Default post length: X's limit (Mastodon allows 500). */
export const DEFAULT_MAX_CHARS = 280;
