/**
 * GDPR drafts: the Art. 33 notification to the supervisory authority, laid out like the state DPA
 * forms (Niedersachsen's sections: controller and contact, timeline, the breach, data, people,
 * consequences and measures), and the Art. 34 notice to the people affected in plain language.
 */
import type { Localized } from '../../types';
import type { ParsedReport } from '../../parse';
import { recordItems } from '../../fields';
import { DEADLINE_LABELS, formatTimeLeft } from '../../deadlines';
import { contactLine, draftContext, stringList, type DraftContext, type DraftOptions } from './context';
import { gap, gapsOf, type DraftBlock, type DraftDocument, type DraftSection, type DraftValue } from './document';

const L = (en: string, de: string): Localized => ({ en, de });

/** The confidentiality banner of drafts for an authority. */
export const CONFIDENTIAL: Localized = L(
  'Confidential — draft for the authority, not for publication. Check every entry before sending.',
  'Vertraulich – Entwurf für die Behörde, nicht zur Veröffentlichung. Vor dem Absenden jede Angabe prüfen.',
);

function field(label: string, value: DraftValue): DraftBlock {
  return { kind: 'field', label, value };
}

/** The controller's contact point: the DPO, else the press office is no substitute, so a gap. */
function dpoValue(ctx: DraftContext): DraftValue {
  return (
    contactLine(ctx, ctx.contacts('dpo')[0]) ??
    gap(ctx.t(L('name and contact details of the data protection officer or another contact point (Art. 33(3)(b))', 'Name und Kontaktdaten der/des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle (Art. 33 Abs. 3 lit. b)')))
  );
}

function timeOr(ctx: DraftContext, value: unknown, missing: Localized): DraftValue {
  return ctx.time(value) ?? gap(ctx.t(missing));
}

function numberOr(ctx: DraftContext, value: unknown, missing: Localized): DraftValue {
  if (typeof value === 'number' && Number.isFinite(value)) return ctx.t(L('about {n}', 'rund {n}'), { n: value.toLocaleString(ctx.locale === 'de' ? 'de-DE' : 'en-GB') });
  return gap(ctx.t(missing));
}

/** Builds the Art. 33 notification draft. */
export function gdprArt33Draft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  const { data, loss } = ctx;
  const deadline = ctx.deadlines.find((d) => d.kind === 'gdpr-art33');
  const timestamps = (data.timestamps ?? {}) as Record<string, unknown>;
  const notifiedAt = ctx.time(loss.authority_notified_at);

  const controller: DraftSection = {
    heading: ctx.t(L('1. Controller and contact point', '1. Verantwortlicher und Anlaufstelle')),
    blocks: [
      field(ctx.t(L('Controller', 'Verantwortlicher')), ctx.textOr(data.organization, L('name of the controller', 'Name des Verantwortlichen'))),
      field(ctx.t(L('Data protection officer / contact point', 'Datenschutzbeauftragte(r) / Anlaufstelle')), dpoValue(ctx)),
      field(ctx.t(L('Person reporting', 'Meldende Person')), gap(ctx.t(L('name, function and contact details of the person reporting', 'Name, Funktion und Kontaktdaten der meldenden Person')))),
    ],
  };

  const timeline: DraftSection = {
    heading: ctx.t(L('2. Timeline', '2. Zeitlicher Ablauf')),
    blocks: [
      field(
        ctx.t(L('Became aware', 'Kenntnis erlangt')),
        ctx.time(loss.aware_at) ??
          (ctx.time(timestamps.detected_at)
            ? ctx.t(L('{time} (time of detection; aware_at not recorded)', '{time} (Zeitpunkt der Entdeckung; aware_at nicht erfasst)'), { time: ctx.time(timestamps.detected_at)! })
            : gap(ctx.t(L('when the organisation became aware of the breach', 'wann die Organisation Kenntnis von der Verletzung erlangt hat')))),
      ),
      field(ctx.t(L('Breach began', 'Beginn der Verletzung')), timeOr(ctx, timestamps.started_at, L('when the breach began', 'wann die Verletzung begann'))),
      field(ctx.t(L('Detected', 'Entdeckt')), timeOr(ctx, timestamps.detected_at, L('when the breach was detected', 'wann die Verletzung entdeckt wurde'))),
      field(ctx.t(L('Contained', 'Eingedämmt')), timeOr(ctx, timestamps.contained_at, L('when the breach was contained (not yet recorded)', 'wann die Verletzung eingedämmt wurde (noch nicht erfasst)'))),
      ...(deadline
        ? [
            field(
              ctx.t(L('Notification due (72 hours after becoming aware)', 'Meldung fällig (72 Stunden nach Kenntnisnahme)')),
              notifiedAt ? ctx.instant(deadline.dueAt) : `${ctx.instant(deadline.dueAt)} (${formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale)})`,
            ),
          ]
        : []),
      ...(notifiedAt ? [field(ctx.t(L('Notified', 'Gemeldet')), notifiedAt)] : []),
    ],
  };

  const categories = stringList(ctx, loss.data_categories);
  const services = recordItems(data.affected_services).map((s) => ctx.text(s.name)).filter((n): n is string => n !== null);
  const breach: DraftSection = {
    heading: ctx.t(L('3. Nature of the breach', '3. Art der Verletzung')),
    blocks: [
      field(ctx.t(L('Incident', 'Vorfall')), ctx.textOr(data.title, L('short description of the incident', 'Kurzbeschreibung des Vorfalls'))),
      field(ctx.t(L('Type', 'Art')), ctx.words('/incident_type', data.incident_type) ?? gap(ctx.t(L('type of incident', 'Art des Vorfalls')))),
      field(ctx.t(L('Data loss', 'Datenverlust')), ctx.words('/data_loss/occurred', loss.occurred) ?? gap(ctx.t(L('whether data was lost', 'ob Daten verloren gingen')))),
      field(ctx.t(L('Exfiltration', 'Datenabfluss')), ctx.words('/data_loss/exfiltration', loss.exfiltration) ?? gap(ctx.t(L('whether data was exfiltrated', 'ob Daten abgeflossen sind')))),
      field(ctx.t(L('Personal data', 'Personenbezogene Daten')), ctx.words('/data_loss/personal_data', loss.personal_data) ?? gap(ctx.t(L('whether personal data is affected', 'ob personenbezogene Daten betroffen sind')))),
      ...(services.length > 0 ? [{ kind: 'list' as const, label: ctx.t(L('Systems and services affected', 'Betroffene Systeme und Dienste')), items: services }] : []),
    ],
  };

  const dataSection: DraftSection = {
    heading: ctx.t(L('4. Data concerned', '4. Betroffene Daten')),
    blocks: [
      categories.length > 0
        ? { kind: 'list', label: ctx.t(L('Categories of personal data', 'Kategorien personenbezogener Daten')), items: categories }
        : field(ctx.t(L('Categories of personal data', 'Kategorien personenbezogener Daten')), gap(ctx.t(L('categories of personal data, incl. special categories (Art. 9)', 'Kategorien personenbezogener Daten, auch besondere Kategorien (Art. 9)')))),
      field(ctx.t(L('Approximate number of records', 'Ungefähre Zahl der Datensätze')), numberOr(ctx, loss.records_approx, L('approximate number of records', 'ungefähre Zahl der Datensätze'))),
    ],
  };

  const people: DraftSection = {
    heading: ctx.t(L('5. People concerned', '5. Betroffene Personen')),
    blocks: [
      field(ctx.t(L('Approximate number of people', 'Ungefähre Zahl der Personen')), numberOr(ctx, loss.subjects_approx, L('approximate number of people affected', 'ungefähre Zahl der betroffenen Personen'))),
      field(ctx.t(L('People informed (Art. 34)', 'Betroffene benachrichtigt (Art. 34)')), informedValue(ctx)),
      ...publicCommunicationBlocks(ctx),
    ],
  };

  const consequences: DraftSection = {
    heading: ctx.t(L('6. Likely consequences and risk', '6. Wahrscheinliche Folgen und Risiko')),
    blocks: [
      field(ctx.t(L('Likely consequences', 'Wahrscheinliche Folgen')), ctx.textOr(loss.likely_consequences, L('likely consequences for the people affected (Art. 33(3)(c))', 'wahrscheinliche Folgen für die betroffenen Personen (Art. 33 Abs. 3 lit. c)'))),
      field(
        ctx.t(L('Risk assessment', 'Risikobewertung')),
        loss.risk === 'unknown' || typeof loss.risk !== 'string' ? gap(ctx.t(L('risk assessment', 'Risikobewertung'))) : ctx.words('/data_loss/risk', loss.risk)!,
      ),
    ],
  };

  const measures: DraftSection = {
    heading: ctx.t(L('7. Measures taken or proposed', '7. Ergriffene oder geplante Maßnahmen')),
    blocks: [
      field(ctx.t(L('Measures', 'Maßnahmen')), ctx.textOr(loss.measures, L('measures taken or proposed, incl. mitigation (Art. 33(3)(d))', 'ergriffene oder vorgeschlagene Maßnahmen einschließlich Abmilderung (Art. 33 Abs. 3 lit. d)'))),
      ...authorityBlocks(ctx),
    ],
  };

  const sections = [controller, timeline, breach, dataSection, people, consequences, measures];
  const late = deadline && ((deadline.doneAt ?? ctx.now) > deadline.dueAt);
  if (late) {
    sections.push({
      heading: ctx.t(L('Reasons for the delay (Art. 33(1))', 'Gründe für die Verzögerung (Art. 33 Abs. 1)')),
      blocks: [{ kind: 'paragraph', value: ctx.textOr(loss.delay_reason, L('why the notification comes later than 72 hours', 'warum die Meldung später als nach 72 Stunden erfolgt')) }],
    });
  }
  const unknown = stillUnknown(ctx, gapsOf({ meta: [], sections }));
  sections.push({
    heading: ctx.t(L('Phased notification (Art. 33(4))', 'Meldung in Schritten (Art. 33 Abs. 4)')),
    blocks:
      unknown.length > 0
        ? [
            { kind: 'paragraph', value: ctx.t(L('This is a first notification. The following is not known yet and will be provided without undue further delay:', 'Dies ist eine Erstmeldung. Folgendes ist noch nicht bekannt und wird ohne unangemessene weitere Verzögerung nachgereicht:')) },
            { kind: 'list', label: ctx.t(L('Still unknown', 'Noch offen')), items: unknown },
          ]
        : [{ kind: 'paragraph', value: ctx.t(L('All required information is given; no follow-up is planned.', 'Alle erforderlichen Angaben liegen vor; eine Nachmeldung ist nicht vorgesehen.')) }],
  });

  return {
    locale: ctx.locale,
    title: ctx.t(L('Notification of a personal data breach to the supervisory authority (GDPR Art. 33)', 'Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)')),
    banner: ctx.t(CONFIDENTIAL),
    meta: [
      { label: ctx.t(L('Report', 'Bericht')), value: ctx.textOr(data.id, L('report id', 'Berichtskennung')) },
      ...(deadline ? [{ label: ctx.t(DEADLINE_LABELS['gdpr-art33']), value: ctx.t(L('due by {due}', 'fällig bis {due}'), { due: ctx.instant(deadline.dueAt) }) }] : []),
    ],
    sections,
  };
}

function informedValue(ctx: DraftContext): DraftValue {
  const informed = ctx.time(ctx.loss.subjects_informed_at);
  if (informed) return informed;
  const exemption = ctx.words('/data_loss/art34_exemption', ctx.loss.art34_exemption);
  if (exemption) return ctx.t(L('not individually ({why})', 'nicht einzeln ({why})'), { why: exemption });
  if (ctx.loss.risk === 'high') return gap(ctx.t(L('when the people affected were informed, or why not (Art. 34(3))', 'wann die Betroffenen benachrichtigt wurden oder warum nicht (Art. 34 Abs. 3)')));
  return ctx.t(L('not required unless the risk is high', 'nur bei hohem Risiko erforderlich'));
}

/**
 * With a public communication instead of individual notice (Art. 34(3)(c)): why telling each person
 * would be disproportionate (`art34_reason`, the authority will ask) and where the communication
 * appears (`art34_channel`).
 */
function publicCommunicationBlocks(ctx: DraftContext): DraftBlock[] {
  if (ctx.loss.art34_exemption !== 'disproportionate_effort') return [];
  const channels = Array.isArray(ctx.loss.art34_channel)
    ? ctx.loss.art34_channel.map((channel, i) => ctx.words(`/data_loss/art34_channel/${i}`, channel)).filter((c): c is string => c !== null)
    : [];
  return [
    field(
      ctx.t(L('Why individual notice would be disproportionate (Art. 34(3)(c))', 'Warum die einzelne Benachrichtigung unverhältnismäßig wäre (Art. 34 Abs. 3 lit. c)')),
      ctx.textOr(ctx.loss.art34_reason, L('why telling each person affected would take disproportionate effort', 'warum die einzelne Benachrichtigung der Betroffenen unverhältnismäßig wäre')),
    ),
    channels.length > 0
      ? { kind: 'list', label: ctx.t(L('Public communication published through', 'Öffentliche Bekanntmachung über')), items: channels }
      : field(ctx.t(L('Public communication published through', 'Öffentliche Bekanntmachung über')), gap(ctx.t(L('where the public communication appears', 'wo die öffentliche Bekanntmachung erscheint')))),
  ];
}

/** Other authorities involved, with their internal references (a draft for an authority may carry them). */
function authorityBlocks(ctx: DraftContext): DraftBlock[] {
  const items = recordItems(ctx.data.authorities)
    .map((a) => {
      const name = ctx.text(a.name);
      if (!name) return null;
      const details = [ctx.words('/authorities/0/role', a.role), ctx.time(a.notified_at), ctx.text(a.reference) && `${ctx.t(L('ref.', 'Az.'))} ${ctx.text(a.reference)}`].filter(Boolean);
      return details.length > 0 ? `${name} (${details.join(', ')})` : name;
    })
    .filter((item): item is string => item !== null);
  return items.length > 0 ? [{ kind: 'list', label: ctx.t(L('Other authorities involved', 'Weitere beteiligte Behörden')), items }] : [];
}

/** What is still unknown: the draft's gaps plus the facts the report marks as open. */
function stillUnknown(ctx: DraftContext, gaps: string[]): string[] {
  const open: string[] = [];
  if (ctx.loss.personal_data === 'unknown') open.push(ctx.t(L('whether personal data is affected', 'ob personenbezogene Daten betroffen sind')));
  if (ctx.loss.exfiltration === 'under_investigation' || ctx.loss.exfiltration === 'suspected') open.push(ctx.t(L('whether data was exfiltrated (under investigation)', 'ob Daten abgeflossen sind (wird untersucht)')));
  if (ctx.loss.occurred === 'unknown') open.push(ctx.t(L('whether data was lost', 'ob Daten verloren gingen')));
  return [...new Set([...open, ...gaps])];
}

/** Builds the Art. 34 notice to the people affected: plain language, the Art. 34(2) contents. */
export function gdprArt34Draft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  const { data, loss } = ctx;
  const timestamps = (data.timestamps ?? {}) as Record<string, unknown>;
  const organization = ctx.text(data.organization);
  const categories = stringList(ctx, loss.data_categories);
  const detected = ctx.time(timestamps.detected_at);
  const what: DraftValue =
    organization && detected
      ? ctx.t(
          L(
            'On {date}, {organization} found that personal data it holds about you was affected by a security incident: {title}.',
            'Am {date} hat {organization} festgestellt, dass personenbezogene Daten, die bei uns über Sie gespeichert sind, von einem Sicherheitsvorfall betroffen sind: {title}.',
          ),
          { date: detected, organization, title: ctx.text(data.title) ?? '' },
        )
      : gap(ctx.t(L('what happened, when and to whom, in plain words', 'was wann wem passiert ist, in einfachen Worten')));
  const sections: DraftSection[] = [
    { heading: ctx.t(L('What happened', 'Was ist passiert?')), blocks: [{ kind: 'paragraph', value: what }, ...(ctx.text(loss.statement) ? [{ kind: 'paragraph' as const, value: ctx.text(loss.statement)! }] : [])] },
    {
      heading: ctx.t(L('Which of your data is affected', 'Welche Daten sind betroffen?')),
      blocks: [categories.length > 0 ? { kind: 'list', label: ctx.t(L('Data', 'Daten')), items: categories } : { kind: 'paragraph', value: gap(ctx.t(L('which kinds of data are affected', 'welche Arten von Daten betroffen sind'))) }],
    },
    { heading: ctx.t(L('What this can mean for you', 'Was kann das für Sie bedeuten?')), blocks: [{ kind: 'paragraph', value: ctx.textOr(loss.likely_consequences, L('the likely consequences for you', 'die wahrscheinlichen Folgen für Sie')) }] },
    { heading: ctx.t(L('What we are doing', 'Was tun wir?')), blocks: [{ kind: 'paragraph', value: ctx.textOr(loss.measures, L('what we have done and are doing, and what you can do yourself', 'was wir getan haben und tun, und was Sie selbst tun können')) }] },
    {
      heading: ctx.t(L('Who can answer your questions', 'Wer beantwortet Ihre Fragen?')),
      blocks: [field(ctx.t(L('Data protection officer', 'Datenschutzbeauftragte(r)')), contactLine(ctx, ctx.contacts('dpo')[0]) ?? gap(ctx.t(L('name and contact details of the data protection officer', 'Name und Kontaktdaten der/des Datenschutzbeauftragten')))),
        ...ctx.contacts('hotline').slice(0, 1).map((c) => field(ctx.t(L('Hotline', 'Hotline')), contactLine(ctx, c) ?? '')).filter((b) => b.kind === 'field' && b.value !== '')],
    },
  ];
  return {
    locale: ctx.locale,
    title: ctx.t(L('Information about a breach of your personal data (GDPR Art. 34)', 'Information über eine Verletzung des Schutzes Ihrer personenbezogenen Daten (Art. 34 DSGVO)')),
    banner: ctx.t(L('Confidential draft — not to be sent or published before approval.', 'Vertraulicher Entwurf – vor der Freigabe nicht versenden oder veröffentlichen.')),
    meta: [{ label: ctx.t(L('From', 'Absender')), value: organization ?? gap(ctx.t(L('the controller', 'der Verantwortliche'))) }],
    sections,
  };
}
