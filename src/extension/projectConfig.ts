import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, decodeUtf8, NotUtf8Error, parseProjectConfig, toLocale, UNREADABLE, type Locale, type ProjectConfig } from '../core';
import { DIAGNOSTIC_SOURCE } from './constants';
import { fileReason, readBytes, readBytesNow } from './files';

/** What a workspace folder's `.incident-report.json` gave: its configuration, or nothing when absent or invalid. */
interface FolderConfig {
  config: ProjectConfig;
}

/**
 * Reads the `.incident-report.json` at the root of each workspace folder (`readBytes`: Node's fs
 * for local files in the Node host, else `vscode.workspace.fs`, so it works in the web host and on
 * remote file systems), re-reads it when
 * it changes, and shows what is wrong with it as diagnostics on the file itself (an invalid file, or
 * one that exists but cannot be read, is ignored as a whole). The trust rule is applied by the caller
 * (EngineService).
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly loaded = new Map<string, FolderConfig>();
  private readonly problems = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}.config`);
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  private watchers: vscode.Disposable[] = [];
  /** Settles when every folder's file has been read once (and again after each change). */
  ready: Promise<void>;

  /** Fires after a folder's file was (re-)read. */
  readonly onDidChange = this.changed.event;

  constructor() {
    // Local folders are read at once, so the first lint finds their files; a folder read
    // asynchronously may come after reports were linted (or passed over): re-check them then.
    this.ready = this.reloadAll().then((waited) => {
      if (waited && this.loaded.size > 0) this.changed.fire();
    });
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.ready = this.reloadAll().then(() => this.changed.fire());
      }),
    );
  }

  /** The file's configuration for the folder holding `uri` (empty when there is none, it is invalid or not read yet). */
  get(uri: vscode.Uri | undefined): ProjectConfig {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    return (folder && this.loaded.get(folder.uri.toString())?.config) ?? {};
  }

  /** Reads every folder's file again; `true` when one of them had to be read asynchronously. */
  private async reloadAll(): Promise<boolean> {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    this.loaded.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const folder of folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, CONFIG_FILE_NAME));
      const reload = () => {
        this.ready = this.reload(folder).then(() => this.changed.fire());
      };
      this.watchers.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    }
    const later = folders.filter((folder) => !this.reloadNow(folder));
    await Promise.all(later.map((folder) => this.reload(folder)));
    return later.length > 0;
  }

  /** Reads a folder's file synchronously where that is possible (a local folder in the Node host); `false` otherwise. */
  private reloadNow(folder: vscode.WorkspaceFolder): boolean {
    const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    let bytes: Uint8Array | null;
    try {
      bytes = readBytesNow(file);
    } catch (error) {
      this.unreadable(folder, file, error);
      return true;
    }
    if (bytes === null) return false;
    this.apply(folder, file, bytes);
    return true;
  }

  private async reload(folder: vscode.WorkspaceFolder): Promise<void> {
    const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch (error) {
      this.unreadable(folder, file, error);
      return;
    }
    this.apply(folder, file, bytes);
  }

  /**
   * A folder's file that could not be read: absent (no configuration, nothing to say), or there but
   * unreadable (a folder in its place, no permission), which is said on it as an invalid file's
   * problems are, and the file is ignored until it is fixed. It was taken as absent without a word,
   * so the reports were linted without it and looked clean under the wrong configuration.
   */
  private unreadable(folder: vscode.WorkspaceFolder, file: vscode.Uri, error: unknown): void {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      this.apply(folder, file, null);
      return;
    }
    this.loaded.delete(folder.uri.toString());
    const reason = fileReason(error);
    const text = reason === UNREADABLE ? reason[this.locale()] : vscode.l10n.t('cannot be read: {0}', reason[this.locale()]);
    this.problems.set(file, [configProblem(new vscode.Range(0, 0, 0, 0), text)]);
  }

  /** The language of the file's problems: VS Code's (the file's own `locale` is unknown while it has problems). */
  private locale(): Locale {
    return toLocale(vscode.env.language);
  }

  /** Takes a folder's file (`null`: absent, so the folder has no configuration). */
  private apply(folder: vscode.WorkspaceFolder, file: vscode.Uri, bytes: Uint8Array | null): void {
    const key = folder.uri.toString();
    if (bytes === null) {
      this.loaded.delete(key);
      this.problems.delete(file);
      return;
    }
    let text = '';
    try {
      // Strictly UTF-8, as the CLI and the language server read it: a Latin-1 file gave U+FFFD for
      // every umlaut (an internal domain "kreis-lünen.lokal" silently became another one).
      text = decodeUtf8(bytes);
      this.loaded.set(key, { config: parseProjectConfig(text, vscode.workspace.asRelativePath(file)) });
      this.problems.delete(file);
    } catch (error) {
      this.loaded.delete(key);
      if (error instanceof NotUtf8Error) {
        // Shown where the other problems of the file are, at the character that is not UTF-8.
        // In VS Code's language, as the file's other problems (its own `locale` cannot be read).
        const at = new vscode.Position(error.line - 1, error.column - 1);
        this.problems.set(file, [configProblem(new vscode.Range(at, at.translate(0, 1)), error.text[this.locale()])]);
        return;
      }
      if (!(error instanceof ConfigError)) throw error;
      const locale = this.locale();
      this.problems.set(
        file,
        error.problems.map((problem) =>
          configProblem(new vscode.Range(problem.line - 1, problem.column - 1, problem.line - 1, problem.endColumn - 1), problem.message[locale]),
        ),
      );
    }
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A problem of a `.incident-report.json` as the diagnostic on it that says the file is ignored. */
function configProblem(range: vscode.Range, text: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, vscode.l10n.t('{0} (the file is ignored until this is fixed)', text), vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'config';
  return diagnostic;
}
