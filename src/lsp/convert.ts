import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionOffer, CompletionOfferKind, Finding, FixAction, Severity, TextEdit } from '../core';
import { ruleHelpUri } from '../cli/packageInfo';
import { fileUri } from './uris';

/** `source` of every diagnostic (the extension's too). */
export const DIAGNOSTIC_SOURCE = 'incident-report';

/** `source.fixAll.incidentReport`: every safe fix at once (the extension's code action kind). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.incidentReport`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const KINDS: Record<CompletionOfferKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  constant: CompletionItemKind.Constant,
  value: CompletionItemKind.Value,
};

/** 1-based line and UTF-16 column (the engine's) to an LSP range (0-based, UTF-16 code units). */
function rangeOf(at: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return { start: { line: at.line - 1, character: at.column - 1 }, end: { line: at.endLine - 1, character: at.endColumn - 1 } };
}

/** A finding as an LSP diagnostic: `code` is the rule, `codeDescription` its documentation, family findings point into the other report. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleHelpUri(finding.ruleId) },
    message: finding.message,
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((related) => ({ location: { uri: fileUri(related.file), range: rangeOf(related) }, message: related.message })) }
      : {}),
  };
}

/** Offsets of the document's text to an LSP edit. */
export function toTextEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.endOffset) }, newText: edit.newText };
}

/** A quick fix of the core's fix engine as a code action. */
export function toQuickFix(document: TextDocument, fix: FixAction, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.isPreferred,
    edit: { changes: { [document.uri]: fix.edits.map((edit) => toTextEdit(document, edit)) } },
  };
}

/**
 * A completion offer as an LSP item. The text edit replaces the offer's range; a snippet's new
 * lines get the cursor line's indentation here (`insertTextMode: asIs`), since not every client
 * adjusts it.
 */
export function toCompletionItem(document: TextDocument, offer: CompletionOffer): CompletionItem {
  const newText = offer.snippet ? offer.insertText.replace(/\n/g, `\n${offer.lineIndent}`) : offer.insertText;
  return {
    label: offer.label,
    kind: KINDS[offer.kind],
    ...(offer.description !== undefined ? { labelDetails: { description: offer.description } } : {}),
    ...(offer.detail !== undefined ? { detail: offer.detail } : {}),
    ...(offer.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: offer.documentation } } : {}),
    filterText: offer.filterText,
    sortText: offer.sortText,
    ...(offer.preselect ? { preselect: true } : {}),
    insertTextFormat: offer.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: { start: document.positionAt(offer.range.offset), end: document.positionAt(offer.range.endOffset) }, newText },
  };
}
