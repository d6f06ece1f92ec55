/**
 * Dates and times for the press release, localized by hand (not `Intl.DateTimeFormat#format`) so the
 * output is the same in Node, in a browser and across ICU versions: en-GB's "Monday 30 October"
 * lost its comma between ICU releases, and a press release must not change with the runtime.
 * Intl is used only to learn a zone's UTC offset at an instant.
 */
import type { Locale } from './types';
import { formatWithOffset, isValidTimeZone, offsetMinutes, parseDateTime, utcMs, zoneOffsetMinutes } from './time';

/** Month names as printed (also what the text wrapper keeps together with their day and year). */
export const MONTHS: Record<Locale, readonly string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Weekday names as printed, Sunday first. */
export const WEEKDAYS: Record<Locale, readonly string[]> = {
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock parts of an instant as shown to readers. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

/** A timestamp from the report, resolved for display. */
export interface DisplayTime {
  /** The value as written (for `<time datetime>`). */
  iso: string;
  /** Epoch milliseconds, or `null` when the value has no offset (then it is shown as written). */
  epochMs: number | null;
  clock: WallClock;
  /** True for a date without a time (`2022-12-09`). */
  dateOnly: boolean;
  /**
   * Minutes east of UTC when this wall clock occurs twice in the report's zone (the hour repeated
   * when summer time ends: 2:30 CEST and, an hour later, 2:30 CET), else `null`. Such a time is
   * printed with its offset, "2:30 Uhr (UTC+1)", or two different instants would read the same.
   */
  repeatedOffset?: number | null;
}

const HOUR = 3_600_000;

/** True when the wall clock of `epochMs` in `zone` (`shift` minutes east of UTC) is also shown at another instant. */
function occursTwice(zone: string, epochMs: number, shift: number): boolean {
  const wall = epochMs + shift * 60_000;
  // A zone changes its offset at most once within a few hours: the offsets just before and after tell.
  for (const probe of [epochMs - 3 * HOUR, epochMs + 3 * HOUR]) {
    const other = zoneOffsetMinutes(zone, probe);
    if (other === shift) continue;
    const candidate = wall - other * 60_000;
    if (candidate !== epochMs && zoneOffsetMinutes(zone, candidate) === other) return true;
  }
  return false;
}

/** " (UTC+1)", " (UTC+5:30)" after a time that occurs twice in its zone; nothing otherwise. */
function repeatedOffsetText(time: Pick<DisplayTime, 'repeatedOffset'>): string {
  if (time.repeatedOffset == null) return '';
  const abs = Math.abs(time.repeatedOffset);
  const minutes = abs % 60;
  return ` (UTC${time.repeatedOffset < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''})`;
}

/**
 * " (UTC+2)" after the wall clock of `epochMs` in `zone` (`shift` minutes east of UTC) when that wall
 * clock occurs twice there (the hour repeated when summer time ends), else nothing: a computed
 * instant such as a deadline is shown as a timestamp is.
 */
export function repeatedOffsetSuffix(zone: string, epochMs: number, shift: number): string {
  return repeatedOffsetText({ repeatedOffset: occursTwice(zone, epochMs, shift) ? shift : null });
}

/**
 * Resolves a timestamp for display: in `zone` when the report names a valid IANA zone, else in the
 * offset written in the value itself (so `+01:00` stays `+01:00`, `Z` is UTC). A value without
 * offset (a schema error) is shown as written rather than guessed.
 */
export function resolveTime(value: unknown, zone: string | null): DisplayTime | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const date = DATE_ONLY.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(utcMs(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1) return null;
    return { iso: trimmed, epochMs: null, dateOnly: true, clock: { year, month, day, weekday: check.getUTCDay(), hour: 0, minute: 0 } };
  }
  const parsed = parseDateTime(trimmed);
  if (!parsed) return null;
  let shiftMinutes: number | null = null;
  let repeatedOffset: number | null = null;
  if (parsed.offset) {
    if (zone && isValidTimeZone(zone)) {
      shiftMinutes = zoneOffsetMinutes(zone, parsed.epochMs);
      if (occursTwice(zone, parsed.epochMs, shiftMinutes)) repeatedOffset = shiftMinutes;
    } else shiftMinutes = offsetMinutes(parsed.offset);
  }
  if (shiftMinutes === null) {
    const { year, month, day, hour, minute } = parsed.local;
    const weekday = new Date(utcMs(year, month - 1, day)).getUTCDay();
    return { iso: trimmed, epochMs: null, dateOnly: false, clock: { year, month, day, weekday, hour, minute } };
  }
  return { iso: trimmed, epochMs: parsed.epochMs, dateOnly: false, clock: wallClockAt(parsed.epochMs, shiftMinutes), repeatedOffset };
}

/** Wall clock of an epoch instant (the renderer's "now") in `zone`, or UTC. */
export function clockAt(epochMs: number, zone: string | null): WallClock {
  return wallClockAt(epochMs, zone && isValidTimeZone(zone) ? zoneOffsetMinutes(zone, epochMs) : 0);
}

/** The wall clock `shiftMinutes` east of UTC at `epochMs` (the one place an instant becomes a wall clock). */
export function wallClockAt(epochMs: number, shiftMinutes: number): WallClock {
  const local = new Date(epochMs + shiftMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** The year with four digits, as written in the report: `0023` must not read as "'23", that is 2023. */
function yearText(year: number): string {
  return String(year).padStart(4, '0');
}

/** "30. Oktober 2023" / "30 October 2023". */
export function formatDate(clock: WallClock, locale: Locale): string {
  const month = MONTHS[locale][clock.month - 1] ?? String(clock.month);
  return locale === 'de' ? `${clock.day}. ${month} ${yearText(clock.year)}` : `${clock.day} ${month} ${yearText(clock.year)}`;
}

/** "Montag, 30. Oktober 2023" / "Monday, 30 October 2023". */
export function formatLongDate(clock: WallClock, locale: Locale): string {
  return `${WEEKDAYS[locale][clock.weekday] ?? ''}, ${formatDate(clock, locale)}`;
}

/** "15:55 Uhr" / "3:55 pm". */
export function formatTime(clock: WallClock, locale: Locale): string {
  const minute = String(clock.minute).padStart(2, '0');
  if (locale === 'de') return `${clock.hour}:${minute} Uhr`;
  const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  return `${hour12}:${minute} ${clock.hour < 12 ? 'am' : 'pm'}`;
}

/** "Montag, 30. Oktober 2023, 15:55 Uhr" / "Monday, 30 October 2023, 3:55 pm"; a date alone without time. */
export function formatDateTime(time: DisplayTime, locale: Locale): string {
  const date = formatLongDate(time.clock, locale);
  return time.dateOnly ? date : `${date}, ${formatTime(time.clock, locale)}${repeatedOffsetText(time)}`;
}

/** The heading of one update: "Update vom Montag, 30. Oktober 2023, 15:55 Uhr" / "Update — Monday, 30 October 2023, 3:55 pm". */
export function formatUpdateHeading(time: DisplayTime, locale: Locale): string {
  return locale === 'de' ? `Update vom ${formatDateTime(time, locale)}` : `Update — ${formatDateTime(time, locale)}`;
}

const SHORT_MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30.10.2023, 16:00 Uhr" / "30 Oct 2023, 4:00 pm": the compact form for short posts. */
export function formatShortDateTime(time: DisplayTime, locale: Locale): string {
  const { day, month, year } = time.clock;
  const date = locale === 'de' ? `${day}.${String(month).padStart(2, '0')}.${yearText(year)}` : `${day} ${SHORT_MONTHS_EN[month - 1] ?? month} ${yearText(year)}`;
  return time.dateOnly ? date : `${date}, ${formatTime(time.clock, locale)}${repeatedOffsetText(time)}`;
}

/**
 * An instant as RFC 3339 with an explicit offset (`2023-10-30T16:00:00+01:00`): in `zone` when it
 * is a valid IANA zone, else in the offset written in `written` (UTC for `Z`). Feeds need a full
 * date-time with offset even when the report names only a zone.
 */
export function rfc3339(epochMs: number, zone: string | null, written: string): string {
  if (zone && isValidTimeZone(zone)) return formatWithOffset(epochMs, zoneOffsetMinutes(zone, epochMs));
  const m = /([+-]\d{2}:\d{2})$/.exec(written.trim());
  return formatWithOffset(epochMs, m ? offsetMinutes(m[1]!) : 0);
}
