/**
 * The project configuration `.incident-report.json`: parsing with precise errors, layering and the
 * trust rule. Pure: the hosts read the file (CLI: node:fs, nearest file upward; extension:
 * `vscode.workspace.fs`) and resolve its relative paths against the file's folder.
  *
 * May import: shared, report, release, rules, linter.
 */
export { CONFIG_FILE_NAME, CONFIG_KEYS, RESTRICTED_CONFIG_KEYS, type ConfigProblem, type ProjectConfig } from './types';
export { ConfigError, parseProjectConfig } from './parse';
export { checkOption, describeProblem, isUnsetSetting, optionFromFlag, projectFileSchema, ruleOption, ruleOptionValues, RULE_OPTION_NAMES } from './options';
export { lintOptionsFrom, mergeConfigs, withTrust } from './merge';
export {
  lintOptionsOfSettings,
  resolveEditorSettings,
  settingValueProblem,
  SettingKeys,
  SETTINGS_SECTION,
  VALIDATE_DEBOUNCE_MS,
  type ResolvedSettings,
  type SettingKey,
  type SettingProblem,
} from './editorSettings';
