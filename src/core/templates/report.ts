import type { Locale } from '../shared/types';
import { REPORT_MARKER } from '../report/isReport';
import { formatInZone } from '../shared/time';

/** What a new report is made from. */
export interface NewReportOptions {
  /** Language of the public text (`lang`) and of the template's prompts. */
  lang: Locale;
  /** The publishing organisation, written as it should appear in the press release. */
  organization: string;
  /** The place of the dateline ("Lindenau"); without it (or empty) the dateline names the organisation. */
  location?: string;
  /** The report ID (see {@link reportId}); must match the schema's ID pattern. */
  id: string;
  /** The moment the report is started (epoch ms): all initial timestamps are set to it. */
  now: number;
  /** IANA zone the timestamps are written in (and recorded as `timezone`). */
  timeZone: string;
}

/**
 * Texts of the template per language. Fill-ins are `<…>` placeholders: the `placeholder` rule
 * warns about each until it is replaced, which is exactly the to-do list a new report needs.
 */
const TEXT: Record<Locale, {
  title: string;
  service: string;
  workaround: string;
  statement: string;
  contact: string;
  phone: string;
  update: string;
  heading: string;
  internal: string;
  internalTodo: string;
  publicHeading: string;
  publicTodo: string;
}> = {
  de: {
    title: '<Kurze Überschrift mit Organisation und sichtbarer Auswirkung>',
    service: '<Betroffener Dienst>',
    workaround: '<Was Bürgerinnen und Bürger stattdessen tun können>',
    statement: 'Ob Daten betroffen sind, wird derzeit untersucht. Wir informieren, sobald wir mehr wissen.',
    contact: '<Name, Funktion>',
    phone: '<Telefonnummer>',
    update: '<Erste Meldung an die Öffentlichkeit>',
    heading: 'Vorfallsbericht',
    internal: 'Interne Analyse',
    internalTodo: 'TODO: Ablauf, betroffene Systeme und offene Fragen (dieser Abschnitt wird nie veröffentlicht).',
    publicHeading: 'Pressemitteilung',
    publicTodo: 'TODO: Was ist passiert, was bedeutet es für die Betroffenen, wie geht es weiter?',
  },
  en: {
    title: '<Headline naming the organisation and the visible effect>',
    service: '<Affected service>',
    workaround: '<What people can do instead>',
    statement: 'Whether any data is affected is being investigated. We will inform you as soon as we know more.',
    contact: '<Name, role>',
    phone: '<Phone number>',
    update: '<First notice to the public>',
    heading: 'Incident report',
    internal: 'Internal analysis',
    internalTodo: 'TODO: sequence of events, affected systems and open questions (this section is never published).',
    publicHeading: 'Press release',
    publicTodo: 'TODO: What happened, what does it mean for those affected, what happens next?',
  },
};

/**
 * A complete new incident report (LF line endings): every required field present with a valid
 * value or a `<…>` placeholder, all timestamps set to `now` in `timeZone`, an internal section and
 * the one public section. Linting it yields only `placeholder` warnings — the fill-ins.
 */
export function newReportTemplate(options: NewReportOptions): string {
  const text = TEXT[options.lang];
  const now = formatInZone(toMinute(options.now), options.timeZone);
  return [
    '---',
    `schema: ${REPORT_MARKER}`,
    `id: ${options.id}`,
    `title: ${text.title}`,
    `lang: ${options.lang}`,
    'status: investigating # investigating | identified | monitoring | resolved',
    'severity: major # critical | major | minor | none',
    'incident_type: unknown # ransomware | ddos | phishing | intrusion | outage | data_leak | other | unknown',
    `organization: ${yamlString(options.organization)}`,
    ...(options.location?.trim() ? [`location: ${yamlString(options.location.trim())}`] : []),
    `timezone: ${options.timeZone}`,
    'affected_services:',
    `  - name: ${text.service}`,
    '    status: major_outage # operational | degraded_performance | partial_outage | major_outage | under_maintenance',
    `    workaround: ${text.workaround}`,
    'timestamps:',
    `  started_at: ${now}`,
    `  detected_at: ${now}`,
    `  published_at: ${now}`,
    'expected_restoration: unknown',
    'data_loss:',
    '  occurred: unknown # yes | no | unknown',
    '  exfiltration: under_investigation # confirmed | suspected | no_indication | under_investigation',
    '  personal_data: unknown # yes | no | unknown',
    `  statement: ${text.statement}`,
    'contacts:',
    '  - role: press',
    `    name: ${text.contact}`,
    `    phone: ${text.phone}`,
    // The NIS2 questions stand open until answered (nis2-reporting asks them for major incidents).
    'nis2:',
    '  entity: unknown # essential | important | not_covered | unknown',
    '  significant: unknown # yes | no | unknown',
    'updates:',
    `  - at: ${now}`,
    `    text: ${text.update}`,
    '---',
    '',
    `# ${text.heading}`,
    '',
    `## ${text.internal}`,
    '',
    text.internalTodo,
    '',
    `## ${text.publicHeading}`,
    '',
    text.publicTodo,
    '',
  ].join('\n');
}

// Words before a town's name in the name of its administration ("Stadt Werne" is dated "Werne").
const PLACE_PREFIX = /^(?:(?:Große\s+Kreisstadt|Kreisfreie\s+Stadt|Hansestadt|Universitätsstadt|Stadtverwaltung|Kreisverwaltung|Gemeindeverwaltung|Verbandsgemeinde|Samtgemeinde|Landkreis|Stadt|Gemeinde|Markt|Kreis|City\s+of|Town\s+of|Borough\s+of|County\s+of|Municipality\s+of)\s+)+/i;
const PLACE_SUFFIX = /\s+(?:City\s+Council|County\s+Council|Borough\s+Council|Council)$/i;

/**
 * The place a new report's dateline probably names, guessed from the organisation: "Stadt Werne" →
 * "Werne", "Town of Lindenau" → "Lindenau". Empty when the name gives no place away
 * ("Südwestfalen-IT"): a suggestion for the new-report prompt, never written unasked.
 */
export function placeSuggestion(organization: string): string {
  const name = organization.trim();
  const place = name.replace(PLACE_PREFIX, '').replace(PLACE_SUFFIX, '').trim();
  return place !== name && place ? place : '';
}

/**
 * A report ID from the date (in `timeZone`) and the organisation: `2023-10-30-stadt-werne`.
 * Always matches the schema's pattern `^[A-Za-z0-9][A-Za-z0-9._-]*$`, so it doubles as a file name.
 */
export function reportId(organization: string, now: number, timeZone: string): string {
  const date = formatInZone(now, timeZone).slice(0, 10);
  const slug = slugify(organization);
  return slug ? `${date}-${slug}` : date;
}

/** Lower-case ASCII slug: German umlauts transliterated, other accents dropped, at most 40 characters. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Timestamps are written to the minute: what people write by hand, and stable within a minute. */
export function toMinute(epochMs: number): number {
  return epochMs - (((epochMs % 60_000) + 60_000) % 60_000);
}

/**
 * Writes `value` as a YAML scalar: plain when YAML reads it back unchanged as a string, otherwise
 * double-quoted (a name like `yes`, `#1 GmbH` or `Foo: Bar` must not turn into something else).
 */
export function yamlString(value: string): string {
  const plainSafe =
    value.length > 0 &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|[\n\r\t]/.test(value) &&
    !/^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?(?:\d[\d_.]*|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}
