/**
 * What changed between two releases (two publication models, see model.ts), in the words a press
 * office uses: the status, each service's state, restoration and workaround, new updates, the
 * data-loss facts and statement, contacts, the expected restoration, the public section and any
 * other published field. Free text (the public section, statements, workarounds, update texts) is
 * compared sentence by sentence, so a changed sentence is named, not the whole paragraph.
 *
 * Everything here is read from the two models alone: what-changed text printed in a public output
 * (the "What's new" box) therefore holds nothing that is not published anyway.
 */
import { diffArrays } from 'diff';
import { t } from '../shared/i18n';
import { splitSentences } from '../language/sentences';
import { formatPointer, parsePointer } from '../yaml/pointer';
import { formatShortDateTime, resolveTime } from '../shared/dates';
import type { Locale, Localized } from '../shared/types';
import { PUBLIC_SECTION_PATH, type ReleaseModel } from './model';
import { dataLossFactWords, incidentTypeWords, serviceStateWords, severityWords, statusWords } from '../render/wording';
import { authorityRoleLabel, contactRoleLabel } from '../render/labels';

type Value = string | number | boolean | null;

/** One change: where (a JSON Pointer into the frontmatter, or {@link PUBLIC_SECTION_PATH}), before and after. */
export interface ReleaseChange {
  path: string;
  /** The value (or sentence) before; `null` when it is new. */
  before: Value;
  /** The value (or sentence) now; `null` when it is gone. */
  after: Value;
  /** The change in press-office words. */
  text: Localized;
  /**
   * True for a change of form only (spaces and line breaks in a text, the order of a list): the
   * release and its fingerprint differ, the words do not. Named so that `changes` and the stale
   * approval agree; left out of the public "What's new" box.
   */
  formOnly?: true;
}

/** Published fields that hold free text: compared sentence by sentence. */
const FREE_TEXT = /^\/(?:title|organization_about|data_loss\/(?:statement|public_measures|likely_consequences|advice)|affected_services\/\d+\/workaround|updates\/\d+\/text)$/;

/** Field names in press-office words, for changes of a plain value. */
const FIELD_WORDS: Readonly<Record<string, Localized>> = {
  '/status': { de: 'Der Status', en: 'The status' },
  '/severity': { de: 'Der Schweregrad', en: 'The severity' },
  '/incident_type': { de: 'Die Art des Vorfalls', en: 'The kind of incident' },
  '/title': { de: 'Die Überschrift', en: 'The headline' },
  '/organization': { de: 'Die herausgebende Organisation', en: 'The publishing organisation' },
  '/organization_about': { de: 'Der Abbinder über die Organisation', en: 'The boilerplate about the organisation' },
  '/organization_address': { de: 'Die Postanschrift', en: 'The postal address' },
  '/location': { de: 'Der Ort der Datumszeile', en: 'The place of the dateline' },
  '/expected_restoration': { de: 'Die erwartete Wiederherstellung', en: 'The expected restoration' },
  '/timestamps/started_at': { de: 'Der Beginn des Vorfalls', en: 'The start of the incident' },
  '/timestamps/detected_at': { de: 'Der Zeitpunkt der Entdeckung', en: 'The time of detection' },
  '/timestamps/contained_at': { de: 'Der Zeitpunkt der Eindämmung', en: 'The time of containment' },
  '/timestamps/resolved_at': { de: 'Der Zeitpunkt der Behebung', en: 'The time of resolution' },
  '/timestamps/published_at': { de: 'Der Veröffentlichungszeitpunkt', en: 'The time of publication' },
  '/data_loss/occurred': { de: 'Die Angabe zum Datenverlust', en: 'The statement on data loss' },
  '/data_loss/exfiltration': { de: 'Die Angabe zum Datenabfluss', en: 'The statement on data exfiltration' },
  '/data_loss/personal_data': { de: 'Die Angabe zu personenbezogenen Daten', en: 'The statement on personal data' },
  '/data_loss/statement': { de: 'Die Erklärung zum Datenverlust', en: 'The statement on data loss' },
  '/data_loss/authority_notified_at': { de: 'Die Meldung an die Aufsichtsbehörde', en: 'The notification to the supervisory authority' },
  '/data_loss/subjects_approx': { de: 'Die Zahl der Betroffenen', en: 'The number of people affected' },
  '/data_loss/public_measures': { de: 'Die ergriffenen Maßnahmen', en: 'The measures taken' },
  '/data_loss/likely_consequences': { de: 'Die wahrscheinlichen Folgen', en: 'The likely consequences' },
  '/data_loss/advice': { de: 'Der Rat an Betroffene', en: 'The advice to the people affected' },
  '/lang': { de: 'Die Sprache', en: 'The language' },
  '/timezone': { de: 'Die Zeitzone', en: 'The time zone' },
  '/public_notice': { de: 'Die öffentliche Bekanntmachung nach Art. 34 DSGVO', en: 'The public communication under Art. 34 GDPR' },
  [PUBLIC_SECTION_PATH]: { de: 'Die Pressemitteilung', en: 'The press release' },
};

/** Words for the fields of list items: services, contacts, authorities, updates. */
const ITEM_FIELD_WORDS: Readonly<Record<string, Localized>> = {
  status: { de: 'Status', en: 'status' },
  workaround: { de: 'Ausweichmöglichkeit', en: 'workaround' },
  restored_at: { de: 'wiederhergestellt', en: 'restored' },
  name: { de: 'Name', en: 'name' },
  phone: { de: 'Telefon', en: 'phone' },
  email: { de: 'E-Mail', en: 'e-mail' },
  hours: { de: 'Erreichbarkeit', en: 'hours' },
  data_protection: { de: 'Datenschutz', en: 'data protection' },
  role: { de: 'Rolle', en: 'role' },
  at: { de: 'Zeitpunkt', en: 'time' },
  text: { de: 'Text', en: 'text' },
};

/** Lists of plain texts in press-office words. */
const LIST_WORDS: Readonly<Record<string, Localized>> = {
  affected_organizations: { de: 'Betroffene Organisationen', en: 'Affected organisations' },
  'data_loss/data_categories': { de: 'Betroffene Datenarten', en: 'Kinds of data affected' },
  'data_loss/breach_type': { de: 'Art der Verletzung', en: 'Kind of breach' },
};

/** Lists of items matched across releases by what identifies them, not by their index. */
const ITEM_LISTS = ['affected_services', 'contacts', 'authorities', 'updates'] as const;
type ItemList = (typeof ITEM_LISTS)[number];

/** The order a press office reads changes in: the first matching prefix ranks. */
const READING_ORDER = ['/status', '/severity', '/incident_type', '/title', '/affected_services', '/expected_restoration', '/updates', '/data_loss', '/contacts', PUBLIC_SECTION_PATH];

interface Item {
  index: number;
  values: Record<string, string | number>;
}

/**
 * The changes from `before` to `after`, in reading order. `locale` chooses nothing here (both
 * languages are made); times are shown in `after`'s time zone.
 */
export function releaseChanges(before: ReleaseModel, after: ReleaseModel): ReleaseChange[] {
  const zone = after.timezone ?? before.timezone;
  const changes: ReleaseChange[] = [];
  const add = (path: string, b: Value, a: Value, text: Localized) => changes.push({ path, before: b, after: a, text });
  const show = (path: string, value: Value): Localized => showValue(path, value, zone);
  // `status: identified` reads "Angriff bestätigt" for an attack, as in the release: each side's
  // status in the words of its own kind of incident.
  const showStatus = (model: ReleaseModel, value: Value): Localized => showValue('/status', value, zone, incidentTypeOf(model));

  for (const key of ['lang', 'timezone'] as const) {
    if (before[key] !== after[key]) add(`/${key}`, before[key], after[key], valueChange(FIELD_WORDS[`/${key}`]!, show(`/${key}`, before[key]), show(`/${key}`, after[key]), before[key], after[key]));
  }
  if (before.public_notice !== after.public_notice) {
    add('/public_notice', before.public_notice, after.public_notice, after.public_notice
      ? { de: 'Die Mitteilung ist jetzt eine öffentliche Bekanntmachung nach Art. 34 DSGVO.', en: 'The release is now a public communication under Art. 34 GDPR.' }
      : { de: 'Die Mitteilung ist keine öffentliche Bekanntmachung nach Art. 34 DSGVO mehr.', en: 'The release is no longer a public communication under Art. 34 GDPR.' });
  }

  const [plainBefore, listsBefore] = split(before.fields);
  const [plainAfter, listsAfter] = split(after.fields);
  for (const path of unionKeys(plainBefore, plainAfter)) {
    const b = plainBefore[path] ?? null;
    const a = plainAfter[path] ?? null;
    if (b === a) continue;
    const words = FIELD_WORDS[path] ?? { de: `Das Feld ${fieldLabel(path)}`, en: `The field ${fieldLabel(path)}` };
    if (FREE_TEXT.test(path) && typeof b === 'string' && typeof a === 'string') {
      changes.push(...sentenceChanges(path, b, a, after.lang ?? before.lang, words));
    } else {
      const [shownBefore, shownAfter] = path === '/status' ? [showStatus(before, b), showStatus(after, a)] : [show(path, b), show(path, a)];
      add(path, b, a, valueChange(words, shownBefore, shownAfter, b, a));
    }
  }
  for (const list of ITEM_LISTS) changes.push(...itemChanges(list, listsBefore.get(list) ?? [], listsAfter.get(list) ?? [], zone, after.lang ?? before.lang));
  // Lists of plain texts (affected organisations, data categories, breach types): what is new, what is gone.
  for (const list of unionKeys(Object.fromEntries(listsBefore), Object.fromEntries(listsAfter))) {
    if ((ITEM_LISTS as readonly string[]).includes(list)) continue;
    changes.push(...textListChanges(list, listsBefore.get(list) ?? [], listsAfter.get(list) ?? []));
  }
  if (before.public_section !== after.public_section) {
    const words = FIELD_WORDS[PUBLIC_SECTION_PATH]!;
    changes.push(...sentenceChanges(PUBLIC_SECTION_PATH, before.public_section ?? '', after.public_section ?? '', after.lang ?? before.lang, words));
  }
  // The section's own headings are printed relative to its heading: the same words, another layout.
  // (Only when both sides hold headings: a heading added or removed is named with the text.)
  if (before.public_heading_level !== undefined && after.public_heading_level !== undefined && before.public_heading_level !== after.public_heading_level) {
    const words = FIELD_WORDS[PUBLIC_SECTION_PATH]!;
    const level = (model: ReleaseModel) => String(model.public_heading_level);
    changes.push({
      path: PUBLIC_SECTION_PATH,
      before: null,
      after: null,
      formOnly: true,
      text: {
        de: `${words.de}: Ebene der Überschriften geändert (Pressemitteilung als Überschrift der Ebene ${level(before)} → ${level(after)})`,
        en: `${words.en}: heading levels changed (press release heading at level ${level(before)} → ${level(after)})`,
      },
    });
  }
  changes.push(...formChanges(before, after, changes));
  const rank = (path: string) => {
    const i = READING_ORDER.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    return i === -1 ? READING_ORDER.length : i;
  };
  return changes.map((change, i) => ({ change, i })).sort((x, y) => rank(x.change.path) - rank(y.change.path) || x.i - y.i).map(({ change }) => change);
}

/** Words for the lists of items, for a change of their order. */
const ITEM_LIST_WORDS: Readonly<Record<ItemList, Localized>> = {
  affected_services: { de: 'Betroffene Dienste', en: 'Affected services' },
  contacts: { de: 'Kontakte', en: 'Contacts' },
  authorities: { de: 'Behörden', en: 'Authorities' },
  updates: { de: 'Meldungen', en: 'Updates' },
};

/**
 * What differs between the releases that no change above names: the sentences of a text compare
 * with their spaces and line breaks squashed, lists of texts as sets and items by identity, so a
 * re-wrapped paragraph or a re-ordered list changed the release (and made its approval stale) while
 * `changes` said "No changes". Each such text gets "only spaces or line breaks changed", each such
 * list "order changed".
 */
function formChanges(before: ReleaseModel, after: ReleaseModel, named: readonly ReleaseChange[]): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  const covered = (path: string) => [...named, ...changes].some((change) => path === change.path || path.startsWith(`${change.path}/`));
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const texts: Array<[string, string | number | null, string | number | null]> = unionKeys(before.fields, after.fields).map((path) => [path, before.fields[path] ?? null, after.fields[path] ?? null]);
  texts.push([PUBLIC_SECTION_PATH, before.public_section, after.public_section]);
  for (const [path, b, a] of texts) {
    if (b === a || typeof b !== 'string' || typeof a !== 'string' || squash(b) !== squash(a) || covered(path)) continue;
    const words = FIELD_WORDS[path] ?? { de: `Das Feld ${fieldLabel(path)}`, en: `The field ${fieldLabel(path)}` };
    changes.push({ path, before: b, after: a, formOnly: true, text: { de: `${words.de}: nur Leerzeichen oder Zeilenumbrüche geändert`, en: `${words.en}: only spaces or line breaks changed` } });
  }
  // A list none of whose entries was named as new, changed or removed, that still differs.
  const lists = new Set<string>();
  for (const [path, b, a] of texts) {
    if (b === a || covered(path)) continue;
    const segments = parsePointer(path);
    const at = segments.findIndex((s) => /^\d+$/.test(s));
    const list = at > 0 ? formatPointer(segments.slice(0, at)) : null;
    if (list !== null && !named.some((change) => change.path.startsWith(`${list}/`))) lists.add(list);
  }
  for (const list of lists) {
    const name = list.slice(1);
    const words = ITEM_LIST_WORDS[name as ItemList] ?? LIST_WORDS[name] ?? { de: fieldLabel(list), en: fieldLabel(list) };
    const text: Localized = sameEntries(list, before.fields, after.fields)
      ? { de: `${words.de}: Reihenfolge geändert`, en: `${words.en}: order changed` }
      : { de: `${words.de}: Reihenfolge oder doppelte Einträge geändert`, en: `${words.en}: order or entries listed twice changed` };
    changes.push({ path: list, before: null, after: null, formOnly: true, text });
  }
  return changes;
}

/** Whether `list` holds the same entries (each with all its fields) on both sides, in any order. */
function sameEntries(list: string, before: Record<string, string | number>, after: Record<string, string | number>): boolean {
  const entries = (fields: Record<string, string | number>) => {
    const byIndex = new Map<string, Array<[string, string | number]>>();
    for (const [path, value] of Object.entries(fields)) {
      if (!path.startsWith(`${list}/`)) continue;
      const [index = '', ...rest] = path.slice(list.length + 1).split('/');
      const entry = byIndex.get(index) ?? [];
      entry.push([rest.join('/'), value]);
      byIndex.set(index, entry);
    }
    return [...byIndex.values()].map((entry) => JSON.stringify(entry.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))).sort();
  };
  return JSON.stringify(entries(before)) === JSON.stringify(entries(after));
}

/** A change as one line in `locale`. */
export function describeChange(change: ReleaseChange, locale: Locale): string {
  return change.text[locale];
}

/** Plain fields by pointer, and list items grouped by list (`affected_services` → items; `data_categories` → texts). */
function split(fields: Record<string, string | number>): [Record<string, string | number>, Map<string, Item[]>] {
  const plain: Record<string, string | number> = {};
  const lists = new Map<string, Item[]>();
  for (const [path, value] of Object.entries(fields)) {
    const segments = parsePointer(path);
    const at = segments.findIndex((s) => /^\d+$/.test(s));
    if (at <= 0) {
      plain[path] = value;
      continue;
    }
    const list = formatPointer(segments.slice(0, at)).slice(1);
    const index = Number(segments[at]);
    const key = segments.slice(at + 1).join('/');
    const items = lists.get(list) ?? [];
    lists.set(list, items);
    let item = items.find((i) => i.index === index);
    if (!item) items.push((item = { index, values: {} }));
    item.values[key] = value;
  }
  for (const items of lists.values()) items.sort((a, b) => a.index - b.index);
  return [plain, lists];
}

function unionKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** `affected_services[0].workaround` for `/affected_services/0/workaround`. */
function fieldLabel(path: string): string {
  return parsePointer(path).map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i === 0 ? '' : '.') + s)).join('');
}

/** The release's `incident_type`, or `null` when it publishes none. */
function incidentTypeOf(model: ReleaseModel): string | null {
  const type = model.fields['/incident_type'];
  return typeof type === 'string' ? type : null;
}

/**
 * A value for a sentence: times in press-office form, texts in quotation marks, enum values in
 * public words (a status in those of `incidentType`), numbers as they are.
 */
function showValue(path: string, value: Value, zone: string | null, incidentType: string | null = null): Localized {
  if (value === null) return { de: '–', en: '–' };
  if (typeof value === 'string' && /(?:_at|\/at|expected_restoration)$/.test(path)) {
    const time = resolveTime(value, zone);
    if (time) return { de: formatShortDateTime(time, 'de'), en: formatShortDateTime(time, 'en') };
  }
  if (typeof value === 'string' && FREE_TEXT.test(path)) return { de: `„${value}“`, en: `“${value}”` };
  if (typeof value === 'string') {
    const words = (locale: Locale) => publicWords(path, value, locale, incidentType);
    const de = words('de');
    const en = words('en');
    if (de !== null && en !== null) return { de, en };
  }
  return { de: String(value), en: String(value) };
}

/**
 * The words the public outputs use for an enum value (status, severity, kind of incident, a
 * service's state, a contact's or an authority's role, a data-loss fact in the schema's words), so the changes read like the release itself; `null` for any other field or an
 * unknown value, which is then shown as it is written.
 */
function publicWords(path: string, value: string, locale: Locale, incidentType: string | null): string | null {
  if (path === '/status') return statusWords(value, incidentType, locale);
  if (path === '/severity') return severityWords(value, locale);
  if (path === '/incident_type') return incidentTypeWords(value, locale);
  if (/^\/affected_services\/\d+\/status$/.test(path)) return serviceStateWords(value, locale);
  if (/^\/contacts\/\d+\/role$/.test(path)) return contactRoleLabel(locale, value);
  if (/^\/authorities\/\d+\/role$/.test(path)) return authorityRoleLabel(locale, value);
  const fact = /^\/data_loss\/(occurred|exfiltration|personal_data)$/.exec(path)?.[1] as 'occurred' | 'exfiltration' | 'personal_data' | undefined;
  if (fact) return dataLossFactWords(fact, value, locale);
  return null;
}

/** "Der Status hat sich geändert: wird untersucht → abgeschlossen", or that a value is new or gone. */
function valueChange(words: Localized, before: Localized, after: Localized, b: Value, a: Value): Localized {
  if (b === null) return { de: `${words.de} ist neu: ${after.de}`, en: `${words.en} is new: ${after.en}` };
  if (a === null) return { de: `${words.de} entfällt (bisher: ${before.de})`, en: `${words.en} was removed (was: ${before.en})` };
  return { de: `${words.de} hat sich geändert: ${before.de} → ${after.de}`, en: `${words.en} changed: ${before.en} → ${after.en}` };
}

/** Free text compared sentence by sentence: a new, a changed and a removed sentence each make a change. */
function sentenceChanges(path: string, before: string, after: string, lang: string | null, words: Localized): ReleaseChange[] {
  const locale: Locale = lang === 'en' ? 'en' : 'de';
  const sentences = (text: string) => splitSentences(text.replace(/\s+\n/g, '\n'), locale).map((s) => s.text.replace(/\s+/g, ' '));
  const parts = diffArrays(sentences(before), sentences(after));
  const changes: ReleaseChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.removed && !part.added) continue;
    const removed = part.removed ? part.value : [];
    const next = part.removed ? parts[i + 1] : undefined;
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (part.removed && next?.added) i++;
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const b = removed[k] ?? null;
      const a = added[k] ?? null;
      const text: Localized =
        b === null
          ? { de: `${words.de}: neuer Satz „${a}“`, en: `${words.en}: new sentence “${a}”` }
          : a === null
            ? { de: `${words.de}: Satz entfällt „${b}“`, en: `${words.en}: sentence removed “${b}”` }
            : { de: `${words.de}: Satz geändert „${b}“ → „${a}“`, en: `${words.en}: sentence changed “${b}” → “${a}”` };
      changes.push({ path, before: b, after: a, text });
    }
  }
  return changes;
}

/** How an item is named in a sentence: a service or authority by name, a contact by role, an update by its time. */
function itemName(list: ItemList, item: Item, zone: string | null): Localized {
  const v = item.values;
  switch (list) {
    case 'affected_services':
      return { de: `Dienst „${v.name}“`, en: `Service “${v.name}”` };
    case 'authorities':
      return { de: `Behörde „${v.name}“`, en: `Authority “${v.name}”` };
    case 'contacts': {
      // Named as the release names it ("Bürgertelefon"), not by the raw role (`hotline`); a role no
      // output knows is shown as written.
      const role = (locale: Locale) => contactRoleLabel(locale, v.role) ?? `${locale === 'de' ? 'Kontakt' : 'Contact'} ${v.role}`;
      return { de: `${role('de')}${v.name ? ` („${v.name}“)` : ''}`, en: `${role('en')}${v.name ? ` (“${v.name}”)` : ''}` };
    }
    case 'updates': {
      const at = showValue('/at', v.at ?? null, zone);
      return v.at === undefined ? { de: 'Meldung', en: 'Update' } : { de: `Meldung vom ${at.de}`, en: `Update of ${at.en}` };
    }
  }
}

/** What identifies an item across releases, strongest first. */
function identities(list: ItemList, item: Item): string[] {
  const v = item.values;
  switch (list) {
    case 'affected_services':
    case 'authorities':
      return [`name:${v.name}`];
    case 'contacts':
      return [`role:${v.role}|name:${v.name ?? ''}`, `role:${v.role}`];
    case 'updates':
      return [`at:${v.at ?? ''}|text:${v.text ?? ''}`, `at:${v.at ?? ''}`];
  }
}

/** Changes of a list of items: matched by identity (then by position), compared field by field. */
function itemChanges(list: ItemList, before: Item[], after: Item[], zone: string | null, lang: string | null): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  const unmatched = new Set(before);
  const pairs: Array<[Item | null, Item]> = [];
  for (const level of [0, 1]) {
    for (const item of after) {
      if (pairs.some(([, a]) => a === item)) continue;
      const id = identities(list, item)[level];
      if (id === undefined) continue;
      const match = [...unmatched].find((b) => identities(list, b)[level] === id);
      if (match) {
        unmatched.delete(match);
        pairs.push([match, item]);
      }
    }
  }
  for (const item of after) if (!pairs.some(([, a]) => a === item)) pairs.push([null, item]);
  pairs.sort((x, y) => x[1].index - y[1].index);
  for (const [b, a] of pairs) {
    const path = `/${list}/${a.index}`;
    const name = itemName(list, a, zone);
    if (!b) {
      const headline = String(a.values.text ?? a.values.name ?? a.values.role ?? '');
      const state = a.values.status === undefined ? null : showValue(`${path}/status`, a.values.status, zone);
      const extra = list === 'affected_services' && state ? { de: ` (Status: ${state.de})`, en: ` (status: ${state.en})` } : { de: '', en: '' };
      const text: Localized =
        list === 'updates'
          ? { de: `Neue ${name.de}: „${headline}“`, en: `New ${name.en.charAt(0).toLowerCase()}${name.en.slice(1)}: “${headline}”` }
          : { de: `Neu: ${name.de}${extra.de}`, en: `New: ${name.en}${extra.en}` };
      changes.push({ path, before: null, after: headline, text });
      continue;
    }
    for (const key of unionKeys(b.values, a.values)) {
      const bv = b.values[key] ?? null;
      const av = a.values[key] ?? null;
      if (bv === av) continue;
      const keyPath = `${path}/${key}`;
      const field = ITEM_FIELD_WORDS[key] ?? { de: key, en: key };
      const words: Localized = { de: `${name.de}: ${field.de}`, en: `${name.en}: ${field.en}` };
      if (FREE_TEXT.test(keyPath) && typeof bv === 'string' && typeof av === 'string') {
        changes.push(...sentenceChanges(keyPath, bv, av, lang, words));
      } else if (list === 'affected_services' && key === 'restored_at' && bv === null) {
        const when = showValue(keyPath, av, zone);
        changes.push({ path: keyPath, before: bv, after: av, text: { de: `${name.de} ist wieder verfügbar (seit ${when.de})`, en: `${name.en} is available again (since ${when.en})` } });
      } else {
        changes.push({ path: keyPath, before: bv, after: av, text: itemValueChange(words, showValue(keyPath, bv, zone), showValue(keyPath, av, zone), bv, av) });
      }
    }
  }
  for (const b of unmatched) {
    const name = itemName(list, b, zone);
    const headline = String(b.values.text ?? b.values.name ?? b.values.role ?? '');
    changes.push({ path: `/${list}/${b.index}`, before: headline, after: null, text: { de: `Entfällt: ${name.de}`, en: `Removed: ${name.en}` } });
  }
  return changes;
}

function itemValueChange(words: Localized, before: Localized, after: Localized, b: Value, a: Value): Localized {
  if (b === null) return { de: `${words.de} neu: ${after.de}`, en: `${words.en} added: ${after.en}` };
  if (a === null) return { de: `${words.de} entfällt (bisher: ${before.de})`, en: `${words.en} removed (was: ${before.en})` };
  return { de: `${words.de} ${before.de} → ${after.de}`, en: `${words.en} ${before.en} → ${after.en}` };
}

/** A list of plain texts compared as a set: each new and each removed entry is a change. */
function textListChanges(list: string, before: Item[], after: Item[]): ReleaseChange[] {
  const words = LIST_WORDS[list];
  const label = words ? words : { de: fieldLabel(`/${list}`), en: fieldLabel(`/${list}`) };
  const texts = (items: Item[]) => items.map((item) => ({ index: item.index, value: item.values[''] })).filter((x) => x.value !== undefined);
  const [b, a] = [texts(before), texts(after)];
  const changes: ReleaseChange[] = [];
  for (const item of a) {
    if (b.some((x) => x.value === item.value)) continue;
    changes.push({ path: `/${list}/${item.index}`, before: null, after: item.value!, text: { de: `${label.de}: neu „${item.value}“`, en: `${label.en}: added “${item.value}”` } });
  }
  for (const item of b) {
    if (a.some((x) => x.value === item.value)) continue;
    changes.push({ path: `/${list}/${item.index}`, before: item.value!, after: null, text: { de: `${label.de}: entfällt „${item.value}“`, en: `${label.en}: removed “${item.value}”` } });
  }
  return changes;
}

/** The changes as one line each, for a message or the `changes` command's text output. */
export function describeChanges(changes: readonly ReleaseChange[], locale: Locale): string[] {
  return changes.map((change) => describeChange(change, locale));
}

/** "Der Status hat sich geändert: wird untersucht → abgeschlossen (und 2 weitere Änderungen)": the first change for a message. */
export function summarizeChanges(changes: readonly ReleaseChange[], locale: Locale): string {
  if (changes.length === 0) return '';
  const first = describeChange(changes[0]!, locale);
  if (changes.length === 1) return first;
  return t(locale, { de: '{first} (und {n} weitere Änderung(en))', en: '{first} (and {n} more change(s))' }, { first, n: changes.length - 1 });
}
