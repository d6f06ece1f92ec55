/**
 * Reporting deadlines of a report: GDPR Art. 33 (72 h after becoming aware of the personal data
 * breach) and the NIS2 / § 32 BSIG stages (early warning 24 h and notification 72 h after becoming
 * aware of the significant incident; one month after the notification the final report, or a
 * progress report while the incident is still being handled, and then the final report one month
 * after the handling is completed). Pure: the rules, the drafts, the editor's deadline clock and
 * its hover all compute from here.
 *
 * The two clocks run from different instants and never from each other's: GDPR from
 * `data_loss.aware_at`, NIS2 from `nis2.aware_at`, each else from `timestamps.detected_at`.
 * Hours are added to the instant of awareness, never to a wall clock, so a DST change inside the
 * 72 hours counts as the real hour it is. A month is calendar arithmetic (§§ 187, 188 BGB, see
 * periods.ts): it ends at 24:00 of its last day in the report's zone.
 */
import type { Locale, Localized } from '../shared/types';
import { isRecord, recordItems } from '../report/fields';
import { t } from '../shared/i18n';
import { instantIn, isValidTimeZone, offsetMinutes, parseDateTime, systemTimeZone, utcMs, zoneOffsetMinutes } from '../shared/time';
import { formatLongDate, formatTime, repeatedOffsetSuffix, wallClockAt, type WallClock } from '../shared/dates';
import { oneMonthFrom, type CalendarDay, type PeriodEnd } from './periods';

const HOUR = 3_600_000;

/** Hours from awareness to each hour-based deadline. */
export const DEADLINE_HOURS = { gdprArt33: 72, nis2EarlyWarning: 24, nis2Notification: 72 } as const;

/** The deadlines the engine knows. */
export type DeadlineKind = 'gdpr-art33' | 'nis2-early-warning' | 'nis2-notification' | 'nis2-progress-report' | 'nis2-final-report';

/** Short names for the status bar and messages ("DSGVO-Meldung"), in the statutory words of § 32 BSIG. */
export const DEADLINE_LABELS: Record<DeadlineKind, Localized> = {
  'gdpr-art33': { en: 'GDPR notification', de: 'DSGVO-Meldung' },
  'nis2-early-warning': { en: 'NIS2 early warning', de: 'NIS2-Erstmeldung' },
  'nis2-notification': { en: 'NIS2 notification', de: 'NIS2-Meldung' },
  'nis2-progress-report': { en: 'NIS2 progress report', de: 'NIS2-Fortschrittsmeldung' },
  'nis2-final-report': { en: 'NIS2 final report', de: 'NIS2-Abschlussmeldung' },
};

/** One deadline computed from a report's facts. */
export interface Deadline {
  kind: DeadlineKind;
  /** When it is due (epoch ms): the safe instant. */
  dueAt: number;
  /** The field that records the stage as done (`/data_loss/authority_notified_at`). */
  pointer: string;
  /** When the stage was done (epoch ms), or `null` while it is open. */
  doneAt: number | null;
  /** The field the clock runs from (`/data_loss/aware_at`, `/nis2/aware_at`, `/timestamps/detected_at`, `/nis2/notification_at`, `/nis2/handled_at`). */
  fromPointer: string;
  fromAt: number;
  /** The value of the field the clock runs from, as written (its offset frames the display without a zone). */
  fromValue: unknown;
  /** A period in months: its last day and, when that is no working day, the end of the next one (§ 193 BGB). */
  period: PeriodEnd | null;
  /**
   * True while the duty is only likely: a covered NIS2 entity that does not know yet whether the
   * incident is significant. The clock runs (a suspicion is enough to report), but as warnings.
   */
  tentative: boolean;
}

/** How instants of a report are shown: in its IANA zone, else in the fixed offset its timestamps were written with. */
export interface DisplayFrame {
  zone: string | null;
  /** Minutes east of UTC, used when `zone` is `null`. */
  offsetMinutes: number;
}

/** The moment a clock runs from, with the field it was read from. */
export interface Awareness {
  at: number;
  pointer: string;
  value: unknown;
}

function detected(data: Record<string, unknown>, zone: string): Awareness | null {
  const timestamps = isRecord(data.timestamps) ? data.timestamps : {};
  const at = instantIn(timestamps.detected_at, zone);
  return at === null ? null : { at, pointer: '/timestamps/detected_at', value: timestamps.detected_at };
}

/** The moment the GDPR Art. 33 clock runs from: `data_loss.aware_at`, else `timestamps.detected_at`. */
export function gdprAwareness(data: Record<string, unknown>, zone: string): Awareness | null {
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  const aware = instantIn(loss.aware_at, zone);
  return aware !== null ? { at: aware, pointer: '/data_loss/aware_at', value: loss.aware_at } : detected(data, zone);
}

/**
 * The moment the NIS2 clock runs from: `nis2.aware_at` (awareness of the significant incident),
 * else `timestamps.detected_at`; never `data_loss.aware_at`, which is often days later.
 */
export function nis2Awareness(data: Record<string, unknown>, zone: string): Awareness | null {
  const nis2 = isRecord(data.nis2) ? data.nis2 : {};
  const aware = instantIn(nis2.aware_at, zone);
  return aware !== null ? { at: aware, pointer: '/nis2/aware_at', value: nis2.aware_at } : detected(data, zone);
}

/** The organisation's role for the affected data (GDPR Art. 4(7), (8)): `controller` unless stated. */
export function gdprRole(data: Record<string, unknown>): 'controller' | 'processor' | 'both' {
  const role = isRecord(data.data_loss) ? data.data_loss.role : undefined;
  return role === 'processor' || role === 'both' ? role : 'controller';
}

/**
 * True when the GDPR Art. 33(1) clock runs: personal data is affected, the risk is not assessed as
 * none, and the organisation is (also) the controller. A processor notifies its controllers instead
 * (Art. 33(2)), without a fixed number of hours.
 */
export function gdprNotificationDue(data: Record<string, unknown>): boolean {
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  return loss.personal_data === 'yes' && loss.risk !== 'none' && gdprRole(data) !== 'processor';
}

/** The controllers a processor must notify (Art. 33(2)), with when each was notified. */
export function controllersToNotify(data: Record<string, unknown>, zone: string): Array<{ index: number; name: string | null; notifiedAt: number | null }> {
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  return recordItems(loss.controllers).map((c, index) => ({
    index,
    name: typeof c.name === 'string' && c.name.trim() !== '' ? c.name.trim() : null,
    notifiedAt: instantIn(c.notified_at, zone),
  }));
}

/**
 * The two NIS2 questions and what follows from them. `covered`: is the organisation an essential
 * or important entity; `significant`: is the incident significant. `state`:
 * - `due`: both yes, every stage runs;
 * - `suspected`: covered, significance not known yet: the stages run as warnings;
 * - `not-due`: not covered, or not significant;
 * - `unknown`: whether the entity is covered is not known;
 * - `unanswered`: no `nis2` block.
 * `applies` is the shorthand for both (yes: both yes; no: not due); `entity` and `significant`,
 * where given, decide.
 */
export interface Nis2Scope {
  state: 'due' | 'suspected' | 'not-due' | 'unknown' | 'unanswered';
  covered: 'yes' | 'no' | 'unknown';
  significant: 'yes' | 'no' | 'unknown';
  /** True when the answer comes from `applies` alone. */
  shorthand: boolean;
}

/** The NIS2 questions a report answers, see {@link Nis2Scope}. */
export function nis2Scope(data: Record<string, unknown>): Nis2Scope {
  if (data.nis2 === undefined || data.nis2 === null) return { state: 'unanswered', covered: 'unknown', significant: 'unknown', shorthand: false };
  const nis2 = isRecord(data.nis2) ? data.nis2 : {};
  const answered = nis2.entity !== undefined || nis2.significant !== undefined;
  let covered: Nis2Scope['covered'] = 'unknown';
  let significant: Nis2Scope['significant'] = 'unknown';
  if (answered) {
    if (nis2.entity === 'essential' || nis2.entity === 'important') covered = 'yes';
    else if (nis2.entity === 'not_covered') covered = 'no';
    if (nis2.significant === 'yes' || nis2.significant === 'no') significant = nis2.significant;
  } else if (nis2.applies === 'yes') {
    covered = 'yes';
    significant = 'yes';
  } else if (nis2.applies === 'no') {
    return { state: 'not-due', covered: 'unknown', significant: 'unknown', shorthand: true };
  }
  const state: Nis2Scope['state'] =
    covered === 'no' || significant === 'no' ? 'not-due' : covered === 'yes' ? (significant === 'yes' ? 'due' : 'suspected') : 'unknown';
  return { state, covered, significant, shorthand: !answered && nis2.applies !== undefined };
}

/** True when the NIS2 stages run for the report (due, or likely: see {@link nis2Scope}). */
export function nis2Applies(data: Record<string, unknown>): boolean {
  const state = nis2Scope(data).state;
  return state === 'due' || state === 'suspected';
}

/**
 * When the handling of the incident was completed ("Abschluss der Bearbeitung", § 32 BSIG):
 * `nis2.handled_at`, else `timestamps.resolved_at`, else `null` (still being handled).
 */
export function nis2Handled(data: Record<string, unknown>, zone: string): Awareness | null {
  const nis2 = isRecord(data.nis2) ? data.nis2 : {};
  const handled = instantIn(nis2.handled_at, zone);
  if (handled !== null) return { at: handled, pointer: '/nis2/handled_at', value: nis2.handled_at };
  const timestamps = isRecord(data.timestamps) ? data.timestamps : {};
  const resolved = instantIn(timestamps.resolved_at, zone);
  return resolved === null ? null : { at: resolved, pointer: '/timestamps/resolved_at', value: timestamps.resolved_at };
}

/**
 * Every deadline that runs for the report, in order of the stages. `zone` reads timestamps written
 * without offset (a schema error, but the clock should still run) and counts the months.
 */
export function reportDeadlines(data: Record<string, unknown> | null, zone: string): Deadline[] {
  if (!data) return [];
  const deadlines: Deadline[] = [];
  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  const gdpr = gdprAwareness(data, zone);
  if (gdpr && gdprNotificationDue(data)) {
    deadlines.push({
      kind: 'gdpr-art33',
      dueAt: gdpr.at + DEADLINE_HOURS.gdprArt33 * HOUR,
      pointer: '/data_loss/authority_notified_at',
      doneAt: instantIn(loss.authority_notified_at, zone),
      fromPointer: gdpr.pointer,
      fromAt: gdpr.at,
      fromValue: gdpr.value,
      period: null,
      tentative: false,
    });
  }
  const scope = nis2Scope(data);
  const from = nis2Awareness(data, zone);
  if (!from || (scope.state !== 'due' && scope.state !== 'suspected')) return deadlines;
  const nis2 = data.nis2 as Record<string, unknown>;
  const tentative = scope.state === 'suspected';
  const stage = (kind: DeadlineKind, key: string, hours: number): Deadline => ({
    kind,
    dueAt: from.at + hours * HOUR,
    pointer: `/nis2/${key}`,
    doneAt: instantIn(nis2[key], zone),
    fromPointer: from.pointer,
    fromAt: from.at,
    fromValue: from.value,
    period: null,
    tentative,
  });
  deadlines.push(stage('nis2-early-warning', 'early_warning_at', DEADLINE_HOURS.nis2EarlyWarning));
  const notification = stage('nis2-notification', 'notification_at', DEADLINE_HOURS.nis2Notification);
  deadlines.push(notification);
  // The month runs from the notification actually sent; before that it has no date.
  if (notification.doneAt === null) return deadlines;
  const month = oneMonthFrom(notification.doneAt, zone);
  const monthly = (kind: DeadlineKind, key: string, start: Awareness, period: PeriodEnd): Deadline => ({
    kind,
    dueAt: period.endsAt,
    pointer: `/nis2/${key}`,
    doneAt: instantIn(nis2[key], zone),
    fromPointer: start.pointer,
    fromAt: start.at,
    fromValue: start.value,
    period,
    tentative,
  });
  const sent = { at: notification.doneAt, pointer: '/nis2/notification_at', value: nis2.notification_at };
  const handled = nis2Handled(data, zone);
  const finalSent = instantIn(nis2.final_report_at, zone);
  // Handled within the month (or a final report already sent in it): the final report is due at
  // the month's end. Still being handled then: a progress report at the month's end, and the final
  // report one month after the handling is completed (Art. 23(4)(e) NIS2, § 32 BSIG).
  if ((handled !== null && handled.at < month.endsAt) || (handled === null && finalSent !== null && finalSent < month.endsAt)) {
    deadlines.push(monthly('nis2-final-report', 'final_report_at', sent, month));
    return deadlines;
  }
  deadlines.push(monthly('nis2-progress-report', 'progress_report_at', sent, month));
  if (handled !== null) deadlines.push(monthly('nis2-final-report', 'final_report_at', handled, oneMonthFrom(handled.at, zone)));
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
 * True when an instant falls after a period's safe end but within the next working day that
 * § 193 BGB may allow (whether it applies to reporting duties is unsettled).
 */
export function withinNextWorkingDay(deadline: Deadline, at: number): boolean {
  return at > deadline.dueAt && deadline.period?.nextWorkingDayEndsAt != null && at <= deadline.period.nextWorkingDayEndsAt;
}

/** "Samstag, 28. Februar 2026, 24:00 Uhr" / "the end of Saturday, 28 February 2026": the end of a calendar day. */
export function formatEndOfDay(day: CalendarDay, locale: Locale): string {
  const weekday = new Date(utcMs(day.year, day.month - 1, day.day)).getUTCDay();
  const date = formatLongDate({ ...day, weekday, hour: 0, minute: 0 }, locale);
  return locale === 'de' ? `${date}, 24:00 Uhr` : `the end of ${date}`;
}

/** When a deadline is due, in words: an instant in the report's frame, or the end of a period's last day. */
export function formatDue(deadline: Deadline, data: Record<string, unknown> | null, locale: Locale): string {
  return deadline.period ? formatEndOfDay(deadline.period.lastDay, locale) : formatInstant(deadline.dueAt, displayFrame(data, deadline.fromValue), locale);
}

/** The end of the next working day a period may run to (§ 193 BGB), in words, or `null`. */
export function formatNextWorkingDay(deadline: Deadline, locale: Locale): string | null {
  return deadline.period?.nextWorkingDay ? formatEndOfDay(deadline.period.nextWorkingDay, locale) : null;
}

/**
 * How a report's instants are shown: its `timezone` when valid, else the offset written in
 * `reference` (the timestamp the clock runs from), else UTC.
 */
export function displayFrame(data: Record<string, unknown> | null, reference?: unknown): DisplayFrame {
  const zone = data && typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
  const offset = parseDateTime(reference)?.offset;
  return { zone, offsetMinutes: offset ? offsetMinutes(offset) : 0 };
}

/** The wall clock of `epochMs` in a display frame. */
export function clockInFrame(epochMs: number, frame: DisplayFrame): WallClock {
  return wallClockAt(epochMs, frame.zone ? zoneOffsetMinutes(frame.zone, epochMs) : frame.offsetMinutes);
}

/** "Montag, 30. Oktober 2023, 9:00 Uhr" / "Monday, 30 October 2023, 9:00 am" in the report's frame. */
export function formatInstant(epochMs: number, frame: DisplayFrame, locale: Locale): string {
  const clock = clockInFrame(epochMs, frame);
  // In the hour summer time repeats, "2:40 Uhr" is two instants an hour apart: name the offset.
  const repeated = frame.zone ? repeatedOffsetSuffix(frame.zone, epochMs, zoneOffsetMinutes(frame.zone, epochMs)) : '';
  return `${formatLongDate(clock, locale)}, ${formatTime(clock, locale)}${repeated}`;
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

/**
 * A duration after German "seit", in the dative: "seit 3 Tagen", "seit weniger als einer Minute"
 * (formatSpan's "3 Tage" reads "seit 3 Tage"); English is the same as formatSpan.
 */
export function formatSpanSince(ms: number, locale: Locale): string {
  return span(-Math.abs(ms), locale, false);
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
  const values = { label: DEADLINE_LABELS[deadline.kind][locale], due: formatDue(deadline, isRecord(data) ? data : null, locale) };
  if (deadline.doneAt === null) return t(locale, { en: '{label} due by {due} ({left})', de: '{label} fällig bis {due} ({left})' }, { ...values, left: formatTimeLeft(deadline.dueAt, now, locale) });
  if (withinNextWorkingDay(deadline, deadline.doneAt)) {
    return t(locale, { en: '{label} due by {due}: sent on the next working day', de: '{label} fällig bis {due}: am nächsten Werktag abgegeben' }, values);
  }
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
