import * as vscode from 'vscode';
import { reportLinks } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';

/**
 * Links in incident reports: Ctrl+click on the `parent` path opens the parent report (the file the
 * family rules read; `core/editor/links.ts` decides where the link is and what it opens).
 */
export function registerLinks(context: vscode.ExtensionContext, engine: EngineService): void {
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider({ language: LANGUAGE_ID }, new ReportLinks(engine)));
}

class ReportLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly engine: EngineService) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    // An untitled document has no folder a relative `parent` path could start from.
    if (document.uri.scheme === 'untitled' || !this.engine.isReport(document)) return [];
    const report = this.engine.parsed(document);
    if (!report) return [];
    return reportLinks(report, document.uri.path, this.engine.settings(document.uri).locale).map((link) => {
      const range = new vscode.Range(document.positionAt(link.range.offset), document.positionAt(link.range.endOffset));
      const documentLink = new vscode.DocumentLink(range, document.uri.with({ path: link.path, query: '', fragment: '' }));
      documentLink.tooltip = link.tooltip;
      return documentLink;
    });
  }
}
