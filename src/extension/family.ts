import * as vscode from 'vscode';
import { decodeUtf8, familyEntry, FamilyTracker, NotUtf8Error, withoutBom, type LintContext, type LintResult, type ParsedReport } from '../core';
import { readBytes } from './files';

/**
 * Incident families in the editor: the core's {@link FamilyTracker} (which parents to load, which
 * members to re-lint; the same in the language server) fed with VS Code's document events. Parents
 * are read through `vscode.workspace.fs` (so it works in the web-worker host too, and without
 * opening the parent in an editor), an open editor's text before the file's.
 *
 * Keys are URI strings; a path becomes a URI again with the member's scheme and authority.
 */
export class FamilyService implements vscode.Disposable {
  private readonly changedFamily = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changedFamily];
  private readonly tracker = new FamilyTracker(
    {
      path: (key) => vscode.Uri.parse(key).path,
      withPath: (key, path) => vscode.Uri.parse(key).with({ path, query: '', fragment: '' }).toString(),
      label: (key) => vscode.workspace.asRelativePath(vscode.Uri.parse(key), false),
      read: (key) => read(vscode.Uri.parse(key)),
    },
    (keys) => this.changedFamily.fire(keys.map((key) => vscode.Uri.parse(key))),
  );

  /** Fires with the URIs of reports whose family changed: lint them again. */
  readonly onDidChangeFamily = this.changedFamily.event;

  constructor() {
    const changed = (uri: vscode.Uri) => this.tracker.changed(uri.toString());
    const removed = (uri: vscode.Uri) => this.tracker.removed(uri.toString());
    this.disposables.push(
      // Members read it from disk so far; the editor's text (a restored unsaved buffer, a file
      // changed on disk since) may differ. As in the language server.
      vscode.workspace.onDidOpenTextDocument((document) => changed(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && changed(event.document.uri)),
      vscode.workspace.onDidSaveTextDocument((document) => changed(document.uri)),
      // An editor closed with unsaved changes: the file on disk is the parent again.
      vscode.workspace.onDidCloseTextDocument((document) => changed(document.uri)),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(changed)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(removed)),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => {
          removed(oldUri);
          changed(newUri);
        }),
      ),
    );
  }

  /** The lint context of `uri`: its parent chain loaded now (each file read once until it changes). */
  load(uri: vscode.Uri, input: string | ParsedReport): Promise<LintContext> {
    return this.tracker.load(uri.toString(), input);
  }

  /** The lint context of `uri` from what is loaded already (for synchronous callers). */
  contextNow(uri: vscode.Uri): LintContext {
    return this.tracker.contextNow(uri.toString());
  }

  /** How often the family of `uri` changed (part of the engine's cache key). */
  stamp(uri: vscode.Uri): number {
    return this.tracker.stamp(uri.toString());
  }

  /** A file changed outside the editor's events (a release file the extension wrote): read it anew, re-lint what stands on it. */
  changed(uri: vscode.Uri): void {
    this.tracker.changed(uri.toString());
  }

  /** Remembers a lint result (membership of a parent; a changed one re-lints the parent). */
  record(uri: vscode.Uri, result: LintResult): void {
    this.tracker.record(uri.toString(), result);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A family document: the open editor's text, else the file's. */
async function read(uri: vscode.Uri): Promise<ReturnType<typeof familyEntry>> {
  const key = uri.toString();
  const label = vscode.workspace.asRelativePath(uri, false);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  if (open) return familyEntry(uri.path, open.getText(), null, label);
  try {
    // Strictly UTF-8, with the CLI's and the language server's words for a file that is not (a
    // Latin-1 parent got U+FFFD for every umlaut here); the BOM dropped, as TextDocument.getText() does.
    return familyEntry(uri.path, withoutBom(decodeUtf8(await readBytes(uri))).text, null, label);
  } catch (error) {
    if (error instanceof NotUtf8Error) return familyEntry(uri.path, null, error.message, label);
    return familyEntry(uri.path, null, error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'no such file' : vscode.l10n.t('the file cannot be read'), label);
  }
}
