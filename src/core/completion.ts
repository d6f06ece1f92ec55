/**
 * Where in the frontmatter the cursor is, for completion and hover. Works line by line on the raw
 * text, not on the YAML tree: while the author is typing, the YAML is usually incomplete or
 * invalid, and the indentation is still the truth about which mapping or list a line belongs to.
 */
import { parseDocument } from 'yaml';
import { formatPointer } from './pointer';
import type { SchemaInfo } from './schema/meta';

/** A range in the document text (BOM-less UTF-16 offsets). */
export interface OffsetRange {
  offset: number;
  endOffset: number;
}

/** The cursor is where a key of a mapping goes (`sta|` or an empty, indented line). */
export interface KeyCompletionContext {
  kind: 'key';
  /** JSON Pointer of the mapping whose keys are completed (`''` for the root, `/affected_services/0`). */
  pointer: string;
  /** Keys the mapping already has (the one being typed excluded). */
  existingKeys: string[];
  /** What has been typed of the key so far. */
  prefix: string;
  /** The text a chosen key replaces: the partial key (also what follows the cursor of it). */
  range: OffsetRange;
  /** A colon already follows the key (`sta|tus: x`): insert only the name. */
  hasColon: boolean;
  /** The cursor is right after a `-` with no space: the inserted text must start with one. */
  needsSpace: boolean;
  /** Column of the mapping's keys (for nested blocks a completion inserts). */
  column: number;
}

/** The cursor is in the value of a field (`status: res|`) or in a list item (`- Kre|`). */
export interface ValueCompletionContext {
  kind: 'value';
  /** JSON Pointer of the field whose value is completed (`/status`, `/affected_services/0/name`). */
  pointer: string;
  /** What has been typed of the value so far. */
  prefix: string;
  /** The text a chosen value replaces: the value on this line, without a trailing comment. */
  range: OffsetRange;
  /** The cursor is right after the colon or dash: the inserted text must start with a space. */
  needsSpace: boolean;
}

/** Completion context at a cursor position. */
export type CompletionContext = KeyCompletionContext | ValueCompletionContext;

/** What the cursor rests on, for hover: a key (with its field's pointer) or a scalar value. */
export interface HoverTarget {
  kind: 'key' | 'value';
  /** JSON Pointer of the field. */
  pointer: string;
  /** The key or the value as written (quotes removed). */
  text: string;
  range: OffsetRange;
}

interface Line {
  start: number;
  /** The line without its line break (and without a trailing `\r`). */
  text: string;
  indent: number;
  /** Columns of the sequence dashes that open the line (`  - - x` → [2, 4]). */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  contentCol: number;
  /** The key at `contentCol`, if the content is `key:`. */
  key: string | null;
  /** Column where the key's value starts (after `: `), or -1. */
  valueCol: number;
  /** The key has a value on its own line (not just `key:` or `key: # comment`). */
  inlineValue: boolean;
  blank: boolean;
}

const KEY = /^([A-Za-z0-9_$][A-Za-z0-9_$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;

function parseLine(text: string, start: number): Line {
  const indent = /^ */.exec(text)![0].length;
  const dashes: number[] = [];
  let col = indent;
  for (let m: RegExpExecArray | null; (m = /^-(?:[ \t]+|$)/.exec(text.slice(col))); ) {
    dashes.push(col);
    col += m[0].length;
    if (m[0].length === 1) break; // a dash at the end of the line
  }
  const content = text.slice(col);
  const keyMatch = KEY.exec(content);
  let valueCol = -1;
  let inlineValue = false;
  if (keyMatch) {
    const after = content.slice(keyMatch[0].length);
    const spaces = /^[ \t]*/.exec(after)![0].length;
    valueCol = col + keyMatch[0].length + spaces;
    inlineValue = after.trim() !== '' && !after.trim().startsWith('#');
  }
  const trimmed = content.trim();
  return {
    start,
    text,
    indent,
    dashes,
    contentCol: col,
    key: keyMatch ? unquote(keyMatch[1]!) : null,
    valueCol,
    inlineValue,
    blank: dashes.length === 0 && (trimmed === '' || trimmed.startsWith('#')),
  };
}

function unquote(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** The frontmatter's content lines and the index of the line holding `offset`, or `null` outside it. */
function frontmatterLines(text: string, offset: number): { lines: Line[]; index: number } | null {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open || offset < open[0].length) return null;
  const lines: Line[] = [];
  let index = -1;
  for (let start = open[0].length; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(raw)) break; // the closing fence
    if (offset >= start && offset <= start + raw.length) index = lines.length;
    lines.push(parseLine(raw, start));
    if (newline === -1) break;
    start = newline + 1;
  }
  return index === -1 ? null : { lines, index };
}

/** The item index of `lines[i]` in the sequence whose dashes are at column `dash`, and the sequence's path. */
function seqItem(lines: Line[], i: number, dash: number): { path: Array<string | number>; index: number } | null {
  let index = 0;
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (line.blank) continue;
    if (line.dashes[0] === dash && line.indent === dash) {
      index++;
      continue;
    }
    if (line.indent > dash || (line.dashes.length > 0 && line.dashes.includes(dash))) continue;
    // The key that owns the sequence: at a smaller column, or at the same one (`updates:\n- at: …`).
    if (line.key !== null && !line.inlineValue && line.contentCol <= dash) {
      const parent = mapPath(lines, j, line.contentCol);
      return parent ? { path: [...parent, line.key], index } : null;
    }
    return null;
  }
  return null;
}

/** JSON Pointer segments of the mapping whose keys sit at column `col` and which includes `lines[i]`. */
function mapPath(lines: Line[], i: number, col: number): Array<string | number> | null {
  // The mapping opens on a dash line (`- name: …`): it is an item of that sequence.
  const own = lines[i]!;
  if (own.contentCol === col && own.dashes.length > 0) return itemPath(lines, i, own.dashes[own.dashes.length - 1]!);
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (line.blank) continue;
    if (line.contentCol > col && !(line.dashes.length > 0 && line.dashes[0]! < col)) continue;
    if (line.contentCol === col) {
      if (line.key === null) return null;
      if (line.dashes.length > 0) return itemPath(lines, j, line.dashes[line.dashes.length - 1]!);
      continue;
    }
    // A dash alone on its line (`-` then the item's keys below it).
    if (line.dashes.length > 0 && line.key === null && line.contentCol >= line.text.length && line.dashes[line.dashes.length - 1]! < col) {
      return itemPath(lines, j, line.dashes[line.dashes.length - 1]!);
    }
    if (line.key !== null && !line.inlineValue && line.contentCol < col) {
      const parent = mapPath(lines, j, line.contentCol);
      return parent ? [...parent, line.key] : null;
    }
    return null;
  }
  return col === 0 ? [] : null;
}

function itemPath(lines: Line[], i: number, dash: number): Array<string | number> | null {
  const item = seqItem(lines, i, dash);
  return item ? [...item.path, item.index] : null;
}

/** Keys of the mapping at column `col` that holds `lines[i]`, except the key on line `i` itself. */
function siblingKeys(lines: Line[], i: number, col: number): string[] {
  const keys: string[] = [];
  const own = lines[i]!;
  // Upwards until the mapping starts (a smaller column, or the dash line that opens it).
  if (!(own.contentCol === col && own.dashes.length > 0)) {
    for (let j = i - 1; j >= 0; j--) {
      const line = lines[j]!;
      if (line.blank) continue;
      if (line.contentCol > col && !(line.dashes.length > 0 && line.dashes[0]! < col)) continue;
      if (line.contentCol !== col || line.key === null) break;
      keys.push(line.key);
      if (line.dashes.length > 0) break;
    }
  }
  // Downwards until the mapping ends (a smaller column, or the next item's dash).
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.blank) continue;
    if (line.dashes.length > 0 && line.dashes[0]! < col) break;
    if (line.contentCol > col) continue;
    if (line.contentCol < col || line.key === null) break;
    keys.push(line.key);
  }
  return keys;
}

/** The value on a line from `from`: up to a ` #` comment, trailing blanks dropped. */
function valueEnd(text: string, from: number): number {
  let end = text.length;
  const comment = /(^|[ \t])#/.exec(text.slice(from));
  if (comment) end = from + comment.index;
  while (end > from && /[ \t]/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * The completion context at `offset` in `text` (BOM-less), or `null` when the cursor is not in the
 * frontmatter or not where a key or a value goes (inside a comment, a block scalar, a broken line).
 * `info` tells a list of mappings (`- |` starts a key) from a list of values (`- |` starts a value).
 */
export function completionContext(text: string, offset: number, info: SchemaInfo): CompletionContext | null {
  const found = frontmatterLines(text, offset);
  if (!found) return null;
  const { lines, index } = found;
  const line = lines[index]!;
  const col = offset - line.start;
  const before = line.text.slice(0, col);
  if (/(^|[ \t])#/.test(before)) return null; // in a comment

  // Value position: `key: |`, `key:|`, `- key: va|`.
  if (line.key !== null && col > line.contentCol + line.key.length) {
    const colon = line.text.indexOf(':', line.contentCol + (line.text[line.contentCol] === '"' || line.text[line.contentCol] === "'" ? line.key.length + 2 : line.key.length));
    if (col <= colon) return null;
    const path = mapPath(lines, index, line.contentCol);
    if (!path) return null;
    const valueStart = col === colon + 1 ? col : Math.max(line.valueCol, colon + 1);
    if (col < valueStart) return null;
    const end = Math.max(col, valueEnd(line.text, valueStart));
    return {
      kind: 'value',
      pointer: formatPointer([...path, line.key]),
      prefix: line.text.slice(valueStart, col),
      range: { offset: line.start + valueStart, endOffset: line.start + end },
      needsSpace: col === colon + 1,
    };
  }

  // A dash right before the cursor with no space yet (`  -|`): a new item starts.
  const bareDash = /^( *)((?:-[ \t]+)*)-$/.exec(before);
  if (bareDash) {
    const dash = col - 1;
    const item = seqItem(lines, index, dash);
    if (!item) return null;
    const seqPointer = formatPointer(item.path);
    const itemPointer = formatPointer([...item.path, item.index]);
    if (isObjectItem(info, seqPointer)) {
      return { kind: 'key', pointer: itemPointer, existingKeys: [], prefix: '', range: { offset, endOffset: offset }, hasColon: false, needsSpace: true, column: dash + 2 };
    }
    return { kind: 'value', pointer: itemPointer, prefix: '', range: { offset, endOffset: offset }, needsSpace: true };
  }

  // Key position: indentation, dashes and a partial key (`  sta|`, `  - |`).
  const keyStart = line.dashes.length > 0 || line.indent > 0 ? line.contentCol : line.indent;
  if (col < keyStart && line.text.trim() !== '') return null;
  const column = line.text.trim() === '' ? col : keyStart;
  const partial = line.text.slice(column, col);
  const wordEnd = column + (/^[A-Za-z0-9_$.-]*/.exec(line.text.slice(column))?.[0].length ?? 0);
  const keyLike = /^[A-Za-z0-9_$.-]*$/.test(partial);

  if (line.dashes.length > 0 && line.contentCol === column) {
    // A list item: a mapping item gets keys, a value item gets values.
    const dash = line.dashes[line.dashes.length - 1]!;
    const item = seqItem(lines, index, dash);
    if (!item) return null;
    const seqPointer = formatPointer(item.path);
    const itemPointer = formatPointer([...item.path, item.index]);
    if (!isObjectItem(info, seqPointer)) {
      const end = Math.max(col, valueEnd(line.text, column));
      return { kind: 'value', pointer: itemPointer, prefix: partial, range: { offset: line.start + column, endOffset: line.start + end }, needsSpace: false };
    }
  }
  if (!keyLike) return null;
  const path = mapPath(lines, index, column);
  if (!path) return null;
  return {
    kind: 'key',
    pointer: formatPointer(path),
    existingKeys: siblingKeys(lines, index, column),
    prefix: partial,
    range: { offset: line.start + column, endOffset: line.start + Math.max(col, wordEnd) },
    hasColon: /^[ \t]*:/.test(line.text.slice(wordEnd)),
    needsSpace: false,
    column,
  };
}

function isObjectItem(info: SchemaInfo, seqPointer: string): boolean {
  const item = info.fieldInfo(seqPointer + '/0', 'en');
  return !!item && (item.type === 'object' || item.properties !== undefined);
}

/** The key or scalar value under the cursor in the frontmatter, with its field's pointer. */
export function hoverTarget(text: string, offset: number): HoverTarget | null {
  const found = frontmatterLines(text, offset);
  if (!found) return null;
  const { lines, index } = found;
  const line = lines[index]!;
  const col = offset - line.start;
  if (line.key === null) return null;
  const keyText = KEY.exec(line.text.slice(line.contentCol))![1]!;
  const keyEnd = line.contentCol + keyText.length;
  const path = mapPath(lines, index, line.contentCol);
  if (!path) return null;
  const pointer = formatPointer([...path, line.key]);
  if (col >= line.contentCol && col <= keyEnd) {
    return { kind: 'key', pointer, text: line.key, range: { offset: line.start + line.contentCol, endOffset: line.start + keyEnd } };
  }
  if (line.valueCol >= 0 && line.inlineValue && col >= line.valueCol) {
    const end = valueEnd(line.text, line.valueCol);
    if (col > end) return null;
    return { kind: 'value', pointer, text: unquote(line.text.slice(line.valueCol, end)), range: { offset: line.start + line.valueCol, endOffset: line.start + end } };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Service names

/**
 * Service names from a catalog file: YAML or JSON (JSON is YAML), either a list of names, a list of
 * `{name}` objects, or a mapping with such a list under `services`. Anything else gives no names.
 */
export function serviceNamesFromCatalog(text: string): string[] {
  let data: unknown;
  try {
    const doc = parseDocument(text, { version: '1.2', logLevel: 'error' });
    if (doc.errors.length > 0) return [];
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) data = (data as Record<string, unknown>).services;
  return names(data);
}

/** The `affected_services[].name` values of a report's frontmatter (no Markdown parsing needed). */
export function serviceNamesOfReport(text: string): string[] {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return [];
  try {
    const doc = parseDocument(m[1]!, { version: '1.2', logLevel: 'error' });
    if (doc.errors.length > 0) return [];
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    return names((data as Record<string, unknown>).affected_services);
  } catch {
    return [];
  }
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const entry of list) {
    const name = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as Record<string, unknown>).name : undefined;
    if (typeof name === 'string' && name.trim() !== '') out.add(name.trim());
  }
  return [...out];
}
