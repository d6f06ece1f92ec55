import { strict as assert } from 'node:assert';
import { applyEdits, createLinter, fixEdits } from '../../src/core';
import {
  addMonthInZone,
  displayFrame,
  formatInstant,
  formatTimeLeft,
  nextDeadline,
  reportDeadlines,
} from '../../src/core/deadlines';
import { findingLine } from './fixtureFormat';

/**
 * Every boundary of the reporting clocks, each with a fixed "now": exactly 72 hours, 72 hours
 * across the October and the March DST change, notification before awareness, and every NIS2 stage.
 */

const ZONE = 'Europe/Berlin';

/**
 * A minimal valid report (German, Europe/Berlin) with extra `data_loss` lines and top-level blocks.
 * `nis2` defaults to `applies: no` (the GDPR tests are not about NIS2); `null` leaves the block out.
 */
function report(options: { aware?: string; loss?: string[]; personal?: string; nis2?: string[] | null; severity?: string; started?: string } = {}): string {
  const nis2 = options.nis2 === undefined ? ['applies: no'] : options.nis2;
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

  it('with risk none nothing is due and an info says so; unknown personal data suggests a precautionary notification in time', () => {
    assert.deepEqual(reportDeadlines(data(aware, { risk: 'none' }), ZONE), []);
    assert.deepEqual(lint(report({ aware, loss: ['risk: none'] }), LATER).map((f) => f.split(' ').slice(0, 3).join(' ')), [
      'info gdpr-notification /data_loss/risk',
    ]);
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

describe('deadlines: NIS2 / § 32 BSIG', () => {
  const aware = '2023-06-05T10:00:00+02:00';
  const nis2 = (...lines: string[]) => report({ aware, personal: 'no', nis2: ['applies: yes', ...lines] });

  it('early warning: open within 24 hours is a warning, overdue after, exactly 24 hours in time, later is late', () => {
    // Both stages are still missing, so both are reported at the `nis2` key.
    assert.deepEqual(lint(nis2(), '2023-06-06T09:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/early_warning_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
    assert.match(lint(nis2(), '2023-06-06T09:00:00+02:00').find((f) => f.includes('early warning'))!, /due by Tuesday, 6 June 2023, 10:00 am \(1 hour left\)/);
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
      'warning nis2-reporting /nis2/final_report_at',
    ]);
    assert.deepEqual(lint(nis2(sent, 'notification_at: 2023-06-08T11:00:00+02:00'), '2023-06-09T10:00:00+02:00').map(head).sort(), [
      'warning nis2-reporting /nis2/final_report_at',
      'warning nis2-reporting /nis2/notification_at',
    ]);
  });

  it('final report: one calendar month after the notification, in the report zone', () => {
    assert.equal(new Date(addMonthInZone(Date.parse('2024-01-31T10:00:00+01:00'), ZONE)).toISOString(), '2024-02-29T09:00:00.000Z');
    // Across the March DST change the wall clock stays (10:00), the offset moves.
    assert.equal(new Date(addMonthInZone(Date.parse('2023-03-15T10:00:00+01:00'), ZONE)).toISOString(), '2023-04-15T08:00:00.000Z');
    assert.equal(new Date(addMonthInZone(Date.parse('2023-12-15T10:00:00+01:00'), ZONE)).toISOString(), '2024-01-15T09:00:00.000Z');
    const done = ['early_warning_at: 2023-06-05T20:00:00+02:00', 'notification_at: 2023-06-07T10:00:00+02:00'];
    assert.deepEqual(lint(nis2(...done), '2023-07-07T10:00:00+02:00').map(head).sort(), ['warning nis2-reporting /nis2/final_report_at']);
    assert.deepEqual(lint(nis2(...done), '2023-07-07T10:00:01+02:00').map(head).sort(), ['error nis2-reporting /nis2/final_report_at']);
    assert.deepEqual(lint(nis2(...done, 'final_report_at: 2023-07-07T10:00:00+02:00'), LATER), []);
    assert.deepEqual(lint(nis2(...done, 'final_report_at: 2023-07-07T10:01:00+02:00'), LATER).map(head).sort(), ['warning nis2-reporting /nis2/final_report_at']);
    assert.deepEqual(lint(nis2(...done, 'final_report_at: 2023-06-06T10:00:00+02:00'), LATER).map(head).sort(), [
      'error chronology /nis2/final_report_at',
    ]);
  });

  it('applies unknown: an info for major and critical incidents only; no: nothing', () => {
    const unknown = (severity: string) => report({ aware, personal: 'no', severity, nis2: ['applies: unknown'] });
    assert.deepEqual(lint(unknown('major'), LATER).map(head).sort(), ['info nis2-reporting /nis2/applies']);
    assert.deepEqual(lint(unknown('critical'), LATER).map(head).sort(), ['info nis2-reporting /nis2/applies']);
    assert.deepEqual(lint(unknown('minor'), LATER), []);
    assert.deepEqual(lint(report({ aware, personal: 'no', nis2: ['applies: no'] }), LATER), []);
  });

  it('without a nis2 block a major or critical incident gets the same question, at severity, with a fix per answer', () => {
    const absent = (severity: string) => report({ aware, personal: 'no', severity, nis2: null });
    const message =
      'The incident is major: check whether NIS2 applies (§ 32 BSIG; municipal companies and IT providers may be covered) and record the answer in a `nis2` block (`applies: yes`, `no` or `unknown`); the early warning would be due within 24 hours of becoming aware.';
    assert.deepEqual(lint(absent('major'), LATER), [`info nis2-reporting /nis2 ${message}`]);
    assert.deepEqual(lint(absent('critical'), LATER).map(head), ['info nis2-reporting /nis2']);
    assert.deepEqual(lint(absent('minor'), LATER), []);
    assert.deepEqual(lint(absent('none'), LATER), []);
    const linter = createLinter({ locale: 'de', timeZone: ZONE, now: () => Date.parse(LATER) });
    const result = linter.lint(absent('major'));
    const finding = result.findings.find((f) => f.ruleId === 'nis2-reporting')!;
    assert.equal(findingLine(finding), '7:11-7:16 info nis2-reporting /nis2 Der Vorfall ist major: prüfen, ob NIS2 gilt (§ 32 BSIG; kommunale Unternehmen und IT-Dienstleister können erfasst sein), und die Antwort in einem `nis2`-Block festhalten (`applies: yes`, `no` oder `unknown`); die frühe Erstmeldung wäre binnen 24 Stunden nach Kenntnisnahme fällig.');
    // The quick fixes add the block where the schema puts it (after contacts, the last key before it), one per answer.
    const actions = fixEdits(result.report, finding, { locale: 'en' });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [
      ['Add `nis2` with `applies: yes`', false, false],
      ['Add `nis2` with `applies: no`', false, false],
      ['Add `nis2` with `applies: unknown`', false, false],
    ]);
    const fixed = applyEdits(result.report.text, actions[2]!.edits);
    assert.ok(fixed.includes('    name: Pressestelle\nnis2:\n  applies: unknown\n---\n'), fixed);
    assert.deepEqual(lint(fixed, LATER).map(head), ['info nis2-reporting /nis2/applies']);
    assert.deepEqual(lint(applyEdits(result.report.text, actions[1]!.edits), LATER), []);
  });

  it('nextDeadline is the open stage due first', () => {
    const deadlines = reportDeadlines({ ...data(aware), nis2: { applies: 'yes', early_warning_at: '2023-06-05T20:00:00+02:00' } }, ZONE);
    assert.deepEqual(deadlines.map((d) => d.kind), ['gdpr-art33', 'nis2-early-warning', 'nis2-notification']);
    assert.equal(nextDeadline(deadlines)!.kind, 'gdpr-art33');
    assert.equal(nextDeadline([]), null);
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
