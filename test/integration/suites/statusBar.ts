/**
 * The status bar item on the active report, read through the extension's exports (VS Code's API
 * cannot read another item's text): counts, "ready for release", hidden elsewhere.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BROKEN_EN } from './diagnostics';
import { activateExtension, closeAllEditors, expectDiagnostics, openFile, replaceText, resetSettings, waitFor, type ExtensionApi } from './util';

describe('status bar', () => {
  let api: ExtensionApi;
  before(async () => {
    api = (await activateExtension()).exports;
    assert.ok(api?.statusBar, 'activate() does not return the status bar state');
    await resetSettings();
  });
  afterEach(closeAllEditors);

  const text = () => api.statusBar.text;

  it('shows error and warning counts of the active report', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    await waitFor('the status bar counts', text, (t) => t === '$(error) 2 $(warning) 2');
    assert.strictEqual(api.statusBar.tooltip, 'Incident report: 2 errors, 2 warnings, 0 notes. Click to open the Problems panel.');
  });

  it('follows edits', async () => {
    const editor = await openFile('incidents/broken.md');
    await waitFor('the status bar counts', text, (t) => t === '$(error) 2 $(warning) 2');
    await replaceText(editor, 'status: closed', 'status: operational');
    await waitFor('one error less', text, (t) => t === '$(error) 1 $(warning) 2');
  });

  it('says "ready for release" on a clean report', async () => {
    await openFile('incidents/clean.md');
    await waitFor('ready for release', text, (t) => t === '$(check) ready for release');
  });

  it('is hidden on ordinary Markdown', async () => {
    await openFile('incidents/broken.md');
    await waitFor('the status bar counts', text, (t) => t === '$(error) 2 $(warning) 2');
    await openFile('notes/meeting.md');
    await waitFor('the item to hide', text, (t) => t === undefined);
  });

  it('opens the Problems panel on click (the command exists)', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.actions.view.problems'));
  });
});
