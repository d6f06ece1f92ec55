import * as vscode from 'vscode';

/** True when something exists at `uri` (any file system VS Code knows, local or remote). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
