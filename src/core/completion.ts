/**
 * Where in the frontmatter the cursor is, for completion: a key of which mapping, or the value of
 * which field (see `frontmatterLines.ts` for how lines are read).
 */
import { formatPointer } from './pointer';
import type { SchemaInfo } from './schema/meta';
import { frontmatterLines, mapPath, seqItem, siblingKeys, valueEnd, type OffsetRange } from './frontmatterLines';

export type { OffsetRange } from './frontmatterLines';

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
