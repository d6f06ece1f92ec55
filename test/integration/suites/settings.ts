/**
 * Settings take effect without a reload: message language, per-rule severity and `off`, a custom
 * schema (and edits to its file), and typing-time validation.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BROKEN_EN } from './diagnostics';
import {
  activateExtension,
  closeAllEditors,
  described,
  expectDiagnostics,
  fileUri,
  openFile,
  replaceText,
  resetSettings,
  setSetting,
  sleep,
  waitFor,
} from './util';

export const BROKEN_DE = [
  '12:13-12:19 error schema affected_services[0].status: `closed` ist nicht erlaubt; zulässig sind `operational`, `degraded_performance`, `partial_outage`, `major_outage` oder `under_maintenance`.',
  '15:16-15:35 error timestamp-timezone timestamps.detected_at: `2024-05-02T08:30:00` fehlt der Zeitzonen-Versatz; `2024-05-02T08:30:00+02:00` schreiben (Europe/Berlin).',
  '22:1-22:9 warning press-contact contacts: kein Pressekontakt; einen Kontakt mit `role: press` ergänzen, damit die Presse weiß, wen sie fragen kann.',
  '34:58-34:62 warning placeholder Platzhalter `TODO` im öffentlichen Text: Vor der Veröffentlichung ausfüllen.',
];

/**
 * Saves a document. Under heavy load VS Code occasionally reports a save as failed (a save racing
 * its own file watcher); one retry tells that apart from a save that really cannot happen.
 */
async function save(document: vscode.TextDocument): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await document.save()) return;
    if (!document.isDirty) return;
    if (attempt === 2) assert.fail(`saving ${document.uri.toString()} failed twice`);
    await sleep(500);
  }
}

describe('settings', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
  });

  it('incidentReport.locale switches the message language', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await setSetting('locale', 'de');
    await expectDiagnostics(document.uri, BROKEN_DE);
    await setSetting('locale', 'en');
    await expectDiagnostics(document.uri, BROKEN_EN);
  });

  it('incidentReport.timeZone: an unknown zone is not used; a warning names the setting, the closest zone and the zone used meanwhile, and its button writes the closest zone', async () => {
    const extension = await activateExtension();
    const told = () => extension.exports.settingWarnings.shown;
    const before = told().length;
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await setSetting('timeZone', 'Europe/Berl');
    const shown = await waitFor('the time-zone warning', () => told().slice(before), (warnings) => warnings.length > 0);
    const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.deepStrictEqual(shown, [
      `Incident Report: the setting incidentReport.timeZone is "Europe/Berl", which is no IANA time zone this runtime knows. Did you mean Europe/Berlin? Until it is changed, ${system} is used.`,
    ]);
    // Linting goes on, with the zone used meanwhile.
    await expectDiagnostics(document.uri, BROKEN_EN);
    // The warning's button writes the closest zone where the setting is set (here: the workspace).
    await vscode.commands.executeCommand('incidentReport._useTimeZone', 'Europe/Berlin', fileUri('incidents/broken.md').toString());
    assert.strictEqual(vscode.workspace.getConfiguration('incidentReport').inspect('timeZone')?.workspaceValue, 'Europe/Berlin');
    // A known zone in the wrong case is used as the IANA database writes it, and said so once.
    await setSetting('timeZone', 'europe/berlin');
    await waitFor('the spelling warning', () => told().length, (n) => n === before + 2);
    assert.strictEqual(told()[before + 1], 'Incident Report: the setting incidentReport.timeZone is "europe/berlin", which the IANA time zone database writes as Europe/Berlin; Europe/Berlin is used.');
    await setSetting('timeZone', 'Europe/Berlin');
    await expectDiagnostics(document.uri, BROKEN_EN);
    assert.strictEqual(told().length, before + 2, 'a known zone is not warned about');
  });

  it('incidentReport.rules turns a rule off and changes a severity', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await setSetting('rules', { placeholder: 'off', 'press-contact': 'info' });
    await expectDiagnostics(document.uri, [
      BROKEN_EN[0]!,
      BROKEN_EN[1]!,
      '22:1-22:9 info press-contact contacts: no press contact; add one with `role: press` so journalists know whom to ask.',
    ]);
    await setSetting('rules', undefined);
    await expectDiagnostics(document.uri, BROKEN_EN);
  });

  it('incidentReport.maxSize (declared by the size-limit rule) refuses to check a larger document with one error', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await setSetting('maxSize', 100);
    await expectDiagnostics(document.uri, [
      `1:1-1:4 error size-limit This document has ${document.getText().length} characters, more than the limit of 100: it was not checked, so nothing in it may be published. Split it, or raise the limit (CLI \`--max-size\`, setting \`incidentReport.maxSize\`).`,
    ]);
    await setSetting('maxSize', undefined);
    await expectDiagnostics(document.uri, BROKEN_EN);
  });

  it('incidentReport.schema replaces the bundled schema, and edits to it apply at once', async () => {
    const schemaUri = fileUri('config/custom.schema.json');
    const original = await vscode.workspace.fs.readFile(schemaUri);
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    try {
      await setSetting('schema', 'config/custom.schema.json');
      await expectDiagnostics(document.uri, ['1:1-1:4 error schema `approval` is missing: give who approved the report and when.', ...BROKEN_EN]);
      // The schema file is watched: a change on disk re-validates without touching the setting.
      const changed = new TextDecoder().decode(original).replace('"required": ["approval"]', '"required": ["incident_type"]');
      await vscode.workspace.fs.writeFile(schemaUri, new TextEncoder().encode(changed));
      await expectDiagnostics(document.uri, ['1:1-1:4 error schema `incident_type` is missing: choose the kind of incident, or unknown.', ...BROKEN_EN], 15_000);
    } finally {
      await vscode.workspace.fs.writeFile(schemaUri, original);
    }
    await setSetting('schema', undefined);
    await expectDiagnostics(document.uri, BROKEN_EN);
  });

  it('incidentReport.validate.onType off validates on save only', async () => {
    const fixture = fileUri('incidents/broken.md');
    const original = await vscode.workspace.fs.readFile(fixture);
    await setSetting('validate.onType', false);
    try {
      const editor = await openFile('incidents/broken.md');
      const uri = editor.document.uri;
      await expectDiagnostics(uri, BROKEN_EN);
      await replaceText(editor, 'status: closed', 'status: operational');
      // Well past the 200 ms debounce: typing alone must not have re-validated.
      await sleep(800);
      assert.deepStrictEqual(described(uri), BROKEN_EN);
      await save(editor.document);
      await expectDiagnostics(uri, BROKEN_EN.slice(1));
    } finally {
      // The other suites need the fixture as it was, whatever happened above.
      await closeAllEditors();
      await vscode.workspace.fs.writeFile(fixture, original);
    }
  });
});
