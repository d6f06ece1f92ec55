import type * as vscode from 'vscode';

/** Disposes every entry and empties the list, so a second call (or a re-fill) disposes nothing twice. */
export function disposeAll(disposables: vscode.Disposable[]): void {
  for (const disposable of disposables.splice(0)) disposable.dispose();
}
