/**
 * The RFC 3339 timestamp an author evidently meant by a near miss, so the schema finding can say
 * what to write and offer it as a fix. German authors write dates as they speak them
 * (`30.10.2023, 01:01 Uhr`), leave out the seconds, or name the zone instead of its offset (`MEZ`).
 */
import { parseDateTime, withZoneOffset } from './time';

/** Zone abbreviations written after a time, with the offset each stands for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = { MEZ: '+01:00', CET: '+01:00', MESZ: '+02:00', CEST: '+02:00', UTC: 'Z', GMT: 'Z', Z: 'Z' };

const ZONE = String.raw`(Z|[+-]\d{1,2}(?::?\d{2})?|MEZ|MESZ|CET|CEST|UTC|GMT)`;
/** `30.10.2023 01:01`, `30.10.2023, 1:01 Uhr`, `30.10.2023 um 01.01 Uhr MEZ`. */
const GERMAN = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(?:um\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*Uhr)?(?:\s*\(?${ZONE}\)?)?$`, 'i');
/** `2023-10-30T01:01+01:00`, `2023-10-30 01:01:00 MEZ`, `2023-10-30T01:01:00+1:00`. */
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*${ZONE}?$`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The timestamp `value` evidently means, in RFC 3339 (`2023-10-30T01:01:00+01:00`); without an
 * offset in `value`, the one `zone` had then. `null` when `value` is no such near miss, or names a
 * day or time that does not exist.
 */
export function meantDateTime(value: string, zone: string): string | null {
  const text = value.trim();
  const german = GERMAN.exec(text);
  const iso = german ? null : ISO.exec(text);
  if (!german && !iso) return null;
  const [year, month, day] = german ? [german[3], german[2], german[1]].map(Number) : [iso![1], iso![2], iso![3]].map(Number);
  const m = (german ?? iso)!;
  const [hour, minute, second] = [m[4], m[5], m[6] ?? '0'].map(Number);
  const local = `${year}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${pad(minute!)}:${pad(second!)}`;
  const parsed = parseDateTime(local);
  if (!parsed || second! > 59) return null; // no such day or time (30 February, 25:00)
  const written = m[7];
  if (written === undefined) return withZoneOffset(parsed, zone);
  const offset = offsetOf(written);
  return offset === null ? null : local + offset;
}

/** `+1` → `+01:00`, `+0100` → `+01:00`, `MEZ` → `+01:00`, `UTC` → `Z`; `null` for an offset no zone has. */
function offsetOf(written: string): string | null {
  const named = ABBREVIATIONS[written.toUpperCase()];
  if (named) return named;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(written);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${pad(hours)}:${pad(minutes)}`;
}
