/**
 * The frontmatter's YAML, parsed once by the `yaml` package: its document with the position of
 * every node, its errors, and its data. Rules, renderers and the editor all read this one parse.
 */
import { isScalar, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { locate, rangeForPointer, stringSpans, withoutLineBreaks, type ScalarAt, type SourceRange } from './positions';

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
  /** `aliases`: too many alias expansions; `depth`: nested too deeply; `unresolved`: an alias (`*name`) without its anchor. */
  kind: 'aliases' | 'depth' | 'unresolved';
  message: string;
}

/** Reads the YAML `source`, which starts at `offset` in the report text. */
export function readYaml(source: string, offset: number, limits: DataLimits = { maxAliasCount: 100 }): FrontmatterYaml {
  const doc = parseDocument(source, YAML_OPTIONS);
  let data: unknown;
  let dataError: DataError | null = null;
  try {
    data = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: limits.maxAliasCount }) : undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof RangeError && /call stack/i.test(message) ? 'depth' : /unresolved alias/i.test(message) ? 'unresolved' : 'aliases';
    dataError = { kind, message };
  }
  return new FrontmatterYaml(source, offset, doc, data, dataError);
}

/**
 * A frontmatter read: one parse, and everything taken from it. A class, not an object literal
 * with a getter: V8 builds such a literal on its slow path, in the old generation, and an old
 * object that points at the young document keeps it alive through every minor GC until the next
 * full one. The CLI then copied each report's whole YAML tree into the old generation (measured:
 * 73 MB promoted over the 2,000-report corpus, against 2.5 MB for the same parse without the getter).
 */
export class FrontmatterYaml {
  private allDocs: readonly Document.Parsed[] | undefined;
  /** The string values {@link valueSpan} looked up, as {@link stringSpans} reads them. */
  private readonly spans = new Map<string, ReturnType<typeof stringSpans>>();

  constructor(
    /** The YAML text: every node range is an offset into it. */
    readonly source: string,
    /** Where `source` starts in the report text (add it to a node range for a document offset). */
    readonly offset: number,
    /** The document, with the position of every node and its errors (`yaml` reads on through them). */
    readonly doc: Document.Parsed,
    /** The frontmatter as plain data; `undefined` when it could not be (syntax errors, alias bombs): rules then stay silent. */
    readonly data: unknown,
    /** Problems found while turning YAML into data that the parser itself does not report. */
    readonly dataError: DataError | null,
  ) {}

  /** Every document of the source (a `...` line inside the fences ends the first; the author may still be typing below it). */
  get docs(): readonly Document.Parsed[] {
    // parseDocument reports a second document as MULTIPLE_DOCS: only then is there more to read.
    return (this.allDocs ??= this.doc.errors.some((error) => error.code === 'MULTIPLE_DOCS') ? [...parseAllDocuments(this.source, YAML_OPTIONS)] : [this.doc]);
  }

  /** Where to report something about the field at `pointer` (see {@link rangeForPointer}). */
  rangeOf(pointer: string, prefer?: 'value' | 'key'): SourceRange | null {
    const range = rangeForPointer(this.doc, pointer, prefer);
    return range && { offset: range.offset, endOffset: withoutLineBreaks(this.source, range.offset, range.endOffset) };
  }

  /** The scalar at `pointer` (its range, value and style), or `null` where there is none. */
  scalar(pointer: string): ScalarAt | null {
    const node = locate(this.doc, pointer)?.value;
    return isScalar(node) && node.range ? { offset: node.range[0], endOffset: node.range[1], value: node.value, type: node.type } : null;
  }

  /** Where the characters `[start, end)` of the string at `pointer` are written (see {@link stringSpans}). */
  valueSpan(pointer: string, start: number, end: number): SourceRange | null {
    if (!this.spans.has(pointer)) this.spans.set(pointer, stringSpans(this.source, this.scalar(pointer)));
    return this.spans.get(pointer)?.(start, end) ?? null;
  }
}
