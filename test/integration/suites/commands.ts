/**
 * The commands, run through `vscode.commands.executeCommand` with their automation arguments
 * (language, organisation and a pinned clock instead of prompts): new report, add update, lint
 * workspace.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { newReportTemplate } from '../../../src/core/templates/report';
import { BROKEN_EN, CRLF_EN } from './diagnostics';
import {
  activateExtension,
  closeAllEditors,
  described,
  expectDiagnostics,
  fileUri,
  isOpen,
  openFile,
  ours,
  replaceText,
  resetSettings,
  setSetting,
  waitFor,
} from './util';

/** 2024-05-02T08:15:42Z = 10:15:42 in Berlin (summer time). */
const NOW = Date.UTC(2024, 4, 2, 8, 15, 42);

/** archive/unopened.incident.md has no marker: it is a report by its name (incidentReport.files). */
export const UNOPENED_ERROR = '25:12-25:24 error schema contacts[0].email: `not-an-email` is not a valid e-mail address.';

/**
 * Runs `incidentReport.newReport` with `args` and answers its time-zone QuickPick like a user:
 * `moves` (quick-input commands such as `quickInput.first`) and then Enter, repeated until the
 * command returns (a quick-input command before the pick is shown does nothing).
 */
async function newReportAnswering(args: Record<string, unknown>, moves: string[] = []): Promise<vscode.Uri | undefined> {
  let settled = false;
  const running = vscode.commands.executeCommand<vscode.Uri | undefined>('incidentReport.newReport', args).then((uri) => {
    settled = true;
    return uri;
  });
  await waitFor(
    'the time-zone QuickPick to be answered',
    async () => {
      if (settled) return true;
      for (const move of moves) await vscode.commands.executeCommand(move);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return settled;
    },
    (done) => done,
  );
  return running;
}

/** Runs "New Incident Report…" and dismisses the prompt it stops at (`prompt`): nothing may be written to `path`. */
async function newReportDismissed(prompt: string, args: Record<string, unknown>, path: string): Promise<void> {
  let settled = false;
  const running = vscode.commands.executeCommand<vscode.Uri | undefined>('incidentReport.newReport', args).then((uri) => {
    settled = true;
    return uri;
  });
  await waitFor(
    `${prompt} to be dismissed`,
    async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return settled;
    },
    (done) => done,
  );
  assert.strictEqual(await running, undefined);
  assert.ok(!(await vscode.workspace.fs.stat(fileUri(path)).then(() => true, () => false)), `${path} was written`);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('commands', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
  });

  describe('incidentReport.newReport', () => {
    const created: vscode.Uri[] = [];
    after(async () => {
      for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    });

    it('creates incidents/<id>.md from the template, opens it and selects the headline', async () => {
      await setSetting('timeZone', 'Europe/Berlin');
      // The place prompt suggests "Test" for "Stadt Test" and the time-zone prompt pre-selects the
      // configured zone: Enter takes both.
      const uri = await newReportAnswering({ lang: 'en', organization: 'Stadt Test', now: NOW });
      assert.ok(uri, 'no report was created');
      created.push(uri);
      assert.strictEqual(uri.toString(), fileUri('incidents/2024-05-02-stadt-test.md').toString());
      const text = await readText(uri);
      assert.strictEqual(
        text,
        newReportTemplate({ lang: 'en', organization: 'Stadt Test', location: 'Test', id: '2024-05-02-stadt-test', now: NOW, timeZone: 'Europe/Berlin' }),
      );
      // Spot checks of what the template function must have produced for these inputs.
      assert.ok(text.includes('\nid: 2024-05-02-stadt-test\n'));
      assert.ok(text.includes('\norganization: Stadt Test\nlocation: Test\n'), 'the place of the dateline, as suggested and accepted');
      assert.ok(text.includes('\n  published_at: 2024-05-02T10:15:00+02:00\n'));
      assert.ok(text.includes('\n## Press release\n'));

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'the new report is not open');
      assert.strictEqual(editor.document.uri.toString(), uri.toString());
      assert.strictEqual(editor.document.getText(editor.selection), '<Headline naming the organisation and the visible effect>');
      // Only the fill-ins are warned about; two infos ask the open questions of a fresh report: a
      // precautionary GDPR notification (personal data unknown) and whether NIS2 applies.
      await waitFor('placeholder warnings and the two infos on the new report', () => ours(uri).length, (n) => n === 9);
      assert.deepStrictEqual(
        [...new Set(ours(uri).map((d) => `${(d.code as { value: string }).value}/${d.severity}`))].sort(),
        [`gdpr-notification/${vscode.DiagnosticSeverity.Information}`, `nis2-reporting/${vscode.DiagnosticSeverity.Information}`, `placeholder/${vscode.DiagnosticSeverity.Warning}`].sort(),
      );
    });

    it('never overwrites an existing report', async () => {
      await setSetting('timeZone', 'Europe/Berlin');
      const first = fileUri('incidents/2024-05-02-stadt-test.md');
      const before = await readText(first);
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('incidentReport.newReport', {
        lang: 'de',
        organization: 'Stadt Test',
        location: '',
        timeZone: 'Europe/Berlin',
        now: NOW + 3_600_000,
      });
      assert.ok(uri);
      created.push(uri);
      assert.strictEqual(uri.toString(), fileUri('incidents/2024-05-02-stadt-test-2.md').toString());
      assert.strictEqual(await readText(first), before);
      assert.ok((await readText(uri)).includes('\nlang: de\n'));
      assert.ok(!(await readText(uri)).includes('\nlocation:'), 'an empty place: the dateline names the organisation');
    });

    it('creates nothing when the place prompt is dismissed', () =>
      newReportDismissed('the place prompt', { lang: 'de', organization: 'Stadt Ortlos', timeZone: 'Europe/Berlin', now: NOW }, 'incidents/2024-05-02-stadt-ortlos.md'));
  });

  describe('incidentReport.newReport: time zone', () => {
    const created: vscode.Uri[] = [];
    after(async () => {
      for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    });
    /** The frontmatter lines that depend on the zone. */
    const zoneLines = (text: string) => text.split('\n').filter((line) => /^(id|timezone|  started_at|  - at):/.test(line));

    it('pre-selects the configured zone even for a German report', async () => {
      await setSetting('timeZone', 'Asia/Tokyo');
      const uri = await newReportAnswering({ lang: 'de', organization: 'Stadt Zeitzone Eins', location: '', now: NOW });
      assert.ok(uri);
      created.push(uri);
      assert.deepStrictEqual(zoneLines(await readText(uri)), [
        'id: 2024-05-02-stadt-zeitzone-eins',
        'timezone: Asia/Tokyo',
        '  started_at: 2024-05-02T17:15:00+09:00',
        '  - at: 2024-05-02T17:15:00+09:00',
      ]);
    });

    it('without a setting pre-selects the system zone, and offers Europe/Berlin first for a German report', async () => {
      const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const accepted = await newReportAnswering({ lang: 'de', organization: 'Stadt Zeitzone Zwei', location: '', now: NOW });
      assert.ok(accepted);
      created.push(accepted);
      assert.ok((await readText(accepted)).includes(`\ntimezone: ${system}\n`), `the system zone ${system} was not pre-selected`);

      const first = await newReportAnswering({ lang: 'de', organization: 'Stadt Zeitzone Drei', location: '', now: NOW }, ['quickInput.first']);
      assert.ok(first);
      created.push(first);
      assert.deepStrictEqual(zoneLines(await readText(first)), [
        'id: 2024-05-02-stadt-zeitzone-drei',
        'timezone: Europe/Berlin',
        '  started_at: 2024-05-02T10:15:00+02:00',
        '  - at: 2024-05-02T10:15:00+02:00',
      ]);
    });

    it('puts the configured zone first for an English report, no Europe/Berlin before it', async () => {
      await setSetting('timeZone', 'UTC');
      const uri = await newReportAnswering({ lang: 'en', organization: 'Town Zone', location: '', now: NOW }, ['quickInput.first']);
      assert.ok(uri);
      created.push(uri);
      assert.deepStrictEqual(zoneLines(await readText(uri)), [
        'id: 2024-05-02-town-zone',
        'timezone: UTC',
        '  started_at: 2024-05-02T08:15:00+00:00',
        '  - at: 2024-05-02T08:15:00+00:00',
      ]);
    });

    it('creates nothing when the time-zone prompt is dismissed', () =>
      newReportDismissed('the time-zone QuickPick', { lang: 'de', organization: 'Stadt Abbruch', location: '', now: NOW }, 'incidents/2024-05-02-stadt-abbruch.md'));
  });

  describe('incidentReport.addUpdate', () => {
    it('appends an entry after the last update and puts the cursor in its text', async () => {
      const editor = await openFile('incidents/clean.md');
      const original = editor.document.getText();
      assert.ok(await vscode.commands.executeCommand<boolean>('incidentReport.addUpdate', { now: NOW }));
      const last = '    text: The website is available again; we are monitoring it.\n';
      assert.strictEqual(editor.document.getText(), original.replace(last, `${last}  - at: 2024-05-02T10:15:00+02:00\n    text: \n`));
      assert.deepStrictEqual(
        [editor.selection.active.line, editor.selection.active.character, editor.selection.isEmpty],
        [30, 10, true],
      );
    });

    it('keeps CRLF line endings', async () => {
      const editor = await openFile('crlf.incident.md');
      const original = editor.document.getText();
      assert.ok(await vscode.commands.executeCommand<boolean>('incidentReport.addUpdate', { now: NOW }));
      const last = '    text: Die Telefonanlage ist gestört.\r\n';
      assert.strictEqual(editor.document.getText(), original.replace(last, `${last}  - at: 2024-05-02T10:15:00+02:00\r\n    text: \r\n`));
      assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [29, 10]);
    });

    it('creates the updates key when it is missing', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '---\nschema: incident-report/v1\nid: x\ntimezone: UTC\n---\n\nText.\n',
      });
      const editor = await vscode.window.showTextDocument(document);
      assert.ok(await vscode.commands.executeCommand<boolean>('incidentReport.addUpdate', { now: NOW }));
      assert.strictEqual(
        document.getText(),
        '---\nschema: incident-report/v1\nid: x\ntimezone: UTC\nupdates:\n  - at: 2024-05-02T08:15:00+00:00\n    text: \n---\n\nText.\n',
      );
      assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [6, 10]);
    });

    it('does nothing outside a report', async () => {
      const editor = await openFile('notes/meeting.md');
      const original = editor.document.getText();
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('incidentReport.addUpdate', { now: NOW }), false);
      assert.strictEqual(editor.document.getText(), original);
    });
  });

  describe('incidentReport.lintWorkspace', () => {
    it('lints every report without opening it, and nothing else', async () => {
      const unopened = fileUri('archive/unopened.incident.md');
      assert.ok(!isOpen(unopened), 'archive/unopened.incident.md must not be open before the test');
      assert.deepStrictEqual(described(unopened), []);
      // The other reports are linted from disk too once earlier tests' documents are closed.
      for (const file of ['incidents/broken.md', 'crlf.incident.md', 'incidents/clean.md']) {
        await waitFor(`${file} to be closed`, () => isOpen(fileUri(file)), (open) => !open, 15_000);
      }

      const summary = await vscode.commands.executeCommand<Record<string, number | boolean>>('incidentReport.lintWorkspace');
      // Other suites may leave Markdown files of their own: totals are checked against the workspace.
      const markdown = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
      const all = markdown.flatMap((uri) => ours(uri));
      const count = (severity: vscode.DiagnosticSeverity) => all.filter((d) => d.severity === severity).length;
      assert.deepStrictEqual(summary, {
        files: markdown.length,
        reports: summary.reports,
        errors: count(vscode.DiagnosticSeverity.Error),
        warnings: count(vscode.DiagnosticSeverity.Warning),
        infos: count(vscode.DiagnosticSeverity.Information),
        cancelled: false,
      });
      // broken, clean, crlf and unopened at least (notes/meeting.md is no report).
      assert.ok(Number(summary.reports) >= 4 && Number(summary.reports) < markdown.length, `reports: ${summary.reports}`);
      assert.ok(!isOpen(unopened), 'lintWorkspace opened a document');
      assert.deepStrictEqual(described(unopened), [UNOPENED_ERROR]);
      // Read from disk (no TextDocument): positions still exact, CRLF and BOM included.
      assert.deepStrictEqual(described(fileUri('incidents/broken.md')), BROKEN_EN);
      assert.deepStrictEqual(described(fileUri('crlf.incident.md')), CRLF_EN);
      assert.deepStrictEqual(described(fileUri('incidents/clean.md')), []);
      assert.deepStrictEqual(described(fileUri('notes/meeting.md')), []);
    });

    it('refuses a report saved as Latin-1 where it stops being UTF-8, as lint does, and passes over another Latin-1 file', async () => {
      // Latin-1: every character is below 256. Linted leniently, "Lünen" became "L\uFFFDnen" without a word.
      const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
      const report = fileUri('archive/latin1.incident.md');
      const note = fileUri('notes/latin1.md');
      await vscode.workspace.fs.writeFile(report, latin1('---\nschema: incident-report/v1\ntitle: Ausfall in Lünen\n---\n'));
      await vscode.workspace.fs.writeFile(note, latin1('# Notizen aus Lünen\n'));
      try {
        const summary = await vscode.commands.executeCommand<Record<string, number | boolean>>('incidentReport.lintWorkspace');
        assert.deepStrictEqual(described(report), [
          '3:20-3:21 error not-utf8 not UTF-8 text: the character at line 3, column 20 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8',
        ]);
        assert.deepStrictEqual(described(note), []);
        assert.ok(Number(summary.errors) >= 1);
      } finally {
        await vscode.workspace.fs.delete(report);
        await vscode.workspace.fs.delete(note);
      }
    });

    it('a report saved as Latin-1 is refused in German with incidentReport.locale de, as its findings are (it was English only)', async () => {
      const report = fileUri('archive/latin1-de.incident.md');
      await vscode.workspace.fs.writeFile(report, Uint8Array.from('---\nschema: incident-report/v1\ntitle: Ausfall in Lünen\n---\n', (c) => c.charCodeAt(0)));
      await setSetting('locale', 'de');
      try {
        await vscode.commands.executeCommand('incidentReport.lintWorkspace');
        assert.deepStrictEqual(described(report), [
          '3:20-3:21 error not-utf8 kein UTF-8-Text: das Zeichen in Zeile 3, Spalte 20 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern',
        ]);
      } finally {
        await setSetting('locale', undefined);
        await vscode.workspace.fs.delete(report);
      }
    });

    it('a report saved as Latin-1 and opened in an editor: its text, U+FFFD for each umlaut, is an error (it was linted clean and could be published)', async () => {
      const report = fileUri('archive/latin1-open.incident.md');
      await vscode.workspace.fs.writeFile(report, Uint8Array.from('---\nschema: incident-report/v1\ntitle: Ausfall in Lünen und Lüdinghausen\n---\n', (c) => c.charCodeAt(0)));
      try {
        const document = await vscode.workspace.openTextDocument(report);
        await vscode.window.showTextDocument(document);
        assert.ok(document.getText().includes('L\uFFFDnen'), document.getText());
        const lines = await waitFor('the replacement-character error', () => described(report).filter((line) => line.includes(' replacement-character ')), (found) => found.length > 0);
        assert.deepStrictEqual(lines, [
          '3:20-3:21 error replacement-character The text holds 2 replacement character(s) (�), the first here: the mark left where a character could not be read. The file was probably saved as Windows-1252 or Latin-1 and opened as UTF-8. Reopen it with its encoding, save it as UTF-8 and check the text.',
        ]);
      } finally {
        await closeAllEditors();
        await vscode.workspace.fs.delete(report);
      }
    });

    it('keeps workspace diagnostics when an editor on the file closes', async () => {
      const uri = fileUri('archive/unopened.incident.md');
      await vscode.commands.executeCommand('incidentReport.lintWorkspace');
      const editor = await openFile('archive/unopened.incident.md');
      await replaceText(editor, 'email: not-an-email', 'email: press@archiv.example');
      await expectDiagnostics(uri, []);
      // Closing without saving: the diagnostics stay, and describe the file on disk again.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('the document to close', () => isOpen(uri), (open) => !open, 15_000);
      await expectDiagnostics(uri, [UNOPENED_ERROR]);
    });

    it('re-lints workspace results when settings change', async () => {
      const uri = fileUri('archive/unopened.incident.md');
      await vscode.commands.executeCommand('incidentReport.lintWorkspace');
      await expectDiagnostics(uri, [UNOPENED_ERROR]);
      await setSetting('rules', { schema: 'warning' });
      await expectDiagnostics(uri, [UNOPENED_ERROR.replace(' error ', ' warning ')]);
      await setSetting('rules', undefined);
      await expectDiagnostics(uri, [UNOPENED_ERROR]);
      // Without the glob the file is no report any more: its diagnostics go.
      await setSetting('files', ['**/incidents/**/*.md']);
      await expectDiagnostics(uri, []);
      await setSetting('files', undefined);
    });
  });
});
