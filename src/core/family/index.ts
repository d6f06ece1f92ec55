/**
 * Incident families: a member report names its parent with `parent:` (a path relative to the
 * member file), parents may have parents of their own (county → towns), and cross-file rules check
 * that the members stand on the parent's facts.
 *
 * The engine stays pure and synchronous: it never reads a file. A host (the CLI through `fs`, the
 * extension through `vscode.workspace.fs`) hands `lint()` a {@link FamilyOptions} whose `lookup`
 * returns the documents it has loaded, keyed by {@link resolveParentPath}. The CLI can answer
 * lookups from a read-through cache; the extension loads the chain first with
 * {@link loadParentChain} (async, any reader) and then lints synchronously.
  *
 * May import: shared, report.
 */
import { parseReport, type ParsedReport } from '../report/parse';
import { isIncidentReport } from '../report/isReport';
import { isRecord } from '../report/fields';
import type { Localized, RelatedLocation, TextLocation } from '../shared/types';

/** One document of a family as a host loaded it; parsed on first use, once. */
export interface FamilyEntry {
  /** The path the entry is known by (see {@link resolveParentPath}). */
  readonly path: string;
  /** How messages name the file (default: `path`; the extension gives a workspace-relative path). */
  readonly label: string;
  /** The text, or `null` when the file could not be read. */
  readonly text: string | null;
  /** Why the file could not be read (`null` when it could), in English. */
  readonly error: string | null;
  /** Why the file could not be read in both languages, when the host gave both (`null` otherwise). */
  readonly reason: Localized | null;
  /** The parsed report (`null` when there is no text). */
  readonly report: ParsedReport | null;
  /** The frontmatter mapping, `null` when there is none. */
  readonly data: Record<string, unknown> | null;
  /** Whether the document is an incident report (marker or report path, and a frontmatter mapping). */
  readonly isReport: boolean;
}

/**
 * A member report as its parent sees it: who it is, and (its location) where its `organization`
 * value is written in the member file.
 */
export interface FamilyMember extends TextLocation {
  /** The member's path (same form as the parent's). */
  path: string;
  /** How messages name the member file. */
  label: string;
  /** The resolved path of its parent. */
  parent: string;
  /** Its `organization`. */
  organization: string;
}

/** What a host knows about the family of the document being linted. */
export interface FamilyOptions {
  /** The loaded document at a path produced by {@link resolveParentPath}; `undefined` when the host did not load it. */
  lookup(path: string): FamilyEntry | undefined;
  /** Members of the document being linted (reports whose `parent` resolves to it), when the host knows them. */
  members?: readonly FamilyMember[];
}

/** Parent chains longer than this are treated like a cycle: no real family nests that deep. */
export const MAX_FAMILY_DEPTH = 32;

/** Creates a family entry; the text is parsed lazily, at most once. */
export function familyEntry(path: string, text: string | null, error: string | Localized | null = null, label: string = path): FamilyEntry {
  const reason = text === null && error !== null && typeof error !== 'string' ? error : null;
  let report: ParsedReport | null | undefined;
  let isReport: boolean | undefined;
  const parsed = () => (report === undefined ? (report = text === null ? null : parseReport(text)) : report);
  return {
    path,
    label,
    text,
    error: text === null ? ((typeof error === 'string' ? error : error?.en) ?? 'not readable') : null,
    reason,
    get report() {
      return parsed();
    },
    get data() {
      const data = parsed()?.data;
      return isRecord(data) ? data : null;
    },
    get isReport() {
      return (isReport ??= text !== null && isRecord(parsed()?.data) && isIncidentReport(text, path));
    },
  };
}

/** The `parent` a report names (`null` when it names none, or its frontmatter cannot be read). */
export function parentReference(input: string | ParsedReport): string | null {
  const data = (typeof input === 'string' ? parseReport(input) : input).data;
  return isRecord(data) && typeof data.parent === 'string' && data.parent !== '' ? data.parent : null;
}

/**
 * The path of a parent: `ref` resolved against the folder of `memberPath`, with forward slashes
 * and `.`/`..` segments folded (`towns/werne.md` + `../provider/sit.md` → `provider/sit.md`).
 * Pure string work, so it serves file paths and URI paths alike.
 */
export function resolveParentPath(memberPath: string, ref: string): string {
  const member = memberPath.replace(/\\/g, '/');
  const target = ref.replace(/\\/g, '/');
  const joined = target.startsWith('/') ? target : member.slice(0, member.lastIndexOf('/') + 1) + target;
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment === '..' && absolute) continue;
    else out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** The resolved parent path of a document, or `null` when it names none. */
export function parentPathOf(path: string, input: string | ParsedReport): string | null {
  const ref = parentReference(input);
  return ref === null ? null : resolveParentPath(path, ref);
}

/**
 * Loads the parent chain of a document, nearest first, with any reader (the extension passes one
 * over `vscode.workspace.fs`). Stops at a report without parent, at a file that cannot be read or is
 * no report, at a path seen before (a cycle) and after {@link MAX_FAMILY_DEPTH} levels.
 */
export async function loadParentChain(path: string, input: string | ParsedReport, read: (path: string) => Promise<FamilyEntry>): Promise<FamilyEntry[]> {
  const chain: FamilyEntry[] = [];
  const seen = new Set([normalizePath(path)]);
  for (let next = parentPathOf(path, input); next !== null && !seen.has(next) && chain.length < MAX_FAMILY_DEPTH; ) {
    seen.add(next);
    const entry = await read(next);
    chain.push(entry);
    next = entry.report === null ? null : parentPathOf(entry.path, entry.report);
  }
  return chain;
}

/** A path in the form lookups use (forward slashes, `.`/`..` folded). */
export function normalizePath(path: string): string {
  return resolveParentPath('', path);
}

/** Builds a {@link FamilyOptions} over a fixed set of loaded entries. */
export function familyOf(entries: Iterable<FamilyEntry>, members?: readonly FamilyMember[]): FamilyOptions {
  const byPath = new Map<string, FamilyEntry>();
  for (const entry of entries) byPath.set(normalizePath(entry.path), entry);
  return { lookup: (path) => byPath.get(normalizePath(path)), ...(members ? { members } : {}) };
}

/** The location of the field at `pointer` in a loaded family document (its opening fence as last resort). */
export function relatedAt(entry: FamilyEntry, pointer: string, message: string): RelatedLocation {
  const report = entry.report;
  let offset = 0;
  let endOffset = 0;
  if (report && report.frontmatter.kind === 'yaml') {
    const range = report.yaml!.rangeOf(pointer, 'value');
    const base = report.frontmatter.contentOffset;
    if (range) {
      offset = base + range.offset;
      endOffset = base + range.endOffset;
    } else {
      endOffset = report.frontmatter.open.endOffset;
    }
  }
  return locationIn(entry.path, report, offset, endOffset, message);
}

function locationIn(file: string, report: ParsedReport | null, offset: number, endOffset: number, message: string): RelatedLocation {
  const start = report ? report.lines.linePos(offset) : { line: 1, col: 1 };
  const end = report ? report.lines.linePos(endOffset) : { line: 1, col: 1 };
  return { file, offset, endOffset, line: start.line, column: start.col, endLine: end.line, endColumn: end.col, message };
}

/**
 * The member record of a linted report (for hosts that lint a parent with its members later):
 * `null` unless it names a parent and has an `organization`, placed at that value.
 */
export function memberOf(path: string, report: ParsedReport, label: string = path): FamilyMember | null {
  const data = isRecord(report.data) ? report.data : null;
  if (!data || typeof data.parent !== 'string' || typeof data.organization !== 'string') return null;
  if (report.frontmatter.kind !== 'yaml') return null;
  const base = report.frontmatter.contentOffset;
  const range = report.yaml!.rangeOf('/organization');
  const offset = range ? base + range.offset : report.frontmatter.open.offset;
  const endOffset = range ? base + range.endOffset : report.frontmatter.open.endOffset;
  const start = report.lines.linePos(offset);
  const end = report.lines.linePos(endOffset);
  return {
    path,
    label,
    parent: resolveParentPath(path, data.parent),
    organization: data.organization,
    offset,
    endOffset,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
  };
}

/**
 * The organisations that already have a member report of the parent at `parentPath`, each with the
 * path of that report, among `files` (any other file is ignored). Creating members again from a
 * longer list then adds only the missing ones instead of a second report per organisation.
 * Paths in the same form as the parent's (both absolute, or both relative to one folder).
 */
export function existingMembers(parentPath: string, files: Iterable<{ path: string; text: string }>): Map<string, string> {
  const parent = normalizePath(parentPath);
  const found = new Map<string, string>();
  for (const { path, text } of files) {
    const member = memberOf(path, parseReport(text));
    if (member && member.parent === parent && !found.has(member.organization)) found.set(member.organization, path);
  }
  return found;
}
