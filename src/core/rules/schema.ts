import type { Rule } from './rule';
import { runSchema } from '../schema/validator';
import { schemaFindings, SCHEMA_RULE_ID } from '../schema/findings';

/**
 * **schema** — the frontmatter matches the report schema (the bundled
 * `schemas/incident-report.schema.json`, or an organisation's own): required fields, allowed
 * values, formats, no unknown keys except `x-*`. Each problem is reported once, at the value to fix,
 * the unknown key, or — for a missing field — the key of the mapping that should hold it.
 */
export const schemaRule: Rule = {
  id: SCHEMA_RULE_ID,
  defaultSeverity: 'error',
  description: {
    en: 'The frontmatter matches the incident report schema.',
    de: 'Die Frontmatter entspricht dem Schema für Vorfallberichte.',
  },
  check(ctx) {
    if (!ctx.data) return [];
    const errors = runSchema(ctx.schema, ctx.data);
    return schemaFindings(errors, {
      locale: ctx.locale,
      info: ctx.schema.info,
      rangeOf: (pointer, prefer) => ctx.at(pointer, prefer),
      enabledRules: ctx.enabledRules,
    });
  },
};
