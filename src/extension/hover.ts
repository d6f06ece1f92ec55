import * as vscode from 'vscode';
import { stringify } from 'yaml';
import { fieldName, parsePointer, formatPointer, type FieldInfo, type Locale, type Localized, type SchemaInfo } from '../core';
import { hoverTarget } from '../core/completion';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';
import type { Clock } from './clock';
import { deadlinesOf, describeDeadline } from './deadlineClock';

const TEXT = {
  required: { en: 'required', de: 'Pflichtfeld' },
  optional: { en: 'optional', de: 'optional' },
  allowed: { en: 'Allowed values', de: 'Zulässige Werte' },
  value: { en: 'Value', de: 'Wert' },
  example: { en: 'Example', de: 'Beispiel' },
  valueOf: { en: 'Value of {field}', de: 'Wert von {field}' },
  deadlines: { en: 'Reporting deadlines', de: 'Meldefristen' },
} satisfies Record<string, Localized>;

/**
 * Hover in the frontmatter of incident reports: on a key, the field's title and description in the
 * UI language (`incidentReport.locale`), its allowed values in plain words and an example; on an
 * enum value, what it means.
 */
export function registerHover(context: vscode.ExtensionContext, engine: EngineService, clock: Clock): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new FrontmatterHover(engine, clock)));
}

class FrontmatterHover implements vscode.HoverProvider {
  constructor(
    private readonly engine: EngineService,
    private readonly clock: Clock,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.engine.isReport(document)) return undefined;
    const target = hoverTarget(document.getText(), document.offsetAt(position));
    if (!target) return undefined;
    const { linter } = await this.engine.linterFor(document.uri);
    const info = linter.schema.info;
    const locale = this.engine.settings(document.uri).locale;
    const field = info.fieldInfo(target.pointer, locale);
    if (!field) return undefined;
    const range = new vscode.Range(document.positionAt(target.range.offset), document.positionAt(target.range.endOffset));
    const meaning = target.kind === 'value' ? field.enumDescriptions?.[target.text] : undefined;
    if (meaning !== undefined) {
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown('`' + target.text + '` — ');
      markdown.appendText(meaning);
      markdown.appendMarkdown('\n\n*');
      markdown.appendText(t(locale, TEXT.valueOf, { field: field.title ?? fieldName(target.pointer) }));
      markdown.appendMarkdown('*');
      return new vscode.Hover(markdown, range);
    }
    const markdown = fieldDocumentation(field, target.pointer, locale, info);
    const deadlines = this.deadlinesAt(document, target.pointer, locale);
    if (deadlines.length > 0) {
      markdown.appendMarkdown(`\n\n---\n\n**${t(locale, TEXT.deadlines)}:**\n\n`);
      for (const line of deadlines) markdown.appendMarkdown('- ').appendText(line).appendMarkdown('\n');
    }
    return new vscode.Hover(markdown, range);
  }

  /**
   * The deadlines a timestamp field starts or records: on the moment of awareness (`aware_at`, or
   * `detected_at` when it stands in), every clock running from it; on a stage's own timestamp, its
   * deadline and whether it was met; on `nis2.notification_at`, also the final report's month.
   */
  private deadlinesAt(document: vscode.TextDocument, pointer: string, locale: Locale): string[] {
    const result = this.engine.lintNow(document);
    if (!result) return [];
    const all = deadlinesOf(result.report, this.engine.settings(document.uri).timeZone);
    const now = this.clock.now();
    return all
      .filter((d) => d.pointer === pointer || d.fromPointer === pointer)
      .map((d) => describeDeadline(d, result.report, locale, now));
  }
}

/**
 * The documentation of a field as Markdown: title, `name` and whether it is required, the
 * description, the allowed values with their plain words, and an example. `brief` leaves out
 * the heading (completion items show the title already).
 */
export function fieldDocumentation(
  field: FieldInfo,
  pointer: string,
  locale: Locale,
  info: SchemaInfo,
  options: { brief?: boolean } = {},
): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  if (!options.brief) {
    markdown.appendMarkdown('**');
    markdown.appendText(field.title ?? fieldName(pointer));
    markdown.appendMarkdown('** · `' + fieldName(pointer).replace(/`/g, '') + '`');
    const required = requiredIn(info, pointer);
    if (required !== undefined) markdown.appendMarkdown(' · ').appendText(t(locale, required ? TEXT.required : TEXT.optional));
    markdown.appendMarkdown('\n\n');
  }
  if (field.description) markdown.appendText(field.description).appendMarkdown('\n\n');
  const values = field.enum ?? [];
  if (values.length > 0) {
    markdown.appendMarkdown(`**${t(locale, TEXT.allowed)}:**\n\n`);
    for (const value of values) {
      const words = field.enumDescriptions?.[String(value)];
      markdown.appendMarkdown('- `' + String(value) + '`');
      if (words) markdown.appendMarkdown(' — ').appendText(words);
      markdown.appendMarkdown('\n');
    }
    markdown.appendMarkdown('\n');
  } else if (field.const !== undefined) {
    markdown.appendMarkdown(`**${t(locale, TEXT.value)}:** \`${String(field.const)}\`\n\n`);
  }
  const example = field.examples[0];
  if (example !== undefined) {
    if (typeof example === 'object' && example !== null) {
      // A mapping or list reads best as the YAML the author would write under the key.
      const key = parsePointer(pointer).pop() ?? '';
      const yaml = stringify(/^\d+$/.test(key) ? [example] : { [key]: example }, { lineWidth: 0 }).trimEnd();
      markdown.appendMarkdown(`**${t(locale, TEXT.example)}:**\n\n`).appendCodeblock(yaml, 'yaml');
    } else {
      markdown.appendMarkdown(`**${t(locale, TEXT.example)}:** \`${String(example).replace(/`/g, "'")}\``);
    }
  }
  return markdown;
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

function t(locale: Locale, text: Localized, values: Record<string, string> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
