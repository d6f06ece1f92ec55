/**
 * GDPR drafts. The Art. 33 notification to the supervisory authority follows the state DPA forms
 * (sections of the LfD Niedersachsen form: controller, timeline, breach, data, people, measures
 * before the incident, consequences; then the remedies and other authorities of the LfDI
 * Rheinland-Pfalz form), as a first notification or, once one was sent, as a follow-up
 * (Art. 33(4)); a processor's draft is the notice to its controllers (Art. 33(2)). The Art. 34
 * notice tells the people affected what Art. 34(2) asks, in plain language.
 */
import type { Localized } from '../../shared/types';
import type { ParsedReport } from '../../report/parse';
import { recordItems } from '../../report/fields';
import { controllersToNotify, DEADLINE_HOURS, DEADLINE_LABELS, formatTimeLeft, gdprRole } from '../../compliance/deadlines';
import { instantIn } from '../../shared/time';
import { authorityContactLine, contactLine, dataProtectionContact, draftContext, unreadableTime, listOrNone, stringList, type DraftContext, type DraftOptions } from './context';
import { gap, gapsOf, type DraftBlock, type DraftDocument, type DraftSection, type DraftValue } from './document';
import { columns, formSection, L, textItem, type DraftForm, type FormItem, type FormSection } from './form';

/** The confidentiality banner of drafts for an authority. */
export const CONFIDENTIAL: Localized = L(
  'Confidential — draft for the authority, not for publication. Check every entry before sending.',
  'Vertraulich – Entwurf für die Behörde, nicht zur Veröffentlichung. Vor dem Absenden jede Angabe prüfen.',
);

const NOT_APPLICABLE = L('not applicable', 'entfällt');
/** The gaps of 3.4 (and the NIS2 drafts' exfiltration), naming their field. */
const DATA_LOST = L('whether data was lost (data_loss.occurred)', 'ob Daten verloren gingen (data_loss.occurred)');
export const EXFILTRATED = L('whether data was exfiltrated (data_loss.exfiltration)', 'ob Daten abgeflossen sind (data_loss.exfiltration)');
const YES = L('yes', 'ja');
const NO = L('no', 'nein');

/** True while building a processor's notice to a controller (not the notification to the authority). */
function isNotice(ctx: DraftContext): boolean {
  return ctx.notice !== undefined;
}

function timeOr(ctx: DraftContext, value: unknown, missing: Localized): DraftValue {
  return ctx.time(value) ?? gap(ctx.t(missing));
}

function listOr(ctx: DraftContext, values: string[], missing: Localized): DraftValue | DraftValue[] {
  return values.length > 0 ? values : gap(ctx.t(missing));
}

/** An enum answer in plain words; `unknown` and a missing value are gaps. */
function answerOr(ctx: DraftContext, pointer: string, value: unknown, missing: Localized): DraftValue {
  return typeof value === 'string' && value !== 'unknown' ? ctx.words(pointer, value)! : gap(ctx.t(missing));
}

/** Enum values of a list in plain words. */
function wordsList(ctx: DraftContext, pointer: string, value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => ctx.words(pointer, v)).filter((v): v is string => v !== null) : [];
}

function deadlineOf(ctx: DraftContext) {
  return ctx.deadlines.find((d) => d.kind === 'gdpr-art33');
}

/**
 * `data_loss.authority_notified_at` as written when it cannot be read as an instant (`gestern`,
 * `2023-11-01`): a notification was recorded, but not when. The clock does not stop on it, yet the
 * draft must not call itself a first notification nor the notification overdue.
 */
function unreadableNotified(ctx: DraftContext): string | null {
  return unreadableTime(ctx, ctx.loss.authority_notified_at);
}

/** "… data_loss.authority_notified_at "gestern" is not a date and time with its offset", for the gaps that name it. */
function unreadableNotifiedWords(ctx: DraftContext, value: string): string {
  return ctx.t(L('data_loss.authority_notified_at "{value}" is not a date and time with its offset', 'data_loss.authority_notified_at „{value}“ ist kein Zeitpunkt mit Offset'), { value });
}

/** The 72 hours of Art. 33(1) as the draft shows them. */
interface Art33Clock {
  dueAt: number;
  doneAt: number | null;
  /** True while `personal_data` is `unknown`: no duty yet, but a notification made as a precaution runs on the same clock. */
  precautionary: boolean;
  /** The due instant in words, in the report's frame. */
  due: string;
}

/**
 * The 72 hours: the deadline when a controller's notification is due, or, while it is not known
 * whether personal data is affected, the same hours for a precautionary notification (the
 * gdpr-notification rule suggests one); `null` when no notification is due or the clock has no start.
 */
function art33Clock(ctx: DraftContext): Art33Clock | null {
  const deadline = deadlineOf(ctx);
  if (deadline) return { dueAt: deadline.dueAt, doneAt: deadline.doneAt, precautionary: false, due: ctx.due(deadline) };
  if (gdprRole(ctx.data) === 'processor' || ctx.loss.personal_data !== 'unknown' || ctx.loss.risk === 'none' || !ctx.aware) return null;
  const dueAt = ctx.aware.at + DEADLINE_HOURS.gdprArt33 * 3_600_000;
  return { dueAt, doneAt: instantIn(ctx.loss.authority_notified_at, ctx.zone), precautionary: true, due: ctx.instant(dueAt) };
}

/** True when the 72 hours have passed without a notification, or it went late. */
function isLate(ctx: DraftContext): boolean {
  const clock = art33Clock(ctx);
  return clock !== null && (clock.doneAt ?? ctx.now) > clock.dueAt;
}

/** Why no notification is due, each reason in its own words (never "no personal data" while that is still open). */
function noNotificationDue(ctx: DraftContext): DraftValue {
  if (ctx.loss.personal_data === 'no') return ctx.t(L('not applicable: no personal data is affected', 'entfällt: keine personenbezogenen Daten betroffen'));
  if (ctx.loss.risk === 'none' && (ctx.loss.personal_data === 'yes' || ctx.loss.personal_data === 'unknown')) {
    return ctx.t(L('not applicable: the breach is unlikely to result in a risk to the people affected (Art. 33(1)); the reason is the record Art. 33(5) requires (7.3)', 'entfällt: Die Verletzung führt voraussichtlich nicht zu einem Risiko für die betroffenen Personen (Art. 33 Abs. 1); die Begründung ist die Dokumentation nach Art. 33 Abs. 5 (7.3)'));
  }
  if (ctx.loss.personal_data !== 'yes' && ctx.loss.personal_data !== 'unknown') return gap(ctx.t(L('whether a notification is due: whether personal data is affected (data_loss.personal_data)', 'ob eine Meldung fällig ist: ob personenbezogene Daten betroffen sind (data_loss.personal_data)')));
  return gap(ctx.t(L('72 hours after becoming aware of the breach: when the organisation became aware (data_loss.aware_at)', '72 Stunden nach Kenntnis von der Verletzung: wann die Organisation Kenntnis erlangt hat (data_loss.aware_at)')));
}

const CONTROLLER_SECTION: FormSection = {
  heading: L('1. Controller, processor and people involved', '1. Verantwortlicher, Auftragsverarbeiter und Beteiligte'),
  items: [
    {
      number: '1.1',
      label: L('Name of the controller (for a processor: of the processor)', 'Name des Verantwortlichen (beim Auftragsverarbeiter: des Auftragsverarbeiters)'),
      fields: ['organization'],
      source: L('Art. 33(3)(b), Art. 4(7) GDPR', 'Art. 33 Abs. 3 lit. b, Art. 4 Nr. 7 DSGVO'),
      value: (ctx) => ctx.textOr(ctx.data.organization, L('name of the controller', 'Name des Verantwortlichen')),
    },
    {
      number: '1.2',
      label: L('Postal address', 'Anschrift'),
      fields: ['organization_address'],
      source: L('State DPA forms (1.1)', 'Meldeformulare der Aufsichtsbehörden (1.1)'),
      value: (ctx) => ctx.textOr(ctx.data.organization_address, L('postal address of the controller (organization_address)', 'Anschrift des Verantwortlichen (organization_address)')),
    },
    {
      number: '1.3',
      label: L('Data protection officer or other contact point', 'Datenschutzbeauftragte(r) oder sonstige Anlaufstelle'),
      fields: ['contacts[role=dpo]', 'contacts[data_protection=yes]'],
      source: L('Art. 33(3)(b), Art. 37(1)(a) GDPR', 'Art. 33 Abs. 3 lit. b, Art. 37 Abs. 1 lit. a DSGVO'),
      value: (ctx) =>
        contactLine(ctx, dataProtectionContact(ctx)?.contact) ??
        gap(ctx.t(L('name and contact details of the data protection officer or another contact point (a dpo contact)', 'Name und Kontaktdaten der/des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle (Kontakt dpo)'))),
    },
    {
      number: '1.4',
      label: L('Person reporting', 'Meldende Person'),
      fields: ['contacts[role=authority_contact]'],
      source: L('State DPA forms (1.3: person reporting)', 'Meldeformulare der Aufsichtsbehörden (1.3: meldende Person)'),
      value: (ctx) =>
        authorityContactLine(ctx) ??
        gap(ctx.t(L('name, function and contact details of the person reporting (an authority_contact contact)', 'Name, Funktion und Kontaktdaten der meldenden Person (Kontakt authority_contact)'))),
    },
    {
      number: '1.5',
      label: L('Role for the data affected', 'Rolle für die betroffenen Daten'),
      fields: ['data_loss.role'],
      source: L('Art. 33(1) and (2), Art. 28(3)(f) GDPR', 'Art. 33 Abs. 1 und 2, Art. 28 Abs. 3 lit. f DSGVO'),
      value: (ctx) => ctx.words('/data_loss/role', isNotice(ctx) && gdprRole(ctx.data) === 'both' ? 'processor' : gdprRole(ctx.data))!,
    },
    {
      number: '1.6',
      label: L('Controllers on whose behalf the data is processed', 'Verantwortliche, in deren Auftrag verarbeitet wird'),
      fields: ['data_loss.controllers[].name', 'data_loss.controllers[].notified_at'],
      source: L('Art. 33(2) GDPR; LfD Niedersachsen form (1.2)', 'Art. 33 Abs. 2 DSGVO; Formular LfD Niedersachsen (1.2)'),
      value: (ctx) => {
        if (gdprRole(ctx.data) === 'controller') return ctx.t(NOT_APPLICABLE);
        const items = recordItems(ctx.loss.controllers).map((c) => {
          const name = ctx.text(c.name) ?? ctx.t(L('(unnamed)', '(ohne Namen)'));
          const notified = ctx.time(c.notified_at);
          return notified ? ctx.t(L('{name}, notified {time}', '{name}, informiert am {time}'), { name, time: notified }) : ctx.t(L('{name}, not notified yet', '{name}, noch nicht informiert'), { name });
        });
        return listOr(ctx, items, L('the controllers whose data is affected (data_loss.controllers)', 'die Verantwortlichen, deren Daten betroffen sind (data_loss.controllers)'));
      },
    },
    {
      number: '1.7',
      label: L('Other organisations involved', 'Weitere Beteiligte'),
      fields: ['affected_organizations[]'],
      source: L('LfD Niedersachsen form (1.4)', 'Formular LfD Niedersachsen (1.4)'),
      value: (ctx) => listOrNone(ctx, stringList(ctx, ctx.data.affected_organizations), L('none recorded', 'keine erfasst')),
    },
  ],
};

const TIMELINE_SECTION: FormSection = {
  heading: L('2. Timeline', '2. Zeitlicher Ablauf'),
  items: [
    {
      number: '2.1',
      label: L('Breach began', 'Beginn der Verletzung'),
      fields: ['timestamps.started_at'],
      source: L('State DPA forms (2)', 'Meldeformulare der Aufsichtsbehörden (2)'),
      value: (ctx) => timeOr(ctx, record(ctx.data.timestamps).started_at, L('when the breach began', 'wann die Verletzung begann')),
    },
    {
      number: '2.2',
      label: L('Detected', 'Entdeckt'),
      fields: ['timestamps.detected_at'],
      source: L('State DPA forms (2)', 'Meldeformulare der Aufsichtsbehörden (2)'),
      value: (ctx) => timeOr(ctx, record(ctx.data.timestamps).detected_at, L('when the breach was detected', 'wann die Verletzung entdeckt wurde')),
    },
    {
      number: '2.3',
      label: L('Became aware of the breach', 'Kenntnis von der Verletzung'),
      fields: ['data_loss.aware_at', 'timestamps.detected_at'],
      source: L('Art. 33(1) GDPR', 'Art. 33 Abs. 1 DSGVO'),
      value: (ctx) => {
        // The instant the 72 hours run from (ctx.aware), so that this item and 2.6 always agree.
        const aware = ctx.aware;
        if (aware?.pointer === '/data_loss/aware_at') return ctx.time(aware.value)!;
        const unreadable = unreadableTime(ctx, ctx.loss.aware_at);
        if (unreadable !== null) {
          const detected = aware ? ctx.t(L('; until it is corrected, the 72 hours run from the detection, {time}', '; bis zur Korrektur laufen die 72 Stunden ab der Entdeckung, {time}'), { time: ctx.time(aware.value)! }) : '';
          return gap(ctx.t(L('when the organisation became aware of the breach: data_loss.aware_at "{value}" is not a date and time with its offset{detected}', 'wann die Organisation Kenntnis von der Verletzung erlangt hat: data_loss.aware_at „{value}“ ist kein Zeitpunkt mit Offset{detected}'), { value: unreadable, detected }));
        }
        return aware
          ? ctx.t(L('{time} (time of detection; aware_at not recorded)', '{time} (Zeitpunkt der Entdeckung; aware_at nicht erfasst)'), { time: ctx.time(aware.value)! })
          : gap(ctx.t(L('when the organisation became aware of the breach', 'wann die Organisation Kenntnis von der Verletzung erlangt hat')));
      },
    },
    {
      number: '2.4',
      label: L('Contained', 'Eingedämmt'),
      fields: ['timestamps.contained_at'],
      source: L('State DPA forms (2)', 'Meldeformulare der Aufsichtsbehörden (2)'),
      value: (ctx) => timeOr(ctx, record(ctx.data.timestamps).contained_at, L('when the breach was contained (not yet recorded)', 'wann die Verletzung eingedämmt wurde (noch nicht erfasst)')),
    },
    {
      number: '2.5',
      label: L('Resolved', 'Behoben'),
      fields: ['timestamps.resolved_at', 'status'],
      source: L('State DPA forms (2)', 'Meldeformulare der Aufsichtsbehörden (2)'),
      value: (ctx) => ctx.time(record(ctx.data.timestamps).resolved_at) ?? (ctx.data.status !== 'resolved' ? ctx.t(L('not yet (the incident is ongoing)', 'noch nicht (der Vorfall dauert an)')) : gap(ctx.t(L('when the incident was resolved', 'wann der Vorfall behoben wurde')))),
    },
    {
      number: '2.6',
      label: L('Notification due', 'Meldung fällig'),
      fields: ['data_loss.aware_at', 'data_loss.authority_notified_at', 'data_loss.controllers[].notified_at'],
      source: L('Art. 33(1) GDPR: 72 hours after becoming aware; Art. 33(2): the processor without undue delay', 'Art. 33 Abs. 1 DSGVO: 72 Stunden nach Kenntnisnahme; Art. 33 Abs. 2: der Auftragsverarbeiter unverzüglich'),
      value: (ctx) => {
        if (isNotice(ctx)) return ctx.t(L('to each controller without undue delay after becoming aware (Art. 33(2))', 'an jeden Verantwortlichen unverzüglich nach Kenntnisnahme (Art. 33 Abs. 2)'));
        const clock = art33Clock(ctx);
        if (!clock) return noNotificationDue(ctx);
        const unreadable = clock.doneAt === null ? unreadableNotified(ctx) : null;
        if (unreadable !== null) {
          // Sent, but when is not readable: neither "overdue" nor "in time" can be said.
          return gap(ctx.t(L('whether the notification was in time (due {due}): {why}', 'ob die Meldung fristgerecht war (fällig {due}): {why}'), { due: clock.due, why: unreadableNotifiedWords(ctx, unreadable) }));
        }
        const due = clock.doneAt === null ? `${clock.due} (${formatTimeLeft(clock.dueAt, ctx.now, ctx.locale)})` : clock.due;
        return clock.precautionary
          ? ctx.t(L('{due}, as a precaution: whether personal data is affected is still open; what is not known yet can follow in phases (Art. 33(4))', '{due}, vorsorglich: Ob personenbezogene Daten betroffen sind, ist noch offen; was noch nicht bekannt ist, kann schrittweise nachgereicht werden (Art. 33 Abs. 4)'), { due })
          : due;
      },
    },
    {
      number: '2.7',
      label: L('Reasons for a delay', 'Gründe für eine Verzögerung'),
      fields: ['data_loss.delay_reason'],
      source: L('Art. 33(1) sentence 2 GDPR', 'Art. 33 Abs. 1 Satz 2 DSGVO'),
      value: (ctx) => {
        const reason = ctx.text(ctx.loss.delay_reason);
        // A processor has no hours to be late against, and without a clock nothing is "within 72 hours".
        if (isNotice(ctx)) return reason ?? ctx.t(L('not applicable (Art. 33(2): without undue delay, no fixed hours)', 'entfällt (Art. 33 Abs. 2: unverzüglich, keine feste Stundenfrist)'));
        const clock = art33Clock(ctx);
        if (!clock) return reason ?? ctx.t(L('not applicable (no notification deadline runs, see 2.6)', 'entfällt (keine Meldefrist läuft, siehe 2.6)'));
        const unreadable = clock.doneAt === null ? unreadableNotified(ctx) : null;
        if (unreadable !== null && ctx.now > clock.dueAt) {
          return reason ?? gap(ctx.t(L('why the notification came later than 72 hours, if it did (delay_reason): {why}', 'warum die Meldung später als nach 72 Stunden erfolgte, falls ja (delay_reason): {why}'), { why: unreadableNotifiedWords(ctx, unreadable) }));
        }
        return isLate(ctx)
          ? ctx.textOr(ctx.loss.delay_reason, L('why the notification comes later than 72 hours (delay_reason)', 'warum die Meldung später als nach 72 Stunden erfolgt (delay_reason)'))
          : (reason ?? ctx.t(L('not required (within 72 hours)', 'nicht erforderlich (binnen 72 Stunden)')));
      },
    },
  ],
};

const BREACH_SECTION: FormSection = {
  heading: L('3. Nature of the breach', '3. Art der Verletzung'),
  items: [
    {
      number: '3.1',
      label: L('Description', 'Beschreibung'),
      fields: ['title', 'data_loss.statement'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => {
        const parts = [ctx.text(ctx.data.title), ctx.text(ctx.loss.statement)].filter((p): p is string => p !== null);
        return parts.length > 0 ? parts : gap(ctx.t(L('short description of the breach', 'Kurzbeschreibung der Verletzung')));
      },
    },
    {
      number: '3.2',
      label: L('Type of incident', 'Art des Vorfalls'),
      fields: ['incident_type'],
      source: L('State DPA forms (3)', 'Meldeformulare der Aufsichtsbehörden (3)'),
      value: (ctx) => answerOr(ctx, '/incident_type', ctx.data.incident_type, L('type of incident (incident_type)', 'Art des Vorfalls (incident_type)')),
    },
    {
      number: '3.3',
      label: L('Security objectives breached', 'Verletzte Schutzziele'),
      fields: ['data_loss.breach_type[]'],
      source: L('Art. 4(12) GDPR; state DPA forms (7)', 'Art. 4 Nr. 12 DSGVO; Meldeformulare der Aufsichtsbehörden (7)'),
      value: (ctx) => listOr(ctx, wordsList(ctx, '/data_loss/breach_type/0', ctx.loss.breach_type), L('whether confidentiality, integrity and/or availability were breached (data_loss.breach_type)', 'ob Vertraulichkeit, Integrität und/oder Verfügbarkeit verletzt sind (data_loss.breach_type)')),
    },
    {
      number: '3.4',
      label: L('Data lost or exfiltrated', 'Datenverlust und Datenabfluss'),
      fields: ['data_loss.occurred', 'data_loss.exfiltration'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => [
        answerOr(ctx, '/data_loss/occurred', ctx.loss.occurred, DATA_LOST),
        ctx.words('/data_loss/exfiltration', ctx.loss.exfiltration) ?? gap(ctx.t(EXFILTRATED)),
      ],
    },
    {
      number: '3.5',
      label: L('Systems and services affected', 'Betroffene Systeme und Dienste'),
      fields: ['affected_services[].name'],
      source: L('State DPA forms (3)', 'Meldeformulare der Aufsichtsbehörden (3)'),
      value: (ctx) => listOr(ctx, recordItems(ctx.data.affected_services).map((s) => ctx.text(s.name)).filter((n): n is string => n !== null), L('the systems and services affected', 'die betroffenen Systeme und Dienste')),
    },
  ],
};

const DATA_SECTION: FormSection = {
  heading: L('4. Data concerned', '4. Betroffene Daten'),
  items: [
    {
      number: '4.1',
      label: L('Personal data affected', 'Personenbezogene Daten betroffen'),
      fields: ['data_loss.personal_data'],
      source: L('Art. 4(12), Art. 33(1) GDPR', 'Art. 4 Nr. 12, Art. 33 Abs. 1 DSGVO'),
      // A yes or no under its question: the schema's words for `yes` repeat the label.
      value: (ctx) => (ctx.loss.personal_data === 'yes' ? ctx.t(YES) : ctx.loss.personal_data === 'no' ? ctx.t(NO) : gap(ctx.t(L('whether personal data is affected', 'ob personenbezogene Daten betroffen sind')))),
    },
    {
      number: '4.2',
      label: L('Categories of personal data', 'Kategorien personenbezogener Daten'),
      fields: ['data_loss.data_categories[]'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => listOr(ctx, stringList(ctx, ctx.loss.data_categories), L('categories of personal data concerned', 'Kategorien der betroffenen personenbezogenen Daten')),
    },
    {
      number: '4.3',
      label: L('Special categories (Art. 9) or criminal records (Art. 10)', 'Besondere Kategorien (Art. 9) oder Strafdaten (Art. 10)'),
      fields: ['data_loss.special_categories'],
      source: L('Art. 33(3)(a) with Art. 9, 10 GDPR; LfD Niedersachsen form (4)', 'Art. 33 Abs. 3 lit. a mit Art. 9, 10 DSGVO; Formular LfD Niedersachsen (4)'),
      value: (ctx) => answerOr(ctx, '/data_loss/special_categories', ctx.loss.special_categories, L('whether special categories of data are affected (data_loss.special_categories)', 'ob besondere Kategorien von Daten betroffen sind (data_loss.special_categories)')),
    },
    {
      number: '4.4',
      label: L('Social data', 'Sozialdaten'),
      fields: ['data_loss.social_data'],
      source: L('§ 67(2), § 83a SGB X', '§ 67 Abs. 2, § 83a SGB X'),
      value: (ctx) => answerOr(ctx, '/data_loss/social_data', ctx.loss.social_data, L('whether social data is affected (data_loss.social_data)', 'ob Sozialdaten betroffen sind (data_loss.social_data)')),
    },
    {
      number: '4.5',
      label: L('Approximate number of records', 'Ungefähre Zahl der Datensätze'),
      fields: ['data_loss.records_approx'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => ctx.approxCount('/data_loss/records_approx', L('approximate number of records', 'ungefähre Zahl der Datensätze')),
    },
  ],
};

const PEOPLE_SECTION: FormSection = {
  heading: L('5. People concerned', '5. Betroffene Personen'),
  items: [
    {
      number: '5.1',
      label: L('Categories of people', 'Kategorien betroffener Personen'),
      fields: ['data_loss.subject_categories[]'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => listOr(ctx, stringList(ctx, ctx.loss.subject_categories), L('categories of people affected, e.g. residents, staff, children (data_loss.subject_categories)', 'Kategorien betroffener Personen, etwa Einwohner, Beschäftigte, Kinder (data_loss.subject_categories)')),
    },
    {
      number: '5.2',
      label: L('Approximate number of people', 'Ungefähre Zahl der Personen'),
      fields: ['data_loss.subjects_approx'],
      source: L('Art. 33(3)(a) GDPR', 'Art. 33 Abs. 3 lit. a DSGVO'),
      value: (ctx) => ctx.approxCount('/data_loss/subjects_approx', L('approximate number of people affected', 'ungefähre Zahl der betroffenen Personen')),
    },
    {
      number: '5.3',
      label: L('People informed (Art. 34)', 'Benachrichtigung der Betroffenen (Art. 34)'),
      fields: ['data_loss.subjects_informed_at', 'data_loss.subjects_informed_how', 'data_loss.art34_exemption'],
      source: L('Art. 34 GDPR', 'Art. 34 DSGVO'),
      value: (ctx) => informedValue(ctx),
    },
    {
      number: '5.4',
      label: L('Why individual notice would be disproportionate', 'Warum die einzelne Benachrichtigung unverhältnismäßig wäre'),
      fields: ['data_loss.art34_reason'],
      source: L('Art. 34(3)(c) GDPR', 'Art. 34 Abs. 3 lit. c DSGVO'),
      value: (ctx) =>
        ctx.loss.art34_exemption === 'disproportionate_effort'
          ? ctx.textOr(ctx.loss.art34_reason, L('why telling each person affected would take disproportionate effort (data_loss.art34_reason)', 'warum die einzelne Benachrichtigung der Betroffenen unverhältnismäßig wäre (data_loss.art34_reason)'))
          : ctx.t(NOT_APPLICABLE),
    },
    {
      number: '5.5',
      label: L('Public communication published through', 'Öffentliche Bekanntmachung über'),
      fields: ['data_loss.art34_channel[]'],
      source: L('Art. 34(3)(c) GDPR', 'Art. 34 Abs. 3 lit. c DSGVO'),
      value: (ctx) =>
        ctx.loss.art34_exemption === 'disproportionate_effort'
          ? listOr(ctx, wordsList(ctx, '/data_loss/art34_channel/0', ctx.loss.art34_channel), L('where the public communication appears (data_loss.art34_channel)', 'wo die öffentliche Bekanntmachung erscheint (data_loss.art34_channel)'))
          : ctx.t(NOT_APPLICABLE),
    },
  ],
};

const BEFORE_SECTION: FormSection = {
  heading: L('6. Measures before the incident', '6. Maßnahmen vor dem Vorfall'),
  items: [
    {
      number: '6.1',
      label: L('Technical and organisational measures in place', 'Bestehende technische und organisatorische Maßnahmen'),
      fields: [],
      source: L('Art. 32 GDPR; LfD Niedersachsen form (6)', 'Art. 32 DSGVO; Formular LfD Niedersachsen (6)'),
      value: (ctx) => gap(ctx.t(L('the security measures in place before the incident, e.g. encryption, backups (no report field: fill in here)', 'die Sicherheitsmaßnahmen vor dem Vorfall, etwa Verschlüsselung, Sicherungen (kein Berichtsfeld: hier ergänzen)'))),
    },
  ],
};

const CONSEQUENCES_SECTION: FormSection = {
  heading: L('7. Likely consequences and risk', '7. Wahrscheinliche Folgen und Risiko'),
  items: [
    textItem('7.1', L('Likely consequences', 'Wahrscheinliche Folgen'), 'data_loss.likely_consequences', L('Art. 33(3)(c) GDPR', 'Art. 33 Abs. 3 lit. c DSGVO'), L('likely consequences for the people affected', 'wahrscheinliche Folgen für die betroffenen Personen')),
    {
      number: '7.2',
      label: L('Risk assessment', 'Risikobewertung'),
      fields: ['data_loss.risk'],
      source: L('Art. 33(1), Art. 34(1) GDPR', 'Art. 33 Abs. 1, Art. 34 Abs. 1 DSGVO'),
      value: (ctx) => answerOr(ctx, '/data_loss/risk', ctx.loss.risk, L('risk assessment (data_loss.risk)', 'Risikobewertung (data_loss.risk)')),
    },
    textItem('7.3', L('Reason for the assessment', 'Begründung der Bewertung'), 'data_loss.risk_reason', L('Art. 33(5) GDPR', 'Art. 33 Abs. 5 DSGVO'), L('why the risk was assessed this way (data_loss.risk_reason)', 'warum das Risiko so bewertet wurde (data_loss.risk_reason)')),
  ],
};

const MEASURES_SECTION: FormSection = {
  heading: L('8. Measures taken or proposed', '8. Ergriffene oder geplante Maßnahmen'),
  items: [
    textItem('8.1', L('Measures, incl. mitigation', 'Maßnahmen einschließlich Abmilderung'), 'data_loss.measures', L('Art. 33(3)(d) GDPR', 'Art. 33 Abs. 3 lit. d DSGVO'), L('measures taken or proposed, incl. mitigation', 'ergriffene oder vorgeschlagene Maßnahmen einschließlich Abmilderung')),
    textItem('8.2', L('Advice to the people affected', 'Empfehlungen an die Betroffenen'), 'data_loss.advice', L('Art. 33(3)(d), Art. 34(2) GDPR', 'Art. 33 Abs. 3 lit. d, Art. 34 Abs. 2 DSGVO'), L('what the people affected should do now (data_loss.advice)', 'was die Betroffenen jetzt tun sollten (data_loss.advice)')),
  ],
};

const OTHERS_SECTION: FormSection = {
  heading: L('9. Other authorities', '9. Weitere Stellen'),
  items: [
    {
      number: '9.1',
      label: L('Other authorities involved', 'Weitere beteiligte Behörden'),
      fields: ['authorities[].name', 'authorities[].role', 'authorities[].notified_at', 'authorities[].reference'],
      source: L('LfDI Rheinland-Pfalz form (other authorities)', 'Formular LfDI Rheinland-Pfalz (weitere Behörden)'),
      value: (ctx) => listOrNone(ctx, authorityItems(ctx), L('none recorded', 'keine erfasst')),
    },
    {
      number: '9.2',
      label: L('Report to the legal or specialist supervisory authority', 'Meldung an die Rechts- oder Fachaufsicht'),
      fields: ['data_loss.social_data'],
      source: L('§ 83a SGB X', '§ 83a SGB X'),
      value: (ctx) =>
        ctx.loss.social_data === 'yes'
          ? ctx.t(L('required: social data is affected', 'erforderlich: Sozialdaten sind betroffen'))
          : ctx.loss.social_data === 'no'
            ? ctx.t(NOT_APPLICABLE)
            : gap(ctx.t(L('whether social data is affected (data_loss.social_data)', 'ob Sozialdaten betroffen sind (data_loss.social_data)'))),
    },
  ],
};

/** The reference of a follow-up notification (shown once a first notification was sent). */
const FOLLOW_UP_SECTION: FormSection = {
  heading: L('0. Reference', '0. Bezug'),
  note: L('Only in a follow-up notification: once data_loss.authority_notified_at is recorded, unless --initial is given.', 'Nur in einer Folgemeldung: sobald data_loss.authority_notified_at erfasst ist, außer mit --initial.'),
  items: [
    {
      number: '0.1',
      label: L('File number of the supervisory authority', 'Aktenzeichen der Aufsichtsbehörde'),
      fields: ['data_loss.authority_reference', 'authorities[role=data_protection].reference'],
      source: L('Art. 33(4) GDPR; LDI NRW: Aktenzeichen, BayLDA: Kennung', 'Art. 33 Abs. 4 DSGVO; LDI NRW: Aktenzeichen, BayLDA: Kennung'),
      value: (ctx) => {
        const own = ctx.text(ctx.loss.authority_reference);
        if (own) return own;
        // The file number is often recorded only with the data protection authority in `authorities`
        // (item 9.1 prints it): taken from there when exactly one such authority has one, named.
        const recorded = recordItems(ctx.data.authorities).filter((a) => a.role === 'data_protection' && ctx.text(a.reference) !== null);
        if (recorded.length === 1) {
          const authority = recorded[0]!;
          const name = ctx.text(authority.name);
          return name ? ctx.t(L('{reference} (recorded in authorities: {name})', '{reference} (unter authorities erfasst: {name})'), { reference: ctx.text(authority.reference)!, name }) : ctx.text(authority.reference)!;
        }
        return gap(ctx.t(L('the file number the authority gave the first notification (data_loss.authority_reference)', 'das Aktenzeichen, das die Behörde der Erstmeldung gegeben hat (data_loss.authority_reference)')));
      },
    },
    {
      number: '0.2',
      label: L('First notification sent', 'Erstmeldung abgegeben am'),
      fields: ['data_loss.authority_notified_at'],
      source: L('Art. 33(4) GDPR', 'Art. 33 Abs. 4 DSGVO'),
      value: (ctx) => {
        const unreadable = unreadableNotified(ctx);
        if (unreadable !== null) return gap(ctx.t(L('when the first notification was sent: {why}', 'wann die Erstmeldung abging: {why}'), { why: unreadableNotifiedWords(ctx, unreadable) }));
        return timeOr(ctx, ctx.loss.authority_notified_at, L('when the first notification was sent', 'wann die Erstmeldung abging'));
      },
    },
  ],
};

const ART33_SECTIONS = [CONTROLLER_SECTION, TIMELINE_SECTION, BREACH_SECTION, DATA_SECTION, PEOPLE_SECTION, BEFORE_SECTION, CONSEQUENCES_SECTION, MEASURES_SECTION, OTHERS_SECTION];

/** Item 1.6 of a processor's notice: the one controller it goes to (never the others, nor whom the processor has not told yet). */
const ADDRESSEE_ITEM: FormItem = {
  number: '1.6',
  label: L('Controller this notice goes to', 'Verantwortlicher, an den diese Information geht'),
  fields: ['data_loss.controllers[].name'],
  source: L('Art. 33(2) GDPR: each controller is informed; one notice per controller', 'Art. 33 Abs. 2 DSGVO: jeder Verantwortliche wird informiert; eine Information je Verantwortlichem'),
  value: (ctx) => ctx.notice?.addressee ?? ctx.t(NOT_APPLICABLE),
};

/** The index in `data_loss.controllers` of the notice's addressee `name` (its first entry of that name), or -1: 2.8 and the own figures read the same entry. */
function addresseeIndex(ctx: DraftContext, name: string): number {
  return recordItems(ctx.loss.controllers).findIndex((c) => ctx.text(c.name) === name);
}

/** Item 2.8 of a processor's notice: when the controller it goes to was told (Art. 33(2)), or a gap to record it. */
const INFORMED_ITEM: FormItem = {
  number: '2.8',
  label: L('This controller informed', 'Information an diesen Verantwortlichen'),
  fields: ['data_loss.controllers[].notified_at'],
  source: L('Art. 33(2) GDPR: without undue delay after becoming aware', 'Art. 33 Abs. 2 DSGVO: unverzüglich nach Kenntnisnahme'),
  value: (ctx) => {
    if (gdprRole(ctx.data) === 'controller') return ctx.t(NOT_APPLICABLE);
    const name = ctx.notice?.name ?? null;
    if (name === null) return gap(ctx.t(L('when this controller was informed (data_loss.controllers[].notified_at); which one, see 1.6', 'wann dieser Verantwortliche informiert wurde (data_loss.controllers[].notified_at); an welchen, siehe 1.6')));
    const entry = recordItems(ctx.loss.controllers)[addresseeIndex(ctx, name)];
    const unreadable = unreadableTime(ctx, entry?.notified_at);
    if (unreadable !== null) return gap(ctx.t(L('when {name} was informed: data_loss.controllers[].notified_at "{value}" is not a date and time with its offset', 'wann {name} informiert wurde: data_loss.controllers[].notified_at „{value}“ ist kein Zeitpunkt mit Offset'), { name, value: unreadable }));
    return ctx.time(entry?.notified_at) ?? gap(ctx.t(L('when {name} was informed (data_loss.controllers[].notified_at; record it when this notice is sent)', 'wann {name} informiert wurde (data_loss.controllers[].notified_at; beim Versand dieser Information festhalten)'), { name }));
  },
};

/**
 * True when the report's facts are not the addressee's alone: other controllers (or, with role both,
 * the organisation's own data) are in the same counts and categories.
 */
function wholeIncident(ctx: DraftContext): boolean {
  return gdprRole(ctx.data) === 'both' || recordItems(ctx.loss.controllers).length > 1;
}

/** The controller's own figures the notice can carry instead of the whole incident's, by item. */
const OWN_FIGURES = [
  { number: '4.2', key: 'data_categories', kind: 'list', missing: L('categories of personal data concerned', 'Kategorien der betroffenen personenbezogenen Daten') },
  { number: '4.5', key: 'records_approx', kind: 'count', missing: L('approximate number of records', 'ungefähre Zahl der Datensätze') },
  { number: '5.1', key: 'subject_categories', kind: 'list', missing: L('categories of people affected', 'Kategorien betroffener Personen') },
  { number: '5.2', key: 'subjects_approx', kind: 'count', missing: L('approximate number of people affected', 'ungefähre Zahl der betroffenen Personen') },
] as const;

type OwnFigure = (typeof OWN_FIGURES)[number];

/**
 * Where the notice's controller gives this figure itself (`data_loss.controllers[i].<key>`): its
 * pointer and value, or `null` when it does not (no addressee, not written, an empty list). A count written but
 * unreadable is its own figure still: its gap names it, never the whole incident's in its place.
 */
function ownFigure(ctx: DraftContext, figure: OwnFigure): { pointer: string; value: unknown } | null {
  const name = ctx.notice?.name ?? null;
  if (name === null || gdprRole(ctx.data) === 'controller') return null;
  const index = addresseeIndex(ctx, name);
  if (index === -1) return null;
  const value = recordItems(ctx.loss.controllers)[index]![figure.key];
  if (value === undefined || value === null) return null;
  if (figure.kind === 'list' && stringList(ctx, value).length === 0) return null;
  return { pointer: `/data_loss/controllers/${index}/${figure.key}`, value };
}

/**
 * A data or people item of the notice (4.2, 4.5, 5.1, 5.2): the controller's own figure where its
 * entry gives one; else the whole incident's, a count marked as such when it is not this controller's
 * alone (a controller copies it into its own notification).
 */
function ownOrWholeIncident(item: FormItem, figure: OwnFigure): FormItem {
  return {
    ...item,
    fields: [...item.fields, `data_loss.controllers[].${figure.key}${figure.kind === 'list' ? '[]' : ''}`],
    value: (ctx) => {
      const own = ownFigure(ctx, figure);
      if (own !== null) return figure.kind === 'count' ? ctx.approxCount(own.pointer, figure.missing) : stringList(ctx, own.value);
      const value = item.value(ctx);
      if (figure.kind === 'list' || typeof value !== 'string' || !wholeIncident(ctx)) return value;
      return ctx.t(L('{count} (the whole incident, not only the data processed on your behalf)', '{count} (gesamter Vorfall, nicht nur die in Ihrem Auftrag verarbeiteten Daten)'), { count: value });
    },
  };
}

/** The intro's word on sections 4 and 5 when they are not this controller's alone, naming the items that are its own. */
function wholeIncidentNote(ctx: DraftContext): string | null {
  if (!wholeIncident(ctx)) return null;
  const own = OWN_FIGURES.filter((figure) => ownFigure(ctx, figure) !== null).map((figure) => figure.number);
  if (own.length === 0) {
    return ctx.t(L('The data and people in sections 4 and 5 are those of the whole incident, not only the data processed on your behalf.', 'Die Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall, nicht nur auf die in Ihrem Auftrag verarbeiteten Daten.'));
  }
  const and = ctx.t(L(' and ', ' und '));
  const items = own.length === 1 ? own[0]! : `${own.slice(0, -1).join(', ')}${and}${own[own.length - 1]!}`;
  if (own.length === OWN_FIGURES.length) {
    return ctx.t(L('Items {items} are those of the data processed on your behalf; the other data and people in sections 4 and 5 are those of the whole incident.', 'Die Angaben {items} betreffen die in Ihrem Auftrag verarbeiteten Daten; die übrigen Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall.'), { items });
  }
  return ctx.t(L(
    (own.length === 1 ? 'Item {items} is that' : 'Items {items} are those') + ' of the data processed on your behalf; the other data and people in sections 4 and 5 are those of the whole incident, not only the data processed on your behalf.',
    (own.length === 1 ? 'Die Angabe {items} betrifft' : 'Die Angaben {items} betreffen') + ' die in Ihrem Auftrag verarbeiteten Daten; die übrigen Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall, nicht nur auf die in Ihrem Auftrag verarbeiteten Daten.',
  ), { items });
}

/** The section's items with the controller's own figures where it has them. */
function withOwnFigures(section: FormSection): FormSection {
  return {
    ...section,
    items: section.items.map((item) => {
      const figure = OWN_FIGURES.find((f) => f.number === item.number);
      return figure ? ownOrWholeIncident(item, figure) : item;
    }),
  };
}

const NOTICE_SECTIONS: FormSection[] = [
  { ...CONTROLLER_SECTION, items: CONTROLLER_SECTION.items.map((item) => (item.number === '1.6' ? ADDRESSEE_ITEM : item)) },
  { ...TIMELINE_SECTION, items: [...TIMELINE_SECTION.items, INFORMED_ITEM] },
  BREACH_SECTION,
  withOwnFigures(DATA_SECTION),
  withOwnFigures(PEOPLE_SECTION),
  ...ART33_SECTIONS.slice(5),
];

const NOTICE_TITLE = L('Information of the controller about a personal data breach (GDPR Art. 33(2))', 'Information des Verantwortlichen über eine Verletzung des Schutzes personenbezogener Daten (Art. 33 Abs. 2 DSGVO)');

/** The processor's notice to one controller (Art. 33(2)), for the docs and the tests. */
export const ART33_NOTICE_FORM: DraftForm = {
  id: 'gdpr-art33-controller',
  title: NOTICE_TITLE,
  basis: L(
    'The items of the Art. 33 notification, which the controller needs for its own (Art. 33(2), Art. 28(3)(f) GDPR), as one notice per controller: item 1.6 names the controller it goes to and no other. For data_loss.role processor and both; gdpr-art33 of a processor is the same notice.',
    'Die Angaben der Meldung nach Art. 33, die der Verantwortliche für seine eigene Meldung braucht (Art. 33 Abs. 2, Art. 28 Abs. 3 lit. f DSGVO), als eine Information je Verantwortlichem: Angabe 1.6 nennt den Verantwortlichen, an den sie geht, und keinen anderen. Für data_loss.role processor und both; gdpr-art33 eines Auftragsverarbeiters ist dieselbe Information.',
  ),
  sections: NOTICE_SECTIONS,
};

/** The Art. 33 form, for the docs and the tests. */
export const ART33_FORM: DraftForm = {
  id: 'gdpr-art33',
  title: L('Notification of a personal data breach to the supervisory authority (GDPR Art. 33)', 'Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)'),
  basis: L(
    'The sections of the LfD Niedersachsen form (1–7), then the remedies and other authorities of the LfDI Rheinland-Pfalz form; a follow-up starts with the reference (0). A processor (data_loss.role: processor) gets its notice to a controller instead (gdpr-art33-controller, Art. 33(2)); with role both this is the notification for the data it controls, and gdpr-art33-controller the notice to the controllers.',
    'Die Abschnitte des Formulars der LfD Niedersachsen (1–7), dann Abhilfe und weitere Behörden aus dem Formular des LfDI Rheinland-Pfalz; eine Folgemeldung beginnt mit dem Bezug (0). Ein Auftragsverarbeiter (data_loss.role: processor) erhält stattdessen seine Information an einen Verantwortlichen (gdpr-art33-controller, Art. 33 Abs. 2); bei role both ist dies die Meldung für die eigenen Daten und gdpr-art33-controller die Information an die Verantwortlichen.',
  ),
  sections: [FOLLOW_UP_SECTION, ...ART33_SECTIONS],
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** True when this Art. 33 draft is a follow-up: a first notification was sent and `--initial` is not given. */
function isFollowUp(ctx: DraftContext): boolean {
  return !ctx.initial && !isNotice(ctx) && wasNotified(ctx);
}

/**
 * True when a first notification is recorded: as an instant (the one that stops the clock), or
 * written but unreadable (`gestern`, `2023-11-01`), which still says one was sent.
 */
function wasNotified(ctx: DraftContext): boolean {
  return instantIn(ctx.loss.authority_notified_at, ctx.zone) !== null || unreadableNotified(ctx) !== null;
}

/** Builds the Art. 33 draft: first notification or follow-up; for a processor, its notice to a controller. */
export function gdprArt33Draft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  if (gdprRole(ctx.data) === 'processor') return noticeDraft(ctx, options.controller);
  const followUp = isFollowUp(ctx);
  const sections: DraftSection[] = [];
  if (followUp) sections.push(formSection(ctx, FOLLOW_UP_SECTION));
  ART33_SECTIONS.forEach((section) => sections.push(formSection(ctx, section)));
  sections.push(phasedSection(ctx, followUp, gapsOf({ meta: [], sections })));

  const deadline = deadlineOf(ctx);
  const title = followUp ? L('Follow-up notification of a personal data breach to the supervisory authority (GDPR Art. 33(4))', 'Folgemeldung (ergänzende Meldung) einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 Abs. 4 DSGVO)') : ART33_FORM.title;
  return {
    locale: ctx.locale,
    title: ctx.t(title),
    banner: ctx.t(CONFIDENTIAL),
    columns: columns(ctx),
    meta: [
      { label: ctx.t(L('Report', 'Bericht')), value: ctx.textOr(ctx.data.id, L('report id', 'Berichtskennung')) },
      ...(deadline && !followUp ? [{ label: ctx.t(DEADLINE_LABELS['gdpr-art33']), value: ctx.t(L('due by {due}', 'fällig bis {due}'), { due: ctx.due(deadline) }) }] : []),
    ],
    sections,
  };
}

/** Builds the processor's notice to one controller (Art. 33(2)): for `role: processor` and `both` (`render --as gdpr-art33-controller`). */
export function gdprArt33NoticeDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  return noticeDraft(draftContext(report, options), options.controller);
}

/**
 * The controllers a processor's notice (gdpr-art33-controller) can go to, one notice each: the named
 * entries of `data_loss.controllers`; none for `data_loss.role: controller`. What an editor offers
 * for `DraftOptions.controller`.
 */
export function noticeAddressees(data: Record<string, unknown>): string[] {
  if (gdprRole(data) === 'controller') return [];
  // Names only: the zone reads `notified_at`, which is not used here.
  return controllersToNotify(data, 'UTC').flatMap((c) => (c.name !== null ? [c.name] : []));
}

/**
 * The controller a notice goes to: `wanted` (`render --controller`) when it is one of
 * `data_loss.controllers`, else the only one; otherwise a gap naming them, since each controller
 * gets its own notice and learns nothing of the others.
 */
function addresseeOf(ctx: DraftContext, wanted: string | undefined): { name: string | null; value: DraftValue } {
  if (gdprRole(ctx.data) === 'controller') return { name: null, value: ctx.t(NOT_APPLICABLE) };
  const names = noticeAddressees(ctx.data);
  const listed = names.join('; ');
  const missing = L('which controller this notice goes to', 'an welchen Verantwortlichen diese Information geht');
  if (wanted !== undefined) {
    const name = names.find((n) => n === wanted.trim()) ?? names.find((n) => n.normalize('NFC').toLowerCase() === wanted.trim().normalize('NFC').toLowerCase());
    if (name !== undefined) return { name, value: name };
    return {
      name: null,
      value: gap(ctx.t(L('{missing}: "{wanted}" is not in data_loss.controllers ({listed})', '{missing}: „{wanted}“ steht nicht unter data_loss.controllers ({listed})'), { missing: ctx.t(missing), wanted: wanted.trim(), listed: listed || ctx.t(L('none recorded', 'keine erfasst')) })),
    };
  }
  if (names.length === 1) return { name: names[0]!, value: names[0]! };
  if (names.length === 0) return { name: null, value: gap(ctx.t(L('{missing} (data_loss.controllers)', '{missing} (data_loss.controllers)'), { missing: ctx.t(missing) })) };
  return { name: null, value: gap(ctx.t(L('{missing} (one notice per controller): {listed}', '{missing} (eine Information je Verantwortlichem): {listed}'), { missing: ctx.t(missing), listed })) };
}

function noticeDraft(report: DraftContext, wanted: string | undefined): DraftDocument {
  const role = gdprRole(report.data);
  const addressee = addresseeOf(report, wanted);
  const ctx: DraftContext = { ...report, notice: { addressee: addressee.value, name: addressee.name } };
  const intro: DraftBlock[] = [];
  if (role === 'controller') {
    intro.push({
      kind: 'paragraph',
      value: ctx.t(L(
        'Not due: data_loss.role is controller, so no processor notice goes to a controller (Art. 33(2)); for data processed on behalf of others set data_loss.role to processor or both and list the controllers.',
        'Entfällt: data_loss.role ist controller, eine Information eines Auftragsverarbeiters an einen Verantwortlichen (Art. 33 Abs. 2) ist nicht fällig; für Daten, die im Auftrag anderer verarbeitet werden, data_loss.role auf processor oder both setzen und die Verantwortlichen aufführen.',
      )),
    });
  } else {
    intro.push({
      kind: 'paragraph',
      value: ctx.t(
        L(
          'As processor, we{org} inform you as controller{addressee} of a breach of the personal data we process on your behalf (Art. 33(2) GDPR), so that you can notify your supervisory authority (Art. 33(1)).',
          'Als Auftragsverarbeiter informieren wir{org} Sie als Verantwortlichen{addressee} über eine Verletzung des Schutzes der personenbezogenen Daten, die wir in Ihrem Auftrag verarbeiten (Art. 33 Abs. 2 DSGVO), damit Sie Ihre Aufsichtsbehörde benachrichtigen können (Art. 33 Abs. 1).',
        ),
        { org: nameAfterWe(ctx), addressee: addressee.name !== null ? ` (${addressee.name})` : '' },
      ),
    });
    // With other controllers (or its own data) in the report, its figures are not this controller's alone unless the controller's entry gives its own.
    const note = wholeIncidentNote(ctx);
    if (note !== null) intro.push({ kind: 'paragraph', value: note });
  }
  const sections: DraftSection[] = [];
  NOTICE_SECTIONS.forEach((section, i) => sections.push(formSection(ctx, section, i === 0 ? { before: intro } : {})));
  sections.push(phasedSection(ctx, false, gapsOf({ meta: [], sections })));
  return {
    locale: ctx.locale,
    title: ctx.t(NOTICE_TITLE),
    banner: ctx.t(CONFIDENTIAL),
    columns: columns(ctx),
    meta: [
      { label: ctx.t(L('Report', 'Bericht')), value: ctx.textOr(ctx.data.id, L('report id', 'Berichtskennung')) },
      { label: ctx.t(L('To', 'An')), value: addressee.value },
    ],
    sections,
  };
}

/** Art. 33(4): what is still open, in a first notification or a follow-up. */
function phasedSection(ctx: DraftContext, followUp: boolean, gaps: string[]): DraftSection {
  const unknown = stillUnknown(ctx, gaps);
  // A notice to a controller is no notification to an authority: neither "first notification" nor its follow-up.
  const notified = !isNotice(ctx) && wasNotified(ctx);
  let lead: string;
  if (followUp) {
    // Unreadable, the date of the first notification is the gap in 0.2, never invented here.
    const date = unreadableNotified(ctx) === null ? ctx.t(L('of {date}', 'vom {date}'), { date: ctx.time(ctx.loss.authority_notified_at)! }) : ctx.t(L('(date: see 0.2)', '(Datum: siehe 0.2)'));
    lead =
      unknown.length > 0
        ? ctx.t(L('This follow-up supplements the first notification {date} with the facts as they now stand. The following will be provided without undue further delay:', 'Diese Folgemeldung ergänzt die Erstmeldung {date} um den aktuellen Stand. Folgendes wird ohne unangemessene weitere Verzögerung nachgereicht:'), { date })
        : ctx.t(L('This follow-up supplements the first notification {date} with the facts as they now stand; all required information is now given.', 'Diese Folgemeldung ergänzt die Erstmeldung {date} um den aktuellen Stand; alle erforderlichen Angaben liegen nun vor.'), { date });
  } else if (notified) {
    // `--initial` after a notification was sent: the first notification again, never called a new one.
    lead = ctx.t(L('Information not yet known follows without undue further delay:', 'Noch nicht bekannte Angaben werden ohne unangemessene weitere Verzögerung nachgereicht:'));
  } else if (isNotice(ctx)) {
    lead = ctx.t(L('The following is not known yet and will be provided without undue further delay:', 'Folgendes ist noch nicht bekannt und wird ohne unangemessene weitere Verzögerung nachgereicht:'));
  } else {
    lead = ctx.t(L('This is a first notification. The following is not known yet and will be provided without undue further delay:', 'Dies ist eine Erstmeldung. Folgendes ist noch nicht bekannt und wird ohne unangemessene weitere Verzögerung nachgereicht:'));
  }
  const blocks: DraftBlock[] =
    unknown.length > 0 || (!followUp && notified)
      ? [{ kind: 'paragraph', value: lead }, { kind: 'list', label: ctx.t(L('Still open', 'Noch offen')), items: unknown.length > 0 ? unknown : [ctx.t(L('nothing', 'nichts'))] }]
      : followUp
        ? [{ kind: 'paragraph', value: lead }]
        : [{ kind: 'paragraph', value: ctx.t(L('All required information is given; no follow-up is planned.', 'Alle erforderlichen Angaben liegen vor; eine Nachmeldung ist nicht vorgesehen.')) }];
  return { heading: ctx.t(L('10. Phased notification (Art. 33(4))', '10. Meldung in Schritten (Art. 33 Abs. 4)')), blocks };
}

function informedValue(ctx: DraftContext): DraftValue {
  const informed = ctx.time(ctx.loss.subjects_informed_at);
  const how = ctx.words('/data_loss/subjects_informed_how', ctx.loss.subjects_informed_how);
  if (informed) return how ? `${informed} (${how})` : informed;
  const exemption = ctx.words('/data_loss/art34_exemption', ctx.loss.art34_exemption);
  // (a) and (b) make the notice unnecessary; only (c) replaces it by a public communication.
  if (exemption && ctx.loss.art34_exemption === 'disproportionate_effort') return ctx.t(L('not individually, because {why}', 'nicht einzeln, denn {why}'), { why: exemption });
  if (exemption) return ctx.t(L('not required, because {why}', 'nicht erforderlich, denn {why}'), { why: exemption });
  if (ctx.loss.risk === 'high') return gap(ctx.t(L('when the people affected were informed, or why not (Art. 34(3))', 'wann die Betroffenen benachrichtigt wurden oder warum nicht (Art. 34 Abs. 3)')));
  return ctx.t(L('not required unless the risk is high', 'nur bei hohem Risiko erforderlich'));
}

/**
 * The entry of `authorities` that receives this notification, left out of "other authorities" (9.1):
 * the data protection authority whose reference is `data_loss.authority_reference`, else the only
 * one. A processor's notice goes to its controllers, so it has none; with several data protection
 * authorities and no matching reference it is not known which one it is, and none is left out.
 */
function recipientAuthority(ctx: DraftContext): Record<string, unknown> | null {
  if (isNotice(ctx)) return null;
  const dpas = recordItems(ctx.data.authorities).filter((a) => a.role === 'data_protection');
  const own = ctx.text(ctx.loss.authority_reference);
  const byReference = own ? dpas.filter((a) => ctx.text(a.reference) === own) : [];
  if (byReference.length === 1) return byReference[0]!;
  return dpas.length === 1 ? dpas[0]! : null;
}

/** Other authorities involved, with their internal references (a draft for an authority may carry them); never the recipient. */
function authorityItems(ctx: DraftContext): string[] {
  const recipient = recipientAuthority(ctx);
  return recordItems(ctx.data.authorities)
    .filter((a) => a !== recipient)
    .map((a) => {
      const name = ctx.text(a.name);
      if (!name) return null;
      const notified = ctx.time(a.notified_at);
      const reference = ctx.text(a.reference);
      // Semicolons: the date itself holds commas ("Mittwoch, 19. November 2025, 10:00 Uhr").
      const details = [
        ctx.words('/authorities/0/role', a.role),
        notified && ctx.t(L('informed on {when}', 'informiert am {when}'), { when: notified }),
        reference && `${ctx.t(L('ref.', 'Az.'))} ${reference}`,
      ].filter(Boolean);
      return details.length > 0 ? `${name} (${details.join('; ')})` : name;
    })
    .filter((item): item is string => item !== null);
}

/** What is still unknown: the draft's gaps plus the facts the report marks as open. */
function stillUnknown(ctx: DraftContext, gaps: string[]): string[] {
  const open: string[] = [];
  if (ctx.loss.personal_data === 'unknown') open.push(ctx.t(L('whether personal data is affected', 'ob personenbezogene Daten betroffen sind')));
  if (ctx.loss.exfiltration === 'under_investigation' || ctx.loss.exfiltration === 'suspected') open.push(ctx.t(L('whether data was exfiltrated (under investigation)', 'ob Daten abgeflossen sind (wird untersucht)')));
  // The same words as the gap in 3.4, so that the list names it once.
  if (ctx.loss.occurred === 'unknown') open.push(ctx.t(DATA_LOST));
  return [...new Set([...open, ...gaps])];
}

// ---------------------------------------------------------------------------------------------
// Art. 34

/** What happened, without claiming more than the facts: personal data affected, possibly affected, or not. */
function whatHappened(ctx: DraftContext): DraftValue {
  const organization = ctx.text(ctx.data.organization);
  const detected = ctx.time(record(ctx.data.timestamps).detected_at);
  if (!organization || !detected) return gap(ctx.t(L('what happened, when and to whom, in plain words', 'was wann wem passiert ist, in einfachen Worten')));
  const values = { date: detected, organization, title: ctx.text(ctx.data.title) ?? '' };
  // A processor's draft is the controller's notice: "we" are the controller, and the organisation that found the breach is its processor.
  if (gdprRole(ctx.data) === 'processor') {
    if (ctx.loss.personal_data === 'yes') {
      return ctx.t(L('On {date}, our processor ({organization}) found that personal data it processes about you on our behalf was affected by a security incident: {title}.', 'Am {date} hat unser Auftragsverarbeiter ({organization}) festgestellt, dass personenbezogene Daten, die er in unserem Auftrag über Sie verarbeitet, von einem Sicherheitsvorfall betroffen sind: {title}.'), values);
    }
    if (ctx.loss.personal_data === 'unknown') {
      return ctx.t(L('On {date}, our processor ({organization}) found a security incident: {title}. Personal data it processes about you on our behalf may be affected; whether it is, is still being investigated.', 'Am {date} hat unser Auftragsverarbeiter ({organization}) einen Sicherheitsvorfall festgestellt: {title}. Personenbezogene Daten, die er in unserem Auftrag über Sie verarbeitet, können betroffen sein; ob das so ist, wird noch untersucht.'), values);
    }
  }
  switch (ctx.loss.personal_data) {
    case 'yes':
      return ctx.t(L('On {date}, {organization} found that personal data it holds about you was affected by a security incident: {title}.', 'Am {date} haben wir ({organization}) festgestellt, dass personenbezogene Daten, die bei uns über Sie gespeichert sind, von einem Sicherheitsvorfall betroffen sind: {title}.'), values);
    case 'unknown':
      return ctx.t(L('On {date}, {organization} found a security incident: {title}. Personal data it holds about you may be affected; whether it is, is still being investigated.', 'Am {date} haben wir ({organization}) einen Sicherheitsvorfall festgestellt: {title}. Personenbezogene Daten, die bei uns über Sie gespeichert sind, können betroffen sein; ob das so ist, wird noch untersucht.'), values);
    default:
      return gap(ctx.t(L('whether personal data is affected at all (data_loss.personal_data is not yes): a notice under Art. 34 is only due when it is', 'ob überhaupt personenbezogene Daten betroffen sind (data_loss.personal_data ist nicht yes): Eine Benachrichtigung nach Art. 34 ist nur dann fällig')));
  }
}

const ART34_SECTION: FormSection = {
  heading: L('Information for the people affected', 'Information für die Betroffenen'),
  items: [
    {
      number: '1',
      label: L('What happened', 'Was ist passiert?'),
      fields: ['organization', 'timestamps.detected_at', 'title', 'data_loss.personal_data', 'data_loss.statement'],
      source: L('Art. 34(2) GDPR: the nature of the breach in clear and plain language', 'Art. 34 Abs. 2 DSGVO: Art der Verletzung in klarer und einfacher Sprache'),
      value: (ctx) => {
        const statement = ctx.text(ctx.loss.statement);
        return statement ? [whatHappened(ctx), statement] : whatHappened(ctx);
      },
    },
    {
      number: '2',
      label: L('Which of your data is affected', 'Welche Daten sind betroffen?'),
      fields: ['data_loss.data_categories[]'],
      source: L('Art. 34(2) GDPR', 'Art. 34 Abs. 2 DSGVO'),
      value: (ctx) => listOr(ctx, stringList(ctx, ctx.loss.data_categories), L('which kinds of data are affected', 'welche Arten von Daten betroffen sind')),
    },
    textItem('3', L('What this can mean for you', 'Was kann das für Sie bedeuten?'), 'data_loss.likely_consequences', L('Art. 34(2) with Art. 33(3)(c) GDPR', 'Art. 34 Abs. 2 mit Art. 33 Abs. 3 lit. c DSGVO'), L('the likely consequences for you', 'die wahrscheinlichen Folgen für Sie')),
    // The people affected read the measures as the public may read them: `measures` is the account
    // for the authorities (internal references, how the attack was stopped) and never goes here.
    {
      number: '4',
      label: L('What we are doing', 'Was tun wir?'),
      fields: ['data_loss.public_measures'],
      source: L('Art. 34(2) with Art. 33(3)(d) GDPR', 'Art. 34 Abs. 2 mit Art. 33 Abs. 3 lit. d DSGVO'),
      value: (ctx) => {
        const measures = ctx.textOr(ctx.loss.public_measures, L('what we have done and are doing, as the people affected may read it (data_loss.public_measures; data_loss.measures stays internal)', 'was wir getan haben und tun, so wie die Betroffenen es lesen dürfen (data_loss.public_measures; data_loss.measures bleibt intern)'));
        // In the controller's notice a processor's measures are named as its processor's, never as the controller's own "we".
        if (gdprRole(ctx.data) !== 'processor' || typeof measures !== 'string') return measures;
        return ctx.t(L('Measures taken by our processor ({processor}): {measures}', 'Maßnahmen unseres Auftragsverarbeiters ({processor}): {measures}'), { processor: processorName(ctx), measures });
      },
    },
    textItem(
      '5',
      L('What you can do now', 'Was können Sie jetzt tun?'),
      'data_loss.advice',
      L('Art. 34(2) with Art. 33(3)(d) GDPR (mitigating the possible adverse effects)', 'Art. 34 Abs. 2 mit Art. 33 Abs. 3 lit. d DSGVO (Abmilderung möglicher nachteiliger Auswirkungen)'),
      L('what you can do yourself now (data_loss.advice)', 'was Sie jetzt selbst tun können (data_loss.advice)'),
    ),
    {
      number: '6',
      label: L('Who can answer your questions', 'Wer beantwortet Ihre Fragen?'),
      fields: ['contacts[role=dpo]', 'contacts[data_protection=yes]', 'contacts[role=hotline]'],
      source: L('Art. 34(2) with Art. 33(3)(b) GDPR', 'Art. 34 Abs. 2 mit Art. 33 Abs. 3 lit. b DSGVO'),
      value: (ctx) => {
        // The controller's contact point: a processor's report holds only the processor's own DPO and hotline, never the controller's.
        if (gdprRole(ctx.data) === 'processor') {
          const names = noticeAddressees(ctx.data);
          const values = { controllers: names.length > 0 ? names.join('; ') : 'data_loss.controllers', processor: processorName(ctx) };
          return gap(ctx.t(L('name and contact details of the controller\'s data protection officer ({controllers}), not those of the processor {processor}', 'Name und Kontaktdaten der/des Datenschutzbeauftragten des Verantwortlichen ({controllers}), nicht die des Auftragsverarbeiters {processor}'), values));
        }
        // The DPO, else the contact the report marks as the contact point for data protection questions.
        const point = dataProtectionContact(ctx);
        const line = contactLine(ctx, point?.contact);
        const hotlineContact = ctx.contacts('hotline')[0];
        const hotline = hotlineContact !== point?.contact ? contactLine(ctx, hotlineContact) : null;
        const values: DraftValue[] = [
          line
            ? ctx.t(point!.dpo ? L('Data protection officer: {contact}', 'Datenschutzbeauftragte(r): {contact}') : L('Contact point for data protection questions: {contact}', 'Ansprechstelle für Datenschutzfragen: {contact}'), { contact: line })
            : gap(ctx.t(L('name and contact details of the data protection officer', 'Name und Kontaktdaten der/des Datenschutzbeauftragten'))),
        ];
        if (hotline) values.push(ctx.t(L('Hotline: {contact}', 'Hotline: {contact}'), { contact: hotline }));
        return values.length === 1 ? values[0]! : values;
      },
    },
  ],
};

/** The Art. 34 notice, for the docs and the tests. */
export const ART34_FORM: DraftForm = {
  id: 'gdpr-art34',
  title: L('Information about a breach of your personal data (GDPR Art. 34)', 'Information über eine Verletzung des Schutzes Ihrer personenbezogenen Daten (Art. 34 DSGVO)'),
  basis: L('The contents Art. 34(2) GDPR requires, in plain language.', 'Die Angaben nach Art. 34 Abs. 2 DSGVO, in einfacher Sprache.'),
  sections: [ART34_SECTION],
};

const VOLUNTARY = L(' This draft is for a voluntary notice only.', ' Dieser Entwurf dient nur einer freiwilligen Information.');

/**
 * Whether the notice is required at all, and why, as the first line of the Art. 34 draft: a notice
 * that is not required (risk not high, or an Art. 34(3)(a)/(b) exemption) must not read as due.
 */
function art34Required(ctx: DraftContext): DraftValue {
  if (ctx.loss.personal_data === 'no') return ctx.t(L('no: no personal data is affected (data_loss.personal_data: no)', 'nein: keine personenbezogenen Daten betroffen (data_loss.personal_data: no)'));
  // Art. 34(1) is the controller's duty: a processor assists (Art. 28(3)(f)) and never reads as the one it is due from.
  if (gdprRole(ctx.data) === 'processor') {
    const names = noticeAddressees(ctx.data);
    if (names.length === 0) return gap(ctx.t(L('which controllers tell the people affected (data_loss.controllers): the notice is each controller\'s duty (Art. 34(1) GDPR), not ours as processor', 'welche Verantwortlichen die Betroffenen benachrichtigen (data_loss.controllers): Die Benachrichtigung ist Pflicht jedes Verantwortlichen (Art. 34 Abs. 1 DSGVO), nicht unsere als Auftragsverarbeiter')));
    const controllers = names.join('; ');
    return ctx.t(L('not by us as processor: each controller tells the people affected (Art. 34(1) GDPR): {controllers}. We assist them (Art. 28(3)(f) GDPR); this draft is a template for them.', 'nicht durch uns als Auftragsverarbeiter: Die Betroffenen benachrichtigt jeder Verantwortliche (Art. 34 Abs. 1 DSGVO): {controllers}. Wir unterstützen sie dabei (Art. 28 Abs. 3 lit. f DSGVO); dieser Entwurf dient ihnen als Vorlage.'), { controllers });
  }
  const risk = ctx.loss.risk;
  if (risk === 'none' || risk === 'risk') {
    return ctx.t(L('no: the risk to the people affected is not high (assessed: {risk}); Art. 34(1) GDPR requires the notice only for a likely high risk.', 'nein: Das Risiko für die betroffenen Personen ist nicht hoch (Bewertung: {risk}); Art. 34 Abs. 1 DSGVO verlangt die Benachrichtigung nur bei voraussichtlich hohem Risiko.'), { risk: ctx.words('/data_loss/risk', risk)! }) + ctx.t(VOLUNTARY);
  }
  if (risk !== 'high') return gap(ctx.t(L('whether the notice is required: only for a likely high risk, and the risk is not assessed yet (data_loss.risk)', 'ob die Benachrichtigung erforderlich ist: nur bei voraussichtlich hohem Risiko, und das Risiko ist noch nicht bewertet (data_loss.risk)')));
  const exemption = ctx.loss.art34_exemption;
  if (exemption === 'encrypted' || exemption === 'mitigated') {
    return ctx.t(L('no: {why}; then the notice is not required.', 'nein: {why}; dann ist die Benachrichtigung nicht erforderlich.'), { why: ctx.words('/data_loss/art34_exemption', exemption)! }) + ctx.t(VOLUNTARY);
  }
  if (exemption === 'disproportionate_effort') return ctx.t(L('yes, as a public communication instead of individual notices (Art. 34(3)(c) GDPR): a likely high risk', 'ja, als öffentliche Bekanntmachung statt einzelner Benachrichtigungen (Art. 34 Abs. 3 lit. c DSGVO): voraussichtlich hohes Risiko'));
  return ctx.t(L('yes, without undue delay: a likely high risk to the people affected (Art. 34(1) GDPR)', 'ja, unverzüglich: voraussichtlich hohes Risiko für die betroffenen Personen (Art. 34 Abs. 1 DSGVO)'));
}

/** The processor's name in the controller's notice ("die Organisation" without one). */
function processorName(ctx: DraftContext): string {
  return ctx.text(ctx.data.organization) ?? ctx.t(L('the organisation', 'die Organisation'));
}

/** Who sends the Art. 34 notice: the controller; for a processor a gap naming its controllers, never the processor itself. */
function art34Sender(ctx: DraftContext, organization: string | null): DraftValue {
  if (gdprRole(ctx.data) !== 'processor') return organization ?? gap(ctx.t(L('the controller', 'der Verantwortliche')));
  const names = noticeAddressees(ctx.data);
  const values = { controllers: names.length > 0 ? ` (${names.join('; ')})` : ' (data_loss.controllers)', processor: organization ?? processorName(ctx) };
  return gap(ctx.t(L('the controller giving the notice{controllers}, not {processor} as processor', 'der Verantwortliche, der benachrichtigt{controllers}, nicht {processor} als Auftragsverarbeiter'), values));
}

/** Builds the Art. 34 notice to the people affected: plain language, the Art. 34(2) contents. */
export function gdprArt34Draft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  const organization = ctx.text(ctx.data.organization);
  return {
    locale: ctx.locale,
    title: ctx.t(ART34_FORM.title),
    banner: ctx.t(L('Confidential draft — not to be sent or published before approval.', 'Vertraulicher Entwurf – vor der Freigabe nicht versenden oder veröffentlichen.')),
    columns: columns(ctx),
    meta: [
      { label: ctx.t(L('Notice required', 'Benachrichtigung erforderlich')), value: art34Required(ctx) },
      { label: ctx.t(L('From', 'Absender')), value: art34Sender(ctx, organization) },
    ],
    sections: [formSection(ctx, ART34_SECTION)],
  };
}

/** " (Stadt Lindenau)" after "wir"/"we": a name reads right there with or without an article. */
function nameAfterWe(ctx: DraftContext): string {
  const name = ctx.text(ctx.data.organization);
  return name ? ` (${name})` : '';
}
