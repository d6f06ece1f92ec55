/**
 * Where the frontmatter is, found once per text (by `parseReport`, in the text without its byte
 * order mark): everything else reads it from there, so nothing disagrees about where it ends.
 *
 * Only a `---` line closes the frontmatter. YAML would also end a document at `...`, but the
 * Markdown tools reports pass through (remark-frontmatter, Jekyll, Hugo, GitHub's renderer) accept
 * `---` only: a report closed with `...` would show its facts as body text everywhere else. A `...`
 * line inside the fences is therefore YAML content (and the YAML check reports it).
 */
import type { SourceRange } from './positions';

/** Where the frontmatter sits in the text, or why there is none. */
export type Frontmatter =
  /** `open`/`close`: the fences without line break (offsets in the BOM-less text); `source`: the YAML between them, starting at `contentOffset`. */
  | { kind: 'yaml'; open: SourceRange; close: SourceRange; contentOffset: number; source: string }
  | { kind: 'none' }
  | { kind: 'toml'; offset: number; endOffset: number }
  /** `contentOffset`: after the opening fence's line break (the text's length when there is none). */
  | { kind: 'unclosed'; open: SourceRange; contentOffset: number };

/** The first line when it is a fence (`---` or TOML's `+++`, trailing blanks allowed), with its line break. */
const OPENING_FENCE = /^(?:(\+\+\+)|---)[ \t]*\r?(\n|$)/;
/** A later `---` line, found from the line break before it. */
const CLOSING_FENCE = /\n---[ \t]*\r?(?=\n|$)/g;

/** Finds the frontmatter fences in BOM-less `text`. Line breaks may be `\n` or `\r\n`. */
export function locateFrontmatter(text: string): Frontmatter {
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return { kind: 'none' };
  if (opening[1]) return { kind: 'toml', offset: 0, endOffset: 3 };
  const open = { offset: 0, endOffset: 3 };
  const contentOffset = opening[0].length;
  if (!opening[2]) return { kind: 'unclosed', open, contentOffset };
  CLOSING_FENCE.lastIndex = contentOffset - 1;
  const closing = CLOSING_FENCE.exec(text);
  if (!closing) return { kind: 'unclosed', open, contentOffset };
  const start = closing.index + 1;
  return { kind: 'yaml', open, close: { offset: start, endOffset: start + 3 }, contentOffset, source: text.slice(contentOffset, start) };
}
