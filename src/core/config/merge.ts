import type { LintOptions } from '../linter/lint';
import { ruleOptionValues } from './options';
import { RESTRICTED_CONFIG_KEYS, type ProjectConfig } from './types';

/**
 * Layers configurations: a later layer's value replaces an earlier one's, except `rules`, which are
 * merged rule by rule. The hosts call it as `mergeConfigs(file, explicit settings or flags)`, so
 * what the user states directly wins over the project file.
 */
export function mergeConfigs(...layers: ReadonlyArray<ProjectConfig | undefined>): ProjectConfig {
  const merged: ProjectConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as Array<[keyof ProjectConfig, unknown]>) {
      if (value === undefined) continue;
      if (key === 'rules') merged.rules = { ...merged.rules, ...(value as ProjectConfig['rules']) };
      else (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/**
 * What may be used from a configuration in a workspace of the given trust: an untrusted one loses
 * `schema` and the rules' options marked `restricted` (`ticketPattern`: compiled to code / run as a
 * regular expression), exactly as VS Code drops the restricted settings of such a workspace.
 */
export function withTrust(config: ProjectConfig, trusted: boolean): ProjectConfig {
  if (trusted) return config;
  const restricted: ProjectConfig = { ...config };
  for (const key of RESTRICTED_CONFIG_KEYS) delete restricted[key];
  return restricted;
}

/**
 * The linter options a configuration gives (everything but the schema, which the host reads from
 * the file `config.schema` names, and `files`/`servicesCatalog`, which are not linting options).
 */
export function lintOptionsFrom(config: ProjectConfig): LintOptions {
  const options: LintOptions = {};
  if (config.locale) options.locale = config.locale;
  if (config.rules) options.rules = config.rules;
  if (config.timeZone) options.timeZone = config.timeZone;
  return { ...options, ...ruleOptionValues(config) };
}
