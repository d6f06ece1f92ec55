import type { LintContext, LintResult } from '../linter/lint';
import { parseReport, type ParsedReport } from '../report/parse';
import { isRecord } from '../report/fields';
import { newestApprovals, readApprovals, releaseFilePath } from '../release/approvals';
import { loadParentChain, normalizePath, type FamilyEntry, type FamilyMember } from '../family/index';

/**
 * How an editor host names documents: by a key (its URI string) that consists of a file system
 * (scheme and authority) and a path. Paths handed to the engine are URI paths (`/…/provider/sit.md`).
 */
export interface FamilyHost {
  /** The URI path of a key. */
  path(key: string): string;
  /** The key of `path` on the same file system as `key`. */
  withPath(key: string, path: string): string;
  /** How messages name the document of `key` (a workspace-relative path). */
  label(key: string): string;
  /** Reads a document: an open editor's text before the file's; an entry with an error when it cannot be read. */
  read(key: string): Promise<FamilyEntry>;
  /**
   * Optional: a stamp of the file behind `key` as it is on disk now (e.g. modification time and size;
   * any string for a file that does not exist), or `null` when the document is not read from disk
   * (an open editor's text) or the stamp cannot be had. A loaded document whose stamp changed since
   * it was read is read anew on the next load, so a change that no file event announced is still seen.
   */
  version?(key: string): Promise<string | null>;
}

/** The version of a document that changed while it was read: never a stamp, so it is read again. */
const OVERLAPPED = '\u0000overlapped';

/**
 * Incident families in an editor, the same in every editor host (VS Code extension, language
 * server): loads a report's parent chain (each document once until it changes), and remembers who
 * depends on whom:
 * - a member's parents, so that editing, saving, creating or deleting a parent re-lints its members;
 * - the members the editor has linted, so that a parent is linted with them (family-membership).
 *
 * The host tells it when a document changed ({@link changed}) or went away ({@link removed}); it
 * answers with the keys of the reports to lint again (`onChange`).
 */
export class FamilyTracker {
  /** Loaded documents by key. */
  private readonly entries = new Map<string, FamilyEntry>();
  /** Member key → keys of its parent chain. */
  private readonly parents = new Map<string, string[]>();
  /** Member key → its member record (for linting its parent). */
  private readonly members = new Map<string, { base: string; parent: string; member: FamilyMember }>();
  /** Member key → how often its family changed: part of a lint cache's key. */
  private readonly stamps = new Map<string, number>();
  /** Loaded document key → its {@link FamilyHost.version} when it was read (absent: not checked). */
  private readonly versions = new Map<string, string>();
  /** Document key → how often it changed: a read that overlapped a change is read again. */
  private readonly changes = new Map<string, number>();

  constructor(
    private readonly host: FamilyHost,
    /** Called with the keys of reports whose family changed: lint them again. */
    private readonly onChange: (keys: string[]) => void,
  ) {}

  /** The lint context of `key`: its parent chain loaded now (each document read once until it changes). */
  async load(key: string, input: string | ParsedReport): Promise<LintContext> {
    const chain = await loadParentChain(this.host.path(key), input, (path) => this.read(this.host.withPath(key, path)));
    const parents = chain.map((entry) => this.host.withPath(key, entry.path));
    // The release file of the newest approval: approval-current names what changed since it, and
    // a change of that file lints the report again.
    const release = await this.loadRelease(key, input);
    if (release) parents.push(release);
    // A synchronous lint may have run before the chain was loaded and cached a result without the
    // parent: a newly loaded chain makes that result stale.
    if (parents.join('\n') !== (this.parents.get(key) ?? []).join('\n')) this.bump(key);
    this.parents.set(key, parents);
    // A parent that changed while it was being read may have the old text: the report is linted
    // again, and that load reads it anew.
    if (parents.some((parent) => this.versions.get(parent) === OVERLAPPED)) this.announce([key]);
    return this.contextNow(key);
  }

  /** The lint context of `key` from what is loaded already (for synchronous callers). */
  contextNow(key: string): LintContext {
    const path = this.host.path(key);
    const normalized = normalizePath(path);
    const base = this.base(key);
    const members = [...this.members.values()].filter((m) => m.parent === normalized && m.base === base);
    return {
      path,
      label: this.host.label(key),
      family: {
        lookup: (at) => this.entries.get(this.host.withPath(key, at)),
        members: members.map((m) => m.member),
      },
    };
  }

  /** How often the family of `key` changed (part of a lint cache's key). */
  stamp(key: string): number {
    return this.stamps.get(key) ?? 0;
  }

  /**
   * Remembers a lint result: whether the report is a member of a parent. A new, changed or lost
   * membership changes the parent's findings, so the parent is announced for re-linting.
   */
  record(key: string, result: LintResult): void {
    const before = this.members.get(key);
    const member = result.member;
    if (!member) {
      if (before) this.dropMember(key);
      return;
    }
    this.members.set(key, { base: this.base(key), parent: member.parent, member });
    if (before?.parent === member.parent && before.member.organization === member.organization) return;
    const touched = [member.parent, ...(before && before.parent !== member.parent ? [before.parent] : [])];
    this.announce(touched.map((path) => this.host.withPath(key, path)));
  }

  /** A document changed (edited, saved, closed with unsaved changes, created on disk): forget its text and re-lint what stands on it. */
  changed(key: string): void {
    this.changes.set(key, (this.changes.get(key) ?? 0) + 1);
    this.versions.delete(key);
    const had = this.entries.delete(key);
    const dependents = [...this.parents].filter(([, chain]) => chain.includes(key)).map(([member]) => member);
    if (had || dependents.length) this.announce(dependents);
  }

  /** A file was deleted (or renamed away): it is no member any more, and what stood on it is linted again. */
  removed(key: string): void {
    this.dropMember(key);
    this.changed(key);
  }

  private dropMember(key: string): void {
    const before = this.members.get(key);
    if (!before) return;
    this.members.delete(key);
    this.announce([this.host.withPath(key, before.parent)]);
  }

  /** Loads the release file of the report's newest approval; its key, or `null` when the report has no approval. */
  private async loadRelease(key: string, input: string | ParsedReport): Promise<string | null> {
    const report = typeof input === 'string' ? parseReport(input) : input;
    const newest = newestApprovals(readApprovals(isRecord(report.data) ? report.data : null));
    if (newest.length === 0) return null;
    const release = this.host.withPath(key, releaseFilePath(this.host.path(key), newest[0]!.version));
    await this.read(release);
    return release;
  }

  private async read(key: string): Promise<FamilyEntry> {
    const cached = this.entries.get(key);
    if (cached) {
      const known = this.versions.get(key);
      // Not checked: an open editor's text (its events say when it changes), or a host without stamps.
      if (known === undefined) return cached;
      const now = known === OVERLAPPED || !this.host.version ? null : await this.host.version(key);
      if (now !== null && now === known) return cached;
      // Changed on disk without an event (a file watcher can miss one), or read while it changed:
      // forget it and re-lint what stands on it, then read it anew.
      this.changed(key);
    }
    const count = this.changes.get(key) ?? 0;
    const version = this.host.version ? await this.host.version(key) : null;
    const entry = await this.host.read(key);
    this.entries.set(key, entry);
    // Changed while it was read: the text may be from before the change, so the next load reads it again.
    if ((this.changes.get(key) ?? 0) !== count) this.versions.set(key, OVERLAPPED);
    else if (version !== null) this.versions.set(key, version);
    return entry;
  }

  private announce(keys: string[]): void {
    if (keys.length === 0) return;
    for (const key of keys) this.bump(key);
    this.onChange(keys);
  }

  private bump(key: string): void {
    this.stamps.set(key, (this.stamps.get(key) ?? 0) + 1);
  }

  /** The file system of a key: paths are compared only within one. */
  private base(key: string): string {
    return this.host.withPath(key, '/');
  }
}
