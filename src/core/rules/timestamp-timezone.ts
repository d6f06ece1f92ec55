import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { dateTimeFields } from '../fields';
import { fieldName } from '../i18n';
import { parseDateTime, withZoneOffset } from '../time';

/** The `timestamp-timezone` rule; its `docs` are rendered to docs/rules/timestamp-timezone.md by `npm run generate`. */
export const timestampTimezoneRule: Rule = {
  id: 'timestamp-timezone',
  defaultSeverity: 'error',
  description: {
    en: 'Every timestamp includes its UTC offset.',
    de: 'Jeder Zeitstempel enthält seinen UTC-Versatz.',
  },
  docs: {
    checks: [
      'Every timestamp carries its UTC offset (`2023-10-30T01:01:00+01:00`). A wall-clock time without one is ambiguous for readers in other zones and around DST changes. The finding suggests the value completed with the offset of the report\'s `timezone`, else of the configured zone, at that moment (so DST is right).',
    ],
  },
  check(ctx) {
    if (!ctx.data) return [];
    const findings: RawFinding[] = [];
    for (const { pointer, value } of dateTimeFields(ctx.data, true)) {
      const parsed = parseDateTime(value);
      if (!parsed || parsed.offset) continue;
      const suggestion = withZoneOffset(parsed, ctx.timeZone);
      const range = ctx.at(pointer);
      findings.push({
        ruleId: this.id,
        message: ctx.t(
          {
            en: '{field}: `{value}` has no time zone offset; write `{suggestion}` ({zone}).',
            de: '{field}: `{value}` fehlt der Zeitzonen-Versatz; `{suggestion}` schreiben ({zone}).',
          },
          { field: fieldName(pointer), value: String(value), suggestion, zone: ctx.timeZone },
        ),
        ...range,
        path: pointer,
        fix: { kind: 'replace-value', ...range, values: [suggestion], preferred: suggestion },
      });
    }
    return findings;
  },
};
