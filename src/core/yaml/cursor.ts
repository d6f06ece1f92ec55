/**
 * What the editor needs at a cursor, read from the parsed frontmatter: the key or value under it,
 * the mapping a key typed on an empty line joins, the list item a dash starts, the indentation
 * Enter continues with, and the document's indentation step. While the author types, the YAML is
 * often broken; `yaml` reads on through the errors (a key without its colon is still a key), so
 * the document of the current version is the truth here too.
 *
 * Offsets in and out are offsets in the report text.
 */
import { isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FrontmatterYaml } from './document';
import type { SourceRange } from './positions';

/** A JSON Pointer as segments. */
export type Segment = string | number;

/** Where the cursor is, for completion. */
export type CursorPlace =
  /** On a key (`sta|tus:`), or on a word typed where a key goes (`  de|`): `mapping` is the mapping it belongs to. */
  | { kind: 'key'; mapping: Segment[]; keys: string[]; column: number; range: SourceRange; prefix: string; hasColon: boolean }
  /** On an empty stretch of a line where a key of `mapping` goes (its keys start at `column`). */
  | { kind: 'new-key'; mapping: Segment[]; keys: string[]; column: number }
  /**
   * In the value of `field`, or right after its colon or dash: a mapping's value (`status: inv|`)
   * or a list item (`- Stadt W|`, `- |`, `-|`). `range` is the value on this line (empty at the
   * cursor when there is none yet).
   */
  | { kind: 'value'; field: Segment[]; item: boolean; range: SourceRange; prefix: string; needsSpace: boolean; column: number };

/** What the cursor rests on, for hover: a key, or a scalar value. */
export interface CursorTarget {
  kind: 'key' | 'value';
  /** The field: the key's, or the one holding the value. */
  field: Segment[];
  /** The key, or the value as it reads (without quotes or escapes). */
  text: string;
  range: SourceRange;
}

/** The place of `offset` for completion, or `null` outside the YAML, in a comment or in a block scalar. */
export function cursorPlace(yaml: FrontmatterYaml, offset: number): CursorPlace | null {
  const at = cursorIn(yaml, offset);
  if (!at) return null;
  const { source, doc, pos, lineStart } = at;
  const shift = (from: number, to: number): SourceRange => ({ offset: yaml.offset + from, endOffset: yaml.offset + to });
  const column = pos - lineStart;

  // On a key: its text, up to the cursor, is what is typed.
  const found = descend(doc, pos);
  if (found.key) {
    const { pair, map, path } = found.key;
    const [start, keyEnd] = found.key.range;
    // A key typed without its colon may run on into the next line as far as `yaml` is concerned
    // (`organization_a` above `organization: x`): only its part on the cursor's line counts.
    const end = Math.min(keyEnd, lineEndOf(source, pos));
    const hasColon = end === keyEnd && colonAfter(source, keyEnd) !== -1;
    return { kind: 'key', mapping: path, keys: keysOf(map, pair), column: start - lineStartOf(source, start), range: shift(start, Math.max(end, pos)), prefix: source.slice(start, pos), hasColon };
  }

  const last = lastBefore(doc, source, pos);
  const step = last.item;
  // After a key on this line: its value, from the colon on.
  if (step?.pair && step.keyStart >= lineStart) {
    const keyEnd = (step.pair.key as Node).range![1];
    const colon = colonAfter(source, keyEnd);
    if (colon === -1 || pos <= colon) return null;
    const value = step.node;
    const onLine = isScalar(value) && value.value !== null && value.range && value.range[0] >= lineStart && value.range[0] <= lineEndOf(source, colon);
    const [start, end] = onLine ? [value.range![0], value.range![1]] : [pos, pos];
    if (onLine && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) return null;
    return { kind: 'value', field: step.path, item: false, range: shift(Math.min(start, pos), Math.max(end, pos)), prefix: pos > start ? source.slice(start, pos) : '', needsSpace: pos === colon + 1, column };
  }
  // A list item on this line: its scalar, or nothing yet after the dash.
  if (step && !step.pair && isScalar(step.node) && step.node.range && step.node.range[0] >= lineStart) {
    const node = step.node;
    const [start, end] = node.value === null ? [pos, pos] : [node.range![0], node.range![1]];
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || pos > Math.max(end, start)) return null;
    const needsSpace = source[pos - 1] === '-';
    return { kind: 'value', field: step.path, item: true, range: shift(Math.min(start, pos), Math.max(end, pos)), prefix: source.slice(Math.min(start, pos), pos), needsSpace, column: (needsSpace ? pos + 1 : Math.min(start, pos)) - lineStart };
  }

  // A word typed on the lines below a key without value (`timestamps:` ⏎ `  de|`): `yaml` reads it
  // as the key's value, the author means the first key of a mapping there.
  const word = /^[ \t]*([A-Za-z0-9_$.-]*)$/.exec(source.slice(lineStart, pos));
  const wordStart = pos - (word?.[1]!.length ?? 0);
  if (word && step?.pair && found.scalar?.node === step.node && step.keyStart < lineStart && found.scalar.node.range![0] === wordStart && wordStart - lineStart > step.keyColumn) {
    const end = found.scalar.node.range![1];
    if (end <= lineEndOf(source, wordStart)) {
      return { kind: 'key', mapping: step.path, keys: [], column: wordStart - lineStart, range: shift(wordStart, Math.max(end, pos)), prefix: word[1]!, hasColon: false };
    }
  }
  if (found.scalar || !word) return null; // inside a value (a block or multi-line scalar), or not where a key goes
  if (word[1] !== '') return null;
  // An empty stretch: below a key without value and further in, a new mapping's first key;
  // otherwise the mapping whose keys are at the cursor's column.
  if (step?.pair && (step.node === null || (isScalar(step.node) && step.node.value === null)) && column > step.keyColumn) {
    return { kind: 'new-key', mapping: step.path, keys: [], column };
  }
  for (let i = last.chain.length - 1; i >= 0; i--) {
    const { collection, path } = last.chain[i]!;
    if (!isMap(collection) || collection.flow) continue;
    const first = collection.items[0]?.key as Node | undefined;
    if (first?.range && first.range[0] - lineStartOf(source, first.range[0]) === column) return { kind: 'new-key', mapping: path, keys: keysOf(collection, null), column };
  }
  return null;
}

/** The key or scalar value at `offset`, for hover; `null` elsewhere. */
export function cursorTarget(yaml: FrontmatterYaml, offset: number): CursorTarget | null {
  const at = cursorIn(yaml, offset);
  if (!at) return null;
  const found = descend(at.doc, at.pos);
  const shift = ([from, to]: readonly number[]): SourceRange => ({ offset: yaml.offset + from!, endOffset: yaml.offset + to! });
  if (found.key) {
    const key = found.key.pair.key as Node;
    return { kind: 'key', field: [...found.key.path, keyName(key)], text: keyName(key), range: shift(found.key.range) };
  }
  const scalar = found.scalar;
  if (!scalar || scalar.node.value === null || !scalar.node.range || scalar.node.range[1] <= scalar.node.range[0]) return null;
  return { kind: 'value', field: scalar.path, text: String(scalar.node.value), range: shift(scalar.node.range) };
}

/** How Enter continues a line of the frontmatter (see {@link enterIndentation}). */
export interface EnterIndentation {
  /** The column the new line starts at. */
  column: number;
  /**
   * What of the line decides it: its text through the key's colon (`  - name:`, whatever value
   * follows), or the whole line (`timestamps:`: typing a value after it changes the answer).
   */
  decidedBy: 'colon' | 'line';
  /** The document offset just past the key's colon. */
  colonEnd: number;
}

/**
 * How Enter continues the line holding `offset` (the cursor at its end): aligned with the first
 * key of a list item on that line (`  - name: x` ⏎ `    `), one step in below a key without value
 * (`timestamps:` ⏎ `  `); `null` where the line's own indentation is right.
 */
export function enterIndentation(yaml: FrontmatterYaml, offset: number): EnterIndentation | null {
  const at = cursorIn(yaml, offset);
  if (!at) return null;
  const { source, doc, pos, lineStart } = at;
  const step = lastBefore(doc, source, pos).item;
  if (!step?.pair || step.keyStart < lineStart) return null;
  const colon = colonAfter(source, (step.pair.key as Node).range![1]);
  if (colon === -1) return null;
  const colonEnd = yaml.offset + colon + 1;
  // The item's first key shares the dash's line: the item's next key goes below it.
  const map = step.parent;
  if (isMap(map) && map.items[0] === step.pair && /^[ \t]*-[ \t]/.test(source.slice(lineStart, step.keyStart))) {
    return { column: step.keyColumn, decidedBy: 'colon', colonEnd };
  }
  const value = step.node;
  const empty = value === null || (isScalar(value) && value.value === null) || (isCollection(value) && !value.flow && value.range![0] > lineEndOf(source, step.keyStart));
  return empty ? { column: step.keyColumn + indentationStep(yaml), decidedBy: 'line', colonEnd } : null;
}

/** The document's nesting step: the smallest column of an indented block mapping or list (2 when there is none). */
export function indentationStep(yaml: FrontmatterYaml): number {
  let step = Infinity;
  const visit = (node: unknown): void => {
    if (!isMap(node) && !isSeq(node)) return;
    const start = node.range?.[0];
    if (!node.flow && start !== undefined) {
      const column = start - lineStartOf(yaml.source, start);
      if (column > 0) step = Math.min(step, column);
    }
    for (const item of node.items) {
      if (isMap(node)) visit((item as Pair).value);
      else visit(item);
    }
  };
  for (const doc of yaml.docs) visit(doc.contents);
  return Number.isFinite(step) ? step : 2;
}

/** The string value of the root key `key` in any document of the frontmatter (read also while the YAML is broken). */
export function rootString(yaml: FrontmatterYaml, key: string): string | undefined {
  for (const doc of yaml.docs) {
    const value = isMap(doc.contents) ? doc.contents.get(key) : undefined;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** The cursor in the YAML: its document, its offset in the source and its line; `null` outside, or in a comment. */
function cursorIn(yaml: FrontmatterYaml, offset: number): { source: string; doc: Document.Parsed; pos: number; lineStart: number } | null {
  const source = yaml.source;
  const pos = offset - yaml.offset;
  if (pos < 0 || pos > source.length) return null;
  const docs = yaml.docs;
  let doc = docs[0]!;
  for (const candidate of docs) if (candidate.range[0] <= pos) doc = candidate;
  const lineStart = lineStartOf(source, pos);
  if (inComment(doc, source, lineStart, pos)) return null;
  return { source, doc, pos, lineStart };
}

/** Whether `pos` is in a comment: after a `#` that starts one (at the line start or after a blank) and that no scalar holds. */
function inComment(doc: Document, source: string, lineStart: number, pos: number): boolean {
  for (let hash = source.indexOf('#', lineStart); hash !== -1 && hash < pos; hash = source.indexOf('#', hash + 1)) {
    if (hash > lineStart && source[hash - 1] !== ' ' && source[hash - 1] !== '\t') continue;
    const held = descend(doc, hash).scalar?.node.range;
    if (!held || !(held[0] <= hash && hash < held[1])) return true;
  }
  return false;
}

interface Descent {
  /** The key whose text holds the position, with its mapping and the mapping's path. */
  key?: { pair: Pair; map: YAMLMap; path: Segment[]; range: readonly [number, number] };
  /** The scalar whose text holds the position, with its field's path. */
  scalar?: { node: Scalar; path: Segment[] };
}

/** The deepest key or scalar whose text holds `pos` (both ends included). */
function descend(doc: Document, pos: number): Descent {
  let node = doc.contents as Node | null;
  let path: Segment[] = [];
  const holds = (candidate: Node | null | undefined) => !!candidate?.range && candidate.range[0] <= pos && pos <= candidate.range[1];
  for (;;) {
    if (isMap(node)) {
      const map: YAMLMap = node;
      const pair = map.items.find((item) => holds(item.key as Node | null) || holds(item.value as Node | null));
      if (!pair) return {};
      const key = pair.key as Node;
      if (holds(key)) return { key: { pair: pair as Pair, map, path, range: [key.range![0], key.range![1]] } };
      path = [...path, keyName(key)];
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => holds(item as Node | null));
      if (index === -1) return {};
      path = [...path, index];
      node = node.items[index] as Node;
    } else {
      return isScalar(node) ? { scalar: { node, path } } : {};
    }
  }
}

/** The last key or list item that starts before a position, with where it is. */
interface Step {
  /** The key's pair (`null` for a list item). */
  pair: Pair | null;
  /** The value, or the list item (`null`: a key without value, or a value not started yet). */
  node: Node | null;
  /** The field: the key's, or the item's. */
  path: Segment[];
  parent: YAMLMap | YAMLSeq;
  keyStart: number;
  keyColumn: number;
}

/** The collections around the last node that starts before `pos`, outermost first, and that node's step. */
function lastBefore(doc: Document, source: string, pos: number): { chain: Array<{ collection: YAMLMap | YAMLSeq; path: Segment[] }>; item: Step | null } {
  const chain: Array<{ collection: YAMLMap | YAMLSeq; path: Segment[] }> = [];
  let node = doc.contents as Node | null;
  let path: Segment[] = [];
  let item: Step | null = null;
  const starts = (candidate: Node | null | undefined) => !!candidate?.range && candidate.range[0] < pos;
  for (;;) {
    if (isMap(node)) {
      chain.push({ collection: node, path });
      const pair = [...node.items].reverse().find((candidate) => starts(candidate.key as Node | null));
      if (!pair) return { chain, item };
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      path = [...path, keyName(key)];
      item = { pair: pair as Pair, node: value, path, parent: node, keyStart: key.range![0], keyColumn: key.range![0] - lineStartOf(source, key.range![0]) };
      if (!starts(value) || !isCollection(value)) return { chain, item };
      node = value;
    } else if (isSeq(node)) {
      chain.push({ collection: node, path });
      let index = node.items.length - 1;
      while (index >= 0 && !(starts(node.items[index] as Node | null) || (node.items[index] as Node | null)?.range?.[0] === pos)) index--;
      if (index < 0) return { chain, item };
      const entry = node.items[index] as Node;
      path = [...path, index];
      item = { pair: null, node: entry, path, parent: node, keyStart: -1, keyColumn: -1 };
      if (!isCollection(entry) || !starts(entry)) return { chain, item };
      node = entry;
    } else {
      return { chain, item };
    }
  }
}

/** The other keys of `map` (all of them when `except` is `null`). */
function keysOf(map: YAMLMap, except: Pair | null): string[] {
  return map.items.filter((pair) => pair !== except && isScalar(pair.key)).map((pair) => keyName(pair.key as Node));
}

function keyName(key: Node | null): string {
  return isScalar(key) ? String(key.value) : '';
}

/** The offset of the `:` after a key ending at `keyEnd` (blanks between allowed), `-1` when there is none. */
function colonAfter(source: string, keyEnd: number): number {
  let i = keyEnd;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return source[i] === ':' ? i : -1;
}

function lineStartOf(source: string, pos: number): number {
  return source.lastIndexOf('\n', pos - 1) + 1;
}

function lineEndOf(source: string, pos: number): number {
  const newline = source.indexOf('\n', pos);
  return newline === -1 ? source.length : newline;
}
