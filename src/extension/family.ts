import * as vscode from 'vscode';
import { decodeUtf8, familyEntry, FamilyTracker, RELEASES_FOLDER, withoutBom, type LintContext, type LintResult, type ParsedReport } from '../core';
import { fileReason, fileStamp, readBytes } from './files';

/**
 * Incident families in the editor: the core's {@link FamilyTracker} (which parents to load, which
 * members to re-lint; the same in the language server) fed with VS Code's document events and a
 * file watcher (parents changed on disk while closed). VS Code's watcher can miss a change (it
 * starts seconds after the window opens; @parcel/watcher does not watch a folder created inside a
 * folder that was itself just created), so a parent read from disk is also checked against its
 * file's stamp on each lint of its members. Parents are read through `vscode.workspace.fs` (so it works in the web-worker host too, and without
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
      version: (key) => version(vscode.Uri.parse(key)),
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
    // Parents changed on disk outside the editor (git pull, another tool, the CLI): one watcher for
    // all reports; the tracker acts only on documents it has loaded or that a member stands on.
    // An open document is followed through its document events (VS Code reloads it from disk, or
    // its unsaved text stays what members read).
    const watcher = vscode.workspace.createFileSystemWatcher(PARENT_FILES);
    const closed = (uri: vscode.Uri) => !vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => closed(uri) && changed(uri)),
      watcher.onDidCreate((uri) => closed(uri) && changed(uri)),
      watcher.onDidDelete(removed),
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

/** What a report's lint reads besides the report: parents (`.md`, `.markdown`) and release files. */
const PARENT_FILES = `{**/*.md,**/*.markdown,**/${RELEASES_FOLDER}/*/*.json}`;

/**
 * The stamp of a family document's file, `null` for an open editor's text (its document events say
 * when it changes): a parent changed on disk without a file event is read anew on its member's next lint.
 */
async function version(uri: vscode.Uri): Promise<string | null> {
  if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return null;
  return fileStamp(uri);
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
    // Both languages: the finding that names it is worded in the report's locale, as the CLI's.
    return familyEntry(uri.path, null, fileReason(error), label);
  }
}
