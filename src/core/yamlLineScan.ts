/**
 * Where a field sits in plain block YAML, found by scanning lines instead of parsing.
 *
 * A finding needs the range of the field it is about. Even one top-level entry (see
 * `yamlPositions.ts`) costs a `yaml` Document, and for half the reports of a large run, those with
 * any finding, that was a tenth of the whole lint. But the frontmatter that the fast data path took
 * is nearly always the simplest block YAML: keys that are plain words, one per line, lists of
 * `- ` items, values on the key's own line. There, a key's line says where its value starts and
 * where it ends, and indentation says what belongs to what.
 *
 * The scan answers only where it is certain. Anything it does not know for sure (a multi-line or
 * block scalar, a flow collection, a key that is not a plain word, a collection's own range, odd
 * indentation) is `undefined`, and the caller asks `yaml` instead. test/unit/yamlPositions.test.ts
 * compares every answer with the whole positioned document, on every fixture and on generated
 * documents.
 *
 * Offsets are into the frontmatter source, as `yaml` gives them.
 */
import type { SourceRange } from './pointer';
import { cannotStartPlain, indentOf, isListItem, lineAfter, nothingFrom, plainKeyAt } from './yamlLines';

/** A node found by the scan. */
export type LineNode =
  /** A scalar on one line: plain, or quoted and closed on that line. */
  | { kind: 'scalar'; range: SourceRange; style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' }
  /** A key without a value (`yaml` gives it a null scalar with an empty range). */
  | { kind: 'empty' }
  /** A block mapping: its keys are at column `indent`, the first at `firstKey`, all before `end`. */
  | { kind: 'map'; indent: number; firstKey: SourceRange; end: number }
  /** A block sequence: its `- ` items are at column `indent`, starting on the line at `start`. */
  | { kind: 'seq'; indent: number; start: number; end: number };

/** A found node and, when it is a mapping's value, its key. */
export interface LineLocated {
  node: LineNode;
  key: SourceRange | null;
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The text of one top-level entry (`key:` at column 0 up to the next one), as `yamlPositions.ts` splits it. */
export interface EntrySpan {
  key: string;
  start: number;
  end: number;
}

/**
 * The node at `segments` below the top-level entry `entry` of `source`: `null` when there is
 * none, `undefined` when the scan cannot tell.
 */
export function locateInLines(source: string, entry: EntrySpan, segments: readonly string[]): LineLocated | null | undefined {
  return new LineScan(source).locate(entry, segments);
}

class LineScan {
  constructor(private readonly source: string) {}

  locate(entry: EntrySpan, segments: readonly string[]): LineLocated | null | undefined {
    const key = plainKeyAt(this.source, entry.start);
    if (!key || key.name !== entry.key) return undefined;
    const node = this.valueAfter(key.afterColon, 0, entry.end, true);
    if (node === undefined) return undefined;
    let current: LineLocated | null | undefined = { key: { offset: entry.start, endOffset: key.end }, node };
    for (let i = 1; i < segments.length && current; i++) current = this.child(current.node, segments[i]!);
    return current;
  }

  /** The child `segment` of `node`; scalars and empty values have none (as `yaml`'s `locate` says). */
  private child(node: LineNode, segment: string): LineLocated | null | undefined {
    if (node.kind === 'map') return this.mapChild(node, segment);
    if (node.kind === 'seq') return INDEX.test(segment) ? this.seqItem(node, Number(segment)) : null;
    return null;
  }

  private mapChild(map: Extract<LineNode, { kind: 'map' }>, segment: string): LineLocated | null | undefined {
    let at = map.firstKey.offset;
    for (;;) {
      const key = plainKeyAt(this.source, at);
      if (!key) return undefined;
      if (key.name === segment) {
        const node = this.valueAfter(key.afterColon, map.indent, map.end, true);
        return node === undefined ? undefined : { key: { offset: at, endOffset: key.end }, node };
      }
      // The next line at the mapping's column that is not a `- ` item of a value written at the
      // key's own indentation; lines further in belong to this key's value.
      let line = lineAfter(this.source, at);
      for (;;) {
        line = this.nextContentLine(line, map.end);
        if (line === -1) return null;
        const indent = indentOf(this.source, line);
        if (indent < map.indent) return undefined;
        if (indent === map.indent && !isListItem(this.source, line + indent)) break;
        if (indent === map.indent && this.source[line + indent + 1] === '\t') return undefined;
        line = lineAfter(this.source, line);
      }
      at = line + map.indent;
    }
  }

  private seqItem(seq: Extract<LineNode, { kind: 'seq' }>, index: number): LineLocated | null | undefined {
    let count = 0;
    for (let line = this.nextContentLine(seq.start, seq.end); line !== -1; line = this.nextContentLine(lineAfter(this.source, line), seq.end)) {
      const indent = indentOf(this.source, line);
      if (indent < seq.indent) return undefined;
      if (indent > seq.indent) continue;
      const dash = line + indent;
      if (!isListItem(this.source, dash)) return undefined;
      if (count++ < index) continue;
      const itemEnd = this.blockEnd(line, seq.indent + 1, false, seq.end);
      let at = dash + 1;
      while (this.source[at] === ' ') at++;
      if (this.source[at] === '\t' || nothingFrom(this.source, at)) return undefined;
      if (this.source[at] === '-' && isListItem(this.source, at)) return undefined; // `- - a`: a list in a list item
      const column = at - line;
      const key = plainKeyAt(this.source, at);
      const node: LineNode | undefined = key
        ? { kind: 'map', indent: column, firstKey: { offset: at, endOffset: key.end }, end: itemEnd }
        : this.scalarAt(at, seq.indent, itemEnd);
      return node === undefined ? undefined : { key: null, node };
    }
    return null;
  }

  /**
   * The value after a key's colon: on the key's line, or a block on the lines below (deeper than
   * `ownerIndent`, or a `- ` list at the key's own column when `sameColumnList`).
   */
  private valueAfter(afterColon: number, ownerIndent: number, regionEnd: number, sameColumnList: boolean): LineNode | undefined {
    let at = afterColon;
    while (this.source[at] === ' ' || this.source[at] === '\t') at++;
    if (!nothingFrom(this.source, at)) return this.scalarAt(at, ownerIndent, regionEnd);
    const line = this.nextContentLine(lineAfter(this.source, at), regionEnd);
    if (line === -1) return { kind: 'empty' };
    const indent = indentOf(this.source, line);
    const first = line + indent;
    if (this.source[first] === '-' && (this.source[first + 1] === '\t' || nothingFrom(this.source, first + 1))) return undefined;
    const item = isListItem(this.source, first);
    if (indent > ownerIndent || (indent === ownerIndent && item && sameColumnList)) {
      if (item) return { kind: 'seq', indent, start: line, end: this.blockEnd(line, indent, true, regionEnd) };
      const key = plainKeyAt(this.source, first);
      if (!key) return undefined; // a plain scalar on the next line, or a key the scan does not read
      return { kind: 'map', indent, firstKey: { offset: first, endOffset: key.end }, end: this.blockEnd(line, indent, false, regionEnd) };
    }
    return { kind: 'empty' };
  }

  /** A one-line scalar starting at `at`; lines after it deeper than `ownerIndent` would continue it. */
  private scalarAt(at: number, ownerIndent: number, regionEnd: number): LineNode | undefined {
    const source = this.source;
    const newline = source.indexOf('\n', at);
    const lineEnd = newline === -1 || newline > regionEnd ? regionEnd : newline;
    const first = source[at]!;
    let end: number;
    let style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
    if (first === '"' || first === "'") {
      let i = at + 1;
      for (; i < lineEnd; i++) {
        const c = source[i];
        if (first === '"' && c === '\\') i++;
        else if (c === first) {
          if (first === "'" && source[i + 1] === "'") i++;
          else break;
        }
      }
      if (i >= lineEnd) return undefined; // closed on a later line, if at all
      end = i + 1;
      style = first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      let rest = end;
      while (source[rest] === ' ' || source[rest] === '\t') rest++;
      if (rest < lineEnd && source[rest] !== '#' && !(source[rest] === '\r' && rest + 1 === lineEnd)) return undefined;
      if (source[rest] === '#' && rest === end) return undefined; // `"x"#`: `yaml` refuses a comment glued to the quote
    } else {
      if (cannotStartPlain(source, at)) return undefined;
      end = lineEnd;
      for (let i = at + 1; i < lineEnd; i++) {
        const c = source[i];
        if (c === '#' && (source[i - 1] === ' ' || source[i - 1] === '\t')) {
          end = i;
          break;
        }
        // `a: b` inside a value is a mapping or an error, not text: leave it to `yaml`.
        if (c === ':' && (i + 1 === lineEnd || source[i + 1] === ' ' || source[i + 1] === '\t' || source[i + 1] === '\r')) return undefined;
      }
      while (end > at && (source[end - 1] === ' ' || source[end - 1] === '\t' || source[end - 1] === '\r')) end--;
      if (source[end - 1] === ':') return undefined;
      style = 'PLAIN';
    }
    // A deeper line after it would continue (or break) the scalar.
    const after = this.nextNonBlankLine(lineAfter(this.source, at), regionEnd);
    if (after !== -1 && indentOf(this.source, after) > ownerIndent) return undefined;
    return { kind: 'scalar', range: { offset: at, endOffset: end }, style };
  }

  /** The start of the first line at or after `line` that has content at `indent` or less (or `- ` ends a list at its column). */
  private blockEnd(line: number, indent: number, list: boolean, regionEnd: number): number {
    for (let next = this.nextContentLine(lineAfter(this.source, line), regionEnd); next !== -1; next = this.nextContentLine(lineAfter(this.source, next), regionEnd)) {
      const column = indentOf(this.source, next);
      if (column < indent || (list && column === indent && !isListItem(this.source, next + column))) return next;
    }
    return regionEnd;
  }

  /** The first line at or after `line`, before `end`, with more than blanks and a comment; -1 if none. */
  private nextContentLine(line: number, end: number): number {
    for (let at = line; at < end; at = lineAfter(this.source, at)) {
      // (The fast data path admits no tab in indentation, so spaces are all there is before content.)
      if (!nothingFrom(this.source, at + indentOf(this.source, at))) return at;
    }
    return -1;
  }

  /** The first line at or after `line`, before `end`, that is not blank (a comment counts); -1 if none. */
  private nextNonBlankLine(line: number, end: number): number {
    for (let at = line; at < end; at = lineAfter(this.source, at)) {
      const first = at + indentOf(this.source, at);
      const c = this.source[first];
      if (!(c === undefined || c === '\n' || (c === '\r' && this.source[first + 1] === '\n'))) return at;
    }
    return -1;
  }
}
