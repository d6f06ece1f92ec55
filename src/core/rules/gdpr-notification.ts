import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { isRecord } from '../fields';
import { instantOf } from '../time';

const DEADLINE_HOURS = 72;

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
      'When personal data is affected (`data_loss.personal_data: yes`), the supervisory authority must be notified (GDPR Art. 33): the report needs `data_loss.authority_notified_at`. A notification more than 72 hours after `detected_at` needs a `delay_reason` (Art. 33(1)); without one it is a warning at `authority_notified_at`.',
    ],
  },
  check(ctx) {
    const dataLoss = ctx.data?.data_loss;
    if (!isRecord(dataLoss) || dataLoss.personal_data !== 'yes') return [];
    const pointer = '/data_loss/authority_notified_at';
    const findings: RawFinding[] = [];
    if (dataLoss.authority_notified_at === undefined || dataLoss.authority_notified_at === null) {
      findings.push({
        ruleId: this.id,
        message: ctx.t({
          en: '`data_loss.authority_notified_at` is missing: personal data is affected, so the supervisory authority must be notified within 72 hours (GDPR Art. 33); record when.',
          de: '`data_loss.authority_notified_at` fehlt: Personenbezogene Daten sind betroffen, daher ist die Aufsichtsbehörde binnen 72 Stunden zu benachrichtigen (DSGVO Art. 33); den Zeitpunkt eintragen.',
        }),
        ...ctx.at(pointer),
        path: pointer,
        fix: { kind: 'insert-key', parentPath: '/data_loss', key: 'authority_notified_at', placeholder: '' },
      });
      return findings;
    }
    const timestamps = isRecord(ctx.data!.timestamps) ? ctx.data!.timestamps : {};
    const detected = instantOf(timestamps.detected_at);
    const notified = instantOf(dataLoss.authority_notified_at);
    const hasReason = typeof dataLoss.delay_reason === 'string' && dataLoss.delay_reason.trim() !== '';
    if (detected === null || notified === null || hasReason) return findings;
    const hours = (notified - detected) / 3_600_000;
    if (hours > DEADLINE_HOURS) {
      findings.push({
        ruleId: this.id,
        severity: 'warning',
        message: ctx.t(
          {
            en: 'data_loss.authority_notified_at is {hours} hours after timestamps.detected_at: GDPR Art. 33 requires notification within 72 hours; add `delay_reason` explaining the delay.',
            de: 'data_loss.authority_notified_at liegt {hours} Stunden nach timestamps.detected_at: DSGVO Art. 33 verlangt die Meldung binnen 72 Stunden; `delay_reason` mit der Begründung der Verzögerung ergänzen.',
          },
          { hours: Math.floor(hours) },
        ),
        ...ctx.at(pointer),
        path: pointer,
        fix: { kind: 'insert-key', parentPath: '/data_loss', key: 'delay_reason', placeholder: '' },
      });
    }
    return findings;
  },
};
