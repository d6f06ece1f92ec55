/**
 * The public wording of the report's facts: what a press office would print for `status`,
 * `severity`, `incident_type`, a service's state and the data-loss facts. These words go to the
 * public, so each says no more than the value means: `identified` is no "cause found" while
 * forensics runs, `critical` is no alarm bell, a partial outage is no "not available", and data
 * that was copied has not been "lost". docs/public-wording.md shows every combination
 * (generated from this module by `npm run generate`).
 *
 * The schema's own value descriptions (`x-enumDescriptions`) explain a value to the author in hover
 * and completion; they are not public wording and are used only for values this module does not
 * know (an organisation's own schema may add some).
 */
import type { Locale, Localized } from '../shared/types';
import { bundledCompiledSchema } from '../schema/validator';

/** Incident types that are attacks: "Angriff bestätigt" rather than "Vorfall bestätigt". */
const ATTACKS = new Set(['ransomware', 'ddos', 'phishing', 'intrusion']);

/** `status` in public words. `identified` depends on whether the incident is an attack. */
export const STATUS_WORDS: Readonly<Record<string, Localized>> = {
  investigating: { de: 'wird untersucht', en: 'under investigation' },
  identified: { de: 'Vorfall bestätigt, Auswirkungen werden eingegrenzt', en: 'incident confirmed, its effects are being contained' },
  monitoring: { de: 'Wiederherstellung läuft, der Betrieb wird überwacht', en: 'recovery under way, operations are being monitored' },
  resolved: { de: 'abgeschlossen', en: 'closed' },
};

/** `status: identified` of an attack (`incident_type` ransomware, ddos, phishing or intrusion). */
export const IDENTIFIED_ATTACK: Localized = { de: 'Angriff bestätigt, Auswirkungen werden eingegrenzt', en: 'attack confirmed, its effects are being contained' };

/** `severity` in public words: the disruption people notice, not an alarm level. */
export const SEVERITY_WORDS: Readonly<Record<string, Localized>> = {
  critical: { de: 'starke Einschränkungen zentraler Dienste', en: 'severe disruption of essential services' },
  major: { de: 'deutliche Einschränkungen', en: 'significant disruption' },
  minor: { de: 'geringe Einschränkungen', en: 'minor disruption' },
  none: { de: 'keine Einschränkungen', en: 'no disruption' },
};

/**
 * `incident_type` in public words: what kind of incident, and nothing about the data (the schema's
 * "ransomware: attackers encrypted data" would contradict a data-loss box that says it is examined).
 */
export const INCIDENT_TYPE_WORDS: Readonly<Record<string, Localized>> = {
  ransomware: { de: 'Angriff mit Erpressungssoftware (Ransomware)', en: 'ransomware attack' },
  ddos: { de: 'Überlastungsangriff (DDoS)', en: 'overload attack (DDoS)' },
  phishing: { de: 'Phishing-Angriff', en: 'phishing attack' },
  intrusion: { de: 'unbefugter Zugriff auf IT-Systeme', en: 'unauthorised access to IT systems' },
  outage: { de: 'technische Störung', en: 'technical fault' },
  data_leak: { de: 'Datenleck', en: 'data leak' },
  other: { de: 'sonstiger Vorfall', en: 'other incident' },
  unknown: { de: 'wird noch ermittelt', en: 'still being determined' },
};

/**
 * A service's `status` in public words, as every public output prints it: the press release and the
 * status page beside the service, the social posts before the services in that state. A partial
 * outage is no "nicht verfügbar": one word for each state, so no output says more than another.
 */
export const SERVICE_STATE_WORDS: Readonly<Record<string, Localized>> = {
  major_outage: { de: 'Ausfall', en: 'major outage' },
  partial_outage: { de: 'teilweise ausgefallen', en: 'partial outage' },
  degraded_performance: { de: 'eingeschränkt', en: 'degraded performance' },
  under_maintenance: { de: 'in Wartung', en: 'under maintenance' },
  operational: { de: 'verfügbar', en: 'operational' },
};

/** The public words for a `status` value, or `null` for a value this module does not know. */
export function statusWords(status: string, incidentType: string | null, locale: Locale): string | null {
  if (status === 'identified' && incidentType !== null && ATTACKS.has(incidentType)) return IDENTIFIED_ATTACK[locale];
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status]![locale] : null;
}

/** The public words for a `severity` value, or `null` for a value this module does not know. */
export function severityWords(severity: string, locale: Locale): string | null {
  return Object.hasOwn(SEVERITY_WORDS, severity) ? SEVERITY_WORDS[severity]![locale] : null;
}

/** The public words for an `incident_type` value, or `null` for a value this module does not know. */
export function incidentTypeWords(type: string, locale: Locale): string | null {
  return Object.hasOwn(INCIDENT_TYPE_WORDS, type) ? INCIDENT_TYPE_WORDS[type]![locale] : null;
}

/** The public words for a service's `status`, or `null` for a value this module does not know. */
export function serviceStateWords(state: string, locale: Locale): string | null {
  return Object.hasOwn(SERVICE_STATE_WORDS, state) ? SERVICE_STATE_WORDS[state]![locale] : null;
}

/** The data-loss facts the public wording is made from (schema values; anything else counts as not given). */
export interface DataLossFacts {
  occurred: string | null;
  exfiltration: string | null;
  personalData: string | null;
  /** `data_loss.breach_type`: which protection goals were breached. */
  breachTypes: readonly string[];
  /** True while the incident is not resolved: negative findings are then "so far". */
  open: boolean;
}

/** What is known, each a complete sentence in both languages. */
const SAID = {
  copied: { de: 'Daten sind abgeflossen. Unbefugte haben sie kopiert.', en: 'Data has been stolen: unauthorised persons copied it.' },
  copySuspected: {
    de: 'Es gibt Hinweise, dass Daten abgeflossen sind; das wird geprüft.',
    en: 'There are signs that data has been stolen; this is being examined.',
  },
  copyNoSignOpen: { de: 'Bislang gibt es keine Hinweise, dass Daten abgeflossen sind.', en: 'So far there is no sign that data has been stolen.' },
  copyNoSign: { de: 'Es gibt keine Hinweise, dass Daten abgeflossen sind.', en: 'There is no sign that data was stolen.' },
  accessed: { de: 'Unbefugte hatten Zugriff auf Daten.', en: 'Unauthorised persons had access to data.' },
  altered: { de: 'Daten wurden unbefugt verändert.', en: 'Data was altered without authorisation.' },
  destroyed: { de: 'Daten wurden zerstört oder unbrauchbar gemacht.', en: 'Data was destroyed or made unusable.' },
  notDestroyedOpen: {
    de: 'Nach bisherigen Erkenntnissen wurden keine Daten zerstört oder unbrauchbar gemacht.',
    en: 'As far as we know, no data was destroyed or made unusable.',
  },
  notDestroyed: { de: 'Es wurden keine Daten zerstört oder unbrauchbar gemacht.', en: 'No data was destroyed or made unusable.' },
  unavailableNow: { de: 'Daten sind derzeit nicht verfügbar.', en: 'Data is unavailable at the moment.' },
  unavailableTemporarily: { de: 'Daten sind vorübergehend nicht verfügbar.', en: 'Data is temporarily unavailable.' },
  wasUnavailable: { de: 'Daten waren vorübergehend nicht verfügbar.', en: 'Data was temporarily unavailable.' },
  personal: { de: 'Personenbezogene Daten sind betroffen.', en: 'Personal data is affected.' },
  notPersonalOpen: {
    de: 'Nach bisherigen Erkenntnissen sind keine personenbezogenen Daten betroffen.',
    en: 'So far, no personal data is known to be affected.',
  },
  notPersonal: { de: 'Personenbezogene Daten sind nicht betroffen.', en: 'No personal data is affected.' },
} satisfies Record<string, Localized>;

/** What is not known yet, as the clause of one "still being investigated" sentence. */
const OPEN = {
  copy: { de: 'ob Daten abgeflossen sind', en: 'whether data has been stolen' },
  damage: { de: 'ob Daten zerstört oder unbrauchbar gemacht wurden', en: 'whether data was destroyed or made unusable' },
  /** The same right after {@link OPEN.copy}: "ob Daten abgeflossen sind und ob sie zerstört …". */
  damageAfterCopy: { de: 'ob sie zerstört oder unbrauchbar gemacht wurden', en: 'whether it was destroyed or made unusable' },
  personal: { de: 'ob personenbezogene Daten betroffen sind', en: 'whether personal data is affected' },
} satisfies Record<string, Localized>;

/**
 * The open questions as one sentence: "Ob Daten abgeflossen sind, wird noch untersucht." for one,
 * "Noch untersucht wird, ob …, ob … und ob …." for several (three "wird geprüft" in a row read like
 * a form, not like a press office).
 */
function openSentence(clauses: readonly Localized[]): Localized {
  const list = (locale: Locale) => {
    const parts = clauses.map((c) => c[locale]);
    const and = locale === 'de' ? ' und ' : ' and ';
    return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]!}`;
  };
  if (clauses.length === 1) {
    const de = clauses[0]!.de;
    return { de: `${de.charAt(0).toUpperCase()}${de.slice(1)}, wird noch untersucht.`, en: `We are still investigating ${clauses[0]!.en}.` };
  }
  return { de: `Noch untersucht wird, ${list('de')}.`, en: `We are still investigating ${list('en')}.` };
}

/**
 * What the public is told about the data, as whole sentences in reading order: first what is known
 * (who had access, what was copied out by `exfiltration`, what was altered, destroyed or unavailable
 * by `occurred` and `breach_type`, whether personal data is affected), then in one sentence what is
 * still being investigated. Copying is never called a loss: stolen data still exists, and towns say
 * "abgeflossen". `occurred: yes` alone says "destroyed or made unusable", unless the copying explains
 * the loss (`exfiltration: confirmed`) or `breach_type` names only confidentiality or integrity.
 * Negative answers carry "so far" while the incident is open.
 */
export function dataLossSentences(facts: DataLossFacts): Localized[] {
  const said: Localized[] = [];
  const open: Localized[] = [];
  const types = new Set(facts.breachTypes);
  const copied = facts.exfiltration === 'confirmed';
  if (types.has('confidentiality') && !copied) said.push(SAID.accessed);
  if (copied) said.push(SAID.copied);
  else if (facts.exfiltration === 'suspected') said.push(SAID.copySuspected);
  else if (facts.exfiltration === 'no_indication') said.push(facts.open ? SAID.copyNoSignOpen : SAID.copyNoSign);
  else if (facts.exfiltration === 'under_investigation') open.push(OPEN.copy);
  if (types.has('integrity')) said.push(SAID.altered);
  if (types.has('availability')) {
    if (facts.occurred === 'yes') said.push(SAID.destroyed);
    else if (facts.occurred === 'no') said.push(facts.open ? SAID.unavailableTemporarily : SAID.wasUnavailable);
    else if (facts.occurred === 'unknown') (said.push(SAID.unavailableNow), open.push(open.includes(OPEN.copy) ? OPEN.damageAfterCopy : OPEN.damage));
  } else if (facts.occurred === 'yes') {
    // The loss is the copying, or what breach_type names: "destroyed" would say more than is known.
    if (!copied && types.size === 0) said.push(SAID.destroyed);
  } else if (facts.occurred === 'no') said.push(facts.open ? SAID.notDestroyedOpen : SAID.notDestroyed);
  else if (facts.occurred === 'unknown') open.push(open.includes(OPEN.copy) ? OPEN.damageAfterCopy : OPEN.damage);
  if (facts.personalData === 'yes') said.push(SAID.personal);
  else if (facts.personalData === 'no') said.push(facts.open ? SAID.notPersonalOpen : SAID.notPersonal);
  else if (facts.personalData === 'unknown') open.push(OPEN.personal);
  return open.length > 0 ? [...said, openSentence(open)] : said;
}

/** {@link dataLossSentences} in `locale`, as one paragraph (`null` when there is nothing to say). */
export function dataLossText(facts: DataLossFacts, locale: Locale): string | null {
  const sentences = dataLossSentences(facts);
  return sentences.length > 0 ? sentences.map((s) => s[locale]).join(' ') : null;
}

/**
 * A data-loss fact (`occurred`, `exfiltration`, `personal_data`) in a few words, as the schema
 * documents its value ("Datenabfluss bestätigt"): for lists of changes, where whole sentences would
 * not fit; `null` for a value the schema does not know.
 */
export function dataLossFactWords(field: 'occurred' | 'exfiltration' | 'personal_data', value: string, locale: Locale): string | null {
  return bundledCompiledSchema().info.fieldInfo(`/data_loss/${field}`, locale)?.enumDescriptions?.[value] ?? null;
}

/** The values each fact takes in the documentation tables. */
export const WORDING_VALUES = {
  occurred: ['yes', 'no', 'unknown'],
  exfiltration: ['confirmed', 'suspected', 'no_indication', 'under_investigation'],
  personalData: ['yes', 'no', 'unknown'],
  breachType: ['confidentiality', 'integrity', 'availability'],
} as const;
