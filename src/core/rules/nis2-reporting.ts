import type { FixData, Localized, RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { isRecord } from '../report/fields';
import { fieldName } from '../shared/i18n';
import {
  DEADLINE_LABELS,
  formatDue,
  formatNextWorkingDay,
  formatSpan,
  formatTimeLeft,
  nis2Scope,
  reportDeadlines,
  withinNextWorkingDay,
  type Deadline,
  type Nis2Scope,
} from '../compliance/deadlines';

type Stage = Exclude<Deadline['kind'], 'gdpr-art33'>;

/** What each stage's deadline is counted from, for the messages. */
function within(deadline: Deadline): Localized {
  const from = fieldName(deadline.fromPointer);
  switch (deadline.kind as Stage) {
    case 'nis2-early-warning':
      return { en: `within 24 hours of becoming aware of the significant incident (${from})`, de: `binnen 24 Stunden nach Kenntnis vom erheblichen Sicherheitsvorfall (${from})` };
    case 'nis2-notification':
      return { en: `within 72 hours of becoming aware of the significant incident (${from})`, de: `binnen 72 Stunden nach Kenntnis vom erheblichen Sicherheitsvorfall (${from})` };
    case 'nis2-progress-report':
      return {
        en: 'one month after the notification, instead of the final report while the incident is still being handled',
        de: 'einen Monat nach der Meldung, statt der Abschlussmeldung, solange der Vorfall noch bearbeitet wird',
      };
    case 'nis2-final-report':
      return deadline.fromPointer === '/nis2/notification_at'
        ? { en: 'within one month of the notification', de: 'binnen eines Monats nach der Meldung' }
        : { en: `within one month of the handling being completed (${from})`, de: `binnen eines Monats nach Abschluss der Bearbeitung (${from})` };
  }
}

/** The answers a quick fix can write into `nis2`, per question. */
const ENTITY_ANSWERS: Array<Record<string, string>> = [
  { entity: 'essential', significant: 'unknown' },
  { entity: 'important', significant: 'unknown' },
  { entity: 'not_covered' },
  { entity: 'unknown' },
];
const SIGNIFICANT_ANSWERS: Array<Record<string, string>> = [{ significant: 'yes' }, { significant: 'no' }];
/** `applies: yes` said both at once: which kind of entity is the one open choice. */
const APPLIES_YES_ANSWERS: Array<Record<string, string>> = [
  { entity: 'essential', significant: 'yes' },
  { entity: 'important', significant: 'yes' },
];
/** `applies: no` is either answer being no. */
const APPLIES_NO_ANSWERS: Array<Record<string, string>> = [
  { entity: 'not_covered' },
  { entity: 'essential', significant: 'no' },
  { entity: 'important', significant: 'no' },
];

const QUESTION = {
  en: 'check whether the organisation is an essential or important entity under NIS2 (§ 28 BSIG; municipal companies and IT providers may be, municipalities as such are not) and whether the incident is significant, and record both in `nis2.entity` and `nis2.significant`; the early warning would be due within 24 hours of becoming aware.',
  de: 'prüfen, ob die Organisation eine besonders wichtige oder wichtige Einrichtung nach NIS2 ist (§ 28 BSIG; kommunale Unternehmen und IT-Dienstleister können es sein, Kommunen als solche nicht) und ob der Vorfall erheblich ist, und beides in `nis2.entity` und `nis2.significant` festhalten; die frühe Erstmeldung wäre binnen 24 Stunden nach Kenntnisnahme fällig.',
};

/** The `nis2-reporting` rule; its `docs` are rendered to docs/rules/nis2-reporting.md by `npm run generate`. */
export const nis2ReportingRule: Rule = {
  id: 'nis2-reporting',
  defaultSeverity: 'error',
  description: {
    en: 'Under NIS2 the early warning (24 h), notification (72 h), progress and final report (one month) reach the BSI in time (§ 32 BSIG).',
    de: 'Unter NIS2 gehen frühe Erstmeldung (24 h), Meldung (72 h), Fortschritts- und Abschlussmeldung (ein Monat) rechtzeitig an das BSI (§ 32 BSIG).',
  },
  docs: {
    checks: [
      'NIS2 Art. 23 / § 32 BSIG. The stages are due when the organisation is a covered entity (`nis2.entity: essential` or `important`) and the incident is significant (`nis2.significant: yes`); `nis2.applies: yes` is the shorthand for both. Each stage is checked against its deadline, counted on instants from `nis2.aware_at`, the moment the entity became aware of the significant incident, else from `timestamps.detected_at`, never from `data_loss.aware_at`: the early warning within 24 hours, the notification within 72 hours.',
      'One month after the notification the final report is due, if the incident was handled by then (`nis2.handled_at`, else `timestamps.resolved_at`); while it is still being handled, a progress report (Fortschrittsmeldung) is due then instead (`nis2.progress_report_at`), and the final report one month after the handling is completed. A month ends at 24:00 of the day with the same date one month later in the report\'s zone, or of that month\'s last day (§§ 187, 188 BGB). When that day is a Saturday, Sunday or nationwide public holiday, a report sent on the next working day is a warning, not an error (§ 193 BGB may extend the period; whether it applies is unsettled, so the earlier date is shown as the safe one).',
      'A stage not yet sent is a warning with the deadline and the time left, an error once it is overdue; a stage sent after its deadline is a warning at its timestamp, until `nis2.delay_reason` says why (as `data_loss.delay_reason` does for a late GDPR notification; the drafts print it). A covered entity with `significant: unknown` sees the same clock as warnings only (a suspicion is enough to report, and the deadlines are maximums), with an info asking the question.',
      'Questions not answered yet are infos with a quick fix per answer: a `major` or `critical` report without a `nis2` block (on `severity`: the fix adds the block), or whose entity is `unknown`; `applies` used as the shorthand (the fix writes `entity` and `significant` instead); a covered entity whose significance is not known.',
    ],
  },
  check(ctx) {
    const data = ctx.data;
    if (!data) return [];
    const severe = data.severity === 'major' || data.severity === 'critical';
    const scope = nis2Scope(data);
    if (scope.state === 'unanswered') {
      // No `nis2` block is a question not yet answered, not a "no": ask where the facts go.
      if (!severe) return [];
      return [
        info(ctx, this.id, '/severity', '/nis2', { en: `The incident is ${String(data.severity)}: ${QUESTION.en}`, de: `Der Vorfall ist ${String(data.severity)}: ${QUESTION.de}` }, { kind: 'nis2-scope', answers: ENTITY_ANSWERS }),
      ];
    }
    if (!isRecord(data.nis2)) return [];
    const findings = questions(ctx, this.id, data.nis2, scope, severe);
    if (scope.state === 'due' || scope.state === 'suspected') findings.push(...stages(ctx, this.id, data));
    return findings;
  },
};

function info(ctx: RuleContext, ruleId: string, at: string, path: string, message: Localized, fix?: FixData): RawFinding {
  return { ruleId, severity: 'info', message: ctx.t(message), ...ctx.at(at), path, ...(fix ? { fix } : {}) };
}

/** The infos (and the one warning) about the two NIS2 questions. */
function questions(ctx: RuleContext, ruleId: string, nis2: Record<string, unknown>, scope: Nis2Scope, severe: boolean): RawFinding[] {
  const findings: RawFinding[] = [];
  const answered = nis2.entity !== undefined || nis2.significant !== undefined;
  if (nis2.applies !== undefined && !answered) {
    const value = String(nis2.applies);
    const answers = nis2.applies === 'yes' ? APPLIES_YES_ANSWERS : nis2.applies === 'no' ? APPLIES_NO_ANSWERS : ENTITY_ANSWERS;
    const message: Localized =
      nis2.applies === 'yes' || nis2.applies === 'no'
        ? {
            en: `nis2.applies: ${value} answers two questions at once: whether the organisation is an essential or important entity, and whether the incident is significant. Record them one by one in \`nis2.entity\` and \`nis2.significant\`.`,
            de: `nis2.applies: ${value} beantwortet zwei Fragen auf einmal: ob die Organisation eine besonders wichtige oder wichtige Einrichtung ist und ob der Vorfall erheblich ist. Sie einzeln in \`nis2.entity\` und \`nis2.significant\` festhalten.`,
          }
        : severe
          ? { en: `The incident is ${String(ctxSeverity(ctx))}: ${QUESTION.en}`, de: `Der Vorfall ist ${String(ctxSeverity(ctx))}: ${QUESTION.de}` }
          : { en: `Whether NIS2 applies is not known yet: ${QUESTION.en}`, de: `Ob NIS2 gilt, ist noch unklar: ${QUESTION.de}` };
    // Without a question at stake (a minor incident, applies: unknown) the shorthand is no news: stay quiet as before.
    if (nis2.applies === 'unknown' && !severe) return findings;
    findings.push(info(ctx, ruleId, '/nis2/applies', '/nis2/applies', message, { kind: 'nis2-scope', answers }));
    return findings;
  }
  if (nis2.applies !== undefined && answered && (nis2.applies === 'yes') !== (scope.state === 'due' || scope.state === 'suspected') && scope.state !== 'unknown') {
    findings.push({
      ruleId,
      severity: 'warning',
      message: ctx.t({
        en: `nis2.applies: ${String(nis2.applies)} contradicts nis2.entity and nis2.significant, which decide; remove \`applies\`.`,
        de: `nis2.applies: ${String(nis2.applies)} widerspricht nis2.entity und nis2.significant, die entscheiden; \`applies\` entfernen.`,
      }),
      ...ctx.at('/nis2/applies'),
      path: '/nis2/applies',
    });
  }
  if (scope.state === 'unknown' && severe && answered) {
    const at = nis2.entity !== undefined ? '/nis2/entity' : '/nis2';
    findings.push(info(ctx, ruleId, at, '/nis2/entity', { en: `The incident is ${String(ctxSeverity(ctx))}: ${QUESTION.en}`, de: `Der Vorfall ist ${String(ctxSeverity(ctx))}: ${QUESTION.de}` }, { kind: 'nis2-scope', answers: ENTITY_ANSWERS }));
  }
  if (scope.state === 'suspected') {
    const at = nis2.significant !== undefined ? '/nis2/significant' : '/nis2/entity';
    findings.push(
      info(
        ctx,
        ruleId,
        at,
        '/nis2/significant',
        {
          en: 'The entity is covered by NIS2, and whether the incident is significant is not known yet: the reporting clock runs anyway (a suspicion is enough to report, and the deadlines are maximums), shown as warnings. Decide and record `nis2.significant`.',
          de: 'Die Einrichtung ist von NIS2 erfasst, und ob der Vorfall erheblich ist, ist noch unklar: Die Meldefristen laufen trotzdem (ein Verdacht genügt für die Meldung, und die Fristen sind Höchstfristen) und erscheinen als Warnungen. Entscheiden und `nis2.significant` eintragen.',
        },
        { kind: 'nis2-scope', answers: SIGNIFICANT_ANSWERS },
      ),
    );
  }
  return findings;
}

/** True when `nis2.delay_reason` says why a report went late. */
function hasDelayReason(data: Record<string, unknown>): boolean {
  const reason = isRecord(data.nis2) ? data.nis2.delay_reason : undefined;
  return typeof reason === 'string' && reason.trim() !== '';
}

function ctxSeverity(ctx: RuleContext): unknown {
  return ctx.data?.severity;
}

/** Each stage against its deadline. */
function stages(ctx: RuleContext, ruleId: string, data: Record<string, unknown>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const deadline of reportDeadlines(data, ctx.timeZone)) {
    if (deadline.kind === 'gdpr-art33') continue;
    const name = ctx.t(DEADLINE_LABELS[deadline.kind]);
    const values = {
      name,
      due: formatDue(deadline, data, ctx.locale),
      within: ctx.t(within(deadline)),
      left: formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale),
      field: fieldName(deadline.pointer),
      nextDay: formatNextWorkingDay(deadline, ctx.locale) ?? '',
    };
    const key = deadline.pointer.split('/').pop()!;
    const push = (severity: RawFinding['severity'], message: Localized, extra: Record<string, string> = {}, fix?: FixData) =>
      findings.push({ ruleId, ...(severity ? { severity } : {}), message: ctx.t(message, { ...values, ...extra }), ...ctx.at(deadline.pointer), path: deadline.pointer, ...(fix ? { fix } : {}) });
    const insert: FixData = { kind: 'insert-key', parentPath: '/nis2', key, placeholder: '' };
    if (deadline.doneAt === null) {
      if (ctx.now <= deadline.dueAt) {
        push('warning', { en: '{name} to the BSI due by {due} ({left}), {within} (§ 32 BSIG); record `{field}` once it is sent.', de: '{name} an das BSI fällig bis {due} ({left}), {within} (§ 32 BSIG); `{field}` eintragen, sobald sie abgegeben ist.' }, {}, insert);
      } else if (withinNextWorkingDay(deadline, ctx.now)) {
        push(
          'warning',
          {
            en: '{name} to the BSI was due by {due} ({left}), {within} (§ 32 BSIG); that day is no working day, so the period may run to {nextDay} (§ 193 BGB, unsettled for reporting duties): send it now and record `{field}`.',
            de: '{name} an das BSI war fällig bis {due} ({left}), {within} (§ 32 BSIG); der Tag ist kein Werktag, daher läuft die Frist womöglich bis {nextDay} (§ 193 BGB, für Meldepflichten ungeklärt): jetzt abgeben und `{field}` eintragen.',
          },
          {},
          insert,
        );
      } else {
        push(
          deadline.tentative ? 'warning' : undefined,
          deadline.tentative
            ? {
                en: '{name} to the BSI would have been due by {due} ({left}), {within} (§ 32 BSIG), if the incident is significant: decide `nis2.significant`, and if in doubt send it now and record `{field}`.',
                de: '{name} an das BSI wäre fällig gewesen bis {due} ({left}), {within} (§ 32 BSIG), falls der Vorfall erheblich ist: über `nis2.significant` entscheiden und im Zweifel jetzt abgeben und `{field}` eintragen.',
              }
            : { en: '{name} to the BSI was due by {due} ({left}), {within} (§ 32 BSIG); send it now and record `{field}`.', de: '{name} an das BSI war fällig bis {due} ({left}), {within} (§ 32 BSIG); jetzt abgeben und `{field}` eintragen.' },
          {},
          insert,
        );
      }
    } else if (withinNextWorkingDay(deadline, deadline.doneAt)) {
      push('warning', {
        en: '{field} is after the safe date: the {name} was due by {due}, {within} (§ 32 BSIG), and went on the next working day; § 193 BGB may extend the period to {nextDay}, but whether it applies to reporting duties is unsettled.',
        de: '{field} liegt nach dem sicheren Termin: Die {name} war fällig bis {due}, {within} (§ 32 BSIG), und ging am nächsten Werktag ab; § 193 BGB verlängert die Frist womöglich bis {nextDay}, ob er für Meldepflichten gilt, ist aber ungeklärt.',
      });
    } else if (deadline.doneAt > deadline.dueAt && !hasDelayReason(data)) {
      // As for a late GDPR notification: the reason, once recorded, is what the BSI will ask for (the drafts print it).
      push(
        'warning',
        {
          en: '{field} is late: the {name} was due by {due}, {within} (§ 32 BSIG), and went {late} later; record why in `nis2.delay_reason`.',
          de: '{field} ist verspätet: Die {name} war fällig bis {due}, {within} (§ 32 BSIG), und ging {late} später ab; den Grund in `nis2.delay_reason` festhalten.',
        },
        { late: formatSpan(deadline.doneAt - deadline.dueAt, ctx.locale) },
        { kind: 'insert-key', parentPath: '/nis2', key: 'delay_reason', placeholder: '' },
      );
    }
  }
  return findings;
}
