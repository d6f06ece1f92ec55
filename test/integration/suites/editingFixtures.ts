/**
 * Fixture reports of the editing suites (code actions, completion, hover, snippets). They live in
 * the test workspace as `editing/<name>.md.txt` — not `.md`, so the platform suites' workspace-wide
 * counts never see them — and are copied to `editing/<name>.md` while a suite runs, then removed.
 * Only the VS Code API is used: this runs in the Node and in the web-worker extension host.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fileUri, ours, waitFor } from './util';

const created = new Set<string>();

/** Copies `editing/<name>.md.txt` to `editing/<name>.md` (byte for byte) and returns the copy's URI. */
export async function useFixture(name: string): Promise<vscode.Uri> {
  const target = fileUri(`editing/${name}.md`);
  await vscode.workspace.fs.copy(fileUri(`editing/${name}.md.txt`), target, { overwrite: true });
  created.add(target.toString());
  return target;
}

/** The fixture's text as VS Code's `getText()` gives it (UTF-8, BOM dropped). */
export async function fixtureText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(`editing/${name}.md.txt`)));
}

/** Deletes every copy made by {@link useFixture}. */
export async function removeFixtures(): Promise<void> {
  for (const key of created) {
    try {
      await vscode.workspace.fs.delete(vscode.Uri.parse(key));
    } catch {
      // already gone
    }
  }
  created.clear();
}

/** Opens a fixture copy in an editor and waits until its diagnostics are published. */
export async function openFixture(name: string, diagnosticCount: number): Promise<vscode.TextEditor> {
  const uri = await useFixture(name);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor(`${diagnosticCount} diagnostics on ${name}`, () => ours(uri).length, (n) => n === diagnosticCount);
  return editor;
}

/** Position of the first occurrence of `search` (after `after`, if given) plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, search: string, delta = 0, after?: string): vscode.Position {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from !== -1, `"${after}" not found`);
  const offset = text.indexOf(search, from);
  assert.ok(offset !== -1, `"${search}" not found in ${document.uri.toString()}`);
  return document.positionAt(offset + delta);
}

/** A completion item's label as a plain string. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text of markdown content without bold markers and escapes (`\-`, `&nbsp;`), so assertions read like the schema. */
export function plain(content: vscode.MarkdownString | vscode.MarkedString): string {
  const value = typeof content === 'string' ? content : content.value;
  return value
    .replace(/&nbsp;/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>&])/g, '$1');
}
