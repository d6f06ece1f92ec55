/**
 * Reporting deadlines of a report: GDPR Art. 33 (72 h after becoming aware) and the NIS2 / § 32 BSIG
 * stages (early warning 24 h, notification 72 h, final report one month after the notification).
 * Pure: the rules, the drafts, the editor's deadline clock and its hover all compute from here.
 *
 * Deadlines are instants (epoch ms): hours are added to the instant of awareness, never to a wall
 * clock, so a DST change inside the 72 hours counts as the real hour it is. Only the final report's
 * "one month" is calendar arithmetic, done on the wall clock of the report's zone.
 */
import type { Locale, Localized } from './types';
import { isRecord } from './fields';
import { t } from './i18n';
import { instantIn, isValidTimeZone, parseDateTime, systemTimeZone, zoneOffsetMinutes } from './time';
import { formatLongDate, formatTime, type WallClock } from './render/dates';

const HOUR = 3_600_000;

/** Hours from awareness to each hour-based deadline. */
export const DEADLINE_HOURS = { gdprArt33: 72, nis2EarlyWarning: 24, nis2Notification: 72 } as const;

/** The deadlines the engine knows. */
export type DeadlineKind = 'gdpr-art33' | 'nis2-early-warning' | 'nis2-notification' | 'nis2-final-report';

/** Short names for the status bar and messages ("DSGVO-Meldung"). */
export const DEADLINE_LABELS: Record<DeadlineKind, Localized> = {
  'gdpr-art33': { en: 'GDPR notification', de: 'DSGVO-Meldung' },
  'nis2-early-warning': { en: 'NIS2 early warning', de: 'NIS2-Erstmeldung' },
  'nis2-notification': { en: 'NIS2 notification', de: 'NIS2-Meldung' },
  'nis2-final-report': { en: 'NIS2 final report', de: 'NIS2-Abschlussmeldung' },
};

/** One deadline computed from a report's facts. */
export interface Deadline {
  kind: DeadlineKind;
  /** When it is due (epoch ms). */
  dueAt: number;
  /** The field that records the stage as done (`/data_loss/authority_notified_at`). */
  pointer: string;
  /** When the stage was done (epoch ms), or `null` while it is open. */
  doneAt: number | null;
  /** The field the clock runs from (`/data_loss/aware_at`, `/timestamps/detected_at`, `/nis2/notification_at`). */
  fromPointer: string;
  fromAt: number;
}

/** How instants of a report are shown: in its IANA zone, else in the fixed offset its timestamps were written with. */
export interface DisplayFrame {
  zone: string | null;
  /** Minutes east of UTC, used when `zone` is `null`. */
  offsetMinutes: number;
}

/** The moment the Art. 33 and NIS2 clocks run from: `data_loss.aware_at`, else `timestamps.detected_at`. */
export function awareness(data: Record<string, unknown>, zone: string): { at: number; pointer: string; value: unknown } | null {
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  const aware = instantIn(loss.aware_at, zone);
  if (aware !== null) return { at: aware, pointer: '/data_loss/aware_at', value: loss.aware_at };
  const timestamps = isRecord(data.timestamps) ? data.timestamps : {};
  const detected = instantIn(timestamps.detected_at, zone);
  return detected === null ? null : { at: detected, pointer: '/timestamps/detected_at', value: timestamps.detected_at };
}

/** True when the GDPR Art. 33 clock runs: personal data is affected and the risk is not assessed as none. */
export function gdprNotificationDue(data: Record<string, unknown>): boolean {
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  return loss.personal_data === 'yes' && loss.risk !== 'none';
}

/** True when the report says NIS2 reporting applies. */
export function nis2Applies(data: Record<string, unknown>): boolean {
  return isRecord(data.nis2) && data.nis2.applies === 'yes';
}

/**
 * Every deadline that runs for the report, in order of the stages. `zone` reads timestamps written
 * without offset (a schema error, but the clock should still run) and does the final report's month.
 */
export function reportDeadlines(data: Record<string, unknown> | null, zone: string): Deadline[] {
  if (!data) return [];
  const from = awareness(data, zone);
  if (!from) return [];
  const deadlines: Deadline[] = [];
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  if (gdprNotificationDue(data)) {
    deadlines.push({
      kind: 'gdpr-art33',
      dueAt: from.at + DEADLINE_HOURS.gdprArt33 * HOUR,
      pointer: '/data_loss/authority_notified_at',
      doneAt: instantIn(loss.authority_notified_at, zone),
      fromPointer: from.pointer,
      fromAt: from.at,
    });
  }
  if (nis2Applies(data)) {
    const nis2 = data.nis2 as Record<string, unknown>;
    const stage = (kind: DeadlineKind, key: string, hours: number): Deadline => ({
      kind,
      dueAt: from.at + hours * HOUR,
      pointer: `/nis2/${key}`,
      doneAt: instantIn(nis2[key], zone),
      fromPointer: from.pointer,
      fromAt: from.at,
    });
    deadlines.push(stage('nis2-early-warning', 'early_warning_at', DEADLINE_HOURS.nis2EarlyWarning));
    const notification = stage('nis2-notification', 'notification_at', DEADLINE_HOURS.nis2Notification);
    deadlines.push(notification);
    // The final report's month runs from the notification actually sent; before that it has no date.
    if (notification.doneAt !== null) {
      deadlines.push({
        kind: 'nis2-final-report',
        dueAt: addMonthInZone(notification.doneAt, zone),
        pointer: '/nis2/final_report_at',
        doneAt: instantIn(nis2.final_report_at, zone),
        fromPointer: '/nis2/notification_at',
        fromAt: notification.doneAt,
      });
    }
  }
  return deadlines;
}

/** The open deadline due first, or `null` when nothing is due. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let next: Deadline | null = null;
  for (const deadline of deadlines) {
    if (deadline.doneAt === null && (next === null || deadline.dueAt < next.dueAt)) next = deadline;
  }
  return next;
}

/**
 * The same wall-clock time one calendar month later in `zone` (31 January → 28/29 February), as an
 * instant. A time that does not exist on that day (DST gap) moves forward by the gap.
 */
export function addMonthInZone(epochMs: number, zone: string): number {
  const offset = zoneOffsetMinutes(zone, epochMs);
  const local = new Date(epochMs + offset * 60_000);
  const year = local.getUTCFullYear() + (local.getUTCMonth() === 11 ? 1 : 0);
  const month = (local.getUTCMonth() + 1) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const wall = Date.UTC(year, month, Math.min(local.getUTCDate(), lastDay), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
  // Two passes settle the offset across a DST change (as in time.withZoneOffset).
  let target = zoneOffsetMinutes(zone, wall);
  target = zoneOffsetMinutes(zone, wall - target * 60_000);
  return wall - target * 60_000;
}

/**
 * How a report's instants are shown: its `timezone` when valid, else the offset written in
 * `reference` (the timestamp the clock runs from), else UTC.
 */
export function displayFrame(data: Record<string, unknown> | null, reference?: unknown): DisplayFrame {
  const zone = data && typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
  const parsed = parseDateTime(reference);
  let offsetMinutes = 0;
  if (parsed?.offset && parsed.offset !== 'Z') {
    const sign = parsed.offset.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(parsed.offset.slice(1, 3)) * 60 + Number(parsed.offset.slice(4, 6)));
  }
  return { zone, offsetMinutes };
}

/** The wall clock of `epochMs` in a display frame. */
export function clockInFrame(epochMs: number, frame: DisplayFrame): WallClock {
  const shift = frame.zone ? zoneOffsetMinutes(frame.zone, epochMs) : frame.offsetMinutes;
  const local = new Date(epochMs + shift * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** "Montag, 30. Oktober 2023, 9:00 Uhr" / "Monday, 30 October 2023, 9:00 am" in the report's frame. */
export function formatInstant(epochMs: number, frame: DisplayFrame, locale: Locale): string {
  const clock = clockInFrame(epochMs, frame);
  return `${formatLongDate(clock, locale)}, ${formatTime(clock, locale)}`;
}

const UNITS = {
  minute: { en: ['minute', 'minutes'], de: ['Minute', 'Minuten'] },
  hour: { en: ['hour', 'hours'], de: ['Stunde', 'Stunden'] },
  day: { en: ['day', 'days'], de: ['Tag', 'Tagen'] },
} as const;

/** A span in whole units, rounded down: minutes below an hour, hours below two days, then days. */
function span(ms: number, locale: Locale, short: boolean): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) {
    if (short) return '< 1 min';
    // "noch weniger als eine Minute", but "seit weniger als einer Minute" (dative after "seit").
    return locale === 'en' ? 'less than a minute' : ms >= 0 ? 'weniger als eine Minute' : 'weniger als einer Minute';
  }
  const [n, unit] = minutes < 60 ? [minutes, 'minute' as const] : minutes < 48 * 60 ? [Math.floor(minutes / 60), 'hour' as const] : [Math.floor(minutes / 1440), 'day' as const];
  if (short) {
    const abbreviation = { minute: 'min', hour: 'h', day: locale === 'de' ? 'T' : 'd' }[unit];
    return `${n} ${abbreviation}`;
  }
  const words = UNITS[unit][locale];
  // German "noch 3 Tage", but "seit 3 Tagen": the dative plural is only used after "seit".
  const plural = unit === 'day' && locale === 'de' && ms >= 0 ? 'Tage' : words[1];
  return `${n} ${n === 1 ? words[0] : plural}`;
}

/** A duration in whole units, rounded down: "11 Stunden" / "11 hours", "3 Tage" / "3 days". */
export function formatSpan(ms: number, locale: Locale): string {
  return span(Math.abs(ms), locale, false);
}

/** "noch 11 Stunden" / "11 hours left", or "seit 2 Tagen überfällig" / "overdue by 2 days". */
export function formatTimeLeft(dueAt: number, now: number, locale: Locale, short = false): string {
  const left = dueAt - now;
  if (left >= 0) return t(locale, { en: '{span} left', de: 'noch {span}' }, { span: span(left, locale, short) });
  return short
    ? t(locale, { en: '{span} overdue', de: '{span} überfällig' }, { span: span(left, locale, true) })
    : t(locale, { en: 'overdue by {span}', de: 'seit {span} überfällig' }, { span: span(left, locale, false) });
}

/** The zone a report's clocks run in: its own `timezone`, else the configured one, else the system's. */
export function clockZone(data: Record<string, unknown>, configured: string | undefined): string {
  if (typeof data.timezone === 'string' && isValidTimeZone(data.timezone)) return data.timezone;
  return configured && isValidTimeZone(configured) ? configured : systemTimeZone();
}

/** Every deadline of a report's data, in its clock zone (the editor's clock and hover). */
export function deadlinesOf(data: unknown, configuredZone: string | undefined): Deadline[] {
  return isRecord(data) ? reportDeadlines(data, clockZone(data, configuredZone)) : [];
}

/** `warning` once less than a third of the stage's window is left (24 of 72 h, 8 of 24 h), `error` once it has passed. */
export function clockLevel(deadline: Deadline, now: number): 'none' | 'warning' | 'error' {
  if (now > deadline.dueAt) return 'error';
  return deadline.dueAt - now < (deadline.dueAt - deadline.fromAt) / 3 ? 'warning' : 'none';
}

/** "DSGVO-Meldung fällig bis … (noch 11 Stunden)", or whether the stage was sent in time. */
export function describeDeadline(deadline: Deadline, data: unknown, locale: Locale, now: number): string {
  const record = isRecord(data) ? data : null;
  const loss = record && isRecord(record.data_loss) ? record.data_loss : {};
  const timestamps = record && isRecord(record.timestamps) ? record.timestamps : {};
  const due = formatInstant(deadline.dueAt, displayFrame(record, loss.aware_at ?? timestamps.detected_at), locale);
  const values = { label: DEADLINE_LABELS[deadline.kind][locale], due };
  if (deadline.doneAt === null) return t(locale, { en: '{label} due by {due} ({left})', de: '{label} fällig bis {due} ({left})' }, { ...values, left: formatTimeLeft(deadline.dueAt, now, locale) });
  return deadline.doneAt > deadline.dueAt
    ? t(locale, { en: '{label} due by {due}: sent late', de: '{label} fällig bis {due}: verspätet abgegeben' }, values)
    : t(locale, { en: '{label} due by {due}: sent in time', de: '{label} fällig bis {due}: rechtzeitig abgegeben' }, values);
}

/** The status-bar clock: "DSGVO-Meldung: noch 11 h" and its tooltip. */
export function clockTexts(deadline: Deadline, data: unknown, locale: Locale, now: number): { text: string; tooltip: string } {
  return {
    text: `${DEADLINE_LABELS[deadline.kind][locale]}: ${formatTimeLeft(deadline.dueAt, now, locale, true)}`,
    tooltip: `${describeDeadline(deadline, data, locale, now)}. ${t(locale, { en: 'Click to go to the field.', de: 'Klicken, um zum Feld zu springen.' })}`,
  };
}

/**
 * What the hover on a timestamp adds: on the moment of awareness (`aware_at`, or `detected_at` when
 * it stands in), every clock running from it; on a stage's own timestamp, its deadline and whether
 * it was met; on `nis2.notification_at`, also the final report's month. `null` when none applies.
 */
export function deadlineHover(data: unknown, pointer: string, configuredZone: string | undefined, locale: Locale, now: number): { heading: string; lines: string[] } | null {
  const lines = deadlinesOf(data, configuredZone)
    .filter((d) => d.pointer === pointer || d.fromPointer === pointer)
    .map((d) => describeDeadline(d, data, locale, now));
  return lines.length > 0 ? { heading: t(locale, { en: 'Reporting deadlines', de: 'Meldefristen' }), lines } : null;
}
