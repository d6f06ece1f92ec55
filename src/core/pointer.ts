import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/** Splits an RFC 6901 JSON Pointer into its unescaped segments (`~1` → `/`, `~0` → `~`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds an RFC 6901 JSON Pointer from raw segments, escaping `~` and `/`. */
export function formatPointer(segments: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapeSegment(segment);
  return pointer;
}

/** Pointers built before, by their segments (a missing segment is the key `undefined`). */
const fieldPointers = new Map<string, Map<string | number | undefined, Map<string | number | undefined, string>>>();
/** Indices from here on, and pointers beyond {@link MOST_CACHED}, are built each time: a huge report must not fill memory. */
const CACHED_INDICES = 256;
const MOST_CACHED = 20_000;
let cachedPointers = 0;

/**
 * `formatPointer` of one to three segments, for the fields that rules and the publication model
 * read on every lint (`/timestamps/started_at`, `/updates/3/text`): the same string every time,
 * built once instead of for every field of every report.
 */
export function fieldPointer(first: string, second?: string | number, third?: string | number): string {
  if (isLargeIndex(second) || isLargeIndex(third)) return buildPointer(first, second, third);
  let bySecond = fieldPointers.get(first);
  if (!bySecond) fieldPointers.set(first, (bySecond = new Map()));
  let byThird = bySecond.get(second);
  if (!byThird) bySecond.set(second, (byThird = new Map()));
  let pointer = byThird.get(third);
  if (pointer === undefined) {
    pointer = buildPointer(first, second, third);
    if (cachedPointers < MOST_CACHED) (byThird.set(third, pointer), cachedPointers++);
  }
  return pointer;
}

function isLargeIndex(segment: string | number | undefined): boolean {
  return typeof segment === 'number' && !(segment >= 0 && segment < CACHED_INDICES);
}

function buildPointer(first: string, second?: string | number, third?: string | number): string {
  return formatPointer(second === undefined ? [first] : third === undefined ? [first, second] : [first, second, third]);
}

/** One segment of a JSON Pointer; keys and indices rarely hold `~` or `/`, so most need no replacing. */
function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** A located frontmatter node: the value, and the key it hangs under when its parent is a mapping. */
export interface Located {
  value: Node | null;
  pair: Pair | null;
  /** The collection holding the value (`null` for the document root). */
  parent: Node | null;
}

/** Finds the node at a JSON Pointer, or `null` when any segment does not exist. */
export type NodeLocator = (pointer: string) => Located | null;

/** A {@link NodeLocator} over a whole positioned document. */
export function documentLocator(doc: Document): NodeLocator {
  return (pointer) => locate(doc, pointer);
}

/** Finds the node at `pointer`, or `null` when any segment does not exist. */
export function locate(doc: Document, pointer: string): Located | null {
  let current: Located = { value: doc.contents as Node | null, pair: null, parent: null };
  for (const segment of parsePointer(pointer)) {
    const node = current.value;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return null;
      current = { value: (pair.value as Node | null) ?? null, pair: pair as Pair, parent: node };
    } else if (isSeq(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return null;
      const item = node.items[Number(segment)];
      if (item === undefined) return null;
      current = { value: isPair(item) ? null : (item as Node | null), pair: null, parent: node };
    } else {
      return null;
    }
  }
  return current;
}

/** A range in the YAML source (offsets relative to the frontmatter content). */
export interface SourceRange {
  offset: number;
  endOffset: number;
}

/** The range of a node's value, without trailing comments or line breaks. */
export function valueRange(node: Node): SourceRange | null {
  const range = node.range;
  if (!range) return null;
  return { offset: range[0], endOffset: range[1] };
}

/** The range of a pair's key. */
export function keyRange(pair: Pair): SourceRange | null {
  const key = pair.key as Node | null;
  return key && key.range ? { offset: key.range[0], endOffset: key.range[1] } : null;
}

/**
 * Where to report something about the field at `pointer`:
 * - an existing value → the value (or its key when the value is empty);
 * - a missing field → the key of the nearest existing mapping that should hold it;
 * - `null` → the field's nearest existing ancestor is the document root (caller uses the opening fence).
 */
export function rangeForPointer(where: Document | NodeLocator, pointer: string, prefer: 'value' | 'key' = 'value'): SourceRange | null {
  const find = typeof where === 'function' ? where : documentLocator(where);
  const segments = parsePointer(pointer);
  for (let depth = segments.length; depth > 0; depth--) {
    const located = find(formatPointer(segments.slice(0, depth)));
    if (!located) continue;
    const exact = depth === segments.length;
    if (exact && prefer === 'value' && located.value) {
      const range = valueRange(located.value);
      if (range && range.endOffset > range.offset) return range;
    }
    if (located.pair) return keyRange(located.pair);
    // A sequence item has no key of its own: point at its first key, or at the item itself.
    if (located.value) {
      if (isMap(located.value) && located.value.items[0]) return keyRange(located.value.items[0] as Pair);
      const range = valueRange(located.value);
      if (range) return range;
    }
  }
  return null;
}

/** Calls `visit` for every scalar value in the document with its JSON Pointer (keys are not visited). */
export function walkScalars(doc: Document, visit: (node: Node, pointer: string) => void): void {
  const walk = (node: unknown, segments: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...segments, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...segments, index]));
    } else if (isScalar(node)) {
      visit(node, formatPointer(segments));
    }
  };
  walk(doc.contents, []);
}
