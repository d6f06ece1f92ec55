/**
 * NIS2 / § 32 BSIG drafts for the joint BSI/BBK reporting office: the early warning (24 h), the
 * incident notification (72 h, may carry IoCs) and the final report (one month after the
 * notification), each with the contents NIS2 Art. 23(4) asks of its stage.
 */
import type { Localized } from '../../types';
import type { ParsedReport } from '../../parse';
import { recordItems } from '../../fields';
import { DEADLINE_LABELS, formatTimeLeft, type DeadlineKind } from '../../deadlines';
import { contactLine, draftContext, stringList, type DraftContext, type DraftOptions } from './context';
import { gap, type DraftBlock, type DraftDocument, type DraftSection, type DraftValue } from './document';
import { CONFIDENTIAL } from './gdpr';

const L = (en: string, de: string): Localized => ({ en, de });

type Stage = Exclude<DeadlineKind, 'gdpr-art33'>;

const TITLES: Record<Stage, Localized> = {
  'nis2-early-warning': L('Early warning of a significant security incident (NIS2 Art. 23(4)(a), § 32 BSIG)', 'Frühe Erstmeldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. a NIS2, § 32 BSIG)'),
  'nis2-notification': L('Incident notification (NIS2 Art. 23(4)(b), § 32 BSIG)', 'Meldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. b NIS2, § 32 BSIG)'),
  'nis2-final-report': L('Final report (NIS2 Art. 23(4)(d), § 32 BSIG)', 'Abschlussmeldung (Art. 23 Abs. 4 lit. d NIS2, § 32 BSIG)'),
};

function field(label: string, value: DraftValue): DraftBlock {
  return { kind: 'field', label, value };
}

function yesNo(ctx: DraftContext, key: 'suspected_malicious' | 'cross_border', missing: Localized): DraftValue {
  const value = ctx.nis2[key];
  if (value === 'yes' || value === 'no') return ctx.words(`/nis2/${key}`, value)!;
  return gap(ctx.t(missing));
}

const MALICIOUS = L('whether an unlawful or malicious act is suspected', 'ob ein rechtswidriges oder böswilliges Handeln vermutet wird');
const CROSS_BORDER = L('whether the incident can have a cross-border impact', 'ob grenzüberschreitende Auswirkungen möglich sind');

/** Entity, contact and the stage's clock: the same head for every stage. */
function entity(ctx: DraftContext, stage: Stage): DraftSection {
  const deadline = ctx.deadlines.find((d) => d.kind === stage);
  const done = ctx.time(ctx.nis2[stage === 'nis2-early-warning' ? 'early_warning_at' : stage === 'nis2-notification' ? 'notification_at' : 'final_report_at']);
  const contact = ctx.contacts('emergency')[0] ?? ctx.contacts('hotline')[0];
  const blocks: DraftBlock[] = [
    field(ctx.t(L('Entity', 'Einrichtung')), ctx.textOr(ctx.data.organization, L('name of the entity', 'Name der Einrichtung'))),
    field(ctx.t(L('Contact for the reporting office', 'Ansprechperson für die Meldestelle')), contactLine(ctx, contact) ?? gap(ctx.t(L('name and reachability of the contact person', 'Name und Erreichbarkeit der Ansprechperson')))),
    field(
      ctx.t(L('Became aware', 'Kenntnis erlangt')),
      ctx.aware ? ctx.instant(ctx.aware.at) : gap(ctx.t(L('when the entity became aware of the incident', 'wann die Einrichtung Kenntnis vom Vorfall erlangt hat'))),
    ),
  ];
  if (ctx.nis2.applies !== 'yes') {
    blocks.push(field(ctx.t(L('NIS2 applies', 'NIS2 anwendbar')), gap(ctx.t(L('whether the entity is covered by NIS2 (nis2.applies)', 'ob die Einrichtung unter NIS2 fällt (nis2.applies)')))));
  }
  if (deadline) {
    blocks.push(
      field(
        ctx.t(L('Due', 'Fällig')),
        deadline.doneAt === null ? `${ctx.instant(deadline.dueAt)} (${formatTimeLeft(deadline.dueAt, ctx.now, ctx.locale)})` : ctx.instant(deadline.dueAt),
      ),
    );
  } else if (stage === 'nis2-final-report') {
    blocks.push(field(ctx.t(L('Due', 'Fällig')), gap(ctx.t(L('one month after the incident notification (nis2.notification_at not recorded)', 'einen Monat nach der Meldung (nis2.notification_at nicht erfasst)')))));
  }
  if (done) blocks.push(field(ctx.t(L('Sent', 'Abgegeben')), done));
  const reference = ctx.text(ctx.nis2.reference);
  if (reference) blocks.push(field(ctx.t(L('Reference of the reporting office', 'Aktenzeichen der Meldestelle')), reference));
  return { heading: ctx.t(L('Entity and reporting', 'Einrichtung und Meldung')), blocks };
}

function description(ctx: DraftContext): DraftBlock[] {
  const services = recordItems(ctx.data.affected_services)
    .map((s) => {
      const name = ctx.text(s.name);
      const state = ctx.words('/affected_services/0/status', s.status);
      return name ? (state ? `${name}: ${state}` : name) : null;
    })
    .filter((s): s is string => s !== null);
  return [
    field(ctx.t(L('Incident', 'Vorfall')), ctx.textOr(ctx.data.title, L('short description of the incident', 'Kurzbeschreibung des Vorfalls'))),
    field(ctx.t(L('Type of threat', 'Art der Bedrohung')), ctx.words('/incident_type', ctx.data.incident_type) ?? gap(ctx.t(L('type of threat or root cause', 'Art der Bedrohung oder Grundursache')))),
    ...(services.length > 0 ? [{ kind: 'list' as const, label: ctx.t(L('Services affected', 'Betroffene Dienste')), items: services }] : []),
  ];
}

function severityBlocks(ctx: DraftContext): DraftBlock[] {
  return [
    field(ctx.t(L('Severity', 'Schweregrad')), ctx.words('/severity', ctx.data.severity) ?? gap(ctx.t(L('severity of the incident', 'Schweregrad des Vorfalls')))),
    field(ctx.t(L('Status', 'Stand')), ctx.words('/status', ctx.data.status) ?? gap(ctx.t(L('state of the handling', 'Stand der Bearbeitung')))),
    field(ctx.t(L('Expected restoration', 'Voraussichtliche Wiederherstellung')), ctx.data.expected_restoration === 'unknown' ? ctx.t(L('not yet known', 'noch nicht absehbar')) : (ctx.time(ctx.data.expected_restoration) ?? gap(ctx.t(L('expected restoration', 'voraussichtliche Wiederherstellung'))))),
  ];
}

function document(ctx: DraftContext, stage: Stage, sections: DraftSection[]): DraftDocument {
  return {
    locale: ctx.locale,
    title: ctx.t(TITLES[stage]),
    banner: ctx.t(CONFIDENTIAL),
    meta: [
      { label: ctx.t(L('Report', 'Bericht')), value: ctx.textOr(ctx.data.id, L('report id', 'Berichtskennung')) },
      { label: ctx.t(L('Stage', 'Meldestufe')), value: ctx.t(DEADLINE_LABELS[stage]) },
    ],
    sections,
  };
}

/** The early warning: within 24 hours, with the suspected cause and a possible cross-border impact. */
export function nis2EarlyWarningDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  return document(ctx, 'nis2-early-warning', [
    entity(ctx, 'nis2-early-warning'),
    { heading: ctx.t(L('Incident', 'Vorfall')), blocks: description(ctx) },
    {
      heading: ctx.t(L('Early assessment', 'Erste Einschätzung')),
      blocks: [
        field(ctx.t(L('Suspected unlawful or malicious cause', 'Verdacht auf rechtswidrige oder böswillige Ursache')), yesNo(ctx, 'suspected_malicious', MALICIOUS)),
        field(ctx.t(L('Possible cross-border impact', 'Mögliche grenzüberschreitende Auswirkungen')), yesNo(ctx, 'cross_border', CROSS_BORDER)),
      ],
    },
  ]);
}

/** The incident notification: within 72 hours, an update with a first assessment and IoCs. */
export function nis2NotificationDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  const iocs = stringList(ctx, ctx.data.iocs);
  const early = ctx.time(ctx.nis2.early_warning_at);
  return document(ctx, 'nis2-notification', [
    entity(ctx, 'nis2-notification'),
    {
      heading: ctx.t(L('Update of the early warning', 'Aktualisierung der frühen Erstmeldung')),
      blocks: [
        field(ctx.t(L('Early warning sent', 'Frühe Erstmeldung abgegeben')), early ?? gap(ctx.t(L('when the early warning was sent', 'wann die frühe Erstmeldung abging')))),
        ...description(ctx),
        field(ctx.t(L('Suspected unlawful or malicious cause', 'Verdacht auf rechtswidrige oder böswillige Ursache')), yesNo(ctx, 'suspected_malicious', MALICIOUS)),
        field(ctx.t(L('Possible cross-border impact', 'Mögliche grenzüberschreitende Auswirkungen')), yesNo(ctx, 'cross_border', CROSS_BORDER)),
      ],
    },
    { heading: ctx.t(L('First assessment of severity and impact', 'Erste Bewertung von Schweregrad und Auswirkungen')), blocks: severityBlocks(ctx) },
    {
      heading: ctx.t(L('Indicators of compromise', 'Kompromittierungsindikatoren (IoCs)')),
      blocks: iocs.length > 0 ? [{ kind: 'list', label: ctx.t(L('Indicators', 'Indikatoren')), items: iocs }] : [{ kind: 'paragraph', value: ctx.t(L('None recorded yet.', 'Noch keine erfasst.')) }],
    },
  ]);
}

/** The final report: one month after the notification; a progress report while the incident is ongoing. */
export function nis2FinalReportDraft(report: ParsedReport, options: DraftOptions = {}): DraftDocument {
  const ctx = draftContext(report, options);
  const sections: DraftSection[] = [entity(ctx, 'nis2-final-report')];
  if (ctx.data.status !== 'resolved') {
    sections.push({
      heading: ctx.t(L('Progress report', 'Fortschrittsbericht')),
      blocks: [
        {
          kind: 'paragraph',
          value: ctx.t(
            L(
              'The incident is not resolved yet: send this as a progress report; the final report follows within one month of the incident being handled.',
              'Der Vorfall ist noch nicht abgeschlossen: als Fortschrittsbericht abgeben; die Abschlussmeldung folgt binnen eines Monats nach seiner Bewältigung.',
            ),
          ),
        },
      ],
    });
  }
  sections.push(
    { heading: ctx.t(L('Detailed description', 'Ausführliche Beschreibung')), blocks: [...description(ctx), field(ctx.t(L('Root cause', 'Grundursache')), gap(ctx.t(L('type of threat or root cause that probably triggered the incident', 'Art der Bedrohung oder Grundursache, die den Vorfall wahrscheinlich ausgelöst hat'))))] },
    { heading: ctx.t(L('Severity and impact', 'Schweregrad und Auswirkungen')), blocks: severityBlocks(ctx) },
    {
      heading: ctx.t(L('Mitigation', 'Abhilfemaßnahmen')),
      blocks: [field(ctx.t(L('Applied and ongoing mitigation', 'Getroffene und laufende Abhilfemaßnahmen')), ctx.textOr(ctx.loss.measures, L('mitigation measures applied and ongoing', 'getroffene und laufende Abhilfemaßnahmen')))],
    },
    { heading: ctx.t(L('Cross-border impact', 'Grenzüberschreitende Auswirkungen')), blocks: [field(ctx.t(L('Cross-border impact', 'Grenzüberschreitende Auswirkungen')), yesNo(ctx, 'cross_border', CROSS_BORDER))] },
  );
  return document(ctx, 'nis2-final-report', sections);
}
