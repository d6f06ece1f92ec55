/**
 * The publication model: what public outputs say, formatted for readers. It is built from
 * `selectPublication()` alone (publication.ts), which reads the report through one recording
 * accessor; the `leak-*` rules scan exactly what that accessor recorded (`model.texts`). Anything
 * not selected there (iocs, authorities' references, approval, `x-*` keys, internal sections,
 * unknown keys) cannot reach any output: renderers get this model, never the report.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { Locale, Localized } from '../shared/types';
import type { ParsedReport } from '../report/parse';
import { isValidTimeZone } from '../shared/time';
import { SchemaInfo, type JsonSchema } from '../schema/meta';
import bundledSchema from '../../../schemas/incident-report.schema.json';
import { clockAt, formatDate, formatDateTime, formatShortDateTime, formatUpdateHeading, resolveTime, rfc3339, type DisplayTime } from '../shared/dates';
import { selectPublication, type Publication, type PublishedContact, type PublishedText } from './publication';
import { authorityRoleLabel, contactRoleLabel, label, LABELS } from './labels';
import { dataLossText, incidentTypeWords, serviceStateWords, severityWords, statusWords } from './wording';

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
  /**
   * A "Was ist neu" / "What's new" box of the changes since release `since`, as `previousRelease()`
   * (release/approvals.ts) makes them from the two publication models only, so it holds nothing an
   * output does not publish anyway.
   */
  whatsNew?: { since: number; items: readonly Localized[] };
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
  /** The state in public words (wording.ts); "wieder verfügbar" / "restored" once `restored_at` is given. */
  state: string;
  /**
   * The schema value (`major_outage`), only when it is one of the known values: safe for a CSS
   * class. `operational` once `restored_at` is given.
   */
  stateKey: string | null;
  workaround: string | null;
  restoredAt: Fact | null;
}

/** A public contact. */
export interface ContactEntry {
  role: string;
  /** The schema value (`press`, `hotline`, `emergency`, `dpo`): which contact to name where. */
  roleKey: ContactRole;
  name: string | null;
  phone: string | null;
  /** `tel:` target built from the digits of `phone`, or `null`. */
  phoneHref: string | null;
  email: string | null;
  /** True when `email` looks like an address (then it becomes a `mailto:` link). */
  emailLinkable: boolean;
  hours: string | null;
  /** A contact point for data protection questions: the DPO, or a contact marked `data_protection: yes`. */
  dataProtection: boolean;
}

/**
 * The public communication that replaces individual notice (GDPR Art. 34(3)(c)): the Art. 34(2)
 * contents in the order the people affected need them. Each is `null` (or empty) when the report
 * lacks it; `gdpr-data-subjects` reports that as an error.
 */
export interface Art34Notice {
  /** What happened to the data, in plain words (from the data-loss facts), when they say what happened. */
  nature: string | null;
  /** `data_categories`: which data. */
  categories: string[];
  /** "rund 41.000" / "about 41,000", from `subjects_approx`. */
  subjects: string | null;
  consequences: string | null;
  /** `public_measures` (never the internal `measures`). */
  measures: string | null;
  advice: string | null;
  /** The contact points for data protection questions that can be reached (phone or e-mail). */
  contacts: ContactEntry[];
}

/** One public update. */
export interface UpdateEntry {
  heading: string;
  /** The time as written in the report (for `<time datetime>`). */
  datetime: string | null;
  /** The same instant as RFC 3339 with the offset of the report's zone (feeds), or `null` without an instant. */
  rfc3339: string | null;
  /** Epoch milliseconds, or `null` when the time has no offset. */
  epochMs: number | null;
  /** "Montag, 30. Oktober 2023, 16:00 Uhr": the time alone, for "As of". */
  when: string | null;
  /** "30.10.2023, 16:00 Uhr" / "30 Oct 2023, 4:00 pm" (short posts). */
  shortTime: string | null;
  /** Position in the report's `updates` list: with the report ID, a stable identity for feed entries. */
  index: number;
  /** Paragraphs of the update's text. */
  paragraphs: string[];
}

/** Everything the release shows. Strings are raw report values: the writers escape them. */
export interface PressReleaseModel {
  locale: Locale;
  /** The changes since the previous release, one line each in `locale` (`--whats-new`), or `null`. */
  whatsNew: { since: number; items: string[] } | null;
  /** The report's `id` (stable identity for feed entries), or `null`. */
  id: string | null;
  /** The incident status as a schema value (`resolved` moves a report to "recently resolved"), or `null`. */
  statusKey: IncidentStatus | null;
  /** The status in plain words, or `null`. */
  statusText: string | null;
  /** When the incident was resolved (`timestamps.resolved_at`). */
  resolvedAt: Fact | null;
  /** When the incident began (`timestamps.started_at`). */
  startedAt: Fact | null;
  /** `published_at` as RFC 3339 in the report's zone, or `null`. */
  publishedRfc3339: string | null;
  /** `published_at` in epoch ms, or `null`. */
  publishedEpochMs: number | null;
  /** The short boilerplate about the organisation (`organization_about`), or `null`. */
  about: string | null;
  /** The organisation's postal address (`organization_address`), or `null`. */
  address: string | null;
  /** The authorities grouped by what they do, in plain words ("Ermittlungen: …"). */
  authorityGroups: Array<{ label: string; names: string[] }>;
  title: string;
  organization: string | null;
  /**
   * The date of this version (the newest of `published_at` and `updates[].at`) and the place it is
   * dated from: `location`, else the organisation (`null` without either).
   */
  dateline: { place: string | null; date: string; datetime: string | null };
  facts: Fact[];
  affectedOrganizations: string[];
  hasPublicSection: boolean;
  /** The paragraph the public section opens with, or `null` when it opens with a heading, list or other block. */
  lead: Paragraph | null;
  /** The rest of the public section (the lead removed). */
  rest: RootContent[];
  /** Depth of the public heading (to shift sub-headings below the page's own). */
  publicDepth: number;
  services: ServiceEntry[];
  expectedRestoration: Fact | null;
  /** `advice`: what the people affected should do now (published while personal data may be affected). */
  dataLoss: { statement: string | null; facts: Fact[]; categories: string[]; advice: string | null };
  /**
   * The Art. 34(2) contents when a public communication replaces individual notice
   * (`art34_exemption: disproportionate_effort`), else `null`: `likely_consequences` is internal
   * otherwise, and `public_measures` and `advice` are then among `dataLoss.facts`.
   */
  art34: Art34Notice | null;
  authorities: Array<{ name: string; role: string | null }>;
  /** Newest first. */
  updates: UpdateEntry[];
  contacts: ContactEntry[];
  source: string;
  /** "Stand" / "As of": the same instant as the dateline, with its time. */
  asOf: Fact | null;
  /**
   * Every report value this model was built from, with its JSON Pointer: the leak rules scan exactly
   * these (and {@link body}). Labels, plain-word enum values and formatted dates are not report text.
   */
  texts: readonly PublishedText[];
  /** The public section's source range (scanned as a whole), or `null` without one. */
  body: { offset: number; endOffset: number } | null;
}

/**
 * The contact citizens should call: the hotline, else the emergency contact, else the press office
 * (each only with a phone number or an e-mail address). Social posts and the status page's footer
 * name it.
 */
export function citizenContact(contacts: readonly ContactEntry[]): ContactEntry | undefined {
  for (const role of ['hotline', 'emergency', 'press'] as const) {
    const found = contacts.find((c) => c.roleKey === role && (c.phone || c.email));
    if (found) return found;
  }
  return undefined;
}

let bundledInfo: SchemaInfo | null = null;

/** Incident states of the schema. */
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
const INCIDENT_STATES: readonly string[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** Contact roles of the schema. */
export type ContactRole = 'press' | 'hotline' | 'emergency' | 'dpo';

const KNOWN_SERVICE_STATES = new Set(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);

const EMAIL = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/;

/** The trimmed value of a published text, `null` for none. */
function str(text: PublishedText | null): string | null {
  return text ? text.value.trim() : null;
}

/**
 * True when the data-loss facts say what happened, not only that it is being examined: the nature
 * of a breach that a public communication must describe (Art. 34(2) GDPR).
 */
function describesWhatHappened(loss: Publication['dataLoss']): boolean {
  const exfiltration = loss.exfiltration?.value.trim();
  return loss.breachTypes.length > 0 || exfiltration === 'confirmed' || exfiltration === 'suspected' || loss.occurred?.value.trim() === 'yes';
}

/** What the data-loss facts say happened, in plain words (`null` when they say nothing). */
function dataLossTextOf(pub: Publication, locale: Locale): string | null {
  const loss = pub.dataLoss;
  const value = (text: PublishedText | null) => text?.value.trim() ?? null;
  return dataLossText(
    {
      occurred: value(loss.occurred),
      exfiltration: value(loss.exfiltration),
      personalData: value(loss.personalData),
      breachTypes: loss.breachTypes.map((t) => t.value.trim()),
      open: (pub.status?.value.trim() ?? '') !== 'resolved',
    },
    locale,
  );
}

/** "rund 41.000" / "about 41,000" from `subjects_approx`, `null` without a count. */
function subjectsText(loss: Publication['dataLoss'], locale: Locale): string | null {
  return loss.subjectsApprox !== null && loss.subjectsApprox > 0
    ? (locale === 'de' ? 'rund ' : 'about ') + loss.subjectsApprox.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')
    : null;
}

/** A contact point for data protection questions: the DPO, or a contact marked `data_protection: yes`. */
function isDataProtectionContact(contact: PublishedContact): boolean {
  return contact.role.value === 'dpo' || contact.dataProtection?.value.trim() === 'yes';
}

/** {@link Art34Notice} with its contact points as published (the model turns them into {@link ContactEntry}s). */
export type Art34Contents = Omit<Art34Notice, 'contacts'> & { contacts: PublishedContact[] };

/**
 * The Art. 34(2) contents of a publication whose public communication replaces telling each person
 * (`art34_exemption: disproportionate_effort`), else `null`. Read from the publication alone, so
 * the `gdpr-public-notice` rule checks them without building a whole model (dates, enum words,
 * contacts, updates) on every lint.
 */
export function art34Contents(pub: Publication, locale: Locale): Art34Contents | null {
  const loss = pub.dataLoss;
  if (!loss.publicNotice) return null;
  const nature = dataLossTextOf(pub, locale);
  return {
    nature: nature && describesWhatHappened(loss) ? nature : null,
    categories: loss.categories.map((c) => c.value.trim()),
    subjects: subjectsText(loss, locale),
    consequences: str(loss.likelyConsequences),
    measures: str(loss.publicMeasures),
    advice: str(loss.advice),
    // Reachable: with a phone number or an e-mail address (a published text is never blank).
    contacts: pub.contacts.filter((contact) => isDataProtectionContact(contact) && (contact.phone !== null || contact.email !== null)),
  };
}

/**
 * Builds the model of a report (or of a publication already selected from it). Never throws: a
 * broken or partial report gives a partial release.
 */
export function buildModel(source: ParsedReport | Publication, options: RenderOptions = {}): PressReleaseModel {
  const pub = 'texts' in source ? source : selectPublication(source);
  const locale: Locale = pub.lang === 'de' || pub.lang === 'en' ? pub.lang : (options.locale ?? 'en');
  const zone = typeof pub.timezone === 'string' && isValidTimeZone(pub.timezone) ? pub.timezone : null;
  bundledInfo ??= new SchemaInfo(bundledSchema as JsonSchema);
  const infos = options.schema ? [options.schema, bundledInfo] : [bundledInfo];
  // An enum value in plain words from the schema; an unknown value is printed as written (it is a
  // published text, so the leak rules have scanned it).
  const words = (text: PublishedText | null): string | null => {
    if (!text) return null;
    for (const info of infos) {
      const plain = info.fieldInfo(text.path, locale)?.enumDescriptions?.[text.value];
      if (plain) return plain;
    }
    return text.value.trim().replace(/_/g, ' ');
  };
  const time = (text: PublishedText | null): DisplayTime | null => (text ? resolveTime(text.value, zone) : null);
  const timeFact = (key: keyof typeof LABELS, text: PublishedText | null): Fact | null => {
    const resolved = time(text);
    return resolved ? { label: label(locale, key), value: formatDateTime(resolved, locale), datetime: resolved.iso } : null;
  };
  const facts: Fact[] = [];
  const push = (labelKey: keyof typeof LABELS, value: string | null) => {
    if (value) facts.push({ label: label(locale, labelKey), value });
  };
  // Status and severity in a press office's words (wording.ts); a value it does not know as the schema says it.
  const incidentType = pub.incidentType?.value.trim() ?? null;
  const statusText = pub.status ? (statusWords(pub.status.value.trim(), incidentType, locale) ?? words(pub.status)) : null;
  push('status', statusText);
  push('severity', pub.severity ? (severityWords(pub.severity.value.trim(), locale) ?? words(pub.severity)) : null);
  push('incidentType', incidentType !== null ? (incidentTypeWords(incidentType, locale) ?? words(pub.incidentType)) : null);
  for (const [key, labelKey] of [
    ['started_at', 'started'],
    ['detected_at', 'detected'],
    ['contained_at', 'contained'],
    ['resolved_at', 'resolved'],
  ] as const) {
    const fact = timeFact(labelKey, pub.timestamps[key]);
    if (fact) facts.push(fact);
  }

  const services = pub.services.map((service): ServiceEntry => {
    const restoredAt = timeFact('restoredAt', service.restoredAt);
    const value = service.status?.value.trim() ?? '';
    // One state per service for every output (wording.ts): a service with a restoration time works
    // again, whatever state it was listed in, and no output may still call it an outage.
    const stateKey = restoredAt ? 'operational' : KNOWN_SERVICE_STATES.has(value) ? value : null;
    const state = restoredAt ? label(locale, 'restoredShort') : (serviceStateWords(value, locale) ?? words(service.status) ?? '');
    return { name: str(service.name)!, state, stateKey, workaround: str(service.workaround), restoredAt };
  });

  let expectedRestoration: Fact | null = null;
  if (pub.expectedRestoration?.value === 'unknown') {
    expectedRestoration = { label: label(locale, 'expectedRestoration'), value: label(locale, 'expectedUnknown') };
  } else {
    const expected = time(pub.expectedRestoration);
    if (expected) {
      expectedRestoration = { label: label(locale, 'expectedRestoration'), value: formatDateTime(expected, locale), datetime: expected.iso };
    }
  }

  const loss = pub.dataLoss;
  const statusValue = pub.status?.value.trim() ?? '';
  const lossText = dataLossTextOf(pub, locale);
  const subjects = subjectsText(loss, locale);
  const lossFacts: Fact[] = [];
  // A public communication under Art. 34(3)(c) says what happened in its own section: not twice.
  if (lossText && !loss.publicNotice) lossFacts.push({ label: label(locale, 'dataKnown'), value: lossText });
  if (subjects && !loss.publicNotice) lossFacts.push({ label: label(locale, 'subjects'), value: subjects });
  const notified = timeFact('authorityNotified', loss.authorityNotifiedAt);
  if (notified) lossFacts.push(notified);
  const publicMeasures = str(loss.publicMeasures);
  const advice = str(loss.advice);
  // With a public communication under Art. 34(3)(c) the measures are part of it (see `art34`).
  if (publicMeasures && !loss.publicNotice) lossFacts.push({ label: label(locale, 'measures'), value: publicMeasures });

  const updates = pub.updates
    .map((update) => {
      const at = time(update.at);
      const text = str(update.text);
      return {
        index: update.index,
        at,
        entry: {
          heading: at ? formatUpdateHeading(at, locale) : 'Update',
          datetime: at?.iso ?? null,
          rfc3339: at?.epochMs != null ? rfc3339(at.epochMs, zone, at.iso) : null,
          epochMs: at?.epochMs ?? null,
          when: at ? formatDateTime(at, locale) : null,
          shortTime: at ? formatShortDateTime(at, locale) : null,
          index: update.index,
          paragraphs: text ? text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean) : [],
        },
      };
    })
    .filter((u) => u.entry.paragraphs.length > 0 || u.entry.datetime)
    // Newest first; of two at the same instant the later-listed one first (lists grow at the end).
    .sort((a, b) => {
      const [ea, eb] = [a.at?.epochMs ?? Number.NEGATIVE_INFINITY, b.at?.epochMs ?? Number.NEGATIVE_INFINITY];
      return ea === eb ? b.index - a.index : eb > ea ? 1 : -1;
    });

  // This version's date: the newest of the publication and its updates (a release updated on
  // 6 November is "Stand: 6. November", not the day it first went out).
  const published = time(pub.timestamps.published_at);
  const newestUpdate = updates.find((u) => u.at?.epochMs != null)?.at ?? null;
  const asOfTime =
    newestUpdate && (!published || published.epochMs === null || newestUpdate.epochMs! > published.epochMs) ? newestUpdate : published;
  const dateline = asOfTime
    ? { date: formatDate(asOfTime.clock, locale), datetime: asOfTime.iso }
    : { date: formatDate(clockAt(options.now ?? Date.now(), zone), locale), datetime: null };
  const place = str(pub.location) ?? str(pub.organization);

  const contacts = pub.contacts.map((contact): ContactEntry => {
    const phone = str(contact.phone);
    const digits = phone ? phone.replace(/[^\d+]/g, '') : '';
    const email = str(contact.email);
    return {
      // A reader's word for the role ("Bürgertelefon"), not the schema's field description.
      role: contactRoleLabel(locale, contact.role.value) ?? words(contact.role) ?? '',
      roleKey: contact.role.value as ContactRole,
      name: str(contact.name),
      phone,
      phoneHref: /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : null,
      email,
      emailLinkable: email !== null && EMAIL.test(email),
      hours: str(contact.hours),
      dataProtection: isDataProtectionContact(contact),
    };
  });

  const art34 = art34Contents(pub, locale);
  const organization = str(pub.organization);
  // Authorities grouped by what they do: "Ermittlungen: Polizeipräsidium Dortmund; ZAC NRW".
  const authorityGroups: Array<{ label: string; names: string[] }> = [];
  for (const authority of pub.authorities) {
    const groupLabel = authorityRoleLabel(locale, authority.role?.value) ?? words(authority.role) ?? label(locale, 'authorityOther');
    const group = authorityGroups.find((g) => g.label === groupLabel);
    if (group) group.names.push(str(authority.name)!);
    else authorityGroups.push({ label: groupLabel, names: [str(authority.name)!] });
  }
  // The section's syntax tree is parsed on first read: a model built for its texts alone never pays for it.
  let parts: { lead: Paragraph | null; rest: RootContent[]; depth: number } | undefined;
  const sectionParts = () => {
    if (parts) return parts;
    const section = pub.section();
    const children = section?.children ?? [];
    // The lead is the paragraph the section opens with (past comments and link definitions, which
    // print nothing). A paragraph after a heading, list or quote stays in its place: pulled up
    // front, it would leave the heading it stands under and change the order of the text.
    const opening = children.findIndex((node) => node.type !== 'html' && node.type !== 'definition');
    const leadIndex = opening !== -1 && children[opening]!.type === 'paragraph' ? opening : -1;
    return (parts = {
      lead: leadIndex === -1 ? null : (children[leadIndex] as Paragraph),
      rest: children.filter((_, i) => i !== leadIndex),
      depth: section?.heading.depth ?? 1,
    });
  };

  return {
    locale,
    whatsNew: options.whatsNew ? { since: options.whatsNew.since, items: options.whatsNew.items.map((item) => item[locale]) } : null,
    id: str(pub.id),
    statusKey: INCIDENT_STATES.includes(statusValue) ? (statusValue as IncidentStatus) : null,
    statusText,
    resolvedAt: timeFact('resolved', pub.timestamps.resolved_at),
    startedAt: timeFact('started', pub.timestamps.started_at),
    publishedRfc3339: published?.epochMs != null ? rfc3339(published.epochMs, zone, published.iso) : null,
    publishedEpochMs: published?.epochMs ?? null,
    about: str(pub.organizationAbout),
    address: str(pub.organizationAddress),
    authorityGroups,
    title: str(pub.title) ?? label(locale, 'untitled'),
    organization,
    dateline: { place, ...dateline },
    facts,
    affectedOrganizations: pub.affectedOrganizations.map((o) => o.value.trim()),
    hasPublicSection: pub.body !== null,
    get lead() {
      return sectionParts().lead;
    },
    get rest() {
      return sectionParts().rest;
    },
    get publicDepth() {
      return sectionParts().depth;
    },
    services,
    expectedRestoration,
    // With a public communication the advice is part of it (see `art34`), not repeated beside the statement.
    dataLoss: { statement: str(loss.statement), facts: lossFacts, categories: loss.publicNotice ? [] : loss.categories.map((c) => c.value.trim()), advice: loss.publicNotice ? null : advice },
    art34: art34 && { ...art34, contacts: art34.contacts.map((contact) => contacts[pub.contacts.indexOf(contact)]!) },
    authorities: pub.authorities.map((a) => ({ name: str(a.name)!, role: words(a.role) })),
    updates: updates.map((u) => u.entry),
    contacts,
    source: organization ?? label(locale, 'unnamedOrg'),
    asOf: asOfTime ? { label: label(locale, 'asOf'), value: formatDateTime(asOfTime, locale), datetime: asOfTime.iso } : null,
    texts: pub.texts,
    body: pub.body,
  };
}

