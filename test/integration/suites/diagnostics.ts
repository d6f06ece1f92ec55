/**
 * Diagnostics as a user sees them: exact ranges, severities, messages and rule links on the
 * fixture reports (LF, and CRLF with a BOM), nothing on ordinary Markdown, updates after edits, and
 * diagnostics that go away when a file stops being a report or is closed.
 *
 * Expected lines are `line:col-line:col severity rule message`, 1-based like the CLI's output; they
 * were taken from `incident-report lint` on the same files and checked against the text by hand.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  described,
  expectDiagnostics,
  openFile,
  ours,
  replaceText,
  resetSettings,
  sleep,
  waitFor,
} from './util';

/** incidents/broken.md, English (the tests run with VS Code's English UI). */
export const BROKEN_EN = [
  '12:13-12:19 error schema affected_services[0].status: `closed` is not allowed; write `operational`, `degraded_performance`, `partial_outage`, `major_outage` or `under_maintenance`.',
  '15:16-15:35 error timestamp-timezone timestamps.detected_at: `2024-05-02T08:30:00` has no time zone offset; write `2024-05-02T08:30:00+02:00` (Europe/Berlin).',
  '22:1-22:9 warning press-contact contacts: no press contact; add one with `role: press` so journalists know whom to ask.',
  '34:58-34:62 warning placeholder Placeholder `TODO` left in the public text: fill it in before publishing.',
];

/** crlf.incident.md: CRLF line endings and a UTF-8 BOM; line 33 has an umlaut before the finding. */
export const CRLF_EN = [
  '13:1-13:11 error resolved-needs-time `timestamps.resolved_at` is missing: status `resolved` needs the time the incident was resolved.',
  '15:16-15:41 error chronology timestamps.detected_at (2024-01-10T08:45:00+01:00) is before timestamps.started_at (2024-01-10T09:00:00+01:00); the order is started_at ≤ detected_at ≤ contained_at ≤ resolved_at.',
  '33:70-33:76 warning placeholder Placeholder `<Name>` left in the public text: fill it in before publishing.',
];

describe('diagnostics', function () {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    extension = await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);

  it('reports exact ranges, severities and messages on an LF report', async () => {
    const editor = await openFile('incidents/broken.md');
    await expectDiagnostics(editor.document.uri, BROKEN_EN);
  });

  it('sets source and a code linking to the rule documentation', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    const diagnostics = ours(document.uri);
    const severities = diagnostics.map((d) => d.severity);
    assert.deepStrictEqual(severities, [
      vscode.DiagnosticSeverity.Error,
      vscode.DiagnosticSeverity.Error,
      vscode.DiagnosticSeverity.Warning,
      vscode.DiagnosticSeverity.Warning,
    ]);
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'incident-report');
      assert.ok(typeof d.code === 'object' && d.code !== null && 'target' in d.code, `code of "${d.message}" is not {value, target}`);
      const { value, target } = d.code as { value: string; target: vscode.Uri };
      assert.strictEqual(target.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${value}.md`).toString());
    }
    assert.deepStrictEqual(
      diagnostics.map((d) => (d.code as { value: string }).value),
      ['schema', 'timestamp-timezone', 'press-contact', 'placeholder'],
    );
  });

  it('reports exact ranges on a CRLF report with a BOM', async () => {
    const { document } = await openFile('crlf.incident.md');
    assert.strictEqual(document.eol, vscode.EndOfLine.CRLF, 'the fixture lost its CRLF line endings (check .gitattributes)');
    await expectDiagnostics(document.uri, CRLF_EN);
    // The ranges cover exactly the offending text.
    const texts = ours(document.uri).map((d) => document.getText(d.range));
    assert.deepStrictEqual(texts, ['timestamps', '2024-01-10T08:45:00+01:00', '<Name>']);
  });

  it('leaves ordinary Markdown alone', async () => {
    const notes = await openFile('notes/meeting.md');
    // A report opened after it proves both open events were handled.
    const report = await openFile('incidents/broken.md');
    await expectDiagnostics(report.document.uri, BROKEN_EN);
    assert.deepStrictEqual(described(notes.document.uri), []);
  });

  it('reports nothing on a clean report', async () => {
    const clean = await openFile('incidents/clean.md');
    const report = await openFile('incidents/broken.md');
    await expectDiagnostics(report.document.uri, BROKEN_EN);
    await sleep(300);
    assert.deepStrictEqual(described(clean.document.uri), []);
  });

  it('updates diagnostics after an edit', async () => {
    const editor = await openFile('incidents/broken.md');
    const uri = editor.document.uri;
    await expectDiagnostics(uri, BROKEN_EN);
    await replaceText(editor, 'status: closed', 'status: operational');
    await expectDiagnostics(uri, BROKEN_EN.slice(1));
    await replaceText(editor, 'severity: minor', 'severity: huge');
    await expectDiagnostics(uri, ['7:11-7:15 error schema severity: `huge` is not allowed; write `critical`, `major`, `minor` or `none`.', ...BROKEN_EN.slice(1)]);
  });

  it('drops the diagnostics of a file that stops being a report', async () => {
    // Untitled: a report only by its marker (no path matches incidentReport.files).
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\nschema: incident-report/v1\nid: x\n---\n\nText.\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('diagnostics on the untitled report', () => ours(document.uri).length, (n) => n > 0);
    await replaceText(editor, 'schema: incident-report/v1\n', '');
    await waitFor('no diagnostics once the marker is gone', () => described(document.uri), (d) => d.length === 0);
  });

  it('clears the diagnostics of a closed report', async () => {
    const { document } = await openFile('crlf.incident.md');
    const uri = document.uri;
    await expectDiagnostics(uri, CRLF_EN);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('no diagnostics after closing', () => described(uri), (d) => d.length === 0, 15_000);
  });
});
