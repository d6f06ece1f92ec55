import * as vscode from 'vscode';
import { deadlineHover, directiveAt, directiveHover, fieldDocumentation, hoverTarget, valueDocumentation } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';
import type { Clock } from './clock';

/**
 * Hover in incident reports: on a frontmatter key, the field's title and description in the report
 * locale (`incidentReport.locale`), its allowed values in plain words and an example; on an enum
 * value, what it means; on a suppression directive (frontmatter or body), the findings it
 * suppresses and its reason. The text is the engine's (`core/fieldDocs.ts`, `core/suppress.ts`).
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
    const offset = document.offsetAt(position);
    const linted = this.engine.lintNow(document);
    const directive = linted ? directiveAt(linted.report, offset) : undefined;
    if (linted && directive) {
      const text = directiveHover(directive, linted.findings, this.engine.settings(document.uri).locale);
      return new vscode.Hover(new vscode.MarkdownString(text), new vscode.Range(document.positionAt(directive.offset), document.positionAt(directive.endOffset)));
    }
    const target = hoverTarget(document.getText(), offset);
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
    // On timestamps the clocks start or record: the deadlines computed from the facts (core/deadlines.ts).
    const deadlines = meaning === undefined ? deadlineHover(this.engine.lintNow(document)?.report.data, target.pointer, this.engine.settings(document.uri).timeZone, locale, this.clock.now()) : null;
    if (deadlines) {
      markdown.appendMarkdown('\n\n---\n\n**').appendText(deadlines.heading).appendMarkdown(':**\n\n');
      for (const line of deadlines.lines) markdown.appendMarkdown('- ').appendText(line).appendMarkdown('\n');
    }
    return new vscode.Hover(markdown, range);
  }
}
