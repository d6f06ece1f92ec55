/**
 * Date-time helpers that work the same in Node and in a browser (Intl only, no Node APIs).
 */

import { BoundedCache } from './memo';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `Date.UTC` for every year: `Date.UTC` reads the years 0–99 as 1900–1999, so `0023-10-30` became
 * 30 October 1923. Out-of-range parts roll over as in `Date.UTC` (day 0 is the previous month's last).
 */
export function utcMs(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** A timestamp as written in a report. */
export interface ParsedDateTime {
  /** Milliseconds since the epoch; for a time without offset, as if it were UTC. */
  epochMs: number;
  /** The offset as written (`+01:00`, `Z`), or `null` when the author left it out. */
  offset: string | null;
  /** Local wall-clock parts as written. */
  local: { year: number; month: number; day: number; hour: number; minute: number; second: number; fraction: string };
}

// Every rule that compares times parses the same few timestamps of a report again: remember them.
const parsedDateTimes = new BoundedCache<string, Readonly<ParsedDateTime> | null>(4096);

/**
 * Parses an RFC 3339 date-time, tolerating a missing offset or seconds (so rules can say what is
 * missing). The result is shared between callers: read it, never change it.
 */
export function parseDateTime(value: unknown): Readonly<ParsedDateTime> | null {
  if (typeof value !== 'string') return null;
  return parsedDateTimes.get(value, () => parse(value));
}

function parse(value: string): ParsedDateTime | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  const fraction = m[7] ?? '';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return null;
  }
  const offset = m[8] ? m[8].toUpperCase() : null;
  const utc = utcMs(year, month - 1, day, hour, minute, Math.min(second, 59), Number(fraction ? fraction.slice(1, 4).padEnd(3, '0') : 0));
  const epochMs = offset && offset !== 'Z' ? utc - offsetMinutes(offset) * 60_000 : utc;
  return { epochMs, offset, local: { year, month, day, hour, minute, second, fraction } };
}

/** Epoch milliseconds of a complete RFC 3339 date-time with offset, or `null`. */
export function instantOf(value: unknown): number | null {
  const parsed = parseDateTime(value);
  return parsed && parsed.offset ? parsed.epochMs : null;
}

/**
 * Epoch milliseconds of a date-time with offset, or of the last moment a date (`2023-12-09`) exists
 * anywhere on earth (its end in UTC-12), so a date is only called past when it surely is.
 */
export function latestInstantOf(value: unknown): number | null {
  if (typeof value === 'string') {
    const m = DATE.exec(value.trim());
    if (m) return utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59) + 12 * 3_600_000;
  }
  return instantOf(value);
}

/** Epoch milliseconds of a date-time; one written without offset is read as wall-clock time in `zone`. */
export function instantIn(value: unknown, zone: string): number | null {
  const parsed = parseDateTime(value);
  if (!parsed) return null;
  return parsed.offset ? parsed.epochMs : (parseDateTime(withZoneOffset(parsed, zone))?.epochMs ?? null);
}

/** Minutes east of UTC of an offset as written (`+01:00`, `-05:30`; `Z` is 0). */
export function offsetMinutes(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const knownZones = new Map<string, boolean>();

/** True when `zone` is an IANA time zone this runtime knows (cached: building a formatter is costly). */
export function isValidTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/** What one zone's offsets are worked out with, and those worked out already. */
interface ZoneOffsets {
  formatter: Intl.DateTimeFormat;
  // Formatting to parts is the costly step, and rules ask for the same instants more than once.
  // Keyed by the instant itself: a key string (zone and instant) cost more than the lookup.
  byInstant: BoundedCache<number, number>;
}

/** By zone (valid IANA names only: at most a few hundred). */
const zoneOffsets = new Map<string, ZoneOffsets>();

/** The UTC offset of `zone` at the instant `epochMs`, in minutes east of UTC. */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  let offsets = zoneOffsets.get(zone);
  if (!offsets) {
    offsets = { formatter: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }), byInstant: new BoundedCache(4096) };
    zoneOffsets.set(zone, offsets);
  }
  const formatter = offsets.formatter;
  return offsets.byInstant.get(epochMs, () => computeZoneOffset(formatter, epochMs));
}

function computeZoneOffset(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const name = formatter.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? '0'));
}

/** Formats minutes east of UTC as `+01:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Completes a wall-clock time written without offset with the offset `zone` had at that moment
 * (`2023-10-30T06:45` in Europe/Berlin → `2023-10-30T06:45:00+01:00`).
 */
export function withZoneOffset(parsed: ParsedDateTime, zone: string): string {
  const { year, month, day, hour, minute, second, fraction } = parsed.local;
  const asUtc = utcMs(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset across a DST change.
  let offset = zoneOffsetMinutes(zone, asUtc);
  offset = zoneOffsetMinutes(zone, asUtc - offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${formatOffset(offset)}`;
}

/** Formats an instant as an RFC 3339 date-time with the offset of `zone` (for "now" in completion and commands). */
export function formatInZone(epochMs: number, zone: string): string {
  return formatWithOffset(epochMs, zoneOffsetMinutes(zone, epochMs));
}

/** Formats an instant as an RFC 3339 date-time at `offset` minutes east of UTC (`2023-10-30T16:00:00+01:00`). */
export function formatWithOffset(epochMs: number, offset: number): string {
  const local = new Date(epochMs + offset * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${formatOffset(offset)}`
  );
}

/** The zone the runtime runs in (the system's), e.g. `Europe/Berlin`. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
