/**
 * The messages between the extension and the press-release preview webview. Pure (no `vscode`, no
 * DOM) so both sides and the unit tests share one definition. Everything coming *from* the webview
 * is untrusted: a compromised page could post anything, so it goes through {@link parseFromWebview}.
 */

/** The webview panel's view type (also in package.json `activationEvents`: `onWebviewPanel:…`). */
export const PREVIEW_VIEW_TYPE = 'incidentReport.preview';

/** The publish verdict and the counts shown above the release, with the words to show them in. */
export interface PreviewStatus {
  errors: number;
  warnings: number;
  /** e.g. "Not ready to publish: 2 blocking findings" / "ready to publish" (localized by the extension). */
  summary: string;
  /** Label of the control that opens the Problems panel. */
  problemsLabel: string;
}

/** One output the switcher offers (from the output registry). */
export interface OutputChoice {
  id: string;
  label: string;
  /** A confidential draft for an authority: listed in its own group, below the public outputs. */
  confidential?: boolean;
}

/** The switcher: which outputs there are, which one is shown, and its label. */
export interface PreviewOutputs {
  choices: OutputChoice[];
  selected: string;
  /** Label of the switcher ("Show" / "Anzeigen"). */
  label: string;
  /** Label of the group of confidential drafts ("Confidential – for authorities only"). */
  confidentialGroup: string;
}

/** The banner above a confidential draft, and its export button. */
export interface ConfidentialBanner {
  /** "Confidential – for authorities only: …" (text, so it does not rely on colour). */
  text: string;
  /** Label of the button that exports the draft shown through the confidential export. */
  exportLabel: string;
}

/**
 * The banner above a public output while the publish verdict blocks it: that it is a draft ("DRAFT
 * – not for publication"), how many findings block, and the way to them. Extension chrome: every
 * line in VS Code's display language (the output's own marking is in the report's).
 */
export interface DraftBanner {
  /** "DRAFT – not for publication" (UI language). */
  text: string;
  /** "2 findings block publication" (UI language). */
  detail: string;
  /** Label of the control that opens the Problems panel. */
  problemsLabel: string;
}

/**
 * The release line above a public output: the approval state, the "Changes since release N"
 * toggle with the changes it shows, and the "What's new" switch (press release and status page).
 */
export interface ReleasePanel {
  /** "approved by Petra Schulz (press), 14:05", "not approved since the last change" or "not approved yet". */
  approval: string;
  /** True while the newest approval matches what the report publishes. */
  current: boolean;
  /** "Changes since release 2", or `null` when there is no release to compare with. */
  changesLabel: string | null;
  showChanges: boolean;
  /** The changes, one line each in the report's language, while {@link showChanges}. */
  changes: string[];
  /** Label of the "What's new" switch, or `null` when the output shown has no such box. */
  whatsNewLabel: string | null;
  whatsNew: boolean;
}

/** Extension → webview. */
export type ToWebview = {
  type: 'update';
  /** The switcher's state; the article is the selected output. */
  outputs: PreviewOutputs;
  /** The report shown (the webview keeps a scroll position per report). */
  uri: string;
  /** The sanitized `<article>` from the renderer. */
  article: string;
  /** The language of the output shown (the report's): the page's `lang`. */
  lang: 'de' | 'en';
  /**
   * VS Code's display language: the language of the chrome around the output (switcher, banners,
   * status, notice), so a screen reader reads German chrome over an English report as German.
   */
  uiLang: 'de' | 'en';
  status: PreviewStatus;
  /** A note shown instead of or above the release (report closed, not a report). */
  notice: string | null;
  /** Set while a confidential draft is shown: the banner stays above it. */
  confidential: ConfidentialBanner | null;
  /** Set while a public output is shown whose report the publish verdict blocks. */
  draft: DraftBanner | null;
  /** The approval state and the changes since the last release (public outputs). */
  release: ReleasePanel | null;
};

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'openLink'; href: string }
  | { type: 'showProblems' }
  /** The switcher picked another output. */
  | { type: 'selectOutput'; id: string }
  /** A post's "Copy" button: the extension copies its own copy of post `index` (never text from the page). */
  | { type: 'copyPost'; index: number }
  /** The confidential banner's "Export" button: the extension exports the draft it shows (no id from the page). */
  | { type: 'exportDraft' }
  /** The "Changes since release N" toggle or the "What's new" switch was flipped. */
  | { type: 'toggleChanges' }
  | { type: 'toggleWhatsNew' };

/** What an output id looks like (`press-release`, `status-page`, …): anything else did not come from the switcher. */
const OUTPUT_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** Longest link the preview passes on (longer ones are not plausible release links). */
export const MAX_LINK_LENGTH = 2048;

/**
 * True for a link the preview may hand to the operating system: absolute `http:`, `https:` or
 * `mailto:`, printable ASCII without spaces or quotes (a renderer-made link never has them; anything
 * else did not come from the release). `javascript:`, `data:`, `file:`, `command:` and relative links
 * are refused.
 */
export function isOpenableLink(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_LINK_LENGTH) return false;
  if (!/^[\x21-\x7e]+$/.test(href) || /["'<>\\`]/.test(href)) return false;
  return /^https?:\/\/[^/?#]+/i.test(href) || /^mailto:[^@]+@[^@]+$/i.test(href);
}

/** Validates a message from the webview; `null` for anything that is not exactly one of {@link FromWebview}. */
export function parseFromWebview(value: unknown): FromWebview | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const message = value as Record<string, unknown>;
  const keys = Object.keys(message);
  switch (message.type) {
    case 'ready':
      return keys.length === 1 ? { type: 'ready' } : null;
    case 'showProblems':
      return keys.length === 1 ? { type: 'showProblems' } : null;
    case 'exportDraft':
      return keys.length === 1 ? { type: 'exportDraft' } : null;
    case 'toggleChanges':
      return keys.length === 1 ? { type: 'toggleChanges' } : null;
    case 'toggleWhatsNew':
      return keys.length === 1 ? { type: 'toggleWhatsNew' } : null;
    case 'openLink':
      return keys.length === 2 && isOpenableLink(message.href) ? { type: 'openLink', href: message.href } : null;
    case 'selectOutput':
      return keys.length === 2 && typeof message.id === 'string' && OUTPUT_ID.test(message.id) ? { type: 'selectOutput', id: message.id } : null;
    case 'copyPost':
      return keys.length === 2 && Number.isInteger(message.index) && (message.index as number) >= 0 && (message.index as number) < 10_000
        ? { type: 'copyPost', index: message.index as number }
        : null;
    default:
      return null;
  }
}

function isDraftBanner(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || value === undefined) return false;
  const banner = value as Record<string, unknown>;
  return typeof banner.text === 'string' && typeof banner.detail === 'string' && typeof banner.problemsLabel === 'string';
}

function isReleasePanel(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || value === undefined) return false;
  const panel = value as Record<string, unknown>;
  return (
    typeof panel.approval === 'string' &&
    typeof panel.current === 'boolean' &&
    (panel.changesLabel === null || typeof panel.changesLabel === 'string') &&
    typeof panel.showChanges === 'boolean' &&
    Array.isArray(panel.changes) &&
    panel.changes.every((line) => typeof line === 'string') &&
    (panel.whatsNewLabel === null || typeof panel.whatsNewLabel === 'string') &&
    typeof panel.whatsNew === 'boolean'
  );
}

function isBanner(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || value === undefined) return false;
  const banner = value as Record<string, unknown>;
  return typeof banner.text === 'string' && typeof banner.exportLabel === 'string';
}

/** Validates a message from the extension inside the webview (defence in depth: only our shape is used). */
export function parseToWebview(value: unknown): ToWebview | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  const status = m.status as Record<string, unknown> | null | undefined;
  const outputs = m.outputs as Record<string, unknown> | null | undefined;
  if (
    typeof outputs !== 'object' ||
    outputs === null ||
    typeof outputs.selected !== 'string' ||
    typeof outputs.label !== 'string' ||
    typeof outputs.confidentialGroup !== 'string' ||
    !Array.isArray(outputs.choices) ||
    !outputs.choices.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as OutputChoice).id === 'string' && typeof (c as OutputChoice).label === 'string')
  ) {
    return null;
  }
  if (
    m.type !== 'update' ||
    typeof m.uri !== 'string' ||
    typeof m.article !== 'string' ||
    (m.lang !== 'de' && m.lang !== 'en') ||
    (m.uiLang !== 'de' && m.uiLang !== 'en') ||
    (m.notice !== null && typeof m.notice !== 'string') ||
    !isBanner(m.confidential) ||
    !isDraftBanner(m.draft) ||
    !isReleasePanel(m.release) ||
    typeof status !== 'object' ||
    status === null ||
    typeof status.errors !== 'number' ||
    typeof status.warnings !== 'number' ||
    typeof status.summary !== 'string' ||
    typeof status.problemsLabel !== 'string'
  ) {
    return null;
  }
  return value as ToWebview;
}
