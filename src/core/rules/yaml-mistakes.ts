/**
 * Where the value is that a YAML error is about. The `yaml` package places an error where it
 * noticed it: past the `]` of `title: [Update] Cyberangriff`, at the next key after an unclosed
 * `"` or `[`. The author has to change the value or the opening character instead, and the parsed
 * document (which `yaml` builds on through errors) says where those are.
 * Offsets are into the frontmatter source. Used by the `yaml-syntax` rule only: it explains errors,
 * it does not read YAML (the document is `yaml`'s).
 */
import { isCollection, isScalar, visit, type Alias, type Document, type Node } from 'yaml';
import type { FixData } from '../shared/types';
import { lineStartOf } from '../shared/lines';
import type { SourceRange } from '../yaml/positions';

/** A value written on one line: where it is, and its text as written. */
export interface LineValue extends SourceRange {
  text: string;
  /** The next line is indented further: the value may go on there, so quoting this line alone could break it. */
  continues: boolean;
}

/** The values of mappings and block sequences, outermost first, each with its start and end. */
function valueNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (pair.value && (pair.value as Node).range) nodes.push(pair.value as Node);
    },
    Seq(_, seq) {
      if (seq.flow) return;
      for (const item of seq.items) if (item && (item as Node).range) nodes.push(item as Node);
    },
  });
  return nodes;
}

/**
 * The outermost value that starts on the line of `pos`, at or before it, up to the end of that
 * line (trailing blanks left out): `[Update] Cyberangriff` in `title: [Update] Cyberangriff`.
 */
export function valueOnLine(doc: Document, source: string, pos: number): LineValue | null {
  const lineStart = lineStartOf(source, pos);
  // A value that starts where the line's text starts is a block mapping or list whose first key or
  // `-` is on this line, not a value written after a key or `- `.
  const textStart = lineStart + indentation(lineAt(source, lineStart));
  let start = -1;
  for (const node of valueNodes(doc)) {
    const at = node.range![0];
    if (at > textStart && at <= pos && (start === -1 || at < start)) start = at;
  }
  if (start === -1) return null;
  const newline = source.indexOf('\n', start);
  const lineEnd = newline === -1 ? source.length : newline;
  const text = source.slice(start, lineEnd).replace(/[ \t\r]+$/, '');
  if (text === '') return null;
  const next = newline === -1 ? '' : lineAt(source, newline + 1);
  const continues = next.trim() !== '' && indentation(next) > indentation(lineAt(source, lineStart));
  return { offset: start, endOffset: start + text.length, text, continues };
}

/** The line that starts at `start`, without its line break. */
function lineAt(source: string, start: number): string {
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
}

function indentation(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The quoted string (`kind: 'quote'`) or flow list or mapping (`kind: 'flow'`) that is still open
 * at `pos`: the last one that starts before it and runs up to it. Its offset is the opening character.
 */
export function openBefore(doc: Document, pos: number, kind: 'quote' | 'flow'): SourceRange | null {
  let found: SourceRange | null = null;
  visit(doc, (_, node) => {
    // The visitor also meets the empty keys and values of a broken mapping (`null`).
    const range = (node as Node | null)?.range;
    if (!range || range[0] >= pos || range[1] < pos - 1) return;
    const matches =
      kind === 'quote'
        ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
        : isCollection(node) && node.flow === true;
    if (matches && (found === null || range[0] > found.offset)) found = { offset: range[0], endOffset: range[0] + 1 };
  });
  return found;
}

/** The first alias (`*name`) that refers to no anchor: YAML without syntax errors that still cannot become data. */
export function unresolvedAlias(doc: Document): (SourceRange & { name: string }) | null {
  let found: (SourceRange & { name: string }) | null = null;
  visit(doc, {
    Alias(_, alias: Alias) {
      if (found || !alias.range || alias.resolve(doc) !== undefined) return;
      found = { offset: alias.range[0], endOffset: alias.range[1], name: alias.source };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The fix "Put the value in quotes": the text written at `[offset, endOffset)` (document offsets)
 * as one double-quoted YAML string. JSON's escapes are YAML's, so the value reads back as written.
 */
export function quoteFix(offset: number, endOffset: number, text: string): FixData {
  return { kind: 'quote-value', offset, endOffset, newText: JSON.stringify(text) };
}
