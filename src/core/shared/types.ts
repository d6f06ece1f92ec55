/**
 * Shared types of the incident-report engine. Everything here is plain data so that the
 * extension, the CLI and the web worker can pass it around without the engine.
 */

/** How bad a finding is. `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured severity; `off` disables the rule. */
export type RuleLevel = Severity | 'off';

/** Languages the engine speaks: messages, documentation, the press release. */
export type Locale = 'de' | 'en';

/** A text in every supported locale. */
export type Localized = Record<Locale, string>;

/**
 * What a quick fix needs to repair a finding without re-deriving the problem.
 * Offsets are UTF-16 offsets into the BOM-less document text (what `TextDocument.getText()` returns).
 */
export type FixData =
  /** Insert `key` into the mapping at `parentPath` (a missing required field). */
  | { kind: 'insert-key'; parentPath: string; key: string; placeholder: string }
  /**
   * Replace the value at `[offset, endOffset)` with one of `values` (enum, const, yes/no). `guess`:
   * the preferred value is only the likeliest (a time zone near a misspelt name), so "fix all"
   * never applies it.
   */
  | { kind: 'replace-value'; offset: number; endOffset: number; values: string[]; preferred?: string; guess?: boolean }
  /** Sort the `updates` list chronologically. */
  | { kind: 'sort-updates' }
  /**
   * Answer the NIS2 questions: one fix per answer, each a set of `nis2` fields (`entity`,
   * `significant`) to write, adding the block when it is missing and replacing `applies`, the
   * shorthand for both.
   */
  | { kind: 'nis2-scope'; answers: Array<Record<string, string>> }
  /**
   * A timestamp whose offset does not fit the report's zone at that moment: rewrite it keeping the
   * instant, or keeping the wall time (`null` when that wall time does not exist in the zone).
   */
  | { kind: 'zone-offset'; offset: number; endOffset: number; keepInstant: string; keepWallTime: string | null }
  /**
   * Qualify an absolute claim in published text: replace `[offset, endOffset)` (often empty, an
   * insertion) with `newText`. `qualifier` names the wording for the title ("So far, …").
   */
  | { kind: 'qualify-claim'; offset: number; endOffset: number; newText: string; qualifier: string }
  /** Write a count without its thousands separators: replace `[offset, endOffset)` with `newText` (`41000`). */
  | { kind: 'write-count'; offset: number; endOffset: number; newText: string }
  /**
   * Say the number of the facts in published text: replace the number a sentence gives
   * (`[offset, endOffset)`, qualifier included) with `newText` ("rund 41.000", "about 41,000").
   */
  | { kind: 'restate-count'; offset: number; endOffset: number; newText: string }
  /** Text YAML cannot read as written (`[Update] Cyberangriff`): replace `[offset, endOffset)` with it double-quoted (`newText`). */
  | { kind: 'quote-value'; offset: number; endOffset: number; newText: string }
  /** A block of HTML in the public section, which is never published: replace `[offset, endOffset)` with its text as Markdown (`newText`). */
  | { kind: 'html-as-text'; offset: number; endOffset: number; newText: string };

/**
 * Where something is written in a text: UTF-16 offsets into the BOM-less text (end exclusive), and
 * the same place as 1-based lines and columns (columns count UTF-16 code units).
 */
export interface TextLocation {
  offset: number;
  endOffset: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A place in another file that explains a finding of a cross-file rule (the parent's value that a
 * member contradicts, the member a parent does not list). Lines and columns are 1-based.
 */
export interface RelatedLocation extends TextLocation {
  /** The other file, as the host named it (a path or a URI path). */
  file: string;
  /** What is there, in the finding's language. */
  message: string;
}

/** One problem found in a report, at its place in the report's text. */
export interface Finding extends TextLocation {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON Pointer of the frontmatter field concerned; `null` for findings in the body. */
  path: string | null;
  fix?: FixData;
  /** Places in other files that the finding refers to (cross-file rules only). */
  related?: RelatedLocation[];
  /**
   * Set when an inline directive (`incident-report-disable-next-line RULE -- REASON`) suppresses the
   * finding: it no longer blocks publication, and every output says so with the reason.
   */
  suppressed?: Suppression;
}

/** Why a finding is suppressed: the reason its directive gives, and where the directive is. */
export interface Suppression {
  /** The directive's reason, as written. */
  justification: string;
  /** 1-based line of the directive. */
  line: number;
}

/** A finding before positions are resolved and severities applied: what rules produce. */
export interface RawFinding {
  ruleId: string;
  message: string;
  offset: number;
  endOffset: number;
  path: string | null;
  /** Overrides the rule's default severity (e.g. a rule that emits both errors and warnings). */
  severity?: Severity;
  fix?: FixData;
  related?: RelatedLocation[];
}
