/**
 * What completion offers in a report's frontmatter, decided once for every editor: the VS Code
 * extension and the language server map these offers to their own item types and nothing else.
 */
import { completionContext, indentUnit, reportTimeZone, type KeyCompletionContext, type OffsetRange, type ValueCompletionContext } from './completionContext';
import { FIELD_DOC_TEXT, fieldDocumentation, isDateTimeField } from './fieldDocs';
import { isRecord } from '../report/fields';
import { t } from '../shared/i18n';
import { lineStartOf } from '../shared/lines';
import { formatPointer } from '../yaml/pointer';
import type { FieldInfo, SchemaInfo } from '../schema/meta';
import { serviceNamesOfReport } from './serviceNames';
import { formatInZone, formatOffset, systemTimeZone, zoneOffsetMinutes } from '../shared/time';
import { timeZoneOffers } from '../shared/timeZoneNames';
import type { Locale } from '../shared/types';
import { parseReport, type ParsedReport } from '../report/parse';
import { yamlScalar } from '../yaml';

/** Characters after which completion opens by itself: `key:`, `key: `, `- `. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = [':', ' ', '-'];

const SERVICE_NAME = /^\/affected_services\/\d+\/name$/;
const TIME_ZONE = '/timezone';

/** What kind of thing an offer inserts (each host has its own icon for it). */
export type CompletionOfferKind = 'property' | 'enum' | 'constant' | 'value';

/** One completion offer, in offsets of the document's text. */
export interface CompletionOffer {
  label: string;
  kind: CompletionOfferKind;
  /** Shown beside the label (keys: the field's title). */
  description?: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /**
   * The text inserted. A snippet (`snippet: true`, `$0` marks the cursor) has its new lines
   * indented relative to the line of the cursor; hosts that insert text as is add `lineIndent`.
   */
  insertText: string;
  snippet: boolean;
  /** Leading whitespace of the cursor's line (for hosts that insert snippets as they are). */
  lineIndent: string;
  filterText: string;
  sortText: string;
  preselect?: boolean;
  /** The text a chosen offer replaces. */
  range: OffsetRange;
  /** After inserting a key, its values are one keystroke away: open completion again. */
  retrigger?: boolean;
}

/** What completion needs from its host besides the text. */
export interface CompletionHost {
  info: SchemaInfo;
  locale: Locale;
  /** The configured time zone (`incidentReport.timeZone`, `timeZone` of the project file). */
  timeZone: string | undefined;
  now: number;
  /** Service names from the catalog and from the other reports, asked only for `affected_services[].name`. */
  serviceNames: () => Promise<{ catalog: readonly string[]; reports: readonly string[] }>;
  /** The character that opened completion, when one did. */
  triggerCharacter?: string;
}

/**
 * The offers at `offset` of a report (parsed, as hosts keep each version; or its text), or `null`
 * where completion has nothing to say: keys valid there (minus those present), enum values with
 * their plain words, "now" for date-time fields, known time zones, and service names.
 */
export async function completionOffers(input: string | ParsedReport, offset: number, host: CompletionHost): Promise<CompletionOffer[] | null> {
  const report = typeof input === 'string' ? parseReport(input) : input;
  const text = report.text;
  const context = completionContext(report, offset, host.info);
  if (!context) return null;
  const lineStart = lineStartOf(text, context.range.offset);
  const lineIndent = /^ */.exec(text.slice(lineStart, context.range.offset))![0];
  if (context.kind === 'key') {
    // A space typed for indentation should not pop up the key list; after `- ` it should.
    if (host.triggerCharacter === ' ' && !/-[ \t]+$/.test(text.slice(lineStartOf(text, offset), offset))) return null;
    return keyOffers(report, context, host, lineIndent);
  }
  return valueOffers(report, context, host, lineIndent);
}

function keyOffers(report: ParsedReport, context: KeyCompletionContext, host: CompletionHost, lineIndent: string): CompletionOffer[] {
  const { info, locale } = host;
  const mapping = info.fieldInfo(context.pointer, locale);
  if (!mapping?.properties) return [];
  const present = new Set(context.existingKeys);
  const unit = indentUnit(report);
  const offers: CompletionOffer[] = [];
  Object.keys(mapping.properties).forEach((key, index) => {
    if (present.has(key)) return;
    const pointer = context.pointer + formatPointer([key]);
    const field = info.fieldInfo(pointer, locale);
    if (!field) return;
    const required = mapping.required.includes(key);
    const insertion = context.hasColon ? { text: key, snippet: false } : keyInsertion(key, field, context, unit, lineIndent);
    offers.push({
      label: key,
      kind: 'property',
      ...(field.title !== undefined ? { description: field.title } : {}),
      ...(field.title !== undefined || required ? { detail: required ? `${field.title ?? key} (${t(locale, FIELD_DOC_TEXT.required)})` : field.title! } : {}),
      documentation: fieldDocumentation(field, pointer, locale, info, { brief: true }),
      insertText: insertion.text,
      snippet: insertion.snippet,
      lineIndent,
      filterText: (context.needsSpace ? ' ' : '') + key,
      // Required fields first, then the schema's order (which is the order of a good report).
      sortText: `${required ? 0 : 1}${String(index).padStart(3, '0')}`,
      range: context.range,
      // Values are one keystroke away: open the list of allowed values right after `key: `.
      retrigger: !context.hasColon && Boolean(field.enum || isDateTimeField(info, pointer) || SERVICE_NAME.test(pointer)),
    });
  });
  return offers;
}

/**
 * What choosing a key inserts: `key: ` for a value, a block opener for a mapping or a list. New
 * lines of a snippet are indented like the cursor's line by the host, so the snippet only adds what
 * goes beyond that: the dash of a list item (`- key`) and one nesting step.
 */
function keyInsertion(key: string, field: FieldInfo, context: KeyCompletionContext, unit: number, lineIndent: string): { text: string; snippet: boolean } {
  const lead = context.needsSpace ? ' ' : '';
  const nested = ' '.repeat(Math.max(0, context.column - lineIndent.length) + unit);
  if (field.isArray) return { text: `${lead}${key}:\n${nested}- $0`, snippet: true };
  if (field.type === 'object' || field.properties) return { text: `${lead}${key}:\n${nested}$0`, snippet: true };
  return { text: `${lead}${key}: `, snippet: false };
}

async function valueOffers(report: ParsedReport, context: ValueCompletionContext, host: CompletionHost, lineIndent: string): Promise<CompletionOffer[] | null> {
  const { info, locale } = host;
  const field = info.fieldInfo(context.pointer, locale);
  if (!field) return null;
  const lead = context.needsSpace ? ' ' : '';
  const offers: CompletionOffer[] = [];
  const add = (value: string, kind: CompletionOfferKind, detail: string | undefined, sort: number): CompletionOffer => {
    const offer: CompletionOffer = {
      label: value,
      kind,
      ...(detail ? { detail } : {}),
      insertText: lead + yamlScalar(value),
      snippet: false,
      lineIndent,
      filterText: lead + value,
      sortText: String(sort).padStart(4, '0'),
      range: context.range,
    };
    offers.push(offer);
    return offer;
  };

  (field.enum ?? []).forEach((value, index) => {
    const offer = add(String(value), 'enum', field.enumDescriptions?.[String(value)], index);
    offer.documentation = fieldDocumentation(field, context.pointer, locale, info, { brief: true });
  });
  if (field.const !== undefined && !(field.enum ?? []).includes(field.const)) add(String(field.const), 'constant', field.title, 50);
  if (isDateTimeField(info, context.pointer)) {
    const zone = reportTimeZone(report) ?? host.timeZone ?? systemTimeZone();
    const nowText = formatInZone(host.now - (host.now % 60_000), zone);
    add(nowText, 'value', t(locale, FIELD_DOC_TEXT.now, { zone }), 0).preselect = true;
    if (info.schemasAt(context.pointer).some((schema) => schema.format === 'date')) add(nowText.slice(0, 10), 'value', t(locale, FIELD_DOC_TEXT.today, { zone }), 1);
  }
  if (context.pointer === TIME_ZONE) {
    // Only zones the runtime knows, those where the report's language is spoken first: a list of
    // our own also keeps an editor's word completion from offering what was typed ("Europe/Berl").
    const data = report.data;
    const reportLang = isRecord(data) && (data.lang === 'de' || data.lang === 'en') ? data.lang : locale;
    timeZoneOffers(reportLang).forEach((offer, index) => {
      const offset = formatOffset(zoneOffsetMinutes(offer.zone, host.now));
      add(offer.zone, 'value', t(locale, offer.regional ? FIELD_DOC_TEXT.regionalZone : FIELD_DOC_TEXT.zoneOffset, { offset }), index);
    });
  }
  if (SERVICE_NAME.test(context.pointer)) {
    const { catalog, reports } = await host.serviceNames();
    const taken = new Set(serviceNamesOfReport(report));
    let sort = 100;
    for (const name of catalog) if (!taken.has(name)) add(name, 'value', t(locale, FIELD_DOC_TEXT.catalog), sort++);
    for (const name of reports) if (!taken.has(name) && !catalog.includes(name)) add(name, 'value', t(locale, FIELD_DOC_TEXT.otherReports), sort++);
  }
  return offers;
}
