import { LineCounter, parseDocument, type Document } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';
import { findPublicSection, type PublicSection } from './publicSection';

/** Where the frontmatter sits in the text, or why there is none. */
export type Frontmatter =
  | {
      kind: 'yaml';
      /** Range of the opening `---` (without line break). */
      open: { offset: number; endOffset: number };
      /** Range of the closing `---`. */
      close: { offset: number; endOffset: number };
      /** Offset where the YAML content starts in the document. */
      contentOffset: number;
      /** The YAML source between the fences. */
      source: string;
    }
  | { kind: 'none' }
  | { kind: 'toml'; offset: number; endOffset: number }
  | { kind: 'unclosed'; open: { offset: number; endOffset: number } };

/** A report parsed once; every rule, the renderer and the editor adapters read from it. */
export interface ParsedReport {
  /** The document text without a UTF-8 BOM: all offsets refer to it. */
  text: string;
  /** 1 when the input started with a BOM (offsets in `text` are then one less than in the raw input). */
  bomLength: number;
  lines: LineCounter;
  frontmatter: Frontmatter;
  /** The YAML document, when there is frontmatter. */
  yaml: Document.Parsed | null;
  /**
   * The frontmatter as plain data, or `undefined` when it could not be turned into data
   * (syntax errors, alias bombs): rules must then stay silent rather than guess.
   */
  data: unknown;
  /** Problems found while turning YAML into data that the YAML parser itself does not report. */
  dataError: { message: string } | null;
  body: Root;
  /** Offset where the Markdown body starts (after the frontmatter). */
  bodyOffset: number;
  publicSection: PublicSection | null;
}

/** Limits that keep hostile YAML from exhausting memory. */
export interface ParseLimits {
  /** Most alias expansions allowed when building data (YAML "billion laughs"). */
  maxAliasCount: number;
}

const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100 };

// One processor for the life of the process: creating it per file costs more than parsing.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

const OPEN_FENCE = /^---[ \t]*(?:\r?\n|$)/;

/** Parses a report: frontmatter fences, YAML (1.2, with positions), Markdown body and public section. */
export function parseReport(input: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedReport {
  const bomLength = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bomLength ? input.slice(1) : input;
  const lines = countLines(text);
  const tree = markdownParser.parse(text) as Root;
  const frontmatter = locateFrontmatter(text, tree.children[0]);

  let yaml: Document.Parsed | null = null;
  let data: unknown = undefined;
  let dataError: { message: string } | null = null;
  if (frontmatter.kind === 'yaml') {
    yaml = parseDocument(frontmatter.source, {
      version: '1.2',
      uniqueKeys: true,
      prettyErrors: false,
      keepSourceTokens: false,
    });
    if (yaml.errors.length === 0) {
      try {
        data = yaml.toJS({ maxAliasCount: limits.maxAliasCount });
      } catch (error) {
        dataError = { message: error instanceof Error ? error.message : String(error) };
      }
    }
  }

  const bodyOffset = frontmatter.kind === 'yaml' ? frontmatter.close.endOffset : 0;
  const body: Root = {
    type: 'root',
    children: tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml'),
  };
  return {
    text,
    bomLength,
    lines,
    frontmatter,
    yaml,
    data,
    dataError,
    body,
    bodyOffset,
    publicSection: findPublicSection(body, text),
  };
}

function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

function locateFrontmatter(text: string, first: RootContent | undefined): Frontmatter {
  const startOffset = first?.position?.start.offset;
  const endOffset = first?.position?.end.offset;
  if (first && startOffset === 0 && endOffset !== undefined) {
    if ((first.type as string) === 'toml') return { kind: 'toml', offset: 0, endOffset: 3 };
    if (first.type === 'yaml') {
      const firstBreak = text.indexOf('\n');
      const contentOffset = firstBreak + 1;
      const closeOffset = endOffset - 3;
      return {
        kind: 'yaml',
        open: { offset: 0, endOffset: 3 },
        close: { offset: closeOffset, endOffset },
        contentOffset,
        source: closeOffset > contentOffset ? text.slice(contentOffset, closeOffset) : '',
      };
    }
  }
  if (OPEN_FENCE.test(text)) return { kind: 'unclosed', open: { offset: 0, endOffset: 3 } };
  return { kind: 'none' };
}
