/**
 * Accessibility as a test: every public HTML output (the press release, the status page) and the
 * preview webview pass axe-core (WCAG 2.0/2.1 A and AA plus best practice) with 0 violations in
 * headless Chromium. The webview is checked in VS Code's light, dark and high-contrast themes, with
 * the theme colours VS Code sets as CSS variables on the webview's `<html>`.
 *
 *   npm run build && npm run test:browser
 *
 * Also writes docs/images/status-page.png (the README's screenshot) when SCREENSHOT=1.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONFIDENTIAL_OUTPUTS, parseReport, PUBLIC_OUTPUTS, renderDraftArticle } from '../../src/core';
import { buildModel, renderPressRelease } from '../../src/core/render';
import { renderStatusPageHtml } from '../../src/core/render/statusPage';
import { buildPreviewHtml } from '../../src/extension/preview/html';
import { previewView } from '../../src/extension/preview/views';
import type { ToWebview } from '../../src/extension/preview/protocol';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXAMPLES = join(ROOT, 'examples', 'incidents');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const NOW = Date.parse('2023-11-07T12:00:00Z');

interface Page {
  setContent(html: string, options?: { waitUntil?: string }): Promise<void>;
  evaluate<T>(fn: string): Promise<T>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}
interface Browser {
  newPage(options?: Record<string, unknown>): Promise<Page>;
  close(): Promise<void>;
}
interface Violation {
  id: string;
  impact: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/**
 * The colours VS Code gives a webview for the variables the preview uses, from its built-in
 * light, dark and high-contrast themes. The light badge is white on blue, and the validation
 * backgrounds are the pale #fdeded / #fdf6e3 that made white badge text unreadable.
 */
const THEMES: Record<string, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-foreground': '#3b3b3b', 'editor-background': '#ffffff', 'editorWidget-background': '#f8f8f8', 'widget-border': '#e5e5e5',
      'panel-border': '#e5e5e5', 'editorError-foreground': '#e51400', 'editorWarning-foreground': '#bf8803', 'errorForeground': '#f85149',
      'textLink-foreground': '#005fb8', 'textLink-activeForeground': '#005fb8', 'focusBorder': '#005fb8', 'descriptionForeground': '#3b3b3b',
      'textBlockQuote-background': '#f8f8f8', 'textBlockQuote-border': '#e5e5e5', 'textCodeBlock-background': '#f8f8f8',
      'badge-background': '#007acc', 'badge-foreground': '#ffffff', 'inputValidation-errorBackground': '#fdeded', 'inputValidation-errorBorder': '#e51400',
      'inputValidation-warningBackground': '#fdf6e3', 'inputValidation-warningBorder': '#bf8803', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-foreground': '#cccccc', 'editor-background': '#1f1f1f', 'editorWidget-background': '#202020', 'widget-border': '#313131',
      'panel-border': '#2b2b2b', 'editorError-foreground': '#f14c4c', 'editorWarning-foreground': '#cca700', 'errorForeground': '#f85149',
      'textLink-foreground': '#4daafc', 'textLink-activeForeground': '#4daafc', 'focusBorder': '#0078d4', 'descriptionForeground': '#9d9d9d',
      'textBlockQuote-background': '#2b2b2b', 'textBlockQuote-border': '#616161', 'textCodeBlock-background': '#2b2b2b',
      'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'inputValidation-errorBackground': '#5a1d1d', 'inputValidation-errorBorder': '#be1100',
      'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'editor-foreground': '#ffffff', 'editor-background': '#000000', 'editorWidget-background': '#0c141f', 'widget-border': '#6fc3df',
      'panel-border': '#6fc3df', 'editorError-foreground': '#f48771', 'editorWarning-foreground': '#ffd370', 'errorForeground': '#f48771',
      'textLink-foreground': '#21a6ff', 'textLink-activeForeground': '#21a6ff', 'focusBorder': '#f38518', 'descriptionForeground': '#ffffff',
      'textBlockQuote-background': '#000000', 'textBlockQuote-border': '#ffffff', 'textCodeBlock-background': '#000000',
      'badge-background': '#000000', 'badge-foreground': '#ffffff', 'inputValidation-errorBackground': '#000000', 'inputValidation-errorBorder': '#6fc3df',
      'inputValidation-warningBackground': '#000000', 'inputValidation-warningBorder': '#6fc3df', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
    },
  },
};

/** The preview page as VS Code shows it in `theme`: the theme's variables on `<html>`, its class on `<body>`. */
function themedPreview(
  article: string,
  lang: 'de' | 'en',
  theme: keyof typeof THEMES,
  status: ToWebview['status'],
  draft?: { id: string; banner: NonNullable<ToWebview['confidential']> },
  blocked: ToWebview['draft'] = null,
): string {
  const { bodyClass, vars } = THEMES[theme]!;
  const style = Object.entries(vars).map(([name, value]) => `--vscode-${name}: ${value}`).join('; ');
  const state: ToWebview = { type: 'update', outputs: { label: 'Anzeigen:', selected: draft?.id ?? 'press-release', choices: [{ id: 'press-release', label: 'Pressemitteilung' }, { id: 'status-page', label: 'Notfallseite' }, { id: 'atom', label: 'Feed (Atom)' }, { id: 'social', label: 'Social-Media-Beiträge' }, { id: 'gdpr-art33', label: 'Meldung an die Datenschutzaufsicht (vertraulicher Entwurf)', confidential: true }], confidentialGroup: 'Vertraulich – nur für Behörden' }, uri: 'file:///r.md', article, lang, uiLang: 'de', status, notice: null, confidential: draft?.banner ?? null, draft: blocked, release: draft ? null : { approval: 'seit der letzten Änderung nicht freigegeben (Release 1)', current: false, changesLabel: 'Änderungen seit Release 1', showChanges: true, changes: ['Der Status hat sich geändert: Vorfall bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht'], whatsNewLabel: 'Kasten „Was ist neu“', whatsNew: false } };
  return buildPreviewHtml({ cspSource: '', nonce: 'YTExeS10ZXN0LW5vbmNlLTE', scriptUri: 'https://webview.test/preview.js', state, title: 'Vorschau' })
    .replace(/<html lang="(de|en)">/, `<html lang="$1" style="${style}">`)
    .replace('<body ', `<body class="${bodyClass}" `);
}

describe('accessibility (axe-core) in a real browser', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
  const reports = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort();
  const parsed = reports.map((f) => parseReport(readFileSync(join(EXAMPLES, f), 'utf8')));

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
    const playwright = createRequire(__filename)('playwright-core') as { chromium: { launch(options: Record<string, unknown>): Promise<Browser> } };
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
  });

  /** Loads `html` (scripts of the page itself do not matter to axe) and returns axe's violations. */
  async function violations(html: string): Promise<Violation[]> {
    // The pages' CSP forbids every script; axe is injected by the test, past the CSP.
    const page = await browser!.newPage({ bypassCSP: true, javaScriptEnabled: true });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const result = await page.evaluate<{ violations: Violation[] }>(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })`);
    await page.close();
    return result.violations;
  }

  const describeViolations = (list: Violation[]) =>
    list.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('; ')}`).join('\n');

  it('sees a violation when there is one (control: axe runs and reports)', async () => {
    const found = await violations('<!DOCTYPE html><html><head><title>x</title></head><body><p style="color:#ddd;background:#fff">faint</p><img src="data:,"></body></html>');
    assert.deepEqual(found.map((v) => v.id).sort(), ['color-contrast', 'html-has-lang', 'image-alt', 'landmark-one-main', 'page-has-heading-one', 'region']);
  });

  for (const [index, file] of reports.entries()) {
    it(`press release of ${file}: 0 violations`, async () => {
      const found = await violations(renderPressRelease(parsed[index]!, { now: NOW }).html);
      assert.equal(found.length, 0, describeViolations(found));
    });
  }

  it('status page of all examples (open and resolved, German and English): 0 violations', async () => {
    const found = await violations(renderStatusPageHtml(parsed.map((r) => buildModel(r, { now: NOW }))));
    assert.equal(found.length, 0, describeViolations(found));
  });

  it('press release and status page marked as drafts (render --draft): 0 violations, banner included', async () => {
    const models = parsed.map((r) => buildModel(r, { now: NOW }));
    const release = PUBLIC_OUTPUTS.find((o) => o.id === 'press-release')!.render([models[0]!], 'html', { now: NOW, draft: true });
    const status = renderStatusPageHtml(models, { now: NOW, draft: true });
    for (const html of [release, status]) {
      assert.ok(html.includes('class="draft-banner"'), 'the banner is there');
      const found = await violations(html);
      assert.equal(found.length, 0, describeViolations(found));
    }
  });

  for (const theme of Object.keys(THEMES)) {
    it(`preview webview, ${theme} theme, blocked by the verdict: the draft banner, 0 violations`, async () => {
      const release = renderPressRelease(parsed[reports.indexOf('2023-10-30-suedwestfalen-it.md')]!, { now: NOW });
      const status = { errors: 2, warnings: 1, summary: 'Nicht veröffentlichungsreif: 3 blockierende Befunde (Fehler: 2, Warnungen: 1)', problemsLabel: 'Im Problembereich anzeigen' };
      const blocked = { text: 'ENTWURF – nicht zur Veröffentlichung', detail: '3 Befunde blockieren die Veröffentlichung', problemsLabel: 'Im Problembereich anzeigen' };
      const html = themedPreview(release.article, 'de', theme, status, undefined, blocked);
      assert.ok(html.includes('<div id="ir-draft" class="ir-draft" role="note"><strong class="ir-draft-text">ENTWURF'), 'the banner is shown');
      const found = await violations(html);
      assert.equal(found.length, 0, describeViolations(found));
    });
    for (const output of ['status-page', 'atom', 'social']) {
      it(`preview webview, ${theme} theme, showing ${output}: 0 violations`, async () => {
        const model = buildModel(parsed[reports.indexOf('2023-10-30-suedwestfalen-it.md')]!, { now: NOW });
        const labels = { count: (c: number, m: number) => `${c} von ${m} Zeichen`, tooLong: 'zu lang', shortened: 'gekürzt', copy: 'Kopieren' };
        const { article } = previewView(output, model, { link: 'https://www.kreis-soest.de/notfall/' }, labels);
        const found = await violations(themedPreview(article, 'de', theme, { errors: 0, warnings: 0, summary: 'veröffentlichungsreif', problemsLabel: 'Probleme' }));
        assert.equal(found.length, 0, describeViolations(found));
      });
    }
    it(`preview webview, ${theme} theme, showing a confidential draft with gaps: 0 violations (banner and gaps included)`, async () => {
      const report = parseReport(readFileSync(join(ROOT, 'test', 'fixtures', 'authority-drafts', 'input.md'), 'utf8'));
      const draft = CONFIDENTIAL_OUTPUTS.find((o) => o.id === 'gdpr-art33')!.draft(report, { now: Date.parse('2023-11-01T20:00:00+01:00') });
      const article = renderDraftArticle(draft);
      assert.ok(article.includes('<span class="gap">[noch offen:'), 'the draft has gaps');
      const banner = { text: 'Vertraulich – nur für Behörden. Diesen Entwurf nicht veröffentlichen.', exportLabel: 'Vertraulichen Entwurf exportieren…' };
      const found = await violations(themedPreview(article, 'de', theme, { errors: 0, warnings: 1, summary: 'Fehler: 0, Warnungen: 1 — nicht veröffentlichungsreif', problemsLabel: 'Im Problembereich anzeigen' }, { id: 'gdpr-art33', banner }));
      assert.equal(found.length, 0, describeViolations(found));
    });
    for (const [label, status] of [
      ['with errors', { errors: 2, warnings: 1, summary: 'Fehler: 2, Warnungen: 1 — nicht veröffentlichungsreif', problemsLabel: 'Im Problembereich anzeigen' }],
      ['with warnings', { errors: 0, warnings: 1, summary: 'Fehler: 0, Warnungen: 1 — nicht veröffentlichungsreif', problemsLabel: 'Im Problembereich anzeigen' }],
    ] as const) {
      it(`preview webview, ${theme} theme, ${label}: 0 violations (badge and text contrast included)`, async () => {
        const release = renderPressRelease(parsed[reports.indexOf('2023-10-30-suedwestfalen-it.md')]!, { now: NOW });
        const found = await violations(themedPreview(release.article, 'de', theme, status));
        assert.equal(found.length, 0, describeViolations(found));
      });
    }
  }

  it('writes the README screenshot of the status page (SCREENSHOT=1)', async function () {
    if (process.env.SCREENSHOT !== '1') this.skip();
    const page = await browser!.newPage();
    await page.setViewportSize({ width: 900, height: 1250 });
    // An open incident with a public communication to the people affected (Art. 34(3)(c)) and a resolved one.
    const shown = ['2025-11-20-lindenau.md', '2022-12-01-drensteinfurt.md'].map((f) => buildModel(parsed[reports.indexOf(f)]!, { now: NOW }));
    await page.setContent(renderStatusPageHtml(shown), { waitUntil: 'load' });
    await page.screenshot({ path: join(ROOT, 'docs', 'images', 'status-page.png'), fullPage: true });
    await page.close();
  });

  it('writes the README screenshot of an exported press release (SCREENSHOT=1): the Art. 34 communication of the Lindenau example', async function () {
    if (process.env.SCREENSHOT !== '1') this.skip();
    const page = await browser!.newPage();
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.setContent(renderPressRelease(parsed[reports.indexOf('2025-11-20-lindenau.md')]!, { now: NOW }).html, { waitUntil: 'load' });
    await page.screenshot({ path: join(ROOT, 'docs', 'images', 'exported-release.png'), fullPage: true });
    await page.close();
  });
});
