/**
 * Editor settings (`incidentReport.*`), read the same way by every editor host: the VS Code
 * extension and the language server hand over the values the user set explicitly, and this module
 * decides what they mean on top of the folder's `.incident-report.json`.
 */
import { DEFAULT_REPORT_GLOBS } from '../report/isReport';
import type { LintOptions } from '../linter/lint';
import { systemTimeZone } from '../shared/time';
import { checkTimeZone } from '../shared/timeZoneNames';
import type { Locale, Localized, RuleLevel } from '../shared/types';
import type { RuleOptionValues } from '../rules';
import { checkOption, isUnsetSetting, RULE_OPTION_NAMES, ruleOption, ruleOptionValues } from './options';
import { mergeConfigs, withTrust } from './merge';
import { ConfigError, parseProjectConfig } from './parse';
import { CONFIG_KEYS, type ProjectConfig } from './types';

/** The section of every setting: `incidentReport.files`, … */
export const SETTINGS_SECTION = 'incidentReport';

/** Setting keys below {@link SETTINGS_SECTION}: the editor's own, then every rule's options. */
export const SettingKeys = {
  files: 'files',
  ignores: 'ignores',
  schema: 'schema',
  locale: 'locale',
  timeZone: 'timeZone',
  rules: 'rules',
  servicesCatalog: 'servicesCatalog',
  validateOnType: 'validate.onType',
  ...(Object.fromEntries(RULE_OPTION_NAMES.map((name) => [name, name])) as { readonly [Name in keyof RuleOptionValues]-?: Name }),
} as const;

/** One setting key, as VS Code names it below `incidentReport` (`validate.onType`). */
export type SettingKey = (typeof SettingKeys)[keyof typeof SettingKeys];

/** Delay between an edit and linting the text again, in every editor. */
export const VALIDATE_DEBOUNCE_MS = 200;

/** The settings that shape linting of one workspace folder (with the rules' options, `undefined` = the default). */
export interface ResolvedSettings extends RuleOptionValues {
  files: string[];
  /** Paths that are no reports even with the marker (relative to the folder `files` is matched in). */
  ignores: string[];
  schemaPath: string;
  locale: Locale;
  timeZone: string | undefined;
  rules: Record<string, RuleLevel>;
  servicesCatalog: string;
  validateOnType: boolean;
  /** Settings whose values are not used (the author is told). */
  problems: SettingProblem[];
}

/** A setting whose value cannot be used, with what is used instead. */
export interface SettingProblem {
  /** The setting's key below `incidentReport` (`timeZone`). */
  key: string;
  /** The value as set. */
  value: string;
  /** The closest valid value, if there is one. */
  suggestion: string | undefined;
  /** The value is right but for its case: the suggestion is used. */
  wrongCase: boolean;
  /** What is used until it is changed. */
  fallback: string;
}

/**
 * The settings of a folder: its `.incident-report.json` (without `schema` and the restricted rule
 * options such as `ticketPattern` when the folder is not trusted), with every setting the user set
 * explicitly on top (`explicit` returns `undefined` for a setting left at its default); `rules` merge
 * rule by rule. An empty string, a rule option's scalar default (`0` for `maxSize`) and `auto` for
 * `locale` mean "not set". A time zone the runtime does not know is not
 * used (one in the wrong case is, spelt right) and is named in `problems`.
 */
export function resolveEditorSettings(file: ProjectConfig, trusted: boolean, explicit: (key: SettingKey) => unknown, displayLocale: Locale): ResolvedSettings {
  const text = (key: SettingKey): string | undefined => {
    const value = explicit(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const locale = explicit(SettingKeys.locale);
  const fromSettings: ProjectConfig = {
    files: explicit(SettingKeys.files) as string[] | undefined,
    ignores: explicit(SettingKeys.ignores) as string[] | undefined,
    schema: text(SettingKeys.schema),
    locale: locale === 'de' || locale === 'en' ? locale : undefined,
    timeZone: undefined,
    rules: explicit(SettingKeys.rules) as Record<string, RuleLevel> | undefined,
    servicesCatalog: text(SettingKeys.servicesCatalog),
  };
  // A rule's option counts when it is set (not its scalar default) and its rule's check takes it.
  for (const name of RULE_OPTION_NAMES) {
    const option = ruleOption(name)!;
    const value = explicit(name);
    if (!isUnsetSetting(option, value) && checkOption(option, value).length === 0) (fromSettings as Record<string, unknown>)[name] = value;
  }
  const zone = text(SettingKeys.timeZone);
  const zoneCheck = zone === undefined ? null : checkTimeZone(zone);
  if (zoneCheck?.ok) fromSettings.timeZone = zone;
  else if (zoneCheck?.wrongCase) fromSettings.timeZone = zoneCheck.suggestion;
  // The host drops restricted settings of an untrusted workspace itself (VS Code does); the file's go here.
  const merged = mergeConfigs(withTrust(file, trusted), fromSettings);
  const problems: SettingProblem[] = [];
  if (zone !== undefined && zoneCheck && !zoneCheck.ok) {
    problems.push({ key: SettingKeys.timeZone, value: zone, suggestion: zoneCheck.suggestion, wrongCase: zoneCheck.wrongCase === true, fallback: merged.timeZone ?? systemTimeZone() });
  }
  const onType = explicit(SettingKeys.validateOnType);
  return {
    files: merged.files ?? [...DEFAULT_REPORT_GLOBS],
    ignores: merged.ignores ?? [],
    schemaPath: merged.schema ?? '',
    locale: merged.locale ?? displayLocale,
    timeZone: merged.timeZone,
    rules: merged.rules ?? {},
    servicesCatalog: merged.servicesCatalog ?? '',
    validateOnType: typeof onType === 'boolean' ? onType : true,
    ...ruleOptionValues(merged),
    problems,
  };
}

/**
 * Why a setting's value, as an editor sent it, cannot be used (`null` when it can). Values that
 * mean "not set" pass; the others are checked as the same key of `.incident-report.json` is, so
 * the words are the same. For hosts whose settings arrive as untyped JSON (the language server).
 */
export function settingValueProblem(key: SettingKey, value: unknown): Localized | null {
  const option = ruleOption(key);
  if (option ? isUnsetSetting(option, value) : value === undefined || value === null || value === '' || (key === SettingKeys.locale && value === 'auto')) return null;
  if (key === SettingKeys.validateOnType) {
    return typeof value === 'boolean' ? null : { en: `"${key}" must be true or false`, de: `"${key}" muss true oder false sein` };
  }
  if (!(CONFIG_KEYS as readonly string[]).includes(key)) return null;
  // A time zone in the wrong case is used, spelt right (resolveEditorSettings), and is no problem here.
  if (key === SettingKeys.timeZone && typeof value === 'string') {
    const check = checkTimeZone(value.trim());
    if (!check.ok && check.wrongCase) return null;
  }
  try {
    parseProjectConfig(JSON.stringify({ [key]: typeof value === 'string' ? value.trim() : value }), key);
    return null;
  } catch (error) {
    if (error instanceof ConfigError && error.problems[0]) return error.problems[0].message;
    throw error;
  }
}

/** The linter options of resolved editor settings (the schema is loaded by the host from `schemaPath`). */
export function lintOptionsOfSettings(settings: ResolvedSettings): LintOptions {
  return {
    locale: settings.locale,
    rules: settings.rules,
    ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
    ...ruleOptionValues(settings),
  };
}
