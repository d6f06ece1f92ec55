import type { Locale } from '../shared/types';
import { REPORT_MARKER } from '../report/isReport';
import { isRecord } from '../report/fields';
import { formatInZone, isValidTimeZone } from '../shared/time';
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

/**
 * Texts of the member template per language. An organisation's name appears only where it needs no
 * article and no case ending: as a label ("Stadt Werne: …"), in brackets and after "Quelle:". German
 * declines names like "Kreis Soest" ("des Kreises Soest"), and a template cannot know how; where a
 * sentence needs the parent as a noun, a `<…>` fill-in asks the author to write it.
 */
const TEXT: Record<Locale, {
  noStatement: string;
  location: string;
  title: string;
  service: string;
  workaround: string;
  contact: string;
  phone: string;
  source: string;
  parentFallback: string;
  lead: string;
  own: string;
  internal: string;
  internalTodo: string;
  publicHeading: string;
  detected: string;
}> = {
  de: {
    noStatement: '<Aussage zum Datenverlust>',
    location: '<Ort der Datumszeile>',
    title: '{organization}: <Überschrift mit sichtbarer Auswirkung>',
    service: '<Betroffener Dienst>',
    workaround: '<Was Bürgerinnen und Bürger stattdessen tun können>',
    contact: '<Pressestelle {organization}>',
    phone: '<Telefonnummer>',
    source: '(Quelle: {parent})',
    parentFallback: '<Name des Dienstleisters>',
    lead: 'Ein Vorfall bei <unserem IT-Dienstleister> ({parent}) wirkt sich auch auf unsere Dienstleistungen aus. <Was über Beginn, Art und Daten bekannt ist> (Quelle: {parent}).',
    own: '<Welche Dienstleistungen eingeschränkt sind und wie Bürgerinnen und Bürger uns erreichen>',
    internal: 'Interne Analyse',
    internalTodo: '<Welche eigenen Systeme und Abläufe betroffen sind> (dieser Abschnitt wird nie veröffentlicht).',
    publicHeading: 'Pressemitteilung',
    detected: 'wann wir vom Vorfall erfuhren: prüfen, die Fristen laufen ab hier',
  },
  en: {
    noStatement: '<Statement on data loss>',
    location: '<Place of the dateline>',
    title: '{organization}: <Headline with the visible effect>',
    service: '<Affected service>',
    workaround: '<What people can do instead>',
    contact: '<Press office {organization}>',
    phone: '<Phone number>',
    source: '(Source: {parent})',
    parentFallback: '<Name of the service provider>',
    lead: 'An incident at <our IT service provider> ({parent}) also affects our services. <What is known about start, kind and data> (source: {parent}).',
    own: '<Which services are restricted and how people can reach us>',
    internal: 'Internal analysis',
    internalTodo: '<Which of our own systems and processes are affected> (this section is never published).',
    publicHeading: 'Press release',
    detected: 'when we learned of the incident: check it, the deadlines run from here',
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * A new member report of `parent`, in the parent's language: `parent` set; the shared facts copied
 * (status, severity, incident type, time zone, start, expected restoration, the data-loss facts);
 * its own services, contacts, title and public text left as visible `<…>` fill-ins (the
 * `placeholder` rule lists them). The data-loss statement and the lead name the source of the
 * shared facts ("… (Quelle: Südwestfalen-IT)"): the member publishes them, the parent vouches for them.
 */
export function newMemberTemplate(options: NewMemberOptions): string {
  const parent = options.parent;
  const lang: Locale = parent.lang === 'en' ? 'en' : 'de';
  const text = TEXT[lang];
  const parentOrg = typeof parent.organization === 'string' && parent.organization.trim() ? parent.organization.trim() : text.parentFallback;
  const values = { organization: options.organization, parent: parentOrg };
  const zone = typeof parent.timezone === 'string' && isValidTimeZone(parent.timezone) ? parent.timezone : options.timeZone;
  const now = formatInZone(toMinute(options.now), zone);
  const timestamps = isRecord(parent.timestamps) ? parent.timestamps : {};
  const dataLoss = isRecord(parent.data_loss) ? parent.data_loss : {};
  const copy = (value: unknown, fallback: string) => (typeof value === 'string' && value ? yamlString(value) : fallback);
  // The parent's statement, with its source after it: the member publishes it, the parent vouches for it.
  const ownStatement = typeof dataLoss.statement === 'string' && dataLoss.statement.trim() ? dataLoss.statement.trim() : text.noStatement;
  const statement = `${ownStatement} ${fill(text.source, values)}`;
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
    // The time the member report is started, not when the organisation learned of the incident
    // (a provider may write all its members' reports days later): the GDPR and NIS2 clocks run from it.
    `  detected_at: ${now} # ${text.detected}`,
    `  published_at: ${now}`,
    `expected_restoration: ${copy(parent.expected_restoration, 'unknown')}`,
    'data_loss:',
    `  occurred: ${copy(dataLoss.occurred, 'unknown')}`,
    `  exfiltration: ${copy(dataLoss.exfiltration, 'under_investigation')}`,
    `  personal_data: ${copy(dataLoss.personal_data, 'unknown')}`,
    `  statement: ${yamlString(statement)}`,
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
 * The key under which two spellings of one organisation are the same: Unicode-normalised (NFKC: an
 * umlaut typed as `u` + combining diaeresis is `ü`), case-insensitive, spaces collapsed. "stadt
 * lüdenscheid" beside "Stadt Lüdenscheid" in one list got a second member report; now both are one.
 */
export function organizationKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
}

/** A list of members as read: the members, names that give no file name, and spellings of a name listed before. */
export interface MemberListReading {
  members: MemberEntry[];
  /** Lines (1-based) whose organisation has no letter or digit (`.`, `-`): no report ID, no file name. */
  unusable: Array<{ line: number; organization: string }>;
  /** Lines whose organisation differs from one listed before only in case or Unicode form (an exact repeat is not named). */
  duplicates: Array<{ line: number; organization: string; sameAs: string; sameAsLine: number }>;
}

/**
 * Members from a list: one per line, `Organisation | Ort` to give the place of the dateline
 * (`Stadt Werne | Werne`); blank lines and `#` comments ignored, an organisation listed twice
 * (also spelt differently, see {@link organizationKey}) once.
 */
export function readMemberList(text: string): MemberListReading {
  const members = new Map<string, MemberEntry & { line: number }>();
  const unusable: MemberListReading['unusable'] = [];
  const duplicates: MemberListReading['duplicates'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s*[-*]\s+/, '').trim();
    if (!line || line.startsWith('#')) return;
    const bar = line.indexOf('|');
    const organization = (bar === -1 ? line : line.slice(0, bar)).trim();
    const location = bar === -1 ? '' : line.slice(bar + 1).trim();
    if (!organization) return;
    // The report ID (and file name) is the date plus the slug of the name: without one, `.` and `-`
    // all became `<date>.md`, `-2.md`, `-3.md`.
    if (!slugify(organization)) {
      unusable.push({ line: index + 1, organization });
      return;
    }
    const key = organizationKey(organization);
    const first = members.get(key);
    if (first) {
      if (first.organization !== organization) duplicates.push({ line: index + 1, organization, sameAs: first.organization, sameAsLine: first.line });
      return;
    }
    members.set(key, { organization, location: location || null, line: index + 1 });
  });
  return { members: [...members.values()].map(({ organization, location }) => ({ organization, location })), unusable, duplicates };
}

/** The members of a list (see {@link readMemberList}), without the names that give no file name. */
export function memberList(text: string): MemberEntry[] {
  return readMemberList(text).members;
}
