/**
 * Authority notifications in real VS Code: the deadline clock in the status bar (with the clock
 * fixed through the internal command `incidentReport._setClock`), the deadline in the hover on
 * timestamps, and a confidential draft shown in the preview and exported from there.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, replaceText, resetSettings, setSetting, waitFor, type ExtensionApi } from './util';
import { fixtureText, plain, positionOf, removeFixtures, useFixture } from './editingFixtures';

/** The part of the preview's state (`incidentReport._previewState`) these tests read. */
interface PreviewState {
  open: boolean;
  uri: string | null;
  article: string | null;
  output: string;
  title: string | null;
  confidential: { text: string; exportLabel: string } | null;
  html: string | null;
}
const previewState = async () => (await vscode.commands.executeCommand<PreviewState>('incidentReport._previewState'))!;

describe('authority deadlines and drafts (editing/deadlines.md)', () => {
  let api: ExtensionApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const clock = () => api.deadlineClock;
  const setNow = async (instant: string | undefined) => {
    await vscode.commands.executeCommand('incidentReport._setClock', instant);
  };

  before(async () => {
    api = (await activateExtension()).exports;
    assert.ok(api?.deadlineClock, 'activate() does not return the deadline clock state');
    await resetSettings();
    await setSetting('locale', 'de');
    uri = await useFixture('deadlines');
  });
  beforeEach(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Each test starts from the fixture as written, whatever an earlier test typed.
    const original = await fixtureText('deadlines');
    if (editor.document.getText() !== original) {
      const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      assert.ok(await editor.edit((b) => b.replace(whole, original)));
    }
    api.deadlineClock.refresh();
  });
  afterEach(closeAllEditors);
  after(async () => {
    await setNow(undefined);
    await setSetting('locale', undefined);
    await removeFixtures();
  });

  it('shows the next deadline with the time left, in warning and then error colours', async () => {
    await setNow('2023-10-30T09:00:00+01:00');
    await waitFor('the clock with time to spare', () => clock().text, (t) => t === '$(clock) DSGVO-Meldung: noch 2 T');
    assert.strictEqual(clock().level, 'none');
    await setNow('2023-11-01T20:00:00+01:00');
    await waitFor('the clock nearing the deadline', () => clock().text, (t) => t === '$(clock) DSGVO-Meldung: noch 11 h');
    assert.strictEqual(clock().level, 'warning');
    assert.strictEqual(clock().tooltip, 'DSGVO-Meldung fällig bis Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden). Klicken, um zum Feld zu springen.');
    await setNow('2023-11-02T08:45:00+01:00');
    await waitFor('the clock past the deadline', () => clock().text, (t) => t === '$(bell-dot) DSGVO-Meldung: 1 h überfällig');
    assert.strictEqual(clock().level, 'error');
    assert.strictEqual(clock().pointer, '/data_loss/authority_notified_at');
  });

  it('moves to the next stage when one is recorded, and hides when nothing is due', async () => {
    await setNow('2023-11-01T20:00:00+01:00');
    await replaceText(editor, '  risk: high\n', '  risk: high\n  authority_notified_at: 2023-11-01T12:00:00+01:00\n');
    // The NIS2 clock runs from nis2.aware_at (9:30), not from data_loss.aware_at (7:30): 13 h, not 11 h.
    await waitFor('the NIS2 notification next', () => clock().text, (t) => t === '$(clock) NIS2-Meldung: noch 13 h');
    assert.strictEqual(clock().tooltip, 'NIS2-Meldung fällig bis Donnerstag, 2. November 2023, 9:30 Uhr (noch 13 Stunden). Klicken, um zum Feld zu springen.');
    assert.strictEqual(clock().pointer, '/nis2/notification_at');
    // Without nis2.aware_at it counts from detected_at (2:15): 6 h.
    await replaceText(editor, '  aware_at: 2023-10-30T09:30:00+01:00\n', '');
    await waitFor('the NIS2 notification counted from detected_at', () => clock().text, (t) => t === '$(clock) NIS2-Meldung: noch 6 h');
    await replaceText(editor, '  suspected_malicious: yes', '  notification_at: 2023-11-01T13:00:00+01:00\n  suspected_malicious: yes');
    // Still being handled a month after the notification: the progress report (Fortschrittsmeldung) is next, due at the end of 1 December.
    await waitFor('the progress report next', () => clock().text, (t) => t === '$(clock) NIS2-Fortschrittsmeldung: noch 30 T');
    await replaceText(editor, '  entity: important', '  entity: not_covered');
    await waitFor('the clock to hide', () => clock().text, (t) => t === undefined);
  });

  it('offers the NIS2 answers as quick fixes on `applies: unknown` (Ctrl+.), and applies one', async () => {
    await setNow('2023-11-01T20:00:00+01:00');
    await replaceText(editor, '  entity: important\n  significant: yes\n', '  applies: unknown\n');
    const line = positionOf(editor.document, 'applies: unknown').line;
    const info = await waitFor(
      'the NIS2 question on applies',
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'incident-report' && d.range.start.line === line),
      (found) => found.length === 1,
    );
    const actions = ((await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, info[0]!.range, vscode.CodeActionKind.QuickFix.value)) ?? []).filter(
      // The answers are plain quick fixes; "Suppress on this line with a reason…" is of kind quickfix.suppress.
      (a): a is vscode.CodeAction => ('edit' in a || 'kind' in a) && (a as vscode.CodeAction).kind?.value === vscode.CodeActionKind.QuickFix.value,
    );
    const answers = actions.map((a) => a.title.replace(/^[^:]*: /, ''));
    assert.deepStrictEqual(answers, ['entity: essential, significant: unknown', 'entity: important, significant: unknown', 'entity: not_covered', 'entity: unknown']);
    assert.ok(await vscode.workspace.applyEdit(actions[1]!.edit!));
    assert.ok(editor.document.getText().includes('nis2:\n  entity: important\n  significant: unknown\n  aware_at:'), editor.document.getText());
  });

  it('jumps to the field on click', async () => {
    await setNow('2023-11-01T20:00:00+01:00');
    await waitFor('the clock', () => clock().pointer, (p) => p === '/data_loss/authority_notified_at');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('incidentReport._revealDeadline', uri, clock().pointer);
    const active = vscode.window.activeTextEditor!;
    // The field is still missing: the clock jumps to the mapping that should hold it.
    assert.strictEqual(active.document.getText(active.selection), 'data_loss');
  });

  it('hover on aware_at and on a NIS2 timestamp shows the computed deadlines', async () => {
    await setNow('2023-11-01T20:00:00+01:00');
    const hover = async (search: string) => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, search, 2))) ?? [];
      return hovers.flatMap((h) => h.contents.map(plain)).join('\n');
    };
    const aware = await hover('aware_at:');
    assert.ok(aware.includes('Meldefristen'), aware);
    assert.ok(aware.includes('DSGVO-Meldung fällig bis Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden)'), aware);
    // data_loss.aware_at starts the GDPR clock only; the NIS2 stages run from nis2.aware_at.
    assert.ok(!aware.includes('NIS2-Erstmeldung') && !aware.includes('NIS2-Meldung'), aware);
    const early = await hover('early_warning_at:');
    assert.ok(early.includes('NIS2-Erstmeldung fällig bis Dienstag, 31. Oktober 2023, 9:30 Uhr: rechtzeitig abgegeben'), early);
    assert.ok(!early.includes('DSGVO-Meldung'), early);
  });

  it('shows a confidential draft in the preview, switches to another, and exports the one shown', async () => {
    await setNow('2023-11-01T20:00:00+01:00');
    // "Open Confidential Draft…" opens the preview beside the report, switched to the draft.
    const opened = await vscode.commands.executeCommand<{ title: string; id: string }>('incidentReport.openDraft', { uri: uri.toString(), id: 'gdpr-art33' });
    assert.strictEqual(opened?.id, 'gdpr-art33');
    const art33 = await waitFor('the Art. 33 draft in the preview', previewState, (s) => s.output === 'gdpr-art33' && s.uri === uri.toString() && (s.article ?? '').includes('class="draft"'));
    // Marked in words, twice: the preview's banner (UI language) and the draft's own (report language).
    assert.deepStrictEqual(art33.confidential, { text: 'Confidential – for authorities only. Do not publish this draft.', exportLabel: 'Export Confidential Draft…' });
    assert.ok(art33.article!.startsWith('<article class="draft" lang="de"><p class="confidential" role="note">Vertraulich – Entwurf für die Behörde'), art33.article!);
    assert.ok(art33.article!.includes('Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden)'), art33.article!);
    assert.ok(art33.article!.includes('<span class="gap">[noch offen: ungefähre Zahl der Datensätze]</span>'));
    assert.strictEqual(art33.title, 'Confidential Draft: deadlines.md');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await waitFor('the preview tab titled as a confidential draft', () => tabs().map((t) => `${t.label}|${t.input instanceof vscode.TabInputWebview ? 'webview' : 'other'}`), (labels) => labels.includes('Confidential Draft: deadlines.md|webview'));
    // The page itself (rebuilt when the panel opened) lists the drafts in their group, this one selected.
    assert.ok((art33.html ?? '').includes('<optgroup label="Confidential – for authorities only">'), art33.html ?? '');

    // The switcher's path (what the webview's select posts): another draft, still under the banner.
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'nis2-notification'), true);
    const nis2 = await waitFor('the NIS2 notification in the preview', previewState, (s) => s.output === 'nis2-notification' && (s.article ?? '').includes('203.0.113.45'));
    assert.ok(nis2.confidential, 'the banner stays while a draft is shown');
    assert.ok(nis2.article!.includes('<p class="confidential" role="note">Vertraulich'));

    // The banner's "Export" button (same path as the internal command): the confidential export writes the draft shown.
    const target = vscode.Uri.joinPath(uri, '..', 'deadlines.nis2-notification.md');
    const written = await vscode.commands.executeCommand<string>('incidentReport._exportPreviewDraft', { format: 'md', overwrite: true });
    assert.strictEqual(written, target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith('> **Vertraulich'), text);
    assert.ok(text.includes('| 4.1 | Kompromittierungsindikatoren (IoCs) | 203.0.113.45<br>update-check.example.net | Art. 23 Abs. 4 lit. b NIS2 |'), text);
    await vscode.workspace.fs.delete(target);

    // "Export Confidential Draft…" without an id exports what the preview shows, too.
    const html = vscode.Uri.joinPath(uri, '..', 'deadlines.nis2-notification.html');
    assert.strictEqual(await vscode.commands.executeCommand<string>('incidentReport.exportDraft', { uri: uri.toString(), overwrite: true }), html.toString());
    assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(html)).includes('<p class="confidential" role="note">Vertraulich'));
    await vscode.workspace.fs.delete(html);

    // Back to the press release: no banner, and nothing to export as a draft.
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release'), true);
    const release = await waitFor('the release again', previewState, (s) => s.output === 'press-release' && (s.article ?? '').includes('<article class="press-release">'));
    assert.strictEqual(release.confidential, null);
    assert.strictEqual(release.title, 'Press Release: deadlines.md');
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._exportPreviewDraft', { format: 'md', overwrite: true }), undefined);
  });
});

describe("the processor's notice to one of several controllers (gdpr-art33-controller)", () => {
  const report = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'editing', 'processor-notice.md');
  const exported = vscode.Uri.joinPath(report, '..', 'processor-notice.gdpr-art33-controller.md');
  const TEXT = [
    '---',
    'schema: incident-report/v1',
    'id: 2026-02-02-kommunal-it',
    'title: Zugriff auf das Meldeverfahren beim IT-Dienstleister',
    'lang: en',
    'status: identified',
    'severity: minor',
    'organization: Kommunal-IT Musterland AöR',
    'timezone: Europe/Berlin',
    'affected_services:',
    '  - name: Fachverfahren Meldewesen',
    '    status: degraded_performance',
    'timestamps:',
    '  started_at: 2026-02-02T01:00:00+01:00',
    '  detected_at: 2026-02-02T08:00:00+01:00',
    '  published_at: 2026-02-02T16:00:00+01:00',
    'data_loss:',
    '  occurred: yes',
    '  exfiltration: suspected',
    '  personal_data: yes',
    '  statement: Registration data of several member towns may have been copied; this is being investigated.',
    '  aware_at: 2026-02-02T09:00:00+01:00',
    '  role: processor',
    '  controllers:',
    '    - name: Stadt Werne',
    '      notified_at: 2026-02-02T11:00:00+01:00',
    '    - name: Gemeinde Wickede (Ruhr)',
    '---',
    '',
    '## Press release',
    '',
    'Registration data of several member towns may have been copied. The towns have been informed.',
    '',
  ].join('\n');
  const TO_WICKEDE = '| 1.6 | Controller this notice goes to | Gemeinde Wickede (Ruhr) | Art. 33(2) GDPR: each controller is informed; one notice per controller |';
  const INTRO_WICKEDE =
    'As processor, we (Kommunal-IT Musterland AöR) inform you as controller (Gemeinde Wickede (Ruhr)) of a breach of the personal data we process on your behalf (Art. 33(2) GDPR), so that you can notify your supervisory authority (Art. 33(1)).';

  before(async () => {
    await activateExtension();
    await resetSettings();
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(TEXT));
  });
  afterEach(closeAllEditors);
  after(async () => {
    for (const uri of [report, exported]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('"Open Confidential Draft…" asks which controller, the preview and its export name that one and no other', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'Gemeinde Wickede (Ruhr)');
    const opened = await vscode.commands.executeCommand<{ id: string; controller?: string }>('incidentReport.openDraft', { uri: report.toString(), id: 'gdpr-art33-controller' });
    assert.deepStrictEqual([opened?.id, opened?.controller], ['gdpr-art33-controller', 'Gemeinde Wickede (Ruhr)']);
    const asked = await vscode.commands.executeCommand<{ kind: string; message: string; buttons: string[] }>('incidentReport._lastPrompt');
    assert.deepStrictEqual(asked, { kind: 'pick', message: 'Controller this notice goes to (one notice each)', buttons: ['Stadt Werne', 'Gemeinde Wickede (Ruhr)'], answer: 'Gemeinde Wickede (Ruhr)' });
    const shown = await waitFor('the notice in the preview', previewState, (s) => s.output === 'gdpr-art33-controller' && s.uri === report.toString() && (s.article ?? '').includes('class="draft"'));
    assert.ok(shown.article!.includes('inform you as controller (Gemeinde Wickede (Ruhr)) of a breach'), shown.article!);
    assert.ok(!shown.article!.includes('Stadt Werne'), shown.article!);
    // The banner's "Export" writes the notice shown: to the same controller, without asking again.
    assert.strictEqual(await vscode.commands.executeCommand<string>('incidentReport._exportPreviewDraft', { format: 'md', overwrite: true }), exported.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    assert.ok(text.includes(`\n${INTRO_WICKEDE}\n`), text);
    assert.ok(text.includes(`\n${TO_WICKEDE}\n`), text);
    assert.ok(!text.includes('Stadt Werne'), text);
  });

  it('the preview\'s switcher asks which controller as "Open Confidential Draft…" does (it showed the notice without one); cancelled, it keeps the output shown', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'press-release');
    await waitFor('the press release in the preview', previewState, (s) => s.output === 'press-release' && s.uri === report.toString() && (s.article ?? '').includes('<article class="press-release">'));
    await vscode.commands.executeCommand('incidentReport._answerPrompts', null);
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'gdpr-art33-controller'), false);
    const cancelled = await vscode.commands.executeCommand<{ kind: string; message: string; buttons: string[] }>('incidentReport._lastPrompt');
    assert.deepStrictEqual([cancelled?.kind, cancelled?.message, cancelled?.buttons], ['pick', 'Controller this notice goes to (one notice each)', ['Stadt Werne', 'Gemeinde Wickede (Ruhr)']]);
    assert.strictEqual((await previewState()).output, 'press-release');

    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'Gemeinde Wickede (Ruhr)');
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport._selectPreviewOutput', 'gdpr-art33-controller'), true);
    const shown = await waitFor('the notice in the preview', previewState, (s) => s.output === 'gdpr-art33-controller' && (s.article ?? '').includes('class="draft"'));
    assert.ok(shown.article!.includes(INTRO_WICKEDE), shown.article!);
    assert.ok(!shown.article!.includes('Stadt Werne'), shown.article!);
    // Its "Export" writes the notice shown, without asking again.
    assert.strictEqual(await vscode.commands.executeCommand<string>('incidentReport._exportPreviewDraft', { format: 'md', overwrite: true }), exported.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    assert.ok(text.includes(`\n${TO_WICKEDE}\n`), text);
  });

  it('"Export Confidential Draft…" asks too; cancelling the pick writes nothing', async () => {
    await vscode.workspace.fs.delete(exported).then(undefined, () => undefined);
    await vscode.commands.executeCommand('incidentReport._answerPrompts', null);
    assert.strictEqual(await vscode.commands.executeCommand('incidentReport.exportDraft', { uri: report.toString(), id: 'gdpr-art33-controller', format: 'md' }), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(exported)), 'the notice was written without a controller');
    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'Stadt Werne');
    assert.strictEqual(await vscode.commands.executeCommand<string>('incidentReport.exportDraft', { uri: report.toString(), id: 'gdpr-art33-controller', format: 'md' }), exported.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    assert.ok(text.includes('\n| 1.6 | Controller this notice goes to | Stadt Werne | Art. 33(2) GDPR: each controller is informed; one notice per controller |\n'), text);
    assert.ok(!text.includes('Wickede'), text);
  });
});
