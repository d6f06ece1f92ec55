/**
 * One verdict before anything goes public (issue 20), in real VS Code: the preview's draft banner
 * while the verdict blocks, the export that offers "Export as Draft" (never "Export anyway"), and
 * inline suppressions — the quick fix that asks for a reason and inserts the directive, the
 * finding leaving the Problems panel, and the hover on the directive.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fileUri, ours, replaceText, resetSettings, waitFor } from './util';
import { plain } from './editingFixtures';

interface Snapshot {
  uri: string | null;
  renders: number;
  output: string;
  html: string | null;
  posts: string[];
  status: { errors: number; warnings: number; summary: string } | null;
  draft: { text: string; detail: string; problemsLabel: string } | null;
}
const preview = async () => (await vscode.commands.executeCommand<Snapshot>('incidentReport._previewState'))!;

interface Prompt {
  kind: string;
  message: string;
  detail?: string;
  buttons: string[];
  answer: string | undefined;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** clean.md with a sentence of `sentence` in its public text, saved as `incidents/<name>.md`. */
async function reportWith(name: string, sentence: string): Promise<vscode.Uri> {
  const text = (await readText(fileUri('incidents/clean.md'))).replace('It works again.', `It works again.\n${sentence}`);
  const uri = fileUri(`incidents/${name}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

describe('one verdict: preview banner, export as draft, suppressions', () => {
  const created: vscode.Uri[] = [];
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);
  after(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('the preview shows the draft banner while the verdict blocks, with the count and the way to the Problems panel', async () => {
    const uri = await reportWith('banner', 'We inform you as soon as we know more.');
    created.push(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const clean = await waitFor('the release', preview, (s) => s.renders > 0 && s.uri === uri.toString());
    assert.strictEqual(clean.draft, null);
    assert.ok(clean.html!.includes('<div id="ir-draft" class="ir-draft" role="note" hidden>'), 'the banner is there, hidden');
    assert.strictEqual(clean.status!.summary, 'ready to publish');
    const edited = 'It works again. The gateway 10.20.30.40 was restarted. TODO';
    try {
      await replaceText(editor, 'It works again.', edited);
      const blocked = await waitFor('the draft banner', preview, (s) => s.draft !== null && s.draft.detail.endsWith(': 2'));
      assert.deepStrictEqual(blocked.draft, { text: 'DRAFT – not for publication', detail: 'Findings that block publication: 2', problemsLabel: 'Show in Problems panel' });
      assert.strictEqual(blocked.status!.summary, 'Not ready to publish — blocking findings: 2 (errors: 1, warnings: 1)');
      // The posts are shown (and copied) as `render --draft` writes them.
      await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'social');
      const posts = await waitFor('the marked posts', preview, (s) => s.output === 'social' && s.posts.length > 0);
      assert.ok(posts.posts.every((post) => post.startsWith('[DRAFT] ')), posts.posts.join('\n---\n'));
      assert.strictEqual(posts.draft?.text, 'DRAFT – not for publication');
    } finally {
      // Fixed again (and saved as it was, so no editor is left with changes).
      await replaceText(editor, edited, 'It works again.');
      await editor.document.save();
    }
    const fixed = await waitFor('the banner to go', preview, (s) => s.draft === null && s.posts.length > 0);
    assert.ok(fixed.posts.every((post) => !post.startsWith('[DRAFT]')), fixed.posts.join('\n'));
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
  });

  it("the banner is one language, VS Code's, for a German report too; the posts keep the report's own marking", async () => {
    // The banner is extension chrome like the status line beside it (display language, English
    // here); "[ENTWURF]" before each post is part of the output and stays in the report's language.
    const uri = fileUri('incidents/banner-de.md');
    const english = await readText(fileUri('incidents/clean.md'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(english.replace('lang: en', 'lang: de').replace('It works again.', 'It works again. TODO')));
    created.push(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const blocked = await waitFor('the draft banner', preview, (s) => s.uri === uri.toString() && s.draft !== null && s.status !== null);
    assert.strictEqual(blocked.draft!.text, 'DRAFT – not for publication');
    assert.match(blocked.draft!.detail, /^Findings that block publication: [1-9]\d*$/);
    assert.strictEqual(blocked.draft!.problemsLabel, 'Show in Problems panel');
    assert.match(blocked.status!.summary, /^Not ready to publish — blocking findings: /);
    try {
      await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'social');
      const posts = await waitFor('the marked posts', preview, (s) => s.output === 'social' && s.posts.length > 0);
      assert.ok(posts.posts.every((post) => post.startsWith('[ENTWURF] ')), posts.posts.join('\n---\n'));
      assert.strictEqual(posts.draft?.text, 'DRAFT – not for publication');
    } finally {
      await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
    }
  });

  it('export of a blocked report offers "Export as Draft" (never "Export anyway") and writes it marked', async () => {
    const report = fileUri('incidents/broken.md');
    const html = fileUri('incidents/broken.press-release.html');
    const text = fileUri('incidents/broken.press-release.txt');
    created.push(html, text, fileUri('incidents/broken.social.txt'), fileUri('incidents/broken.social.json'));
    const exportArgs = { uri: report.toString(), output: 'press-release', open: false, overwrite: true };

    // Cancelled: nothing written.
    await vscode.commands.executeCommand('incidentReport._answerPrompts', null);
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportPressRelease', exportArgs), undefined);
    const asked = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    assert.deepStrictEqual(
      { kind: asked?.kind, message: asked?.message, buttons: asked?.buttons },
      { kind: 'warning', message: 'The report is not ready to publish. Findings that block it: 3; internal details in the public text among them: 0.', buttons: ['Export as Draft'] },
    );
    assert.ok(asked?.detail?.includes('"ENTWURF – nicht zur Veröffentlichung"'), asked?.detail);
    assert.strictEqual(await exists(html), false);

    // "Export as Draft": both formats, marked.
    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'Export as Draft');
    const result = await vscode.commands.executeCommand<{ files: Record<string, string>; draft: boolean }>('incidentReport.exportPressRelease', exportArgs);
    assert.deepStrictEqual(result, { output: 'press-release', files: { html: html.toString(), text: text.toString() }, html: html.toString(), text: text.toString(), draft: true });
    const page = await readText(html);
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
    assert.ok(page.includes('<main>\n<p class="draft-banner" role="note">ENTWURF – nicht zur Veröffentlichung</p>'));
    assert.ok((await readText(text)).startsWith('*** ENTWURF – nicht zur Veröffentlichung ***\n'));

    // Automation: `draft: false` refuses unasked, `draft: true` exports the marked draft unasked.
    await vscode.workspace.fs.delete(html);
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportPressRelease', { ...exportArgs, draft: false }), undefined);
    assert.strictEqual(await exists(html), false);
    const posts = await vscode.commands.executeCommand<{ files: Record<string, string>; draft: boolean }>('incidentReport.exportPressRelease', {
      ...exportArgs,
      output: 'social',
      formats: ['text'],
      draft: true,
    });
    assert.strictEqual(posts?.draft, true);
    const written = (await readText(fileUri('incidents/broken.social.txt'))).trimEnd().split('\n---\n');
    assert.ok(written.every((post) => post.startsWith('[ENTWURF] ')), written.join('\n---\n'));

    // A report that is ready exports unmarked, without a question.
    const clean = await vscode.commands.executeCommand<{ draft: boolean }>('incidentReport.exportPressRelease', { uri: fileUri('incidents/clean.md').toString(), open: false, overwrite: true });
    assert.strictEqual(clean?.draft, false);
    assert.ok(!(await readText(fileUri('incidents/clean.press-release.html'))).includes('draft-banner'));
    const last = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    assert.strictEqual(last?.answer, 'Export as Draft', 'no question since the one answered with "Export as Draft"');
  });

  it('"Suppress on this line with a reason…" asks for the reason, inserts the directive, and the release is ready', async () => {
    const uri = await reportWith('suppress-me', 'The police warn of e-mails from the server 203.0.113.7.');
    created.push(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const leak = await waitFor('the leak-ip diagnostic', () => ours(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'leak-ip'), (list) => list.length === 1);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, leak[0]!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const suppress = actions.find((a) => a.title === 'Suppress on this line with a reason…');
    assert.ok(suppress, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(suppress.kind?.value, 'quickfix.suppress');
    assert.strictEqual(suppress.edit, undefined, 'nothing is edited before the reason is given');
    assert.ok(suppress.command);

    // The input box (answered through the extension's prompt queue: the API cannot type into it).
    // An empty reason is refused by the box's own check, and nothing is written.
    const run = () => vscode.commands.executeCommand<boolean>(suppress.command!.command, ...(suppress.command!.arguments ?? []));
    await vscode.commands.executeCommand('incidentReport._answerPrompts', '   ');
    assert.strictEqual(await run(), false);
    const refused = await vscode.commands.executeCommand<Prompt & { refused?: string }>('incidentReport._lastPrompt');
    assert.deepStrictEqual(
      { kind: refused?.kind, message: refused?.message, detail: refused?.detail, refused: refused?.refused },
      {
        kind: 'input',
        message: 'Suppress leak-ip on this line',
        detail: 'Why is this finding wrong here? The reason stays in the report and is listed in SARIF and JSON; it is never published.',
        refused: 'Enter the reason: a suppression without one suppresses nothing.',
      },
    );
    assert.ok(!editor.document.getText().includes('incident-report-disable'));
    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'the police published this address');
    assert.strictEqual(await run(), true);
    const text = editor.document.getText();
    // The sentence continues the paragraph of the line before: the directive ends that line, so the
    // paragraph (and what is published) stays as it was.
    assert.ok(
      text.includes('It works again.<!-- incident-report-disable-next-line leak-ip -- the police published this address -->\nThe police warn of e-mails from the server 203.0.113.7.'),
      text,
    );
    // The finding leaves the Problems panel (and the verdict), and the hover on the directive shows it.
    await waitFor('leak-ip to leave the Problems panel', () => ours(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)), (codes) => !codes.includes('leak-ip'));
    const offset = text.indexOf('<!-- incident-report-disable-next-line');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(offset + 10))) ?? [];
    const hover = hovers.flatMap((h) => h.contents.map(plain)).join('\n');
    assert.ok(hover.includes('Suppresses 1 finding(s):'), hover);
    assert.ok(hover.includes('- `leak-ip` '), hover);
    assert.ok(hover.includes('Reason: the police published this address'), hover);
    const exported = await vscode.commands.executeCommand<{ draft: boolean; files: Record<string, string> }>('incidentReport.exportPressRelease', { uri: uri.toString(), open: false, overwrite: true, draft: false });
    assert.strictEqual(exported?.draft, false, 'ready to publish: exported unmarked');
    created.push(...Object.values(exported.files).map((file) => vscode.Uri.parse(file)));
    const page = await readText(vscode.Uri.parse(exported.files.html!));
    assert.ok(page.includes('203.0.113.7') && !page.includes('incident-report-disable') && !page.includes('the police published'), 'the sentence is published, the directive is not');
  });

  it('offers no suppression for a finding no directive may excuse (schema)', async () => {
    const uri = fileUri('incidents/broken.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const schema = await waitFor('the schema diagnostic', () => ours(uri).filter((d) => d.message.startsWith('affected_services[0].status')), (list) => list.length === 1);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, schema[0]!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.ok(actions.length > 0, 'the value fixes are offered');
    assert.ok(!actions.some((a) => a.kind?.value === 'quickfix.suppress'), actions.map((a) => a.title).join(' | '));
  });
});
