/**
 * Line-level facts of block YAML text, shared by the line reader of data (`yamlBlock.ts`) and the
 * line scan of positions (`yamlLineScan.ts`): where lines start, list items, keys that are plain
 * words, lines with nothing but a comment. Offsets are into the text given.
 */

/**
 * Plain-word keys that are not their own name to YAML: null and boolean words (`yaml` reads them
 * as `null`, `true`, `false`), and `__proto__`, which objects treat specially.
 */
export const NOT_PLAIN_KEYS: ReadonlySet<string> = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

/** Characters that make a plain scalar something else when they start it. */
const NOT_PLAIN_START: ReadonlySet<string> = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`']);
/** Indicators that are plain text only when a non-space follows (`-5`, `?x`, `:x`). */
const INDICATOR_BEFORE_SPACE: ReadonlySet<string> = new Set(['-', '?', ':']);

/** Whether the character at `at` cannot start a plain scalar (an indicator, or `-`, `?`, `:` before white space). */
export function cannotStartPlain(source: string, at: number): boolean {
  const first = source[at]!;
  if (NOT_PLAIN_START.has(first)) return true;
  const next = source[at + 1];
  return INDICATOR_BEFORE_SPACE.has(first) && (next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n');
}

/** A plain-word key: its name, where the name ends and where the text after its colon starts. */
export interface PlainKey {
  name: string;
  end: number;
  afterColon: number;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * The key at `at` when it is a plain word (`[A-Za-z_][A-Za-z0-9_-]*`, blanks, `:`, then white space
 * or the line end), else `null`; also `null` for {@link NOT_PLAIN_KEYS}.
 */
export function plainKeyAt(source: string, at: number): PlainKey | null {
  let c = source.charCodeAt(at);
  if (!(isLetter(c) || c === 95)) return null;
  let i = at + 1;
  for (c = source.charCodeAt(i); isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45; c = source.charCodeAt(++i));
  const end = i;
  while (c === 32 || c === 9) c = source.charCodeAt(++i);
  if (c !== 58) return null;
  const after = source.charCodeAt(i + 1);
  if (!(after === 32 || after === 9 || after === 13 || after === 10 || i + 1 === source.length)) return null;
  const name = source.slice(at, end);
  if (end - at <= 9 && NOT_PLAIN_KEYS.has(name)) return null;
  return { name, end, afterColon: i + 1 };
}

/** `- ` (or `-` at the line end) at `at`: a list item. */
export function isListItem(source: string, at: number): boolean {
  if (source[at] !== '-') return false;
  const next = source[at + 1];
  return next === ' ' || next === '\n' || next === '\r' || next === undefined;
}

/** Nothing but an optional comment from `at` to the line end. */
export function nothingFrom(source: string, at: number): boolean {
  const c = source[at];
  return c === undefined || c === '\n' || c === '#' || (c === '\r' && source[at + 1] === '\n');
}

/** The start of the line after the one holding `at` (the text's length at the end). */
export function lineAfter(source: string, at: number): number {
  const newline = source.indexOf('\n', at);
  return newline === -1 ? source.length : newline + 1;
}

/** How many spaces the line starting at `line` is indented by. */
export function indentOf(source: string, line: number): number {
  let i = line;
  while (source.charCodeAt(i) === 32) i++;
  return i - line;
}
