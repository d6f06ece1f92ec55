/**
 * NIS2 / § 32 BSIG drafts for the joint BSI/BBK reporting office, one per stage, each with the
 * items NIS2 Art. 23(4) and § 32 BSIG ask of it: the early warning (24 h), the incident
 * notification (72 h: an update with a first assessment of severity and impact, and IoCs), the
 * progress report (one month after the notification while the incident is still being handled)
 * and the final report (one month after the notification, or after the handling is completed).
 * The person named for the reporting office is the `authority_contact`, never a public hotline.
 */
import type { ParsedReport } from '../../report/parse';
import { recordItems } from '../../report/fields';
import { DEADLINE_LABELS, formatEndOfDay, formatSpan, formatSpanSince, formatTimeLeft, nis2Handled, nis2Scope, type DeadlineKind } from '../../compliance/deadlines';
import { instantIn } from '../../shared/time';
import { authorityContactLine, draftContext, listOrNone, stringList, unreadableTime, type DraftContext, type DraftOptions } from './context';
import { gap, type DraftDocument, type DraftValue } from './document';
import type { Localized } from '../../shared/types';
import { CONFIDENTIAL, EXFILTRATED } from './gdpr';
import { columns, formSection, L, textItem, type DraftForm, type FormItem, type FormSection } from './form';

type Stage = Exclude<DeadlineKind, 'gdpr-art33'>;

const STAGE_KEYS: Record<Stage, string> = {
  'nis2-early-warning': 'early_warning_at',
  'nis2-notification': 'notification_at',
  'nis2-progress-report': 'progress_report_at',
  'nis2-final-report': 'final_report_at',
};

/**
 * No report is required under § 32 BSIG (not covered, not significant, `applies: no`): what was not
 * sent is no missed or pending duty, and a draft must not read as one (a voluntary report may still go).
 */
function noReportRequired(ctx: DraftContext): boolean {
  return nis2Scope(ctx.data).state === 'not-due';
}

const NOT_SENT_NOT_REQUIRED = L('not sent: not required (see 1.6)', 'nicht abgegeben: nicht erforderlich (siehe 1.6)');

/**
 * An earlier stage's time of sending (`nis2.early_warning_at`, `nis2.notification_at`): the time,
 * else a gap; when no report is required, one not recorded was not required either.
 */
function earlierStageSent(ctx: DraftContext, key: 'early_warning_at' | 'notification_at', missing: { en: string; de: string }): DraftValue {
  const time = ctx.time(ctx.nis2[key]);
  if (time) return time;
  if (noReportRequired(ctx) && unreadableTime(ctx, ctx.nis2[key]) === null) return ctx.t(NOT_SENT_NOT_REQUIRED);
  return gap(ctx.t(missing));
}

function yesNo(ctx: DraftContext, key: 'suspected_malicious' | 'cross_border', missing: { en: string; de: string }): DraftValue {
  const value = ctx.nis2[key];
  if (value === 'yes' || value === 'no') return ctx.words(`/nis2/${key}`, value)!;
  return gap(ctx.t(missing));
}

const MALICIOUS = L('whether an unlawful or malicious act is suspected (nis2.suspected_malicious)', 'ob ein rechtswidriges oder böswilliges Handeln vermutet wird (nis2.suspected_malicious)');
const CROSS_BORDER = L('whether the incident can have a cross-border impact (nis2.cross_border)', 'ob grenzüberschreitende Auswirkungen möglich sind (nis2.cross_border)');

/** Whether the entity is covered, from `entity` or the `applies` shorthand; answered questions are never gaps. */
function entityValue(ctx: DraftContext): DraftValue {
  const scope = nis2Scope(ctx.data);
  if (ctx.nis2.entity !== undefined && ctx.nis2.entity !== 'unknown') return ctx.words('/nis2/entity', ctx.nis2.entity)!;
  if (scope.shorthand && ctx.nis2.applies === 'yes') return ctx.t(L('covered by NIS2 (nis2.applies: yes; essential or important not stated)', 'von NIS2 erfasst (nis2.applies: yes; besonders wichtig oder wichtig nicht angegeben)'));
  if (scope.shorthand && ctx.nis2.applies === 'no') return ctx.t(L('NIS2 does not apply (nis2.applies: no)', 'NIS2 gilt nicht (nis2.applies: no)'));
  return gap(ctx.t(L('whether the entity is essential or important under NIS2 (nis2.entity)', 'ob die Einrichtung nach NIS2 besonders wichtig oder wichtig ist (nis2.entity)')));
}

function significantValue(ctx: DraftContext): DraftValue {
  if (ctx.nis2.significant === 'yes' || ctx.nis2.significant === 'no') return ctx.words('/nis2/significant', ctx.nis2.significant)!;
  // Whether an incident is significant is asked of covered entities only: for another, no open question.
  if (ctx.nis2.entity === 'not_covered') return ctx.t(L('not applicable: the entity is not covered by NIS2 (1.2)', 'entfällt: Die Einrichtung ist nicht von NIS2 erfasst (1.2)'));
  if (ctx.nis2.entity === undefined && ctx.nis2.significant === undefined && ctx.nis2.applies === 'yes') return ctx.t(L('significant (nis2.applies: yes)', 'erheblich (nis2.applies: yes)'));
  if (ctx.nis2.entity === undefined && ctx.nis2.significant === undefined && ctx.nis2.applies === 'no') return ctx.t(L('NIS2 does not apply (nis2.applies: no)', 'NIS2 gilt nicht (nis2.applies: no)'));
  return gap(ctx.t(L('whether the incident is significant (nis2.significant); a suspicion is enough to report', 'ob der Vorfall erheblich ist (nis2.significant); ein Verdacht genügt für die Meldung')));
}

/** The head every stage shares: entity, scope, contact, clock, reference. */
function headSection(stage: Stage): FormSection {
  const key = STAGE_KEYS[stage];
  return {
    heading: L('1. Entity and reporting', '1. Einrichtung und Meldung'),
    items: [
      {
        number: '1.1',
        label: L('Entity', 'Einrichtung'),
        fields: ['organization'],
        source: L('§ 32(1) BSIG', '§ 32 Abs. 1 BSIG'),
        value: (ctx) => ctx.textOr(ctx.data.organization, L('name of the entity', 'Name der Einrichtung')),
      },
      {
        number: '1.2',
        label: L('Essential or important entity', 'Besonders wichtige oder wichtige Einrichtung'),
        fields: ['nis2.entity', 'nis2.applies'],
        source: L('§ 28 BSIG; NIS2 Art. 3', '§ 28 BSIG; Art. 3 NIS2'),
        value: entityValue,
      },
      {
        number: '1.3',
        label: L('Significant incident', 'Erheblicher Sicherheitsvorfall'),
        fields: ['nis2.significant', 'nis2.applies'],
        source: L('§ 2 no. 11 BSIG; NIS2 Art. 23(3)', '§ 2 Nr. 11 BSIG; Art. 23 Abs. 3 NIS2'),
        value: significantValue,
      },
      {
        number: '1.4',
        label: L('Contact person for the reporting office', 'Ansprechperson für die Meldestelle'),
        fields: ['contacts[role=authority_contact]'],
        source: L('§ 32 BSIG (BSI reporting form: contact)', '§ 32 BSIG (Meldeformular des BSI: Ansprechperson)'),
        value: (ctx) =>
          authorityContactLine(ctx) ??
          gap(ctx.t(L('name, function and reachability of the person the authorities deal with (an authority_contact contact)', 'Name, Funktion und Erreichbarkeit der Ansprechperson für die Behörden (Kontakt authority_contact)'))),
      },
      {
        number: '1.5',
        label: L('Became aware of the significant incident', 'Kenntnis vom erheblichen Sicherheitsvorfall'),
        fields: ['nis2.aware_at', 'timestamps.detected_at'],
        source: L('NIS2 Art. 23(4); § 32(1) BSIG', 'Art. 23 Abs. 4 NIS2; § 32 Abs. 1 BSIG'),
        value: (ctx) => {
          const aware = ctx.nis2Aware;
          const unreadable = aware?.pointer === '/nis2/aware_at' ? null : unreadableTime(ctx, ctx.nis2.aware_at);
          if (unreadable !== null) {
            const detected = aware ? ctx.t(L('; until it is corrected, the deadlines run from the detection, {time}', '; bis zur Korrektur laufen die Fristen ab der Entdeckung, {time}'), { time: ctx.time(aware.value)! }) : '';
            return gap(ctx.t(L('when the entity became aware of the significant incident: nis2.aware_at "{value}" is not a date and time with its offset{detected}', 'wann die Einrichtung Kenntnis vom erheblichen Sicherheitsvorfall erlangt hat: nis2.aware_at „{value}“ ist kein Zeitpunkt mit Offset{detected}'), { value: unreadable, detected }));
          }
          if (!aware) return gap(ctx.t(L('when the entity became aware of the significant incident (nis2.aware_at)', 'wann die Einrichtung Kenntnis vom erheblichen Sicherheitsvorfall erlangt hat (nis2.aware_at)')));
          const time = ctx.time(aware.value)!;
          return aware.pointer === '/nis2/aware_at' ? time : ctx.t(L('{time} (time of detection; nis2.aware_at not recorded)', '{time} (Zeitpunkt der Entdeckung; nis2.aware_at nicht erfasst)'), { time });
        },
      },
      {
        number: '1.6',
        label: L('Due', 'Fällig'),
        fields: ['nis2.aware_at', 'nis2.notification_at', 'nis2.handled_at', 'timestamps.resolved_at'],
        source: L('§ 32(1), (2) BSIG; NIS2 Art. 23(4)', '§ 32 Abs. 1, 2 BSIG; Art. 23 Abs. 4 NIS2'),
        value: (ctx) => dueValue(ctx, stage),
      },
      {
        number: '1.7',
        label: L('Sent', 'Abgegeben'),
        fields: [`nis2.${key}`],
        source: L('§ 32 BSIG', '§ 32 BSIG'),
        value: (ctx) => sentValue(ctx, stage),
      },
      {
        number: '1.8',
        label: L('Reference of the reporting office', 'Aktenzeichen der Meldestelle'),
        fields: ['nis2.reference'],
        source: L('§ 32 BSIG (given by the reporting office)', '§ 32 BSIG (vergibt die Meldestelle)'),
        value: (ctx) =>
          ctx.text(ctx.nis2.reference) ??
          (noReportRequired(ctx)
            ? ctx.t(L('none (no report required; the reporting office gives one to a report it receives)', 'keines (keine Meldepflicht; die Meldestelle vergibt es zu einer eingegangenen Meldung)'))
            : stage === 'nis2-early-warning'
              ? ctx.t(L('not given yet (the reporting office gives it)', 'noch nicht vergeben (vergibt die Meldestelle)'))
              : gap(ctx.t(L('the reference the reporting office gave (nis2.reference)', 'das Aktenzeichen der Meldestelle (nis2.reference)')))),
      },
      ...(HOURS[stage] !== undefined ? [delayItem(stage, HOURS[stage])] : []),
    ],
  };
}

/**
 * The stages counted in hours from awareness. A late one is said to be late, and by how much, and
 * asks for the reason. The monthly reports are not judged late here: § 193 BGB may move their end
 * to the next working day, and whether it does is unsettled.
 */
const HOURS: Partial<Record<Stage, number>> = { 'nis2-early-warning': 24, 'nis2-notification': 72 };

/** The stage's deadline, if one runs. */
function deadlineOf(ctx: DraftContext, stage: Stage) {
  return ctx.deadlines.find((d) => d.kind === stage);
}

/** How late an hours stage is: sent after its deadline, or still unsent past it; `null` when in time or without a deadline. */
function lateness(ctx: DraftContext, stage: Stage): { sent: boolean; ms: number } | null {
  if (HOURS[stage] === undefined) return null;
  const deadline = deadlineOf(ctx, stage);
  if (!deadline) return null;
  const at = deadline.doneAt ?? ctx.now;
  return at > deadline.dueAt ? { sent: deadline.doneAt !== null, ms: at - deadline.dueAt } : null;
}

/** When the stage was sent: the time, said to be late and by how much; a written but unreadable value is a gap naming it. */
function sentValue(ctx: DraftContext, stage: Stage): DraftValue {
  const key = STAGE_KEYS[stage];
  const unreadable = unreadableTime(ctx, ctx.nis2[key]);
  if (unreadable !== null) {
    return gap(ctx.t(L('when it was sent: nis2.{key} "{value}" is not a date and time with its offset', 'wann sie abging: nis2.{key} „{value}“ ist kein Zeitpunkt mit Offset'), { key, value: unreadable }));
  }
  const time = ctx.time(ctx.nis2[key]);
  if (!time) return ctx.t(noReportRequired(ctx) ? NOT_SENT_NOT_REQUIRED : L('not yet', 'noch nicht'));
  const late = lateness(ctx, stage);
  return late?.sent ? ctx.t(L('{time}, late: {span} after the deadline (see 1.6)', '{time}, verspätet: {span} nach Fristablauf (siehe 1.6)'), { time, span: formatSpan(late.ms, ctx.locale) }) : time;
}

/** Why an hours stage came late (the reason the reporting office will ask for), as the Art. 33 draft asks for it. */
function delayItem(stage: Stage, hours: number): FormItem {
  return {
    number: '1.9',
    label: L('Reasons for a delay', 'Gründe für eine Verzögerung'),
    fields: ['nis2.delay_reason'],
    source: L(`§ 32(1) BSIG; NIS2 Art. 23(4): within ${hours} hours`, `§ 32 Abs. 1 BSIG; Art. 23 Abs. 4 NIS2: binnen ${hours} Stunden`),
    value: (ctx) => {
      const reason = ctx.text(ctx.nis2.delay_reason);
      const unreadable = unreadableTime(ctx, ctx.nis2[STAGE_KEYS[stage]]);
      const deadline = deadlineOf(ctx, stage);
      if (!deadline) return reason ?? ctx.t(L('not applicable (no deadline runs, see 1.6)', 'entfällt (keine Frist läuft, siehe 1.6)'));
      if (unreadable !== null && ctx.now > deadline.dueAt) {
        return reason ?? gap(ctx.t(L('why it came later than {hours} hours, if it did (nis2.delay_reason): see 1.7', 'warum sie später als nach {hours} Stunden erfolgte, falls ja (nis2.delay_reason): siehe 1.7'), { hours }));
      }
      const late = unreadable === null ? lateness(ctx, stage) : null;
      if (late) return reason ?? gap(ctx.t(L('why it comes later than {hours} hours (nis2.delay_reason)', 'warum sie später als nach {hours} Stunden erfolgt (nis2.delay_reason)'), { hours }));
      return reason ?? ctx.t(L('not required (within {hours} hours)', 'nicht erforderlich (binnen {hours} Stunden)'), { hours });
    },
  };
}

function dueValue(ctx: DraftContext, stage: Stage): DraftValue {
  // Not due, with the answer that says so: a covered entity's incident that is not significant is no case of "NIS2 does not apply".
  const why = whyNotDue(ctx);
  if (why) return ctx.t(L('no report due: {why}', 'keine Meldung fällig: {why}'), { why: ctx.t(why) });
  const scope = nis2Scope(ctx.data);
  const deadline = ctx.deadlines.find((d) => d.kind === stage);
  if (deadline) {
    const due = ctx.due(deadline);
    const next = deadline.period?.nextWorkingDay ? ctx.t(L('; that day is no working day, so the period may run to {day} (§ 193 BGB, unsettled)', '; der Tag ist kein Werktag, daher läuft die Frist womöglich bis {day} (§ 193 BGB, ungeklärt)'), { day: formatEndOfDay(deadline.period.nextWorkingDay, ctx.locale) }) : '';
    // Sent at a time that cannot be read: neither "overdue" nor "in time" (1.7 names the value).
    if (deadline.doneAt === null && unreadableTime(ctx, ctx.nis2[STAGE_KEYS[stage]]) !== null) return `${due} (${ctx.t(L('whether it was met: see 1.7', 'ob sie eingehalten wurde: siehe 1.7'))})${next}`;
    return deadline.doneAt === null ? `${due} (${formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale)})${next}` : `${due}${next}`;
  }
  if (scope.state !== 'due' && scope.state !== 'suspected') return gap(ctx.t(L('whether NIS2 applies (nis2.entity, nis2.significant)', 'ob NIS2 gilt (nis2.entity, nis2.significant)')));
  if (stage === 'nis2-progress-report') {
    return ctx.deadlines.some((d) => d.kind === 'nis2-final-report' && d.fromPointer === '/nis2/notification_at')
      ? ctx.t(L('not required: the incident was handled within the month after the notification', 'nicht erforderlich: Der Vorfall war binnen des Monats nach der Meldung bearbeitet'))
      : gap(ctx.t(L('one month after the notification (nis2.notification_at not recorded)', 'einen Monat nach der Meldung (nis2.notification_at nicht erfasst)')));
  }
  if (stage === 'nis2-final-report') {
    if (instantIn(ctx.nis2.notification_at, ctx.zone) === null) return gap(ctx.t(L('one month after the notification (nis2.notification_at not recorded)', 'einen Monat nach der Meldung (nis2.notification_at nicht erfasst)')));
    return ctx.t(L('one month after the handling is completed (nis2.handled_at, else timestamps.resolved_at): the incident is still being handled, so a progress report is due first', 'einen Monat nach Abschluss der Bearbeitung (nis2.handled_at, sonst timestamps.resolved_at): Der Vorfall wird noch bearbeitet, daher ist zuerst eine Fortschrittsmeldung fällig'));
  }
  return gap(ctx.t(L('when the entity became aware of the incident', 'wann die Einrichtung Kenntnis vom Vorfall erlangt hat')));
}

// Items of the stages' own sections.

const DESCRIPTION: FormItem = {
  number: '',
  label: L('Description of the incident', 'Beschreibung des Vorfalls'),
  fields: ['title', 'incident_type'],
  source: L('NIS2 Art. 23(4)', 'Art. 23 Abs. 4 NIS2'),
  value: (ctx) => {
    const parts = [ctx.text(ctx.data.title), ctx.words('/incident_type', ctx.data.incident_type === 'unknown' ? undefined : ctx.data.incident_type)].filter((p): p is string => p !== null);
    return parts.length > 0 ? parts : gap(ctx.t(L('short description of the incident', 'Kurzbeschreibung des Vorfalls')));
  },
};

const MALICIOUS_ITEM: FormItem = {
  number: '',
  label: L('Suspected unlawful or malicious cause', 'Verdacht auf rechtswidrige oder böswillige Ursache'),
  fields: ['nis2.suspected_malicious'],
  source: L('NIS2 Art. 23(4)(a); § 32(1) no. 1 BSIG', 'Art. 23 Abs. 4 lit. a NIS2; § 32 Abs. 1 Nr. 1 BSIG'),
  value: (ctx) => yesNo(ctx, 'suspected_malicious', MALICIOUS),
};

const CROSS_BORDER_ITEM: FormItem = {
  number: '',
  label: L('Possible cross-border impact', 'Mögliche grenzüberschreitende Auswirkungen'),
  fields: ['nis2.cross_border'],
  source: L('NIS2 Art. 23(4)(a), (d); § 32(1) BSIG', 'Art. 23 Abs. 4 lit. a, d NIS2; § 32 Abs. 1 BSIG'),
  value: (ctx) => yesNo(ctx, 'cross_border', CROSS_BORDER),
};

/** Services with how long each has been or was out (from `started_at` to `restored_at`, or until now). */
function servicesValue(ctx: DraftContext): DraftValue | DraftValue[] {
  const started = instantIn((ctx.data.timestamps as Record<string, unknown> | undefined)?.started_at, ctx.zone);
  const items = recordItems(ctx.data.affected_services)
    .map((s) => {
      const name = ctx.text(s.name);
      if (!name) return null;
      const state = ctx.words('/affected_services/0/status', s.status);
      const restored = instantIn(s.restored_at, ctx.zone);
      let outage = '';
      if (started !== null && restored !== null && restored >= started) {
        outage = ctx.t(L('out for {span}, restored {time}', 'ausgefallen {span}, wiederhergestellt {time}'), { span: formatSpan(restored - started, ctx.locale), time: ctx.time(s.restored_at)! });
      } else if (started !== null && s.status !== 'operational' && ctx.now >= started) {
        outage = ctx.t(L('affected for {span} so far', 'seit {span} beeinträchtigt'), { span: formatSpanSince(ctx.now - started, ctx.locale) });
      }
      const details = [state, outage].filter(Boolean).join(', ');
      return details ? `${name}: ${details}` : name;
    })
    .filter((s): s is string => s !== null);
  return items.length > 0 ? items : gap(ctx.t(L('the services affected and how long they were out', 'die betroffenen Dienste und die Dauer ihres Ausfalls')));
}

/**
 * The report's own severity in words that cannot be read as the legal finding: the schema calls
 * `major` "erheblich", which next to item 1.3 ("Erheblicher Sicherheitsvorfall": nein) reads as a
 * contradiction, so the draft names the value and its own words and points to 1.3.
 */
const SEVERITY_WORDS: Record<string, { en: string; de: string }> = {
  critical: L('critical impact', 'kritisch'),
  major: L('serious impact', 'schwerwiegend'),
  minor: L('minor impact', 'gering'),
  none: L('no impact', 'keine Auswirkungen'),
};

function severityValue(ctx: DraftContext): DraftValue {
  const severity = ctx.data.severity;
  if (typeof severity !== 'string' || severity === '') return gap(ctx.t(L('severity of the incident', 'Schweregrad des Vorfalls')));
  const words = SEVERITY_WORDS[severity] ? ctx.t(SEVERITY_WORDS[severity]) : ctx.words('/severity', severity)!;
  return ctx.t(L('{value} – {words} (the report\'s own scale; whether the incident is significant: 1.3)', '{value} – {words} (Einstufung des Berichts; ob der Vorfall erheblich ist: 1.3)'), { value: severity, words });
}

/** Severity and impact from the facts: severity, services with outage durations, organisations, exfiltration, people. */
function impactItems(prefix: string): FormItem[] {
  return [
    {
      number: `${prefix}.1`,
      label: L('Severity (internal scale)', 'Schweregrad (interne Einstufung)'),
      fields: ['severity'],
      source: L('NIS2 Art. 23(4)(b), (d)', 'Art. 23 Abs. 4 lit. b, d NIS2'),
      value: severityValue,
    },
    {
      number: `${prefix}.2`,
      label: L('Services affected and outage', 'Betroffene Dienste und Ausfalldauer'),
      fields: ['affected_services[].name', 'affected_services[].status', 'affected_services[].restored_at', 'timestamps.started_at'],
      source: L('NIS2 Art. 23(4)(b), (d)', 'Art. 23 Abs. 4 lit. b, d NIS2'),
      value: servicesValue,
    },
    {
      number: `${prefix}.3`,
      label: L('Organisations affected', 'Betroffene Organisationen'),
      fields: ['affected_organizations[]'],
      source: L('NIS2 Art. 23(3)(b), (4)(b)', 'Art. 23 Abs. 3 lit. b, Abs. 4 lit. b NIS2'),
      value: (ctx) => listOrNone(ctx, stringList(ctx, ctx.data.affected_organizations), L('none recorded besides the entity', 'außer der Einrichtung keine erfasst')),
    },
    {
      number: `${prefix}.4`,
      label: L('Data exfiltration', 'Datenabfluss'),
      fields: ['data_loss.exfiltration'],
      source: L('NIS2 Art. 23(4)(b); Reg. (EU) 2024/2690 Art. 3', 'Art. 23 Abs. 4 lit. b NIS2; VO (EU) 2024/2690 Art. 3'),
      value: (ctx) => ctx.words('/data_loss/exfiltration', ctx.loss.exfiltration) ?? gap(ctx.t(EXFILTRATED)),
    },
    {
      number: `${prefix}.5`,
      label: L('People affected (approximate)', 'Betroffene Personen (ungefähr)'),
      fields: ['data_loss.subjects_approx'],
      source: L('NIS2 Art. 23(4)(b)', 'Art. 23 Abs. 4 lit. b NIS2'),
      value: (ctx) => ctx.approxCount('/data_loss/subjects_approx', L('approximately how many people are affected', 'wie viele Personen ungefähr betroffen sind')),
    },
    {
      number: `${prefix}.6`,
      label: L('State of the handling', 'Stand der Bearbeitung'),
      fields: ['status', 'expected_restoration'],
      source: L('NIS2 Art. 23(4)(b), (e)', 'Art. 23 Abs. 4 lit. b, e NIS2'),
      value: (ctx) => {
        const status = ctx.words('/status', ctx.data.status);
        const expected = ctx.data.expected_restoration === 'unknown' ? ctx.t(L('restoration not yet foreseeable', 'Wiederherstellung noch nicht absehbar')) : ctx.time(ctx.data.expected_restoration) && ctx.t(L('expected restoration {time}', 'voraussichtliche Wiederherstellung {time}'), { time: ctx.time(ctx.data.expected_restoration)! });
        const parts = [status, expected].filter((p): p is string => typeof p === 'string' && p !== '');
        return parts.length > 0 ? parts : gap(ctx.t(L('state of the handling', 'Stand der Bearbeitung')));
      },
    },
  ];
}

const MITIGATION_ITEM = textItem(
  '',
  L('Mitigation applied and ongoing', 'Getroffene und laufende Abhilfemaßnahmen'),
  'nis2.mitigation',
  L('NIS2 Art. 23(4)(d)(iii); § 32(1) no. 4 BSIG', 'Art. 23 Abs. 4 lit. d Ziff. iii NIS2; § 32 Abs. 1 Nr. 4 BSIG'),
  L('mitigation applied and ongoing (nis2.mitigation)', 'getroffene und laufende Abhilfemaßnahmen (nis2.mitigation)'),
);

const ROOT_CAUSE_ITEM = textItem(
  '',
  L('Type of threat or root cause', 'Art der Bedrohung oder Grundursache'),
  'nis2.root_cause',
  L('NIS2 Art. 23(4)(d)(ii); § 32(1) no. 4 BSIG', 'Art. 23 Abs. 4 lit. d Ziff. ii NIS2; § 32 Abs. 1 Nr. 4 BSIG'),
  L('type of threat or root cause that probably triggered the incident (nis2.root_cause)', 'Art der Bedrohung oder Grundursache, die den Vorfall wahrscheinlich ausgelöst hat (nis2.root_cause)'),
);

function numbered(prefix: string, items: FormItem[]): FormItem[] {
  return items.map((item, i) => ({ ...item, number: `${prefix}.${i + 1}` }));
}

const FORMS: Record<Stage, { title: { en: string; de: string }; basis: { en: string; de: string }; sections: FormSection[] }> = {
  'nis2-early-warning': {
    title: L('Early warning of a significant security incident (NIS2 Art. 23(4)(a), § 32(1) no. 1 BSIG)', 'Frühe Erstmeldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. a NIS2, § 32 Abs. 1 Nr. 1 BSIG)'),
    basis: L('Within 24 hours of becoming aware: whether an unlawful or malicious act is suspected and whether a cross-border impact is possible.', 'Binnen 24 Stunden nach Kenntnis: ob ein rechtswidriges oder böswilliges Handeln vermutet wird und ob grenzüberschreitende Auswirkungen möglich sind.'),
    sections: [headSection('nis2-early-warning'), { heading: L('2. Early warning', '2. Frühe Erstmeldung'), items: numbered('2', [DESCRIPTION, MALICIOUS_ITEM, CROSS_BORDER_ITEM]) }],
  },
  'nis2-notification': {
    title: L('Incident notification (NIS2 Art. 23(4)(b), § 32(1) no. 2 BSIG)', 'Meldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. b NIS2, § 32 Abs. 1 Nr. 2 BSIG)'),
    basis: L('Within 72 hours of becoming aware: an update of the early warning, a first assessment of severity and impact, and indicators of compromise where available.', 'Binnen 72 Stunden nach Kenntnis: eine Aktualisierung der frühen Erstmeldung, eine erste Bewertung von Schweregrad und Auswirkungen und, soweit vorhanden, Kompromittierungsindikatoren.'),
    sections: [
      headSection('nis2-notification'),
      {
        heading: L('2. Update of the early warning', '2. Aktualisierung der frühen Erstmeldung'),
        items: numbered('2', [
          {
            number: '',
            label: L('Early warning sent', 'Frühe Erstmeldung abgegeben'),
            fields: ['nis2.early_warning_at'],
            source: L('NIS2 Art. 23(4)(b)', 'Art. 23 Abs. 4 lit. b NIS2'),
            value: (ctx) => earlierStageSent(ctx, 'early_warning_at', L('when the early warning was sent (nis2.early_warning_at)', 'wann die frühe Erstmeldung abging (nis2.early_warning_at)')),
          },
          DESCRIPTION,
          MALICIOUS_ITEM,
          CROSS_BORDER_ITEM,
        ]),
      },
      { heading: L('3. First assessment of severity and impact', '3. Erste Bewertung von Schweregrad und Auswirkungen'), items: impactItems('3') },
      {
        heading: L('4. Indicators of compromise and mitigation', '4. Kompromittierungsindikatoren und Abhilfe'),
        items: numbered('4', [
          {
            number: '',
            label: L('Indicators of compromise', 'Kompromittierungsindikatoren (IoCs)'),
            fields: ['iocs[]'],
            source: L('NIS2 Art. 23(4)(b)', 'Art. 23 Abs. 4 lit. b NIS2'),
            value: (ctx) => listOrNone(ctx, stringList(ctx, ctx.data.iocs), L('none recorded yet', 'noch keine erfasst')),
          },
          MITIGATION_ITEM,
        ]),
      },
    ],
  },
  'nis2-progress-report': {
    title: L('Progress report (NIS2 Art. 23(4)(e), § 32(2) BSIG)', 'Fortschrittsmeldung (Art. 23 Abs. 4 lit. e NIS2, § 32 Abs. 2 BSIG)'),
    basis: L('One month after the notification, instead of the final report while the incident is still being handled. (An interim report on request, Zwischenmeldung, § 32(1) no. 3 BSIG, has no fixed date.)', 'Einen Monat nach der Meldung statt der Abschlussmeldung, solange der Vorfall noch bearbeitet wird. (Eine Zwischenmeldung auf Ersuchen, § 32 Abs. 1 Nr. 3 BSIG, hat keinen festen Termin.)'),
    sections: [
      headSection('nis2-progress-report'),
      {
        heading: L('2. Progress', '2. Fortschritt'),
        items: numbered('2', [
          {
            number: '',
            label: L('Notification sent', 'Meldung abgegeben'),
            fields: ['nis2.notification_at'],
            source: L('§ 32(1) no. 2 BSIG', '§ 32 Abs. 1 Nr. 2 BSIG'),
            value: (ctx) => earlierStageSent(ctx, 'notification_at', L('when the notification was sent (nis2.notification_at)', 'wann die Meldung abging (nis2.notification_at)')),
          },
          {
            number: '',
            label: L('Handling completed', 'Abschluss der Bearbeitung'),
            fields: ['nis2.handled_at', 'timestamps.resolved_at'],
            source: L('§ 32(2) BSIG', '§ 32 Abs. 2 BSIG'),
            value: (ctx) => {
              const handled = nis2Handled(ctx.data, ctx.zone);
              return handled ? ctx.time(handled.value)! : ctx.t(L('not yet: the incident is still being handled', 'noch nicht: Der Vorfall wird noch bearbeitet'));
            },
          },
          ROOT_CAUSE_ITEM,
          MITIGATION_ITEM,
        ]),
      },
      { heading: L('3. Severity and impact as they now stand', '3. Schweregrad und Auswirkungen nach aktuellem Stand'), items: impactItems('3') },
    ],
  },
  'nis2-final-report': {
    title: L('Final report (NIS2 Art. 23(4)(d), § 32(1) no. 4 BSIG)', 'Abschlussmeldung (Art. 23 Abs. 4 lit. d NIS2, § 32 Abs. 1 Nr. 4 BSIG)'),
    basis: L('One month after the notification; when the incident was still being handled then, one month after the handling is completed (§ 32(2) BSIG).', 'Einen Monat nach der Meldung; wurde der Vorfall dann noch bearbeitet, einen Monat nach Abschluss der Bearbeitung (§ 32 Abs. 2 BSIG).'),
    sections: [
      headSection('nis2-final-report'),
      {
        heading: L('2. Detailed description', '2. Ausführliche Beschreibung'),
        items: numbered('2', [
          DESCRIPTION,
          {
            number: '',
            label: L('Handling completed', 'Abschluss der Bearbeitung'),
            fields: ['nis2.handled_at', 'timestamps.resolved_at'],
            source: L('§ 32(2) BSIG', '§ 32 Abs. 2 BSIG'),
            value: (ctx) => {
              const handled = nis2Handled(ctx.data, ctx.zone);
              return handled ? ctx.time(handled.value)! : gap(ctx.t(L('when the handling was completed (nis2.handled_at): the incident is still being handled', 'wann die Bearbeitung abgeschlossen wurde (nis2.handled_at): Der Vorfall wird noch bearbeitet')));
            },
          },
          ROOT_CAUSE_ITEM,
          MITIGATION_ITEM,
          CROSS_BORDER_ITEM,
        ]),
      },
      { heading: L('3. Severity and impact', '3. Schweregrad und Auswirkungen'), items: impactItems('3') },
    ],
  },
};

/** The NIS2 forms, for the docs and the tests. */
export const NIS2_FORMS: DraftForm[] = (Object.keys(FORMS) as Stage[]).map((id) => ({ id, title: FORMS[id].title, basis: FORMS[id].basis, sections: FORMS[id].sections }));

const VOLUNTARY = L(' This draft is for a voluntary report only (NIS2 Art. 30).', ' Dieser Entwurf dient nur einer freiwilligen Meldung (Art. 30 NIS2).');

/**
 * Why no report is due under § 32 BSIG (not covered, not significant, `applies: no`), or `null`
 * while a report is due or may be (the clock in 1.6 says when).
 */
function whyNotDue(ctx: DraftContext): Localized | null {
  const scope = nis2Scope(ctx.data);
  if (scope.state !== 'not-due') return null;
  if (scope.covered === 'no') return L('the entity is not covered by NIS2 (nis2.entity: not_covered)', 'Die Einrichtung ist nicht von NIS2 erfasst (nis2.entity: not_covered)');
  if (scope.significant === 'no') return L('the incident is not significant (nis2.significant: no)', 'Der Vorfall ist nicht erheblich (nis2.significant: no)');
  return L('NIS2 does not apply (nis2.applies: no)', 'NIS2 gilt nicht (nis2.applies: no)');
}

/**
 * The line under the title when no report is due: as the Art. 34 draft does, a draft that is not
 * required must not read as due.
 */
function notRequired(ctx: DraftContext): DraftValue | null {
  const why = whyNotDue(ctx);
  return why && ctx.t(L('no: {why}.', 'nein: {why}.'), { why: ctx.t(why) }) + ctx.t(VOLUNTARY);
}

function stageDraft(stage: Stage, report: ParsedReport, options: DraftOptions): DraftDocument {
  const ctx = draftContext(report, options);
  const notDue = notRequired(ctx);
  return {
    locale: ctx.locale,
    title: ctx.t(FORMS[stage].title),
    banner: ctx.t(CONFIDENTIAL),
    columns: columns(ctx),
    meta: [
      { label: ctx.t(L('Report', 'Bericht')), value: ctx.textOr(ctx.data.id, L('report id', 'Berichtskennung')) },
      { label: ctx.t(L('Stage', 'Meldestufe')), value: ctx.t(DEADLINE_LABELS[stage]) },
      ...(notDue !== null ? [{ label: ctx.t(L('Report required (§ 32 BSIG)', 'Meldepflicht (§ 32 BSIG)')), value: notDue }] : []),
    ],
    sections: FORMS[stage].sections.map((section) => formSection(ctx, section)),
  };
}

/** The early warning: within 24 hours, with the suspected cause and a possible cross-border impact. */
export function nis2EarlyWarningDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  return stageDraft('nis2-early-warning', report, options);
}

/** The incident notification: within 72 hours, an update with a first assessment of severity and impact, and IoCs. */
export function nis2NotificationDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  return stageDraft('nis2-notification', report, options);
}

/** The progress report: one month after the notification while the incident is still being handled. */
export function nis2ProgressReportDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  return stageDraft('nis2-progress-report', report, options);
}

/** The final report: one month after the notification, or after the handling is completed. */
export function nis2FinalReportDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  return stageDraft('nis2-final-report', report, options);
}
