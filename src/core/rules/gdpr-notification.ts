import type { RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { isRecord } from '../report/fields';
import { fieldName } from '../shared/i18n';
import { controllersToNotify, DEADLINE_HOURS, displayFrame, formatInstant, formatTimeLeft, gdprAwareness, gdprRole, reportDeadlines } from '../compliance/deadlines';
import { instantIn } from '../shared/time';
import { countAsWritten } from '../report/countText';

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

const SOCIAL_DATA = {
  en: 'Social data is affected: besides the data protection authority, report the breach to the legal or specialist supervisory authority of the body concerned (§ 83a SGB X; Sozialamt, Jugendamt, Jobcenter).',
  de: 'Sozialdaten sind betroffen: Neben der Datenschutzaufsicht ist die Verletzung auch der Rechts- oder Fachaufsichtsbehörde der betroffenen Stelle zu melden (§ 83a SGB X; Sozialamt, Jugendamt, Jobcenter).',
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
      'With `personal_data: unknown` and no notification, an info suggests a precautionary (phased) notification: by the deadline while the 72 hours run, and still afterwards (with the reasons for the delay).',
      'With `data_loss.risk: none` no notification is due (Art. 33(1)), but Art. 33(5) requires documenting why: without `data_loss.risk_reason` it is a warning (the report is then the only evidence of that decision), with it an info.',
      'A processor (`data_loss.role: processor`) has no 72 hours and no precautionary notification: it notifies each controller without undue delay (Art. 33(2)). Once the awareness instant has passed, each of `data_loss.controllers` without `notified_at` gets a warning naming it, and a processor that lists no controller gets one at `role`. With `role: both` both duties apply; the GDPR role never changes the NIS2 duties.',
      'With `data_loss.social_data: yes` an info names the further report to the body\'s legal or specialist supervisory authority (§ 83a SGB X: Sozialamt, Jugendamt, Jobcenter).',
      'A controller\'s own figures (`subjects_approx`, `records_approx`, `data_categories`, `subject_categories` of an entry of `data_loss.controllers`, which go into the notice to it) are a share of the whole incident\'s: a count larger than the incident\'s (`data_loss.subjects_approx`, `records_approx`) is an **error** at the controller\'s count, since one of the two figures is wrong (and it blocks publication as every error does: the incident\'s count of people is published, and it may be the wrong one); a count whose incident total is not recorded (or not readable) is a **warning**, as it cannot be checked. A category listed for a controller but not in the incident\'s list (`data_loss.data_categories`, `subject_categories`; compared without regard to case and surrounding spaces) is a **warning** at that category: the incident\'s list must name every controller\'s. Counts are read as written (`41.000` is 41000, as `count-format` reads them).',
    ],
    examples: ['authority-drafts', 'gdpr-processor', 'gdpr-controller-figures'],
  },
  check(ctx) {
    const data = ctx.data;
    const loss = data?.data_loss;
    if (!data || !isRecord(loss)) return [];
    const notified = loss.authority_notified_at;
    const hasNotification = notified !== undefined && notified !== null;
    const from = gdprAwareness(data, ctx.timeZone);
    const role = gdprRole(data);
    const frame = displayFrame(data, from?.value);
    const findings: RawFinding[] = [];
    const push = (severity: RawFinding['severity'], pointer: string, message: { en: string; de: string }, values: Record<string, string | number>, fix?: RawFinding['fix']) => {
      findings.push({ ruleId: this.id, ...(severity ? { severity } : {}), message: ctx.t(message, values), ...ctx.at(pointer), path: pointer, ...(fix ? { fix } : {}) });
    };

    findings.push(...figureFindings(ctx, this.id, loss));
    if (loss.social_data === 'yes') {
      push('info', '/data_loss/social_data', SOCIAL_DATA, {});
    }
    if (role !== 'controller' && loss.personal_data === 'yes') findings.push(...controllerFindings(ctx, this.id, from?.at ?? null));
    if (role === 'processor') return findings;

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
        const reasoned = typeof loss.risk_reason === 'string' && loss.risk_reason.trim() !== '';
        if (reasoned) {
          push(
            'info',
            '/data_loss/risk',
            {
              en: 'data_loss.risk is none: no notification of the supervisory authority is due (GDPR Art. 33(1)); the breach and `risk_reason` are its record (Art. 33(5)).',
              de: 'data_loss.risk ist none: Eine Meldung an die Aufsichtsbehörde ist nicht nötig (DSGVO Art. 33 Abs. 1); die Verletzung und `risk_reason` sind ihre Dokumentation (Art. 33 Abs. 5).',
            },
            {},
          );
        } else {
          push(
            'warning',
            '/data_loss/risk',
            {
              en: 'data_loss.risk is none, so no notification is made, but the reason is not recorded: Art. 33(5) GDPR requires documenting why, and this report is then the only evidence of that decision; add `data_loss.risk_reason`.',
              de: 'data_loss.risk ist none, daher unterbleibt die Meldung, aber die Begründung fehlt: Art. 33 Abs. 5 DSGVO verlangt, sie zu dokumentieren, und dieser Bericht ist dann der einzige Nachweis der Entscheidung; `data_loss.risk_reason` ergänzen.',
            },
            {},
            { kind: 'insert-key', parentPath: '/data_loss', key: 'risk_reason', placeholder: '' },
          );
        }
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

/**
 * Art. 33(2): a processor tells each controller without undue delay. Once the moment of awareness
 * has passed, each listed controller not yet notified is a warning naming it; a processor that
 * lists none is asked to.
 */
function controllerFindings(ctx: RuleContext, ruleId: string, awareAt: number | null): RawFinding[] {
  const controllers = controllersToNotify(ctx.data!, ctx.timeZone);
  if (controllers.length === 0) {
    return [
      {
        ruleId,
        severity: 'warning',
        message: ctx.t({
          en: 'As processor, the organisation must notify each controller of the breach without undue delay (GDPR Art. 33(2)); list them in `data_loss.controllers` with `notified_at`.',
          de: 'Als Auftragsverarbeiter muss die Organisation jeden Verantwortlichen unverzüglich über die Verletzung informieren (DSGVO Art. 33 Abs. 2); sie in `data_loss.controllers` mit `notified_at` aufführen.',
        }),
        ...ctx.at('/data_loss/role'),
        path: '/data_loss/role',
        fix: { kind: 'insert-key', parentPath: '/data_loss', key: 'controllers', placeholder: '' },
      },
    ];
  }
  if (awareAt === null || ctx.now < awareAt) return [];
  return controllers
    .filter((c) => c.notifiedAt === null)
    .map((c): RawFinding => {
      const pointer = `/data_loss/controllers/${c.index}`;
      return {
        ruleId,
        severity: 'warning',
        message: ctx.t(
          {
            en: '{name} is not notified yet: as processor, tell each controller of the breach without undue delay (GDPR Art. 33(2)), then record `notified_at`.',
            de: '{name} ist noch nicht informiert: Als Auftragsverarbeiter jeden Verantwortlichen unverzüglich über die Verletzung informieren (DSGVO Art. 33 Abs. 2), dann `notified_at` eintragen.',
          },
          { name: c.name ?? ctx.t({ en: `Controller ${c.index + 1}`, de: `Verantwortlicher ${c.index + 1}` }) },
        ),
        // At the controller's name: the item as a whole would span to the next line.
        ...ctx.at(c.name ? `${pointer}/name` : pointer),
        path: pointer,
        fix: { kind: 'insert-key', parentPath: pointer, key: 'notified_at', placeholder: '' },
      };
    });
}

const FIGURES = [
  { key: 'subjects_approx', kind: 'count' },
  { key: 'records_approx', kind: 'count' },
  { key: 'data_categories', kind: 'list' },
  { key: 'subject_categories', kind: 'list' },
] as const;

/** How two category texts are compared: without regard to case, surrounding spaces or Unicode form. */
function categoryKey(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/**
 * A controller's own figures are a share of the whole incident's: its count is at most the
 * incident's, and each of its categories is one of the incident's.
 */
function figureFindings(ctx: RuleContext, ruleId: string, loss: Record<string, unknown>): RawFinding[] {
  if (!Array.isArray(loss.controllers)) return [];
  const tag = ctx.locale === 'de' ? 'de-DE' : 'en-GB';
  const findings: RawFinding[] = [];
  const push = (severity: RawFinding['severity'], pointer: string, message: { en: string; de: string }, values: Record<string, string | number>) => {
    findings.push({ ruleId, ...(severity ? { severity } : {}), message: ctx.t(message, values), ...ctx.at(pointer), path: pointer });
  };
  loss.controllers.forEach((controller, index) => {
    if (!isRecord(controller)) return;
    const name = typeof controller.name === 'string' && controller.name.trim() !== '' ? controller.name.trim() : ctx.t({ en: `Controller ${index + 1}`, de: `Verantwortlicher ${index + 1}` });
    for (const { key, kind } of FIGURES) {
      const own = controller[key];
      if (own === undefined || own === null) continue;
      const pointer = `/data_loss/controllers/${index}/${key}`;
      const field = `data_loss.${key}`;
      if (kind === 'count') {
        const count = countAsWritten(ctx.report, pointer, own);
        if (count === null) continue; // unreadable: the schema or count-format names it
        const total = loss[key] === undefined || loss[key] === null ? null : countAsWritten(ctx.report, `/data_loss/${key}`, loss[key]);
        if (total === null) {
          push('warning', pointer, {
            en: "{name}'s {key} ({count}) cannot be checked against the whole incident: {field} is {state}; record the incident's total in {field}.",
            de: '{key} von {name} ({count}) lässt sich nicht mit dem gesamten Vorfall abgleichen: {field} ist {state}; die Zahl des gesamten Vorfalls unter {field} eintragen.',
          }, { name, key, count: count.toLocaleString(tag), field, state: loss[key] === undefined || loss[key] === null ? ctx.t({ en: 'not recorded', de: 'nicht erfasst' }) : ctx.t({ en: 'not a readable whole number', de: 'keine lesbare ganze Zahl' }) });
        } else if (count > total) {
          push(undefined, pointer, {
            en: "{name}'s {key} is {count}, more than the whole incident's {total} ({field}): a controller's share cannot exceed the whole; correct one of the two.",
            de: '{key} von {name} ist {count} und damit größer als die {total} des gesamten Vorfalls ({field}): Der Anteil eines Verantwortlichen kann nicht größer sein als das Ganze; eine der beiden Zahlen berichtigen.',
          }, { name, key, count: count.toLocaleString(tag), total: total.toLocaleString(tag), field });
        }
        continue;
      }
      if (!Array.isArray(own)) continue; // not a list: the schema names it
      const incident = new Set((Array.isArray(loss[key]) ? (loss[key] as unknown[]) : []).filter((v): v is string => typeof v === 'string').map(categoryKey));
      own.forEach((category, i) => {
        if (typeof category !== 'string' || category.trim() === '' || incident.has(categoryKey(category))) return;
        push('warning', `${pointer}/${i}`, {
          en: '{name} lists "{category}" in {key}, but {field} does not: the whole incident\'s list names every controller\'s; add it there (or correct the spelling).',
          de: '{name} führt „{category}“ unter {key}, {field} aber nicht: Die Liste des gesamten Vorfalls nennt die jedes Verantwortlichen; dort ergänzen (oder die Schreibweise angleichen).',
        }, { name, category: category.trim(), key, field });
      });
    }
  });
  return findings;
}
