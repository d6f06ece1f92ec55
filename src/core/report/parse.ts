import { LineCounter, type YAMLError } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Node as UnistNode } from 'unist';
import { boundsOf, findPublicSection, scanPublicBounds, type PublicBounds, type PublicSection } from './publicSection';
import { withoutBom } from '../shared/bom';
import { locateFrontmatter, readYaml, type DataError, type DataLimits, type Frontmatter, type FrontmatterYaml } from '../yaml';

export type { Frontmatter } from '../yaml';

/** A report parsed once; every rule, the renderer and the editor adapters read from it. */
export interface ParsedReport {
  /** The document text without a UTF-8 BOM: all offsets refer to it. */
  text: string;
  /** 1 when the input started with a BOM (offsets in `text` are then one less than in the raw input). */
  bomLength: number;
  /** Where each line starts (counted on first use: a clean report never needs a line number). */
  readonly lines: LineCounter;
  frontmatter: Frontmatter;
  /**
   * The frontmatter's YAML, parsed once: document, positions and data (see `yaml/`). `null`
   * without an opening fence. While the closing fence is missing, what follows the opening one
   * (up to {@link TYPING_LIMIT}), read on first use: only the editor asks then (completion and
   * report detection while the author types).
   */
  readonly yaml: FrontmatterYaml | null;
  /** The YAML parser's errors (of a closed frontmatter). */
  readonly yamlErrors: readonly YAMLError[];
  /**
   * The frontmatter as plain data, or `undefined` when there is no closed frontmatter or it could
   * not be turned into data (syntax errors, alias bombs): rules must then stay silent rather than guess.
   */
  data: unknown;
  /** Problems found while turning YAML into data that the YAML parser itself does not report. */
  dataError: DataError | null;
  /** Offset where the Markdown body starts (after the frontmatter). */
  bodyOffset: number;
  /** The Markdown body (parsed on first access: linting a broken frontmatter never pays for it). */
  readonly body: Root;
  /** Set when the body could not be parsed (nesting too deep for the parser); `body` is then empty. */
  readonly bodyError: string | null;
  /** The public section, found on first access (parses the body). */
  readonly publicSection: PublicSection | null;
  /**
   * Where the public section is, found on first access: by a line scan when the body is plain
   * enough, else from `publicSection`. `null` when there is none or the body could not be read.
   */
  readonly publicBounds: PublicBounds | null;
}

/** Limits that keep hostile YAML from exhausting memory. */
export type ParseLimits = DataLimits;

/** How much of the text after an unclosed opening fence the editor reads as YAML (a new report's frontmatter is far shorter). */
const TYPING_LIMIT = 64 * 1024;

// One processor for the life of the process: creating it per file costs more than parsing.
// It sees only the body: micromark is slow on long frontmatter, and the fences are easy to find.
const markdownParser = unified().use(remarkParse).freeze();

/** A line opening with 200+ characters of container markup (quotes, list markers, indentation), not a thematic break. */
const TOO_DEEP = /^(?![-*_ \t]*$)[ \t>*+-]{200,}/m;

/** Parses a report: frontmatter fences, YAML (1.2, with positions), Markdown body and public section. */
export function parseReport(input: string, limits?: ParseLimits): ParsedReport {
  return new Report(input, limits);
}

/**
 * A parsed report whose slower parts (line index, Markdown body, public section) are made on first
 * use. A class, not an object literal with getters: see `FrontmatterYaml` in yaml/document.ts (V8 puts
 * such literals in the old generation, where they keep each report's young objects alive).
 */
class Report implements ParsedReport {
  readonly text: string;
  readonly bomLength: number;
  readonly frontmatter: Frontmatter;
  readonly yamlErrors: readonly YAMLError[];
  readonly data: unknown;
  readonly dataError: DataError | null;
  readonly bodyOffset: number;
  private readonly closed: FrontmatterYaml | null;
  private lineCounter: LineCounter | undefined;
  private typing: FrontmatterYaml | undefined;
  private parsedBody: { root: Root; error: string | null } | undefined;
  private section: PublicSection | null | undefined;
  private bounds: PublicBounds | null | undefined;

  constructor(
    input: string,
    private readonly limits: ParseLimits | undefined,
  ) {
    const { text, bomLength } = withoutBom(input);
    this.text = text;
    this.bomLength = bomLength;
    const frontmatter = locateFrontmatter(text);
    this.frontmatter = frontmatter;
    this.closed = frontmatter.kind === 'yaml' ? readYaml(frontmatter.source, frontmatter.contentOffset, limits) : null;
    this.yamlErrors = this.closed?.doc.errors ?? [];
    this.data = this.closed?.data;
    this.dataError = this.closed?.dataError ?? null;
    this.bodyOffset = frontmatter.kind === 'yaml' ? lineEnd(text, frontmatter.close.endOffset) : 0;
  }

  get lines(): LineCounter {
    return (this.lineCounter ??= countLines(this.text));
  }

  get yaml(): FrontmatterYaml | null {
    const frontmatter = this.frontmatter;
    if (frontmatter.kind !== 'unclosed') return this.closed;
    return (this.typing ??= readYaml(this.text.slice(frontmatter.contentOffset, frontmatter.contentOffset + TYPING_LIMIT), frontmatter.contentOffset, this.limits));
  }

  get body(): Root {
    return this.parsed().root;
  }

  get bodyError(): string | null {
    return this.parsed().error;
  }

  get publicSection(): PublicSection | null {
    if (this.section === undefined) this.section = findPublicSection(this.body, this.text);
    return this.section;
  }

  get publicBounds(): PublicBounds | null {
    if (this.bounds === undefined) {
      const scanned = scanPublicBounds(this.text, this.bodyOffset);
      this.bounds = scanned === undefined ? boundsOf(this.publicSection) : scanned;
    }
    return this.bounds;
  }

  private parsed(): { root: Root; error: string | null } {
    return (this.parsedBody ??= parseBody(this.text, this.bodyOffset, this.lines));
  }
}

/** A report that was deliberately not parsed (e.g. over the size limit): text and line index only. */
export function unparsedReport(text: string): ParsedReport {
  return {
    text,
    bomLength: 0,
    lines: countLines(text),
    frontmatter: { kind: 'none' },
    yaml: null,
    yamlErrors: [],
    data: undefined,
    dataError: null,
    bodyOffset: 0,
    body: { type: 'root', children: [] },
    bodyError: null,
    publicSection: null,
    publicBounds: null,
  };
}

function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Offset just past the line break that ends the line containing `offset`. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Parses the body alone and moves its positions to where the body sits in the whole document. */
function parseBody(text: string, bodyOffset: number, lines: LineCounter): { root: Root; error: string | null } {
  const source = bodyOffset ? text.slice(bodyOffset) : text;
  // micromark slows down with the square of the nesting depth (600 nested lists take seconds) and
  // recurses per level: refuse such bodies up front. No report nests containers that deep.
  if (TOO_DEEP.test(source)) return { root: { type: 'root', children: [] }, error: 'nested too deeply' };
  let tree: Root;
  try {
    tree = markdownParser.parse(source) as Root;
  } catch (error) {
    // micromark recurses per nesting level: thousands of nested quotes or lists exhaust the stack.
    return { root: { type: 'root', children: [] }, error: error instanceof Error ? error.message : String(error) };
  }
  if (bodyOffset === 0) return { root: tree, error: null };
  const lineShift = lines.linePos(bodyOffset).line - 1;
  // Iterative on purpose: a deeply nested body must not overflow the stack here either.
  const pending: UnistNode[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        point.line += lineShift;
        if (point.offset !== undefined) point.offset += bodyOffset;
      }
    }
    const children = (node as { children?: UnistNode[] }).children;
    if (children) pending.push(...children);
  }
  return { root: tree, error: null };
}
