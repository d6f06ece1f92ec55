import type { Locale, RuleLevel } from '../shared/types';
import type { RuleOptionValues } from '../rules';

/**
 * How a linter is set up; every field is optional. The rules' own options (`internalDomains`,
 * `ticketPattern`, `maxSize`, …) come from `RuleOptionValues`, which `npm run generate` writes from
 * each rule's `OptionSpec`s: an option is declared once, in its rule. A `maxSize` of 0 or less means
 * the default; a document over it is not parsed (one `size-limit` error, and `LintResult.unchecked`).
 */
export interface LintOptions extends RuleOptionValues {
  /** Language of messages (default English). */
  locale?: Locale;
  /** An organisation's own schema (parsed JSON) replacing the bundled one. Invalid → `SchemaLoadError`. */
  schema?: unknown;
  /** Severity per rule id; `off` disables a rule. */
  rules?: Record<string, RuleLevel>;
  /** IANA zone used to complete timestamps without offset when the report has no `timezone`. */
  timeZone?: string;
  /** Clock for "in the future" checks (epoch ms); injectable for tests. */
  now?: () => number;
}
