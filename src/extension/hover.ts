import * as vscode from 'vscode';
import { fieldDocumentation, hoverTarget, valueDocumentation, type Locale, type Localized } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';
import type { Clock } from './clock';
import { deadlinesOf, describeDeadline } from './deadlineClock';

const DEADLINES: Localized = { en: 'Reporting deadlines', de: 'Meldefristen' };

/**
 * Hover in the frontmatter of incident reports: on a key, the field's title and description in the
 * report locale (`incidentReport.locale`), its allowed values in plain words and an example; on an
 * enum value, what it means. The text is the engine's (`core/fieldDocs.ts`).
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
    const markdown = new vscode.MarkdownString(
      meaning !== undefined
        ? valueDocumentation(target.text, meaning, field, target.pointer, locale)
        : fieldDocumentation(field, target.pointer, locale, info),
    );
    const deadlines = meaning === undefined ? this.deadlinesAt(document, target.pointer, locale) : [];
    if (deadlines.length > 0) {
      markdown.appendMarkdown(`\n\n---\n\n**${DEADLINES[locale]}:**\n\n`);
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
