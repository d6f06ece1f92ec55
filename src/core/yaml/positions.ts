/**
 * Nodes of a parsed frontmatter by JSON Pointer, where a finding about a field goes, and where the
 * characters of a string value are written. Offsets are into the frontmatter source.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { parsePointer } from './pointer';

/** A located frontmatter node: the value, and the key it hangs under when its parent is a mapping. */
interface Located {
  value: Node | null;
  pair: Pair | null;
}

/** A range of UTF-16 offsets, `[offset, endOffset)`: in the frontmatter source unless a use says the report text. */
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

/** The nodes along `segments`, the root first, as far as they exist. */
function trail(doc: Document, segments: readonly string[]): Located[] {
  const found: Located[] = [{ value: doc.contents as Node | null, pair: null }];
  for (const segment of segments) {
    const node = found[found.length - 1]!.value;
    const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment) : undefined;
    const item = isSeq(node) && INDEX.test(segment) ? node.items[Number(segment)] : undefined;
    if (pair) found.push({ value: (pair.value as Node | null) ?? null, pair: pair as Pair });
    else if (item !== undefined) found.push({ value: isPair(item) ? null : (item as Node | null), pair: null });
    else break;
  }
  return found;
}

/** The node at `pointer`, or `null` when any segment does not exist. */
export function locate(doc: Document, pointer: string): Located | null {
  const segments = parsePointer(pointer);
  return trail(doc, segments)[segments.length] ?? null;
}

/** The range of a node, without trailing comments (see {@link withoutLineBreaks} for its line breaks). */
function rangeOf(node: Node | null | undefined): SourceRange | null {
  return node?.range ? { offset: node.range[0], endOffset: node.range[1] } : null;
}

/**
 * Where the text `[offset, endOffset)` of `source` ends without the line breaks at its end. The
 * `yaml` package ends a block scalar (`|-`, `>`) and a block collection after the line break of its
 * last line: that break belongs to the line, not to the value, and an edit that replaced it would
 * join the next line to the new value (`status: resolvedseverity: major`).
 */
export function withoutLineBreaks(source: string, offset: number, endOffset: number): number {
  let end = endOffset;
  while (end > offset && (source[end - 1] === '\n' || source[end - 1] === '\r')) end--;
  return end;
}

/**
 * Where to report something about the field at `pointer`:
 * - an existing value → the value (or its key when the value is empty, or when `prefer` is `key`);
 * - a missing field → the key of the nearest existing mapping that should hold it;
 * - `null` → the field's nearest existing ancestor is the document root (the caller uses the opening fence).
 */
export function rangeForPointer(doc: Document, pointer: string, prefer: 'value' | 'key' = 'value'): SourceRange | null {
  const segments = parsePointer(pointer);
  const found = trail(doc, segments);
  for (let depth = found.length - 1; depth > 0; depth--) {
    const { value, pair } = found[depth]!;
    const range = rangeOf(value);
    if (depth === segments.length && prefer === 'value' && range && range.endOffset > range.offset) return range;
    if (pair) return rangeOf(pair.key as Node | null);
    // A sequence item has no key of its own: point at its first key, or at the item itself.
    if (isMap(value) && value.items[0]) return rangeOf(value.items[0].key as Node | null);
    if (range) return range;
  }
  return null;
}

/**
 * Where the characters `[start, end)` of a string scalar's value are written (`start === end`: where
 * text inserted before character `start` goes), or `null` where they have no exact place. Value and
 * source are walked side by side, a run of white space matching a run (line folding, indentation),
 * other source characters the value lacks (quotes, a block scalar's header, escapes) skipped; every
 * span is then checked against the source, so an escape or a doubled quote inside gives `null`.
 */
export function stringSpans(source: string, scalar: ScalarAt | null): ((start: number, end: number) => SourceRange | null) | null {
  if (typeof scalar?.value !== 'string') return null;
  const value = scalar.value;
  const text = source.slice(scalar.offset, scalar.endOffset);
  let j = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE' ? 1 : 0;
  // A block scalar's header (`|-`, `>`) and its comment are no part of the value.
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') j = text.indexOf('\n') + 1;
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const white = WHITE.test(value[i]!);
    while (j < text.length && text[j] !== value[i] && !(white && WHITE.test(text[j]!))) j++;
    positions.push(scalar.offset + Math.min(j, text.length - 1));
    if (!white) j++;
    else if (i + 1 < value.length && !WHITE.test(value[i + 1]!)) while (j < text.length && WHITE.test(text[j]!)) j++;
  }
  const fold = (text: string) => text.replace(/\s+/g, ' ');
  const span = (start: number, end: number): SourceRange | null => {
    if (start < 0 || end > value.length || end <= start) return null;
    const offset = positions[start]!;
    const endOffset = positions[end - 1]! + 1;
    return endOffset > offset && fold(source.slice(offset, endOffset)) === fold(value.slice(start, end)) ? { offset, endOffset } : null;
  };
  return (start, end) => {
    if (start !== end) return span(start, end);
    // An insertion point: before character `start`, or after the last one.
    const at = start < value.length ? span(start, start + 1)?.offset : span(start - 1, start)?.endOffset;
    return at === undefined ? null : { offset: at, endOffset: at };
  };
}

const WHITE = /\s/;
