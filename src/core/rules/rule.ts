import type { Finding, Locale, Localized, RawFinding, Severity } from '../shared/types';
import type { Directive } from '../report/directives';
import type { ParsedReport } from '../report/parse';
import type { CompiledSchema } from '../schema/validator';
import type { FamilyMember } from '../family';
import type { FamilyState } from '../family/state';
import type { RuleOptionValues } from './options';

/** A range in the document text (BOM-less offsets). */
export interface TextRange {
  offset: number;
  endOffset: number;
}

/**
 * The rules' options as this lint runs with them: each one configured, else its schema's `default`
 * (`''` and `0` there mean "the built-in value", which the rule that declares the option supplies).
 */
export type RuleSettings = Readonly<Required<RuleOptionValues>>;

/** A release file as the host loaded it: read, missing (with why), or not loaded at all. */
export type ReleaseFile =
  | { kind: 'read'; path: string; label: string; text: string }
  /** `error`: why, in English; `reason`: why in both languages, when the host gave both. */
  | { kind: 'missing'; path: string; label: string; error: string; reason?: Localized }
  | { kind: 'unchecked'; path?: string };

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
  /** Every rule's id, switched on or not (a rule cannot import the rule list it is part of). */
  ruleIds: readonly string[];
  /** Document range for the field at `pointer` (see `rangeForPointer`); the opening fence as last resort. */
  at(pointer: string, prefer?: 'value' | 'key'): TextRange;
  /** Localised text with `{name}` placeholders filled. */
  t(text: Localized, values?: Record<string, string | number>): string;
  /** The report's parent chain as the host loaded it; `null` when the report names no parent. */
  family: FamilyState | null;
  /** Reports that name this one as their parent, when the host knows them (CLI runs, workspace lint). */
  members: readonly FamilyMember[];
  /** Release file `version` of this report (`.releases/<report>/<version>.json`), as the host loaded it. */
  releaseFile(version: number): ReleaseFile;
  /** The report's inline suppression directives (read on first use; see directives.ts). */
  readonly directives: readonly Directive[];
}

/**
 * An option a rule (or the extension) declares, once. `npm run generate` turns it into the VS Code
 * setting `incidentReport.<name>` (package.json, both package.nls files, `restrictedConfigurations`),
 * the key of `.incident-report.json` and its schema, the `LintOptions` field (`RuleOptionValues` in
 * rules/options.ts), a row of the README's settings and configuration tables and a section of the
 * rule's documentation; the CLI reads its flag and prints its help from here, and the project file,
 * the command line and the editors' settings check a value with the same `check`.
 */
export interface OptionSpec<Name extends string = string> {
  /** The key in `LintOptions`, the VS Code setting below `incidentReport.` and the project configuration. */
  name: Name;
  /**
   * JSON Schema of the value with its `default` (no description: that is `description`). A scalar
   * default (`''`, `0`) is the settings UI's "not set": the built-in value applies, and the project
   * file and the command line do not take it.
   */
  schema: Readonly<Record<string, unknown>>;
  /** What the option does (Markdown), in the settings UI and the rule documentation. */
  description: Localized;
  /** Further texts the schema refers to as `%config.<name>.<key>%` (e.g. a `patternErrorMessage`). */
  messages?: Readonly<Record<string, Localized>>;
  /** A few words for the README's settings table. */
  summary: string;
  /** The default as the README shows it (Markdown). */
  defaultText: string;
  /** The command-line option that sets it, when there is one (`--max-size N`). */
  cli?: OptionFlag;
  /** Ignored from an untrusted workspace (listed in `restrictedConfigurations`). */
  restricted?: boolean;
  /**
   * Why a value (from the project file, the command line or a setting, as JSON) cannot be used:
   * nothing when it can. Without it, the value is checked against the type `schema` names.
   */
  check?(value: unknown): OptionProblem[];
}

/** A command-line option: `--max-size N`. A list option is repeated (`--internal-domain .a --internal-domain .b`). */
export interface OptionFlag {
  /** `--max-size` */
  flag: string;
  /** What the value is, in `--help` (`N`, `RE`, `SUFFIX`). */
  argument: string;
  /** The lines of its `--help` entry (English, like the rest of the help). */
  help: readonly string[];
}

/**
 * What is wrong with an option's value: `says` follows the option's name (`"maxSize" must be a whole
 * number …`, `--ticket-pattern is not a valid regular expression: …`); a problem inside the value (a
 * list's entry, an object's key) is placed by its path in the value (`at`: `[2]`, `['roles', 0]`;
 * `key`: the key there, not its value) and says itself in full.
 */
export type OptionProblem = { says: Localized } | { at: ReadonlyArray<string | number>; key?: boolean; message: Localized };

/** A rule's documentation, rendered into `docs/rules/<id>.md` by `npm run generate`. */
export interface RuleDocs {
  /** "What it checks": Markdown paragraphs (English, like the rest of the docs). */
  checks: readonly string[];
  /** Fixtures (folder names in test/fixtures) shown as examples; default: the first two with a finding of the rule. */
  examples?: readonly string[];
}

/**
 * One lint rule: its own module under `src/core/rules/`. Everything derived from it (the rule list,
 * docs/rules/<id>.md, the README tables, the settings in package.json) is written by `npm run generate`.
 */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One sentence on what the rule checks, for documentation, SARIF and settings. */
  description: Localized;
  docs: RuleDocs;
  /** Options that configure the rule (declared once here; see `OptionSpec`): each becomes a `LintOptions` field. */
  options?: readonly OptionSpec[];
  check(ctx: RuleContext): RawFinding[];
  /**
   * Runs after every rule's `check`, once the directives have been applied, with the findings as
   * they stand (severities resolved, suppressions marked): for a rule about the other findings (the
   * `suppression` rule: a directive that suppresses nothing). Its findings are never suppressed.
   */
  review?(ctx: RuleContext, findings: readonly Finding[]): RawFinding[];
  /**
   * True when the rule's findings block publication at any severity (a placeholder is never
   * published, even while lint shows it as a warning): see verdict.ts.
   */
  alwaysBlocks?: boolean;
  /**
   * True when the rule's findings concern publication only (the release gate): a confidential
   * draft for an authority is not published, so they never hold one back.
   */
  publicOnly?: boolean;
  /**
   * True when the rule's findings keep a report from being approved (a leak, a placeholder in what
   * it publishes): an approval writes the published text into its release file, which may be
   * committed where others read it, and signs off text that has to change before it may go out.
   */
  blocksApproval?: boolean;
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
