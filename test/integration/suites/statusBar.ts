/**
 * The status bar item on the active report, read through the extension's exports (VS Code's API
 * cannot read another item's text): the publish verdict ("ready to publish" / "3 blocking"), not
 * the error and warning counts VS Code's own Problems indicator shows; hidden elsewhere.
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

  it('shows the publish verdict of the active report: what blocks it (errors and the placeholder), not the counts', async () => {
    const { document } = await openFile('incidents/broken.md');
    await expectDiagnostics(document.uri, BROKEN_EN);
    // 2 errors and 2 warnings: the errors and the TODO placeholder block, the missing press contact does not.
    await waitFor('the verdict', text, (t) => t === '$(circle-slash) 3 blocking');
    assert.strictEqual(
      api.statusBar.tooltip,
      'Incident report: not ready to publish. Findings that block it: 3 (errors, and placeholders, which are never published); an export is marked as a draft.\nClick to open the Problems panel.',
    );
  });

  it('follows edits', async () => {
    const editor = await openFile('incidents/broken.md');
    await waitFor('the verdict', text, (t) => t === '$(circle-slash) 3 blocking');
    await replaceText(editor, 'status: closed', 'status: operational');
    await waitFor('one blocking finding less', text, (t) => t === '$(circle-slash) 2 blocking');
  });

  it('says "ready to publish" on a clean report', async () => {
    await openFile('incidents/clean.md');
    await waitFor('ready to publish', text, (t) => t === '$(check) ready to publish');
    assert.strictEqual(api.statusBar.tooltip, 'Incident report: ready to publish. Nothing blocks the release, the status page, the feed or the posts.\nClick to open the Problems panel.');
  });

  it('names the next reporting deadline in its tooltip (the deadline clock beside it counts it down)', async () => {
    const editor = await openFile('incidents/clean.md');
    await waitFor('ready to publish', text, (t) => t === '$(check) ready to publish');
    await vscode.commands.executeCommand('incidentReport._setClock', '2024-06-01T12:00:00+02:00');
    try {
      // Personal data affected: the GDPR notification is due 72 hours after detection.
      await replaceText(editor, '  personal_data: no', '  personal_data: yes');
      // The same deadline the clock item beside it shows ("$(clock) GDPR notification: …").
      await waitFor(
        'the clock\'s deadline in the tooltip',
        () => [api.statusBar.tooltip?.split('\n').at(-2), api.deadlineClock.text] as const,
        ([line, clock]) => clock !== undefined && line === `Next reporting deadline: ${clock.replace(/^\$\([a-z-]+\) /, '')}` && clock.includes('GDPR notification: '),
      );
    } finally {
      await vscode.commands.executeCommand('incidentReport._setClock', undefined);
    }
  });

  it('is hidden on ordinary Markdown', async () => {
    await openFile('incidents/broken.md');
    await waitFor('the verdict', text, (t) => t === '$(circle-slash) 3 blocking');
    await openFile('notes/meeting.md');
    await waitFor('the item to hide', text, (t) => t === undefined);
  });

  it('opens the Problems panel on click (the command exists)', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.actions.view.problems'));
  });
});
