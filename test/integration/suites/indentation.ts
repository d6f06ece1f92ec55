/**
 * Enter in a report's frontmatter continues the YAML structure (src/extension/indentation.ts),
 * typed as a user types it (the `type` command), while Markdown lists elsewhere keep VS Code's
 * own behaviour.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, sleep, waitFor } from './util';

const REPORT = [
  '---',
  'schema: incident-report/v1',
  'id: enter-test',
  'affected_services:',
  '  - name: Standesamt',
  'timestamps:',
  '---',
  '',
  '# Notizen',
  '',
  '- name: kein YAML',
  '  - name: auch kein YAML',
  '',
].join('\n');

/** Opens `content` as an untitled Markdown document. */
async function open(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

/**
 * Puts the cursor at the end of the first line equal to `lineText` and presses Enter (the `type`
 * command, as a key press does); returns the new line's indentation once it equals `expected`, or
 * whatever it is after 10 s. Until the frontmatter's YAML has been tokenized (asynchronously, after
 * the document opens) VS Code may not consult the language's onEnter rules yet: a wrong result is
 * undone and Enter pressed again, as a user would.
 */
async function enterAfter(editor: vscode.TextEditor, lineText: string, expected: string): Promise<string> {
  const document = editor.document;
  const line = document.getText().split('\n').indexOf(lineText);
  assert.ok(line > 0, `"${lineText}" not found`);
  const end = new vscode.Position(line, lineText.length);
  const deadline = Date.now() + 10_000;
  for (;;) {
    // The extension reacts to the cursor arriving on the line, as when a user clicks into it.
    editor.selection = new vscode.Selection(end.translate(0, -1), end.translate(0, -1));
    editor.selection = new vscode.Selection(end, end);
    await waitFor('the cursor', () => editor.selection.active, (active) => active.isEqual(end));
    const lines = document.lineCount;
    await vscode.commands.executeCommand('type', { text: '\n' });
    await waitFor('the new line', () => document.lineCount, (count) => count === lines + 1);
    const indentation = document.lineAt(line + 1).text;
    if (indentation === expected || Date.now() > deadline) return indentation;
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => document.lineCount, (count) => count === lines);
    await sleep(200);
  }
}

/** Types `text` at the cursor. */
async function type(editor: vscode.TextEditor, text: string): Promise<void> {
  const line = editor.selection.active.line;
  await vscode.commands.executeCommand('type', { text });
  await waitFor('the typed text', () => editor.document.lineAt(line).text, (current) => current.endsWith(text));
}

describe('Enter in report frontmatter', function () {
  // Retried Enters (see enterAfter) take a while on a loaded machine.
  this.timeout(60_000);
  before(activateExtension);
  afterEach(closeAllEditors);

  it('leaves Markdown lists in the body of the same report alone', async () => {
    const editor = await open(REPORT);
    // First in the frontmatter (the rules are on), then in the body (they must be off again).
    assert.strictEqual(await enterAfter(editor, '  - name: Standesamt', '    '), '    ');
    assert.strictEqual(await enterAfter(editor, '- name: kein YAML', ''), '');
    assert.strictEqual(await enterAfter(editor, '  - name: auch kein YAML', '  '), '  ');
  });

  it('continues a list item aligned with its first key', async () => {
    const editor = await open(REPORT);
    assert.strictEqual(await enterAfter(editor, '  - name: Standesamt', '    '), '    ');
    await type(editor, 'status: major_outage');
    // Still inside the item: the next Enter keeps its indentation.
    assert.strictEqual(await enterAfter(editor, '    status: major_outage', '    '), '    ');
    await type(editor, 'workaround: keiner');
    assert.ok(editor.document.getText().includes('  - name: Standesamt\n    status: major_outage\n    workaround: keiner\ntimestamps:\n'));
  });

  it('indents the first key of a nested mapping', async () => {
    const editor = await open(REPORT);
    assert.strictEqual(await enterAfter(editor, 'timestamps:', '  '), '  ');
  });

  it('leaves Markdown files that are no report alone', async () => {
    const editor = await open('# Notizen\n\n- name: Liste\ntimestamps:\n');
    assert.strictEqual(await enterAfter(editor, '- name: Liste', ''), '');
    assert.strictEqual(await enterAfter(editor, 'timestamps:', ''), '');
  });
});
