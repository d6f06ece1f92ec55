import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { isRecord } from '../fields';
import { fieldName } from '../i18n';
import { DEADLINE_LABELS, displayFrame, formatInstant, formatSpan, formatTimeLeft, reportDeadlines, awareness, type Deadline } from '../deadlines';

const WITHIN: Record<Exclude<Deadline['kind'], 'gdpr-art33'>, { en: string; de: string }> = {
  'nis2-early-warning': { en: 'within 24 hours of becoming aware', de: 'binnen 24 Stunden nach Kenntnisnahme' },
  'nis2-notification': { en: 'within 72 hours of becoming aware', de: 'binnen 72 Stunden nach Kenntnisnahme' },
  'nis2-final-report': { en: 'within one month of the notification', de: 'binnen eines Monats nach der Meldung' },
};

/** The question whether NIS2 applies, for a `major` or `critical` incident. */
const ASK = {
  unknown: {
    en: 'The incident is {severity}: check whether NIS2 applies (§ 32 BSIG; municipal companies and IT providers may be covered) and set nis2.applies to yes or no; the early warning would be due within 24 hours of becoming aware.',
    de: 'Der Vorfall ist {severity}: prüfen, ob NIS2 gilt (§ 32 BSIG; kommunale Unternehmen und IT-Dienstleister können erfasst sein), und nis2.applies auf yes oder no setzen; die frühe Erstmeldung wäre binnen 24 Stunden nach Kenntnisnahme fällig.',
  },
  missing: {
    en: 'The incident is {severity}: check whether NIS2 applies (§ 32 BSIG; municipal companies and IT providers may be covered) and record the answer in a `nis2` block (`applies: yes`, `no` or `unknown`); the early warning would be due within 24 hours of becoming aware.',
    de: 'Der Vorfall ist {severity}: prüfen, ob NIS2 gilt (§ 32 BSIG; kommunale Unternehmen und IT-Dienstleister können erfasst sein), und die Antwort in einem `nis2`-Block festhalten (`applies: yes`, `no` oder `unknown`); die frühe Erstmeldung wäre binnen 24 Stunden nach Kenntnisnahme fällig.',
  },
} as const;

/** The `nis2-reporting` rule; its `docs` are rendered to docs/rules/nis2-reporting.md by `npm run generate`. */
export const nis2ReportingRule: Rule = {
  id: 'nis2-reporting',
  defaultSeverity: 'error',
  description: {
    en: 'Under NIS2 the early warning (24 h), notification (72 h) and final report (one month) reach the BSI in time (§ 32 BSIG).',
    de: 'Unter NIS2 gehen frühe Erstmeldung (24 h), Meldung (72 h) und Abschlussmeldung (ein Monat) rechtzeitig an das BSI (§ 32 BSIG).',
  },
  docs: {
    checks: [
      'NIS2 Art. 23 / § 32 BSIG. With `nis2.applies: yes`, each stage is checked against its deadline, counted from `data_loss.aware_at` (else `timestamps.detected_at`) on instants: the early warning within 24 hours, the notification within 72 hours, the final report one month after the notification.',
      'A stage not yet sent is a warning with the deadline and the time left, an error once it is overdue; a stage sent after its deadline is a warning at its timestamp. With `nis2.applies: unknown`, or without a `nis2` block (the question is not answered yet), an info once the incident is `major` or `critical` asks whether NIS2 applies; without the block it sits on `severity`, and its quick fix adds `nis2` with `applies: yes`, `no` or `unknown`.',
    ],
  },
  check(ctx) {
    const data = ctx.data;
    if (!data) return [];
    const significant = data.severity === 'major' || data.severity === 'critical';
    if (data.nis2 === undefined) {
      // No `nis2` block is a question not yet answered, not a "no": ask where the facts go.
      if (!significant) return [];
      return [
        {
          ruleId: this.id,
          severity: 'info',
          message: ctx.t(ASK.missing, { severity: String(data.severity) }),
          ...ctx.at('/severity'),
          path: '/nis2',
          fix: { kind: 'insert-key', parentPath: '', key: 'nis2', placeholder: '' },
        },
      ];
    }
    if (!isRecord(data.nis2)) return [];
    const findings: RawFinding[] = [];
    if (data.nis2.applies === 'unknown') {
      if (significant) {
        findings.push({
          ruleId: this.id,
          severity: 'info',
          message: ctx.t(ASK.unknown, { severity: String(data.severity) }),
          ...ctx.at('/nis2/applies'),
          path: '/nis2/applies',
        });
      }
      return findings;
    }
    if (data.nis2.applies !== 'yes') return findings;
    const frame = displayFrame(data, awareness(data, ctx.timeZone)?.value);
    for (const deadline of reportDeadlines(data, ctx.timeZone)) {
      if (deadline.kind === 'gdpr-art33') continue;
      const name = ctx.t(DEADLINE_LABELS[deadline.kind]);
      const within = ctx.t(WITHIN[deadline.kind]);
      const due = formatInstant(deadline.dueAt, frame, ctx.locale);
      const key = deadline.pointer.split('/').pop()!;
      if (deadline.doneAt === null) {
        const overdue = ctx.now > deadline.dueAt;
        findings.push({
          ruleId: this.id,
          ...(overdue ? {} : { severity: 'warning' as const }),
          message: ctx.t(
            overdue
              ? {
                  en: '{name} to the BSI was due by {due} ({left}), {within} (§ 32 BSIG); send it now and record `{field}`.',
                  de: '{name} an das BSI war fällig bis {due} ({left}), {within} (§ 32 BSIG); jetzt abgeben und `{field}` eintragen.',
                }
              : {
                  en: '{name} to the BSI due by {due} ({left}), {within} (§ 32 BSIG); record `{field}` once it is sent.',
                  de: '{name} an das BSI fällig bis {due} ({left}), {within} (§ 32 BSIG); `{field}` eintragen, sobald sie abgegeben ist.',
                },
            { name, due, within, left: formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale), field: fieldName(deadline.pointer) },
          ),
          ...ctx.at(deadline.pointer),
          path: deadline.pointer,
          fix: { kind: 'insert-key', parentPath: '/nis2', key, placeholder: '' },
        });
      } else if (deadline.doneAt > deadline.dueAt) {
        findings.push({
          ruleId: this.id,
          severity: 'warning',
          message: ctx.t(
            {
              en: '{field} is late: the {name} was due by {due}, {within} (§ 32 BSIG), and went {late} later.',
              de: '{field} ist verspätet: Die {name} war fällig bis {due}, {within} (§ 32 BSIG), und ging {late} später ab.',
            },
            { field: fieldName(deadline.pointer), name, due, within, late: formatSpan(deadline.doneAt - deadline.dueAt, ctx.locale) },
          ),
          ...ctx.at(deadline.pointer),
          path: deadline.pointer,
        });
      }
    }
    return findings;
  },
};
