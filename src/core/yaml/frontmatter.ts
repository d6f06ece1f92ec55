/**
 * Where the frontmatter is: the fences and the byte order mark, found once per text (by
 * `parseReport`); everything else reads the frontmatter from there, so nothing disagrees about
 * where it ends.
 *
 * Only a `---` line closes the frontmatter. YAML would also end a document at `...`, but the
 * Markdown tools reports pass through (remark-frontmatter, Jekyll, Hugo, GitHub's renderer) accept
 * `---` only: a report closed with `...` would show its facts as body text everywhere else. A `...`
 * line inside the fences is therefore YAML content (and the YAML check reports it).
 */

/** A range in the document text (BOM-less UTF-16 offsets). */
export interface FenceRange {
  offset: number;
  endOffset: number;
}

/** Where the frontmatter sits in the text, or why there is none. */
export type Frontmatter =
  | {
      kind: 'yaml';
      /** Range of the opening `---` (without line break). */
      open: FenceRange;
      /** Range of the closing `---`. */
      close: FenceRange;
      /** Offset where the YAML content starts in the document. */
      contentOffset: number;
      /** The YAML source between the fences. */
      source: string;
    }
  | { kind: 'none' }
  | { kind: 'toml'; offset: number; endOffset: number }
  | {
      kind: 'unclosed';
      open: FenceRange;
      /** Offset after the opening fence's line break (the text's length when there is none). */
      contentOffset: number;
    };

/** The only line that opens and closes YAML frontmatter (trailing blanks allowed). */
const FENCE_LINE = /^---[ \t]*$/;
const TOML_FENCE_LINE = /^\+\+\+[ \t]*$/;

/**
 * Finds the frontmatter fences in BOM-less `text`: `---` alone on the first line and the next line
 * that is `---` alone. Line breaks may be `\n` or `\r\n`.
 */
export function locateFrontmatter(text: string): Frontmatter {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  if (TOML_FENCE_LINE.test(firstLine)) return { kind: 'toml', offset: 0, endOffset: 3 };
  if (!FENCE_LINE.test(firstLine)) return { kind: 'none' };
  const open = { offset: 0, endOffset: 3 };
  if (firstBreak === -1) return { kind: 'unclosed', open, contentOffset: text.length };
  const contentOffset = firstBreak + 1;
  // Only a line that starts with `---` can close: jump from one to the next instead of cutting
  // every line of the frontmatter out of the text.
  for (let start = contentOffset; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (isFence(text, start, end)) {
      return { kind: 'yaml', open, close: { offset: start, endOffset: start + 3 }, contentOffset, source: text.slice(contentOffset, start) };
    }
    if (newline === -1) break;
    const next = text.indexOf('\n---', newline);
    if (next === -1) break;
    start = next + 1;
  }
  return { kind: 'unclosed', open, contentOffset };
}

/** Whether the line `[start, end)` of `text` is a fence: what {@link FENCE_LINE} says of it without its `\r`. */
function isFence(text: string, start: number, end: number): boolean {
  if (!text.startsWith('---', start)) return false;
  let i = start + 3;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i === end || (i === end - 1 && text[i] === '\r');
}
