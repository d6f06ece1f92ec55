/**
 * Helpers shared by the integration suites. They talk to VS Code only through its public API, in
 * both extension hosts (Node and web worker): no Node built-ins here.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { testEnv } from '../runner';

/** publisher.name of the extension under test. */
export const EXTENSION_ID = testEnv('EXT_TEST_EXTENSION_ID') ?? 'incident-report.incident-report';

/** The `source` of every diagnostic the extension publishes. */
export const SOURCE = 'incident-report';

/** What `activate` returns (see src/extension/extension.ts). */
export interface ExtensionApi {
  readonly statusBar: { readonly text: string | undefined; readonly tooltip: string | undefined };
  readonly deadlineClock: {
    readonly text: string | undefined;
    readonly tooltip: string | undefined;
    readonly level: 'none' | 'warning' | 'error' | undefined;
    readonly pointer: string | undefined;
    refresh(): void;
  };
  /** Fires each time the extension publishes (or clears) the diagnostics of a URI. */
  readonly onDidPublishDiagnostics: vscode.Event<vscode.Uri>;
  /** Warnings about settings the extension cannot use (an unknown `incidentReport.timeZone`). */
  readonly settingWarnings: { readonly shown: readonly string[] };
}

/** Activates the extension under test and returns it with its exports. */
export async function activateExtension(): Promise<vscode.Extension<ExtensionApi>> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

/** The test workspace folder (a fresh copy of test/integration/workspace per run). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/integration/workspace)');
  return folder;
}

/** URI of a workspace-relative path. */
export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** The extension's diagnostics for `uri` (other extensions' are ignored). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;

/**
 * A diagnostic as one comparable line: `12:13-12:19 error schema message` with 1-based lines and
 * columns, so an expectation reads like the CLI's output and a mismatch shows every field.
 */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  const code = typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY_NAMES[d.severity]} ${code} ${d.message}`;
}

/** `describeDiagnostic` of every diagnostic of ours on `uri`. */
export function described(uri: vscode.Uri): string[] {
  return ours(uri).map(describeDiagnostic);
}

/**
 * Polls `probe` until it returns a value `accept` likes, or fails after `timeoutMs` with the last
 * value in the message: asynchronous effects (debounced validation, settings) are awaited without
 * guessing a fixed sleep.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last, null, 2)}`);
    }
    await sleep(50);
    last = await probe();
  }
  return last;
}

/** Waits until the described diagnostics of `uri` equal `expected` exactly (order included), then asserts it. */
export async function expectDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs = 10_000): Promise<void> {
  const same = (actual: string[]) => actual.length === expected.length && actual.every((line, i) => line === expected[i]);
  const actual = await waitFor(`diagnostics of ${vscode.workspace.asRelativePath(uri)}`, () => described(uri), same, timeoutMs).catch(() => described(uri));
  assert.deepStrictEqual(actual, expected);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Opens a workspace file in an editor the way the UI does (`vscode.open`). A document opened with
 * `workspace.openTextDocument` instead stays referenced by the extension host for minutes after
 * its editor closes, so closing would not close the document.
 */
export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const uri = fileUri(relative);
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document.uri.toString() === uri.toString(), `${relative} did not open in an editor`);
  return editor;
}

/** True while a document for `uri` is open in the extension host. */
export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/** Discards unsaved changes of every editor and closes them all (tests stay independent). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the first occurrence of `search` in the editor's document. */
export async function replaceText(editor: vscode.TextEditor, search: string, replacement: string): Promise<void> {
  const document = editor.document;
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found in ${document.uri.toString()}`);
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length));
  assert.ok(await editor.edit((builder) => builder.replace(range, replacement)), 'the edit was not applied');
}

/** Sets an `incidentReport.*` setting in the workspace (`undefined` removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('incidentReport').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Removes every `incidentReport.*` workspace setting the suites use. */
export async function resetSettings(): Promise<void> {
  for (const key of ['locale', 'rules', 'validate.onType', 'timeZone', 'files', 'schema', 'maxSize']) {
    if (vscode.workspace.getConfiguration('incidentReport').inspect(key)?.workspaceValue !== undefined) await setSetting(key, undefined);
  }
}

/**
 * Creates the workspace folder `relative` (and the folders above it) so that VS Code's file watcher
 * reports changes inside it, and waits until it does: a change made through `workspace.fs` (as by
 * `git pull`) is only reported by VS Code's recursive workspace watcher (@parcel/watcher, inotify on
 * Linux), and that watcher
 * - starts only after the workbench restored its editors, seconds after the tests began: changes
 *   before that are never reported;
 * - watches a folder created while it runs only when it saw the folder's creation: a folder created
 *   inside another one that was itself created a moment before (`mkdir -p`) is never watched, and
 *   changes inside it are never reported (parcel adds no watch for subfolders it did not see created).
 * So each level is created only once the level above is proven watched, and a level is proven watched
 * by an event for a probe file written into it (rewritten until one arrives, up to `timeoutMs`).
 */
export async function watchedFolder(relative: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const levels = relative.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  for (const level of levels) {
    await vscode.workspace.fs.createDirectory(fileUri(level));
    const probe = fileUri(`${level}/.watch-probe.txt`);
    // A glob string, as the extension's watcher: served by the workspace watcher alone (a
    // RelativePattern would get a watcher of its own, which proves nothing about the workspace's).
    const watcher = vscode.workspace.createFileSystemWatcher('**/.watch-probe.txt');
    let seen = false;
    const see = (uri: vscode.Uri) => (seen ||= uri.toString() === probe.toString());
    watcher.onDidCreate(see);
    watcher.onDidChange(see);
    try {
      for (let attempt = 0; !seen; attempt++) {
        if (Date.now() > deadline) assert.fail(`VS Code's file watcher reported no change in ${level} within ${timeoutMs} ms`);
        await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode(`probe ${attempt}\n`));
        const until = Date.now() + 1_000;
        while (!seen && Date.now() < until) await sleep(50);
      }
    } finally {
      watcher.dispose();
      await vscode.workspace.fs.delete(probe);
    }
  }
}
