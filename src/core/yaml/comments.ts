/**
 * The comments of a YAML frontmatter and the entries they stand before, read with the `yaml`
 * package's concrete syntax tree (no YAML reading of our own: a `#` inside a block scalar is text,
 * not a comment, and only the parser knows). The parsed document keeps no comment positions, so
 * suppression directives (`../directives.ts`, the only reader) ask this, and only when the
 * frontmatter names one.
 */
import { CST, Parser } from 'yaml';

/** A range in the frontmatter source (offsets relative to its first character). */
export interface SourceSpan {
  offset: number;
  endOffset: number;
}

/** One `#` comment of the frontmatter. */
export interface FrontmatterComment extends SourceSpan {
  /** The comment's text after `#`, as written. */
  text: string;
  /** True when the comment stands alone on its line (not after a value). */
  ownLine: boolean;
  /**
   * For a comment alone on its line: the entry that starts on the next line (past further comment
   * lines, so directives may stand one above the other) — a `key: value` pair or a `- ` list item,
   * with everything nested in it — or `null` when no entry starts there. Where a list item and its
   * first key start on the same line, the list item (the larger one).
   */
  entry: SourceSpan | null;
}

/** Every comment of `source` (the YAML between the fences) that contains `marker`, in source order. */
export function frontmatterComments(source: string, marker: string): FrontmatterComment[] {
  if (!source.includes(marker)) return [];
  const { comments, entries } = read(source);
  const lines = lineIndex(source);
  const ownLine = (offset: number) => source.slice(lines.starts[lines.of(offset)], offset).trim() === '';
  // Lines that hold nothing but a comment: several directives may stand one above the other.
  const commentLines = new Set(comments.filter((c) => ownLine(c.offset)).map((c) => lines.of(c.offset)));
  return comments
    .filter((comment) => comment.source.includes(marker))
    .map((comment) => {
      const own = ownLine(comment.offset);
      let next = lines.of(comment.offset) + 1;
      while (commentLines.has(next)) next++;
      let entry: SourceSpan | null = null;
      for (const span of own ? entries : []) {
        if (lines.of(span.offset) !== next) continue;
        if (!entry || span.offset < entry.offset || (span.offset === entry.offset && span.endOffset > entry.endOffset)) entry = span;
      }
      return { offset: comment.offset, endOffset: comment.offset + comment.source.length, text: comment.source.slice(1), ownLine: own, entry };
    });
}

/**
 * The entry a comment must stand before to cover `offset`: the innermost `key: value` pair or list
 * item holding it, widened to the largest entry that starts on the same line (a list item and its
 * first key). `null` when no entry holds `offset` (offsets relative to `source`).
 */
export function entryAround(source: string, offset: number): SourceSpan | null {
  const { entries } = read(source);
  let inner: SourceSpan | null = null;
  for (const span of entries) {
    if (span.offset <= offset && offset < span.endOffset && (!inner || span.offset >= inner.offset)) inner = span;
  }
  if (!inner) return null;
  const lines = lineIndex(source);
  const line = lines.of(inner.offset);
  let widest = inner;
  for (const span of entries) {
    if (lines.of(span.offset) === line && span.offset <= widest.offset && span.endOffset >= widest.endOffset) widest = span;
  }
  return widest;
}

/** Comments and entries of `source`, from one parse. */
function read(source: string): { comments: Array<{ offset: number; source: string }>; entries: SourceSpan[] } {
  const comments: Array<{ offset: number; source: string }> = [];
  const entries: SourceSpan[] = [];
  for (const token of new Parser().parse(source)) {
    collectComments(token, comments);
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      const span = entrySpan(item);
      if (span) entries.push(span);
    });
  }
  comments.sort((a, b) => a.offset - b.offset);
  return { comments, entries };
}

/** Line starts of `source`, and the (0-based) line of an offset. */
function lineIndex(source: string): { starts: number[]; of(offset: number): number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    starts,
    of(offset: number) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}

/** Comment tokens anywhere below `node` (documents, collections, items, separators, ends). */
function collectComments(node: unknown, out: Array<{ offset: number; source: string }>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectComments(child, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push({ offset: token.offset, source: token.source });
    return;
  }
  for (const key of ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const) {
    if (key in (node as object)) collectComments((node as Record<string, unknown>)[key], out);
  }
}

const SYNTAX = new Set(['comment', 'space', 'newline']);

/** Where a collection item starts (its `- `, `? `, anchor or key) and ends (its value's end). */
function entrySpan(item: CST.CollectionItem): SourceSpan | null {
  const parts: CST.Token[] = [...item.start.filter((t) => !SYNTAX.has(t.type)), ...(item.key ? [item.key] : []), ...(item.value ? [item.value] : [])];
  if (parts.length === 0 || (!item.key && !item.value)) return null;
  const offset = Math.min(...parts.map((part) => part.offset));
  const endOffset = Math.max(...parts.map((part) => part.offset + CST.stringify(part).length));
  return { offset, endOffset };
}
