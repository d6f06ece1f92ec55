/**
 * Restricted mode: the workspace (test/integration/workspace-restricted) is opened by a VS Code
 * server started WITH workspace trust, so it is not trusted. Its `.incident-report.json` names a
 * custom schema and a ticket pattern, and its `.vscode/settings.json` another ticket pattern; all
 * three run workspace-chosen code (Ajv compiles the schema, the pattern is a regular expression),
 * so all three are ignored, while the file's harmless `rules` still apply. In a trusted workspace
 * the same file's schema and pattern do apply (suites/projectConfig.ts, and the CLI run below).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, expectDiagnostics, fileUri, openFile } from '../suites/util';

describe('restricted mode (untrusted workspace)', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('runs in an untrusted workspace', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the server must be started with workspace trust (--workspace-trust)');
  });

  it('ignores the schema and ticketPattern of .incident-report.json and of the settings, and applies its rules', async () => {
    const { document } = await openFile('incidents/ticket.md');
    // Trusted, the same report gets `approval` missing (custom schema) and leak-ticket for ACME-1234
    // (file) or BETA-77 (setting): see suites/projectConfig.ts.
    await expectDiagnostics(document.uri, ['23:1-23:9 info press-contact contacts: no press contact; add one with `role: press` so journalists know whom to ask.']);
    const settings = vscode.workspace.getConfiguration('incidentReport', document.uri);
    assert.strictEqual(settings.get('ticketPattern'), '', 'VS Code itself hides the restricted workspace setting');
    assert.ok((await vscode.workspace.fs.stat(fileUri('.incident-report.json'))).size > 0);
  });
});
