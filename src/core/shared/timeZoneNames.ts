/**
 * Time-zone names: whether the runtime knows one, the closest known zone to one it does not
 * ("Europe/Berl" → "Europe/Berlin"), and the order completion offers them in. The report's
 * `timezone`, the CLI's `--time-zone`, the configuration file's `timeZone` and the editor setting
 * are all checked here, so each says the same.
 */
import type { Locale, Localized } from './types';
import { closest } from './similar';
import { isValidTimeZone } from './time';
import { t } from './i18n';

/** What an IANA name looks like: `UTC`, `Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/GMT+1`. */
const IANA_NAME = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * Names people write for the zone of German reports that are no IANA zone (or not one Intl knows).
 * Central European Time is Europe/Berlin for a German report; the message says "did you mean".
 */
const COLLOQUIAL: Readonly<Record<string, string>> = { mez: 'Europe/Berlin', mesz: 'Europe/Berlin', cest: 'Europe/Berlin' };

let known: readonly string[] | undefined;
/**
 * The zones the runtime lists, by their lower-case names: how a known zone is spelt. Every lint
 * asks (the report's `timezone`), so it does without {@link knownTimeZones}, whose check of each
 * zone costs a first lint a good part of a second.
 */
let spellings: ReadonlyMap<string, string> | undefined;

/** The zones `Intl.supportedValuesOf('timeZone')` lists, and `UTC`. */
function listedTimeZones(): string[] {
  let listed: readonly string[] = [];
  try {
    listed = Intl.supportedValuesOf('timeZone');
  } catch {
    // A runtime without the list still checks names one by one (isValidTimeZone); it suggests none.
  }
  return [...new Set([...listed, 'UTC'])];
}

/** Every zone the runtime lists (`Intl.supportedValuesOf('timeZone')`) and `UTC`, sorted. */
export function knownTimeZones(): readonly string[] {
  known ??= listedTimeZones().filter(isValidTimeZone).sort();
  return known;
}

/** The outcome of checking a zone name: known, or not with the closest known zone if there is one. */
export type TimeZoneCheck = { ok: true } | { ok: false; suggestion: string | undefined; wrongCase?: true };

/**
 * Checks `name`: an IANA zone the runtime knows, written as the IANA database writes it. A name in
 * the wrong case (`europe/berlin`) is refused with the right spelling as suggestion: Intl accepts
 * it, but other tools (a server's `TZ`, a database) do not.
 */
export function checkTimeZone(name: string): TimeZoneCheck {
  if (IANA_NAME.test(name) && isValidTimeZone(name)) {
    spellings ??= new Map(listedTimeZones().map((zone) => [zone.toLowerCase(), zone]));
    const spelled = spellings.get(name.toLowerCase()) ?? resolvedName(name);
    if (spelled !== undefined && spelled !== name && spelled.toLowerCase() === name.toLowerCase()) return { ok: false, suggestion: spelled, wrongCase: true };
    return { ok: true };
  }
  return { ok: false, suggestion: closestTimeZone(name) };
}

/** The name Intl resolves `zone` to (the canonical spelling), or `undefined`. */
function resolvedName(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The known zone `name` most plausibly means, or `undefined`: the same name in another case, a
 * colloquial name (`MEZ`), a typo a few letters off (`Europe/Berl`), or a city without its region
 * (`Berlin`, `New York`).
 */
export function closestTimeZone(name: string): string | undefined {
  const zones = knownTimeZones();
  const written = name.trim().replace(/\s+/g, '_');
  if (!written) return undefined;
  const lower = written.toLowerCase();
  const same = zones.find((zone) => zone.toLowerCase() === lower);
  if (same) return same;
  if (Object.hasOwn(COLLOQUIAL, lower)) return COLLOQUIAL[lower];
  const typo = closest(written, zones);
  if (typo) return typo;
  // A city alone ("Berlin"), or a region with a misspelt city: compare the last part of each name.
  const city = written.slice(written.lastIndexOf('/') + 1);
  const cities = zones.filter((zone) => zone.includes('/'));
  const byCity = closest(city, cities.map((zone) => zone.slice(zone.lastIndexOf('/') + 1)));
  return byCity === undefined ? undefined : cities.find((zone) => zone.endsWith(`/${byCity}`));
}

const TEXT = {
  unknown: {
    en: '`{name}` is no IANA time zone this runtime knows.',
    de: '`{name}` ist keine IANA-Zeitzone, die diese Laufzeitumgebung kennt.',
  },
  wrongCase: {
    en: '`{name}` is not written as the IANA time zone database writes it.',
    de: '`{name}` ist anders geschrieben als in der IANA-Zeitzonendatenbank.',
  },
  empty: { en: 'no time zone is given.', de: 'es ist keine Zeitzone angegeben.' },
  suggestion: { en: 'Did you mean {suggestion}?', de: 'Meinten Sie {suggestion}?' },
  example: { en: 'Write an IANA name such as Europe/Berlin or UTC.', de: 'Einen IANA-Namen wie Europe/Berlin oder UTC angeben.' },
} satisfies Record<string, Localized>;

/** "`Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?" for a failed check. */
export function timeZoneProblem(name: string, check: Extract<TimeZoneCheck, { ok: false }>, locale: Locale): string {
  const next = check.suggestion ? t(locale, TEXT.suggestion, { suggestion: check.suggestion }) : t(locale, TEXT.example);
  const what = name.trim() === '' ? TEXT.empty : check.wrongCase ? TEXT.wrongCase : TEXT.unknown;
  return `${t(locale, what, { name })} ${next}`;
}

/**
 * The zones of the regions where a report's language is spoken, likeliest first: they lead the
 * completion list. German: Germany, Austria, Switzerland, Liechtenstein, Luxembourg. English: the
 * British Isles, then the largest zones of North America and Oceania.
 */
export const LANGUAGE_TIME_ZONES: Readonly<Record<Locale, readonly string[]>> = {
  de: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Vaduz', 'Europe/Luxembourg', 'Europe/Busingen'],
  en: [
    'Europe/London', 'Europe/Dublin', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles',
    'America/Toronto', 'America/Vancouver', 'Australia/Sydney', 'Australia/Perth', 'Pacific/Auckland',
  ],
};

/** One zone as completion offers it. */
export interface TimeZoneOffer {
  zone: string;
  /** One of the zones of the report language's regions ({@link LANGUAGE_TIME_ZONES}). */
  regional: boolean;
}

/**
 * Every known zone, once, in the order completion offers them: the zones of `lang`'s regions
 * first, then UTC, then the rest alphabetically. Only zones the runtime knows.
 */
export function timeZoneOffers(lang: Locale, zones: readonly string[] = knownTimeZones()): TimeZoneOffer[] {
  const available = new Set(zones);
  const regional = LANGUAGE_TIME_ZONES[lang].filter((zone) => available.has(zone));
  const first = [...regional, ...(available.has('UTC') ? ['UTC'] : [])];
  const rest = [...available].filter((zone) => !first.includes(zone)).sort();
  return [...first, ...rest].map((zone) => ({ zone, regional: regional.includes(zone) }));
}
