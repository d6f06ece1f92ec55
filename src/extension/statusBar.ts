import * as vscode from 'vscode';
import { clockTexts, deadlinesOf, nextDeadline, publishVerdict, type LintResult, type Verdict } from '../core';
import type { Clock } from './clock';
import type { EngineService } from './engine';
import type { DiagnosticsService } from './diagnostics';

/** What the status bar item currently shows (read by the integration tests through the extension's exports). */
export interface StatusBarState {
  /** The item's text, or `undefined` while it is hidden (the active editor is not a report). */
  readonly text: string | undefined;
  readonly tooltip: string | undefined;
}

/** The built-in command that reveals the Problems panel. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/**
 * The item's text: the publish verdict, what only this extension knows (VS Code's own Problems
 * indicator beside it counts errors and warnings): `$(check) ready to publish`, or
 * `$(circle-slash) 2 blocking`.
 */
export function statusBarText(verdict: Verdict): string {
  if (verdict.unchecked) return `$(circle-slash) ${vscode.l10n.t('not checked')}`;
  if (verdict.publishable) return `$(check) ${vscode.l10n.t('ready to publish')}`;
  return `$(circle-slash) ${vscode.l10n.t('{0} blocking', verdict.blockers.length)}`;
}

/** The tooltip: the verdict in words, the next reporting deadline (as the deadline clock beside it shows it), what a click does. */
export function statusBarTooltip(verdict: Verdict, deadline: string | null): string {
  const lines = [
    verdict.unchecked
      ? vscode.l10n.t('Incident report: too large to be checked, so nothing of it can be published.')
      : verdict.publishable
        ? vscode.l10n.t('Incident report: ready to publish. Nothing blocks the release, the status page, the feed or the posts.')
        : vscode.l10n.t('Incident report: not ready to publish. Findings that block it: {0} (errors, and placeholders, which are never published); an export is marked as a draft.', verdict.blockers.length),
  ];
  if (verdict.suppressed.length > 0) lines.push(vscode.l10n.t('Findings suppressed with a reason: {0}', verdict.suppressed.length));
  if (deadline) lines.push(vscode.l10n.t('Next reporting deadline: {0}', deadline));
  lines.push(vscode.l10n.t('Click to open the Problems panel.'));
  return lines.join('\n');
}

/**
 * A status bar item for the active incident report: its publish verdict ("ready to publish" /
 * "2 blocking", from the core's `publishVerdict`, the one render and export ask too), with the next
 * reporting deadline in the tooltip (the deadline clock beside it shows the time left); a click
 * opens the Problems panel. Hidden for every other editor.
 */
export function registerStatusBar(context: vscode.ExtensionContext, engine: EngineService, diagnostics: DiagnosticsService, clock: Clock): StatusBarState {
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
    // The result the diagnostics were made from (never a lint of its own: until the first
    // diagnostics of a report arrive, and with them a refresh, the item stays hidden).
    const result: LintResult | null = engine.lastResult(document);
    if (!result) {
      item.hide();
      visible = false;
      return;
    }
    const verdict = publishVerdict(result);
    const settings = engine.settings(document.uri);
    const next = nextDeadline(deadlinesOf(result.report.data, settings.timeZone));
    item.text = statusBarText(verdict);
    item.tooltip = statusBarTooltip(verdict, next ? clockTexts(next, result.report.data, settings.locale, clock.now()).text : null);
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
    clock.onDidChange(refresh),
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
