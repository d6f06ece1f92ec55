/**
 * Periods in months as German law counts them (§§ 187, 188 BGB; Regulation 1182/71 Art. 3 gives the
 * same): a month counted from an event ends at the end of the day (24:00 in the report's zone) that
 * has the event's date one month later, or at the end of that month's last day where the date does
 * not exist (31 January → end of 28/29 February). A period whose last day is a Saturday, Sunday or
 * nationwide public holiday may run to the end of the next working day (§ 193 BGB, § 31(3) VwVfG,
 * 1182/71 Art. 3(4)); whether that applies to reporting duties is unsettled, so the earlier end is
 * the safe date and the later one only softens the verdict.
 */
import { easter } from 'date-easter';
import { utcMs, zoneOffsetMinutes } from '../shared/time';
import { wallClockAt } from '../shared/dates';

const DAY = 86_400_000;

/** A calendar day (month 1–12). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The end of a period in months: the safe instant, and the end of the next working day when it differs. */
export interface PeriodEnd {
  /** 24:00 of the period's last day in the zone, as epoch ms (the start of the following day). */
  endsAt: number;
  /** The period's last day. */
  lastDay: CalendarDay;
  /** Why that day is no working day (`saturday`, `sunday`, `holiday`), or `null` for a working day. */
  restDay: 'saturday' | 'sunday' | 'holiday' | null;
  /** The end of the next working day when {@link restDay} is set (§ 193 BGB), else `null`. */
  nextWorkingDayEndsAt: number | null;
  nextWorkingDay: CalendarDay | null;
}

/** The calendar day of an instant in a zone. */
export function dayInZone(epochMs: number, zone: string): CalendarDay {
  const { year, month, day } = wallClockAt(epochMs, zoneOffsetMinutes(zone, epochMs));
  return { year, month, day };
}

/** 00:00 of a calendar day in a zone, as an instant (a day that starts in a DST gap starts at its first existing minute). */
export function startOfDayInZone(day: CalendarDay, zone: string): number {
  const wall = utcMs(day.year, day.month - 1, day.day);
  // Two passes settle the offset across a DST change (as in time.withZoneOffset).
  let offset = zoneOffsetMinutes(zone, wall);
  offset = zoneOffsetMinutes(zone, wall - offset * 60_000);
  return wall - offset * 60_000;
}

function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(utcMs(day.year, day.month - 1, day.day) + days * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The same date one month later, or that month's last day where the date does not exist (§ 188(2), (3) BGB). */
export function sameDateNextMonth(day: CalendarDay): CalendarDay {
  const year = day.month === 12 ? day.year + 1 : day.year;
  const month = day.month === 12 ? 1 : day.month + 1;
  const lastDay = new Date(utcMs(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, lastDay) };
}

/**
 * True when `day` is a public holiday throughout Germany: New Year, Good Friday, Easter Monday,
 * 1 May, Ascension Day, Whit Monday, 3 October, 25 and 26 December. Holidays of single Länder are
 * left out on purpose: the safe date never depends on them, and where the reporting office sits
 * decides which apply.
 */
export function isNationwideHoliday(day: CalendarDay): boolean {
  const fixed = `${day.month}-${day.day}`;
  if (['1-1', '5-1', '10-3', '12-25', '12-26'].includes(fixed)) return true;
  const sunday = easter(day.year);
  const offset = Math.round((utcMs(day.year, day.month - 1, day.day) - utcMs(sunday.year, sunday.month - 1, sunday.day)) / DAY);
  return [-2, 1, 39, 50].includes(offset);
}

function restDayOf(day: CalendarDay): PeriodEnd['restDay'] {
  const weekday = new Date(utcMs(day.year, day.month - 1, day.day)).getUTCDay();
  if (weekday === 6) return 'saturday';
  if (weekday === 0) return 'sunday';
  return isNationwideHoliday(day) ? 'holiday' : null;
}

/** The end of a period of one month from the event at `epochMs`, counted in `zone`. */
export function oneMonthFrom(epochMs: number, zone: string): PeriodEnd {
  const lastDay = sameDateNextMonth(dayInZone(epochMs, zone));
  const restDay = restDayOf(lastDay);
  let nextWorkingDay: CalendarDay | null = null;
  if (restDay) {
    nextWorkingDay = addDays(lastDay, 1);
    while (restDayOf(nextWorkingDay)) nextWorkingDay = addDays(nextWorkingDay, 1);
  }
  return {
    endsAt: startOfDayInZone(addDays(lastDay, 1), zone),
    lastDay,
    restDay,
    nextWorkingDayEndsAt: nextWorkingDay ? startOfDayInZone(addDays(nextWorkingDay, 1), zone) : null,
    nextWorkingDay,
  };
}
