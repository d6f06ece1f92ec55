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
 */
import { isNode, isPair, parseDocument, visit, type Document, type Node } from 'yaml';
import { locate, parsePointer, walkScalars, type Located, type NodeLocator } from './pointer';

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
      if (key === undefined || entries.has(key)) return null;
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
}

/**
 * Entry-wise positions for `source`, a frontmatter that the fast data path read (so plain block
 * YAML without anchors, tags or multi-line flow). `whole` builds the full document, the fallback.
 */
export function frontmatterNodes(source: string, whole: () => Document.Parsed | null): FrontmatterNodes {
  let entries: Map<string, Entry> | null | undefined;
  let failed = false;
  const entryDoc = (entry: Entry): Document.Parsed | null => {
    if (entry.doc !== undefined) return entry.doc;
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

  return {
    locate(pointer) {
      const [head] = parsePointer(pointer);
      if (head === undefined) return wholeLocate(whole, pointer);
      const entry = entryFor(head);
      if (entry === undefined) return null;
      const doc = entry && entryDoc(entry);
      return doc ? locate(doc, pointer) : wholeLocate(whole, pointer);
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

function wholeLocate(whole: () => Document.Parsed | null, pointer: string): Located | null {
  const doc = whole();
  return doc ? locate(doc, pointer) : null;
}
