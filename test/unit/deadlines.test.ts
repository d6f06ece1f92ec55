import { strict as assert } from 'node:assert';
import { applyEdits, createLinter, fixEdits } from '../../src/core';
import {
  displayFrame,
  formatDue,
  formatInstant,
  formatTimeLeft,
  nextDeadline,
  reportDeadlines,
} from '../../src/core/compliance/deadlines';
import { isNationwideHoliday, oneMonthFrom } from '../../src/core/compliance/periods';
import { findingLine } from './fixtureFormat';

/**
 * Every boundary of the reporting clocks, each with a fixed "now": exactly 72 hours, 72 hours
 * across the October and the March DST change, notification before awareness, and every NIS2 stage.
 */

const ZONE = 'Europe/Berlin';

/**
 * A minimal valid report (German, Europe/Berlin) with extra `data_loss` lines and top-level blocks.
 * `nis2` defaults to `entity: not_covered` (the GDPR tests are not about NIS2); `null` leaves the block out.
 */
function report(options: { aware?: string; loss?: string[]; personal?: string; nis2?: string[] | null; severity?: string; started?: string } = {}): string {
  const nis2 = options.nis2 === undefined ? ['entity: not_covered'] : options.nis2;
  const started = options.started ?? '2023-01-01T00:00:00+01:00';
  return [
    '---',
    'schema: incident-report/v1',
    'id: clock-test',
    'title: Störung der Verwaltung',
    'lang: de',
    'status: identified',
    `severity: ${options.severity ?? 'major'}`,
    'organization: Stadt Werne',
    `timezone: ${ZONE}`,
    'affected_services:',
    '  - name: Bürgerbüro',
    '    status: major_outage',
    'timestamps:',
    `  started_at: ${started}`,
    `  detected_at: ${started}`,
    `  published_at: ${started}`,
    'data_loss:',
    '  occurred: unknown',
    '  exfiltration: under_investigation',
    `  personal_data: ${options.personal ?? 'yes'}`,
    '  statement: Ob Daten abgeflossen sind, wird derzeit untersucht.',
    ...(options.aware ? [`  aware_at: ${options.aware}`] : []),
    ...(options.loss ?? []).map((line) => `  ${line}`),
    ...(nis2 ? ['nis2:', ...nis2.map((line) => `  ${line}`)] : []),
    'contacts:',
    '  - role: press',
    '    name: Pressestelle',
    '---',
    '',
    '## Pressemitteilung',
    '',
    'Die Verwaltung ist eingeschränkt erreichbar.',
    '',
  ].join('\n');
}

/** Findings of `rules` (id → message) when linted at `now`, in English. */
function lint(text: string, now: string, rules: string[] = ['gdpr-notification', 'nis2-reporting', 'chronology']): string[] {
  const linter = createLinter({ locale: 'en', timeZone: ZONE, now: () => Date.parse(now) });
  return linter
    .lint(text)
    .findings.filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.severity} ${f.ruleId} ${f.path} ${f.message}`);
}

function lintDe(text: string, now: string): string[] {
  const linter = createLinter({ locale: 'de', timeZone: ZONE, now: () => Date.parse(now) });
  return linter.lint(text).findings.filter((f) => f.ruleId === 'gdpr-notification').map(findingLine);
}

const LATER = '2024-12-31T00:00:00+01:00';

describe('deadlines: GDPR Art. 33', () => {
  const aware = '2023-06-05T10:00:00+02:00';

  it('a notification exactly 72 hours after becoming aware is in time; one minute later is late', () => {
    assert.deepEqual(lint(report({ aware, loss: ['authority_notified_at: 2023-06-08T10:00:00+02:00'] }), LATER), []);
    assert.deepEqual(lint(report({ aware, loss: ['authority_notified_at: 2023-06-08T10:01:00+02:00'] }), LATER), [
      'warning gdpr-notification /data_loss/authority_notified_at data_loss.authority_notified_at is 72 hours after data_loss.aware_at: GDPR Art. 33 requires notification within 72 hours; add `delay_reason` explaining the delay.',
    ]);
  });

  it('open at exactly the deadline is a warning; a millisecond after it, an error', () => {
    assert.deepEqual(lint(report({ aware }), '2023-06-08T10:00:00+02:00'), [
      'warning gdpr-notification /data_loss/authority_notified_at Notification of the supervisory authority due by Thursday, 8 June 2023, 10:00 am (less than a minute left): personal data is affected (GDPR Art. 33); record `data_loss.authority_notified_at` once it is sent.',
    ]);
    assert.deepEqual(lint(report({ aware }), '2023-06-08T08:00:00.001Z'), [
      'error gdpr-notification /data_loss/authority_notified_at Notification of the supervisory authority was due by Thursday, 8 June 2023, 10:00 am (overdue by less than a minute): personal data is affected (GDPR Art. 33); notify now, then record `data_loss.authority_notified_at` and the `delay_reason`.',
    ]);
  });

  it('72 hours across the October DST change end one wall-clock hour earlier (9:00, not 10:00)', () => {
    const october = '2023-10-27T10:00:00+02:00';
    assert.deepEqual(lintDe(report({ aware: october }), '2023-10-29T22:00:00+01:00'), [
      '17:1-17:10 warning gdpr-notification /data_loss/authority_notified_at Meldung an die Aufsichtsbehörde fällig bis Montag, 30. Oktober 2023, 9:00 Uhr (noch 11 Stunden): Personenbezogene Daten sind betroffen (DSGVO Art. 33); `data_loss.authority_notified_at` eintragen, sobald sie abgegeben ist.',
    ]);
    // 9:30 CET is within 72 wall-clock hours but 72.5 real hours after 10:00 CEST: late.
    assert.equal(lint(report({ aware: october, loss: ['authority_notified_at: 2023-10-30T09:30:00+01:00'] }), LATER).length, 1);
    assert.deepEqual(lint(report({ aware: october, loss: ['authority_notified_at: 2023-10-30T09:00:00+01:00'] }), LATER), []);
  });

  it('72 hours across the March DST change end one wall-clock hour later (11:00, not 10:00)', () => {
    const march = '2024-03-29T10:00:00+01:00';
    const [deadline] = reportDeadlines({ ...data(march) }, ZONE);
    assert.equal(new Date(deadline!.dueAt).toISOString(), '2024-04-01T09:00:00.000Z');
    assert.equal(formatInstant(deadline!.dueAt, displayFrame({ timezone: ZONE }), 'de'), 'Montag, 1. April 2024, 11:00 Uhr');
    // 10:30 CEST is after 72 wall-clock hours but only 71.5 real hours: in time.
    assert.deepEqual(lint(report({ aware: march, started: '2024-03-29T09:00:00+01:00', loss: ['authority_notified_at: 2024-04-01T10:30:00+02:00'] }), LATER), []);
    assert.equal(lint(report({ aware: march, started: '2024-03-29T09:00:00+01:00', loss: ['authority_notified_at: 2024-04-01T11:01:00+02:00'] }), LATER).length, 1);
  });

  it('a deadline in the hour that summer time repeats says which one it is (UTC+2 or UTC+1); other times stay plain', () => {
    // 24 hours after 2:40 CEST on Saturday end at 2:40 CEST on Sunday 25 October 2026; an hour later the
    // clocks show 2:40 again (CET). Without its offset the deadline reads an hour later than it is.
    const frame = displayFrame({ timezone: ZONE });
    assert.equal(formatInstant(Date.parse('2026-10-25T02:40:00+02:00'), frame, 'de'), 'Sonntag, 25. Oktober 2026, 2:40 Uhr (UTC+2)');
    assert.equal(formatInstant(Date.parse('2026-10-25T02:40:00+01:00'), frame, 'en'), 'Sunday, 25 October 2026, 2:40 am (UTC+1)');
    assert.equal(formatInstant(Date.parse('2026-10-25T01:40:00+02:00'), frame, 'de'), 'Sonntag, 25. Oktober 2026, 1:40 Uhr');
    assert.equal(formatInstant(Date.parse('2026-10-25T03:40:00+01:00'), frame, 'de'), 'Sonntag, 25. Oktober 2026, 3:40 Uhr');
    const warning = lint(report({ personal: 'no', nis2: ['entity: important', 'significant: yes', 'aware_at: 2026-10-24T02:40:00+02:00'] }), '2026-10-24T20:00:00+02:00')
      .find((f) => f.includes('/nis2/early_warning_at'));
    assert.match(warning ?? '', / due by Sunday, 25 October 2026, 2:40 am \(UTC\+2\) \(6 hours left\),/, warning);
  });

  it('a notification before becoming aware is a chronology error', () => {
    assert.deepEqual(lint(report({ aware, loss: ['authority_notified_at: 2023-06-05T09:59:00+02:00'] }), LATER), [
      'error chronology /data_loss/authority_notified_at data_loss.authority_notified_at (2023-06-05T09:59:00+02:00) is before data_loss.aware_at (2023-06-05T10:00:00+02:00): a notification cannot precede becoming aware of the incident.',
    ]);
  });

  it('runs from detected_at when aware_at is missing', () => {
    const [deadline] = reportDeadlines(data(undefined), ZONE);
    assert.equal(deadline!.fromPointer, '/timestamps/detected_at');
    assert.equal(deadline!.dueAt, Date.parse('2023-01-01T00:00:00+01:00') + 72 * 3_600_000);
  });

  it('with risk none nothing is due; without risk_reason a warning (Art. 33(5)), with it an info; unknown personal data suggests a precautionary notification in time', () => {
    assert.deepEqual(reportDeadlines(data(aware, { risk: 'none' }), ZONE), []);
    assert.deepEqual(lint(report({ aware, loss: ['risk: none'] }), LATER), [
      'warning gdpr-notification /data_loss/risk data_loss.risk is none, so no notification is made, but the reason is not recorded: Art. 33(5) GDPR requires documenting why, and this report is then the only evidence of that decision; add `data_loss.risk_reason`.',
    ]);
    assert.deepEqual(lint(report({ aware, loss: ['risk: none', 'risk_reason: Nur verschlüsselte Sicherungen betroffen.'] }), LATER).map(head), ['info gdpr-notification /data_loss/risk']);
    assert.deepEqual(lint(report({ aware, personal: 'unknown' }), '2023-06-06T10:00:00+02:00'), [
      'info gdpr-notification /data_loss/personal_data Whether personal data is affected is not known yet: consider a precautionary notification of the supervisory authority by Thursday, 8 June 2023, 10:00 am (2 days left); what is still unknown can follow in phases (GDPR Art. 33(4)).',
    ]);
  });

  it('unknown personal data suggests a precautionary notification after the 72 hours too, without a time left', () => {
    const unknown = report({ aware, personal: 'unknown' });
    // Exactly at the deadline the 72 hours still run; a millisecond later they have ended.
    assert.match(lint(unknown, '2023-06-08T10:00:00+02:00')[0]!, /by Thursday, 8 June 2023, 10:00 am \(less than a minute left\)/);
    assert.deepEqual(lint(unknown, '2023-06-08T10:00:00.001+02:00'), [
      'info gdpr-notification /data_loss/personal_data Whether personal data is affected is not known yet, and the 72 hours for a notification ended on Thursday, 8 June 2023, 10:00 am: a precautionary notification of the supervisory authority is still advisable, with the reasons for the delay; what is still unknown can follow in phases (GDPR Art. 33(1) and (4)).',
    ]);
    assert.deepEqual(lintDe(unknown, LATER), [
      '20:18-20:25 info gdpr-notification /data_loss/personal_data Ob personenbezogene Daten betroffen sind, ist noch unklar, und die 72 Stunden für eine Meldung endeten am Donnerstag, 8. Juni 2023, 10:00 Uhr: eine vorsorgliche Meldung an die Aufsichtsbehörde ist weiterhin ratsam, mit den Gründen für die Verzögerung; was noch unbekannt ist, kann schrittweise nachgereicht werden (DSGVO Art. 33 Abs. 1 und 4).',
    ]);
    // A notification sent (however early or late), or no risk: nothing to suggest.
    assert.deepEqual(lint(report({ aware, personal: 'unknown', loss: ['authority_notified_at: 2023-06-20T10:00:00+02:00'] }), LATER), []);
    assert.deepEqual(lint(report({ aware, personal: 'unknown', loss: ['risk: none'] }), LATER), []);
  });
});

describe('deadlines: processors (Art. 33(2)) and social data (§ 83a SGB X)', () => {
  const aware = '2023-06-05T10:00:00+02:00';
  it('a processor has no 72 hours: it gets a warning per controller not yet notified, once aware_at has passed', () => {
    const processor = (...lines: string[]) => report({ aware, loss: ['role: processor', ...lines] });
    assert.deepEqual(reportDeadlines(data(aware, { role: 'processor' }), ZONE), []);
    assert.deepEqual(lint(processor(), LATER), [
      'warning gdpr-notification /data_loss/role As processor, the organisation must notify each controller of the breach without undue delay (GDPR Art. 33(2)); list them in `data_loss.controllers` with `notified_at`.',
    ]);
    const listed = processor('controllers:', '    - name: Stadt Werne', '      notified_at: 2023-06-05T12:00:00+02:00', '    - name: Gemeinde Wickede (Ruhr)');
    assert.deepEqual(lint(listed, '2023-06-05T09:00:00+02:00', ['gdpr-notification']), []);
    assert.deepEqual(lint(listed, '2023-06-05T11:00:00+02:00', ['gdpr-notification']), [
      'warning gdpr-notification /data_loss/controllers/1 Gemeinde Wickede (Ruhr) is not notified yet: as processor, tell each controller of the breach without undue delay (GDPR Art. 33(2)), then record `notified_at`.',
    ]);
    // No precautionary info for a processor either.
    assert.deepEqual(lint(report({ aware, personal: 'unknown', loss: ['role: processor'] }), LATER), []);
  });

  it('both: the controller clock and the controllers; the GDPR role never changes NIS2', () => {
    const both = report({ aware, loss: ['role: both', 'controllers:', '    - name: Stadt Werne'], nis2: ['applies: yes', `aware_at: ${aware}`] });
    assert.deepEqual(lint(both, '2023-06-05T11:00:00+02:00', ['gdpr-notification', 'nis2-reporting']).map(head).sort(), [
      'info nis2-reporting /nis2/applies',
      'warning gdpr-notification /data_loss/authority_notified_at',
      'warning gdpr-notification /data_loss/controllers/0',
      'warning nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
    const processor = both.replace('role: both', 'role: processor');
    assert.deepEqual(lint(processor, '2023-06-05T11:00:00+02:00', ['nis2-reporting']).map(head).sort(), ['info nis2-reporting /nis2/applies', 'warning nis2-reporting /nis2/early_warning_at', 'warning nis2-reporting /nis2/notification_at']);
  });

  it('social data: an info naming the further report (§ 83a SGB X)', () => {
    assert.deepEqual(lint(report({ aware, loss: ['authority_notified_at: 2023-06-06T10:00:00+02:00', 'social_data: yes'] }), LATER), [
      'info gdpr-notification /data_loss/social_data Social data is affected: besides the data protection authority, report the breach to the legal or specialist supervisory authority of the body concerned (§ 83a SGB X; Sozialamt, Jugendamt, Jobcenter).',
    ]);
  });
});

describe('deadlines: NIS2 / § 32 BSIG', () => {
  const aware = '2023-06-05T10:00:00+02:00';
  const nis2 = (...lines: string[]) => report({ aware, personal: 'no', nis2: ['entity: important', 'significant: yes', `aware_at: ${aware}`, ...lines] });

  it('early warning: open within 24 hours is a warning, overdue after, exactly 24 hours in time, later is late', () => {
    assert.deepEqual(lint(nis2(), '2023-06-06T09:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
    assert.match(lint(nis2(), '2023-06-06T09:00:00+02:00').find((f) => f.includes('early warning'))!, /due by Tuesday, 6 June 2023, 10:00 am \(1 hour left\), within 24 hours of becoming aware of the significant incident \(nis2\.aware_at\)/);
    assert.deepEqual(lint(nis2(), '2023-06-06T10:01:00+02:00').map(head).sort(), [
      'error nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
    assert.deepEqual(lint(nis2('early_warning_at: 2023-06-06T10:00:00+02:00'), '2023-06-06T12:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/notification_at',
    ]);
    assert.deepEqual(lint(nis2('early_warning_at: 2023-06-06T10:30:00+02:00'), '2023-06-06T12:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
  });

  it('notification: 72 hours; overdue vs now and late vs its own timestamp', () => {
    const sent = 'early_warning_at: 2023-06-05T20:00:00+02:00';
    assert.deepEqual(lint(nis2(sent), '2023-06-08T10:00:01+02:00').map(head).sort(), ['error nis2-reporting /nis2/notification_at']);
    assert.deepEqual(lint(nis2(sent, 'notification_at: 2023-06-08T10:00:00+02:00'), '2023-06-09T10:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/progress_report_at',
    ]);
    assert.deepEqual(lint(nis2(sent, 'notification_at: 2023-06-08T11:00:00+02:00'), '2023-06-09T10:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/notification_at',
      'warning nis2-reporting /nis2/progress_report_at',
    ]);
  });

  it('the clock runs from nis2.aware_at, else from detected_at, never from data_loss.aware_at (issue 21, defect 1)', () => {
    // detected 5 May 08:00, the personal data breach found 7 May 08:00, linted 7 May 12:00.
    const text = (lines: string[]) =>
      report({ started: '2026-05-05T08:00:00+02:00', aware: '2026-05-07T08:00:00+02:00', personal: 'no', nis2: ['applies: yes', ...lines] });
    const fromDetected = lint(text([]), '2026-05-07T12:00:00+02:00', ['nis2-reporting']).filter((f) => f.includes('early_warning_at'));
    assert.deepEqual(fromDetected, [
      'error nis2-reporting /nis2/early_warning_at NIS2 early warning to the BSI was due by Wednesday, 6 May 2026, 8:00 am (overdue by 28 hours), within 24 hours of becoming aware of the significant incident (timestamps.detected_at) (§ 32 BSIG); send it now and record `nis2.early_warning_at`.',
    ]);
    const fromNis2Aware = lint(text(['aware_at: 2026-05-06T20:00:00+02:00']), '2026-05-07T12:00:00+02:00', ['nis2-reporting']).filter((f) => f.includes('early_warning_at'));
    assert.deepEqual(fromNis2Aware, [
      'warning nis2-reporting /nis2/early_warning_at NIS2 early warning to the BSI due by Thursday, 7 May 2026, 8:00 pm (8 hours left), within 24 hours of becoming aware of the significant incident (nis2.aware_at) (§ 32 BSIG); record `nis2.early_warning_at` once it is sent.',
    ]);
    const data = { timezone: ZONE, timestamps: { detected_at: '2026-05-05T08:00:00+02:00' }, data_loss: { personal_data: 'yes', aware_at: '2026-05-07T08:00:00+02:00' }, nis2: { applies: 'yes' } };
    const kinds = reportDeadlines(data, ZONE).map((d) => `${d.kind} ${d.fromPointer} ${new Date(d.dueAt).toISOString()}`);
    assert.deepEqual(kinds, [
      'gdpr-art33 /data_loss/aware_at 2026-05-10T06:00:00.000Z',
      'nis2-early-warning /timestamps/detected_at 2026-05-06T06:00:00.000Z',
      'nis2-notification /timestamps/detected_at 2026-05-08T06:00:00.000Z',
    ]);
  });

  it('final report at a month\'s end: 24:00 of the same date, or of the last day (31 January, a leap year)', () => {
    const deadline = (notification: string, extra: Record<string, unknown> = {}) =>
      reportDeadlines({ timezone: ZONE, timestamps: { detected_at: '2026-01-01T00:00:00+01:00', resolved_at: '2026-01-20T00:00:00+01:00' }, data_loss: {}, nis2: { applies: 'yes', notification_at: notification, ...extra } }, ZONE).find((d) => d.kind === 'nis2-final-report')!;
    // 31 Jan 2026 10:00 → end of Saturday, 28 Feb 2026 (no 31 Feb): 1 March 00:00 CET.
    const feb = deadline('2026-01-31T10:00:00+01:00');
    assert.equal(new Date(feb.dueAt).toISOString(), '2026-02-28T23:00:00.000Z');
    assert.deepEqual(feb.period!.lastDay, { year: 2026, month: 2, day: 28 });
    assert.equal(feb.period!.restDay, 'saturday');
    assert.deepEqual(feb.period!.nextWorkingDay, { year: 2026, month: 3, day: 2 });
    assert.equal(formatDue(feb, null, 'de'), 'Samstag, 28. Februar 2026, 24:00 Uhr');
    assert.equal(formatDue(feb, null, 'en'), 'the end of Saturday, 28 February 2026');
    // A leap year: 31 Jan 2024 → end of Thursday, 29 Feb 2024, a working day.
    const leap = reportDeadlines({ timezone: ZONE, timestamps: { detected_at: '2024-01-01T00:00:00+01:00', resolved_at: '2024-01-20T00:00:00+01:00' }, data_loss: {}, nis2: { applies: 'yes', notification_at: '2024-01-31T10:00:00+01:00' } }, ZONE).find((d) => d.kind === 'nis2-final-report')!;
    assert.equal(new Date(leap.dueAt).toISOString(), '2024-02-29T23:00:00.000Z');
    assert.equal(leap.period!.restDay, null);
    // Across the March DST change the day still ends at 24:00 local (CEST).
    assert.equal(new Date(oneMonthFrom(Date.parse('2026-03-15T10:00:00+01:00'), ZONE).endsAt).toISOString(), '2026-04-15T22:00:00.000Z');
    assert.equal(new Date(oneMonthFrom(Date.parse('2023-12-15T10:00:00+01:00'), ZONE).endsAt).toISOString(), '2024-01-15T23:00:00.000Z');
  });

  it('a report sent on 28 Feb 20:00 is in time; on the next working day a warning, not an error (§ 193 BGB); later late', () => {
    const text = (...lines: string[]) =>
      report({ started: '2026-01-27T08:00:00+01:00', personal: 'no', nis2: ['applies: yes', 'early_warning_at: 2026-01-27T20:00:00+01:00', 'notification_at: 2026-01-31T10:00:00+01:00', 'handled_at: 2026-02-10T12:00:00+01:00', ...lines] });
    const only = (lines: string[]) => lines.filter((f) => f.includes('final_report_at'));
    assert.deepEqual(only(lint(text('final_report_at: 2026-02-28T20:00:00+01:00'), LATER, ['nis2-reporting'])), []);
    assert.deepEqual(only(lint(text('final_report_at: 2026-03-02T16:00:00+01:00'), LATER, ['nis2-reporting'])), [
      'warning nis2-reporting /nis2/final_report_at nis2.final_report_at is after the safe date: the NIS2 final report was due by the end of Saturday, 28 February 2026, within one month of the notification (§ 32 BSIG), and went on the next working day; § 193 BGB may extend the period to the end of Monday, 2 March 2026, but whether it applies to reporting duties is unsettled.',
    ]);
    assert.deepEqual(only(lint(text('final_report_at: 2026-03-03T09:00:00+01:00'), LATER, ['nis2-reporting'])).map(head), ['warning nis2-reporting /nis2/final_report_at']);
    assert.match(only(lint(text('final_report_at: 2026-03-03T09:00:00+01:00'), LATER, ['nis2-reporting']))[0]!, /is late: .* went 2 days later/);
    // Not sent: on Sunday and Monday a warning naming the next working day, from Tuesday an error.
    assert.deepEqual(only(lint(text(), '2026-03-01T12:00:00+01:00', ['nis2-reporting'])).map(head), ['warning nis2-reporting /nis2/final_report_at']);
    assert.match(only(lint(text(), '2026-03-02T23:59:00+01:00', ['nis2-reporting']))[0]!, /may run to the end of Monday, 2 March 2026 \(§ 193 BGB/);
    assert.deepEqual(only(lint(text(), '2026-03-03T00:00:01+01:00', ['nis2-reporting'])).map(head), ['error nis2-reporting /nis2/final_report_at']);
  });

  it('a progress report while the incident is open, then the final report one month after resolved_at (issue 21, defect 4)', () => {
    const sent = ['early_warning_at: 2023-06-05T20:00:00+02:00', 'notification_at: 2023-06-07T10:00:00+02:00'];
    // Open at the month's end (7 July 24:00): the progress report is due, not the final report.
    assert.deepEqual(lint(nis2(...sent), '2023-07-08T10:00:00+02:00'), [
      'error nis2-reporting /nis2/progress_report_at NIS2 progress report to the BSI was due by the end of Friday, 7 July 2023 (overdue by 10 hours), one month after the notification, instead of the final report while the incident is still being handled (§ 32 BSIG); send it now and record `nis2.progress_report_at`.',
    ]);
    assert.deepEqual(lint(nis2(...sent, 'progress_report_at: 2023-07-07T15:00:00+02:00'), '2023-07-20T10:00:00+02:00'), []);
    // Resolved on 20 July: the final report is due one month later, at the end of 20 August (a Sunday: next working day Monday).
    const resolved = report({ aware, personal: 'no', nis2: ['entity: important', 'significant: yes', `aware_at: ${aware}`, ...sent, 'progress_report_at: 2023-07-07T15:00:00+02:00'] }).replace('status: identified', 'status: resolved').replace('  published_at:', '  resolved_at: 2023-07-20T09:00:00+02:00\n  published_at:');
    assert.deepEqual(lint(resolved, '2023-07-21T10:00:00+02:00', ['nis2-reporting']), [
      'warning nis2-reporting /nis2/final_report_at NIS2 final report to the BSI due by the end of Sunday, 20 August 2023 (30 days left), within one month of the handling being completed (timestamps.resolved_at) (§ 32 BSIG); record `nis2.final_report_at` once it is sent.',
    ]);
    // handled_at later than resolved_at (forensics continue) moves it.
    const handled = resolved.replace('  progress_report_at:', '  handled_at: 2023-08-02T17:00:00+02:00\n  progress_report_at:');
    assert.match(lint(handled, '2023-07-21T10:00:00+02:00', ['nis2-reporting'])[0]!, /due by the end of Saturday, 2 September 2023 .*\(nis2\.handled_at\)/);
    // Handled within the month: the final report is due at the month's end, no progress report.
    const early = report({ aware, personal: 'no', nis2: ['entity: important', 'significant: yes', `aware_at: ${aware}`, ...sent, 'handled_at: 2023-06-20T17:00:00+02:00'] });
    assert.deepEqual(lint(early, '2023-07-07T10:00:00+02:00').map(head), ['warning nis2-reporting /nis2/final_report_at']);
    assert.deepEqual(lint(early.replace('  handled_at:', '  final_report_at: 2023-07-07T23:59:00+02:00\n  handled_at:'), LATER), []);
  });

  it('a covered entity that does not know whether the incident is significant sees the clock, as warnings', () => {
    const suspected = report({ aware, personal: 'no', nis2: ['entity: essential', 'significant: unknown', `aware_at: ${aware}`] });
    assert.deepEqual(lint(suspected, '2023-06-09T10:00:00+02:00').map(head).sort(), [
      'info nis2-reporting /nis2/significant',
      'warning nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
    assert.deepEqual(lint(suspected.replace('significant: unknown', 'significant: no'), LATER), []);
    assert.deepEqual(lint(suspected.replace('entity: essential', 'entity: not_covered'), LATER), []);
  });

  it('applies is the shorthand for both questions: an info with a fix per pair of answers', () => {
    const linter = createLinter({ locale: 'en', timeZone: ZONE, now: () => Date.parse(LATER) });
    const text = report({ aware, personal: 'no', nis2: ['applies: no  # decided by the legal office'] });
    const result = linter.lint(text);
    const finding = result.findings.find((f) => f.ruleId === 'nis2-reporting')!;
    assert.equal(
      findingLine(finding),
      '24:12-24:14 info nis2-reporting /nis2/applies nis2.applies: no answers two questions at once: whether the organisation is an essential or important entity, and whether the incident is significant. Record them one by one in `nis2.entity` and `nis2.significant`.',
    );
    const actions = fixEdits(result.report, finding, { locale: 'en' });
    assert.deepEqual(actions.map((a) => a.title), ['Answer NIS2: entity: not_covered', 'Answer NIS2: entity: essential, significant: no', 'Answer NIS2: entity: important, significant: no']);
    const fixed = applyEdits(result.report.text, actions[1]!.edits);
    assert.ok(fixed.includes('nis2:\n  entity: essential\n  significant: no  # decided by the legal office\ncontacts:'), fixed);
    assert.deepEqual(lint(fixed, LATER), []);
  });

  it('applies unknown: an info for major and critical incidents only, with the answers as quick fixes (issue 20, item 5)', () => {
    const unknown = (severity: string) => report({ aware, personal: 'no', severity, nis2: ['applies: unknown'] });
    assert.deepEqual(lint(unknown('major'), LATER).map(head).sort(), ['info nis2-reporting /nis2/applies']);
    assert.deepEqual(lint(unknown('critical'), LATER).map(head).sort(), ['info nis2-reporting /nis2/applies']);
    assert.deepEqual(lint(unknown('minor'), LATER), []);
    const linter = createLinter({ locale: 'de', timeZone: ZONE, now: () => Date.parse(LATER) });
    const result = linter.lint(unknown('major'));
    const finding = result.findings.find((f) => f.ruleId === 'nis2-reporting')!;
    const actions = fixEdits(result.report, finding, { locale: 'de' });
    assert.deepEqual(actions.map((a) => a.title), [
      'NIS2 beantworten: entity: essential, significant: unknown',
      'NIS2 beantworten: entity: important, significant: unknown',
      'NIS2 beantworten: entity: not_covered',
      'NIS2 beantworten: entity: unknown',
    ]);
    const fixed = applyEdits(result.report.text, actions[1]!.edits);
    assert.ok(fixed.includes('nis2:\n  entity: important\n  significant: unknown\ncontacts:'), fixed);
    // The next question comes with its own answers.
    const next = linter.lint(fixed).findings.filter((f) => f.ruleId === 'nis2-reporting' && f.severity === 'info');
    assert.deepEqual(next.map((f) => f.path), ['/nis2/significant']);
    assert.deepEqual(fixEdits(linter.lint(fixed).report, next[0]!, { locale: 'en' }).map((a) => a.title), ['Answer NIS2: significant: yes', 'Answer NIS2: significant: no']);
  });

  it('without a nis2 block a major or critical incident is asked, at severity, with a fix per answer that adds the block', () => {
    const absent = (severity: string) => report({ aware, personal: 'no', severity, nis2: null });
    assert.deepEqual(lint(absent('critical'), LATER).map(head), ['info nis2-reporting /nis2']);
    assert.deepEqual(lint(absent('minor'), LATER), []);
    assert.deepEqual(lint(absent('none'), LATER), []);
    const linter = createLinter({ locale: 'de', timeZone: ZONE, now: () => Date.parse(LATER) });
    const result = linter.lint(absent('major'));
    const finding = result.findings.find((f) => f.ruleId === 'nis2-reporting')!;
    assert.equal(
      findingLine(finding),
      '7:11-7:16 info nis2-reporting /nis2 Der Vorfall ist major: prüfen, ob die Organisation eine besonders wichtige oder wichtige Einrichtung nach NIS2 ist (§ 28 BSIG; kommunale Unternehmen und IT-Dienstleister können es sein, Kommunen als solche nicht) und ob der Vorfall erheblich ist, und beides in `nis2.entity` und `nis2.significant` festhalten; die frühe Erstmeldung wäre binnen 24 Stunden nach Kenntnisnahme fällig.',
    );
    const actions = fixEdits(result.report, finding, { locale: 'en' });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [
      ['Answer NIS2: entity: essential, significant: unknown', false, false],
      ['Answer NIS2: entity: important, significant: unknown', false, false],
      ['Answer NIS2: entity: not_covered', false, false],
      ['Answer NIS2: entity: unknown', false, false],
    ]);
    const fixed = applyEdits(result.report.text, actions[2]!.edits);
    assert.ok(fixed.includes('    name: Pressestelle\nnis2:\n  entity: not_covered\n---\n'), fixed);
    assert.deepEqual(lint(fixed, LATER), []);
  });

  it('nextDeadline is the open stage due first', () => {
    const deadlines = reportDeadlines({ ...data(aware), nis2: { applies: 'yes', early_warning_at: '2023-06-05T20:00:00+02:00' } }, ZONE);
    assert.deepEqual(deadlines.map((d) => d.kind), ['gdpr-art33', 'nis2-early-warning', 'nis2-notification']);
    assert.equal(nextDeadline(deadlines)!.kind, 'nis2-notification');
    assert.equal(nextDeadline([]), null);
  });
});

describe('periods: German nationwide holidays (§ 193 BGB)', () => {
  it('knows the fixed and the Easter-dependent holidays, and nothing else', () => {
    const holidays2026 = ['1-1', '4-3', '4-6', '5-1', '5-14', '5-25', '10-3', '12-25', '12-26'];
    const found: string[] = [];
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const d = new Date(day);
      if (isNationwideHoliday({ year: 2026, month: d.getUTCMonth() + 1, day: d.getUTCDate() })) found.push(`${d.getUTCMonth() + 1}-${d.getUTCDate()}`);
    }
    assert.deepEqual(found, holidays2026);
    // Good Friday 2026 ends a period: the next working day is the Tuesday after Easter Monday.
    const end = oneMonthFrom(Date.parse('2026-03-03T10:00:00+01:00'), ZONE);
    assert.equal(end.restDay, 'holiday');
    assert.deepEqual(end.nextWorkingDay, { year: 2026, month: 4, day: 7 });
  });
});

describe('deadlines: time left', () => {
  const due = Date.parse('2023-10-30T09:00:00+01:00');
  it('counts down in minutes, hours, then days, rounding down, in both languages', () => {
    assert.equal(formatTimeLeft(due, due - 11 * 3_600_000, 'de'), 'noch 11 Stunden');
    assert.equal(formatTimeLeft(due, due - 11 * 3_600_000, 'de', true), 'noch 11 h');
    assert.equal(formatTimeLeft(due, due - 3_600_000, 'en'), '1 hour left');
    assert.equal(formatTimeLeft(due, due - 59 * 60_000 - 59_999, 'en'), '59 minutes left');
    assert.equal(formatTimeLeft(due, due - 3 * 86_400_000, 'de'), 'noch 3 Tage');
    assert.equal(formatTimeLeft(due, due + 3 * 86_400_000, 'de'), 'seit 3 Tagen überfällig');
    assert.equal(formatTimeLeft(due, due + 2 * 3_600_000, 'en', true), '2 h overdue');
  });
});

function head(line: string): string {
  return line.split(' ').slice(0, 3).join(' ');
}

function data(aware: string | undefined, loss: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timezone: ZONE,
    timestamps: { detected_at: '2023-01-01T00:00:00+01:00' },
    data_loss: { personal_data: 'yes', ...(aware ? { aware_at: aware } : {}), ...loss },
  };
}
