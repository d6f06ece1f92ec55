/**
 * The frontmatter read line by line, for completion and hover. Works on the raw text, not on the
 * YAML tree: while the author is typing, the YAML is usually incomplete or invalid, and the
 * indentation is still the truth about which mapping or list a line belongs to.
 */
import { frontmatterContent } from './frontmatter';
import { isValidTimeZone } from './time';

/** A range in the document text (BOM-less UTF-16 offsets). */
export interface OffsetRange {
  offset: number;
  endOffset: number;
}

/** One line of frontmatter content, read for its indentation, dashes and key. */
export interface Line {
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

/** A mapping key at the start of content: plain or quoted, followed by a colon. */
export const KEY = /^([A-Za-z0-9_$][A-Za-z0-9_$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;

/** Reads one line (without its line break) that starts at `start` in the document. */
export function parseLine(text: string, start: number): Line {
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
    // A `...` line does not end the frontmatter (see frontmatter.ts); the YAML check reports it, and
    // completion reads past it as if it were blank.
    blank: dashes.length === 0 && (trimmed === '' || trimmed.startsWith('#') || (indent === 0 && /^\.\.\.[ \t]*$/.test(text))),
  };
}

/** A key or value without its surrounding quotes. */
export function unquote(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** The frontmatter's content lines and the index of the line holding `offset`, or `null` outside it. */
export function frontmatterLines(text: string, offset: number): { lines: Line[]; index: number } | null {
  const content = frontmatterContent(text);
  if (!content || offset < content.offset) return null;
  const lines: Line[] = [];
  let index = -1;
  // An unclosed frontmatter runs to the end of the text, including an empty last line.
  for (let start = content.offset; content.closed ? start < content.endOffset : start <= content.endOffset; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end).replace(/\r$/, '');
    if (offset >= start && offset <= start + raw.length) index = lines.length;
    lines.push(parseLine(raw, start));
    if (newline === -1) break;
    start = newline + 1;
  }
  return index === -1 ? null : { lines, index };
}

/** The item index of `lines[i]` in the sequence whose dashes are at column `dash`, and the sequence's path. */
export function seqItem(lines: Line[], i: number, dash: number): { path: Array<string | number>; index: number } | null {
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
export function mapPath(lines: Line[], i: number, col: number): Array<string | number> | null {
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

/** JSON Pointer segments of the item of `lines[i]` in the sequence whose dashes are at column `dash`. */
export function itemPath(lines: Line[], i: number, dash: number): Array<string | number> | null {
  const item = seqItem(lines, i, dash);
  return item ? [...item.path, item.index] : null;
}

/** Keys of the mapping at column `col` that holds `lines[i]`, except the key on line `i` itself. */
export function siblingKeys(lines: Line[], i: number, col: number): string[] {
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
export function valueEnd(text: string, from: number): number {
  let end = text.length;
  const comment = /(^|[ \t])#/.exec(text.slice(from));
  if (comment) end = from + comment.index;
  while (end > from && /[ \t]/.test(text[end - 1]!)) end--;
  return end;
}

/** The frontmatter's nesting step: the smallest indentation of an indented content line (2 by default). */
export function indentUnit(text: string): number {
  const content = frontmatterContent(text);
  if (!content) return 2;
  let unit = Infinity;
  for (const line of text.slice(content.offset, content.endOffset).split('\n')) {
    const m = /^( +)[^ #\r]/.exec(line);
    if (m) unit = Math.min(unit, m[1]!.length);
  }
  return Number.isFinite(unit) ? unit : 2;
}

/** The report's own `timezone` as written (the YAML may be broken while typing), if it names a zone. */
export function reportTimeZone(text: string): string | undefined {
  const content = frontmatterContent(text);
  if (!content) return undefined;
  const zone = /^timezone:[ \t]*["']?([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)["']?[ \t]*(?:#.*)?\r?$/m.exec(text.slice(content.offset, content.endOffset))?.[1];
  return zone && isValidTimeZone(zone) ? zone : undefined;
}
