import * as vscode from 'vscode';
import { APPROVAL_ROLES, approvalBlockers, formatInZone, isRecord, isValidTimeZone, parseReport, planApproval, releaseFilePath, systemTimeZone, type ApprovalRole } from '../core';
import type { Clock } from './clock';
import { Commands } from './constants';
import type { EngineService } from './engine';
import type { Prompts } from './prompts';

/** What automation may pass instead of answering the questions (integration tests). */
export interface ApproveArgs {
  uri?: string;
  by?: string;
  /** A role, or `null` for none. */
  role?: string | null;
}

/** What the command did: the release approved and where it was written. */
export interface ApproveResult {
  version: number;
  release: string;
  fingerprint: string;
  isNew: boolean;
}

const NAME_KEY = 'incidentReport.approve.by';
const ROLE_KEY = 'incidentReport.approve.role';

/**
 * "Approve Release…": the editor side of `incident-report approve`. Asks for the approver's name
 * and role (remembered for the next time), writes what the report publishes now to
 * `.releases/<report>/<n>.json` beside it (never replacing another release's content), appends the
 * approval to `approvals` and saves the report, so the file on disk is what was approved.
 */
export function registerApprove(context: vscode.ExtensionContext, engine: EngineService, clock: Clock, prompts: Prompts): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.approveRelease, (args: ApproveArgs = {}) => approve(context, engine, clock, prompts, args)),
  );
}

async function approve(context: vscode.ExtensionContext, engine: EngineService, clock: Clock, prompts: Prompts, args: ApproveArgs): Promise<ApproveResult | undefined> {
  const uri = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
  if (!uri || !document || !engine.isReport(document)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open an incident report to approve its release.'));
    return undefined;
  }
  if (document.isUntitled) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Save the report first: its release is written beside it.'));
    return undefined;
  }
  // As the CLI: a leak or a placeholder in what it publishes would be written into the release
  // file, and the text cannot go out as it is. Asked before the name, so nobody types it in vain.
  const linted = await engine.lint(document);
  const blockers = linted ? (linted.unchecked ? [linted.unchecked] : approvalBlockers(linted.findings)) : [];
  if (blockers.length > 0) {
    const first = blockers[0]!;
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Incident Report: not approved: fix {0} finding(s) in what the report publishes first (an approval writes the published text into its release file). Line {1}: {2}', blockers.length, first.line, first.message),
    );
    return undefined;
  }
  const by =
    args.by ??
    (await prompts.input({
      title: vscode.l10n.t('Approve Release'),
      prompt: vscode.l10n.t('Your name, as the approval records it'),
      placeHolder: vscode.l10n.t('First name Last name'),
      value: context.globalState.get<string>(NAME_KEY) ?? '',
      validate: (value) => (value.trim() === '' ? vscode.l10n.t('Enter the name of the person who approves.') : undefined),
    }))?.trim();
  if (!by) return undefined;
  const none = vscode.l10n.t('no role');
  const roleLabels: Record<ApprovalRole, string> = {
    press: vscode.l10n.t('press office'),
    it: vscode.l10n.t('IT'),
    dpo: vscode.l10n.t('data protection officer'),
    lead: vscode.l10n.t('incident lead'),
  };
  let role: ApprovalRole | null;
  if (args.role !== undefined) {
    role = args.role !== null && (APPROVAL_ROLES as readonly string[]).includes(args.role) ? (args.role as ApprovalRole) : null;
  } else {
    const remembered = context.globalState.get<string>(ROLE_KEY);
    const items = [...APPROVAL_ROLES.map((id) => ({ label: id, description: roleLabels[id] })), { label: none, description: '' }];
    const picked = await prompts.pick(vscode.l10n.t('Approve Release: your role'), items, remembered ?? undefined);
    if (picked === undefined) return undefined;
    role = (APPROVAL_ROLES as readonly string[]).includes(picked) ? (picked as ApprovalRole) : null;
  }

  const report = parseReport(document.getText());
  const data = isRecord(report.data) ? report.data : {};
  const zone = typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : (engine.settings(uri).timeZone ?? systemTimeZone());
  const plan = planApproval(report, by, role, formatInZone(clock.now(), zone));
  if (typeof plan.edit === 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('`approvals` is not a list of entries, so no approval can be added to it.'));
    return undefined;
  }
  const release = uri.with({ path: releaseFilePath(uri.path, plan.version) });
  if (plan.already) {
    // Idempotent, as the CLI: the same person in the same role approved this content already.
    void vscode.window.showInformationMessage(vscode.l10n.t('Release {0} is approved by {1} already ({2}); nothing changed.', plan.version, role ? `${plan.already.by} (${role})` : plan.already.by, plan.already.at));
    return { version: plan.version, release: release.toString(), fingerprint: plan.fingerprint, isNew: false };
  }
  const existing = await vscode.workspace.fs.readFile(release).then((bytes) => new TextDecoder().decode(bytes), () => null);
  if (existing !== null && existing !== plan.json) {
    void vscode.window.showErrorMessage(vscode.l10n.t('A different release {0} exists already ({1}); it is not replaced.', plan.version, vscode.workspace.asRelativePath(release, false)));
    return undefined;
  }
  if (existing === null) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(release, '..'));
    await vscode.workspace.fs.writeFile(release, new TextEncoder().encode(plan.json));
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(plan.edit.offset), document.positionAt(plan.edit.endOffset)), plan.edit.text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  // The file on disk is what was approved (CI lints the file): save, and say so when that fails.
  if (!(await document.save())) void vscode.window.showWarningMessage(vscode.l10n.t('The approval was added but the report could not be saved; save it before it is committed.'));
  engine.family.changed(release);
  await context.globalState.update(NAME_KEY, by);
  await context.globalState.update(ROLE_KEY, role ?? none);
  const who = role ? `${by} (${role})` : by;
  void vscode.window.showInformationMessage(
    plan.isNew
      ? vscode.l10n.t('Release {0} approved by {1}: {2}', plan.version, who, vscode.workspace.asRelativePath(release, false))
      : vscode.l10n.t('Release {0} (unchanged) also approved by {1}', plan.version, who),
  );
  return { version: plan.version, release: release.toString(), fingerprint: plan.fingerprint, isNew: plan.isNew };
}
