import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { dateTimeFields } from '../report/fields';
import { fieldName } from '../shared/i18n';
import { formatInZone, formatOffset, isValidTimeZone, offsetMinutes, parseDateTime, withZoneOffset, zoneOffsetMinutes, type ParsedDateTime } from '../shared/time';

/** The `timestamp-timezone` rule; its `docs` are rendered to docs/rules/timestamp-timezone.md by `npm run generate`. */
export const timestampTimezoneRule: Rule = {
  id: 'timestamp-timezone',
  defaultSeverity: 'error',
  description: {
    en: 'Every timestamp includes its UTC offset, and that offset fits the report’s time zone.',
    de: 'Jeder Zeitstempel enthält seinen UTC-Versatz, und der Versatz passt zur Zeitzone des Berichts.',
  },
  docs: {
    checks: [
      'Every timestamp carries its UTC offset (`2023-10-30T01:01:00+01:00`). A wall-clock time without one is ambiguous for readers in other zones and around DST changes. The finding suggests the value completed with the offset of the report\'s `timezone`, else of the configured zone, at that moment (so DST is right).',
      'With a `timezone`, an offset that zone did not have at that instant is a warning: `2026-07-10T10:00:00+01:00` in `Europe/Berlin` is 11:00 local time in summer, so every output would print a time the author never typed. Two quick fixes: keep the instant (`2026-07-10T11:00:00+02:00`) or keep the wall time (`2026-07-10T10:00:00+02:00`; not offered when that wall time falls into the DST gap). `Z` and `+00:00` stay valid as explicit UTC.',
    ],
  },
  check(ctx) {
    if (!ctx.data) return [];
    const findings: RawFinding[] = [];
    // Only the report's own zone says which offsets are right: a configured zone is the author's, not the report's.
    const zone = typeof ctx.data.timezone === 'string' && isValidTimeZone(ctx.data.timezone) ? ctx.data.timezone : null;
    for (const { pointer, value } of dateTimeFields(ctx.data, true)) {
      const parsed = parseDateTime(value);
      if (!parsed) continue;
      if (parsed.offset) {
        const mismatch = zone ? offsetMismatch(parsed, zone) : null;
        if (mismatch) {
          const range = ctx.at(pointer);
          findings.push({
            ruleId: this.id,
            severity: 'warning',
            message: ctx.t(
              {
                en: '{field}: `{value}` has the offset {written}, but {zone} had {actual} at that moment, so it is {local} local time; write `{keepInstant}` for that instant{orWall}.',
                de: '{field}: `{value}` hat den Versatz {written}, {zone} hatte zu diesem Zeitpunkt aber {actual}, also ist es {local} Ortszeit; `{keepInstant}` für diesen Zeitpunkt schreiben{orWall}.',
              },
              {
                field: fieldName(pointer),
                value: String(value),
                written: parsed.offset,
                zone: String(zone),
                actual: formatOffset(mismatch.actualMinutes),
                local: mismatch.keepInstant.slice(11, 16),
                keepInstant: mismatch.keepInstant,
                orWall: mismatch.keepWallTime ? ctx.t({ en: ', or `{wall}` for the time as written', de: ' oder `{wall}` für die geschriebene Uhrzeit' }, { wall: mismatch.keepWallTime }) : '',
              },
            ),
            ...range,
            path: pointer,
            fix: { kind: 'zone-offset', ...range, keepInstant: mismatch.keepInstant, keepWallTime: mismatch.keepWallTime },
          });
        }
        continue;
      }
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

/**
 * When a timestamp's written offset is not the one `zone` had at that instant: the instant in the
 * zone's offset, and the written wall time with the zone's offset (`null` when that wall time does
 * not exist there, in the DST gap). `Z` and `+00:00` are explicit UTC and always fit.
 */
export function offsetMismatch(parsed: ParsedDateTime, zone: string): { actualMinutes: number; keepInstant: string; keepWallTime: string | null } | null {
  if (!parsed.offset || parsed.offset === 'Z' || parsed.offset === '+00:00' || parsed.offset === '-00:00') return null;
  const written = offsetMinutes(parsed.offset);
  const actualMinutes = zoneOffsetMinutes(zone, parsed.epochMs);
  if (written === actualMinutes) return null;
  const wall = withZoneOffset(parsed, zone);
  const wallParsed = parseDateTime(wall);
  // In the spring-forward gap the written wall time does not exist: the two-pass offset lands on a
  // value whose own offset is again wrong.
  const exists = wallParsed?.offset != null && zoneOffsetMinutes(zone, wallParsed.epochMs) === offsetMinutes(wallParsed.offset);
  return { actualMinutes, keepInstant: formatInZone(parsed.epochMs, zone), keepWallTime: exists ? wall : null };
}
