import * as vscode from 'vscode';
import { diffEdit, directiveReason, quickFixes, suppressionEdit, suppressOffers, suppressTitle, type FixAction, type TextEdit } from '../core';
import { Commands, DIAGNOSTIC_SOURCE, InternalCommands, LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';
import type { Prompts } from './prompts';

/** `source.fixAll.incidentReport`: what "fix all" on save and the Source Action menu ask for. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('incidentReport');

/** `quickfix.suppress`: a quick fix that keeps the finding and records why it is wrong here. */
export const SUPPRESS_KIND = vscode.CodeActionKind.QuickFix.append('suppress');

/**
 * Quick fixes for our diagnostics (computed by the core's fix engine from each finding's fix data),
 * the source action `source.fixAll.incidentReport` and the command `incidentReport.fixAll`, which
 * both apply every safe fix.
 */
export function registerCodeActions(context: vscode.ExtensionContext, engine: EngineService, prompts: Prompts): void {
  const provider = new IncidentReportCodeActions(engine);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, provider, {
      providedCodeActionKinds: IncidentReportCodeActions.kinds,
    }),
    vscode.commands.registerCommand(Commands.fixAll, () => fixAllInActiveEditor(engine)),
    vscode.commands.registerCommand(InternalCommands.suppressWithReason, (target: SuppressTarget) => suppressWithReason(engine, prompts, target)),
  );
}

/** The finding the suppress action was offered for (plain data: it travels as a command argument). */
interface SuppressTarget {
  uri: string;
  ruleId: string;
  offset: number;
  message: string;
}

class IncidentReportCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, SUPPRESS_KIND, FIX_ALL_KIND];

  constructor(private readonly engine: EngineService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (!this.engine.isReport(document)) return [];
    const actions: vscode.CodeAction[] = [];
    const only = context.only;

    if (only && only.contains(FIX_ALL_KIND)) {
      const edit = await fixAllEdit(this.engine, document);
      if (edit && !token.isCancellationRequested) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe problems (Incident Report)'), FIX_ALL_KIND);
        action.edit = edit;
        actions.push(action);
      }
    }

    if (!only || only.intersects(vscode.CodeActionKind.QuickFix)) {
      const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) return actions;
      // Cached per document version: the same result the diagnostics were made from.
      const result = await this.engine.lint(document);
      if (!result || token.isCancellationRequested) return actions;
      const options = await this.engine.fixOptions(document);
      const keyed = ours.map((diagnostic) => ({
        diagnostic,
        ruleId: typeof diagnostic.code === 'object' && diagnostic.code ? String(diagnostic.code.value) : String(diagnostic.code),
        message: diagnostic.message,
        offset: document.offsetAt(diagnostic.range.start),
        endOffset: document.offsetAt(diagnostic.range.end),
      }));
      // Every finding a directive can reach may be suppressed, with a reason the user gives.
      for (const { diagnostic, finding } of suppressOffers(result.report, result.findings, keyed)) {
        const action = new vscode.CodeAction(suppressTitle(options.locale ?? 'en'), SUPPRESS_KIND);
        action.diagnostics = [diagnostic.diagnostic];
        const target: SuppressTarget = { uri: document.uri.toString(), ruleId: finding.ruleId, offset: finding.offset, message: finding.message };
        action.command = { title: action.title, command: InternalCommands.suppressWithReason, arguments: [target] };
        actions.push(action);
      }
      for (const { fix, diagnostics } of quickFixes(result.report, result.findings, keyed, options)) {
        const action = toCodeAction(document, fix, diagnostics[0]!.diagnostic);
        action.diagnostics = diagnostics.map((keyedDiagnostic) => keyedDiagnostic.diagnostic);
        actions.push(action);
      }
    }
    return actions;
  }
}

function toCodeAction(document: vscode.TextDocument, fix: FixAction, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = workspaceEdit(document, fix.edits);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  return action;
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map(
      (e) => new vscode.TextEdit(new vscode.Range(document.positionAt(e.offset), document.positionAt(e.endOffset)), e.newText),
    ),
  );
  return edit;
}

/** One edit applying every safe fix (repeated until none is left), or `null` when there is none. */
async function fixAllEdit(engine: EngineService, document: vscode.TextDocument): Promise<vscode.WorkspaceEdit | null> {
  const text = document.getText();
  const change = diffEdit(text, await engine.fixAll(document));
  return change ? workspaceEdit(document, [change]) : null;
}

/**
 * `incidentReport.fixAll`: applies every safe fix to the report in the active editor. Resolves to
 * `true` when the text changed.
 */
async function fixAllInActiveEditor(engine: EngineService): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !engine.isReport(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: the active editor does not hold an incident report.'));
    return false;
  }
  const edit = await fixAllEdit(engine, document);
  if (!edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: nothing to fix automatically.'));
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}

/**
 * `incidentReport._suppressWithReason`, the command of "Suppress on this line with a reason…": asks
 * why the finding is wrong here, then inserts the directive the engine places (core/editor/suppress.ts).
 * Resolves to `true` when the report was edited.
 */
async function suppressWithReason(engine: EngineService, prompts: Prompts, target: SuppressTarget): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri, true));
  const result = await engine.lint(document);
  const finding =
    result?.findings.find((f) => f.ruleId === target.ruleId && f.offset === target.offset && !f.suppressed) ??
    result?.findings.find((f) => f.ruleId === target.ruleId && f.message === target.message && !f.suppressed);
  if (!result || !finding) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: the finding is gone; nothing was suppressed.'));
    return false;
  }
  const reason = await prompts.input({
    title: vscode.l10n.t('Suppress {0} on this line', finding.ruleId),
    prompt: vscode.l10n.t('Why is this finding wrong here? The reason stays in the report and is listed in SARIF and JSON; it is never published.'),
    placeHolder: vscode.l10n.t('e.g. the police published this address themselves'),
    validate: (value) => (directiveReason(value) ? undefined : vscode.l10n.t('Enter the reason: a suppression without one suppresses nothing.')),
  });
  if (reason === undefined) return false;
  const edit = suppressionEdit(result.report, finding, reason);
  if (!edit) return false;
  return vscode.workspace.applyEdit(workspaceEdit(document, [edit]));
}
