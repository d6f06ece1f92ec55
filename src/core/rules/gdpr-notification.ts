import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { isRecord } from '../fields';
import { fieldName } from '../i18n';
import { awareness, DEADLINE_HOURS, displayFrame, formatInstant, formatTimeLeft, reportDeadlines } from '../deadlines';
import { instantIn } from '../time';

const NOTIFIED = '/data_loss/authority_notified_at';

/** The precautionary-notification info for `personal_data: unknown`, by where the 72 hours stand. */
const PRECAUTIONARY = {
  running: {
    en: 'Whether personal data is affected is not known yet: consider a precautionary notification of the supervisory authority by {due} ({left}); what is still unknown can follow in phases (GDPR Art. 33(4)).',
    de: 'Ob personenbezogene Daten betroffen sind, ist noch unklar: eine vorsorgliche Meldung an die Aufsichtsbehörde bis {due} erwägen ({left}); was noch unbekannt ist, kann schrittweise nachgereicht werden (DSGVO Art. 33 Abs. 4).',
  },
  passed: {
    en: 'Whether personal data is affected is not known yet, and the 72 hours for a notification ended on {due}: a precautionary notification of the supervisory authority is still advisable, with the reasons for the delay; what is still unknown can follow in phases (GDPR Art. 33(1) and (4)).',
    de: 'Ob personenbezogene Daten betroffen sind, ist noch unklar, und die 72 Stunden für eine Meldung endeten am {due}: eine vorsorgliche Meldung an die Aufsichtsbehörde ist weiterhin ratsam, mit den Gründen für die Verzögerung; was noch unbekannt ist, kann schrittweise nachgereicht werden (DSGVO Art. 33 Abs. 1 und 4).',
  },
  undated: {
    en: 'Whether personal data is affected is not known yet: consider a precautionary notification of the supervisory authority, within 72 hours of becoming aware (`data_loss.aware_at`); what is still unknown can follow in phases (GDPR Art. 33(4)).',
    de: 'Ob personenbezogene Daten betroffen sind, ist noch unklar: eine vorsorgliche Meldung an die Aufsichtsbehörde erwägen, binnen 72 Stunden nach Kenntnisnahme (`data_loss.aware_at`); was noch unbekannt ist, kann schrittweise nachgereicht werden (DSGVO Art. 33 Abs. 4).',
  },
} as const;

/** The `gdpr-notification` rule; its `docs` are rendered to docs/rules/gdpr-notification.md by `npm run generate`. */
export const gdprNotificationRule: Rule = {
  id: 'gdpr-notification',
  defaultSeverity: 'error',
  description: {
    en: 'Personal data breaches record the notification of the supervisory authority within 72 hours (GDPR Art. 33).',
    de: 'Bei Verletzungen des Schutzes personenbezogener Daten ist die Meldung an die Aufsichtsbehörde binnen 72 Stunden festgehalten (DSGVO Art. 33).',
  },
  docs: {
    checks: [
      'The GDPR Art. 33 clock. It runs from `data_loss.aware_at` (else `timestamps.detected_at`) for 72 real hours, computed on instants so a DST change inside them counts, and every deadline is stated in the report\'s zone.',
      'When personal data is affected (`data_loss.personal_data: yes`) and `authority_notified_at` is not recorded yet: a warning that names the deadline and the time left, an error once it has passed. A notification later than 72 hours needs a `delay_reason` (Art. 33(1)); without one it is a warning at `authority_notified_at`.',
      'With `personal_data: unknown` and no notification, an info suggests a precautionary (phased) notification: by the deadline while the 72 hours run, and still afterwards (with the reasons for the delay); with `data_loss.risk: none`, an info says that no notification is due (Art. 33(1)), the breach is only documented (Art. 33(5)).',
    ],
  },
  check(ctx) {
    const data = ctx.data;
    const loss = data?.data_loss;
    if (!data || !isRecord(loss)) return [];
    const notified = loss.authority_notified_at;
    const hasNotification = notified !== undefined && notified !== null;
    const from = awareness(data, ctx.timeZone);
    const frame = displayFrame(data, from?.value);
    const findings: RawFinding[] = [];
    const push = (severity: RawFinding['severity'], pointer: string, message: { en: string; de: string }, values: Record<string, string | number>, fix?: RawFinding['fix']) => {
      findings.push({ ruleId: this.id, ...(severity ? { severity } : {}), message: ctx.t(message, values), ...ctx.at(pointer), path: pointer, ...(fix ? { fix } : {}) });
    };

    if (loss.personal_data === 'unknown') {
      // Not knowing is no reason to wait: a phased notification (Art. 33(4)) can start before the
      // facts are in, and after the 72 hours it is still better late than never. Once
      // personal_data is settled as yes, the clock below applies in full.
      if (!hasNotification && loss.risk !== 'none') {
        const dueAt = from ? from.at + DEADLINE_HOURS.gdprArt33 * 3_600_000 : null;
        const due = dueAt === null ? '' : formatInstant(dueAt, frame, ctx.locale);
        if (dueAt === null) {
          push('info', '/data_loss/personal_data', PRECAUTIONARY.undated, {});
        } else if (ctx.now <= dueAt) {
          push('info', '/data_loss/personal_data', PRECAUTIONARY.running, { due, left: formatTimeLeft(dueAt, ctx.now, ctx.locale) });
        } else {
          push('info', '/data_loss/personal_data', PRECAUTIONARY.passed, { due });
        }
      }
      return findings;
    }
    if (loss.personal_data !== 'yes') return findings;

    if (loss.risk === 'none') {
      if (!hasNotification) {
        push(
          'info',
          '/data_loss/risk',
          {
            en: 'data_loss.risk is none: no notification of the supervisory authority is due (GDPR Art. 33(1)); document the breach and why it is unlikely to result in a risk (Art. 33(5)).',
            de: 'data_loss.risk ist none: Eine Meldung an die Aufsichtsbehörde ist nicht nötig (DSGVO Art. 33 Abs. 1); die Verletzung und die Begründung, warum kein Risiko besteht, dokumentieren (Art. 33 Abs. 5).',
          },
          {},
        );
      }
      return findings;
    }

    const deadline = reportDeadlines(data, ctx.timeZone).find((d) => d.kind === 'gdpr-art33');
    if (!hasNotification) {
      const fix = { kind: 'insert-key' as const, parentPath: '/data_loss', key: 'authority_notified_at', placeholder: '' };
      if (!deadline) {
        push(
          undefined,
          NOTIFIED,
          {
            en: '`data_loss.authority_notified_at` is missing: personal data is affected, so the supervisory authority must be notified within 72 hours (GDPR Art. 33); record when.',
            de: '`data_loss.authority_notified_at` fehlt: Personenbezogene Daten sind betroffen, daher ist die Aufsichtsbehörde binnen 72 Stunden zu benachrichtigen (DSGVO Art. 33); den Zeitpunkt eintragen.',
          },
          {},
          fix,
        );
        return findings;
      }
      const values = { due: formatInstant(deadline.dueAt, frame, ctx.locale), left: formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale) };
      if (ctx.now <= deadline.dueAt) {
        push(
          'warning',
          NOTIFIED,
          {
            en: 'Notification of the supervisory authority due by {due} ({left}): personal data is affected (GDPR Art. 33); record `data_loss.authority_notified_at` once it is sent.',
            de: 'Meldung an die Aufsichtsbehörde fällig bis {due} ({left}): Personenbezogene Daten sind betroffen (DSGVO Art. 33); `data_loss.authority_notified_at` eintragen, sobald sie abgegeben ist.',
          },
          values,
          fix,
        );
      } else {
        push(
          undefined,
          NOTIFIED,
          {
            en: 'Notification of the supervisory authority was due by {due} ({left}): personal data is affected (GDPR Art. 33); notify now, then record `data_loss.authority_notified_at` and the `delay_reason`.',
            de: 'Meldung an die Aufsichtsbehörde war fällig bis {due} ({left}): Personenbezogene Daten sind betroffen (DSGVO Art. 33); jetzt melden, dann `data_loss.authority_notified_at` und `delay_reason` eintragen.',
          },
          values,
          fix,
        );
      }
      return findings;
    }

    const notifiedAt = instantIn(notified, ctx.timeZone);
    const hasReason = typeof loss.delay_reason === 'string' && loss.delay_reason.trim() !== '';
    if (!from || notifiedAt === null || hasReason) return findings;
    const hours = (notifiedAt - from.at) / 3_600_000;
    if (hours > DEADLINE_HOURS.gdprArt33) {
      push(
        'warning',
        NOTIFIED,
        {
          en: 'data_loss.authority_notified_at is {hours} hours after {from}: GDPR Art. 33 requires notification within 72 hours; add `delay_reason` explaining the delay.',
          de: 'data_loss.authority_notified_at liegt {hours} Stunden nach {from}: DSGVO Art. 33 verlangt die Meldung binnen 72 Stunden; `delay_reason` mit der Begründung der Verzögerung ergänzen.',
        },
        { hours: Math.floor(hours), from: fieldName(from.pointer) },
        { kind: 'insert-key', parentPath: '/data_loss', key: 'delay_reason', placeholder: '' },
      );
    }
    return findings;
  },
};
