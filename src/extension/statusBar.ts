import * as vscode from 'vscode';
import type { EngineService } from './engine';
import type { DiagnosticCounts, DiagnosticsService } from './diagnostics';

/** What the status bar item currently shows (read by the integration tests through the extension's exports). */
export interface StatusBarState {
  /** The item's text, or `undefined` while it is hidden (the active editor is not a report). */
  readonly text: string | undefined;
  readonly tooltip: string | undefined;
}

/** The built-in command that reveals the Problems panel. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/**
 * The status bar text for a report's counts: `$(error) 2 $(warning) 1`, or
 * `$(check) ready for release` when nothing blocks publication (notes do not).
 */
export function statusBarText(counts: DiagnosticCounts): string {
  if (counts.errors === 0 && counts.warnings === 0) return `$(check) ${vscode.l10n.t('ready for release')}`;
  return `$(error) ${counts.errors} $(warning) ${counts.warnings}`;
}

/** The tooltip that spells the counts out and says what a click does. */
export function statusBarTooltip(counts: DiagnosticCounts): string {
  return vscode.l10n.t(
    'Incident report: {0} errors, {1} warnings, {2} notes. Click to open the Problems panel.',
    counts.errors,
    counts.warnings,
    counts.infos,
  );
}

/**
 * A status bar item for the active incident report: its error and warning counts, or "ready for
 * release"; a click opens the Problems panel. Hidden for every other editor.
 */
export function registerStatusBar(context: vscode.ExtensionContext, engine: EngineService, diagnostics: DiagnosticsService): StatusBarState {
  const item = vscode.window.createStatusBarItem('incidentReport.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Incident Report');
  item.command = SHOW_PROBLEMS_COMMAND;
  let visible = false;

  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !engine.isReport(document)) {
      item.hide();
      visible = false;
      return;
    }
    const counts = diagnostics.counts(document.uri);
    item.text = statusBarText(counts);
    item.tooltip = statusBarTooltip(counts);
    item.show();
    visible = true;
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    diagnostics.onDidChange((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) refresh();
    }),
    // Typing the marker in (or out) changes whether the item belongs here before any lint runs.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) refresh();
    }),
    engine.onDidChange(refresh),
  );
  refresh();

  return {
    get text() {
      return visible ? item.text : undefined;
    },
    get tooltip() {
      return visible && typeof item.tooltip === 'string' ? item.tooltip : undefined;
    },
  };
}
