/**
 * What every draft reads from a report: values in plain words, times in the report's zone, the
 * computed deadlines, and the language (the report's `lang`, unless the caller forces another).
 */
import type { Locale, Localized } from '../../shared/types';
import type { ParsedReport } from '../../report/parse';
import { getIn, isRecord, recordItems } from '../../report/fields';
import { parsePointer } from '../../yaml/pointer';
import { countAsWritten } from '../../report/countText';
import { fieldName, t } from '../../shared/i18n';
import { instantIn, isValidTimeZone, systemTimeZone } from '../../shared/time';
import { displayFrame, formatDue, formatInstant, gdprAwareness, nis2Awareness, reportDeadlines, type Awareness, type Deadline, type DisplayFrame } from '../../compliance/deadlines';
import { SchemaInfo, type JsonSchema } from '../../schema/meta';
import bundledSchema from '../../../../schemas/incident-report.schema.json';
import { formatDateTime, resolveTime } from '../../shared/dates';
import { gap, type DraftValue } from './document';

/** Options every draft understands (a subset of the registry's OutputOptions). */
export interface DraftOptions {
  /** Language when the report's `lang` is missing. */
  locale?: Locale;
  /** Language that overrides the report's own (`--locale` given explicitly). */
  forceLocale?: Locale;
  /** "Now" in epoch ms (default `Date.now()`). */
  now?: number;
  /** Schema metadata of an organisation's schema, for plain-word values. */
  schema?: SchemaInfo;
  /** The first notification again, even after one was sent (`render --initial`): no follow-up. */
  initial?: boolean;
  /** The controller a processor's notice goes to (`render --controller NAME`), one of `data_loss.controllers`. */
  controller?: string;
}

let bundledInfo: SchemaInfo | null = null;

const APPROX: Localized = { en: 'about {n}', de: 'rund {n}' };
const UNREADABLE_COUNT: Localized = { en: '{missing}: {field} "{value}" is not a whole number', de: '{missing}: {field} „{value}“ ist keine ganze Zahl' };

/** A value written at `pointer` as its author wrote it (the YAML source of a scalar), or `null` when the field is missing or empty. */
function writtenValue(report: ParsedReport, pointer: string, value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const scalar = report.yaml?.scalar(pointer);
  if (scalar && report.yaml && typeof value !== 'string') return report.yaml.source.slice(scalar.offset, scalar.endOffset).trim();
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/** Reading helpers over one report. */
export interface DraftContext {
  locale: Locale;
  data: Record<string, unknown>;
  loss: Record<string, unknown>;
  nis2: Record<string, unknown>;
  now: number;
  frame: DisplayFrame;
  deadlines: Deadline[];
  /** When the GDPR clock starts (`data_loss.aware_at`, else `detected_at`). */
  aware: Awareness | null;
  /** When the NIS2 clock starts (`nis2.aware_at`, else `detected_at`). */
  nis2Aware: Awareness | null;
  /** The zone months and times are counted in. */
  zone: string;
  /** True for `render --initial`. */
  initial: boolean;
  /**
   * Set while building a processor's notice to one controller (Art. 33(2), gdpr-art33-controller),
   * with the controller it goes to: the shared Art. 33 items then speak as the processor, whatever
   * else the organisation is (`role: both`).
   */
  notice?: { addressee: DraftValue; name: string | null };
  t(text: Localized, values?: Record<string, string | number>): string;
  /** A trimmed string value, or `null`. */
  text(value: unknown): string | null;
  /** A value, or a gap naming what is missing. */
  textOr(value: unknown, missing: Localized): DraftValue;
  /**
   * The count at `pointer` as its author meant it ("rund 41.000" for `41.000`, see countAsWritten),
   * or a gap naming what is missing: an unreadable count is a gap, never the 41 YAML read.
   */
  approxCount(pointer: string, missing: Localized): DraftValue;
  /** An enum value in plain words (from the schema), or `null`. */
  words(pointer: string, value: unknown): string | null;
  /** A timestamp in the report's zone ("Montag, 30. Oktober 2023, 9:00 Uhr"), or `null`. */
  time(value: unknown): string | null;
  /** An instant in the report's zone. */
  instant(epochMs: number): string;
  /** When a deadline is due, in words. */
  due(deadline: Deadline): string;
  /** Contacts with this role. */
  contacts(role: string): Array<Record<string, unknown>>;
}

/** Builds the reading helpers for one report. */
export function draftContext(report: ParsedReport, options: DraftOptions = {}): DraftContext {
  const data = isRecord(report.data) ? report.data : {};
  const locale: Locale = options.forceLocale ?? (data.lang === 'de' || data.lang === 'en' ? data.lang : (options.locale ?? 'en'));
  const zoneName = typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
  bundledInfo ??= new SchemaInfo(bundledSchema as JsonSchema);
  const infos = options.schema ? [options.schema, bundledInfo] : [bundledInfo];
  const clockZone = zoneName ?? systemTimeZone();
  const aware = gdprAwareness(data, clockZone);
  const nis2Aware = nis2Awareness(data, clockZone);
  const frame = displayFrame(data, aware?.value);
  const text = (value: unknown): string | null => {
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB');
    return null;
  };
  return {
    locale,
    data,
    loss: isRecord(data.data_loss) ? data.data_loss : {},
    nis2: isRecord(data.nis2) ? data.nis2 : {},
    now: options.now ?? Date.now(),
    frame,
    deadlines: reportDeadlines(data, clockZone),
    aware,
    nis2Aware,
    zone: clockZone,
    initial: options.initial === true,
    t: (message, values) => t(locale, message, values),
    text,
    textOr: (value, missing) => text(value) ?? gap(missing[locale]),
    approxCount(pointer, missing) {
      const value = getIn(data, parsePointer(pointer));
      const count = countAsWritten(report, pointer, value);
      if (count !== null) return t(locale, APPROX, { n: count.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB') });
      // Written but not a whole number ("ca. 12.000", "10000-15000", 41.5): the gap names it, never "open" alone.
      const written = writtenValue(report, pointer, value);
      if (written === null) return gap(missing[locale]);
      const field = fieldName(pointer);
      return gap(t(locale, UNREADABLE_COUNT, { missing: missing[locale], field, value: written }));
    },
    words(pointer, value) {
      if (typeof value !== 'string' || value === '') return null;
      for (const info of infos) {
        const words = info.fieldInfo(pointer, locale)?.enumDescriptions?.[value];
        if (words) return words;
      }
      return value.replace(/_/g, ' ');
    },
    time(value) {
      const resolved = resolveTime(value, zoneName);
      return resolved ? formatDateTime(resolved, locale) : null;
    },
    instant: (epochMs) => formatInstant(epochMs, frame, locale),
    due: (deadline) => formatDue(deadline, data, locale),
    contacts: (role) => recordItems(data.contacts).filter((c) => c.role === role),
  };
}

/** "Name, Telefon …, E-Mail … (Mo–Fr …)" of a contact, or `null` when it has none of them. */
export function contactLine(ctx: DraftContext, contact: Record<string, unknown> | undefined): string | null {
  if (!contact) return null;
  const parts = [
    ctx.text(contact.name),
    ctx.text(contact.phone) && `${ctx.t({ en: 'phone', de: 'Telefon' })} ${ctx.text(contact.phone)}`,
    ctx.text(contact.email) && `${ctx.t({ en: 'e-mail', de: 'E-Mail' })} ${ctx.text(contact.email)}`,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  const hours = ctx.text(contact.hours);
  // The hours qualify what comes before them: "Telefon … (Mo–Fr …)", never "Telefon …, (Mo–Fr …)".
  if (parts.length === 0) return hours ? `(${hours})` : null;
  return hours ? `${parts.join(', ')} (${hours})` : parts.join(', ');
}

/**
 * The value of a timestamp field that is written but cannot be read as an instant (`gestern früh`,
 * a date without a time), as written; `null` when the field is missing or empty. A clock never runs
 * from such a value, and a draft must not call it "not recorded".
 */
export function unreadableTime(ctx: DraftContext, value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  if (instantIn(value, ctx.zone) !== null) return null;
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/**
 * The contact point for data protection questions (Art. 33(3)(b)): the DPO, else the first contact
 * marked `data_protection: yes` (as the public outputs and the gdpr-public-notice rule count it);
 * `null` without either.
 */
export function dataProtectionContact(ctx: DraftContext): { contact: Record<string, unknown>; dpo: boolean } | null {
  const dpo = ctx.contacts('dpo')[0];
  if (dpo) return { contact: dpo, dpo: true };
  const other = recordItems(ctx.data.contacts).find((c) => typeof c.data_protection === 'string' && c.data_protection.trim() === 'yes');
  return other ? { contact: other, dpo: false } : null;
}

/** The person the authorities deal with (`authority_contact`): name, function and how to reach them; `null` without one. */
export function authorityContactLine(ctx: DraftContext): string | null {
  const contact = ctx.contacts('authority_contact')[0];
  if (!contact) return null;
  const parts = [
    ctx.text(contact.name),
    ctx.text(contact.function),
    ctx.text(contact.phone) && `${ctx.t({ en: 'phone', de: 'Telefon' })} ${ctx.text(contact.phone)}`,
    ctx.text(contact.email) && `${ctx.t({ en: 'e-mail', de: 'E-Mail' })} ${ctx.text(contact.email)}`,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** A list of strings from the report (`data_categories`, `iocs`). */
export function stringList(ctx: DraftContext, value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => ctx.text(item)).filter((item): item is string => item !== null) : [];
}

/** A list from the report, or the words for "none recorded" (an answer, not a gap: an empty list says it). */
export function listOrNone(ctx: DraftContext, values: string[], none: Localized): string | string[] {
  return values.length > 0 ? values : ctx.t(none);
}
