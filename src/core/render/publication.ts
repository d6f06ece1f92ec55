/**
 * What a report publishes, read through ONE accessor. Every public output (press release, and
 * whatever `outputs.ts` registers) is built by `buildModel()` from this selection alone, and the
 * `leak-*` rules scan exactly {@link Publication.texts} plus the public section's body range. So a
 * report value that is not selected here cannot reach any output, and a value that is selected is
 * always scanned: there is no second list to keep in step.
 *
 * Selecting is cheap (no Markdown parse, no date formatting), so the linter runs this very code on
 * every keystroke; formatting for display happens in `model.ts`.
 */
import type { ParsedReport } from '../report/parse';
import type { PublicBounds, PublicSection } from '../report/publicSection';
import { isRecord } from '../report/fields';
import { fieldPointer } from '../yaml/pointer';
import { publishesArt34Contents } from '../compliance/art34';
import { countAsWritten } from '../report/countText';
import { Derived } from '../shared/memo';

/** One report value that a public output may print, with the JSON Pointer it was read from. */
export interface PublishedText {
  /** RFC 6901 JSON Pointer into the frontmatter (`/contacts/0/hours`). */
  readonly path: string;
  /** The value as written in the report (numbers as their decimal string). */
  readonly value: string;
}

/** A published contact (only the roles a release lists, see {@link CONTACT_ORDER}). */
export interface PublishedContact {
  index: number;
  role: PublishedText;
  name: PublishedText | null;
  phone: PublishedText | null;
  email: PublishedText | null;
  hours: PublishedText | null;
  /** `data_protection`: `yes` marks a contact point for data protection questions besides the DPO. */
  dataProtection: PublishedText | null;
}

/** Everything public outputs may show of a report. Values are raw (untrimmed) report text. */
export interface Publication {
  /** Every value handed out below, in reading order: what the leak rules scan. */
  readonly texts: readonly PublishedText[];
  /** The public section's content (after its heading line), or `null`: scanned as a whole. */
  readonly body: { offset: number; endOffset: number } | null;
  /** The public section's syntax tree (parses the body on first call). */
  section(): PublicSection | null;
  /** Not printed as text: they choose the release's language and time zone. */
  lang: unknown;
  timezone: unknown;
  /** The report's `id`: a feed's stable entry ids are made of it. */
  id: PublishedText | null;
  title: PublishedText | null;
  organization: PublishedText | null;
  /** `location`: the place of the dateline ("Lindenau, 22. April 2026 –"). */
  location: PublishedText | null;
  /** `organization_about`: the press release's boilerplate. */
  organizationAbout: PublishedText | null;
  /** `organization_address`: the postal address printed with the boilerplate. */
  organizationAddress: PublishedText | null;
  status: PublishedText | null;
  severity: PublishedText | null;
  incidentType: PublishedText | null;
  timestamps: Record<'started_at' | 'detected_at' | 'contained_at' | 'resolved_at' | 'published_at', PublishedText | null>;
  affectedOrganizations: PublishedText[];
  services: Array<{ index: number; name: PublishedText; status: PublishedText | null; workaround: PublishedText | null; restoredAt: PublishedText | null }>;
  expectedRestoration: PublishedText | null;
  dataLoss: {
    occurred: PublishedText | null;
    exfiltration: PublishedText | null;
    personalData: PublishedText | null;
    statement: PublishedText | null;
    authorityNotifiedAt: PublishedText | null;
    /** A number, printed as a number ("about 1,200"): it cannot carry text. */
    subjectsApprox: number | null;
    categories: PublishedText[];
    /** `breach_type`: confidentiality, integrity, availability (printed in plain words). */
    breachTypes: PublishedText[];
    /** `public_measures`: the measures as the public is told them (`measures` stays internal). */
    publicMeasures: PublishedText | null;
    /** True when a public communication replaces individual notice (GDPR Art. 34(3)(c), see art34.ts). */
    publicNotice: boolean;
    /** The likely consequences (Art. 34(2)), read only when {@link publicNotice}: internal otherwise. */
    likelyConsequences: PublishedText | null;
    /**
     * What the people affected should do now (`advice`): public, read while personal data is or
     * may be affected (or a public communication replaces individual notice), like the DPO.
     */
    advice: PublishedText | null;
  };
  /** Name and role only: an authority's `reference` (case number) stays internal. */
  authorities: Array<{ index: number; name: PublishedText; role: PublishedText | null }>;
  updates: Array<{ index: number; at: PublishedText | null; text: PublishedText | null }>;
  contacts: PublishedContact[];
}

/**
 * Contacts in the order a reader needs them. The data protection officer is published only when
 * personal data is (or may be) affected: Art. 34(2) with 33(3)(b) GDPR asks for the DPO's contact
 * details when people are told about a breach of their data; otherwise the DPO is not a point of
 * contact for the incident and would only draw unrelated enquiries. The person the authorities
 * deal with (`authority_contact`) is no public contact at all: it is not listed, so never read.
 */
export const CONTACT_ORDER = ['press', 'hotline', 'emergency', 'dpo'] as const;

const TIMESTAMP_KEYS = ['started_at', 'detected_at', 'contained_at', 'resolved_at', 'published_at'] as const;

// A parsed report never changes; its leak scan, its claims scan and its outputs share one selection.
const selections = new Derived<ParsedReport, Publication>('publication');

/** Selects what a report publishes. Never throws: a broken report publishes what can be read. */
export function selectPublication(report: ParsedReport): Publication {
  return selections.get(report, () => select(report));
}

/** `value[segment]` when `value` is a list and `segment` an index, or a record and `segment` a key. */
function child(value: unknown, segment: string | number): unknown {
  if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
  return isRecord(value) ? value[segment] : undefined;
}

function select(report: ParsedReport): Publication {
  const data = isRecord(report.data) ? report.data : {};
  const texts: PublishedText[] = [];

  // THE accessor: the only way report values get into a publication. A blank value is no text.
  // Up to three segments, named rather than spread: it runs for every field of every report.
  const read = (first: string, second?: string | number, third?: string | number): PublishedText | null => {
    let value: unknown = data[first];
    if (second !== undefined) value = child(value, second);
    if (third !== undefined) value = child(value, third);
    const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    if (text === null || text.trim() === '') return null;
    const published = { path: fieldPointer(first, second, third), value: text };
    texts.push(published);
    return published;
  };
  // Lists are walked by index with plain loops: this runs for every report on every lint, and the
  // items themselves are read through `read`.
  const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
  // Every item of a list of strings (`list` is the list itself, `segments` where it is).
  const readAll = (list: unknown, first: string, second?: string): PublishedText[] => {
    const all: PublishedText[] = [];
    for (let i = 0, n = length(list); i < n; i++) {
      const text = second === undefined ? read(first, i) : read(first, second, i);
      if (text !== null) all.push(text);
    }
    return all;
  };

  const timestamps = {} as Publication['timestamps'];
  for (const key of TIMESTAMP_KEYS) timestamps[key] = read('timestamps', key);

  const services: Publication['services'] = [];
  for (let index = 0, n = length(data.affected_services); index < n; index++) {
    const name = read('affected_services', index, 'name');
    if (!name) continue;
    services.push({
      index,
      name,
      status: read('affected_services', index, 'status'),
      workaround: read('affected_services', index, 'workaround'),
      restoredAt: read('affected_services', index, 'restored_at'),
    });
  }

  const loss = isRecord(data.data_loss) ? data.data_loss : {};
  const personalData = read('data_loss', 'personal_data');
  const publicNotice = publishesArt34Contents(data);
  // People whose data is (or may be) affected are told what to do; otherwise the advice is no one's.
  const concernsPeople = personalData?.value === 'yes' || personalData?.value === 'unknown' || publicNotice;
  const dataLoss: Publication['dataLoss'] = {
    occurred: read('data_loss', 'occurred'),
    exfiltration: read('data_loss', 'exfiltration'),
    personalData,
    statement: read('data_loss', 'statement'),
    authorityNotifiedAt: read('data_loss', 'authority_notified_at'),
    // As its author meant it: `41.000` (YAML: 41) is 41000, never "rund 41" (count-format reports how it is written).
    subjectsApprox: countAsWritten(report, '/data_loss/subjects_approx', loss.subjects_approx),
    categories: readAll(loss.data_categories, 'data_loss', 'data_categories'),
    breachTypes: readAll(loss.breach_type, 'data_loss', 'breach_type'),
    publicMeasures: read('data_loss', 'public_measures'),
    publicNotice,
    likelyConsequences: publicNotice ? read('data_loss', 'likely_consequences') : null,
    advice: concernsPeople ? read('data_loss', 'advice') : null,
  };

  const authorities: Publication['authorities'] = [];
  for (let index = 0, n = length(data.authorities); index < n; index++) {
    const name = read('authorities', index, 'name');
    if (name) authorities.push({ index, name, role: read('authorities', index, 'role') });
  }

  const updates: Publication['updates'] = [];
  for (let index = 0, n = length(data.updates); index < n; index++) updates.push({ index, at: read('updates', index, 'at'), text: read('updates', index, 'text') });

  const contacts = publishedContacts(data.contacts, concernsPeople).map((index): PublishedContact => ({
    index,
    role: read('contacts', index, 'role')!,
    name: read('contacts', index, 'name'),
    phone: read('contacts', index, 'phone'),
    email: read('contacts', index, 'email'),
    hours: read('contacts', index, 'hours'),
    dataProtection: read('contacts', index, 'data_protection'),
  }));

  const bounds: PublicBounds | null = report.publicBounds;
  return {
    texts,
    body: bounds ? { offset: bounds.contentOffset, endOffset: bounds.endOffset } : null,
    section: () => report.publicSection,
    lang: data.lang,
    timezone: data.timezone,
    id: read('id'),
    title: read('title'),
    organization: read('organization'),
    location: read('location'),
    organizationAbout: read('organization_about'),
    organizationAddress: read('organization_address'),
    status: read('status'),
    severity: read('severity'),
    incidentType: read('incident_type'),
    timestamps,
    affectedOrganizations: readAll(data.affected_organizations, 'affected_organizations'),
    services,
    expectedRestoration: read('expected_restoration'),
    dataLoss,
    authorities,
    updates,
    contacts,
  };
}

/**
 * Indices of the contacts a release lists, in {@link CONTACT_ORDER} (list order within a role); the
 * DPO only when `showDpo` (with a public communication instead of individual notice, the DPO's
 * contact is part of it).
 */
function publishedContacts(contacts: unknown, showDpo: boolean): number[] {
  if (!Array.isArray(contacts)) return [];
  const listed: Array<{ index: number; rank: number }> = [];
  for (let index = 0; index < contacts.length; index++) {
    const contact: unknown = contacts[index];
    const role = isRecord(contact) ? contact.role : undefined;
    const rank = typeof role === 'string' ? (CONTACT_ORDER as readonly string[]).indexOf(role) : -1;
    if (rank !== -1 && (role !== 'dpo' || showDpo)) listed.push({ index, rank });
  }
  return listed.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ index }) => index);
}
