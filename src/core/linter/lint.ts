import type { Finding, Locale, Localized, RawFinding, RuleLevel, Severity } from '../shared/types';
import { parseReport, unparsedReport, type ParsedReport } from '../report/parse';
import { withoutBom } from '../shared/bom';
import { isRecord } from '../report/fields';
import { t } from '../shared/i18n';
import { isValidTimeZone, systemTimeZone } from '../shared/time';
import { bundledCompiledSchema, compileCustomSchema, type CompiledSchema } from '../schema/validator';
import { familyMembers, familyState, type FamilyLintContext, type FamilyState } from '../family/state';
import { memberOf, type FamilyMember } from '../family';
import { releaseFilePath } from '../release/approvals';
import type { ReleaseFile } from '../rules/rule';
import { applyDirectives, readDirectives, type Directive } from '../report/directives';
import type { LintOptions } from './options';
import { DEFAULT_MAX_SIZE, RULE_IDS, RULE_OPTIONS, RULES, type Rule, type RuleContext, type RuleOptionValues, type RuleSettings } from '../rules';

// The defaults live with the rules that declare these options.
export { DEFAULT_INTERNAL_DOMAINS, DEFAULT_MAX_SIZE, DEFAULT_TICKET_PATTERN } from '../rules';
export type { LintOptions } from './options';

/** The outcome of linting one document. */
export interface LintResult {
  findings: Finding[];
  report: ParsedReport;
  /**
   * This report as a member of its parent (path, resolved parent path, organisation and where it is
   * written), when it names a parent, has an organisation and the host gave its path: what a host
   * collects to lint the parent with its members (`family.members`).
   */
  member: FamilyMember | null;
  /**
   * Set when the document was not checked at all (a guard such as the size limit stopped the lint):
   * the finding that says why. Nothing of an unchecked report may be published.
   */
  unchecked?: Finding;
}

/**
 * Where the linted document sits: its path (any form the host uses consistently: a file path or a
 * URI path) and its family, as the host loaded it. Without them the family rules report a `parent`
 * as not checked. Release files (`.releases/<report>/<n>.json`) come through the same
 * `family.lookup`, at the path `releaseFilePath(path, n)` gives: the `approval-current` rule names
 * what changed since the approved release when the host loaded that file.
 */
export interface LintContext extends FamilyLintContext {
  /** How messages of other files' findings name this file (default: `path`). */
  label?: string;
}

/** A configured engine: compile once, lint many documents. */
export interface Linter {
  /**
   * Lints a report: its text, or the report parsed from it already (the editor parses each version
   * once, for the lint and for completion, hover and the other features alike).
   */
  lint(input: string | ParsedReport, context?: LintContext): LintResult;
  readonly schema: CompiledSchema;
  readonly locale: Locale;
  /** The largest document checked, in characters: a larger one is not parsed (see {@link LintOptions.maxSize}). */
  readonly maxSize: number;
}

/**
 * Creates a linter. The schema is compiled once (and cached across linters), so creating one per
 * configuration change is cheap; lint as many documents with it as you like.
 */
export function createLinter(options: LintOptions = {}): Linter {
  const locale = options.locale ?? 'en';
  const schema = options.schema === undefined ? bundledCompiledSchema() : compileCustomSchema(options.schema);
  const configuredZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : systemTimeZone();
  const levels = options.rules ?? {};
  const active = RULES.filter((rule) => levels[rule.id] !== 'off');
  const enabledRules = new Set(active.map((rule) => rule.id));
  // Each rule option as configured, else its declared default (the rule reads '' or 0 as its built-in value).
  const settings = Object.fromEntries(RULE_OPTIONS.map((option) => [option.name, options[option.name as keyof RuleOptionValues] ?? option.schema.default])) as unknown as RuleSettings;
  const now = options.now ?? Date.now;
  const maxSize = options.maxSize && options.maxSize > 0 ? options.maxSize : DEFAULT_MAX_SIZE;

  return {
    schema,
    locale,
    maxSize,
    lint(input: string | ParsedReport, context: LintContext = {}): LintResult {
      const text = typeof input === 'string' ? withoutBom(input).text : input.text;
      const precheck = { maxSize, t: (message: Localized, values?: Record<string, string | number>) => t(locale, message, values) };
      for (const rule of active) {
        const early = rule.precheck?.(text, precheck);
        if (early) {
          const report = unparsedReport(text);
          const findings = early.map((finding) => resolve(report, finding, severityOf(rule, finding, levels)));
          return { report, member: null, findings, unchecked: findings[0]! };
        }
      }
      const report = typeof input === 'string' ? parseReport(input) : input;
      const data = isRecord(report.data) ? report.data : null;
      const reportZone = data && typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
      const ctx = new LintRuleContext(report, data, locale, now(), reportZone ?? configuredZone, schema, settings, enabledRules, context);
      const raw: Array<{ rule: Rule; finding: RawFinding }> = [];
      for (const rule of active) {
        for (const finding of rule.check(ctx)) raw.push({ rule, finding });
      }
      // Directives apply whether or not their own rule is on: switching it off silences the
      // complaints about directives, not the directives.
      let findings = applyDirectives(ctx.directives, raw.map(({ rule, finding }) => resolve(report, finding, severityOf(rule, finding, levels))));
      for (const rule of active) {
        if (!rule.review) continue;
        const reviewed = rule.review(ctx, findings);
        if (reviewed.length > 0) findings = findings.concat(reviewed.map((finding) => resolve(report, finding, severityOf(rule, finding, levels))));
      }
      findings.sort(byPosition);
      return { findings, report, member: context.path === undefined ? null : memberOf(context.path, report, context.label) };
    },
  };
}

/**
 * What the rules of one lint read. A class, not an object literal with a getter (`directives`):
 * V8 makes such a literal in the old generation, where it keeps the report and everything the
 * rules built from it alive through minor GCs (see yaml/document.ts).
 */
class LintRuleContext implements RuleContext {
  readonly ruleIds = RULE_IDS;
  readonly family: FamilyState | null;
  readonly members: readonly FamilyMember[];
  private directiveList: Directive[] | undefined;

  constructor(
    readonly report: ParsedReport,
    readonly data: Record<string, unknown> | null,
    readonly locale: Locale,
    readonly now: number,
    readonly timeZone: string,
    readonly schema: CompiledSchema,
    readonly settings: RuleSettings,
    readonly enabledRules: ReadonlySet<string>,
    private readonly context: LintContext,
  ) {
    this.family = familyState(data, context);
    this.members = familyMembers(context);
  }

  // Bound functions, not methods: rules may hand them on.
  readonly at = (pointer: string, prefer: 'value' | 'key' = 'value'): { offset: number; endOffset: number } => {
    const report = this.report;
    if (report.frontmatter.kind === 'yaml') {
      const range = report.yaml!.rangeOf(pointer, prefer);
      if (range) {
        const base = report.frontmatter.contentOffset;
        return { offset: base + range.offset, endOffset: base + range.endOffset };
      }
    }
    return openingFence(report);
  };

  readonly t = (message: Localized, values?: Record<string, string | number>): string => t(this.locale, message, values);

  readonly releaseFile = (version: number): ReleaseFile => releaseFileOf(this.context, version);

  get directives(): readonly Directive[] {
    return (this.directiveList ??= readDirectives(this.report));
  }
}

/** A release file of the linted report as the host loaded it (through its family lookup). */
function releaseFileOf(context: LintContext, version: number): ReleaseFile {
  if (context.path === undefined || !context.family) return { kind: 'unchecked' };
  const path = releaseFilePath(context.path, version);
  const entry = context.family.lookup(path);
  if (!entry) return { kind: 'unchecked', path };
  if (entry.text === null) return { kind: 'missing', path, label: entry.label, error: entry.error ?? 'not readable', ...(entry.reason ? { reason: entry.reason } : {}) };
  return { kind: 'read', path, label: entry.label, text: entry.text };
}

function openingFence(report: ParsedReport): { offset: number; endOffset: number } {
  const fm = report.frontmatter;
  if (fm.kind === 'yaml' || fm.kind === 'unclosed') return { offset: fm.open.offset, endOffset: fm.open.endOffset };
  return { offset: 0, endOffset: 0 };
}

function severityOf(rule: Rule, finding: RawFinding, levels: Record<string, RuleLevel>): Severity {
  const configured = levels[rule.id];
  // A configured level replaces the rule's default; a finding's own lower severity (a warning from
  // an error rule) stays relative to it only when nothing is configured.
  if (configured && configured !== 'off') return configured;
  return finding.severity ?? rule.defaultSeverity;
}

function resolve(report: ParsedReport, raw: RawFinding, severity: Severity): Finding {
  const start = report.lines.linePos(raw.offset);
  const end = report.lines.linePos(Math.max(raw.offset, raw.endOffset));
  const finding: Finding = {
    ruleId: raw.ruleId,
    severity,
    message: raw.message,
    offset: raw.offset,
    endOffset: Math.max(raw.offset, raw.endOffset),
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
    path: raw.path,
  };
  if (raw.fix) finding.fix = raw.fix;
  if (raw.related?.length) finding.related = raw.related;
  return finding;
}

function byPosition(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
