/**
 * What every editor host decides the same way (the VS Code extension and the language server):
 * completion offers, hover content, quick fixes and links, in offsets of the document's text.
  *
 * May import: shared, yaml, schema, report, compliance, family, templates, config, linter, release.
 */
export { completionOffers, COMPLETION_TRIGGER_CHARACTERS, type CompletionHost, type CompletionOffer, type CompletionOfferKind } from './completionOffers';
export { hoverContent, hoverMarkdown, type HoverContent, type HoverHost } from './hoverContent';
export { findingForDiagnostic, quickFixes, suppressOffers, type DiagnosticKey, type QuickFix } from './quickFixes';
export { LintScheduler } from './lintScheduler';
export { reportLinks, type ReportLink } from './links';
