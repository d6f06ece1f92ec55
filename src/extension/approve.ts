import * as vscode from 'vscode';
import { APPROVAL_LOCK_WAIT_MS, APPROVAL_ROLES, approvalBlockers, approvalLockPath, decodeUtf8, formatInZone, isRecord, isValidTimeZone, occupiedRelease, parseReport, planApproval, releaseFilePath, releaseFolderClash, systemTimeZone, t, type ApprovalRole, type Localized } from '../core';
import type { Clock } from './clock';
import { Commands } from './constants';
import type { EngineService } from './engine';
import { fileReason } from './files';
import type { Prompts } from './prompts';
import { readReleaseFile } from './releaseFiles';

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

  // As the CLI: one approval of a report at a time, under the same lock file, so that an approval
  // in the editor and one on the command line at once do not drop an entry.
  const lock = uri.with({ path: approvalLockPath(uri.path) });
  const token = `vscode ${globalThis.crypto.randomUUID()}\n`;
  const locked = await acquireLock(lock, token);
  if (locked !== true) {
    prompts.error(
      locked === 'busy'
        ? vscode.l10n.t('Incident Report: another approval of {0} is running ({1} is there); approve again when it is done, or delete that file if none is running.', vscode.workspace.asRelativePath(uri, false), vscode.workspace.asRelativePath(lock, false))
        : vscode.l10n.t('Incident Report: the lock file {0} cannot be created ({1}); nothing was approved.', vscode.workspace.asRelativePath(lock, false), t(engine.settings(uri).locale, locked.error)),
    );
    return undefined;
  }
  try {
    // An approval that finished just before wrote the report on disk: plan on that text, not on an
    // editor that has not reloaded it yet (saving the older text would drop its entry).
    if (!(await inStep(document))) {
      prompts.error(vscode.l10n.t('Incident Report: {0} changed on disk while it was being approved; nothing was approved. Approve again.', vscode.workspace.asRelativePath(uri, false)));
      return undefined;
    }
    return await approveLocked(context, engine, prompts, uri, document, by, role, none, clock);
  } finally {
    await releaseLock(lock, token);
  }
}

/** The rest of the approval, while the lock is held. */
async function approveLocked(context: vscode.ExtensionContext, engine: EngineService, prompts: Prompts, uri: vscode.Uri, document: vscode.TextDocument, by: string, role: ApprovalRole | null, none: string, clock: Clock): Promise<ApproveResult | undefined> {
  // As the CLI: `x.md` and `x.markdown` would share one release folder.
  const folder = vscode.Uri.joinPath(uri, '..');
  const siblings = await vscode.workspace.fs.readDirectory(folder).then((entries) => entries.map(([name]) => name), () => [] as string[]);
  const clash = releaseFolderClash(uri.path.slice(uri.path.lastIndexOf('/') + 1), siblings);
  if (clash !== null) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Incident Report: not approved: {0} beside it keeps its release files in {1} too (the folder is named after the report without .md or .markdown); rename one of the two reports.',
        vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, clash), false),
        vscode.workspace.asRelativePath(uri.with({ path: releaseFilePath(uri.path, 1) }), false).replace(/\/1\.json$/, ''),
      ),
    );
    return undefined;
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
  // As the CLI: a release file is never replaced. Read strictly as UTF-8 (a Latin-1 file is named as
  // such, not as damaged JSON); one that cannot be read (a folder in its place, no permission) is
  // named, not written over; only a missing one is written. In the report's language.
  const { linter } = await engine.linterFor(uri);
  const existing = await readReleaseFile(uri, plan.version, linter.locale);
  if (existing !== null && typeof existing !== 'string') {
    prompts.error(vscode.l10n.t('Incident Report: {0}: {1}', vscode.workspace.asRelativePath(release, false), existing.error));
    return undefined;
  }
  if (existing !== null && existing !== plan.json) {
    // As the CLI: another report's release (a report renamed without its release folder), a damaged one or a different one, each in its words.
    prompts.error(vscode.l10n.t('Incident Report: {0}: {1}', vscode.workspace.asRelativePath(release, false), occupiedRelease(existing, report, plan.version, linter.locale)));
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

const LOCK_POLL_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `error` says that there is no such file. */
function notFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/**
 * Takes the lock file the CLI takes (`.werne.md.approving`): `true`; `'busy'` when another approval
 * kept it past {@link APPROVAL_LOCK_WAIT_MS}; or why it cannot be made (in both languages).
 *
 * `vscode.workspace.fs` cannot create a file exclusively (its `writeFile` replaces one; the CLI
 * creates the lock with `wx`). So it is taken only when it is not there, with a token of its own,
 * and read back after a moment: of two editors that wrote it at once only the one whose token is
 * there goes on. A CLI approval waits for it as for any lock. What this cannot close: a CLI that
 * creates the file in the instant between the check and the write.
 */
async function acquireLock(lock: vscode.Uri, token: string): Promise<true | 'busy' | { error: Localized }> {
  const bytes = new TextEncoder().encode(token);
  for (let waited = 0; ; waited += LOCK_POLL_MS) {
    try {
      const free = await vscode.workspace.fs.stat(lock).then(() => false, (error: unknown) => {
        if (notFound(error)) return true;
        throw error;
      });
      if (free) {
        await vscode.workspace.fs.writeFile(lock, bytes);
        await sleep(LOCK_POLL_MS);
        const held = await vscode.workspace.fs.readFile(lock).then((read) => new TextDecoder().decode(read), () => null);
        if (held === token) return true;
      }
    } catch (error) {
      // A known reason in both languages (permission denied, a read-only file system), else VS Code's own text.
      const text = error instanceof Error ? error.message : String(error);
      return { error: fileReason(error, { en: text, de: text }) };
    }
    if (waited >= APPROVAL_LOCK_WAIT_MS) return 'busy';
    await sleep(LOCK_POLL_MS);
  }
}

/** Removes the lock file, unless it is no longer ours (then another approval holds it). */
async function releaseLock(lock: vscode.Uri, token: string): Promise<void> {
  const held = await vscode.workspace.fs.readFile(lock).then((read) => new TextDecoder().decode(read), () => null);
  if (held === token) await vscode.workspace.fs.delete(lock).then(undefined, () => undefined);
}

/**
 * Whether the editor holds what the report's file holds: always for an edited (dirty) document, which
 * is saved as it is; an unedited one that differs from the file waits for VS Code to reload it.
 */
async function inStep(document: vscode.TextDocument): Promise<boolean> {
  for (let waited = 0; ; waited += LOCK_POLL_MS) {
    if (document.isDirty) return true;
    let disk: string;
    try {
      disk = decodeUtf8(await vscode.workspace.fs.readFile(document.uri)).replace(/^\uFEFF/, '');
    } catch {
      // The save names what is wrong with the file.
      return true;
    }
    if (disk === document.getText()) return true;
    if (waited >= APPROVAL_LOCK_WAIT_MS) return false;
    await sleep(LOCK_POLL_MS);
  }
}
