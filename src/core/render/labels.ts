/** Fixed wording of the press release in both languages; values from the report are filled in elsewhere. */
import type { Locale, Localized } from '../types';

/** Every label the press release prints, keyed by purpose. */
export const LABELS = {
  kind: { de: 'Pressemitteilung', en: 'Press release' },
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
  dataLoss: { de: 'Datenabfluss und Datenschutz', en: 'Data loss and data protection' },
  noStatement: {
    de: 'Zu einem möglichen Datenverlust liegt noch keine Aussage vor.',
    en: 'There is no statement on possible data loss yet.',
  },
  dataOccurred: { de: 'Datenverlust', en: 'Data loss' },
  exfiltration: { de: 'Datenabfluss', en: 'Data exfiltration' },
  personalData: { de: 'Personenbezogene Daten', en: 'Personal data' },
  subjects: { de: 'Betroffene Personen (geschätzt)', en: 'People affected (estimate)' },
  categories: { de: 'Betroffene Daten', en: 'Data affected' },
  likelyConsequences: { de: 'Mögliche Folgen für Betroffene', en: 'Likely consequences for the people affected' },
  measures: { de: 'Ergriffene Maßnahmen', en: 'Measures taken' },
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
} satisfies Record<string, Localized>;

/** A label in `locale`. */
export function label(locale: Locale, key: keyof typeof LABELS): string {
  return LABELS[key][locale];
}
