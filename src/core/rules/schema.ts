import type { Rule } from './rule';
import { runSchema } from '../schema/validator';
import { schemaFindings, SCHEMA_RULE_ID } from '../schema/findings';
import { separatedCounts } from './count-format';

/** The `schema` rule; its `docs` are rendered to docs/rules/schema.md by `npm run generate`. */
export const schemaRule: Rule = {
  id: SCHEMA_RULE_ID,
  defaultSeverity: 'error',
  description: {
    en: 'The frontmatter matches the incident report schema.',
    de: 'Die Frontmatter entspricht dem Schema für Vorfallberichte.',
  },
  docs: {
    checks: [
      'The frontmatter matches the report schema (the bundled `schemas/incident-report.schema.json`, or an organisation\'s own): required fields, allowed values, formats, no unknown keys except `x-*`. Each problem is reported once, at the value to fix, the unknown key, or — for a missing field — the key of the mapping that should hold it.',
      'A timestamp must be RFC 3339 with its offset written `+01:00` or `Z` (`+0100` and `+01` are refused: no rule could compare such a time). A near miss that can only mean one instant — a German date (`30.10.2023, 01:01 Uhr`), a time without seconds, an offset without its colon or with one digit, a zone abbreviation (`MEZ`, `MESZ`, `CET`, `CEST`, `UTC`) — is named with the value to write, as a safe fix; without an offset, the one the report\'s zone had then.',
    ],
  },
  check(ctx) {
    if (!ctx.data) return [];
    const errors = runSchema(ctx.schema, ctx.data);
    const findings = schemaFindings(errors, {
      locale: ctx.locale,
      info: ctx.schema.info,
      rangeOf: (pointer, prefer) => ctx.at(pointer, prefer),
      enabledRules: ctx.enabledRules,
      timeZone: ctx.timeZone,
    });
    // A count written with separators ("41,000" is text to YAML) is `count-format`'s, with its fix.
    if (errors.length === 0 || !ctx.enabledRules.has('count-format')) return findings;
    const counts = new Set(separatedCounts(ctx).map((count) => count.pointer));
    return counts.size === 0 ? findings : findings.filter((finding) => finding.path === null || !counts.has(finding.path));
  },
};
