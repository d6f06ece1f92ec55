/**
 * The extension under stress: typing fast into a report publishes diagnostics a bounded number of
 * times (debounced, stale runs dropped — not once per keystroke), the result matches the final
 * text, and closing a document while its validation is pending leaves no stale diagnostics.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, described, expectDiagnostics, openFile, ours, sleep, waitFor, type ExtensionApi } from './util';

const REPORT = 'incidents/clean.md';
/** A pause between two edits long enough for the 200 ms debounce to fire (less a margin for the host's timer). */
const PAUSE_MS = 150;

describe('stress', function () {
  this.timeout(60_000);

  let api: ExtensionApi;
  before(async () => {
    api = (await activateExtension()).exports;
  });
  afterEach(async () => {
    await closeAllEditors();
  });

  it('typing fast publishes a bounded number of updates and ends with the final text’s findings', async () => {
    const editor = await openFile(REPORT);
    const uri = editor.document.uri;
    await expectDiagnostics(uri, []);
    let publications = 0;
    // Counted at the extension's own collection: other extensions (Markdown's link checks) publish too.
    const listener = api.onDidPublishDiagnostics((published) => {
      if (published.toString() === uri.toString()) publications++;
    });
    try {
      const titleLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('title:'));
      assert.ok(titleLine >= 0, 'no title line');
      // A publication can only happen in a pause longer than the debounce. On a loaded machine an
      // edit's round trip can itself take that long, so the bound allows one publication per such
      // pause: without the debounce there would be one per edit, whatever the pauses.
      let pauses = 0;
      let last = Date.now();
      for (let i = 0; i < 80; i++) {
        const end = editor.document.lineAt(titleLine).range.end;
        assert.ok(await editor.edit((b) => b.insert(end, i % 10 === 9 ? ' ' : 'x')), `edit ${i} failed`);
        const now = Date.now();
        if (now - last >= PAUSE_MS) pauses++;
        last = now;
      }
      const statusLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('status:'));
      const status = editor.document.lineAt(statusLine).range;
      assert.ok(await editor.edit((b) => b.replace(status, 'status: closedd')));
      await waitFor('the status finding', () => described(uri), (lines) => lines.length === 1 && lines[0]!.includes('`closedd` is not allowed'));
      await sleep(400);
      assert.ok(pauses < 40, `${pauses} of 80 edits took over ${PAUSE_MS} ms: too slow to tell a debounce from none`);
      assert.ok(
        publications <= 4 + pauses,
        `${publications} publications for 81 rapid edits with ${pauses} pauses over ${PAUSE_MS} ms: validation is not debounced`,
      );
      assert.strictEqual(ours(uri).length, 1);
    } finally {
      listener.dispose();
    }
  });

  it('closing a document while its validation is pending leaves no stale diagnostics', async () => {
    const editor = await openFile(REPORT);
    const uri = editor.document.uri;
    await expectDiagnostics(uri, []);
    const statusLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('status:'));
    assert.ok(await editor.edit((b) => b.replace(editor.document.lineAt(statusLine).range, 'status: closedd')));
    // Close (discarding the edit) before the 200 ms debounce has fired.
    await closeAllEditors();
    await sleep(800);
    assert.deepStrictEqual(described(uri), []);
  });
});
