/**
 * What the press release says, extracted from a parsed report by an explicit allow-list of public
 * fields. Anything not read here (iocs, authorities' references, approval, `x-*` keys, internal
 * sections, unknown keys) cannot reach the HTML or the text: both are built from this model alone.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { Locale } from '../types';
import type { ParsedReport } from '../parse';
import { isRecord, recordItems } from '../fields';
import { isValidTimeZone } from '../time';
import { publishesArt34Contents } from '../art34';
import { SchemaInfo, type JsonSchema } from '../schema/meta';
import bundledSchema from '../../../schemas/incident-report.schema.json';
import { clockAt, formatDate, formatDateTime, formatUpdateHeading, resolveTime, type DisplayTime } from './dates';
import { label, LABELS } from './labels';

/** Options of {@link buildModel} and `renderPressRelease`. */
export interface RenderOptions {
  /**
   * Language when the report's `lang` is missing or not `de`/`en`. The report's own `lang` always
   * wins: the release is written in the language of its public text.
   */
  locale?: Locale;
  /** "Now" in epoch ms, for the dateline of a report without `published_at` (default `Date.now()`). */
  now?: number;
  /** Schema metadata for plain-word enum values (an organisation's schema); the bundled one otherwise. */
  schema?: SchemaInfo;
}

/** A labelled value; `datetime` is the machine-readable time when the value is one. */
export interface Fact {
  label: string;
  value: string;
  datetime?: string;
}

/** An affected service as published. */
export interface ServiceEntry {
  name: string;
  /** The state in plain words. */
  state: string;
  /** The schema value (`major_outage`), only when it is one of the known values: safe for a CSS class. */
  stateKey: string | null;
  workaround: string | null;
  restoredAt: Fact | null;
}

/** A public contact. */
export interface ContactEntry {
  role: string;
  name: string | null;
  phone: string | null;
  /** `tel:` target built from the digits of `phone`, or `null`. */
  phoneHref: string | null;
  email: string | null;
  /** True when `email` looks like an address (then it becomes a `mailto:` link). */
  emailLinkable: boolean;
  hours: string | null;
}

/** One public update. */
export interface UpdateEntry {
  heading: string;
  datetime: string | null;
  /** Paragraphs of the update's text. */
  paragraphs: string[];
}

/** Everything the release shows. Strings are raw report values: the writers escape them. */
export interface PressReleaseModel {
  locale: Locale;
  title: string;
  organization: string | null;
  dateline: { date: string; datetime: string | null };
  facts: Fact[];
  affectedOrganizations: string[];
  hasPublicSection: boolean;
  /** The public section's first paragraph. */
  lead: Paragraph | null;
  /** The rest of the public section (the lead removed). */
  rest: RootContent[];
  /** Depth of the public heading (to shift sub-headings below the page's own). */
  publicDepth: number;
  services: ServiceEntry[];
  expectedRestoration: Fact | null;
  dataLoss: { statement: string | null; facts: Fact[]; categories: string[] };
  /**
   * The Art. 34(2) contents when a public communication replaces individual notice
   * (`art34_exemption: disproportionate_effort`), else `null`: `likely_consequences` and `measures`
   * are internal otherwise. The DPO is then among `contacts`.
   */
  art34: { consequences: string | null; measures: string | null; hasDpoContact: boolean } | null;
  authorities: Array<{ name: string; role: string | null }>;
  /** Newest first. */
  updates: UpdateEntry[];
  contacts: ContactEntry[];
  source: string;
  asOf: Fact | null;
}

let bundledInfo: SchemaInfo | null = null;

const KNOWN_SERVICE_STATES = new Set(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);

/**
 * Contacts in the order a reader needs them. The data protection officer is published only when
 * personal data is (or may be) affected: Art. 34(2) with 33(3)(b) GDPR asks for the DPO's contact
 * details when people are told about a breach of their data; otherwise the DPO is not a point of
 * contact for the incident and would only draw unrelated enquiries.
 */
const CONTACT_ORDER = ['press', 'hotline', 'emergency', 'dpo'] as const;

const EMAIL = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/;

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Builds the model. Never throws: a broken or partial report gives a partial release. */
export function buildModel(report: ParsedReport, options: RenderOptions = {}): PressReleaseModel {
  const data = isRecord(report.data) ? report.data : {};
  const locale: Locale = data.lang === 'de' || data.lang === 'en' ? data.lang : (options.locale ?? 'en');
  const zone = typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
  bundledInfo ??= new SchemaInfo(bundledSchema as JsonSchema);
  const infos = options.schema ? [options.schema, bundledInfo] : [bundledInfo];
  const words = (pointer: string, value: unknown): string | null => {
    if (typeof value !== 'string' || value === '') return null;
    for (const info of infos) {
      const text = info.fieldInfo(pointer, locale)?.enumDescriptions?.[value];
      if (text) return text;
    }
    return value.replace(/_/g, ' ');
  };
  const time = (value: unknown): DisplayTime | null => resolveTime(value, zone);
  const timeFact = (key: keyof typeof LABELS, value: unknown): Fact | null => {
    const resolved = time(value);
    return resolved ? { label: label(locale, key), value: formatDateTime(resolved, locale), datetime: resolved.iso } : null;
  };
  const facts: Fact[] = [];
  const push = (fact: Fact | null) => {
    if (fact) facts.push(fact);
  };

  const status = words('/status', data.status);
  if (status) push({ label: label(locale, 'status'), value: status });
  const severity = words('/severity', data.severity);
  if (severity) push({ label: label(locale, 'severity'), value: severity });
  const type = words('/incident_type', data.incident_type);
  if (type) push({ label: label(locale, 'incidentType'), value: type });
  const timestamps = isRecord(data.timestamps) ? data.timestamps : {};
  push(timeFact('started', timestamps.started_at));
  push(timeFact('detected', timestamps.detected_at));
  push(timeFact('contained', timestamps.contained_at));
  push(timeFact('resolved', timestamps.resolved_at));

  const published = time(timestamps.published_at);
  const dateline = published
    ? { date: formatDate(published.clock, locale), datetime: published.iso }
    : { date: formatDate(clockAt(options.now ?? Date.now(), zone), locale), datetime: null };

  const services = recordItems(data.affected_services)
    .map((service, index): ServiceEntry | null => {
      const name = str(service.name);
      if (!name) return null;
      const key = typeof service.status === 'string' && KNOWN_SERVICE_STATES.has(service.status) ? service.status : null;
      return {
        name,
        state: words(`/affected_services/${index}/status`, service.status) ?? '',
        stateKey: key,
        workaround: str(service.workaround),
        restoredAt: timeFact('restoredAt', service.restored_at),
      };
    })
    .filter((s): s is ServiceEntry => s !== null);

  let expectedRestoration: Fact | null = null;
  if (data.expected_restoration === 'unknown') {
    expectedRestoration = { label: label(locale, 'expectedRestoration'), value: label(locale, 'expectedUnknown') };
  } else {
    const expected = time(data.expected_restoration);
    if (expected) {
      expectedRestoration = {
        label: label(locale, 'expectedRestoration'),
        value: formatDateTime(expected, locale),
        datetime: expected.iso,
      };
    }
  }

  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  const lossFacts: Fact[] = [];
  for (const [key, labelKey] of [
    ['occurred', 'dataOccurred'],
    ['exfiltration', 'exfiltration'],
    ['personal_data', 'personalData'],
  ] as const) {
    const text = words(`/data_loss/${key}`, loss[key]);
    if (text) lossFacts.push({ label: label(locale, labelKey), value: text });
  }
  if (typeof loss.subjects_approx === 'number' && Number.isFinite(loss.subjects_approx) && loss.subjects_approx > 0) {
    lossFacts.push({
      label: label(locale, 'subjects'),
      value: (locale === 'de' ? 'rund ' : 'about ') + loss.subjects_approx.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB'),
    });
  }
  const notified = timeFact('authorityNotified', loss.authority_notified_at);
  if (notified) lossFacts.push(notified);
  if (publishesArt34Contents(data)) {
    // A public communication under Art. 34(3)(c) GDPR carries the 34(2) contents (see art34.ts).
    const consequences = str(loss.likely_consequences);
    if (consequences) lossFacts.push({ label: label(locale, 'likelyConsequences'), value: consequences });
    const measures = str(loss.measures);
    if (measures) lossFacts.push({ label: label(locale, 'measures'), value: measures });
  }
  const categories = Array.isArray(loss.data_categories) ? loss.data_categories.map(str).filter((c): c is string => c !== null) : [];

  const authorities = recordItems(data.authorities)
    .map((authority, index) => {
      const name = str(authority.name);
      // Only the name and the role: an authority's `reference` (case number) stays internal.
      return name ? { name, role: words(`/authorities/${index}/role`, authority.role) } : null;
    })
    .filter((a): a is { name: string; role: string | null } => a !== null);

  const updates = recordItems(data.updates)
    .map((update, index) => {
      const at = time(update.at);
      const text = str(update.text);
      return {
        index,
        epoch: at?.epochMs ?? Number.NEGATIVE_INFINITY,
        entry: {
          heading: at ? formatUpdateHeading(at, locale) : 'Update',
          datetime: at?.iso ?? null,
          paragraphs: text ? text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean) : [],
        },
      };
    })
    .filter((u) => u.entry.paragraphs.length > 0 || u.entry.datetime)
    // Newest first; of two at the same instant the later-listed one first (lists grow at the end).
    .sort((a, b) => (a.epoch === b.epoch ? b.index - a.index : b.epoch > a.epoch ? 1 : -1))
    .map((u) => u.entry);

  const personal = loss.personal_data;
  const publicNotice = publishesArt34Contents(data);
  // With a public communication instead of individual notice, the DPO's contact is part of it.
  const showDpo = personal === 'yes' || personal === 'unknown' || publicNotice;
  const contacts = recordItems(data.contacts)
    .map((contact, index) => ({ contact, index, role: typeof contact.role === 'string' ? contact.role : '' }))
    .filter(({ role }) => (CONTACT_ORDER as readonly string[]).includes(role) && (role !== 'dpo' || showDpo))
    .sort((a, b) => CONTACT_ORDER.indexOf(a.role as never) - CONTACT_ORDER.indexOf(b.role as never) || a.index - b.index)
    .map(({ contact, index }): ContactEntry => {
      const phone = str(contact.phone);
      const digits = phone ? phone.replace(/[^\d+]/g, '') : '';
      const email = str(contact.email);
      return {
        role: words(`/contacts/${index}/role`, contact.role) ?? '',
        name: str(contact.name),
        phone,
        phoneHref: /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : null,
        email,
        emailLinkable: email !== null && EMAIL.test(email),
        hours: str(contact.hours),
      };
    });

  const section = report.publicSection;
  const children = section?.children ?? [];
  const leadIndex = children.findIndex((node) => node.type === 'paragraph');
  const organization = str(data.organization);

  return {
    locale,
    title: str(data.title) ?? label(locale, 'untitled'),
    organization,
    dateline,
    facts,
    affectedOrganizations: Array.isArray(data.affected_organizations)
      ? data.affected_organizations.map(str).filter((o): o is string => o !== null)
      : [],
    hasPublicSection: section !== null,
    lead: leadIndex === -1 ? null : (children[leadIndex] as Paragraph),
    rest: children.filter((_, i) => i !== leadIndex),
    publicDepth: section?.heading.depth ?? 1,
    services,
    expectedRestoration,
    dataLoss: { statement: str(loss.statement), facts: lossFacts, categories },
    art34: publicNotice
      ? {
          consequences: str(loss.likely_consequences),
          measures: str(loss.measures),
          hasDpoContact: recordItems(data.contacts).some((c) => c.role === 'dpo' && (str(c.phone) !== null || str(c.email) !== null)),
        }
      : null,
    authorities,
    updates,
    contacts,
    source: organization ?? label(locale, 'unnamedOrg'),
    asOf: published ? { label: label(locale, 'asOf'), value: formatDateTime(published, locale), datetime: published.iso } : null,
  };
}
