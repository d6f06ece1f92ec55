/**
 * Positions of frontmatter nodes without parsing the whole frontmatter with `yaml`.
 *
 * A finding needs the source range of the field it is about. Building the positioned `yaml`
 * Document of a whole frontmatter costs ten times what the data costs (see `yamlData.ts`), and a
 * report with one wrong `status` would pay for its hundred `updates` too. In plain block YAML,
 * which is what the fast data path accepts, every top-level entry starts at column 0 with its key
 * and runs to the next such line. So an entry can be parsed on its own, and its nodes' ranges,
 * moved by where the entry starts, are the ranges the whole document would give them.
 *
 * Anything that does not split cleanly this way (a key that is not a plain word, a root that is not
 * a mapping, an entry that does not parse to exactly its own key) makes every lookup use the whole
 * document instead. test/unit/yamlPositions.test.ts compares both ways on every fixture, example and
 * generated document, for every field and for missing ones.
 *
 * Where a finding goes (`rangeOf`) and the scalars that scans place (`scalar`) need even less: a line
 * scan of the entry (`yamlLineScan.ts`) tells them for nearly every field, and only what it cannot
 * tell parses the entry. The same test holds both to the whole document.
 */
import { isNode, isPair, isScalar, parseDocument, visit, type Document, type Node, type Scalar } from 'yaml';
import { locate, parsePointer, rangeForPointer, walkScalars, type Located, type NodeLocator, type SourceRange } from './pointer';
import { locateInLines, type LineLocated } from './yamlLineScan';
import { NOT_PLAIN_KEYS } from './yamlLines';

/** The options every positioned parse of frontmatter uses (see `parseReport`). */
export const YAML_PARSE_OPTIONS = { version: '1.2', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** A top-level entry of the frontmatter: its key and where its text starts and ends. */
interface Entry {
  key: string;
  start: number;
  end: number;
  doc?: Document.Parsed | null;
}

/** A plain key at column 0 (`status:`, `x-ticket:`, `data_loss:`) followed by white space or the line end. */
const ENTRY_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t\r\n]|$)/;

/**
 * Splits `source` into its top-level entries, or returns `null` when it does not split cleanly.
 * Lines indented, blank, comments or list items (`- `, which YAML allows at the key's own
 * indentation under it) continue the entry before them.
 */
function splitEntries(source: string): Map<string, Entry> | null {
  const entries = new Map<string, Entry>();
  let last: Entry | null = null;
  for (let start = 0; start < source.length; ) {
    const newline = source.indexOf('\n', start);
    const next = newline === -1 ? source.length : newline + 1;
    const first = source[start]!;
    const continues = first === ' ' || first === '\t' || first === '#' || first === '\n' || first === '\r' || (first === '-' && /^-(?:[ \t\r\n]|$)/.test(source.slice(start, start + 2)));
    if (!continues) {
      const key = ENTRY_KEY.exec(source.slice(start, next))?.[1];
      if (key === undefined || entries.has(key) || NOT_PLAIN_KEYS.has(key)) return null;
      if (last) last.end = start;
      last = { key, start, end: source.length };
      entries.set(key, last);
    } else if (!last && !/^[ \t]*(?:#.*)?\r?\n?$/.test(source.slice(start, next))) {
      return null; // content before the first key: an indented root, a root sequence
    }
    start = next;
  }
  return entries;
}

/** Moves every node range of `doc` by `base`, so that they are offsets in the whole frontmatter. */
function shiftRanges(doc: Document.Parsed, base: number): void {
  if (base === 0) return;
  // `visit` reaches keys as well as values, each node once (the fast path admits no aliases).
  visit(doc, (_key, node) => {
    if (isNode(node) && node.range) node.range = [node.range[0] + base, node.range[1] + base, node.range[2] + base];
  });
}

/** Finds frontmatter nodes by JSON Pointer, parsing as little of the frontmatter as it can. */
export interface FrontmatterNodes {
  /**
   * The node at `pointer` with its key and parent (ranges relative to the frontmatter content). The
   * parent of a top-level field may be a mapping of that one entry, not the whole root mapping.
   */
  locate: NodeLocator;
  /**
   * Calls `visit` for every scalar whose top-level entry's text passes `wanted` (all of them
   * without it), with its JSON Pointer.
   */
  walkScalars(visit: (node: Node, pointer: string) => void, wanted?: (entryText: string) => boolean): void;
  /** Where to report something about the field at `pointer`: exactly {@link rangeForPointer} over {@link locate}. */
  rangeOf(pointer: string, prefer?: 'value' | 'key'): SourceRange | null;
  /** The scalar at `pointer` (its range, value and style), or `null` where there is none. */
  scalar(pointer: string): ScalarAt | null;
  /** How many top-level entries were parsed with `yaml` so far (the line scan parses none). */
  readonly parsedEntries: number;
}

/** A scalar of the frontmatter: where it is written, and its value. */
export interface ScalarAt extends SourceRange {
  value: unknown;
  type: Scalar.Type | undefined;
}

/** {@link FrontmatterNodes.scalar} by way of a {@link NodeLocator}. */
export function scalarVia(locate: NodeLocator, pointer: string): ScalarAt | null {
  const node = locate(pointer)?.value;
  if (!node || !isScalar(node) || !node.range) return null;
  return { offset: node.range[0], endOffset: node.range[1], value: node.value, type: node.type };
}

/**
 * Entry-wise positions for `source`, a frontmatter that the fast data path read (so plain block
 * YAML without anchors, tags or multi-line flow). `whole` builds the full document, the fallback.
 */
export function frontmatterNodes(source: string, whole: () => Document.Parsed | null, data?: unknown): FrontmatterNodes {
  let entries: Map<string, Entry> | null | undefined;
  let failed = false;
  let parsedEntries = 0;
  const entryDoc = (entry: Entry): Document.Parsed | null => {
    if (entry.doc !== undefined) return entry.doc;
    parsedEntries++;
    const doc = parseDocument(source.slice(entry.start, entry.end), YAML_PARSE_OPTIONS);
    const contents = doc.contents as { items?: unknown[] } | null;
    const item = contents?.items?.length === 1 ? contents.items[0] : null;
    const own = doc.errors.length === 0 && isPair(item) && isNode(item.key) && String((item.key as { value?: unknown }).value) === entry.key;
    if (!own) {
      failed = true;
      return (entry.doc = null);
    }
    shiftRanges(doc, entry.start);
    return (entry.doc = doc);
  };
  /** The entry for `key`, `undefined` when the frontmatter has none, `null` when only the whole document can tell. */
  const entryFor = (key: string): Entry | null | undefined => {
    if (failed) return null;
    if (entries === undefined) entries = splitEntries(source);
    if (entries === null) return null;
    return entries.get(key);
  };

  const locateNode: NodeLocator = (pointer) => {
    const [head] = parsePointer(pointer);
    if (head === undefined) return wholeLocate(whole, pointer);
    const entry = entryFor(head);
    if (entry === undefined) return null;
    const doc = entry && entryDoc(entry);
    return doc ? locate(doc, pointer) : wholeLocate(whole, pointer);
  };
  /** The line scan's answer for `segments` (see `yamlLineScan.ts`); `undefined` when only `yaml` can tell. */
  const scanned = (segments: readonly string[]): LineLocated | null | undefined => {
    if (segments.length === 0 || data === undefined) return undefined;
    const entry = entryFor(segments[0]!);
    if (entry === undefined) return null;
    return entry ? locateInLines(source, entry, segments) : undefined;
  };

  return {
    get parsedEntries() {
      return parsedEntries;
    },
    locate: locateNode,
    rangeOf(pointer, prefer = 'value') {
      const range = scannedRange(scanned, parsePointer(pointer), prefer);
      return range === undefined ? rangeForPointer(locateNode, pointer, prefer) : range;
    },
    scalar(pointer) {
      const segments = parsePointer(pointer);
      const found = scanned(segments);
      if (found === null) return null;
      if (found === undefined || found.node.kind === 'empty') return scalarVia(locateNode, pointer);
      if (found.node.kind !== 'scalar') return null;
      return { ...found.node.range, value: valueIn(data, segments), type: found.node.style };
    },
    walkScalars(visitScalar, wanted) {
      if (entries === undefined && !failed) entries = splitEntries(source);
      const chosen = entries && !failed ? [...entries.values()].filter((entry) => !wanted || wanted(source.slice(entry.start, entry.end))) : [];
      const docs = chosen.map(entryDoc);
      // Entries that do not split cleanly (now or while parsing one): the whole document decides.
      const walked = !entries || failed ? [whole()] : docs;
      for (const doc of walked) if (doc) walkScalars(doc, visitScalar);
    },
  };
}

/**
 * {@link rangeForPointer} from the line scan's answers, step for step; `undefined` as soon as the
 * scan cannot tell, or the answer would be a collection's own range (the scan does not know where
 * a collection ends the way `yaml` does).
 */
function scannedRange(
  scanned: (segments: readonly string[]) => LineLocated | null | undefined,
  segments: readonly string[],
  prefer: 'value' | 'key',
): SourceRange | null | undefined {
  for (let depth = segments.length; depth > 0; depth--) {
    const located = scanned(segments.slice(0, depth));
    if (located === undefined) return undefined;
    if (located === null) continue;
    const { node, key } = located;
    if (depth === segments.length && prefer === 'value') {
      if (node.kind === 'scalar') return node.range;
      if (node.kind !== 'empty') return undefined;
    }
    if (key) return key;
    // A sequence item: its first key, or the item itself.
    if (node.kind === 'map') return node.firstKey;
    return node.kind === 'scalar' ? node.range : undefined;
  }
  return null;
}

/** The data at `segments` (the fast path's data is what `yaml` would give each scalar). */
function valueIn(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) value = (value as Record<string, unknown> | null | undefined)?.[segment];
  return value;
}

function wholeLocate(whole: () => Document.Parsed | null, pointer: string): Located | null {
  const doc = whole();
  return doc ? locate(doc, pointer) : null;
}
