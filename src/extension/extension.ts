import * as vscode from 'vscode';
import { EngineService } from './engine';
import { registerDiagnostics } from './diagnostics';
import { registerStatusBar, type StatusBarState } from './statusBar';
import { Prompts } from './prompts';
import { registerCommands } from './commands';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerLinks } from './links';
import { registerPreview } from './preview';
import { Clock } from './clock';
import { registerDeadlineClock, type DeadlineClockState } from './deadlineClock';
import { registerDrafts } from './drafts';
import { registerApprove } from './approve';
import { InternalCommands } from './constants';
import { registerStartLayout } from './startup';
import { registerFrontmatterIndentation } from './indentation';
import { registerTimeZoneSetting, type SettingWarningsState } from './timeZoneSetting';

// When the bundle finished loading, on the extension host's clock: with `timing` below it lets the
// benchmark split the time to the first diagnostic between VS Code, loading and activation.
const moduleLoadedAt = performance.now();

/** What `activate` returns (the extension's `exports`): read-only state for integration tests. */
export interface ExtensionApi {
  readonly statusBar: StatusBarState;
  /** The reporting-deadline clock in the status bar. */
  readonly deadlineClock: DeadlineClockState;
  /** Fires each time the extension publishes (or clears) the diagnostics of a URI. */
  readonly onDidPublishDiagnostics: vscode.Event<vscode.Uri>;
  /** Warnings about settings the extension cannot use (an unknown `incidentReport.timeZone`). */
  readonly settingWarnings: SettingWarningsState;
  /**
   * `performance.now()` of the extension host when the bundle was loaded and `activate` ran, and
   * how long each part of `activate` took (ms): the benchmark splits the first diagnostic's time.
   */
  readonly timing: { readonly moduleLoadedAt: number; readonly activateStart: number; readonly activateEnd: number; readonly steps: Readonly<Record<string, number>> };
}

/**
 * Entry point for both hosts (Node and web worker): thin adapters around the core engine.
 * Every registration is pushed to `context.subscriptions` so deactivation disposes it.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  const steps: Record<string, number> = {};
  let last = activateStart;
  const step = <T>(name: string, run: () => T): T => {
    const value = run();
    const now = performance.now();
    steps[name] = now - last;
    last = now;
    return value;
  };
  const engine = step('engine', () => new EngineService());
  context.subscriptions.push(engine);
  const diagnostics = step('diagnostics', () => registerDiagnostics(context, engine));
  const clock = new Clock();
  context.subscriptions.push(clock, vscode.commands.registerCommand(InternalCommands.setClock, (value?: string | number) => clock.set(value)));
  const statusBar = step('statusBar', () => registerStatusBar(context, engine, diagnostics, clock));
  const deadlineClock = step('deadlineClock', () => registerDeadlineClock(context, engine, diagnostics, clock));
  step('commands', () => registerCommands(context, engine, diagnostics));
  const prompts = new Prompts();
  prompts.register(context);
  step('codeActions', () => registerCodeActions(context, engine, prompts));
  step('completion', () => registerCompletion(context, engine));
  step('hover', () => registerHover(context, engine, clock));
  step('links', () => registerLinks(context, engine));
  const preview = step('preview', () => registerPreview(context, engine, clock, prompts));
  step('drafts', () => registerDrafts(context, engine, clock, preview, prompts));
  step('approve', () => registerApprove(context, engine, clock, prompts));
  step('startLayout', () => registerStartLayout(context, engine));
  step('indentation', () => registerFrontmatterIndentation(context, engine));
  const settingWarnings = step('timeZoneSetting', () => registerTimeZoneSetting(context, engine));
  return {
    statusBar,
    deadlineClock,
    onDidPublishDiagnostics: diagnostics.onDidChange,
    settingWarnings,
    timing: { moduleLoadedAt, activateStart, activateEnd: performance.now(), steps },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
