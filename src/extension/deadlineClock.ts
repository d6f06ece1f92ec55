import * as vscode from 'vscode';
import { DEADLINE_LABELS, displayFrame, formatInstant, formatTimeLeft, nextDeadline, reportDeadlines, type Deadline } from '../core/deadlines';
import { isRecord } from '../core/fields';
import { isValidTimeZone, systemTimeZone } from '../core/time';
import { rangeForPointer, type Locale, type ParsedReport } from '../core';
import type { Clock } from './clock';
import { InternalCommands } from './constants';
import type { EngineService } from './engine';
import type { DiagnosticsService } from './diagnostics';

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

/** Warning colour once less than a third of the stage's window is left (24 of 72 h, 8 of 24 h). */
export function clockLevel(deadline: Deadline, now: number): 'none' | 'warning' | 'error' {
  if (now > deadline.dueAt) return 'error';
  return deadline.dueAt - now < (deadline.dueAt - deadline.fromAt) / 3 ? 'warning' : 'none';
}

/** The zone the report's clock runs in: its own `timezone`, else the configured one, else the system's. */
function zoneOf(data: Record<string, unknown>, configured: string | undefined): string {
  if (typeof data.timezone === 'string' && isValidTimeZone(data.timezone)) return data.timezone;
  return configured && isValidTimeZone(configured) ? configured : systemTimeZone();
}

/** Every deadline of a parsed report, with the zone settings of `uri` (shared with the hover). */
export function deadlinesOf(report: ParsedReport, configuredZone: string | undefined): Deadline[] {
  const data = isRecord(report.data) ? report.data : null;
  return data ? reportDeadlines(data, zoneOf(data, configuredZone)) : [];
}

/** "DSGVO-Meldung fällig bis …" for the tooltip and the hover. */
export function describeDeadline(deadline: Deadline, report: ParsedReport, locale: Locale, now: number): string {
  const data = isRecord(report.data) ? report.data : null;
  const from = data && isRecord(data.data_loss) ? data.data_loss.aware_at ?? (isRecord(data.timestamps) ? data.timestamps.detected_at : undefined) : undefined;
  const due = formatInstant(deadline.dueAt, displayFrame(data, from), locale);
  const label = DEADLINE_LABELS[deadline.kind][locale];
  if (deadline.doneAt !== null) {
    const late = deadline.doneAt > deadline.dueAt;
    return locale === 'de' ? `${label} fällig bis ${due}: ${late ? 'verspätet abgegeben' : 'rechtzeitig abgegeben'}` : `${label} due by ${due}: ${late ? 'sent late' : 'sent in time'}`;
  }
  return locale === 'de' ? `${label} fällig bis ${due} (${formatTimeLeft(deadline.dueAt, now, locale)})` : `${label} due by ${due} (${formatTimeLeft(deadline.dueAt, now, locale)})`;
}

/** The document range of a field (or, while it is missing, of the mapping that should hold it). */
export function fieldRange(document: vscode.TextDocument, report: ParsedReport, pointer: string): vscode.Range | undefined {
  if (!report.yaml || report.frontmatter.kind !== 'yaml') return undefined;
  const range = rangeForPointer(report.yaml, pointer, 'value');
  if (!range) return undefined;
  const base = report.frontmatter.contentOffset;
  return new vscode.Range(document.positionAt(base + range.offset), document.positionAt(base + range.endOffset));
}

/**
 * A status-bar item with the active report's next reporting deadline and the time left
 * ("DSGVO-Meldung: noch 11 h"), in warning and then error colours as it nears and passes. It reads
 * the engine's cached parse of the document (no re-lint on a tick), ticks every 30 seconds (and follows edits once the diagnostics have linted them), hides
 * when nothing is due, and a click jumps to the field that records the stage.
 */
export function registerDeadlineClock(context: vscode.ExtensionContext, engine: EngineService, diagnostics: DiagnosticsService, clock: Clock): DeadlineClockState {
  const item = vscode.window.createStatusBarItem('incidentReport.deadline', vscode.StatusBarAlignment.Left, 9);
  item.name = 'Incident Report: deadline';
  let shown: { text: string; tooltip: string; level: 'none' | 'warning' | 'error'; pointer: string } | undefined;

  // Ticks and diagnostics read the engine's last result; only switching editors may lint (once).
  const refresh = (lint = false) => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && engine.isReport(document) ? (engine.lastResult(document) ?? (lint ? engine.lintNow(document) : null)) : null;
    const settings = document ? engine.settings(document.uri) : undefined;
    const next = result && settings ? nextDeadline(deadlinesOf(result.report, settings.timeZone)) : null;
    if (!document || !result || !settings || !next) {
      item.hide();
      shown = undefined;
      return;
    }
    const now = clock.now();
    const locale = settings.locale;
    const level = clockLevel(next, now);
    const text = `$(${level === 'error' ? 'bell-dot' : 'clock'}) ${DEADLINE_LABELS[next.kind][locale]}: ${formatTimeLeft(next.dueAt, now, locale, true)}`;
    const tooltip = `${describeDeadline(next, result.report, locale, now)}. ${locale === 'de' ? 'Klicken, um zum Feld zu springen.' : 'Click to go to the field.'}`;
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = level === 'none' ? undefined : new vscode.ThemeColor(level === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    item.command = { title: tooltip, command: InternalCommands.revealDeadline, arguments: [document.uri, next.pointer] };
    item.show();
    shown = { text, tooltip, level, pointer: next.pointer };
  };

  const timer = setInterval(() => refresh(), TICK_MS);
  context.subscriptions.push(
    item,
    { dispose: () => clearInterval(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => refresh(true)),
    // Edits reach the clock through the (debounced) diagnostics: the facts just linted.
    diagnostics.onDidChange((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) refresh();
    }),
    engine.onDidChange(() => refresh()),
    clock.onDidChange(() => refresh(true)),
    vscode.commands.registerCommand(InternalCommands.revealDeadline, async (uri: vscode.Uri, pointer: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const result = engine.lintNow(document);
      const range = result ? fieldRange(document, result.report, pointer) : undefined;
      const editor = await vscode.window.showTextDocument(document);
      if (range) {
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }),
  );
  refresh(true);

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
    refresh: () => refresh(true),
  };
}
