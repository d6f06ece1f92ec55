/**
 * Script of the press-release preview webview (bundled to out/webview/preview.js; the only script
 * the page's CSP admits). It
 * - replaces the article when the extension posts an update (the HTML is the renderer's sanitized
 *   output; the CSP would stop any script in it anyway),
 * - keeps one scroll position per report across updates, report switches and reloads (webview state),
 * - sends link clicks to the extension instead of navigating (the extension opens http(s)/mailto
 *   through VS Code after checking them), and the Problems-panel request,
 * - sends the output switcher's choice and a post's "Copy" (its number only) to the extension,
 * - shows the confidential banner while a draft is shown, and sends its "Export" request,
 * - shows the draft banner while the publish verdict blocks the output shown.
 */
import { isOpenableLink, parseToWebview, type FromWebview, type ToWebview } from '../extension/preview/protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  uri: string;
  /** Scroll offsets per report URI. */
  scroll: Record<string, number>;
}

const vscode = acquireVsCodeApi();
const content = document.getElementById('ir-content');
const notice = document.getElementById('ir-notice');
const MAX_REMEMBERED = 20;

function loadState(): SavedState {
  const raw = vscode.getState() as Partial<SavedState> | null | undefined;
  const scroll: Record<string, number> = {};
  if (raw && typeof raw.scroll === 'object' && raw.scroll) {
    for (const [uri, y] of Object.entries(raw.scroll)) if (typeof y === 'number' && Number.isFinite(y)) scroll[uri] = y;
  }
  return { uri: document.body.dataset.uri ?? (typeof raw?.uri === 'string' ? raw.uri : ''), scroll };
}

let state = loadState();

function save(): void {
  const entries = Object.entries(state.scroll);
  if (entries.length > MAX_REMEMBERED) state.scroll = Object.fromEntries(entries.slice(-MAX_REMEMBERED));
  vscode.setState(state);
}

function restoreScroll(): void {
  const y = state.scroll[state.uri];
  window.scrollTo(0, typeof y === 'number' ? y : 0);
}

function renderStatus(status: ToWebview['status']): void {
  const bar = document.getElementById('ir-status');
  if (!bar) return;
  bar.classList.toggle('has-errors', status.errors > 0);
  bar.classList.toggle('has-warnings', status.errors === 0 && status.warnings > 0);
  const set = (selector: string, text: string) => {
    const element = bar.querySelector(selector);
    if (element) element.textContent = text;
  };
  set('.ir-summary-text', status.summary);
  set('#ir-problems', status.problemsLabel);
}

/** Rebuilds the switcher's options when the list changed (text nodes only: never HTML from a message). */
function renderSwitcher(outputs: ToWebview['outputs']): void {
  const select = document.getElementById('ir-output');
  if (!(select instanceof HTMLSelectElement)) return;
  const key = (id: string, label: string, confidential: boolean) => `${id}\u0000${label}\u0000${confidential ? 1 : 0}`;
  const current = Array.from(select.options).map((o) => key(o.value, o.text, o.parentElement instanceof HTMLOptGroupElement)).join('\u0001');
  const wanted = outputs.choices.map((c) => key(c.id, c.label, c.confidential === true)).join('\u0001');
  const group = select.querySelector('optgroup');
  if (current !== wanted || (group && group.label !== outputs.confidentialGroup)) {
    const drafts = document.createElement('optgroup');
    drafts.label = outputs.confidentialGroup;
    const open: HTMLOptionElement[] = [];
    for (const choice of outputs.choices) {
      const option = new Option(choice.label, choice.id);
      if (choice.confidential) drafts.append(option);
      else open.push(option);
    }
    select.replaceChildren(...open, ...(drafts.children.length > 0 ? [drafts] : []));
  }
  select.value = outputs.selected;
  const label = select.parentElement?.firstChild;
  if (label && label.nodeType === Node.TEXT_NODE) label.textContent = `${outputs.label} `;
}

/** Shows the confidential banner (its words and the export button) while a draft is shown. */
function renderConfidential(banner: ToWebview['confidential']): void {
  const element = document.getElementById('ir-confidential');
  if (!element) return;
  element.hidden = banner === null;
  const text = element.querySelector('.ir-confidential-text');
  if (text) text.textContent = banner?.text ?? '';
  const button = element.querySelector('#ir-export-draft');
  if (button) button.textContent = banner?.exportLabel ?? '';
}

/** Shows the draft banner (its words, the count, the Problems button) while the verdict blocks the output shown. */
function renderDraft(banner: ToWebview['draft']): void {
  const element = document.getElementById('ir-draft');
  if (!element) return;
  element.hidden = banner === null;
  const set = (selector: string, text: string) => {
    const part = element.querySelector(selector);
    if (part) part.textContent = text;
  };
  set('.ir-draft-text', banner?.text ?? '');
  set('.ir-draft-detail', banner?.detail ?? '');
  set('#ir-draft-problems', banner?.problemsLabel ?? '');
}

/** Shows the approval state, the changes toggle with the changes, and the "What's new" switch. */
function renderRelease(panel: ToWebview['release']): void {
  const element = document.getElementById('ir-release');
  if (!element) return;
  element.hidden = panel === null;
  const approval = document.getElementById('ir-approval');
  if (approval) {
    approval.textContent = panel?.approval ?? '';
    approval.classList.toggle('is-current', panel?.current === true);
  }
  const show = (id: string, visible: boolean) => {
    const part = document.getElementById(id);
    if (part) part.hidden = !visible;
  };
  const check = (id: string, checked: boolean) => {
    const box = document.getElementById(id);
    if (box instanceof HTMLInputElement) box.checked = checked;
  };
  const label = (selector: string, text: string) => {
    const part = element.querySelector(selector);
    if (part) part.textContent = text;
  };
  show('ir-changes-switch', Boolean(panel?.changesLabel));
  check('ir-changes-toggle', panel?.showChanges === true);
  label('.ir-changes-label', panel?.changesLabel ?? '');
  show('ir-whats-new-switch', Boolean(panel?.whatsNewLabel));
  check('ir-whats-new-toggle', panel?.whatsNew === true);
  label('.ir-whats-new-label', panel?.whatsNewLabel ?? '');
  const list = document.getElementById('ir-changes');
  if (list) {
    const lines = panel?.showChanges ? panel.changes : [];
    list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    list.hidden = lines.length === 0;
  }
}

function apply(update: ToWebview): void {
  if (!content) return;
  const switched = update.uri !== state.uri;
  if (switched) state.scroll[state.uri] = window.scrollY;
  // Sanitized by the renderer (rehype-sanitize + escaping); scripts in it could not run under the CSP.
  content.innerHTML = update.article;
  document.documentElement.lang = update.lang;
  // The chrome is in VS Code's language, the changes since a release in the report's.
  const header = document.querySelector('header.ir-bar');
  if (header instanceof HTMLElement) header.lang = update.uiLang;
  if (notice) notice.lang = update.uiLang;
  const changes = document.getElementById('ir-changes');
  if (changes) changes.lang = update.lang;
  document.body.dataset.uri = update.uri;
  if (notice) {
    notice.textContent = update.notice ?? '';
    notice.hidden = !update.notice;
  }
  renderStatus(update.status);
  renderSwitcher(update.outputs);
  renderConfidential(update.confidential);
  renderDraft(update.draft);
  renderRelease(update.release);
  state.uri = update.uri;
  if (switched) restoreScroll();
  save();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const update = parseToWebview(event.data);
  if (update) apply(update);
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (scrollTimer !== undefined) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      state.scroll[state.uri] = window.scrollY;
      save();
    }, 100);
  },
  { passive: true },
);

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('#ir-problems') || target?.closest('#ir-draft-problems')) {
    vscode.postMessage({ type: 'showProblems' });
    return;
  }
  if (target?.closest('#ir-export-draft')) {
    // Which draft is the extension's to know: the page only asks for "the one shown".
    vscode.postMessage({ type: 'exportDraft' });
    return;
  }
  const copy = target?.closest('.ir-copy');
  if (copy instanceof HTMLElement) {
    // Only the post's number goes out: the extension copies its own text through VS Code's clipboard.
    const index = Number(copy.dataset.index);
    if (Number.isInteger(index) && index >= 0) vscode.postMessage({ type: 'copyPost', index });
    return;
  }
  const link = target?.closest('a');
  if (!link) return;
  // Never navigate inside the webview; the extension decides what may be opened.
  event.preventDefault();
  const href = link.getAttribute('href');
  if (isOpenableLink(href)) vscode.postMessage({ type: 'openLink', href });
});

document.addEventListener('change', (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.id === 'ir-output') vscode.postMessage({ type: 'selectOutput', id: target.value });
  if (target instanceof HTMLInputElement && target.id === 'ir-changes-toggle') vscode.postMessage({ type: 'toggleChanges' });
  if (target instanceof HTMLInputElement && target.id === 'ir-whats-new-toggle') vscode.postMessage({ type: 'toggleWhatsNew' });
});

// A middle click fires `auxclick`, not `click`: it must not open the link in the webview either.
document.addEventListener('auxclick', (event) => {
  if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
});

restoreScroll();
save();
vscode.postMessage({ type: 'ready' });
