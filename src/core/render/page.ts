/**
 * The one HTML page head of every page the engine or the editor shows: the press release, the status
 * page, the authorities' drafts and the editor preview. Each gets the same charset, Content-Security-
 * Policy, referrer and viewport, its language and its inline styles; a draft or confidential page
 * also asks search engines not to index it.
 */
import { NOINDEX_META } from './draft';

/** The pages' Content-Security-Policy: nothing may load or run; inline styles and `data:` images only. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Characters that must never reach HTML raw, plus C0 controls (invalid in HTML text).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The invisible controls that reorder how text is shown (bidi embeddings, overrides and isolates:
 * `U+202E` makes "10.20.30.40" of "04.03.02.01"). No output publishes them: the text version and the
 * posts always dropped them, and the HTML pages and the feed do too, so every output shows the same.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Escapes text for HTML content and double- or single-quoted attributes; drops control characters. */
export function escapeHtml(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(BIDI_CONTROLS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What a page's head says. */
export interface PageHead {
  /** The page's language (`<html lang>`). */
  lang: string;
  /** The page title as plain text (escaped here). */
  title: string;
  /** The page's styles, inlined. */
  css: string;
  /** The Content-Security-Policy (default {@link PAGE_CSP}). */
  csp?: string;
  /** Keeps search engines from indexing the page (drafts, confidential documents). */
  noindex?: boolean;
  /** The nonce the CSP allows the styles by (the editor's webview). */
  nonce?: string;
  /** Further elements of the head, as HTML (a feed's `<link rel="alternate">`). */
  extra?: readonly string[];
}

/** The start of a page up to and including `</head>`, as lines; the caller adds `<body>` and the rest. */
export function pageHead(head: PageHead): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(head.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${head.csp ?? PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    ...(head.noindex ? [NOINDEX_META] : []),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(head.title)}</title>`,
    ...(head.extra ?? []),
    `<style${head.nonce ? ` nonce="${escapeHtml(head.nonce)}"` : ''}>${head.css}</style>`,
    '</head>',
  ];
}
