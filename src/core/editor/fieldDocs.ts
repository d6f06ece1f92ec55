/**
 * The editor's documentation of report fields (hover, completion details) as Markdown, in the
 * report locale: engine text like the findings, so it comes from the engine's `Localized` tables.
 */
import { stringify } from 'yaml';
import { fieldName, t } from '../shared/i18n';
import { formatPointer, parsePointer } from '../yaml/pointer';
import type { FieldInfo, SchemaInfo } from '../schema/meta';
import type { Locale, Localized } from '../shared/types';

/** Words of hover and completion documentation. */
export const FIELD_DOC_TEXT = {
  required: { en: 'required', de: 'Pflichtfeld' },
  optional: { en: 'optional', de: 'optional' },
  allowed: { en: 'Allowed values', de: 'Zulässige Werte' },
  value: { en: 'Value', de: 'Wert' },
  example: { en: 'Example', de: 'Beispiel' },
  valueOf: { en: 'Value of {field}', de: 'Wert von {field}' },
  now: { en: 'now ({zone})', de: 'jetzt ({zone})' },
  today: { en: 'today ({zone})', de: 'heute ({zone})' },
  catalog: { en: 'from the services catalog', de: 'aus dem Dienstekatalog' },
  otherReports: { en: 'used in other reports', de: 'in anderen Berichten verwendet' },
  zoneOffset: { en: 'now UTC{offset}', de: 'derzeit UTC{offset}' },
  regionalZone: { en: 'now UTC{offset} · where the report\'s language is spoken', de: 'derzeit UTC{offset} · im Sprachraum des Berichts' },
} satisfies Record<string, Localized>;

/** Escapes Markdown syntax so that `text` shows as written (what VS Code's `appendText` escapes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!~|<>&]/g, '\\$&');
}

/** Inline code that cannot be closed early by a backtick in the value. */
function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/**
 * The documentation of a field: title, `name` and whether it is required, the description, the
 * allowed values with their plain words, and an example. `brief` leaves out the heading
 * (completion items show the title already).
 */
export function fieldDocumentation(field: FieldInfo, pointer: string, locale: Locale, info: SchemaInfo, options: { brief?: boolean } = {}): string {
  let markdown = '';
  if (!options.brief) {
    markdown += `**${escapeMarkdown(field.title ?? fieldName(pointer))}** · ${code(fieldName(pointer))}`;
    const required = requiredIn(info, pointer);
    if (required !== undefined) markdown += ' · ' + escapeMarkdown(t(locale, required ? FIELD_DOC_TEXT.required : FIELD_DOC_TEXT.optional));
    markdown += '\n\n';
  }
  if (field.description) markdown += escapeMarkdown(field.description) + '\n\n';
  const values = field.enum ?? [];
  if (values.length > 0) {
    markdown += `**${t(locale, FIELD_DOC_TEXT.allowed)}:**\n\n`;
    for (const value of values) {
      const words = field.enumDescriptions?.[String(value)];
      markdown += '- ' + code(String(value)) + (words ? ' — ' + escapeMarkdown(words) : '') + '\n';
    }
    markdown += '\n';
  } else if (field.const !== undefined) {
    markdown += `**${t(locale, FIELD_DOC_TEXT.value)}:** ${code(String(field.const))}\n\n`;
  }
  const example = field.examples[0];
  if (example !== undefined) {
    if (typeof example === 'object' && example !== null) {
      // A mapping or list reads best as the YAML the author would write under the key.
      const key = parsePointer(pointer).pop() ?? '';
      const yaml = stringify(/^\d+$/.test(key) ? [example] : { [key]: example }, { lineWidth: 0 }).trimEnd();
      markdown += `**${t(locale, FIELD_DOC_TEXT.example)}:**\n\n\`\`\`\`yaml\n${yaml}\n\`\`\`\`\n`;
    } else {
      markdown += `**${t(locale, FIELD_DOC_TEXT.example)}:** ${code(String(example))}`;
    }
  }
  return markdown;
}

/** What an enum value means, for hover on the value: "`major_outage` — major outage", then the field. */
export function valueDocumentation(value: string, meaning: string, field: FieldInfo, pointer: string, locale: Locale): string {
  const fieldTitle = field.title ?? fieldName(pointer);
  return `${code(value)} — ${escapeMarkdown(meaning)}\n\n*${escapeMarkdown(t(locale, FIELD_DOC_TEXT.valueOf, { field: fieldTitle }))}*`;
}

/** Whether the field at `pointer` is required in its mapping (`undefined` for list items). */
export function requiredIn(info: SchemaInfo, pointer: string): boolean | undefined {
  const segments = parsePointer(pointer);
  const key = segments.pop();
  if (key === undefined || /^\d+$/.test(key)) return undefined;
  return info.fieldInfo(formatPointer(segments), 'en')?.required.includes(key) ?? false;
}

/** True when the field holds a date-time (possibly among other forms, like `expected_restoration`). */
export function isDateTimeField(info: SchemaInfo, pointer: string): boolean {
  return info.schemasAt(pointer).some((schema) => schema.format === 'date-time');
}
