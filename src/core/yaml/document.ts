/**
 * The frontmatter's YAML, parsed once by the `yaml` package: its document with the position of
 * every node, its errors, and its data. Rules, renderers and the editor all read this one parse.
 */
import { parseAllDocuments, parseDocument, type Document, type YAMLError } from 'yaml';
import { locate, rangeForPointer, scalarAt, stringSpans, type Located, type ScalarAt, type SourceRange } from './positions';

/**
 * The options of every parse: YAML 1.2 (what the schema's types assume: `no` is a word, not
 * `false`), duplicate keys are errors, and `yaml` logs nothing to the user's stderr (the engine
 * reports problems itself).
 */
export const YAML_OPTIONS = { version: '1.2', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** Limits that keep hostile YAML from exhausting memory. */
export interface DataLimits {
  /** Most alias expansions allowed when building data (YAML "billion laughs"). */
  maxAliasCount: number;
}

/** Why YAML without syntax errors could still not be turned into data. */
export interface DataError {
  kind: 'aliases' | 'depth';
  message: string;
}

/** A frontmatter read: one parse, and everything taken from it. */
export interface FrontmatterYaml {
  /** The YAML text: every node range is an offset into it. */
  readonly source: string;
  /** Where `source` starts in the report text (add it to a node range for a document offset). */
  readonly offset: number;
  /** The document, with the position of every node (also while it has errors: `yaml` reads on). */
  readonly doc: Document.Parsed;
  /** Every document of the source (a `...` line inside the fences ends the first; the author may still be typing below it). */
  readonly docs: readonly Document.Parsed[];
  readonly errors: readonly YAMLError[];
  /** The frontmatter as plain data; `undefined` when it could not be (syntax errors, alias bombs): rules then stay silent. */
  readonly data: unknown;
  /** Problems found while turning YAML into data that the parser itself does not report. */
  readonly dataError: DataError | null;
  /** The node at `pointer` with its key and parent. */
  locate(pointer: string): Located | null;
  /** Where to report something about the field at `pointer` (see {@link rangeForPointer}). */
  rangeOf(pointer: string, prefer?: 'value' | 'key'): SourceRange | null;
  /** The scalar at `pointer` (its range, value and style), or `null` where there is none. */
  scalar(pointer: string): ScalarAt | null;
  /** Where the characters `[start, end)` of the string at `pointer` are written (see {@link stringSpans}). */
  valueSpan(pointer: string, start: number, end: number): SourceRange | null;
}

/** Reads the YAML `source`, which starts at `offset` in the report text. */
export function readYaml(source: string, offset: number, limits: DataLimits = { maxAliasCount: 100 }): FrontmatterYaml {
  const doc = parseDocument(source, YAML_OPTIONS);
  let data: unknown;
  let dataError: DataError | null = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      dataError = { kind: error instanceof RangeError && /call stack/i.test(message) ? 'depth' : 'aliases', message };
    }
  }
  let docs: readonly Document.Parsed[] | undefined;
  const spans = new Map<string, ReturnType<typeof stringSpans>>();
  return {
    source,
    offset,
    doc,
    get docs() {
      // parseDocument reports a second document as MULTIPLE_DOCS: only then is there more to read.
      return (docs ??= doc.errors.some((error) => error.code === 'MULTIPLE_DOCS') ? [...parseAllDocuments(source, YAML_OPTIONS)] : [doc]);
    },
    errors: doc.errors,
    data,
    dataError,
    locate: (pointer) => locate(doc, pointer),
    rangeOf: (pointer, prefer) => rangeForPointer(doc, pointer, prefer),
    scalar: (pointer) => scalarAt(doc, pointer),
    valueSpan(pointer, start, end) {
      if (!spans.has(pointer)) spans.set(pointer, stringSpans(source, scalarAt(doc, pointer)));
      return spans.get(pointer)?.(start, end) ?? null;
    },
  };
}
