import * as vscode from 'vscode';
import { clockLevel, clockTexts, deadlinesOf, nextDeadline, type ParsedReport } from '../core';
import type { Clock } from './clock';
import { InternalCommands } from './constants';
import type { DiagnosticsService } from './diagnostics';
import type { EngineService } from './engine';

/** How often the clock ticks: it shows minutes at best, so twice a minute keeps it right. */
const TICK_MS = 30_000;

/** What the deadline clock currently shows (read by the integration tests through the extension's exports). */
export interface DeadlineClockState {
  /** The item's text, or `undefined` while it is hidden (nothing due, or no report active). */
  readonly text: string | undefined;
  readonly tooltip: string | undefined;
  /** `warning` as the deadline nears, `error` once it has passed, `none` otherwise. */
  readonly level: 'none' | 'warning' | 'error' | undefined;
  /** The field a click jumps to. */
  readonly pointer: string | undefined;
  /** Recomputes now (tests call it after setting the clock instead of waiting for a tick). */
  refresh(): void;
}

/** The document range of a field (or, while it is missing, of the mapping that should hold it). */
export function fieldRange(document: vscode.TextDocument, report: ParsedReport, pointer: string): vscode.Range | undefined {
  if (report.frontmatter.kind !== 'yaml') return undefined;
  const range = report.yaml!.rangeOf(pointer, 'value');
  if (!range) return undefined;
  const base = report.frontmatter.contentOffset;
  return new vscode.Range(document.positionAt(base + range.offset), document.positionAt(base + range.endOffset));
}

/**
 * A status-bar item with the active report's next reporting deadline and the time left
 * ("DSGVO-Meldung: noch 11 h"), in warning and then error colours as it nears and passes. The
 * deadlines are the engine's (core/compliance/deadlines.ts), computed from its last parse of the document: a
 * tick every 30 seconds and each published diagnostics update refresh it without linting. It hides
 * when nothing is due, and a click jumps to the field that records the stage.
 */
export function registerDeadlineClock(context: vscode.ExtensionContext, engine: EngineService, diagnostics: DiagnosticsService, clock: Clock): DeadlineClockState {
  const item = vscode.window.createStatusBarItem('incidentReport.deadline', vscode.StatusBarAlignment.Left, 9);
  item.name = vscode.l10n.t('Incident Report: reporting deadline');
  let shown: { text: string; tooltip: string; level: 'none' | 'warning' | 'error'; pointer: string } | undefined;

  // The deadlines come from the facts: the parse of the document's current version (the one the
  // lint reads too), never a lint of its own.
  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    const report = document && engine.isReport(document) ? engine.parsed(document) : null;
    const settings = document ? engine.settings(document.uri) : undefined;
    const next = report && settings ? nextDeadline(deadlinesOf(report.data, settings.timeZone)) : null;
    if (!document || !report || !settings || !next) {
      item.hide();
      shown = undefined;
      return;
    }
    const now = clock.now();
    const level = clockLevel(next, now);
    const { text, tooltip } = clockTexts(next, report.data, settings.locale, now);
    item.text = `$(${level === 'error' ? 'bell-dot' : 'clock'}) ${text}`;
    item.tooltip = tooltip;
    item.backgroundColor = level === 'none' ? undefined : new vscode.ThemeColor(level === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    item.command = { title: tooltip, command: InternalCommands.revealDeadline, arguments: [document.uri, next.pointer] };
    item.show();
    shown = { text: item.text, tooltip, level, pointer: next.pointer };
  };

  const timer = setInterval(() => refresh(), TICK_MS);
  context.subscriptions.push(
    item,
    { dispose: () => clearInterval(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => refresh()),
    // Edits reach the clock through the (debounced) diagnostics: the facts just linted.
    diagnostics.onDidChange((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) refresh();
    }),
    engine.onDidChange(() => refresh()),
    clock.onDidChange(() => refresh()),
    vscode.commands.registerCommand(InternalCommands.revealDeadline, async (uri: vscode.Uri, pointer: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const report = engine.parsed(document);
      const range = report ? fieldRange(document, report, pointer) : undefined;
      const editor = await vscode.window.showTextDocument(document);
      if (range) {
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }),
  );
  // Not computed during activation: the report that activated the extension shows its clock when
  // its first diagnostics arrive (above), so the clock never delays them.

  return {
    get text() {
      return shown?.text;
    },
    get tooltip() {
      return shown?.tooltip;
    },
    get level() {
      return shown?.level;
    },
    get pointer() {
      return shown?.pointer;
    },
    refresh: () => refresh(),
  };
}
