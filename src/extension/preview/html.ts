/**
 * The preview webview's HTML. Pure (no `vscode`), so the browser security test builds exactly the
 * page the extension shows.
 *
 * Security: a Content-Security-Policy with `default-src 'none'`; the one script allowed is the
 * extension's own bundle carrying this render's nonce (a fresh one each time the HTML is built), and
 * the one style block carries the same nonce. No remote loads of any kind, no inline event handlers
 * (they need 'unsafe-inline'), no forms, no `<base>`. The article is the renderer's sanitized output;
 * everything else that comes from the report is escaped here.
 */
import { escapeHtml, pageHead } from '../../core';
import type { PreviewOutputs, ToWebview } from './protocol';

/** A fresh nonce: 128 random bits, base64url (Web Crypto: works in Node 20, browsers and workers). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The CSP of the preview for one nonce. */
export function previewCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Theme-aware styles: VS Code's CSS variables (set on the webview's `<html>` by VS Code for the
 * current colour theme), so the release reads like part of the editor in light, dark and
 * high-contrast themes.
 */
export const PREVIEW_CSS = `
body { margin: 0; padding: 0 1.5rem 2rem; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-markdown-font-family, var(--vscode-font-family)); font-size: var(--vscode-markdown-font-size, 14px); line-height: 1.6; }
.ir-bar { position: sticky; top: 0; z-index: 1; margin: 0 -1.5rem 1rem; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
  background: var(--vscode-editorWidget-background); }
.ir-switcher { display: block; padding: .3rem 1.5rem 0; }
.ir-switcher select { font: inherit; color: var(--vscode-dropdown-foreground, var(--vscode-editor-foreground));
  background: var(--vscode-dropdown-background, var(--vscode-editor-background)); border: 1px solid var(--vscode-dropdown-border, var(--vscode-panel-border)); }
.ir-status { display: flex; gap: .75rem; align-items: center; justify-content: space-between;
  padding: .4rem 1.5rem; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.ir-status.has-errors { border-bottom-color: var(--vscode-editorError-foreground); }
.ir-status.has-warnings { border-bottom-color: var(--vscode-editorWarning-foreground); }
.ir-status.has-errors, .ir-status.has-warnings { border-left: 4px solid; }
.ir-status.has-errors { border-left-color: var(--vscode-editorError-foreground); }
.ir-status.has-warnings { border-left-color: var(--vscode-editorWarning-foreground); }
/* The summary stays in the text colour: red or amber text on the widget background misses 4.5:1 in the
   light theme (#e51400 on #f8f8f8 is 4.46:1); the coloured borders carry the signal. */
.ir-status.has-errors .ir-summary-text, .ir-status.has-warnings .ir-summary-text { font-weight: 600; }
.ir-status button { flex: none; }
.ir-status button { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
.ir-status button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.ir-notice { padding: .6rem .9rem; border-left: 4px solid var(--vscode-editorWarning-foreground); background: var(--vscode-textBlockQuote-background); }
.press-release { max-width: 46rem; margin: 0 auto; }
.press-release header { border-bottom: 2px solid var(--vscode-textLink-foreground); margin-bottom: 1.2rem; padding-bottom: .8rem; }
.kicker { margin: 0; font-size: .8em; letter-spacing: .12em; text-transform: uppercase; color: var(--vscode-textLink-foreground); font-weight: 600; }
.dateline { font-weight: 700; }
.about p { font-size: .95em; }
h1 { font-size: 1.7em; line-height: 1.25; margin: .5rem 0 .8rem; }
h2 { font-size: 1.1em; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--vscode-panel-border); color: var(--vscode-textLink-foreground); }
h3, h4, h5, h6 { font-size: 1em; margin: 1.1rem 0 .3rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
.facts dt { color: var(--vscode-descriptionForeground); }
.facts dd { margin: 0; }
.lead { font-size: 1.08em; font-weight: 600; }
.notice { padding: .6rem .9rem; border: 1px dashed var(--vscode-editorWarning-foreground); background: var(--vscode-textBlockQuote-background); }
.services { list-style: none; padding: 0; margin: 0; }
.services li { padding: .45rem 0; border-bottom: 1px solid var(--vscode-panel-border); }
.services .state { margin-left: .4rem; padding: 0 .4rem; border-radius: 3px; font-size: .85em; font-weight: 600;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); border: 1px solid transparent; }
/* The validation backgrounds are pale in light themes and dark in dark ones: the badge text takes the
   editor's text colour, which contrasts with both (the badge foreground is white in light themes). */
.state-major_outage { background: var(--vscode-inputValidation-errorBackground, var(--vscode-badge-background)) !important;
  color: var(--vscode-editor-foreground) !important; border-color: var(--vscode-inputValidation-errorBorder, transparent) !important; }
.state-partial_outage, .state-degraded_performance { background: var(--vscode-inputValidation-warningBackground, var(--vscode-badge-background)) !important;
  color: var(--vscode-editor-foreground) !important; border-color: var(--vscode-inputValidation-warningBorder, transparent) !important; }
.services .detail { display: block; color: var(--vscode-descriptionForeground); }
.data-loss { border-left: 5px solid var(--vscode-editorWarning-foreground); background: var(--vscode-textBlockQuote-background); padding: .7rem 1rem; margin: 1.2rem 0; }
.data-loss h2 { margin-top: 0; border: 0; }
.data-loss .statement { font-weight: 700; font-size: 1.05em; margin: 0 0 .5rem; }
.restoration { font-weight: 600; }
.contacts { list-style: none; padding: 0; display: grid; gap: .7rem; }
.contacts .role { display: block; font-size: .8em; text-transform: uppercase; letter-spacing: .06em; color: var(--vscode-descriptionForeground); }
.press-release footer { margin-top: 1.6rem; padding-top: .6rem; border-top: 1px solid var(--vscode-panel-border); color: var(--vscode-descriptionForeground); font-size: .9em; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { white-space: pre-wrap; padding: .5rem; background: var(--vscode-textCodeBlock-background); }
table { border-collapse: collapse; } td, th { border: 1px solid var(--vscode-panel-border); padding: .2rem .5rem; text-align: left; vertical-align: top; }
.status-page .state { padding: 0 .4rem; border-radius: 3px; font-size: .85em; font-weight: 600; border: 1px solid var(--vscode-panel-border); }
.status-page .reach { border-left: 4px solid var(--vscode-textLink-foreground); padding: .2rem .9rem; background: var(--vscode-textBlockQuote-background); }
.status-page .reach ul, .status-page .updates ol, .status-page .resolved ul { list-style: none; padding: 0; }
.status-page .phone { font-weight: 700; font-size: 1.1em; }
.status-page .statement { border-left: 4px solid var(--vscode-editorWarning-foreground); padding: .3rem .8rem; }
.status-page .updates li { margin-bottom: .8rem; } .status-page .when { font-weight: 700; display: block; }
.ir-feed { white-space: pre-wrap; word-break: break-all; }
.ir-posts { padding-left: 1.5rem; }
.ir-post { margin-bottom: 1rem; padding: .5rem .8rem; border: 1px solid var(--vscode-panel-border); }
.ir-post.ir-over { border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground)); border-width: 2px; }
.ir-post-text { margin: 0 0 .4rem; white-space: normal; }
.ir-post-meta { margin: 0; display: flex; gap: 1rem; align-items: center; justify-content: space-between; }
.ir-copy { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 0; padding: .2rem .8rem; cursor: pointer; }
.ir-copy:focus-visible, .ir-switcher select:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
/* Confidential drafts: a banner in words, framed thick in the error colour; the text keeps the
   editor's colours (coloured text on the widget background misses 4.5:1 in some themes). */
.ir-confidential { display: flex; gap: .75rem; align-items: center; justify-content: space-between; margin: .4rem 1.5rem 0;
  padding: .5rem .8rem; border: 3px double var(--vscode-editorError-foreground); background: var(--vscode-editor-background); }
.ir-confidential[hidden] { display: none; }
.ir-confidential-text { text-transform: uppercase; letter-spacing: .04em; }
#ir-export-draft { flex: none; font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 0; padding: .2rem .8rem; cursor: pointer; }
#ir-export-draft:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.ir-draft { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; justify-content: space-between; margin: .4rem 1.5rem 0;
  padding: .5rem .8rem; border: 3px double var(--vscode-editorWarning-foreground); background: var(--vscode-editor-background); }
.ir-draft[hidden] { display: none; }
.ir-release { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin: .4rem 1.5rem 0; font-size: .9em; }
.ir-release[hidden], .ir-release [hidden] { display: none; }
.ir-approval { font-weight: 600; border-left: 4px solid var(--vscode-editorWarning-foreground); padding-left: .4rem; }
.ir-approval.is-current { border-left-color: var(--vscode-testing-iconPassed, var(--vscode-panel-border)); }
.ir-changes { flex-basis: 100%; margin: .2rem 0 0; padding-left: 1.2rem; }
mark.ir-changed { background: none; color: inherit; text-decoration: underline 2px var(--vscode-editorWarning-foreground, currentColor); text-underline-offset: 3px;
  box-shadow: inset 0 -.45em var(--vscode-editor-findMatchHighlightBackground, transparent); }
.ir-draft-text { text-transform: uppercase; letter-spacing: .04em; }
.ir-draft button { flex: none; font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
.ir-draft button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.draft { max-width: 46rem; margin: 0 auto; }
.draft .confidential { margin: 0 0 1rem; padding: .4rem .8rem; font-weight: 700; border-left: 6px solid var(--vscode-editorError-foreground);
  background: var(--vscode-textBlockQuote-background); }
.draft dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; margin: 0; }
.draft dt { color: var(--vscode-descriptionForeground); }
.draft dd { margin: 0; }
.draft .gap { font-style: italic; text-decoration: underline dotted; }
`;

/** Everything the preview page shows at first paint. */
export interface PreviewPage {
  /** `webview.cspSource` (kept for completeness: nothing is loaded from it except through the nonce). */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(out/webview/preview.js)`. */
  scriptUri: string;
  /** The first update (the same message later updates use). */
  state: ToWebview;
  /** Panel title for `<title>`. */
  title: string;
}

/** The status line: counts and the control that opens the Problems panel. */
export function statusHtml(status: ToWebview['status']): string {
  const cls = status.errors > 0 ? ' has-errors' : status.warnings > 0 ? ' has-warnings' : '';
  return (
    `<div class="ir-status${cls}" id="ir-status" role="status">` +
    `<span class="ir-summary-text">${escapeHtml(status.summary)}</span>` +
    `<button type="button" id="ir-problems">${escapeHtml(status.problemsLabel)}</button>` +
    '</div>'
  );
}

/** The output switcher: a native select (keyboard and screen readers know it), options from the registry. */
export function switcherHtml(outputs: PreviewOutputs): string {
  const option = (c: PreviewOutputs['choices'][number]) =>
    `<option value="${escapeHtml(c.id)}"${c.id === outputs.selected ? ' selected' : ''}>${escapeHtml(c.label)}</option>`;
  const open = outputs.choices.filter((c) => !c.confidential).map(option).join('');
  const drafts = outputs.choices.filter((c) => c.confidential).map(option).join('');
  // The drafts in a group of their own: its label says what they are, before any is chosen.
  const group = drafts ? `<optgroup label="${escapeHtml(outputs.confidentialGroup)}">${drafts}</optgroup>` : '';
  return `<label class="ir-switcher">${escapeHtml(outputs.label)} <select id="ir-output">${open}${group}</select></label>`;
}

/**
 * The banner above a confidential draft: words first (not colour only), and the one way to export
 * what is shown — the confidential export, never the public one.
 */
export function confidentialHtml(banner: ToWebview['confidential']): string {
  return (
    `<div id="ir-confidential" class="ir-confidential" role="note"${banner ? '' : ' hidden'}>` +
    `<strong class="ir-confidential-text">${escapeHtml(banner?.text ?? '')}</strong>` +
    `<button type="button" id="ir-export-draft">${escapeHtml(banner?.exportLabel ?? '')}</button>` +
    '</div>'
  );
}

/**
 * The banner while the publish verdict blocks a public output: the output's own draft marking in
 * words, how many findings block it, and a way to them (the Problems panel).
 */
export function draftHtml(banner: ToWebview['draft']): string {
  return (
    `<div id="ir-draft" class="ir-draft" role="note"${banner ? '' : ' hidden'}>` +
    `<strong class="ir-draft-text">${escapeHtml(banner?.text ?? '')}</strong>` +
    `<span class="ir-draft-detail">${escapeHtml(banner?.detail ?? '')}</span>` +
    `<button type="button" id="ir-draft-problems">${escapeHtml(banner?.problemsLabel ?? '')}</button>` +
    '</div>'
  );
}

/**
 * The release line: the approval state, the "Changes since release N" toggle with the changes, and
 * the "What's new" switch. Filled by the script on every update; hidden for drafts for authorities.
 */
export function releaseHtml(panel: ToWebview['release'], lang: ToWebview['lang']): string {
  const changes = (panel?.showChanges ? panel.changes : []).map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return (
    `<div id="ir-release" class="ir-release"${panel ? '' : ' hidden'}>` +
    `<span id="ir-approval" class="ir-approval${panel?.current ? ' is-current' : ''}">${escapeHtml(panel?.approval ?? '')}</span>` +
    `<label id="ir-changes-switch"${panel?.changesLabel ? '' : ' hidden'}><input type="checkbox" id="ir-changes-toggle"${panel?.showChanges ? ' checked' : ''}> <span class="ir-changes-label">${escapeHtml(panel?.changesLabel ?? '')}</span></label>` +
    `<label id="ir-whats-new-switch"${panel?.whatsNewLabel ? '' : ' hidden'}><input type="checkbox" id="ir-whats-new-toggle"${panel?.whatsNew ? ' checked' : ''}> <span class="ir-whats-new-label">${escapeHtml(panel?.whatsNewLabel ?? '')}</span></label>` +
    // The changes are worded in the report's language, inside chrome in VS Code's.
    `<ul id="ir-changes" class="ir-changes" lang="${lang}"${changes ? '' : ' hidden'}>${changes}</ul>` +
    '</div>'
  );
}

/** The preview's complete HTML. */
export function buildPreviewHtml(page: PreviewPage): string {
  const { nonce, state } = page;
  // The nonce goes into the CSP unescaped (quotes there must stay quotes): accept only what createNonce makes.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(nonce)) throw new Error('invalid nonce');
  return [
    ...pageHead({ lang: state.lang, title: page.title, css: PREVIEW_CSS, csp: previewCsp(nonce), nonce }),
    `<body data-uri="${escapeHtml(state.uri)}">`,
    // A banner landmark: the switcher and the counts are page chrome, not the release.
    // Page chrome in VS Code's language inside a page in the report's: its own `lang` for screen readers.
    `<header class="ir-bar" lang="${state.uiLang}">`,
    switcherHtml(state.outputs),
    confidentialHtml(state.confidential),
    draftHtml(state.draft),
    statusHtml(state.status),
    releaseHtml(state.release, state.lang),
    '</header>',
    `<div id="ir-notice" class="ir-notice" lang="${state.uiLang}"${state.notice ? '' : ' hidden'}>${escapeHtml(state.notice ?? '')}</div>`,
    `<main id="ir-content">${state.article}</main>`,
    `<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
