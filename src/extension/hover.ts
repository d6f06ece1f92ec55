import * as vscode from 'vscode';
import { hoverContent } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';
import type { Clock } from './clock';

/**
 * Hover in incident reports: on a frontmatter key, the field's title and description in the report
 * locale (`incidentReport.locale`), its allowed values in plain words and an example; on an enum
 * value, what it means; on a suppression directive (frontmatter or body), the findings it
 * suppresses and its reason. The text is the engine's (`core/editor/fieldDocs.ts`, `core/editor/suppress.ts`).
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
    const { linter } = await this.engine.linterFor(document.uri);
    const settings = this.engine.settings(document.uri);
    const report = this.engine.parsed(document);
    const content = report && hoverContent(report, document.offsetAt(position), {
      info: linter.schema.info,
      locale: settings.locale,
      timeZone: settings.timeZone,
      now: this.clock.now(),
      findings: () => this.engine.lintWith(linter, document).findings,
    });
    if (!content) return undefined;
    const markdown = new vscode.MarkdownString(content.documentation);
    // On timestamps the clocks start or record: the deadlines computed from the facts (core/compliance/deadlines.ts).
    if (content.deadlines) {
      markdown.appendMarkdown('\n\n---\n\n**').appendText(content.deadlines.heading).appendMarkdown(':**\n\n');
      for (const line of content.deadlines.lines) markdown.appendMarkdown('- ').appendText(line).appendMarkdown('\n');
    }
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(content.range.offset), document.positionAt(content.range.endOffset)));
  }
}
