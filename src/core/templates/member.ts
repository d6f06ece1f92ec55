import type { Locale } from '../types';
import { REPORT_MARKER } from '../isReport';
import { isRecord } from '../fields';
import { formatInZone, isValidTimeZone } from '../time';
import { reportId, slugify, toMinute, yamlString } from './report';

/** What a member report is made from. */
export interface NewMemberOptions {
  /** The parent report's frontmatter. */
  parent: Record<string, unknown>;
  /** The parent's path relative to the member file (what `parent:` says). */
  parentRef: string;
  /** The member organisation, as it should appear in its press release. */
  organization: string;
  /** The place of its dateline ("Werne"); without it the template leaves a `<…>` fill-in. */
  location?: string | null;
  /** The member report's ID (see {@link memberFileName}). */
  id: string;
  /** When the member report is started (epoch ms): its `detected_at` and `published_at`. */
  now: number;
  /** Zone for `now` when the parent has no `timezone`. */
  timeZone: string;
}

const TEXT: Record<Locale, {
  noStatement: string;
  location: string;
  title: string;
  service: string;
  workaround: string;
  contact: string;
  phone: string;
  according: string;
  lead: string;
  own: string;
  internal: string;
  internalTodo: string;
  publicHeading: string;
}> = {
  de: {
    noStatement: '<Aussage zum Datenverlust>',
    location: '<Ort der Datumszeile>',
    title: '{organization}: <Überschrift mit sichtbarer Auswirkung>',
    service: '<Betroffener Dienst>',
    workaround: '<Was Bürgerinnen und Bürger stattdessen tun können>',
    contact: '<Pressestelle {organization}>',
    phone: '<Telefonnummer>',
    according: 'Nach Angaben von {parent}',
    lead: '{organization} ist von dem Vorfall bei {parent} betroffen. Nach Angaben von {parent} <was über Beginn, Art und Daten bekannt ist>.',
    own: '<Eingeschränkte Dienste und Erreichbarkeit>',
    internal: 'Interne Analyse',
    internalTodo: '<Was bei {organization} betroffen ist> (dieser Abschnitt wird nie veröffentlicht).',
    publicHeading: 'Pressemitteilung',
  },
  en: {
    noStatement: '<Statement on data loss>',
    location: '<Place of the dateline>',
    title: '{organization}: <Headline with the visible effect>',
    service: '<Affected service>',
    workaround: '<What people can do instead>',
    contact: '<Press office {organization}>',
    phone: '<Phone number>',
    according: 'According to {parent}',
    lead: '{organization} is affected by the incident at {parent}. According to {parent}, <what is known about start, kind and data>.',
    own: '<Restricted services and how to reach us>',
    internal: 'Internal analysis',
    internalTodo: '<What is affected at {organization}> (this section is never published).',
    publicHeading: 'Press release',
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * A new member report of `parent`, in the parent's language: `parent` set; the shared facts copied
 * (status, severity, incident type, time zone, start, expected restoration, the data-loss facts);
 * its own services, contacts, title and public text left as visible `<…>` fill-ins (the
 * `placeholder` rule lists them). The data-loss statement and the lead say on whose behalf the
 * shared facts are stated ("Nach Angaben von Südwestfalen-IT: …"): the member publishes them, the
 * parent vouches for them.
 */
export function newMemberTemplate(options: NewMemberOptions): string {
  const parent = options.parent;
  const lang: Locale = parent.lang === 'en' ? 'en' : 'de';
  const text = TEXT[lang];
  const parentOrg = typeof parent.organization === 'string' ? parent.organization : lang === 'de' ? 'dem IT-Dienstleister' : 'the IT provider';
  const values = { organization: options.organization, parent: parentOrg };
  const zone = typeof parent.timezone === 'string' && isValidTimeZone(parent.timezone) ? parent.timezone : options.timeZone;
  const now = formatInZone(toMinute(options.now), zone);
  const timestamps = isRecord(parent.timestamps) ? parent.timestamps : {};
  const dataLoss = isRecord(parent.data_loss) ? parent.data_loss : {};
  const copy = (value: unknown, fallback: string) => (typeof value === 'string' && value ? yamlString(value) : fallback);
  const statement = typeof dataLoss.statement === 'string' && dataLoss.statement ? `${fill(text.according, values)}: ${dataLoss.statement}` : '';
  const lines = [
    '---',
    `schema: ${REPORT_MARKER}`,
    `id: ${options.id}`,
    `title: ${yamlString(fill(text.title, values))}`,
    `lang: ${lang}`,
    `status: ${copy(parent.status, 'investigating')}`,
    `severity: ${copy(parent.severity, 'major')}`,
    `organization: ${yamlString(options.organization)}`,
    `location: ${yamlString(options.location?.trim() || text.location)}`,
    `parent: ${yamlString(options.parentRef)}`,
    ...(typeof parent.incident_type === 'string' ? [`incident_type: ${yamlString(parent.incident_type)}`] : []),
    `timezone: ${zone}`,
    'affected_services:',
    `  - name: ${yamlString(fill(text.service, values))}`,
    '    status: major_outage # operational | degraded_performance | partial_outage | major_outage | under_maintenance',
    `    workaround: ${yamlString(fill(text.workaround, values))}`,
    'timestamps:',
    `  started_at: ${copy(timestamps.started_at, now)}`,
    `  detected_at: ${now}`,
    `  published_at: ${now}`,
    `expected_restoration: ${copy(parent.expected_restoration, 'unknown')}`,
    'data_loss:',
    `  occurred: ${copy(dataLoss.occurred, 'unknown')}`,
    `  exfiltration: ${copy(dataLoss.exfiltration, 'under_investigation')}`,
    `  personal_data: ${copy(dataLoss.personal_data, 'unknown')}`,
    `  statement: ${yamlString(statement || `${fill(text.according, values)}: ${text.noStatement}`)}`,
    'contacts:',
    '  - role: press',
    `    name: ${yamlString(fill(text.contact, values))}`,
    `    phone: ${yamlString(text.phone)}`,
    '---',
    '',
    `## ${text.internal}`,
    '',
    fill(text.internalTodo, values),
    '',
    `## ${text.publicHeading}`,
    '',
    fill(text.lead, values),
    '',
    fill(text.own, values),
    '',
  ];
  return lines.join('\n');
}

/** The file name of a member report: its ID (`2023-10-30-stadt-werne`) plus `.md`. */
export function memberId(organization: string, now: number, timeZone: string): string {
  return reportId(organization, now, timeZone);
}

/**
 * Where the members of a parent go: a folder beside it named after it
 * (`incidents/2023-10-30-sit.md` → `incidents/2023-10-30-sit/`), so `parent` is `../<file>`.
 */
export function membersFolderName(parentFileName: string): string {
  return slugify(parentFileName.replace(/\.md$/i, '')) || 'members';
}

/** Organisation names from a list: one per line, blank lines and `#` comments ignored, duplicates once. */
export function organizationList(text: string): string[] {
  return memberList(text).map((member) => member.organization);
}

/** One member of a list: the organisation and, when given, the place of its dateline. */
export interface MemberEntry {
  organization: string;
  location: string | null;
}

/**
 * Members from a list: one per line, `Organisation | Ort` to give the place of the dateline
 * (`Stadt Werne | Werne`); blank lines and `#` comments ignored, an organisation listed twice once.
 */
export function memberList(text: string): MemberEntry[] {
  const members = new Map<string, MemberEntry>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*[-*]\s+/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    const organization = (bar === -1 ? line : line.slice(0, bar)).trim();
    const location = bar === -1 ? '' : line.slice(bar + 1).trim();
    if (organization && !members.has(organization)) members.set(organization, { organization, location: location || null });
  }
  return [...members.values()];
}
