import { strict as assert } from 'node:assert';
import { buildPreviewHtml, createNonce, previewCsp } from '../../src/extension/preview/html';
import { isOpenableLink, parseFromWebview, parseToWebview, type ToWebview } from '../../src/extension/preview/protocol';
import { LastReadable, unreadableLine } from '../../src/extension/preview/lastReadable';
import { createLinter } from '../../src/core';

const STATE: ToWebview = {
  type: 'update',
  outputs: { label: 'Anzeigen:', selected: 'press-release', choices: [{ id: 'press-release', label: 'Pressemitteilung' }, { id: 'status-page', label: 'Notfallseite' }, { id: 'atom', label: 'Feed (Atom)' }, { id: 'social', label: 'Social-Media-Beiträge' }, { id: 'gdpr-art33', label: 'Meldung <Art. 33>', confidential: true }], confidentialGroup: 'Vertraulich – nur für Behörden' },
  uri: 'file:///r/a"b<c>.md',
  article: '<article class="press-release"><h1>Titel</h1></article>',
  lang: 'de',
  uiLang: 'en',
  status: { errors: 2, warnings: 1, summary: '2 <b>Fehler</b>', problemsLabel: 'Probleme & mehr' },
  notice: null,
  confidential: null,
  draft: null,
  release: null,
};

describe('preview page', () => {
  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{22}$/);
  });

  it('has a CSP that allows only the nonce script and style, data: images, no base or forms', () => {
    assert.equal(
      previewCsp('abcdefghijklmnopqrstuv'),
      "default-src 'none'; script-src 'nonce-abcdefghijklmnopqrstuv'; style-src 'nonce-abcdefghijklmnopqrstuv'; img-src data:; base-uri 'none'; form-action 'none'",
    );
  });

  it('builds the page: CSP first, one nonce script, escaped values, the article as given', () => {
    const html = buildPreviewHtml({ cspSource: 'vscode-webview://x', nonce: 'abcdefghijklmnopqrstuv', scriptUri: 'https://x/out/webview/preview.js?a=1&b=2', state: STATE, title: 'T<i>' });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-abcdefghijklmnopqrstuv';/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('<script nonce="abcdefghijklmnopqrstuv" src="https://x/out/webview/preview.js?a=1&amp;b=2"></script>'));
    assert.ok(html.includes('<style nonce="abcdefghijklmnopqrstuv">'));
    assert.ok(html.includes('<body data-uri="file:///r/a&quot;b&lt;c&gt;.md">'));
    assert.ok(html.includes('<title>T&lt;i&gt;</title>'));
    assert.ok(html.includes('2 &lt;b&gt;Fehler&lt;/b&gt;') && html.includes('Probleme &amp; mehr'));
    assert.ok(html.includes('<main id="ir-content"><article class="press-release"><h1>Titel</h1></article></main>'));
    assert.ok(html.includes('var(--vscode-editor-foreground)'), 'theme-aware styles');
  });

  it('lists the confidential drafts in a group of their own, and shows the confidential banner only with a draft', () => {
    const page = (state: ToWebview) => buildPreviewHtml({ cspSource: '', nonce: 'abcdefghijklmnopqrstuv', scriptUri: 'https://x/p.js', state, title: 't' });
    const html = page(STATE);
    assert.ok(
      html.includes(
        '<select id="ir-output"><option value="press-release" selected>Pressemitteilung</option><option value="status-page">Notfallseite</option><option value="atom">Feed (Atom)</option><option value="social">Social-Media-Beiträge</option>' +
          '<optgroup label="Vertraulich – nur für Behörden"><option value="gdpr-art33">Meldung &lt;Art. 33&gt;</option></optgroup></select>',
      ),
      html,
    );
    assert.ok(html.includes('<div id="ir-confidential" class="ir-confidential" role="note" hidden>'));
    const draft = page({ ...STATE, outputs: { ...STATE.outputs, selected: 'gdpr-art33' }, confidential: { text: 'Vertraulich – nur für Behörden. <b>', exportLabel: 'Exportieren…' } });
    assert.ok(draft.includes('<option value="gdpr-art33" selected>'));
    assert.ok(
      draft.includes(
        '<div id="ir-confidential" class="ir-confidential" role="note"><strong class="ir-confidential-text">Vertraulich – nur für Behörden. &lt;b&gt;</strong><button type="button" id="ir-export-draft">Exportieren…</button></div>',
      ),
      draft,
    );
  });

  it("marks the chrome with VS Code's language and the changes with the report's, inside a page in the report's", () => {
    const release = { approval: 'not approved since the last change (release 1)', current: false, changesLabel: 'Changes since release 1', showChanges: true, changes: ['Der Status hat sich geändert'], whatsNewLabel: null, whatsNew: false };
    const html = buildPreviewHtml({ cspSource: '', nonce: 'abcdefghijklmnopqrstuv', scriptUri: 'https://x/p.js', state: { ...STATE, notice: 'YAML error', release }, title: 't' });
    assert.match(html, /<html lang="de">/);
    assert.ok(html.includes('<header class="ir-bar" lang="en">'), html);
    assert.ok(html.includes('<div id="ir-notice" class="ir-notice" lang="en">YAML error</div>'), html);
    assert.ok(html.includes('<ul id="ir-changes" class="ir-changes" lang="de"><li>Der Status hat sich geändert</li></ul>'), html);
  });

  it('refuses a nonce that could break out of the CSP', () => {
    assert.throws(() => buildPreviewHtml({ cspSource: '', nonce: "x' 'unsafe-inline", scriptUri: '', state: STATE, title: '' }));
  });
});

describe('preview messages', () => {
  it('accepts exactly the three message kinds', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'showProblems' }), { type: 'showProblems' });
    assert.deepEqual(parseFromWebview({ type: 'exportDraft' }), { type: 'exportDraft' });
    assert.deepEqual(parseFromWebview({ type: 'openLink', href: 'https://stadt.example/a?b=c#d' }), { type: 'openLink', href: 'https://stadt.example/a?b=c#d' });
    assert.deepEqual(parseFromWebview({ type: 'openLink', href: 'mailto:presse@stadt.example' }), { type: 'openLink', href: 'mailto:presse@stadt.example' });
  });

  it('rejects everything else', () => {
    for (const bad of [
      null, undefined, 'ready', 42, [], {}, { type: 'eval', code: 'x' }, { type: 'ready', extra: 1 }, { type: 'exportDraft', id: 'gdpr-art33' }, { type: 'exportDraft', format: 'html' },
      { type: 'openLink' }, { type: 'openLink', href: 5 }, { type: 'openLink', href: 'https://a.example', more: 1 },
      { type: 'openLink', href: 'javascript:alert(1)' }, { type: 'openLink', href: 'JAVASCRIPT:alert(1)' },
      { type: 'openLink', href: 'data:text/html,<script>alert(1)</script>' }, { type: 'openLink', href: 'file:///etc/passwd' },
      { type: 'openLink', href: 'command:workbench.action.terminal.new' }, { type: 'openLink', href: 'vscode://x' },
      { type: 'openLink', href: '/relative' }, { type: 'openLink', href: 'https://' }, { type: 'openLink', href: ' https://a.example' },
      { type: 'openLink', href: 'https://a.example/\u0000' }, { type: 'openLink', href: 'https://a.example/"onmouseover' },
      { type: 'openLink', href: 'tel:+49123' }, { type: 'openLink', href: 'https://a.example/' + 'x'.repeat(3000) },
    ]) {
      assert.equal(parseFromWebview(bad), null, JSON.stringify(bad));
    }
    assert.equal(isOpenableLink('mailto:'), false);
  });

  it('checks updates inside the webview too', () => {
    assert.deepEqual(parseToWebview(STATE), STATE);
    assert.equal(parseToWebview({ ...STATE, article: 5 }), null);
    assert.equal(parseToWebview({ ...STATE, lang: 'fr' }), null);
    assert.equal(parseToWebview({ ...STATE, uiLang: 'fr' }), null);
    assert.equal(parseToWebview({ ...STATE, uiLang: undefined }), null);
    assert.equal(parseToWebview({ ...STATE, status: null }), null);
    const banner = { text: 'Vertraulich', exportLabel: 'Exportieren…' };
    assert.deepEqual(parseToWebview({ ...STATE, confidential: banner }), { ...STATE, confidential: banner });
    assert.equal(parseToWebview({ ...STATE, confidential: undefined }), null);
    assert.equal(parseToWebview({ ...STATE, confidential: { text: 'Vertraulich' } }), null);
    assert.equal(parseToWebview({ ...STATE, outputs: { ...STATE.outputs, confidentialGroup: 3 } }), null);
    assert.equal(parseToWebview({ type: 'navigate', url: 'https://evil.example' }), null);
  });
});

describe('preview: the last readable version', () => {
  const linter = createLinter({ now: () => Date.parse('2024-06-02T12:00:00Z') });
  const GOOD = '---\nschema: incident-report/v1\ntitle: Bürgerbüro geschlossen\nlang: de\nstatus: identified\n---\n\n## Pressemitteilung\n\nText.\n';
  const STRAY = GOOD.replace('lang: de\n', 'lang: de\nBürgerbüro\n');

  it('names the line of the YAML error, of a frontmatter that is no mapping or never closed, and nothing when it can be read', () => {
    assert.equal(unreadableLine(linter.lint(GOOD)), null);
    assert.equal(unreadableLine(linter.lint(STRAY)), 5);
    assert.equal(unreadableLine(linter.lint('---\n- a list\n---\n')), 1);
    assert.equal(unreadableLine(linter.lint('---\ntitle: x\n')), 1);
    assert.equal(unreadableLine(linter.lint('No frontmatter at all.\n')), null);
    // The YAML rule switched off: still unreadable, at the frontmatter.
    assert.equal(unreadableLine(createLinter({ rules: { 'yaml-syntax': 'off' } }).lint(STRAY)), 1);
  });

  it('keeps the last readable report per open document, never another document\'s', () => {
    const last = new LastReadable();
    const document = {};
    const good = linter.lint(GOOD);
    assert.deepEqual(last.pick(document, good), { report: good.report, errorLine: null });
    assert.deepEqual(last.pick(document, linter.lint(STRAY)), { report: good.report, errorLine: 5 });
    // A new document (a reopened file, a new untitled one with the old name) has none.
    assert.deepEqual(last.pick({}, linter.lint(STRAY)), { report: null, errorLine: 5 });
  });
});
