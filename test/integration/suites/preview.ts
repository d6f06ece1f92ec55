/**
 * The press-release preview and export in real VS Code: the preview opens beside a report (found as
 * a webview tab), re-renders after an edit, shows the leak check's errors as they are typed, follows
 * the active report, and the export writes HTML and text files without overwriting unasked.
 * The preview's state is read through the internal `incidentReport._previewState` command.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CONFIDENTIAL_OUTPUTS } from '../../../src/core';
import { activateExtension, closeAllEditors, fileUri, openFile, replaceText, resetSettings, waitFor } from './util';

interface PreviewSnapshot {
  open: boolean;
  visible: boolean;
  uri: string | null;
  version: number | null;
  article: string | null;
  html: string | null;
  status: { errors: number; warnings: number; summary: string; problemsLabel: string } | null;
  renders: number;
  pageBuilds: number;
  output: string;
  posts: string[];
  confidential: { text: string; exportLabel: string } | null;
  draft: { text: string; detail: string; problemsLabel: string } | null;
  title: string | null;
  notice: string | null;
}

const state = async () => (await vscode.commands.executeCommand<PreviewSnapshot>('incidentReport._previewState'))!;

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('incidentReport.preview'));
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('press release preview', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);

  it('opens beside the report with the rendered release', async () => {
    const editor = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const shown = await waitFor('the preview to render', state, (s) => s.open && s.renders > 0 && s.uri === editor.document.uri.toString());
    const tabs = await waitFor('a preview tab', async () => previewTabs().length, (n) => n === 1);
    assert.strictEqual(tabs, 1);
    const tab = previewTabs()[0]!;
    assert.strictEqual(tab.group.viewColumn, vscode.ViewColumn.Two);
    assert.ok(tab.label.includes('clean.md'), tab.label);
    assert.ok(shown.article?.includes('<h1>Website of Kreis Muster unavailable</h1>'), shown.article ?? '');
    assert.ok(shown.article?.includes('Update — Saturday, 1 June 2024, 9:00 am'));
    assert.deepStrictEqual([shown.status?.errors, shown.status?.warnings], [0, 0]);
    // The page: strict CSP with a nonce, only our script, no inline handlers allowed.
    const html = shown.html ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]{16,})'/.exec(html)?.[1];
    assert.ok(nonce, 'CSP with a script nonce');
    assert.ok(html.includes("default-src 'none'"));
    assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
    assert.strictEqual(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes(`<script nonce="${nonce}" src="`) && html.includes('/out/webview/preview.js"'));
  });

  it('updates after an edit and shows a leak the moment it is typed', async () => {
    const editor = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const before = await waitFor('the preview to render', state, (s) => s.renders > 0 && s.uri === editor.document.uri.toString());
    await replaceText(editor, 'It works again.', 'It works again. The gateway 10.20.30.40 was restarted.');
    const after = await waitFor('the edit in the preview', state, (s) => (s.article ?? '').includes('gateway 10.20.30.40 was restarted'));
    assert.ok(after.renders > before.renders);
    assert.strictEqual(after.version, editor.document.version);
    assert.strictEqual(after.pageBuilds, before.pageBuilds, 'an edit updates the page by message, it does not rebuild it');
    const counted = await waitFor('the leak error in the status', state, (s) => s.status?.errors === 1);
    assert.strictEqual(counted.status!.summary, 'Not ready to publish — blocking findings: 1 (errors: 1, warnings: 0)');
    const diagnostics = await waitFor(
      'the leak-ip diagnostic',
      () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'leak-ip'),
      (list) => list.length === 1,
    );
    const range = diagnostics[0]!.range;
    assert.strictEqual(editor.document.getText(range), '10.20.30.40');
  });

  it('follows the active report', async () => {
    const clean = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await waitFor('the preview of clean.md', state, (s) => s.uri === clean.document.uri.toString());
    const broken = await openFile('incidents/broken.md');
    const followed = await waitFor('the preview of broken.md', state, (s) => s.uri === broken.document.uri.toString() && (s.status?.errors ?? 0) > 0);
    await waitFor('the tab title', () => previewTabs()[0]?.label ?? '', (label) => label.includes('broken.md'));
    assert.ok((followed.status?.errors ?? 0) >= 1);
  });

  it('switches between the outputs of the registry and updates the status page live while typing', async () => {
    const editor = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const first = await waitFor('the release', state, (s) => s.renders > 0 && s.uri === editor.document.uri.toString());
    assert.strictEqual(first.output, 'press-release');
    // The switcher lists every public output, in the page the webview got.
    const html = first.html ?? '';
    for (const id of ['press-release', 'status-page', 'atom', 'social']) assert.ok(html.includes(`<option value="${id}"`), id);
    assert.ok(html.includes('<select id="ir-output">'));
    // Confidential drafts for authorities are offered after the public outputs, in their own group only.
    assert.ok(CONFIDENTIAL_OUTPUTS.length > 0);
    const group = /<optgroup label="Confidential – for authorities only">(.*?)<\/optgroup>/.exec(html)?.[1] ?? '';
    assert.deepStrictEqual([...group.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]), CONFIDENTIAL_OUTPUTS.map((d) => d.id));
    const publicPart = html.slice(html.indexOf('<select id="ir-output">'), html.indexOf('<optgroup'));
    for (const draft of CONFIDENTIAL_OUTPUTS) assert.ok(!publicPart.includes(`"${draft.id}"`), `${draft.id} is offered among the public outputs`);
    // The public export never writes a draft, whatever the preview shows.
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportPressRelease', { uri: editor.document.uri.toString(), output: 'gdpr-art33', open: false, overwrite: true }), undefined);

    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'status-page'), true);
    const page = await waitFor('the status page', state, (s) => s.output === 'status-page' && (s.article ?? '').includes('<article class="status-page">'));
    assert.ok(page.article!.includes('<h1>Service status: Kreis Muster</h1>'), page.article!);
    assert.ok(page.article!.includes('How to reach us'));
    assert.strictEqual(page.pageBuilds, first.pageBuilds, 'switching posts a message, the page is not rebuilt');

    // A workaround for the service, then its text typed key by key: the status page follows.
    try {
      await replaceText(editor, '    status: operational\n', '    status: operational\n    workaround: \n');
      const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('    workaround: '));
      const end = editor.document.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      for (const key of 'Call 0800 123') await vscode.commands.executeCommand('type', { text: key });
      const typed = await waitFor('the typed workaround on the status page', state, (s) => (s.article ?? '').includes('<td>Call 0800 123</td>'));
      assert.strictEqual(typed.output, 'status-page');
      assert.strictEqual(typed.version, editor.document.version);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }

    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'atom'), true);
    const feed = await waitFor('the feed', state, (s) => s.output === 'atom' && (s.article ?? '').includes('ir-feed'));
    assert.ok(feed.article!.includes('&lt;feed xmlns=&quot;http://www.w3.org/2005/Atom&quot;'));
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'no-such-output'), false);
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
    await waitFor('the release again', state, (s) => s.output === 'press-release' && (s.article ?? '').includes('<article class="press-release">'));
  });

  it('names the output shown in the tab title', async () => {
    const editor = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await waitFor('the release', state, (s) => s.renders > 0 && s.uri === editor.document.uri.toString());
    const tabTitle = () => previewTabs()[0]?.label ?? '';
    try {
      for (const [id, title] of [
        ['social', 'Social Posts: clean.md'],
        ['status-page', 'Status Page: clean.md'],
        ['atom', 'Atom Feed: clean.md'],
        ['press-release', 'Press Release: clean.md'],
      ] as const) {
        assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', id), true);
        await waitFor(`the tab title for ${id}`, tabTitle, (label) => label === title);
        assert.strictEqual((await state()).title, title);
      }
      // It keeps naming the output when the preview follows another report.
      await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'social');
      await openFile('incidents/broken.md');
      await waitFor('the tab title of the followed report', tabTitle, (label) => label === 'Social Posts: broken.md');
    } finally {
      await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
    }
  });

  it('keeps the last readable version while a stray word breaks the frontmatter, naming the line, until it parses again', async () => {
    const text = [
      '---',
      'schema: incident-report/v1',
      'id: 2024-06-01-stadt-muster',
      'title: Bürgerbüro der Stadt Muster geschlossen',
      'lang: de',
      'status: identified',
      'severity: minor',
      'organization: Stadt Muster',
      'timezone: Europe/Berlin',
      'affected_services:',
      '  - name: Bürgerbüro',
      '    status: major_outage',
      'timestamps:',
      '  started_at: 2024-06-01T07:00:00+02:00',
      '  detected_at: 2024-06-01T07:10:00+02:00',
      '  published_at: 2024-06-01T09:00:00+02:00',
      'data_loss:',
      '  occurred: no',
      '  exfiltration: no_indication',
      '  personal_data: no',
      '  statement: Nach bisherigen Erkenntnissen sind keine Daten abgeflossen.',
      'contacts:',
      '  - role: press',
      '    email: presse@stadt-muster.example',
      '---',
      '',
      '## Pressemitteilung',
      '',
      'Das Bürgerbüro bleibt heute geschlossen.',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const good = await waitFor('the German release', state, (s) => s.uri === document.uri.toString() && (s.article ?? '').includes('<h1>Bürgerbüro der Stadt Muster geschlossen</h1>'));
    assert.strictEqual(good.notice, null);
    assert.ok(good.html?.includes('<html lang="de">'));
    // The chrome around the German release is in VS Code's language (English here), and says so.
    assert.ok(good.html?.includes('<header class="ir-bar" lang="en">'), good.html ?? '');
    // A word typed on a line of its own in the frontmatter (line 6): the YAML breaks.
    await replaceText(editor, 'status: identified\n', 'status: identified\nBürgerbüro\n');
    const broken = await waitFor('the YAML error in the preview', state, (s) => s.notice !== null && s.version === document.version);
    assert.strictEqual(broken.notice, 'YAML error in the frontmatter on line 7: the preview shows the last version that could be read until it is fixed.');
    assert.ok(broken.article?.includes('<h1>Bürgerbüro der Stadt Muster geschlossen</h1>'), broken.article ?? '');
    assert.ok(broken.article?.includes('Pressemitteilung') && !broken.article.includes('Untitled') && !broken.article.includes('Press release'), broken.article ?? '');
    assert.ok((broken.status?.errors ?? 0) >= 1, 'the YAML error is counted');
    // Another output while it is broken: also from the last readable version.
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'social');
    const posts = await waitFor('the posts of the last readable version', state, (s) => s.output === 'social' && s.posts.length > 0);
    // The current text cannot be published (its YAML error blocks the verdict): the posts are shown as drafts.
    assert.ok(posts.posts[0]!.startsWith('[ENTWURF] Stadt Muster – aktueller Stand: Bürgerbüro der Stadt Muster geschlossen.'), posts.posts[0]);
    // The banner is the editor's, in VS Code's language (English here); the posts' marking is the report's.
    assert.strictEqual(posts.draft?.text, 'DRAFT – not for publication');
    assert.strictEqual(posts.notice, broken.notice);
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
    // Fixed: the notice goes, and the preview shows the current text again.
    await replaceText(editor, 'status: identified\nBürgerbüro\n', 'status: identified\n');
    await replaceText(editor, 'title: Bürgerbüro der Stadt Muster geschlossen', 'title: Bürgerbüro der Stadt Muster wieder geöffnet');
    const fixed = await waitFor('the current release', state, (s) => s.notice === null && (s.article ?? '').includes('<h1>Bürgerbüro der Stadt Muster wieder geöffnet</h1>'));
    assert.strictEqual(fixed.version, document.version);
  });

  it('shows no made-up release for a report whose frontmatter could never be read, only the line', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\nschema: incident-report/v1\ntitle: Stadt Muster\nlang de\nstatus: identified\n---\n\n## Pressemitteilung\n\nText.\n',
    });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const shown = await waitFor('the notice', state, (s) => s.uri === document.uri.toString() && s.notice !== null);
    assert.strictEqual(shown.notice, 'YAML error in the frontmatter on line 4: the preview appears once the frontmatter can be read.');
    assert.strictEqual(shown.article, '');
  });

  it('shows social posts with their character count and copies one through the extension host', async () => {
    const editor = await openFile('incidents/clean.md');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await waitFor('the release', state, (s) => s.renders > 0 && s.uri === editor.document.uri.toString());
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'social');
    const social = await waitFor('the posts', state, (s) => s.output === 'social' && s.posts.length === 2);
    assert.ok(social.article!.includes('<ol class="ir-posts">'));
    assert.match(social.article!, /<span class="ir-count">\d+ of 280 characters<\/span> <button type="button" class="ir-copy" data-index="0">Copy<\/button>/);
    assert.ok(social.posts[1]!.startsWith('Kreis Muster, 1 Jun 2024, 9:00 am: The website is available again; we are monitoring it.'), social.posts[1]);

    await vscode.env.clipboard.writeText('before');
    const copied = await vscode.commands.executeCommand<string>('incidentReport._copySocialPost', 1);
    assert.strictEqual(copied, social.posts[1]);
    assert.strictEqual(await vscode.env.clipboard.readText(), social.posts[1]);
    // An index that names no post copies nothing.
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._copySocialPost', 99), undefined);
    assert.strictEqual(await vscode.env.clipboard.readText(), social.posts[1]);
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
  });

  it('exports HTML and text, and never overwrites unasked', async () => {
    const report = fileUri('incidents/clean.md');
    const first = await vscode.commands.executeCommand<{ html: string; text: string }>('incidentReport.exportPressRelease', {
      uri: report.toString(),
      open: false,
      overwrite: true,
    });
    assert.ok(first, 'the export returned nothing');
    assert.strictEqual(first.html, fileUri('incidents/clean.press-release.html').toString());
    assert.strictEqual(first.text, fileUri('incidents/clean.press-release.txt').toString());
    const html = await readText(vscode.Uri.parse(first.html));
    const text = await readText(vscode.Uri.parse(first.text));
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.includes('<h1>Website of Kreis Muster unavailable</h1>'));
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`));
    assert.ok(!html.includes('<script'));
    assert.ok(text.startsWith('PRESS RELEASE · Kreis Muster\n\nWebsite of Kreis Muster unavailable\n'), text);
    assert.ok(text.includes('\nKreis Muster, 1 June 2024 – The website of Kreis Muster was unavailable'), text);
    assert.ok(text.includes('Source: Kreis Muster'));

    // Existing files and overwrite: false → nothing written.
    await vscode.workspace.fs.writeFile(vscode.Uri.parse(first.text), new TextEncoder().encode('keep me'));
    const second = await vscode.commands.executeCommand('incidentReport.exportPressRelease', { uri: report.toString(), open: false, overwrite: false });
    assert.strictEqual(second, undefined);
    assert.strictEqual(await readText(vscode.Uri.parse(first.text)), 'keep me');

    // An explicit target.
    const target = fileUri('exports/release.html');
    const third = await vscode.commands.executeCommand<{ html: string; text: string }>('incidentReport.exportPressRelease', {
      uri: report.toString(),
      target: target.toString(),
      open: false,
      overwrite: true,
    });
    assert.strictEqual(third?.text, fileUri('exports/release.txt').toString());
    assert.ok((await readText(target)).includes('<h1>Website of Kreis Muster unavailable</h1>'));
  });
  it('exports the status page and the Atom feed of the registry next to the report', async () => {
    const report = fileUri('incidents/clean.md');
    const page = await vscode.commands.executeCommand<{ output: string; files: Record<string, string> }>('incidentReport.exportPressRelease', {
      uri: report.toString(),
      output: 'status-page',
      formats: ['html'],
      open: false,
      overwrite: true,
    });
    assert.deepStrictEqual(page, { output: 'status-page', files: { html: fileUri('incidents/clean.status-page.html').toString() }, html: fileUri('incidents/clean.status-page.html').toString(), draft: false });
    const pageHtml = await readText(fileUri('incidents/clean.status-page.html'));
    assert.ok(pageHtml.startsWith('<!DOCTYPE html>\n'), pageHtml.slice(0, 80));
    assert.ok(pageHtml.includes('<h1>Service status: Kreis Muster</h1>'), pageHtml);
    assert.ok(pageHtml.includes('<tr><th scope="row">Website</th><td><span class="state state-operational">operational</span></td>'), pageHtml);
    // The page links the feed exported next to it.
    assert.ok(pageHtml.includes('<a href="clean.atom.xml" type="application/atom+xml">'), pageHtml);
    assert.ok(!pageHtml.includes('<script'));
    // Only the format asked for was written.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fileUri('incidents/clean.status-page.txt'))));

    const feed = await vscode.commands.executeCommand<{ output: string; files: Record<string, string> }>('incidentReport.exportPressRelease', {
      uri: report.toString(),
      output: 'atom',
      open: false,
      overwrite: true,
    });
    assert.deepStrictEqual(feed, { output: 'atom', files: { xml: fileUri('incidents/clean.atom.xml').toString() }, draft: false });
    const xml = await readText(fileUri('incidents/clean.atom.xml'));
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'), xml);
    assert.ok(xml.includes('<id>tag:incident-report.invalid,2024-06-01:2024-06-01-kreis-muster/feed</id>'), xml);
    const entries = [...xml.matchAll(/<entry[^>]*>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.deepStrictEqual(entries, ['tag:incident-report.invalid,2024-06-01:2024-06-01-kreis-muster/updates/20240601T070000Z']);
    assert.ok(xml.includes('<content type="text">The website is available again; we are monitoring it.</content>'), xml);
    assert.ok(xml.trimEnd().endsWith('</feed>'));

    // An existing feed and overwrite: false → nothing written.
    await vscode.workspace.fs.writeFile(fileUri('incidents/clean.atom.xml'), new TextEncoder().encode('keep me'));
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportPressRelease', { uri: report.toString(), output: 'atom', open: false, overwrite: false }), undefined);
    assert.strictEqual(await readText(fileUri('incidents/clean.atom.xml')), 'keep me');

    // An id that is not a public output, or a format the output does not have: nothing is written.
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportPressRelease', { uri: report.toString(), output: 'gdpr-33', open: false, overwrite: true }), undefined);
    assert.strictEqual(
      await vscode.commands.executeCommand('incidentReport.exportPressRelease', { uri: report.toString(), output: 'atom', formats: ['html'], open: false, overwrite: true }),
      undefined,
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fileUri('incidents/clean.atom.html'))));
  });
  it('exports from the palette: picks the output, then its formats (all preselected)', async () => {
    const source = await readText(fileUri('incidents/clean.md'));
    const report = fileUri('incidents/picked.md');
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(source));
    // Invoked with a Uri (editor title, explorer) the command asks: Enter on the first output (the
    // press release; moving the focus races the picker's appearance), then Enter on its formats.
    let settled = false;
    const running = vscode.commands.executeCommand<{ output: string; files: Record<string, string> } | undefined>('incidentReport.exportPressRelease', report).then((r) => {
      settled = true;
      return r;
    });
    await waitFor(
      'the output and format QuickPicks to be answered',
      async () => {
        if (settled) return true;
        await vscode.commands.executeCommand('quickInput.first');
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await new Promise((resolve) => setTimeout(resolve, 100));
        return settled;
      },
      (done) => done,
    );
    const result = await running;
    const html = fileUri('incidents/picked.press-release.html').toString();
    const text = fileUri('incidents/picked.press-release.txt').toString();
    assert.deepStrictEqual(result, { output: 'press-release', files: { html, text }, html, text, draft: false });
    assert.ok((await readText(vscode.Uri.parse(html))).includes('<h1>Website of Kreis Muster unavailable</h1>'));
    assert.ok((await readText(vscode.Uri.parse(text))).startsWith('PRESS RELEASE · Kreis Muster\n'));
  });
});
