/**
 * The incident-report engine: parse → validate → findings → render. Pure TypeScript with no
 * `vscode` and no Node-only APIs, so the extension (desktop and web), the CLI and tests share it.
 */
export type { Finding, FixData, Locale, Localized, RawFinding, RuleLevel, Severity } from './types';
export { createLinter, DEFAULT_INTERNAL_DOMAINS, DEFAULT_TICKET_PATTERN, type LintOptions, type LintResult, type Linter } from './lint';
export { parseReport, type ParsedReport, type Frontmatter } from './parse';
export { findPublicSection, isPublicHeading, PUBLIC_SECTION_TITLES, type PublicSection } from './publicSection';
export { formatPointer, parsePointer, locate, rangeForPointer } from './pointer';
export { fieldName, toLocale } from './i18n';
export { RULES, RULE_IDS, type Rule } from './rules';
export { BUNDLED_SCHEMA, bundledCompiledSchema, compileCustomSchema, SchemaLoadError, type CompiledSchema } from './schema/validator';
export { SchemaInfo, type FieldInfo, type JsonSchema } from './schema/meta';
export { isIncidentReport, DEFAULT_REPORT_GLOBS, REPORT_MARKER } from './isReport';
export { formatInZone, isValidTimeZone, systemTimeZone, parseDateTime } from './time';
export { renderPressRelease, escapeHtml, isSafeLink, PAGE_CSP, PAGE_CSS, type PressRelease, type RenderOptions } from './render';
export {
  buildModel,
  selectPublication,
  OUTPUTS,
  PUBLIC_OUTPUTS,
  PRESS_RELEASE_OUTPUT_ID,
  findOutput,
  type PressReleaseModel,
  type Publication,
  type PublishedText,
  type OutputDefinition,
  type OutputOptions,
  type PublicOutput,
  type ConfidentialOutput,
} from './render';
export { applyEdits, diffEdit, fixAllText, fixEdits, safeEdits, type FixAction, type FixOptions, type TextEdit } from './fixes';
export {
  completionContext,
  hoverTarget,
  serviceNamesFromCatalog,
  serviceNamesOfReport,
  type CompletionContext,
  type HoverTarget,
  type KeyCompletionContext,
  type ValueCompletionContext,
} from './completion';
export { DATA_LOSS_TEMPLATES, dataLossFields, type DataLossTemplate, type DataLossVariant } from './templates/dataLoss';
