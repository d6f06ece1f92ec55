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

/** Characters that make the text something the line reader does not take (control characters, odd line breaks, surrogates, BOM). */
const UNUSUAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** A carriage return without line feed: a line break to YAML. (Apart from {@link UNUSUAL}: one class alone is scanned faster.) */
const LONE_CR = /\r(?!\n)/;
/** Plain-word keys that YAML reads as something other than that word (or that objects treat specially). */
const NOT_PLAIN_KEYS: ReadonlySet<string> = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Characters that make a plain scalar something else when they start it. */
const NOT_PLAIN_START: ReadonlySet<string> = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`']);
/** Indicators that are plain text only when a non-space follows (`-5`, `?x`, `:x`). */
const INDICATOR_BEFORE_SPACE: ReadonlySet<string> = new Set(['-', '?', ':']);

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

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
      at = this.lineAfter(first);
    }
    this.lineStart = this.contentAt = source.length;
    this.indent = -1;
    return false;
  }

  /** A block mapping whose keys are at column `indent`, the first at `at`; ends on the first line of what follows it. */
  mapping(indent: number, at: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (let keyAt = at; ; keyAt = this.contentAt) {
      const key = this.keyAt(keyAt);
      if (key === null) throw GIVE_UP;
      // (A lookup first: most keys are new, and the own-property test is for those that are not.)
      if (result[key] !== undefined && Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
      result[key] = this.valueAfter(this.keyEnd, indent);
      if (this.indent < indent) return result; // the end, or a line further out
      if (this.indent > indent || this.isItem(this.contentAt)) throw GIVE_UP;
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
      if (c === '\t' || this.nothingAt(at) || (c === '-' && this.isItem(at))) throw GIVE_UP;
      result.push(this.keyAt(at) !== null ? this.mapping(at - lineStart, at) : this.scalarThenNextLine(at));
      if (this.indent < indent) return result;
      if (this.indent > indent) throw GIVE_UP;
      if (!this.isItem(this.contentAt)) return result; // a list at its key's column, and the next key
    }
  }

  /** The value after a key's colon at `at`: on this line, or a block below (deeper than `ownerIndent`, or a list at its column). */
  private valueAfter(at: number, ownerIndent: number): unknown {
    const source = this.source;
    while (source[at] === ' ' || source[at] === '\t') at++;
    if (!this.nothingAt(at)) return this.scalarThenNextLine(at);
    if (!this.toContent(this.lineAfter(at))) return null;
    const item = this.isItem(this.contentAt);
    if (this.indent > ownerIndent || (this.indent === ownerIndent && item)) {
      if (item) return this.list(this.indent);
      if (this.keyAt(this.contentAt) === null) throw GIVE_UP; // a value on the next line, or a key not read here
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
      if (!this.nothingAt(rest)) throw GIVE_UP;
    } else {
      if (NOT_PLAIN_START.has(first)) throw GIVE_UP;
      const next = source[at + 1];
      if (INDICATOR_BEFORE_SPACE.has(first) && (next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n')) throw GIVE_UP;
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

  /** Where the last key that {@link keyAt} read ends: after its colon. */
  private keyEnd = 0;

  /**
   * The plain-word key at `at` (`[A-Za-z_][A-Za-z0-9_-]*`, blanks, `:`, then white space or the line
   * end), or `null` for anything else, words YAML reads as null or booleans, and `__proto__`.
   */
  private keyAt(at: number): string | null {
    const source = this.source;
    let c = source.charCodeAt(at);
    if (!(isLetter(c) || c === 95)) return null;
    let i = at + 1;
    for (c = source.charCodeAt(i); isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45; c = source.charCodeAt(++i));
    const nameEnd = i;
    while (c === 32 || c === 9) c = source.charCodeAt(++i);
    if (c !== 58) return null;
    const after = source.charCodeAt(i + 1);
    if (!(after === 32 || after === 9 || after === 13 || after === 10 || i + 1 === source.length)) return null;
    const key = source.slice(at, nameEnd);
    if (nameEnd - at <= 9 && NOT_PLAIN_KEYS.has(key)) return null;
    this.keyEnd = i + 1;
    return key;
  }

  /** `- ` (or `-` at the line end) at `at`. */
  private isItem(at: number): boolean {
    if (this.source[at] !== '-') return false;
    const next = this.source[at + 1];
    return next === ' ' || next === '\n' || next === '\r' || next === undefined;
  }

  /** Nothing but an optional comment from `at` to the line end. */
  private nothingAt(at: number): boolean {
    const c = this.source[at];
    return c === undefined || c === '\n' || c === '#' || (c === '\r' && this.source[at + 1] === '\n');
  }

  /** The start of the line after the one holding `at`. */
  private lineAfter(at: number): number {
    const newline = this.source.indexOf('\n', at);
    return newline === -1 ? this.source.length : newline + 1;
  }
}
