import type { Locale, Localized, RuleLevel } from '../shared/types';
import type { RequireApproval } from '../release/approvals';

/** The name of the project configuration file, looked for at the workspace or repository root. */
export const CONFIG_FILE_NAME = '.incident-report.json';

/**
 * The project configuration (`.incident-report.json`), shared by the CLI and the extension, as read
 * from the file: every field optional. Paths (`schema`, `servicesCatalog`) are as written; the hosts
 * resolve them against the file's folder. `files` globs match paths relative to that folder.
 */
export interface ProjectConfig {
  rules?: Record<string, RuleLevel>;
  internalDomains?: string[];
  ticketPattern?: string;
  schema?: string;
  servicesCatalog?: string;
  files?: string[];
  maxSize?: number;
  locale?: Locale;
  timeZone?: string;
  /** The release gate: `true`, or the roles that must each approve (see release/approvals.ts). */
  requireApproval?: RequireApproval;
}

/** The keys of {@link ProjectConfig}: what the file may hold (besides `$schema`). */
export const CONFIG_KEYS = [
  'rules',
  'internalDomains',
  'ticketPattern',
  'schema',
  'servicesCatalog',
  'files',
  'maxSize',
  'locale',
  'timeZone',
  'requireApproval',
] as const satisfies ReadonlyArray<keyof ProjectConfig>;

/** Settings that run code chosen by the workspace (a schema compiled by Ajv, a regular expression): dropped when it is not trusted. */
export const RESTRICTED_CONFIG_KEYS = ['schema', 'ticketPattern'] as const satisfies ReadonlyArray<keyof ProjectConfig>;

/** One thing wrong in a configuration file, with its place (1-based line and UTF-16 column). */
export interface ConfigProblem {
  message: Localized;
  offset: number;
  length: number;
  line: number;
  column: number;
}
