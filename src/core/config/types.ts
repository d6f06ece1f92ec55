import type { Locale, Localized, RuleLevel } from '../shared/types';
import { RULE_OPTIONS, type RuleOptionValues } from '../rules';

/** The name of the project configuration file, looked for at the workspace or repository root. */
export const CONFIG_FILE_NAME = '.incident-report.json';

/**
 * The project configuration (`.incident-report.json`), shared by the CLI and the extension, as read
 * from the file: every field optional. Paths (`schema`, `servicesCatalog`) are as written; the hosts
 * resolve them against the file's folder. `files` and `ignores` globs match paths relative to that folder.
 */
export interface ProjectConfig extends RuleOptionValues {
  rules?: Record<string, RuleLevel>;
  schema?: string;
  servicesCatalog?: string;
  files?: string[];
  /** Globs of files that are not linted when found below a folder or by a glob (a file named itself still is). */
  ignores?: string[];
  locale?: Locale;
  timeZone?: string;
}

/** One key of {@link ProjectConfig}. */
export type ConfigKey = keyof ProjectConfig & string;

/** The keys of {@link ProjectConfig}: what the file may hold (besides `$schema`): its own, then every rule's options. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  'rules',
  'schema',
  'servicesCatalog',
  'files',
  'ignores',
  'locale',
  'timeZone',
  ...(RULE_OPTIONS.map((option) => option.name) as Array<keyof RuleOptionValues>),
];

/**
 * Settings that run code chosen by the workspace (a schema compiled by Ajv, a rule's option marked
 * `restricted` such as a regular expression): dropped when it is not trusted.
 */
export const RESTRICTED_CONFIG_KEYS: readonly ConfigKey[] = ['schema', ...(RULE_OPTIONS.filter((option) => option.restricted).map((option) => option.name) as Array<keyof RuleOptionValues>)];

/** One thing wrong in a configuration file, with its place (1-based line and UTF-16 column). */
export interface ConfigProblem {
  message: Localized;
  offset: number;
  length: number;
  line: number;
  column: number;
  /**
   * Where an editor's mark of it ends on `line` (exclusive, UTF-16): its end, but never past the
   * line's end (a value or a syntax error at the end of a line goes on); one character at least
   * where the line has one.
   */
  endColumn: number;
}
