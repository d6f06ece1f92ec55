/**
 * The contributed snippets (snippets/incident-report.code-snippets for Markdown), inserted by name
 * with `editor.action.insertSnippet` as VS Code resolves them: a new report in each language
 * becomes a report whose only diagnostics are its fill-ins; the building blocks expand exactly.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DATA_LOSS_TEMPLATES } from '../../../src/core/templates/dataLoss';
import { activateExtension, closeAllEditors, ours, resetSettings, waitFor } from './util';
import { labelOf } from './editingFixtures';

const NOW = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}/;

/** A new, empty Markdown editor with the named snippet inserted. */
async function insertSnippet(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  await waitFor(`the snippet "${name}"`, () => document.getText(), (text) => text.length > 0);
  return editor;
}

describe('snippets', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);

  for (const [name, lang, email] of [
    ['Incident report (German)', 'de', '<E-Mail-Adresse>'],
    ['Incident report (English)', 'en', '<e-mail address>'],
  ] as const) {
    it(`"${name}" creates a report whose only problems are its fill-ins`, async () => {
      const { document } = await insertSnippet(name);
      const text = document.getText();
      assert.ok(text.startsWith('---\nschema: incident-report/v1\nid: '), text);
      assert.match(text, new RegExp(`\\nlang: ${lang}\\n`));
      for (const key of ['started_at', 'detected_at', 'published_at']) {
        assert.match(text, new RegExp(`\\n  ${key}: ${NOW.source}\\n`), `${key} is not the current time`);
      }
      assert.ok(text.includes(`  statement: ${DATA_LOSS_TEMPLATES[3]!.statement[lang]}\n`));
      // Diagnostics: the `<…>` fill-ins as warnings, and the e-mail fill-in is no address yet.
      const diagnostics = await waitFor(
        'the snippet report to be validated',
        () => ours(document.uri),
        (found) => found.length >= 8,
      );
      // A fresh report does not know yet whether personal data is affected: gdpr-notification
      // suggests a precautionary notification (a note, not a problem); and the major incident has
      // no `nis2` block yet, so nis2-reporting asks whether NIS2 applies.
      const problems = diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Information);
      const notPlaceholders = problems.filter((d) => (d.code as { value: string }).value !== 'placeholder').map((d) => d.message);
      assert.deepStrictEqual(notPlaceholders, [`contacts[0].email: \`${email}\` is not a valid e-mail address.`]);
      const notes = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Information).map((d) => (d.code as { value: string }).value);
      assert.deepStrictEqual(notes, ['nis2-reporting', 'gdpr-notification']);
      assert.ok(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length >= 8);
    });
  }

  for (const template of DATA_LOSS_TEMPLATES) {
    for (const [language, lang] of [['German', 'de'], ['English', 'en']] as const) {
      it(`"Data loss: ${template.label.en} (${language})" expands to the data_loss block`, async () => {
        const { document } = await insertSnippet(`Data loss: ${template.label.en} (${language})`);
        assert.strictEqual(
          document.getText(),
          'data_loss:\n' +
            `  occurred: ${template.occurred}\n` +
            `  exfiltration: ${template.exfiltration}\n` +
            `  personal_data: ${template.personal_data}\n` +
            `  statement: ${template.statement[lang]}`,
        );
      });
    }
  }

  it('"Incident update entry" is stamped with the current time', async () => {
    const { document } = await insertSnippet('Incident update entry');
    assert.match(document.getText(), new RegExp(`^- at: ${NOW.source}\\n  text: <…>$`));
  });

  it('"Affected service" and the press contacts expand to list items', async () => {
    assert.strictEqual((await insertSnippet('Affected service')).document.getText(), '- name: <…>\n  status: major_outage\n  workaround: <…>');
    assert.strictEqual(
      (await insertSnippet('Press contact (German)')).document.getText(),
      '- role: press\n  name: <Pressestelle>\n  phone: <Telefonnummer>\n  email: <E-Mail-Adresse>\n  hours: <Mo–Fr 8–16 Uhr>',
    );
    assert.strictEqual(
      (await insertSnippet('Press contact (English)')).document.getText(),
      '- role: press\n  name: <Press office>\n  phone: <Phone number>\n  email: <e-mail address>\n  hours: <Mon–Fri 8 am to 4 pm>',
    );
  });

  it('are offered by completion in Markdown under their prefixes', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'incident' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 8));
    const snippets = (list?.items ?? []).filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const prefix of ['incident-report-de', 'incident-report-en', 'incident-update', 'incident-data-loss-none-de']) {
      assert.ok(snippets.includes(prefix), `"${prefix}" not offered: [${snippets.join(', ')}]`);
    }
  });
});
