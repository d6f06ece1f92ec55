/**
 * The incident-report engine: parse → validate → findings → render. Pure TypeScript with no
 * `vscode` and no Node-only APIs, so the extension (desktop and web), the CLI and tests share it.
 */
export type { Finding, FixData, Locale, Localized, RawFinding, RelatedLocation, RuleLevel, Severity, Suppression, TextLocation } from './shared/types';
export { createLinter, DEFAULT_INTERNAL_DOMAINS, DEFAULT_MAX_SIZE, DEFAULT_TICKET_PATTERN, type LintContext, type LintOptions, type LintResult, type Linter } from './linter/lint';
export {
  familyEntry,
  familyOf,
  existingMembers,
  loadParentChain,
  memberOf,
  normalizePath,
  parentPathOf,
  parentReference,
  resolveParentPath,
  type FamilyEntry,
  type FamilyMember,
  type FamilyOptions,
} from './family';
export { FamilyTracker, type FamilyHost } from './editor/familyTracker';
export { parseReport, type ParsedReport, type Frontmatter } from './report/parse';
export { findPublicSection, isPublicHeading, PUBLIC_SECTION_TITLES, type PublicSection } from './report/publicSection';
export { formatPointer, parsePointer } from './yaml/pointer';
export { fieldName, t, toLocale } from './shared/i18n';
export { withoutBom } from './shared/bom';
export { jsonSyntaxDetail, notValidJson } from './shared/jsonSyntax';
export { IO_REASONS, UNREADABLE } from './shared/ioReasons';
export { decodeUtf8, NotUtf8Error, NOT_UTF8, NOT_UTF8_DE, type NotUtf8Kind } from './shared/utf8';
export { RULES, RULE_IDS, RULE_OPTIONS, type OptionFlag, type OptionProblem, type OptionSpec, type Rule, type RuleDocs, type RuleOptionValues } from './rules';
export { BUNDLED_SCHEMA, bundledCompiledSchema, compileCustomSchema, SchemaLoadError, type CompiledSchema } from './schema/validator';
export { SchemaInfo, type FieldInfo, type JsonSchema } from './schema/meta';
export { hasReportMarker, isIgnoredFolder, isIgnoredPath, isIncidentReport, isReportPath, DEFAULT_REPORT_GLOBS, REPORT_MARKER } from './report/isReport';
export { formatInZone, formatOffset, isValidTimeZone, systemTimeZone, parseDateTime, zoneOffsetMinutes } from './shared/time';
export { renderPressRelease, escapeHtml, isSafeLink, pageHead, PAGE_CSP, PAGE_CSS, type PageHead, type PressRelease, type RenderOptions } from './render';
export {
  buildModel,
  selectPublication,
  OUTPUTS,
  PUBLIC_OUTPUTS,
  PRESS_RELEASE_OUTPUT_ID,
  findOutput,
  OutputIds,
  DEFAULT_MAX_CHARS,
  renderArticle,
  renderStatusPageFragment,
  renderAtom,
  feedUrl,
  FEED_FILE,
  socialPosts,
  type SocialPost,
  type PressReleaseModel,
  type Publication,
  type PublishedText,
  type OutputDefinition,
  type OutputOptions,
  type PublicOutput,
  type ConfidentialOutput,
} from './render';
export { exportableOutputs, exportFileName, formatExtension, reportBaseName, siblingPath } from './render/exportFiles';
export { applyEdits, diffEdit, fixAllText, fixEdits, safeEdits, type FixAction, type FixOptions, type TextEdit } from './linter/fixes';
export { enterIndentation, locateFrontmatter, yamlScalar, type FrontmatterYaml } from './yaml';
export { completionContext, indentUnit, reportTimeZone, type CompletionContext, type KeyCompletionContext, type ValueCompletionContext } from './editor/completionContext';
export { hoverTarget, type HoverTarget } from './editor/hoverTarget';
export { serviceNamesFromCatalog, serviceNamesOfReport } from './editor/serviceNames';
export { FIELD_DOC_TEXT, fieldDocumentation, valueDocumentation, escapeMarkdown, isDateTimeField, requiredIn } from './editor/fieldDocs';
export { newReportTemplate, placeSuggestion, reportId, toMinute } from './templates/report';
export { appendUpdate } from './templates/update';
export { memberId, memberList, membersFolderName, newMemberTemplate, organizationKey, organizationList, readMemberList, type MemberEntry, type MemberListReading } from './templates/member';
export { isRecord } from './report/fields';
export { GERMAN_TIME_ZONE, timeZoneChoices, type TimeZoneChoice, type TimeZoneChoiceOptions } from './templates/timeZones';
export { checkTimeZone, closestTimeZone, knownTimeZones, LANGUAGE_TIME_ZONES, timeZoneOffers, timeZoneProblem, type TimeZoneCheck, type TimeZoneOffer } from './shared/timeZoneNames';
export { DATA_LOSS_TEMPLATES, dataLossFields, type DataLossTemplate, type DataLossVariant } from './templates/dataLoss';
export {
  CONFIG_FILE_NAME,
  ConfigError,
  checkOption,
  describeProblem,
  isUnsetSetting,
  optionFromFlag,
  projectFileSchema,
  ruleOption,
  ruleOptionValues,
  RULE_OPTION_NAMES,
  RESTRICTED_CONFIG_KEYS,
  lintOptionsFrom,
  mergeConfigs,
  parseProjectConfig,
  withTrust,
  lintOptionsOfSettings,
  resolveEditorSettings,
  settingValueProblem,
  SettingKeys,
  SETTINGS_SECTION,
  VALIDATE_DEBOUNCE_MS,
  type ConfigProblem,
  type ProjectConfig,
  type ResolvedSettings,
  type SettingKey,
  type SettingProblem,
} from './config';
export * from './editor';
export {
  clockLevel,
  clockTexts,
  deadlineHover,
  deadlinesOf,
  describeDeadline,
  formatInstant,
  formatTimeLeft,
  nextDeadline,
  reportDeadlines,
  DEADLINE_LABELS,
  type Deadline,
  type DeadlineKind,
} from './compliance/deadlines';
export { CONFIDENTIAL_OUTPUTS } from './render/outputs';
export { renderDraftArticle, type DraftDocument } from './render/drafts/document';
export { approvalBlockers, blocksPublication, concernsPublicationOnly, publishVerdict, FINDINGS_GATE, PUBLISH_GATES, type Blocker, type PublishGate, type Verdict, type VerdictInput } from './linter/verdict';
export { applyDirectives, readDirectives, suppressedBy, DIRECTIVE_KEYWORD, UNSUPPRESSIBLE_RULES, type Directive, type DirectivePart } from './report/directives';
export { draftBanner, draftPrefix } from './render/draft';
export { directiveAt, directiveHover, directiveReason, suppressionEdit, suppressTitle } from './editor/suppress';
export { COLUMNS, type DraftForm, type FormItem, type FormSection } from './render/drafts/form';
export { ART33_FORM, ART33_NOTICE_FORM, ART34_FORM, noticeAddressees } from './render/drafts/gdpr';
export { NIS2_FORMS } from './render/drafts/nis2';
export * from './release';
