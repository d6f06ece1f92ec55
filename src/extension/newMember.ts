import * as vscode from 'vscode';
import { decodeUtf8, existingMembers, isRecord, NotUtf8Error, isValidTimeZone, memberId, membersFolderName, newMemberTemplate, organizationKey, readMemberList, systemTimeZone, t, type Localized, type MemberEntry } from '../core';
import { exists } from './files';
import type { EngineService } from './engine';

/** Optional arguments of `incidentReport.newMemberReport`, for automation and tests: skip the prompts. */
export interface NewMemberArgs {
  /** The parent report (default: the active editor's). */
  parent?: vscode.Uri;
  /** Organisation names, each optionally `Name | Ort` (default: asked for, several separated by `;` or new lines). */
  organizations?: string[];
  /** Epoch ms used as "now" (tests pin the clock). */
  now?: number;
}

/**
 * "New Member Report from This Report": one member report per organisation, in a folder beside
 * the parent named after it, in the parent's language, with `parent:` set, the shared facts copied
 * and the member's own services and contacts as visible fill-ins. Never overwrites a file (a
 * suffix `-2`, `-3`… is added), and writes none for an organisation that already has a member report
 * of this parent in the folder (it says so, and opens that report when nothing new was written).
 * Opens the first new report. Returns the URIs written.
 */
export async function newMemberReport(engine: EngineService, args: NewMemberArgs = {}): Promise<vscode.Uri[]> {
  const document = args.parent
    ? await vscode.workspace.openTextDocument(args.parent)
    : vscode.window.activeTextEditor?.document;
  const data = document && engine.isReport(document) ? engine.parsed(document)?.data : undefined;
  if (!document || !isRecord(data)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: open the parent incident report to create member reports from it.'));
    return [];
  }
  // Names without a letter or digit (`.`, `-`) give no file name: refused, as the CLI refuses them.
  const unusable = (reading: ReturnType<typeof readMemberList>) => reading.unusable.map((u) => `"${u.organization}"`).join(', ');
  let reading = readMemberList((args.organizations ?? []).join('\n'));
  if (reading.members.length === 0 && reading.unusable.length === 0) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('New member report'),
      prompt: vscode.l10n.t('Member organisations, separated by semicolons, each with the place of its dateline after | (e.g. Stadt Werne | Werne; Stadt Lünen | Lünen)'),
      placeHolder: vscode.l10n.t('e.g. Stadt Werne'),
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (!value.trim()) return vscode.l10n.t('Enter the name of the organisation.');
        const typed = readMemberList(value.replace(/;/g, '\n'));
        return typed.unusable.length > 0 ? vscode.l10n.t('An organisation name needs a letter or digit: {0}', unusable(typed)) : undefined;
      },
    });
    reading = readMemberList((answer ?? '').replace(/;/g, '\n'));
  }
  if (reading.unusable.length > 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: an organisation name needs a letter or digit: {0}; no member report was created.', unusable(reading)));
    return [];
  }
  const organizations: MemberEntry[] = reading.members;
  if (organizations.length === 0) return [];

  const parentUri = document.uri;
  const parentName = parentUri.path.slice(parentUri.path.lastIndexOf('/') + 1);
  const folder = vscode.Uri.joinPath(parentUri, '..', membersFolderName(parentName));
  const now = args.now ?? Date.now();
  const configured = engine.settings(parentUri).timeZone;
  const timeZone = configured && isValidTimeZone(configured) ? configured : systemTimeZone();
  await vscode.workspace.fs.createDirectory(folder);
  let existing: Map<string, vscode.Uri>;
  try {
    existing = await membersIn(folder, parentUri);
  } catch (error) {
    if (!(error instanceof MemberNotUtf8)) throw error;
    // As the CLI refuses it: its organisation cannot be told, so a second report might be written for it.
    // The decoder's words in the parent's language (`incidentReport.locale`, else VS Code's), as its findings.
    const reason = t(engine.settings(parentUri).locale, error.text);
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: {0}: {1}; no member report was created.', vscode.workspace.asRelativePath(error.uri, false), reason));
    return [];
  }
  const written: vscode.Uri[] = [];
  const kept: Array<{ organization: string; uri: vscode.Uri }> = [];
  for (const { organization, location } of organizations) {
    const known = existing.get(organizationKey(organization));
    if (known) {
      kept.push({ organization, uri: known });
      continue;
    }
    const base = memberId(organization, now, timeZone);
    let id = base;
    let uri = vscode.Uri.joinPath(folder, `${id}.md`);
    for (let n = 2; await exists(uri); n++) {
      id = `${base}-${n}`;
      uri = vscode.Uri.joinPath(folder, `${id}.md`);
    }
    const text = newMemberTemplate({ parent: data, parentRef: `../${parentName}`, organization, location, id, now, timeZone });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    written.push(uri);
  }
  const first = written[0] ?? kept[0]?.uri;
  if (first) await vscode.window.showTextDocument(first);
  if (kept.length > 0) {
    void vscode.window.showInformationMessage(
      kept.length === 1
        ? vscode.l10n.t('Incident Report: {0} has a member report already ({1}); none was created for it.', kept[0]!.organization, vscode.workspace.asRelativePath(kept[0]!.uri))
        : vscode.l10n.t('Incident Report: {0} organisations have a member report already; none was created for them.', kept.length),
    );
  }
  if (written.length > 1) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: {0} member reports created in {1}.', written.length, vscode.workspace.asRelativePath(folder)));
  }
  return written;
}

/** The member reports of the parent in `folder` (its `.md` files, not below), by organisation. */
async function membersIn(folder: vscode.Uri, parent: vscode.Uri): Promise<Map<string, vscode.Uri>> {
  const files: Array<{ path: string; text: string }> = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type !== vscode.FileType.File || !name.toLowerCase().endsWith('.md')) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      // Unreadable: no member this command can know of; the new report is still written.
      continue;
    }
    try {
      files.push({ path: uri.path, text: decodeUtf8(bytes) });
    } catch (error) {
      // A member report of this parent that is not UTF-8 has its organisation garbled (U+FFFD for
      // every umlaut): read leniently, "Stadt Lünen" got a second member report. Another file is passed over.
      if (error instanceof NotUtf8Error && existingMembers(parent.path, [{ path: uri.path, text: error.lenientText }]).size > 0) throw new MemberNotUtf8(uri, error.text);
    }
  }
  // By organizationKey, as the CLI: a member report of "Stadt Lüdenscheid" is one of "stadt lüdenscheid" too.
  return new Map([...existingMembers(parent.path, files)].map(([organization, path]) => [organizationKey(organization), folder.with({ path })]));
}

/** A member report of the parent in the folder that is not UTF-8 (`text`: the decoder's words, in both languages). */
class MemberNotUtf8 extends Error {
  constructor(
    readonly uri: vscode.Uri,
    readonly text: Localized,
  ) {
    super(text.en);
  }
}
