import * as vscode from 'vscode';
import { familyEntry, loadParentChain, normalizePath, type FamilyEntry, type FamilyMember, type LintContext, type LintResult, type ParsedReport } from '../core';
import { readBytes } from './files';

/**
 * Incident families in the editor: loads a report's parent chain through `vscode.workspace.fs`
 * (so it works in the web-worker host too, and without opening the parent in an editor), prefers
 * the text of an open editor over the file, and remembers who depends on whom:
 * - a member's parents, so that editing, saving, creating or deleting a parent re-lints its members
 *   (`onDidChangeFamily` names the URIs to re-lint);
 * - the members the extension has linted (open or by "Lint All Reports in Workspace"), so that a
 *   parent is linted with them (family-membership).
 *
 * Paths handed to the engine are URI paths (`/…/provider/sit.md`); a path becomes a URI again with
 * the member's scheme and authority.
 */
export class FamilyService implements vscode.Disposable {
  /** Loaded documents by URI string. */
  private readonly entries = new Map<string, FamilyEntry>();
  /** Member URI string → URI strings of its parent chain. */
  private readonly parents = new Map<string, string[]>();
  /** Member URI string → its member record (for linting its parent). */
  private readonly members = new Map<string, { base: string; parent: string; member: FamilyMember }>();
  /** Member URI string → how often its family changed: part of the engine's cache key. */
  private readonly stamps = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires with the URIs of reports whose family changed: lint them again. */
  readonly onDidChangeFamily = this.changed.event;

  constructor() {
    const forget = (uri: vscode.Uri) => this.invalidate(uri.toString());
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && forget(event.document.uri)),
      vscode.workspace.onDidSaveTextDocument((document) => forget(document.uri)),
      // An editor closed with unsaved changes: the file on disk is the parent again.
      vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri)),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(forget)),
      vscode.workspace.onDidDeleteFiles((event) =>
        event.files.forEach((uri) => {
          this.dropMember(uri.toString());
          forget(uri);
        }),
      ),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => {
          this.dropMember(oldUri.toString());
          forget(oldUri);
          forget(newUri);
        }),
      ),
    );
  }

  /** The lint context of `uri`: its parent chain loaded now (each file read once until it changes). */
  async load(uri: vscode.Uri, input: string | ParsedReport): Promise<LintContext> {
    const chain = await loadParentChain(uri.path, input, (path) => this.read(uri.with({ path })));
    const key = uri.toString();
    const parents = chain.map((entry) => uri.with({ path: entry.path }).toString());
    // A synchronous lint (hover, deadline clock, Enter rules) may have run before the chain was
    // loaded and cached a result without the parent: a newly loaded chain makes that result stale.
    if (parents.join('\n') !== (this.parents.get(key) ?? []).join('\n')) this.stamps.set(key, (this.stamps.get(key) ?? 0) + 1);
    this.parents.set(key, parents);
    return this.contextNow(uri);
  }

  /** The lint context of `uri` from what is loaded already (for synchronous callers). */
  contextNow(uri: vscode.Uri): LintContext {
    const path = normalizePath(uri.path);
    const base = baseOf(uri);
    const members = [...this.members.values()].filter((m) => m.parent === path && m.base === base);
    return {
      path: uri.path,
      label: vscode.workspace.asRelativePath(uri, false),
      family: {
        lookup: (at) => this.entries.get(uri.with({ path: at }).toString()),
        members: members.map((m) => m.member),
      },
    };
  }

  /** How often the family of `uri` changed (part of the engine's cache key). */
  stamp(uri: vscode.Uri): number {
    return this.stamps.get(uri.toString()) ?? 0;
  }

  /**
   * Remembers a lint result: whether the report is a member of a parent. A new, changed or lost
   * membership changes the parent's findings, so the parent is announced for re-linting.
   */
  record(uri: vscode.Uri, result: LintResult): void {
    const key = uri.toString();
    const before = this.members.get(key);
    const member = result.member;
    if (!member) {
      if (before) this.dropMember(key);
      return;
    }
    this.members.set(key, { base: baseOf(uri), parent: member.parent, member });
    if (before?.parent === member.parent && before.member.organization === member.organization) return;
    const touched = [member.parent, ...(before && before.parent !== member.parent ? [before.parent] : [])];
    this.announce(touched.map((path) => uri.with({ path }).toString()));
  }

  private dropMember(key: string): void {
    const before = this.members.get(key);
    if (!before) return;
    this.members.delete(key);
    this.announce([vscode.Uri.parse(key).with({ path: before.parent }).toString()]);
  }

  private async read(uri: vscode.Uri): Promise<FamilyEntry> {
    const key = uri.toString();
    const cached = this.entries.get(key);
    if (cached) return cached;
    const label = vscode.workspace.asRelativePath(uri, false);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    let entry: FamilyEntry;
    if (open) {
      entry = familyEntry(uri.path, open.getText(), null, label);
    } else {
      try {
        // TextDecoder drops a UTF-8 BOM, as TextDocument.getText() does.
        entry = familyEntry(uri.path, new TextDecoder().decode(await readBytes(uri)), null, label);
      } catch (error) {
        entry = familyEntry(uri.path, null, error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'no such file' : vscode.l10n.t('the file cannot be read'), label);
      }
    }
    this.entries.set(key, entry);
    return entry;
  }

  /** A document changed: forget its loaded text and re-lint every report that has it as an ancestor. */
  private invalidate(key: string): void {
    const had = this.entries.delete(key);
    const dependents = [...this.parents].filter(([, chain]) => chain.includes(key)).map(([member]) => member);
    if (had || dependents.length) this.announce(dependents);
  }

  private announce(keys: string[]): void {
    if (keys.length === 0) return;
    for (const key of keys) this.stamps.set(key, (this.stamps.get(key) ?? 0) + 1);
    this.changed.fire(keys.map((key) => vscode.Uri.parse(key)));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Scheme and authority of a URI: paths are compared only within one file system. */
function baseOf(uri: vscode.Uri): string {
  return uri.with({ path: '/', query: '', fragment: '' }).toString();
}
