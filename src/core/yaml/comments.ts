/**
 * The comments of a YAML frontmatter and the entries they stand before, read with the `yaml`
 * package's concrete syntax tree (no YAML reading of our own: a `#` inside a block scalar is text,
 * not a comment, and only the parser knows). The parsed document keeps no comment positions, so
 * suppression directives (`../directives.ts`, the only reader) ask this, and only when the
 * frontmatter names one.
 */
import { CST, LineCounter, Parser } from 'yaml';
import { lineStartOf } from '../shared/lines';
import type { SourceRange } from './positions';

/** One `#` comment of the frontmatter. */
export interface FrontmatterComment extends SourceRange {
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
  entry: SourceRange | null;
}

/** Every comment of `source` (the YAML between the fences) that contains `marker`, in source order. */
export function frontmatterComments(source: string, marker: string): FrontmatterComment[] {
  if (!source.includes(marker)) return [];
  const { comments, entries, lineOf } = read(source);
  const ownLine = (offset: number) => source.slice(lineStartOf(source, offset), offset).trim() === '';
  // Lines that hold nothing but a comment: several directives may stand one above the other.
  const commentLines = new Set(comments.filter((c) => ownLine(c.offset)).map((c) => lineOf(c.offset)));
  return comments
    .filter((comment) => comment.source.includes(marker))
    .map((comment) => {
      const own = ownLine(comment.offset);
      let next = lineOf(comment.offset) + 1;
      while (commentLines.has(next)) next++;
      let entry: SourceRange | null = null;
      for (const span of own ? entries : []) {
        if (lineOf(span.offset) !== next) continue;
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
export function entryAround(source: string, offset: number): SourceRange | null {
  const { entries, lineOf } = read(source);
  let inner: SourceRange | null = null;
  for (const span of entries) {
    if (span.offset <= offset && offset < span.endOffset && (!inner || span.offset >= inner.offset)) inner = span;
  }
  let widest = inner;
  for (const span of inner ? entries : []) {
    if (lineOf(span.offset) === lineOf(inner!.offset) && span.offset <= widest!.offset && span.endOffset >= widest!.endOffset) widest = span;
  }
  return widest;
}

/** Comments and entries of `source`, from one parse, and the line of an offset (lines end at `\n`). */
function read(source: string): { comments: CST.SourceToken[]; entries: SourceRange[]; lineOf: (offset: number) => number } {
  const comments: CST.SourceToken[] = [];
  const entries: SourceRange[] = [];
  for (const token of new Parser().parse(source)) {
    collectComments(token, comments);
    if (token.type === 'document') CST.visit(token, (item) => void entries.push(...entrySpan(item)));
  }
  comments.sort((a, b) => a.offset - b.offset);
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return { comments, entries, lineOf: (offset) => lines.linePos(offset).line };
}

/** Comment tokens anywhere below `node` (documents, collections, items, separators, ends). */
function collectComments(node: unknown, out: CST.SourceToken[]): void {
  if (Array.isArray(node)) for (const child of node) collectComments(child, out);
  else if ((node as CST.Token | null)?.type === 'comment') out.push(node as CST.SourceToken);
  else if (typeof node === 'object' && node !== null) for (const key of ['start', 'key', 'sep', 'value', 'items', 'end', 'props']) collectComments((node as Record<string, unknown>)[key], out);
}

const SYNTAX = new Set(['comment', 'space', 'newline']);

/** Where a collection item starts (its `- `, `? `, anchor or key) and ends (its value's end); none without key and value. */
function entrySpan(item: CST.CollectionItem): SourceRange[] {
  const parts: CST.Token[] = [...item.start.filter((t) => !SYNTAX.has(t.type)), ...(item.key ? [item.key] : []), ...(item.value ? [item.value] : [])];
  if (!item.key && !item.value) return [];
  return [{ offset: Math.min(...parts.map((part) => part.offset)), endOffset: Math.max(...parts.map((part) => part.offset + CST.stringify(part).length)) }];
}
