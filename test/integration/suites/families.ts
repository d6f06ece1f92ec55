/**
 * Incident families in the editor: a member opened first finds its parent through
 * `workspace.fs` (never opened in an editor), its diagnostics carry `relatedInformation` into the
 * parent, editing the parent or changing it on disk while it is closed re-lints the member, and
 * "New Member Report from This Report" writes members that stand on the parent. The reports are written at run time under `families/` and
 * removed afterwards, so the other suites' workspace counts never see them. Runs in the Node and in
 * the web-worker extension host (VS Code API only).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, described, fileUri, isOpen, openFile, ours, replaceText, resetSettings, setSetting, waitFor, watchedFolder } from './util';

function report(fields: { id: string; organization: string; parent?: string; incidentType: string; organizations?: string[] }): string {
  return [
    '---',
    'schema: incident-report/v1',
    `id: ${fields.id}`,
    `title: Cyberangriff – Dienste von ${fields.organization} eingeschränkt`,
    'lang: de',
    'status: identified',
    'severity: major',
    `organization: ${fields.organization}`,
    ...(fields.parent ? [`parent: ${fields.parent}`] : []),
    `incident_type: ${fields.incidentType}`,
    'timezone: Europe/Berlin',
    ...(fields.organizations ? ['affected_organizations:', ...fields.organizations.map((o) => `  - ${o}`)] : []),
    'affected_services:',
    '  - name: Bürgerbüro',
    '    status: major_outage',
    'timestamps:',
    '  started_at: 2023-10-30T01:01:00+01:00',
    '  detected_at: 2023-10-30T06:45:00+01:00',
    '  published_at: 2023-11-06T12:00:00+01:00',
    'data_loss:',
    '  occurred: unknown',
    '  exfiltration: under_investigation',
    '  personal_data: unknown',
    '  statement: Ob Daten abgeflossen sind, wird derzeit von Fachleuten untersucht.',
    // Answered, so the only findings are the family's (no precautionary GDPR or NIS2 question).
    '  authority_notified_at: 2023-10-31T10:00:00+01:00',
    'contacts:',
    '  - role: press',
    `    name: Pressestelle ${fields.organization}`,
    '    phone: +49 2389 000000',
    'nis2:',
    '  entity: not_covered',
    '---',
    '',
    '## Pressemitteilung',
    '',
    `Die Verwaltung von ${fields.organization} ist nur eingeschränkt erreichbar.`,
    '',
  ].join('\n');
}

const PARENT = 'families/provider/sit.md';
const MEMBER = 'families/kommunen/werne.md';
const DATA_LOSS_AGAINST_PARENT =
  '21:17-21:30 error family-data-loss data_loss.exfiltration is no_indication, but the parent report says under_investigation (families/provider/sit.md): a member cannot rule out what its parent has not ruled out.';
const CLAIM_AGAINST_PARENT =
  '35:66-35:98 error claim-data-loss A sentence in the public text denies a data loss, but the parent report (families/provider/sit.md) does not know yet (data_loss.exfiltration: under_investigation). Say what is known so far, or that it is being examined.';
const SHARED_FACTS =
  '10:16-10:20 error family-shared-facts incident_type (ddos) differs from the parent report (ransomware in families/provider/sit.md): members state the shared facts as the parent does.';

/** A member whose parent lies outside the workspace folder. */
const OUTSIDE_MEMBER = 'families/kommunen/selm.md';
const PARENT_MISSING =
  '9:9-9:27 error family-parent parent: ../provider/sit.md cannot be read (file not found); give the path of the parent report relative to this file.';
/** File events reach the extension through VS Code's watcher and the web host late: a generous bound, not a timing assertion. */
const ON_DISK_MS = 30_000;

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(relative), new TextEncoder().encode(text));
}

describe('incident families', function () {
  this.timeout(60_000);
  before(async () => {
    await activateExtension();
    await resetSettings();
    // Folders VS Code's file watcher is proven to watch: changes of the parent on disk are reported.
    await watchedFolder('families/provider');
    await watchedFolder('families/kommunen');
    await write(PARENT, report({ id: 'sit', organization: 'Südwestfalen-IT', incidentType: 'ransomware', organizations: ['Stadt Werne'] }));
    await write(MEMBER, report({ id: 'werne', organization: 'Stadt Werne', parent: '../provider/sit.md', incidentType: 'ddos' }));
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.fs.delete(fileUri('families'), { recursive: true });
  });

  it('a member opened first finds its parent without opening it; the diagnostics point into the parent, also for its public text', async () => {
    const { document } = await openFile(MEMBER);
    await waitFor('the family finding', () => described(document.uri), (lines) => lines.includes(SHARED_FACTS));
    assert.deepStrictEqual(described(document.uri), [SHARED_FACTS]);
    assert.ok(!isOpen(fileUri(PARENT)), 'the parent was opened as a document');
    const [diagnostic] = ours(document.uri);
    assert.deepStrictEqual(
      diagnostic!.relatedInformation?.map((info) => ({
        uri: info.location.uri.toString(),
        range: [info.location.range.start.line, info.location.range.start.character, info.location.range.end.line, info.location.range.end.character],
        message: info.message,
      })),
      [{ uri: fileUri(PARENT).toString(), range: [8, 15, 8, 25], message: "the parent's incident_type" }],
    );
    // The member rules out a theft its parent still investigates, in its facts and in its public text
    // (unsaved edits: the editor is reverted afterwards).
    const editor = vscode.window.activeTextEditor!;
    await replaceText(editor, 'exfiltration: under_investigation', 'exfiltration: no_indication');
    await replaceText(editor, 'eingeschränkt erreichbar.', 'eingeschränkt erreichbar. Es sind keine Daten abgeflossen.');
    await waitFor('the claim against the parent', () => described(document.uri), (lines) => lines.includes(CLAIM_AGAINST_PARENT));
    assert.deepStrictEqual(described(document.uri), [SHARED_FACTS, DATA_LOSS_AGAINST_PARENT, CLAIM_AGAINST_PARENT]);
    const claim = ours(document.uri).find((d) => (d.code as { value: string }).value === 'claim-data-loss')!;
    assert.deepStrictEqual(
      claim.relatedInformation?.map((info) => ({
        uri: info.location.uri.toString(),
        range: [info.location.range.start.line, info.location.range.start.character, info.location.range.end.line, info.location.range.end.character],
        message: info.message,
      })),
      [{ uri: fileUri(PARENT).toString(), range: [21, 16, 21, 35], message: "the parent's data_loss.exfiltration: under_investigation" }],
    );
    assert.ok(!isOpen(fileUri(PARENT)), 'the parent was opened as a document');
  });

  it('links the parent path to the parent report (Ctrl+click)', async () => {
    const { document } = await openFile(MEMBER);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? [];
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('parent:'));
    assert.deepStrictEqual(
      links.map((link) => ({ range: [link.range.start.line, link.range.start.character, link.range.end.line, link.range.end.character], target: link.target?.toString() })),
      [{ range: [line, 8, line, 26], target: fileUri(PARENT).toString() }],
    );
  });

  it('a parent changed, deleted or created on disk while closed re-lints its open member without opening it', async function () {
    this.timeout(4 * ON_DISK_MS);
    // Written through workspace.fs, outside the editor's document events (as by `git pull`).
    const member = await openFile(MEMBER);
    await waitFor('the family finding', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(PARENT)));
    try {
      await write(PARENT, written.replace('incident_type: ransomware', 'incident_type: ddos'));
      await waitFor('the member without the family finding', () => described(member.document.uri), (lines) => lines.length === 0, ON_DISK_MS);
      assert.deepStrictEqual(described(member.document.uri), []);
      await vscode.workspace.fs.delete(fileUri(PARENT));
      await waitFor('the member without its parent', () => described(member.document.uri), (lines) => lines.length > 0, ON_DISK_MS);
      assert.deepStrictEqual(described(member.document.uri), [PARENT_MISSING]);
    } finally {
      // The parent as written, also when an assertion failed, so the next tests start from it.
      await write(PARENT, written);
    }
    await waitFor('the member with the family finding again', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS), ON_DISK_MS);
    assert.deepStrictEqual(described(member.document.uri), [SHARED_FACTS]);
    assert.ok(!isOpen(fileUri(PARENT)), 'the parent was opened as a document');
  });

  it('a missing parent is named in German with incidentReport.locale de, its reason too (it said "no such file")', async () => {
    const orphan = 'families/kommunen/unna.md';
    await write(orphan, report({ id: 'unna', organization: 'Stadt Unna', parent: '../provider/fehlt.md', incidentType: 'ransomware' }));
    await setSetting('locale', 'de');
    try {
      const member = await openFile(orphan);
      const lines = await waitFor('the missing parent', () => described(member.document.uri), (found) => found.some((line) => line.includes(' family-parent ') && line.includes('kann nicht')));
      assert.deepStrictEqual(lines, [
        '9:9-9:29 error family-parent parent: ../provider/fehlt.md kann nicht gelesen werden (Datei nicht gefunden); den Pfad des übergeordneten Berichts relativ zu dieser Datei angeben.',
      ]);
    } finally {
      await setSetting('locale', undefined);
      await closeAllEditors();
      await vscode.workspace.fs.delete(fileUri(orphan));
    }
  });

  it('a parent outside the workspace (no file events) changed on disk is read anew on its member\'s next lint', async function () {
    this.timeout(4 * ON_DISK_MS);
    // VS Code reports file events only inside the workspace folders: the member's next lint compares
    // the parent file's stamp with what it read, as it does for a change its file watcher missed.
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const outside = vscode.Uri.joinPath(folder, '..', `${folder.path.split('/').pop()}-outside`, 'sit.md');
    const parentText = (incidentType: string) => report({ id: 'sit', organization: 'Südwestfalen-IT', incidentType, organizations: ['Stadt Selm'] });
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode(parentText('ransomware')));
    try {
      await write(OUTSIDE_MEMBER, report({ id: 'selm', organization: 'Stadt Selm', parent: `../../../${outside.path.split('/').at(-2)}/sit.md`, incidentType: 'ddos' }));
      const member = await openFile(OUTSIDE_MEMBER);
      const finding = `10:16-10:20 error family-shared-facts incident_type (ddos) differs from the parent report (ransomware in ${outside.fsPath}): members state the shared facts as the parent does.`;
      await waitFor('the family finding', () => described(member.document.uri), (lines) => lines.length > 0);
      assert.deepStrictEqual(described(member.document.uri), [finding]);
      await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode(parentText('ddos')));
      // An edit of the member's public text (unsaved: the editor is reverted afterwards) lints it again.
      await replaceText(vscode.window.activeTextEditor!, 'eingeschränkt erreichbar.', 'eingeschränkt erreichbar. Wir bitten um Geduld.');
      await waitFor('the member without the family finding', () => described(member.document.uri), (lines) => lines.length === 0, ON_DISK_MS);
      assert.deepStrictEqual(described(member.document.uri), []);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(outside, '..'), { recursive: true });
    }
  });

  it('opening a parent changed on disk keeps its open member on the new text', async () => {
    const member = await openFile(MEMBER);
    await waitFor('the family finding', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(PARENT)));
    await write(PARENT, written.replace('incident_type: ransomware', 'incident_type: ddos'));
    const parent = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(PARENT)), vscode.ViewColumn.Beside);
    assert.match(parent.document.getText(), /^incident_type: ddos$/m);
    await waitFor('the member without the family finding', () => described(member.document.uri), (lines) => lines.length === 0, ON_DISK_MS);
    assert.deepStrictEqual(described(member.document.uri), []);
    // Back to the written parent through the editor (the web host reloads an open document from a
    // file changed underneath only much later), so the next tests start from it.
    await replaceText(parent, 'incident_type: ddos', 'incident_type: ransomware');
    await parent.document.save();
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(PARENT))), written);
    await waitFor('the member with the family finding again', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS));
  });

  it('editing the parent re-lints its open member', async () => {
    const member = await openFile(MEMBER);
    await waitFor('the family finding', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS));
    const parent = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(PARENT)), vscode.ViewColumn.Beside);
    await replaceText(parent, 'incident_type: ransomware', 'incident_type: ddos');
    await waitFor('the member without the family finding', () => described(member.document.uri), (lines) => lines.length === 0);
    await replaceText(parent, 'incident_type: ddos', 'incident_type: phishing');
    await waitFor(
      'the member naming the new parent value',
      () => described(member.document.uri),
      (lines) => lines.length === 1 && lines[0]!.includes('(phishing in families/provider/sit.md)'),
    );
    // Back to the file's text, so the next tests start from the parent as written.
    await replaceText(parent, 'incident_type: phishing', 'incident_type: ransomware');
    await waitFor('the member with the family finding again', () => described(member.document.uri), (lines) => lines.includes(SHARED_FACTS));
  });

  it('"New Member Report from This Report" writes members in the parent\'s language that stand on its facts, never overwriting', async () => {
    const now = Date.parse('2023-11-01T09:00:00Z');
    const args = { parent: fileUri(PARENT), organizations: ['Stadt Lünen | Lünen', 'Stadt Hamm'], now };
    const first = await vscode.commands.executeCommand<vscode.Uri[]>('incidentReport.newMemberReport', args);
    assert.deepStrictEqual(
      first.map((uri) => vscode.workspace.asRelativePath(uri, false)),
      ['families/provider/sit/2023-11-01-stadt-luenen.md', 'families/provider/sit/2023-11-01-stadt-hamm.md'],
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first[0]!));
    assert.match(text, /^lang: de$/m);
    assert.match(text, /^parent: \.\.\/sit\.md$/m);
    assert.match(text, /^incident_type: ransomware$/m);
    assert.match(text, /^ {2}started_at: 2023-10-30T01:01:00\+01:00$/m);
    assert.match(text, /^ {2}statement: "Ob Daten abgeflossen sind, .* \(Quelle: Südwestfalen-IT\)"$/m);
    assert.match(text, /^ {4}name: <Pressestelle Stadt Lünen>$/m);
    // `Organisation | Ort` names the dateline's place; without it a fill-in asks for it.
    assert.match(text, /^organization: Stadt Lünen\nlocation: Lünen$/m);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(first[1]!)), /^organization: Stadt Hamm\nlocation: <Ort der Datumszeile>$/m);
    // The first member opens; it finds its parent (no family finding), only its fill-ins are flagged.
    const opened = vscode.window.activeTextEditor?.document.uri.toString();
    assert.strictEqual(opened, first[0]!.toString());
    await waitFor('diagnostics of the new member', () => ours(first[0]!).length, (n) => n > 0);
    const rules = (infos: boolean) =>
      [...new Set(ours(first[0]!).filter((d) => (d.severity === vscode.DiagnosticSeverity.Information) === infos).map((d) => (d.code as { value: string }).value))];
    assert.deepStrictEqual(rules(false), ['placeholder']);
    // The member's own open questions are notes, not problems: a precautionary GDPR notification
    // (personal data unknown) and whether NIS2 applies to it (no `nis2` block yet).
    assert.deepStrictEqual(rules(true), ['nis2-reporting', 'gdpr-notification']);
    // Stadt Lünen has its member report: asked again, the command writes none and opens that one.
    await closeAllEditors();
    const again = await vscode.commands.executeCommand<vscode.Uri[]>('incidentReport.newMemberReport', { ...args, organizations: ['Stadt Lünen'] });
    assert.deepStrictEqual(again, []);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), first[0]!.toString());
    const folder = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(first[0]!, '..'));
    assert.deepStrictEqual(folder.map(([name]) => name).sort(), ['2023-11-01-stadt-hamm.md', '2023-11-01-stadt-luenen.md']);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(first[0]!)), text, 'the existing member was overwritten');
    // Saved as Latin-1, its organisation cannot be told (read leniently, "Stadt L\uFFFDnen" got a
    // second report): the command refuses, as `new` does, and writes nothing.
    await closeAllEditors();
    await vscode.workspace.fs.writeFile(first[0]!, Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff));
    try {
      assert.deepStrictEqual(await vscode.commands.executeCommand<vscode.Uri[]>('incidentReport.newMemberReport', { ...args, organizations: ['Stadt Lünen'] }), []);
      const after = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(first[0]!, '..'));
      assert.deepStrictEqual(after.map(([name]) => name).sort(), ['2023-11-01-stadt-hamm.md', '2023-11-01-stadt-luenen.md']);
    } finally {
      await vscode.workspace.fs.writeFile(first[0]!, new TextEncoder().encode(text));
      // VS Code keeps a model of the file after its editor closed and reloads it from disk when it
      // notices the change (later in the web host): until then the next test's lint read "L\uFFFDnen".
      await waitFor('the member restored as UTF-8', async () => (await vscode.workspace.openTextDocument(first[0]!)).getText(), (current) => current === text);
    }
  });

  it('after "Lint All Reports in Workspace" the parent names the members its affected_organizations lacks', async () => {
    // The members written by the previous test (Stadt Lünen, Stadt Hamm) are not listed by the parent.
    await vscode.commands.executeCommand('incidentReport.lintWorkspace');
    const parent = fileUri(PARENT);
    const expected = [
      '11:1-11:23 warning family-membership affected_organizations does not list Stadt Hamm, whose report families/provider/sit/2023-11-01-stadt-hamm.md names this one as parent.',
      '11:1-11:23 warning family-membership affected_organizations does not list Stadt Lünen, whose report families/provider/sit/2023-11-01-stadt-luenen.md names this one as parent.',
    ];
    // Waits for exactly these lines: the previous test's Latin-1 member may still be linted (as
    // "Stadt L\uFFFDnen") from the model VS Code keeps of it, until its restored text is linted again.
    const lines = await waitFor('membership warnings on the parent', () => described(parent).sort(), (actual) => JSON.stringify(actual) === JSON.stringify(expected));
    assert.deepStrictEqual(lines, expected);
    const related = ours(parent).flatMap((d) => d.relatedInformation ?? []).map((info) => `${vscode.workspace.asRelativePath(info.location.uri, false)}:${info.location.range.start.line + 1}`);
    assert.deepStrictEqual(related.sort(), ['families/provider/sit/2023-11-01-stadt-hamm.md:8', 'families/provider/sit/2023-11-01-stadt-luenen.md:8']);
  });
});
