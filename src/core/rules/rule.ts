import type { Locale, Localized, RawFinding, Severity } from '../types';
import type { ParsedReport } from '../parse';
import type { CompiledSchema } from '../schema/validator';
import type { FamilyMember } from '../family';
import type { FamilyState } from '../family/state';

/** A range in the document text (BOM-less offsets). */
export interface TextRange {
  offset: number;
  endOffset: number;
}

/** Settings of the leak check and other rules that need more than the report. */
export interface RuleSettings {
  /** Domain suffixes whose host names are internal (`.intern`, `.local`, …). */
  internalDomains: readonly string[];
  /** Regular expression source that matches ticket IDs (`INC-2023-4711`). */
  ticketPattern: string;
}

/** Everything a rule may read. Built once per lint; rules never parse anything themselves. */
export interface RuleContext {
  report: ParsedReport;
  /** The frontmatter as a mapping, or `null` when it is missing, broken or not a mapping. */
  data: Record<string, unknown> | null;
  locale: Locale;
  /** "Now" in epoch milliseconds (injectable for tests). */
  now: number;
  /** The zone to complete timestamps with: the report's `timezone`, else the configured one. */
  timeZone: string;
  schema: CompiledSchema;
  settings: RuleSettings;
  /** Rules that are switched on in this run. */
  enabledRules: ReadonlySet<string>;
  /** Document range for the field at `pointer` (see `rangeForPointer`); the opening fence as last resort. */
  at(pointer: string, prefer?: 'value' | 'key'): TextRange;
  /** The value at `pointer` in the frontmatter data, or `undefined`. */
  valueAt(pointer: string): unknown;
  /** Localised text with `{name}` placeholders filled. */
  t(text: Localized, values?: Record<string, string | number>): string;
  /** The report's parent chain as the host loaded it; `null` when the report names no parent. */
  family: FamilyState | null;
  /** Reports that name this one as their parent, when the host knows them (CLI runs, workspace lint). */
  members: readonly FamilyMember[];
}

/** One lint rule: its own module under `src/core/rules/`, documented in `docs/rules/<id>.md`. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One sentence on what the rule checks, for documentation, SARIF and settings. */
  description: Localized;
  check(ctx: RuleContext): RawFinding[];
  /**
   * Runs before anything is parsed; findings returned here replace the whole lint (nothing else is
   * parsed or checked). For guards such as the size limit.
   */
  precheck?(text: string, ctx: PrecheckContext): RawFinding[] | null;
}

/** What a precheck may read: the raw text and the configured limits. */
export interface PrecheckContext {
  maxSize: number;
  t: RuleContext['t'];
}
