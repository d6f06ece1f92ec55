/**
 * Security test in a real browser (headless Chromium from Debian, driven by playwright-core): every text field and the body of a report are filled
 * with XSS payloads; the exported press-release page and the preview webview's page (with its real
 * script, out/webview/preview.js, and a stub `acquireVsCodeApi`) are loaded, and the test asserts
 * that no payload ran (each one would call `window.__pwned(id)`, exposed by the test) and that no
 * request left the page.
 *
 *   npm run build && npm run test:browser
 *
 * Fails with the reason when Chromium is not installed: a security suite that skips is no proof.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CONFIDENTIAL_OUTPUTS, parseReport, renderDraftArticle } from '../../src/core';
import { renderPressRelease } from '../../src/core/render';
import { buildPreviewHtml } from '../../src/extension/preview/html';
import type { ToWebview } from '../../src/extension/preview/protocol';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEBVIEW_SCRIPT = join(ROOT, 'out', 'webview', 'preview.js');

/** The little of playwright-core's API this test uses. */
interface Route {
  request(): { url(): string; resourceType(): string };
  fulfill(options: { status?: number; contentType: string; body: string }): Promise<void>;
  abort(): Promise<void>;
}
interface Page {
  route(url: string, handler: (route: Route) => Promise<void>): Promise<void>;
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  addInitScript(script: string): Promise<void>;
  goto(url: string, options?: { waitUntil?: string }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
  on(event: 'dialog', handler: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
  on(event: 'console', handler: (message: { type(): string; text(): string }) => void): void;
  on(event: 'popup', handler: (page: unknown) => void): void;
  on(event: 'framenavigated', handler: (frame: { url(): string }) => void): void;
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  waitForTimeout(ms: number): Promise<void>;
  $$(selector: string): Promise<Array<{ click(options?: { force?: boolean; timeout?: number }): Promise<void> }>>;
  url(): string;
  close(): Promise<void>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The corpus. Each payload that could run calls `__pwned(<its number>)`. Covers script tags, event
 * handlers, javascript: and data: URLs, SVG and MathML, iframes/objects/embeds, forms and meta
 * refresh, CSS injection and remote CSS/images, broken markup, comments, HTML entities and
 * Markdown link tricks.
 */
export const PAYLOADS: readonly string[] = [
  '<script>__pwned(1)</script>',
  '<img src=x onerror="__pwned(2)">',
  '<svg onload="__pwned(3)"></svg>',
  '<svg><script>__pwned(4)</script></svg>',
  '<iframe src="javascript:__pwned(5)"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned(6)</script>"></iframe>',
  '[click me](javascript:__pwned(7))',
  '[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZCg4KTwvc2NyaXB0Pg==)',
  '<a href="javascript:__pwned(9)">anchor</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned(10)>',
  '"><script>__pwned(11)</script>',
  "'><img src=x onerror=__pwned(12)>",
  "<style>@import 'http://evil.example/import.css'; body { background: url(http://evil.example/bg.png) }</style>",
  '<div style="background:url(http://evil.example/inline.png)">styled</div>',
  '&lt;script&gt;__pwned(13)&lt;/script&gt;',
  '&#60;img src=x onerror=__pwned(14)&#62;',
  '<object data="javascript:__pwned(15)"></object>',
  '<embed src="javascript:__pwned(16)">',
  '<form action="javascript:__pwned(17)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned(18)">',
  '<base href="http://evil.example/">',
  '![pixel](http://evil.example/pixel.png)',
  '<img src="http://evil.example/img.png">',
  '<link rel="stylesheet" href="http://evil.example/sheet.css">',
  '<video><source onerror="__pwned(19)"></video>',
  '<details open ontoggle="__pwned(20)">x</details>',
  '<!--<img src="--><img src=x onerror=__pwned(21)//">',
  '</title><script>__pwned(22)</script>',
  '<noscript><p title="</noscript><img src=x onerror=__pwned(23)>">',
  'javascript:__pwned(24)',
  '[ref link][evil]',
  '`<script>__pwned(26)</script>`',
  '<div onmouseover="__pwned(27)" style="position:fixed;inset:0">hover</div>',
  '</style><script>__pwned(28)</script>',
  '<scr<script>ipt>__pwned(29)</scr</script>ipt>',
  '<a href="jav&#x09;ascript:__pwned(30)">tab</a>',
  '[entity](jav&#x61;script:__pwned(31))',
  '<body onload="__pwned(32)">',
  '<input autofocus onfocus="__pwned(33)">',
  '<a href="vbscript:__pwned(34)">vb</a>',
  '<svg><a xlink:href="javascript:__pwned(35)"><text y="20">svg link</text></a></svg>',
  '<img src="data:image/svg+xml,<svg onload=__pwned(36)>">',
  '<<script>script>__pwned(37)<</script>/script>',
  '<template><script>__pwned(38)</script></template>',
  '<textarea></textarea><script>__pwned(39)</script>',
  '\u202e<script>__pwned(40)</script>',
];

const joined = PAYLOADS.join(' ');

/** A report whose every text field and body carries the whole corpus. */
function hostileReport(): string {
  const frontmatter = {
    schema: 'incident-report/v1',
    id: 'xss-corpus',
    title: `Angriff ${joined}`,
    lang: 'de',
    uiLang: 'de',
    status: '<script>__pwned(101)</script>',
    severity: '"><img src=x onerror=__pwned(102)>',
    organization: `Stadt ${joined}`,
    incident_type: '<svg onload=__pwned(103)>',
    timezone: '"><script>__pwned(104)</script>',
    affected_organizations: PAYLOADS,
    affected_services: PAYLOADS.map((payload) => ({
      name: payload,
      status: payload,
      workaround: payload,
      restored_at: payload,
    })),
    timestamps: {
      started_at: '2023-10-30T01:01:00+01:00',
      detected_at: '2023-10-30T06:45:00+01:00',
      published_at: '2023-10-30T08:40:00+01:00',
    },
    expected_restoration: '<script>__pwned(105)</script>',
    data_loss: {
      occurred: '<img src=x onerror=__pwned(106)>',
      exfiltration: 'unknown',
      personal_data: 'yes',
      statement: `Daten ${joined}`,
      data_categories: PAYLOADS,
    },
    authorities: PAYLOADS.map((payload) => ({ name: payload, role: payload, reference: payload })),
    updates: PAYLOADS.map((payload, i) => ({ at: `2023-10-30T${String(10 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00+01:00`, text: payload })),
    iocs: PAYLOADS,
    contacts: [
      ...['press', 'hotline', 'emergency', 'dpo'].map((role) => ({
        role,
        name: joined,
        phone: '+49 1"><script>__pwned(107)</script>',
        email: `x"onmouseover="__pwned(108)"@evil.example`,
        hours: joined,
      })),
      { role: '<script>__pwned(109)</script>', name: joined },
    ],
    approval: { approved_by: joined, approved_at: '2023-10-30T08:00:00+01:00' },
    'x-notes': joined,
  };
  const body = PAYLOADS.map((payload) => `${payload}\n`).join('\n');
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n## Interne Analyse\n\n${body}\n## Pressemitteilung\n\n${body}\n### Unterabschnitt ${joined}\n\n> ${joined}\n\n- ${PAYLOADS.join('\n- ')}\n\n| a | b |\n|---|---|\n| ${PAYLOADS[0]} | ${PAYLOADS[1]} |\n\n    <script>__pwned(110)</script>\n\n[evil]: javascript:__pwned(25)\n\n## Anhang\n\n${body}`;
}

function loadPlaywright(): { chromium: { launch(options: Record<string, unknown>): Promise<Browser> } } {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return createRequire(__filename)('playwright-core');
}

interface Observed {
  pwned: unknown[];
  dialogs: string[];
  requests: string[];
  navigations: string[];
  popups: number;
}

/** Opens `html` as https://…/page.html with every other request blocked and counted. */
async function open(
  browser: Browser,
  origin: string,
  html: string,
  extra: Record<string, string> = {},
  initScript?: string,
): Promise<{ page: Page; observed: Observed }> {
  const page = await browser.newPage();
  if (initScript) await page.addInitScript(initScript);
  const observed: Observed = { pwned: [], dialogs: [], requests: [], navigations: [], popups: 0 };
  const pageUrl = `${origin}/page.html`;
  await page.exposeFunction('__pwned', (id: unknown) => {
    observed.pwned.push(id);
  });
  page.on('dialog', (dialog) => {
    observed.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', () => {
    observed.popups++;
  });
  page.on('framenavigated', (frame) => {
    if (frame.url() !== pageUrl && frame.url() !== 'about:blank') observed.navigations.push(frame.url());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    const served = extra[url];
    if (served !== undefined) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: served });
    observed.requests.push(`${route.request().resourceType()} ${url}`);
    return route.abort();
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, observed };
}

/** Gives handlers a chance: hover everything, wait for timers, errors and toggles. */
async function provoke(page: Page): Promise<void> {
  for (const [x, y] of [[10, 10], [300, 200], [600, 500], [200, 800]] as const) await page.mouse.move(x, y, { steps: 3 });
  await page.waitForTimeout(700);
}

function assertClean(observed: Observed, what: string): void {
  assert.deepEqual(observed.pwned, [], `${what}: payloads ran`);
  assert.deepEqual(observed.dialogs, [], `${what}: dialogs opened`);
  assert.deepEqual(observed.requests, [], `${what}: requests left the page`);
  assert.deepEqual(observed.navigations, [], `${what}: the page navigated`);
  assert.equal(observed.popups, 0, `${what}: popups opened`);
}

describe('XSS corpus in a real browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  const source = hostileReport();
  const release = renderPressRelease(parseReport(source), { now: Date.parse('2023-10-30T12:00:00Z') });

  before(async function () {
    const playwright = loadPlaywright();
    browser = await playwright.chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  it('has a corpus that reaches every public field and the body', () => {
    assert.ok(PAYLOADS.length >= 40);
    // The renderer got the payloads (escaped), so the test is not vacuous.
    assert.ok(release.html.includes('&lt;script&gt;__pwned(1)&lt;/script&gt;'));
    assert.ok(release.text.includes('<script>__pwned(1)</script>'));
    assert.equal(release.hasPublicSection, true);
  });

  it('detects a payload that runs and a request that leaves (control: the harness is not blind)', async () => {
    const unsafe = '<!DOCTYPE html><html><body><img src="http://evil.example/c.png" onerror="__pwned(\'control\')"></body></html>';
    const { page, observed } = await open(browser!, 'https://control.test', unsafe);
    await provoke(page);
    assert.deepEqual(observed.pwned, ['control']);
    // (Chromium upgrades the http image on an https page to https: either way it is counted.)
    assert.equal(observed.requests.length, 1);
    assert.match(observed.requests[0]!, /^image https?:\/\/evil\.example\/c\.png$/);
    await page.close();
  });

  it('the exported page runs no payload and loads nothing', async () => {
    const { page, observed } = await open(browser!, 'https://export.test', release.html);
    await provoke(page);
    assertClean(observed, 'exported page');
    const facts = await page.evaluate<{ scripts: number; handlers: string[]; badLinks: string[]; frames: number; title: string }>(`(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: document.scripts.length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
        badLinks: [...document.querySelectorAll('[href],[src],[action],[data],[formaction],[xlink\\\\:href]')]
          .map((el) => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('data') || '')
          .filter((v) => !/^(https?:|mailto:|tel:)/i.test(v)),
        frames: document.querySelectorAll('iframe,object,embed,frame').length,
        title: document.title,
      };
    })()`);
    assert.deepEqual(facts, { scripts: 0, handlers: [], badLinks: [], frames: 0, title: facts.title });
    assert.ok(facts.title.startsWith('Pressemitteilung: Angriff <script>__pwned(1)</script>'), 'the title shows the payload as text');
    // Clicking links in an exported page would navigate to their (http/mailto/tel) target: not done here.
    await page.close();
  });

  it('the preview webview runs only its own script, no payload, and loads nothing', async () => {
    const script = readFileSync(WEBVIEW_SCRIPT, 'utf8');
    const scriptUrl = 'https://webview.test/out/webview/preview.js';
    const state: ToWebview = {
      type: 'update',
      outputs: { label: '<script>__pwned(204)</script>', selected: 'press-release', choices: [{ id: 'press-release', label: '<img src=x onerror=__pwned(205)>' }, { id: 'social', label: 'Social' }, { id: 'gdpr-art33', label: '<img src=x onerror=__pwned(206)>', confidential: true }], confidentialGroup: '<script>__pwned(207)</script>' },
      uri: 'file:///reports/xss.md',
      article: release.article,
      lang: release.locale,
      uiLang: 'de',
      status: { errors: 3, warnings: 1, summary: '<script>__pwned(201)</script>', problemsLabel: '<img src=x onerror=__pwned(202)>' },
      notice: '<script>__pwned(203)</script>',
      confidential: { text: '<script>__pwned(208)</script>', exportLabel: '<img src=x onerror=__pwned(209)>' },
      draft: { text: '<script>__pwned(210)</script>', detail: '<img src=x onerror=__pwned(211)>', problemsLabel: '<script>__pwned(212)</script>' },
      release: { approval: '<img src=x onerror=__pwned(213)>', current: false, changesLabel: '<script>__pwned(214)</script>', showChanges: true, changes: ['<img src=x onerror=__pwned(215)>'], whatsNewLabel: '<script>__pwned(216)</script>', whatsNew: true },
    };
    const html = buildPreviewHtml({ cspSource: 'https://webview.test', nonce: 'dGVzdC1ub25jZS0xMjM0NTY', scriptUri: scriptUrl, state, title: `Pressemitteilung ${joined}` });
    // The stub VS Code API records what the webview posts (installed before any page script runs).
    const stub = `window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });`;
    const { page: webview, observed } = await open(browser!, 'https://webview.test', html, { [scriptUrl]: script }, stub);
    await webview.waitForTimeout(200);
    const posted = await webview.evaluate<unknown[]>('window.__posted');
    assert.deepEqual(posted[0], { type: 'ready' }, 'our nonce script ran under the CSP');

    // A live update goes through innerHTML: the same corpus again, plus a status and notice full of payloads.
    await webview.evaluate(`window.postMessage(${JSON.stringify({ ...state, uri: 'file:///reports/other.md' })}, '*')`);
    await webview.waitForTimeout(200);
    await provoke(webview);

    // Click every link: the webview must never navigate, and only http(s)/mailto reach the extension.
    for (const link of await webview.$$('a')) await link.click({ force: true, timeout: 2000 }).catch(() => undefined);
    await webview.waitForTimeout(300);
    assertClean(observed, 'preview webview');
    const after = await webview.evaluate<{ posted: Array<{ type: string; href?: string }>; url: string; scripts: number; status: string }>(
      `({ posted: window.__posted, url: location.href, scripts: document.scripts.length, status: document.getElementById('ir-status').textContent })`,
    );
    assert.equal(after.url, 'https://webview.test/page.html');
    assert.equal(after.scripts, 1, 'only the extension script');
    assert.ok(after.status.includes('<script>__pwned(201)</script>'), 'status words are shown as text');
    for (const message of after.posted) {
      assert.ok(['ready', 'openLink', 'showProblems'].includes(message.type), JSON.stringify(message));
      if (message.type === 'openLink') assert.match(message.href!, /^(https?:\/\/|mailto:)/);
    }
    // The draft banner shows its words as text, and its button asks for the Problems panel.
    const banner = await webview.evaluate<{ hidden: boolean; text: string }>(`({ hidden: document.getElementById('ir-draft').hidden, text: document.getElementById('ir-draft').textContent })`);
    assert.equal(banner.hidden, false);
    assert.ok(banner.text.includes('<script>__pwned(210)</script>') && banner.text.includes('<img src=x onerror=__pwned(211)>'), banner.text);
    const before = (await webview.evaluate<unknown[]>('window.__posted')).length;
    await webview.evaluate(`document.getElementById('ir-draft-problems').click()`);
    await webview.waitForTimeout(100);
    assert.deepEqual((await webview.evaluate<unknown[]>('window.__posted')).slice(before), [{ type: 'showProblems' }]);
    // An update without the verdict's block hides the banner.
    await webview.evaluate(`window.postMessage(${JSON.stringify({ ...state, draft: null })}, '*')`);
    await webview.waitForTimeout(200);
    assert.equal(await webview.evaluate<boolean>(`document.getElementById('ir-draft').hidden`), true);
    assertClean(observed, 'preview webview, draft banner');
    await webview.close();
  });
  it('the preview shows a confidential draft under its banner, lists drafts in their own group, and asks the extension to export', async () => {
    const script = readFileSync(WEBVIEW_SCRIPT, 'utf8');
    const scriptUrl = 'https://webview.test/out/webview/preview.js';
    const choices = [
      { id: 'press-release', label: 'Pressemitteilung' },
      { id: 'gdpr-art33', label: 'Meldung nach Art. 33', confidential: true },
      { id: 'nis2-notification', label: 'NIS2-Meldung', confidential: true },
    ];
    const state: ToWebview = {
      type: 'update',
      outputs: { label: 'Anzeigen:', selected: 'press-release', choices, confidentialGroup: 'Vertraulich – nur für Behörden' },
      uri: 'file:///a.md',
      article: release.article,
      lang: 'de',
      uiLang: 'de',
      status: { errors: 0, warnings: 0, summary: 'ok', problemsLabel: 'Probleme' },
      notice: null,
      confidential: null,
      draft: null,
      release: null,
    };
    // The page as first built shows the release; the drafts are already in their group.
    const html = buildPreviewHtml({ cspSource: '', nonce: 'ZHJhZnQtdGVzdC1ub25jZQ', scriptUri: scriptUrl, state, title: 't' });
    const stub = `window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });`;
    const { page, observed } = await open(browser!, 'https://webview.test', html, { [scriptUrl]: script }, stub);
    const view = () =>
      page.evaluate<{ hidden: boolean; banner: string; groups: string[]; grouped: string[]; selected: string; heading: string }>(`({
        hidden: document.getElementById('ir-confidential').hidden,
        banner: document.getElementById('ir-confidential').innerText,
        groups: [...document.querySelectorAll('#ir-output optgroup')].map((g) => g.label),
        grouped: [...document.querySelectorAll('#ir-output optgroup option')].map((o) => o.value),
        selected: document.getElementById('ir-output').value,
        heading: document.querySelector('#ir-content h1')?.textContent ?? '',
      })`);
    assert.deepEqual({ ...(await view()), heading: '' }, { hidden: true, banner: '', groups: ['Vertraulich – nur für Behörden'], grouped: ['gdpr-art33', 'nis2-notification'], selected: 'press-release', heading: '' });

    // The extension switches to a draft: the article is the draft, the banner shows in words.
    // From the hostile report: every field's payload is in the draft too, and must not run.
    const document = CONFIDENTIAL_OUTPUTS.find((o) => o.id === 'gdpr-art33')!.draft(parseReport(source), { now: Date.parse('2023-10-30T12:00:00Z') });
    const draft = renderDraftArticle(document);
    const banner = { text: 'Vertraulich – nur für Behörden. Diesen Entwurf nicht veröffentlichen.', exportLabel: 'Vertraulichen Entwurf exportieren…' };
    await page.evaluate(`window.postMessage(${JSON.stringify({ ...state, outputs: { ...state.outputs, selected: 'gdpr-art33' }, article: draft, confidential: banner })}, '*')`);
    await page.waitForTimeout(150);
    const shown = await view();
    assert.equal(shown.hidden, false);
    assert.match(shown.banner, /VERTRAULICH – NUR FÜR BEHÖRDEN\. DIESEN ENTWURF NICHT VERÖFFENTLICHEN\.\s*Vertraulichen Entwurf exportieren…/);
    assert.equal(shown.selected, 'gdpr-art33');
    assert.equal(shown.heading, document.title);
    assert.ok(await page.evaluate<boolean>(`document.querySelector('#ir-content .confidential').textContent.startsWith('Vertraulich')`));

    // The banner's button asks the extension for "the draft shown": no id, no format from the page.
    await page.evaluate(`document.getElementById('ir-export-draft').click()`);
    await page.waitForTimeout(100);
    const posted = await page.evaluate<unknown[]>('window.__posted');
    assert.deepEqual(posted.slice(1), [{ type: 'exportDraft' }]);

    // Back to a public output: the banner goes away.
    await page.evaluate(`window.postMessage(${JSON.stringify(state)}, '*')`);
    await page.waitForTimeout(100);
    assert.equal((await view()).hidden, true);
    assertClean(observed, 'draft view');
    await page.close();
  });

  it('the preview keeps its scroll position per report across updates and restores it from the saved state', async () => {
    const script = readFileSync(WEBVIEW_SCRIPT, 'utf8');
    const scriptUrl = 'https://webview.test/out/webview/preview.js';
    const long = renderPressRelease(parseReport(readFileSync(join(ROOT, 'examples', 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8')));
    const state: ToWebview = {
      type: 'update',
      outputs: { label: '<script>__pwned(204)</script>', selected: 'press-release', choices: [{ id: 'press-release', label: '<img src=x onerror=__pwned(205)>' }, { id: 'social', label: 'Social' }, { id: 'gdpr-art33', label: '<img src=x onerror=__pwned(206)>', confidential: true }], confidentialGroup: '<script>__pwned(207)</script>' },
      uri: 'file:///a.md',
      article: long.article,
      lang: 'de',
      uiLang: 'de',
      status: { errors: 0, warnings: 0, summary: 'ok', problemsLabel: 'Probleme' },
      notice: null,
      confidential: null,
      draft: null,
      release: null,
    };
    const html = buildPreviewHtml({ cspSource: '', nonce: 'c2Nyb2xsLXRlc3Qtbm9uY2U', scriptUri: scriptUrl, state, title: 't' });
    const stub = `window.__saved = JSON.parse(sessionStorage.getItem('saved') || 'null'); window.__posted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__saved,
        setState: (s) => { window.__saved = s; sessionStorage.setItem('saved', JSON.stringify(s)); } });`;
    const { page, observed } = await open(browser!, 'https://webview.test', html, { [scriptUrl]: script }, stub);
    const post = (update: Partial<ToWebview>) => page.evaluate(`window.postMessage(${JSON.stringify({ ...state, ...update })}, '*')`);
    await page.evaluate('window.scrollTo(0, 600)');
    await page.waitForTimeout(250);
    await post({ article: long.article.replace('Kreis Soest', 'Kreis Soest (geändert)') });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate<number>('window.scrollY'), 600, 'an update of the same report keeps the position');
    assert.ok(await page.evaluate<boolean>(`document.body.textContent.includes('Kreis Soest (geändert)')`));
    await post({ uri: 'file:///b.md' });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate<number>('window.scrollY'), 0, 'another report starts at the top');
    await post({ uri: 'file:///a.md' });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate<number>('window.scrollY'), 600, 'back to the first report: its position again');
    // A reload (what the serializer does after a window reload) restores the saved position.
    await page.goto('https://webview.test/page.html', { waitUntil: 'load' });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate<number>('window.scrollY'), 600);
    assertClean(observed, 'scroll test');
    await page.close();
  });
});
