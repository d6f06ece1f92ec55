/**
 * `.incident-report.json` at the workspace root: read through vscode.workspace.fs (both hosts),
 * settings the user set explicitly on top, re-read when it changes, problems shown on the file.
 * In this (trusted) workspace its `schema` and `ticketPattern` apply; ../restricted proves they do
 * not in an untrusted one.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { UNOPENED_ERROR } from './commands';
import { BROKEN_EN } from './diagnostics';
import { BROKEN_DE } from './settings';
import { activateExtension, closeAllEditors, described, expectDiagnostics, fileUri, openFile, resetSettings, setSetting } from './util';

const CONFIG = '.incident-report.json';
const TICKET_REPORT = 'incidents/config-ticket.md';

async function writeText(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(relative), new TextEncoder().encode(text));
}

async function remove(relative: string): Promise<void> {
  try {
    // Recursive: a test puts a folder in the file's place.
    await vscode.workspace.fs.delete(fileUri(relative), { recursive: true });
  } catch {
    /* not there */
  }
}

describe('project configuration (.incident-report.json)', function () {
  // Each step waits for VS Code's file watcher to report the changed file; on a loaded machine that takes seconds.
  this.timeout(90_000);
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
    await remove(CONFIG);
    await remove(TICKET_REPORT);
  });

  it('applies the file, lets explicitly set settings win (rules rule by rule) and re-reads it on change', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await writeText(CONFIG, JSON.stringify({ locale: 'de', rules: { placeholder: 'off' } }));
    await expectDiagnostics(document.uri, BROKEN_DE.slice(0, 3), 15_000);
    await setSetting('locale', 'en');
    await expectDiagnostics(document.uri, BROKEN_EN.slice(0, 3));
    await setSetting('rules', { placeholder: 'warning' });
    await expectDiagnostics(document.uri, BROKEN_EN);
    await resetSettings();
    await writeText(CONFIG, JSON.stringify({ rules: { 'press-contact': 'info' } }));
    await expectDiagnostics(
      document.uri,
      [BROKEN_EN[0]!, BROKEN_EN[1]!, BROKEN_EN[2]!.replace('warning press-contact', 'info press-contact'), BROKEN_EN[3]!],
      15_000,
    );
    await remove(CONFIG);
    await expectDiagnostics(document.uri, BROKEN_EN, 15_000);
  });

  it('applies its schema and ticketPattern (relative to the workspace root) in a trusted workspace', async () => {
    // Its own copy of clean.md: other suites edit (and may save) clean.md, which would move the lines.
    const clean = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('config/ticket-report-base.txt')));
    await writeText(
      TICKET_REPORT,
      clean.replace('  - role: press', '  - role: hotline').replace('It works again.', 'It works again (tickets ACME-1234 and BETA-77).'),
    );
    await writeText(CONFIG, JSON.stringify({ schema: 'config/custom.schema.json', ticketPattern: '\\bACME-\\d+\\b', rules: { 'press-contact': 'info' } }));
    const { document } = await openFile(TICKET_REPORT);
    await expectDiagnostics(
      document.uri,
      [
        '1:1-1:4 error schema `approval` is missing: give who approved the report and when.',
        '23:1-23:9 info press-contact contacts: no press contact; add one with `role: press` so journalists know whom to ask.',
        '36:112-36:121 warning leak-ticket Ticket ID `ACME-1234` in the public text: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.',
      ],
      15_000,
    );
  });

  it('shows what is wrong with an invalid file on the file itself, and ignores the file', async () => {
    const { document } = await openFile('incidents/broken.md');
    await writeText(CONFIG, '{\n  "rules": { "placeholder": "off" },\n  "locale": "fr"\n}\n');
    await expectDiagnostics(fileUri(CONFIG), ['3:13-3:17 error config "locale" must be "de" or "en" (the file is ignored until this is fixed)'], 15_000);
    await expectDiagnostics(document.uri, BROKEN_EN);
    await writeText(CONFIG, '{ "rules": { "placeholder": "off" } }');
    await expectDiagnostics(fileUri(CONFIG), [], 15_000);
    await expectDiagnostics(document.uri, BROKEN_EN.slice(0, 3), 15_000);
  });

  it('refuses a file saved as Latin-1 on the file itself, at the character, as the CLI does (it read U+FFFD silently)', async () => {
    const { document } = await openFile('incidents/broken.md');
    const text = '{\n  "rules": { "placeholder": "off" },\n  "internalDomains": [".kreis-lünen.lokal"]\n}\n';
    await vscode.workspace.fs.writeFile(fileUri(CONFIG), Uint8Array.from(text, (c) => c.charCodeAt(0)) /* Latin-1: every character is below 256 */);
    await expectDiagnostics(
      fileUri(CONFIG),
      ['3:32-3:33 error config not UTF-8 text: the character at line 3, column 32 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8 (the file is ignored until this is fixed)'],
      15_000,
    );
    await expectDiagnostics(document.uri, BROKEN_EN);
    await writeText(CONFIG, text);
    await expectDiagnostics(fileUri(CONFIG), [], 15_000);
    await expectDiagnostics(document.uri, BROKEN_EN.slice(0, 3), 15_000);
  });

  it('says on the file that it cannot be read (a folder in its place) and ignores it, as an invalid file (it was taken as absent without a word)', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    // EISDIR even as root; a file without read permission takes the same way (Node's EACCES, VS Code's NoPermissions).
    await vscode.workspace.fs.createDirectory(fileUri(CONFIG));
    await expectDiagnostics(fileUri(CONFIG), ['1:1-1:1 error config cannot be read: is a directory (the file is ignored until this is fixed)'], 15_000);
    await expectDiagnostics(document.uri, BROKEN_EN);
    await remove(CONFIG);
    await writeText(CONFIG, '{ "rules": { "placeholder": "off" } }');
    await expectDiagnostics(fileUri(CONFIG), [], 15_000);
    await expectDiagnostics(document.uri, BROKEN_EN.slice(0, 3), 15_000);
  });

  it('"ignores": an ignored report loses its diagnostics when the file changes, and Lint All Reports passes it over', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    const unopened = fileUri('archive/unopened.incident.md');
    const before = await vscode.commands.executeCommand<Record<string, number | boolean>>('incidentReport.lintWorkspace');
    assert.deepStrictEqual(described(unopened), [UNOPENED_ERROR]);
    await writeText(CONFIG, JSON.stringify({ ignores: ['incidents/broken.md', 'archive/**'] }));
    await expectDiagnostics(document.uri, [], 15_000);
    await expectDiagnostics(unopened, [], 15_000);
    const after = await vscode.commands.executeCommand<Record<string, number | boolean>>('incidentReport.lintWorkspace');
    assert.deepStrictEqual([after.files, after.reports], [before.files, Number(before.reports) - 2]);
    assert.deepStrictEqual(described(document.uri), []);
    assert.deepStrictEqual(described(unopened), []);
    await remove(CONFIG);
    await expectDiagnostics(document.uri, BROKEN_EN, 15_000);
  });
});
