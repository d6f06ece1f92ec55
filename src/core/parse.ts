import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Node as UnistNode } from 'unist';
import { boundsOf, findPublicSection, scanPublicBounds, type PublicBounds, type PublicSection } from './publicSection';
import { loadPlainYaml } from './yamlData';
import { locateFrontmatter, type Frontmatter } from './frontmatter';
import { documentLocator, rangeForPointer, walkScalars, type NodeLocator } from './pointer';
import { frontmatterNodes, scalarVia, YAML_PARSE_OPTIONS, type FrontmatterNodes } from './yamlPositions';

export type { Frontmatter } from './frontmatter';

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
   * The YAML document with positions, when there is frontmatter. Built on first access when the fast
   * path (see `yamlData.ts`) read the data: a valid report never needs a position.
   */
  readonly yaml: Document.Parsed | null;
  /**
   * Frontmatter nodes by JSON Pointer, with ranges relative to the frontmatter content. After the
   * fast path this parses only the top-level entry that holds the node (see `yamlPositions.ts`);
   * findings and scans locate through it rather than through `yaml`.
   */
  readonly nodes: FrontmatterNodes;
  /** The YAML parser's errors; empty without building the document when the fast path read the data. */
  readonly yamlErrors: readonly YAMLError[];
  /**
   * The frontmatter as plain data, or `undefined` when it could not be turned into data
   * (syntax errors, alias bombs): rules must then stay silent rather than guess.
   */
  data: unknown;
  /** Problems found while turning YAML into data that the YAML parser itself does not report. */
  dataError: { kind: 'aliases' | 'depth'; message: string } | null;
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
export interface ParseLimits {
  /** Most alias expansions allowed when building data (YAML "billion laughs"). */
  maxAliasCount: number;
}

const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100 };

// One processor for the life of the process: creating it per file costs more than parsing.
// It sees only the body: micromark is slow on long frontmatter, and the fences are easy to find.
const markdownParser = unified().use(remarkParse).freeze();

/** A line opening with 200+ characters of container markup (quotes, list markers, indentation), not a thematic break. */
const TOO_DEEP = /^(?![-*_ \t]*$)[ \t>*+-]{200,}/m;

/** Parses a report: frontmatter fences, YAML (1.2, with positions), Markdown body and public section. */
export function parseReport(input: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedReport {
  const bomLength = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bomLength ? input.slice(1) : input;
  let lineCounter: LineCounter | undefined;
  const lines = () => (lineCounter ??= countLines(text));
  const frontmatter = locateFrontmatter(text);

  let yaml: Document.Parsed | null | undefined = frontmatter.kind === 'yaml' ? undefined : null;
  const document = () => (yaml === undefined ? (yaml = parseYaml(frontmatter)) : yaml);
  let data: unknown = undefined;
  let dataError: ParsedReport['dataError'] = null;
  let readFast = false;
  if (frontmatter.kind === 'yaml') {
    const fast = loadPlainYaml(frontmatter.source);
    if (fast) {
      data = fast.data;
      readFast = true;
    } else if (document()!.errors.length === 0) {
      try {
        data = document()!.toJS({ maxAliasCount: limits.maxAliasCount });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        dataError = { kind: error instanceof RangeError && /call stack/i.test(message) ? 'depth' : 'aliases', message };
      }
    }
  }

  const nodes = readFast && frontmatter.kind === 'yaml' ? frontmatterNodes(frontmatter.source, document, data) : wholeDocumentNodes(document);

  const bodyOffset = frontmatter.kind === 'yaml' ? lineEnd(text, frontmatter.close.endOffset) : 0;
  let parsedBody: { root: Root; error: string | null } | undefined;
  let publicSection: PublicSection | null | undefined;
  let publicBounds: PublicBounds | null | undefined;
  const body = () => (parsedBody ??= parseBody(text, bodyOffset, lines()));
  const section = () => (publicSection === undefined ? (publicSection = findPublicSection(body().root, text)) : publicSection);
  return {
    text,
    bomLength,
    get lines() {
      return lines();
    },
    frontmatter,
    get yaml() {
      return document();
    },
    nodes,
    get yamlErrors() {
      return readFast ? [] : (document()?.errors ?? []);
    },
    data,
    dataError,
    bodyOffset,
    get body() {
      return body().root;
    },
    get bodyError() {
      return body().error;
    },
    get publicSection() {
      return section();
    },
    get publicBounds() {
      if (publicBounds === undefined) {
        const scanned = scanPublicBounds(text, bodyOffset);
        publicBounds = scanned === undefined ? boundsOf(section()) : scanned;
      }
      return publicBounds;
    },
  };
}

/** A report that was deliberately not parsed (e.g. over the size limit): text and line index only. */
export function unparsedReport(text: string): ParsedReport {
  return {
    text,
    bomLength: 0,
    lines: countLines(text),
    frontmatter: { kind: 'none' },
    yaml: null,
    nodes: wholeDocumentNodes(() => null),
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

function parseYaml(frontmatter: Frontmatter): Document.Parsed | null {
  if (frontmatter.kind !== 'yaml') return null;
  // logLevel 'error': `yaml` would otherwise print Node warnings (e.g. "Keys with collection values
  // will be stringified") to the user's stderr; the engine reports such keys itself.
  return parseDocument(frontmatter.source, YAML_PARSE_OPTIONS);
}

/** {@link FrontmatterNodes} over the whole document, built on first use. */
function wholeDocumentNodes(document: () => Document.Parsed | null | undefined): FrontmatterNodes {
  const locator: NodeLocator = (pointer) => {
    const doc = document();
    return doc ? documentLocator(doc)(pointer) : null;
  };
  return {
    locate: locator,
    walkScalars(visit) {
      const doc = document();
      if (doc) walkScalars(doc, visit);
    },
    rangeOf: (pointer, prefer) => rangeForPointer(locator, pointer, prefer),
    scalar: (pointer) => scalarVia(locator, pointer),
    parsedEntries: 0,
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
