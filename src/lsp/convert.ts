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
  type Position,
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

/**
 * 1 when the client's text starts with a UTF-8 BOM (U+FEFF), else 0. The core counts offsets,
 * lines and columns in the text without it (what VS Code's documents hold); a client that keeps the
 * BOM counts it as character 0 of line 0, so every offset and line-0 column is one further there.
 */
export function bomLength(document: TextDocument): number {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
}

/** The LSP position of a core offset (into the BOM-less text). */
export function positionAt(document: TextDocument, offset: number): Position {
  return document.positionAt(offset + bomLength(document));
}

/** The core offset (into the BOM-less text) of an LSP position; the BOM itself counts as offset 0. */
export function offsetAt(document: TextDocument, position: Position): number {
  return Math.max(0, document.offsetAt(position) - bomLength(document));
}

/** 1-based line and UTF-16 column (the engine's) to an LSP range (0-based, UTF-16 code units); `bom` shifts line 1. */
function rangeOf(at: { line: number; column: number; endLine: number; endColumn: number }, bom = 0): Range {
  return {
    start: { line: at.line - 1, character: at.column - 1 + (at.line === 1 ? bom : 0) },
    end: { line: at.endLine - 1, character: at.endColumn - 1 + (at.endLine === 1 ? bom : 0) },
  };
}

/**
 * A finding as an LSP diagnostic: `code` is the rule, `codeDescription` its documentation, family
 * findings point into the other report. `bom`: the document's {@link bomLength}.
 */
export function toDiagnostic(finding: Finding, bom = 0): Diagnostic {
  return {
    range: rangeOf(finding, bom),
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

/** An edit of the core (offsets into the BOM-less text) as an LSP edit of the document. */
export function toTextEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: positionAt(document, edit.offset), end: positionAt(document, edit.endOffset) }, newText: edit.newText };
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
    textEdit: { range: { start: positionAt(document, offer.range.offset), end: positionAt(document, offer.range.endOffset) }, newText },
  };
}
