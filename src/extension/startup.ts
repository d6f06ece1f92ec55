import * as vscode from 'vscode';
import { Commands } from './constants';
import type { EngineService } from './engine';

/**
 * Environment variable `npm start` sets for the extension host: when the window opens on an
 * incident report, show it the way a newcomer should first see the product — its press-release
 * preview beside it and its findings in the Problems panel. Without the variable nothing happens.
 */
export const START_LAYOUT_ENV = 'INCIDENT_REPORT_START_LAYOUT';

/** How long after activation the first report editor may appear (the window is still opening). */
const WAIT_FOR_REPORT_MS = 30_000;

/** The extension host's environment; the web-worker host has none. */
function environment(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
}

/**
 * With {@link START_LAYOUT_ENV} set to `1`: once the first incident report is the active editor
 * (now or within {@link WAIT_FOR_REPORT_MS}), opens the Problems panel and the preview to the side,
 * and leaves the focus in the report. Runs once per window.
 */
export function registerStartLayout(context: vscode.ExtensionContext, engine: EngineService): void {
  if (environment(START_LAYOUT_ENV) !== '1') return;
  let done = false;
  const listener = vscode.window.onDidChangeActiveTextEditor((editor) => void arrange(editor));
  const timer = setTimeout(() => listener.dispose(), WAIT_FOR_REPORT_MS);
  context.subscriptions.push(listener, { dispose: () => clearTimeout(timer) });

  async function arrange(editor: vscode.TextEditor | undefined): Promise<void> {
    if (done || !editor || !engine.isReport(editor.document)) return;
    done = true;
    listener.dispose();
    clearTimeout(timer);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand(Commands.showPreviewToSide, editor.document.uri);
    // The Problems panel took the focus: give it back to the report, where the reader starts.
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }
  void arrange(vscode.window.activeTextEditor);
}
