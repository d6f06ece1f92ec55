import * as vscode from 'vscode';
import { IO_REASONS, NotUtf8Error, UNREADABLE, type Localized } from '../core';

/** VS Code's file system errors by the Node error code that says the same (see {@link IO_REASONS}). */
const NODE_CODES: Readonly<Record<string, string>> = {
  FileNotFound: 'ENOENT',
  NoPermissions: 'EACCES',
  FileIsADirectory: 'EISDIR',
  FileNotADirectory: 'ENOTDIR',
};

/**
 * Why a file could not be read, in both languages and in the CLI's words: a file that is not UTF-8
 * says where and what to do, a known error of VS Code's file systems (or of Node's fs, which
 * {@link readBytes} uses) its reason; anything else is `otherwise` (VS Code's own text is English
 * and names the path again).
 */
export function fileReason(error: unknown, otherwise: Localized = UNREADABLE): Localized {
  if (error instanceof NotUtf8Error) return error.text;
  const code = error instanceof vscode.FileSystemError ? NODE_CODES[error.code] : (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' ? IO_REASONS[code] : undefined) ?? otherwise;
}

/** True when something exists at `uri` (any file system VS Code knows, local or remote). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `true` in the Node extension host's bundle, `false` in the web worker's (a define of scripts/build.mjs). */
declare const __NODE_EXTENSION_HOST__: boolean;

/**
 * The bytes of a file the engine needs before its first lint (a parent report, the project
 * configuration). In the Node extension host a `file:` URI is read with Node's fs, as VS Code's own
 * disk provider would: `workspace.fs.readFile` travels through the window there, and while the
 * window is busy opening an editor it took 200–2,600 ms for a 7 KB file in the VS Code server of
 * bench/vscode (Node's fs: 5 ms), which made the first diagnostic of a session wait. The web worker
 * host and other schemes (remote, virtual file systems) use `workspace.fs`.
 */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  // The define makes this branch dead code in the web bundle, so esbuild leaves `node:fs` out of it.
  if (__NODE_EXTENSION_HOST__) {
    if (uri.scheme === 'file') {
      const { readFile } = await import('node:fs/promises');
      try {
        return await readFile(uri.fsPath);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        // The same error the caller gets from workspace.fs for a missing file.
        if (code === 'ENOENT' || code === 'ENOTDIR') throw vscode.FileSystemError.FileNotFound(uri);
        throw error;
      }
    }
  }
  return vscode.workspace.fs.readFile(uri);
}

/**
 * A stamp of a file as it is now (its times and size; `missing` when there is none), `null` when it
 * cannot be had: two stamps differ when the file changed between them. Stat like {@link readBytes}
 * reads (Node's fs for a `file:` URI in the Node extension host): it runs on every lint of a
 * report with a parent.
 */
export async function fileStamp(uri: vscode.Uri): Promise<string | null> {
  if (__NODE_EXTENSION_HOST__) {
    if (uri.scheme === 'file') {
      const { stat } = await import('node:fs/promises');
      try {
        const info = await stat(uri.fsPath);
        return `${info.isDirectory() ? 'folder' : 'file'}:${info.mtimeMs}:${info.ctimeMs}:${info.size}`;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : null;
      }
    }
  }
  try {
    const info = await vscode.workspace.fs.stat(uri);
    return `${info.type === vscode.FileType.Directory ? 'folder' : 'file'}:${info.mtime}:${info.ctime}:${info.size}`;
  } catch (error) {
    return error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'missing' : null;
  }
}

/**
 * The bytes of a local file read at once in the Node extension host (Node's `readFileSync`), or
 * `null` where only {@link readBytes} can read it (the web worker host, remote and virtual file
 * systems). For the small project configuration at activation: an asynchronous read hands the
 * extension host's thread to the other extensions activating on the same event, and the first
 * lint waited for them (about 150 ms of the first diagnostic in bench/vscode on a loaded machine).
 * @throws the `FileNotFound` error `readBytes` throws for a missing file
 */
export function readBytesNow(uri: vscode.Uri): Uint8Array | null {
  if (__NODE_EXTENSION_HOST__ && uri.scheme === 'file') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sync read the web bundle never reaches
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    try {
      return readFileSync(uri.fsPath);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw vscode.FileSystemError.FileNotFound(uri);
      throw error;
    }
  }
  return null;
}
