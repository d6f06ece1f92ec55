/** Fixed wording of the press release in both languages; values from the report are filled in elsewhere. */
import type { Locale, Localized } from '../shared/types';

/** Every label the press release prints, keyed by purpose. */
export const LABELS = {
  kind: { de: 'Pressemitteilung', en: 'Press release' },
  draftBanner: { de: 'ENTWURF – nicht zur Veröffentlichung', en: 'DRAFT – not for publication' },
  draftMarker: { de: '[ENTWURF]', en: '[DRAFT]' },
  whatsNew: { de: 'Was ist neu', en: "What's new" },
  status: { de: 'Stand der Bearbeitung', en: 'Status' },
  severity: { de: 'Auswirkungen', en: 'Impact' },
  incidentType: { de: 'Art des Vorfalls', en: 'Type of incident' },
  started: { de: 'Beginn', en: 'Began' },
  detected: { de: 'Entdeckt', en: 'Detected' },
  contained: { de: 'Eingedämmt', en: 'Contained' },
  resolved: { de: 'Behoben', en: 'Resolved' },
  affectedOrganizations: { de: 'Ebenfalls betroffen', en: 'Also affected' },
  services: { de: 'Betroffene Dienste', en: 'Affected services' },
  workaround: { de: 'Ausweichmöglichkeit', en: 'In the meantime' },
  restoredAt: { de: 'Wieder verfügbar seit', en: 'Restored' },
  expectedRestoration: { de: 'Voraussichtliche Wiederherstellung', en: 'Expected restoration' },
  expectedUnknown: { de: 'derzeit nicht absehbar', en: 'not yet known' },
  dataLoss: { de: 'Daten und Datenschutz', en: 'Data and data protection' },
  noStatement: {
    de: 'Zu einem möglichen Datenverlust liegt noch keine Aussage vor.',
    en: 'There is no statement on possible data loss yet.',
  },
  dataKnown: { de: 'Stand der Untersuchung', en: 'Where the investigation stands' },
  subjects: { de: 'Betroffene Personen (geschätzt)', en: 'People affected (estimate)' },
  categories: { de: 'Betroffene Daten', en: 'Data affected' },
  measures: { de: 'Was wir unternehmen', en: 'What we are doing' },
  advice: { de: 'Was Sie jetzt tun sollten', en: 'What you should do now' },
  art34Heading: { de: 'Information für die Betroffenen', en: 'Information for the people affected' },
  art34Intro: {
    de: 'Diese Mitteilung informiert die Personen, deren Daten betroffen sind (Art. 34 DSGVO).',
    en: 'This notice informs the people whose data is affected (Art. 34 GDPR).',
  },
  art34What: { de: 'Was geschehen ist', en: 'What happened' },
  art34Consequences: { de: 'Mögliche Folgen für Sie', en: 'Possible consequences for you' },
  art34Contact: { de: 'Fragen zum Datenschutz', en: 'Data protection questions' },
  art34StatusPage: { de: 'Diese Information steht auch auf unserer Notfallseite', en: 'This information is also on our status page' },
  dataProtectionContact: { de: 'Ansprechstelle für Datenschutzfragen', en: 'Contact point for data protection questions' },
  address: { de: 'Anschrift', en: 'Address' },
  authorityNotified: { de: 'Datenschutzaufsicht informiert', en: 'Data protection authority notified' },
  authorities: { de: 'Beteiligte Behörden', en: 'Authorities involved' },
  body: { de: 'Weitere Informationen', en: 'More information' },
  updates: { de: 'Aktualisierungen', en: 'Updates' },
  contacts: { de: 'Kontakt', en: 'Contact' },
  phone: { de: 'Telefon', en: 'Phone' },
  email: { de: 'E-Mail', en: 'E-mail' },
  hours: { de: 'Erreichbar', en: 'Hours' },
  source: { de: 'Quelle', en: 'Source' },
  asOf: { de: 'Stand', en: 'As of' },
  noPublicSection: {
    de: 'Für diesen Bericht gibt es noch keinen öffentlichen Text (Abschnitt „Pressemitteilung“). Diese Fassung zeigt nur die Fakten.',
    en: 'This report has no public text yet (section “Press release”). This version shows the facts alone.',
  },
  untitled: { de: 'Ohne Überschrift', en: 'Untitled' },
  unnamedOrg: { de: 'Herausgeber nicht angegeben', en: 'Publisher not given' },
  organizationFallback: { de: 'die herausgebende Stelle', en: 'the publishing organisation' },
  statusPage: { de: 'Notfallseite', en: 'Service status' },
  reachUs: { de: 'So erreichen Sie uns', en: 'How to reach us' },
  service: { de: 'Dienst', en: 'Service' },
  restoredShort: { de: 'wieder verfügbar', en: 'restored' },
  state: { de: 'Zustand', en: 'State' },
  noOpenIncident: { de: 'Derzeit keine Einschränkungen.', en: 'No disruption at the moment.' },
  latestUpdates: { de: 'Neueste Meldungen', en: 'Latest updates' },
  subscribeFeed: { de: 'Meldungen als Feed abonnieren (Atom)', en: 'Subscribe to the updates (Atom feed)' },
  noUpdates: { de: 'Noch keine Meldungen.', en: 'No updates yet.' },
  recentlyResolved: { de: 'Kürzlich behoben', en: 'Recently resolved' },
  socialState: { de: 'aktueller Stand', en: 'current status' },
  socialResolved: { de: 'Der Vorfall ist behoben.', en: 'The incident is resolved.' },
  authorityOther: { de: 'Weitere beteiligte Stellen', en: 'Also involved' },
  atAGlance: { de: 'Auf einen Blick', en: 'At a glance' },
  about: { de: 'Über {org}', en: 'About {org}' },
  pressContact: { de: 'Pressekontakt und Ansprechpartner', en: 'Press contact and contacts' },
} satisfies Record<string, Localized>;

/**
 * Contact roles as a reader says them: the schema's words ("Datenschutzbeauftragte oder
 * Datenschutzbeauftragter") describe a field value, a release names the contact.
 */
const CONTACT_ROLES: Record<string, Localized> = {
  press: { de: 'Pressestelle', en: 'Press office' },
  hotline: { de: 'Bürgertelefon', en: 'Hotline' },
  emergency: { de: 'Notfallkontakt', en: 'Emergency contact' },
  dpo: { de: 'Datenschutzbeauftragte/r', en: 'Data protection officer' },
};

/**
 * What an authority does, as a heading over its names ("Ermittlungen: Polizeipräsidium Dortmund"):
 * "Polizeipräsidium Dortmund (Polizei oder Staatsanwaltschaft)" read like an internal code.
 */
const AUTHORITY_ROLES: Record<string, Localized> = {
  law_enforcement: { de: 'Ermittlungen', en: 'Criminal investigation' },
  data_protection: { de: 'Datenschutzaufsicht', en: 'Data protection authority' },
  cert: { de: 'Unterstützung bei der IT-Sicherheit', en: 'IT security support' },
  other: { de: 'Weitere beteiligte Stellen', en: 'Also involved' },
};

/** The reader's word for a contact role, or `null` for a value the schema does not know. */
export function contactRoleLabel(locale: Locale, role: unknown): string | null {
  return typeof role === 'string' && Object.hasOwn(CONTACT_ROLES, role) ? CONTACT_ROLES[role]![locale] : null;
}

/** The reader's words for an authority role, or `null` for a value the schema does not know. */
export function authorityRoleLabel(locale: Locale, role: unknown): string | null {
  return typeof role === 'string' && Object.hasOwn(AUTHORITY_ROLES, role) ? AUTHORITY_ROLES[role]![locale] : null;
}

/** A label in `locale`. */
export function label(locale: Locale, key: keyof typeof LABELS): string {
  return LABELS[key][locale];
}
