import type { Locale } from '../shared/types';
import { isValidTimeZone } from '../shared/time';

/** The zone offered first for a German report: Germany has one time zone. */
export const GERMAN_TIME_ZONE = 'Europe/Berlin';

/** One entry of the time-zone choice for a new report. */
export interface TimeZoneChoice {
  /** IANA name, e.g. `Europe/Berlin`. */
  zone: string;
  /** It is the configured zone (`incidentReport.timeZone`). */
  configured: boolean;
  /** It is the zone of the machine the editor runs on. */
  system: boolean;
}

/** What the time-zone choice is made from. */
export interface TimeZoneChoiceOptions {
  /** Language of the new report: German reports get {@link GERMAN_TIME_ZONE} first. */
  lang: Locale;
  /** The configured zone, if any (ignored when it is no valid IANA zone). */
  configured?: string | undefined;
  /** The system's zone. */
  system: string;
  /** Every other zone to offer (e.g. `Intl.supportedValuesOf('timeZone')`), in any order. */
  available: readonly string[];
}

/**
 * The zones to offer for a new report, likeliest first, each once: `Europe/Berlin` for a German
 * report, then the configured zone, the system's, `UTC`, and every other available zone in
 * alphabetical order. `preselected` is the index of the configured zone, else of the system's:
 * a server running in UTC must not silently decide the zone of a German town's report, but the
 * author's own setting should win over a guess from the language.
 */
export function timeZoneChoices(options: TimeZoneChoiceOptions): { choices: TimeZoneChoice[]; preselected: number } {
  const configured = options.configured && isValidTimeZone(options.configured) ? options.configured : undefined;
  const system = isValidTimeZone(options.system) ? options.system : 'UTC';
  const first = [...(options.lang === 'de' ? [GERMAN_TIME_ZONE] : []), ...(configured ? [configured] : []), system, 'UTC'];
  const rest = options.available.filter((zone) => !first.includes(zone) && isValidTimeZone(zone)).sort();
  const zones = [...new Set([...first, ...rest])];
  const choices = zones.map((zone) => ({ zone, configured: zone === configured, system: zone === system }));
  return { choices, preselected: zones.indexOf(configured ?? system) };
}
