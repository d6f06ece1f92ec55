import * as vscode from 'vscode';
import { fieldDocumentation, hoverTarget, valueDocumentation } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';

/**
 * Hover in the frontmatter of incident reports: on a key, the field's title and description in the
 * report locale (`incidentReport.locale`), its allowed values in plain words and an example; on an
 * enum value, what it means. The text is the engine's (`core/fieldDocs.ts`).
 */
export function registerHover(context: vscode.ExtensionContext, engine: EngineService): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new FrontmatterHover(engine)));
}

class FrontmatterHover implements vscode.HoverProvider {
  constructor(private readonly engine: EngineService) {}

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
    const markdown =
      meaning !== undefined
        ? valueDocumentation(target.text, meaning, field, target.pointer, locale)
        : fieldDocumentation(field, target.pointer, locale, info);
    return new vscode.Hover(new vscode.MarkdownString(markdown), range);
  }
}
