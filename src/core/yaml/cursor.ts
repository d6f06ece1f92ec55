/**
 * What the editor needs at a cursor, read from the parsed frontmatter. While the author types, the
 * YAML is often broken; `yaml` reads on through the errors (a key without its colon is still a
 * key), so the document of the current version is the truth here too. Offsets in and out are
 * offsets in the report text.
 */
import { isCollection, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineStartOf } from '../shared/lines';
import type { FrontmatterYaml } from './document';
import type { SourceRange } from './positions';

/** A JSON Pointer as segments. */
type Segment = string | number;

/** Where the cursor is, for completion. */
type CursorPlace =
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
interface CursorTarget {
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
  const { source, doc, pos, lineStart, lineEnd, held, before, step, keyStart, keyColumn, colon } = at;
  const shift = (from: number, to: number): SourceRange => ({ offset: yaml.offset + from, endOffset: yaml.offset + to });
  const column = pos - lineStart;
  // On a key: its text, up to the cursor, is what is typed.
  if (held.key) {
    const { pair, parent, path } = held.key;
    const [start, keyEnd] = (pair!.key as Node).range!;
    // A key typed without its colon may run on into the next line as far as `yaml` is concerned
    // (`organization_a` above `organization: x`): only its part on the cursor's line counts.
    const end = Math.min(keyEnd, lineEnd);
    const hasColon = end === keyEnd && colonAfter(source, keyEnd) !== -1;
    return { kind: 'key', mapping: path.slice(0, -1), keys: keysOf(parent, pair), column: start - lineStartOf(source, start), range: shift(start, Math.max(end, pos)), prefix: source.slice(start, pos), hasColon };
  }
  // A value on this line: after its key's colon, or a list item's scalar (or nothing yet after the dash).
  const node = step?.node;
  const item = !!step && !step.pair && isScalar(node) && !!node.range && node.range[0] >= lineStart;
  if (item || (step?.pair && keyStart >= lineStart)) {
    if (!item && (colon === -1 || pos <= colon)) return null;
    const onLine = isScalar(node) && node.value !== null && !!node.range && node.range[0] >= lineStart && (item || node.range[0] <= lineEnd);
    const [start, end] = onLine ? node.range! : [pos, pos];
    if ((onLine && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) || (item && pos > end)) return null;
    // A flow mapping or list on this line (`key: {a: 1}`) is no value to complete; past a value
    // (after its `,` or `}`) no range may reach back over that punctuation.
    if (!item && ((isCollection(node) && node.range![0] <= lineEnd) || /[^ \t]/.test(source.slice(onLine ? end : colon + 1, pos)))) return null;
    const needsSpace = item ? source[pos - 1] === '-' : pos === colon + 1;
    const valueColumn = item ? (needsSpace ? pos + 1 : Math.min(start, pos)) : pos;
    return { kind: 'value', field: step!.path, item, range: shift(Math.min(start, pos), Math.max(end, pos)), prefix: source.slice(Math.min(start, pos), pos), needsSpace, column: valueColumn - lineStart };
  }
  // A word typed on the lines below a key without value (`timestamps:` ⏎ `  de|`), or alone in the
  // frontmatter (`sta|`): `yaml` reads it as the key's value or as the whole document, the author
  // means the first key of a mapping there.
  const word = /^[ \t]*([A-Za-z0-9_$.-]*)$/.exec(source.slice(lineStart, pos));
  const wordStart = pos - (word?.[1]!.length ?? 0);
  const scalar = held.scalar;
  const first = doc === yaml.docs[0];
  const under = step?.pair && scalar === step.node && keyStart < lineStart && wordStart - lineStart > keyColumn ? step.path : first && before.length === 0 ? [] : null;
  if (word && scalar && under && scalar.range![0] === wordStart && scalar.range![1] <= lineEnd) {
    return { kind: 'key', mapping: under, keys: [], column: wordStart - lineStart, range: shift(wordStart, Math.max(scalar.range![1], pos)), prefix: word[1]!, hasColon: false };
  }
  // An empty frontmatter (only comments, or an empty value before `...`): its first key.
  const root = doc.contents as Node | null;
  if (first && word?.[1] === '' && (root === null || (isScalar(root) && root.range![0] === root.range![1]))) return { kind: 'new-key', mapping: [], keys: [], column };
  // Inside a value (a block or multi-line scalar), not where a key goes, or a word that is no key.
  if (scalar || word?.[1] !== '') return null;
  // An empty stretch: below a key without value and further in, a new mapping's first key;
  // otherwise the mapping whose keys are at the cursor's column.
  if (step?.pair && (step.node === null || (isScalar(step.node) && step.node.value === null)) && column > keyColumn) {
    return { kind: 'new-key', mapping: step.path, keys: [], column };
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const { collection, path } = before[i]!;
    const first = isMap(collection) && !collection.flow ? (collection.items[0]?.key as Node | undefined) : undefined;
    if (first?.range && first.range[0] - lineStartOf(source, first.range[0]) === column) return { kind: 'new-key', mapping: path, keys: keysOf(collection, null), column };
  }
  return null;
}

/** The key or scalar value at `offset`, for hover; `null` elsewhere. */
export function cursorTarget(yaml: FrontmatterYaml, offset: number): CursorTarget | null {
  const held = cursorIn(yaml, offset)?.held;
  const shift = ([from, to]: readonly number[]): SourceRange => ({ offset: yaml.offset + from!, endOffset: yaml.offset + to! });
  const key = held?.key?.pair!.key as Node | undefined;
  if (key) return { kind: 'key', field: held!.key!.path, text: keyName(key), range: shift(key.range!) };
  const node = held?.scalar;
  if (!node || node.value === null || !node.range || node.range[1] <= node.range[0]) return null;
  return { kind: 'value', field: held!.path, text: String(node.value), range: shift(node.range) };
}

/** How Enter continues a line of the frontmatter (see {@link enterIndentation}). */
interface EnterIndentation {
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
  if (!at?.step?.pair || at.colon === -1) return null;
  const { source, lineStart, step, keyStart, keyColumn, colon } = at;
  const colonEnd = yaml.offset + colon + 1;
  // The item's first key shares the dash's line: the item's next key goes below it.
  if (isMap(step.parent) && step.parent.items[0] === step.pair && /^[ \t]*-[ \t]/.test(source.slice(lineStart, keyStart))) {
    return { column: keyColumn, decidedBy: 'colon', colonEnd };
  }
  const value = step.node;
  const empty = value === null || (isScalar(value) && value.value === null) || (isCollection(value) && !value.flow && value.range![0] > at.lineEnd);
  return empty ? { column: keyColumn + indentationStep(yaml), decidedBy: 'line', colonEnd } : null;
}

/** The document's nesting step: the smallest column of an indented block mapping or list (2 when there is none). */
export function indentationStep(yaml: FrontmatterYaml): number {
  let step = Infinity;
  for (const doc of yaml.docs) {
    visit(doc, {
      Collection(key, node) {
        const start = node.range?.[0];
        const column = key === 'key' || node.flow || start === undefined ? 0 : start - lineStartOf(yaml.source, start);
        if (column > 0) step = Math.min(step, column);
        return key === 'key' ? visit.SKIP : undefined; // a collection as a key is no nesting step
      },
    });
  }
  return Number.isFinite(step) ? step : 2;
}

/** The string value of the root key `key` in any document of the frontmatter (read also while the YAML is broken). */
export function rootString(yaml: FrontmatterYaml, key: string): string | undefined {
  const values = yaml.docs.map((doc): unknown => (isMap(doc.contents) ? doc.contents.get(key) : undefined));
  return values.find((value): value is string => typeof value === 'string');
}

/**
 * The cursor in the YAML (`null` outside it, or in a comment): its offset in the source and its line;
 * the key or scalar that holds it; the collections around the last key or list item that starts
 * before it, and that entry (`step`) with where its key starts and its colon.
 */
function cursorIn(yaml: FrontmatterYaml, offset: number) {
  const { source, docs } = yaml;
  const pos = offset - yaml.offset;
  if (pos < 0 || pos > source.length) return null;
  let doc = docs[0]!;
  for (const candidate of docs) if (candidate.range[0] <= pos) doc = candidate;
  const lineStart = lineStartOf(source, pos);
  // In a comment: after a `#` that starts one (at the line start or after a blank) and that no scalar holds.
  for (let hash = source.indexOf('#', lineStart); hash !== -1 && hash < pos; hash = source.indexOf('#', hash + 1)) {
    if (hash > lineStart && source[hash - 1] !== ' ' && source[hash - 1] !== '\t') continue;
    const held = descend(doc, hash).scalar?.range;
    if (!held || !(held[0] <= hash && hash < held[1])) return null;
  }
  const startOf = (node: unknown) => (node as Node | null | undefined)?.range?.[0] ?? Infinity;
  const before = walk(
    doc,
    (collection) => (collection.items as unknown[]).map(isMap(collection) ? (pair) => startOf((pair as Pair).key) < pos : (item) => startOf(item) <= pos).lastIndexOf(true),
    (entry) => startOf(entry.node) < pos && isCollection(entry.node),
  );
  const step = before[before.length - 1]?.entry ?? before[before.length - 2]?.entry;
  const keyStart = step?.pair ? startOf(step.pair.key) : -1;
  const newline = source.indexOf('\n', pos);
  // The `:` of that entry's key when the key starts on the cursor's line.
  const colon = step?.pair && keyStart >= lineStart ? colonAfter(source, (step.pair.key as Node).range![1]) : -1;
  return { source, doc, pos, lineStart, lineEnd: newline === -1 ? source.length : newline, held: descend(doc, pos), before, step, keyStart, keyColumn: step?.pair ? keyStart - lineStartOf(source, keyStart) : -1, colon };
}

/** An entry of a collection: a mapping's pair or a list item, its value or the item, and its field. */
interface Entry {
  parent: YAMLMap | YAMLSeq;
  pair: Pair | null;
  node: Node | null;
  path: Segment[];
}

/**
 * Walks down from the root: in each collection `choose` picks an entry (by index, `-1`: none), and
 * the walk goes into it while `goOn` says so. Each collection passed, with its path and the entry picked.
 */
function walk(doc: Document, choose: (collection: YAMLMap | YAMLSeq) => number, goOn: (entry: Entry) => boolean): Array<{ collection: YAMLMap | YAMLSeq; path: Segment[]; entry?: Entry }> {
  const levels: Array<{ collection: YAMLMap | YAMLSeq; path: Segment[]; entry?: Entry }> = [];
  let node = doc.contents as Node | null;
  let path: Segment[] = [];
  while (isMap(node) || isSeq(node)) {
    const index = choose(node);
    const pair = isMap(node) ? (node.items[index] as Pair | undefined) : null;
    const entry = index < 0 ? undefined : { parent: node, pair: pair ?? null, node: (pair ? pair.value : node.items[index]) as Node | null, path: [...path, pair ? keyName(pair.key) : index] };
    levels.push({ collection: node, path, entry });
    if (!entry || !goOn(entry)) break;
    ({ node, path } = entry);
  }
  return levels;
}

/** The deepest key, or else scalar, whose text holds `pos` (both ends included), with its field. */
function descend(doc: Document, pos: number): { key?: Entry; scalar?: Scalar; path: Segment[] } {
  const holds = (node: unknown) => !!(node as Node | null)?.range && (node as Node).range![0] <= pos && pos <= (node as Node).range![1];
  const levels = walk(
    doc,
    (collection) => (isMap(collection) ? collection.items.findIndex((pair) => holds(pair.key) || holds(pair.value)) : collection.items.findIndex(holds)),
    (entry) => !holds(entry.pair?.key),
  );
  const entry = levels.length === 0 ? { pair: null, node: doc.contents as Node | null, path: [] } : levels[levels.length - 1]!.entry;
  if (entry?.pair && holds(entry.pair.key)) return { key: entry as Entry, path: entry.path };
  return isScalar(entry?.node) ? { scalar: entry.node, path: entry.path } : { path: [] };
}

/** The other keys of `map` (all of them when `except` is `null`). */
function keysOf(map: YAMLMap | YAMLSeq, except: Pair | null): string[] {
  return (map as YAMLMap).items.filter((pair) => pair !== except && isScalar(pair.key)).map((pair) => keyName(pair.key));
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : '';
}

/** The offset of the `:` after a key ending at `keyEnd` (blanks between allowed), `-1` when there is none. */
function colonAfter(source: string, keyEnd: number): number {
  let i = keyEnd;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return source[i] === ':' ? i : -1;
}
