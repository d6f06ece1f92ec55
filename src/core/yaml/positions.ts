/**
 * Nodes of a parsed frontmatter by JSON Pointer, and where a finding about a field goes. Offsets
 * are into the frontmatter source, as the `yaml` package gives them.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { formatPointer, parsePointer } from './pointer';

/** A located frontmatter node: the value, and the key it hangs under when its parent is a mapping. */
export interface Located {
  value: Node | null;
  pair: Pair | null;
  /** The collection holding the value (`null` for the document root). */
  parent: Node | null;
}

/** A range in the YAML source (offsets relative to the frontmatter content). */
export interface SourceRange {
  offset: number;
  endOffset: number;
}

/** A scalar of the frontmatter: where it is written, its value and how it is written. */
export interface ScalarAt extends SourceRange {
  value: unknown;
  type: Scalar.Type | undefined;
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The node at `pointer`, or `null` when any segment does not exist. */
export function locate(doc: Document, pointer: string): Located | null {
  let current: Located = { value: doc.contents as Node | null, pair: null, parent: null };
  for (const segment of parsePointer(pointer)) {
    const node = current.value;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return null;
      current = { value: (pair.value as Node | null) ?? null, pair: pair as Pair, parent: node };
    } else if (isSeq(node)) {
      const item = INDEX.test(segment) ? node.items[Number(segment)] : undefined;
      if (item === undefined) return null;
      current = { value: isPair(item) ? null : (item as Node | null), pair: null, parent: node };
    } else {
      return null;
    }
  }
  return current;
}

/** The scalar at `pointer`, or `null` where there is none. */
export function scalarAt(doc: Document, pointer: string): ScalarAt | null {
  const node = locate(doc, pointer)?.value;
  if (!isScalar(node) || !node.range) return null;
  return { offset: node.range[0], endOffset: node.range[1], value: node.value, type: node.type };
}

/** The range of a node, without trailing comments or line breaks. */
export function rangeOf(node: Node | null | undefined): SourceRange | null {
  return node?.range ? { offset: node.range[0], endOffset: node.range[1] } : null;
}

/**
 * Where to report something about the field at `pointer`:
 * - an existing value → the value (or its key when the value is empty, or when `prefer` is `key`);
 * - a missing field → the key of the nearest existing mapping that should hold it;
 * - `null` → the field's nearest existing ancestor is the document root (the caller uses the opening fence).
 */
export function rangeForPointer(doc: Document, pointer: string, prefer: 'value' | 'key' = 'value'): SourceRange | null {
  const segments = parsePointer(pointer);
  for (let depth = segments.length; depth > 0; depth--) {
    const located = locate(doc, formatPointer(segments.slice(0, depth)));
    if (!located) continue;
    if (depth === segments.length && prefer === 'value') {
      const range = rangeOf(located.value);
      if (range && range.endOffset > range.offset) return range;
    }
    if (located.pair) return rangeOf(located.pair.key as Node | null);
    // A sequence item has no key of its own: point at its first key, or at the item itself.
    if (isMap(located.value) && located.value.items[0]) return rangeOf(located.value.items[0].key as Node | null);
    const range = rangeOf(located.value);
    if (range) return range;
  }
  return null;
}

/**
 * Where each character of a string scalar's value is written: value and source walked side by
 * side, a run of white space matching a run (line folding, indentation), other source characters
 * the value lacks (quotes, a block scalar's header, escapes) skipped. A guess where the source
 * holds escapes: {@link spanOf} checks every span against the source before it is used.
 */
export function valuePositions(source: string, scalar: ScalarAt, value: string): number[] {
  const text = source.slice(scalar.offset, scalar.endOffset);
  let j = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE' ? 1 : 0;
  // A block scalar's header (`|-`, `>`) and its comment are no part of the value.
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') j = text.indexOf('\n') + 1;
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (WHITE.test(c)) {
      while (j < text.length && text[j] !== c && !WHITE.test(text[j]!)) j++;
      positions.push(scalar.offset + Math.min(j, text.length - 1));
      if (i + 1 < value.length && !WHITE.test(value[i + 1]!)) while (j < text.length && WHITE.test(text[j]!)) j++;
      continue;
    }
    while (j < text.length && text[j] !== c) j++;
    positions.push(scalar.offset + Math.min(j, text.length - 1));
    j++;
  }
  return positions;
}

const WHITE = /\s/;

/**
 * The source range of `[start, end)` of a scalar's value, given {@link valuePositions}: `null`
 * unless the source there reads exactly as the value (white space runs, which line folding and
 * indentation change, count as one space) — an escape or a doubled quote inside has no exact place.
 */
export function spanOf(source: string, value: string, positions: readonly number[], start: number, end: number): SourceRange | null {
  if (start < 0 || end > value.length || end <= start) return null;
  const offset = positions[start]!;
  const endOffset = positions[end - 1]! + 1;
  const fold = (text: string) => text.replace(/\s+/g, ' ');
  return endOffset > offset && fold(source.slice(offset, endOffset)) === fold(value.slice(start, end)) ? { offset, endOffset } : null;
}
