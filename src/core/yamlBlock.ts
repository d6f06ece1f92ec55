/**
 * Data from the plainest block YAML by reading it line by line: the shape nearly every report's
 * frontmatter has. js-yaml reads any YAML character by character; here a line's indentation, its
 * key and the rest of it say everything, which takes a fraction of the time on a large run.
 *
 * Only what is read here with certainty is taken:
 * - a mapping at the root, keys that are plain words (`status`, `x-ticket`, `data_loss`);
 * - block mappings and `- ` lists (also a list at its key's own column, a mapping on an item's
 *   dash line);
 * - values on their key's or dash's line: plain, single-quoted, or double-quoted without escapes;
 * - comments and blank lines.
 *
 * Anything else gives `undefined` (a value over several lines, block scalars, flow collections,
 * escapes, other keys, odd indentation, unusual characters, duplicate keys), and js-yaml or `yaml`
 * read the document as before. Plain scalars resolve with the YAML 1.2 core schema exactly as the
 * `yaml` package does (`corePlainValue`). test/unit/yamlData.test.ts compares every result with
 * `yaml` on every fixture and on generated documents of many layouts.
 */
import { corePlainValue } from './yamlScalars';
import { cannotStartPlain, isListItem, lineAfter, nothingFrom, plainKeyAt } from './yamlLines';

/** Characters that make the text something the line reader does not take (control characters, odd line breaks, surrogates, BOM). */
const UNUSUAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** A carriage return without line feed: a line break to YAML. (Apart from {@link UNUSUAL}: one class alone is scanned faster.) */
const LONE_CR = /\r(?!\n)/;

/** Thrown (and caught below) where the reader gives up: never seen by callers. */
const GIVE_UP = Symbol('not plain block YAML');

/** The data of `source` when it is plain block YAML (see the module comment), else `undefined`. */
export function readBlockYaml(source: string): { data: Record<string, unknown> } | undefined {
  if (UNUSUAL.test(source) || (source.includes('\r') && LONE_CR.test(source))) return undefined;
  try {
    const reader = new BlockReader(source);
    if (!reader.toContent(0) || reader.indent !== 0) return undefined;
    const data = reader.mapping(0, reader.contentAt);
    return reader.atEnd() ? { data } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class BlockReader {
  /** The current line: where it starts, where its content starts, and its indentation. */
  lineStart = 0;
  contentAt = 0;
  indent = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.lineStart >= this.source.length;
  }

  /** Moves to the first line at or after `line` with content (not blank, not only a comment); false at the end. */
  toContent(line: number): boolean {
    const source = this.source;
    for (let at = line; at < source.length; ) {
      let first = at;
      while (source.charCodeAt(first) === 32) first++;
      const c = source[first];
      if (c === '\t') throw GIVE_UP; // tab indentation (the fast path refuses it before anyway)
      if (!(c === undefined || c === '\n' || c === '#' || (c === '\r' && source[first + 1] === '\n'))) {
        this.lineStart = at;
        this.contentAt = first;
        this.indent = first - at;
        return true;
      }
      at = lineAfter(this.source, first);
    }
    this.lineStart = this.contentAt = source.length;
    this.indent = -1;
    return false;
  }

  /** A block mapping whose keys are at column `indent`, the first at `at`; ends on the first line of what follows it. */
  mapping(indent: number, at: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (let keyAt = at; ; keyAt = this.contentAt) {
      const found = plainKeyAt(this.source, keyAt);
      if (found === null) throw GIVE_UP;
      const key = found.name;
      // (A lookup first: most keys are new, and the own-property test is for those that are not.)
      if (result[key] !== undefined && Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
      result[key] = this.valueAfter(found.afterColon, indent);
      if (this.indent < indent) return result; // the end, or a line further out
      if (this.indent > indent || isListItem(this.source, this.contentAt)) throw GIVE_UP;
    }
  }

  /** A `- ` list whose dashes are at column `indent`; ends on the first line of what follows it. */
  list(indent: number): unknown[] {
    const result: unknown[] = [];
    for (;;) {
      const dash = this.contentAt;
      const lineStart = this.lineStart;
      let at = dash + 1;
      while (this.source.charCodeAt(at) === 32) at++;
      const c = this.source[at];
      if (c === '\t' || nothingFrom(this.source, at) || (c === '-' && isListItem(this.source, at))) throw GIVE_UP;
      result.push(plainKeyAt(this.source, at) !== null ? this.mapping(at - lineStart, at) : this.scalarThenNextLine(at));
      if (this.indent < indent) return result;
      if (this.indent > indent) throw GIVE_UP;
      if (!isListItem(this.source, this.contentAt)) return result; // a list at its key's column, and the next key
    }
  }

  /** The value after a key's colon at `at`: on this line, or a block below (deeper than `ownerIndent`, or a list at its column). */
  private valueAfter(at: number, ownerIndent: number): unknown {
    const source = this.source;
    while (source[at] === ' ' || source[at] === '\t') at++;
    if (!nothingFrom(this.source, at)) return this.scalarThenNextLine(at);
    if (!this.toContent(lineAfter(this.source, at))) return null;
    const item = isListItem(this.source, this.contentAt);
    if (this.indent > ownerIndent || (this.indent === ownerIndent && item)) {
      if (item) return this.list(this.indent);
      if (plainKeyAt(source, this.contentAt) === null) throw GIVE_UP; // a value on the next line, or a key not read here
      return this.mapping(this.indent, this.contentAt);
    }
    return null;
  }

  /** A one-line scalar at `at`; then moves to the next content line. */
  private scalarThenNextLine(at: number): unknown {
    const source = this.source;
    const newline = source.indexOf('\n', at);
    const lineEnd = newline === -1 ? source.length : newline;
    const first = source[at]!;
    let value: unknown;
    let end: number;
    if (first === '"' || first === "'") {
      const close = first === '"' ? this.doubleQuoteEnd(at, lineEnd) : this.singleQuoteEnd(at, lineEnd);
      const text = source.slice(at + 1, close);
      value = first === "'" && text.includes("''") ? text.replaceAll("''", "'") : text;
      end = close + 1;
      let rest = end;
      while (source[rest] === ' ' || source[rest] === '\t') rest++;
      if (rest === end && source[rest] === '#') throw GIVE_UP;
      if (!nothingFrom(this.source, rest)) throw GIVE_UP;
    } else {
      if (cannotStartPlain(source, at)) throw GIVE_UP;
      // A comment starts at a `#` after white space; `: ` (or `:` at the end) is no text.
      end = lineEnd;
      for (let i = this.next('#', at + 1); i !== -1 && i < lineEnd; i = this.next('#', i + 1)) {
        const before = source.charCodeAt(i - 1);
        if (before === 32 || before === 9) {
          end = i;
          break;
        }
      }
      for (let i = this.next(':', at + 1); i !== -1 && i < end; i = this.next(':', i + 1)) {
        const after = source.charCodeAt(i + 1);
        if (i + 1 === lineEnd || after === 32 || after === 9 || after === 13) throw GIVE_UP;
      }
      while (end > at && (source.charCodeAt(end - 1) === 32 || source.charCodeAt(end - 1) === 9 || source.charCodeAt(end - 1) === 13)) end--;
      value = corePlainValue(source.slice(at, end));
    }
    // A deeper line next would continue the scalar (or be an error): the caller, finding it deeper
    // than the collection it reads, gives up. Comment lines end a scalar, at any indentation.
    this.toContent(newline === -1 ? source.length : newline + 1);
    return value;
  }

  /** The closing quote of a double-quoted scalar on this line; escapes are not read here. */
  private doubleQuoteEnd(at: number, lineEnd: number): number {
    for (let i = at + 1; i < lineEnd; i++) {
      const c = this.source[i];
      if (c === '\\') break;
      if (c === '"') return i;
    }
    throw GIVE_UP;
  }

  /** The closing quote of a single-quoted scalar on this line (`''` is a quote inside it). */
  private singleQuoteEnd(at: number, lineEnd: number): number {
    for (let i = at + 1; i < lineEnd; i++) {
      if (this.source[i] !== "'") continue;
      if (this.source[i + 1] === "'") i++;
      else return i;
    }
    throw GIVE_UP;
  }

  /** The last `#` and `:` found by {@link next} (-1: there is none further on, -2: not searched yet). */
  private readonly found: Record<'#' | ':', number> = { '#': -2, ':': -2 };

  /**
   * The first `char` at or after `from`. The reader only moves forward, so each search starts where
   * the last one ended: one pass over the text in all, however many values have no such character.
   */
  private next(char: '#' | ':', from: number): number {
    const last = this.found[char];
    if (last === -1 || last >= from) return last;
    return (this.found[char] = this.source.indexOf(char, from));
  }
}
