/** Which quick fixes an editor offers for the findings a request names, decided once for every editor. */
import { fixEdits, type FixAction, type FixOptions } from '../linter/fixes';
import type { ParsedReport } from '../report/parse';
import { suppressionEdit } from './suppress';
import type { Finding } from '../shared/types';

/** What an editor's diagnostic still tells of the finding it was made from. */
export interface DiagnosticKey {
  ruleId: string;
  message: string;
  /** The diagnostic's range in offsets of the current text. */
  offset: number;
  endOffset: number;
}

/**
 * The finding a diagnostic was made from: same rule and message, and with a fix (unless `withFix` is
 * false); the one at the same range, else the only candidate (the range may have moved with edits the
 * lint has not seen yet). A suppressed finding is no diagnostic.
 */
export function findingForDiagnostic(findings: readonly Finding[], diagnostic: DiagnosticKey, withFix = true): Finding | undefined {
  const candidates = findings.filter(
    (finding) => finding.ruleId === diagnostic.ruleId && finding.message === diagnostic.message && (finding.fix || !withFix) && !finding.suppressed,
  );
  return (
    candidates.find((finding) => finding.offset === diagnostic.offset && finding.endOffset === diagnostic.endOffset) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** One quick fix and the diagnostics (by their index in the request) it repairs. */
export interface QuickFix<D> {
  fix: FixAction;
  diagnostics: D[];
}

/**
 * The quick fixes for the diagnostics of a code-action request, best first per diagnostic, each
 * distinct fix once: several diagnostics can share one (sorting `updates` repairs each finding of
 * the order at once).
 */
export function quickFixes<D extends DiagnosticKey>(report: ParsedReport, findings: readonly Finding[], diagnostics: readonly D[], options: FixOptions): QuickFix<D>[] {
  const byKey = new Map<string, QuickFix<D>>();
  const fixes: QuickFix<D>[] = [];
  for (const diagnostic of diagnostics) {
    const finding = findingForDiagnostic(findings, diagnostic);
    if (!finding) continue;
    for (const fix of fixEdits(report, finding, options)) {
      const key = fix.title + JSON.stringify(fix.edits);
      const existing = byKey.get(key);
      if (existing) {
        existing.diagnostics.push(diagnostic);
        continue;
      }
      const entry = { fix, diagnostics: [diagnostic] };
      byKey.set(key, entry);
      fixes.push(entry);
    }
  }
  return fixes;
}

/**
 * The findings of a request's diagnostics that an inline directive can reach: each is offered
 * "Suppress on this line with a reason…" (the host asks for the reason, then applies
 * `suppressionEdit`). Rules that cannot be suppressed and findings no directive reaches are left out.
 */
export function suppressOffers<D extends DiagnosticKey>(report: ParsedReport, findings: readonly Finding[], diagnostics: readonly D[]): Array<{ diagnostic: D; finding: Finding }> {
  const offers: Array<{ diagnostic: D; finding: Finding }> = [];
  for (const diagnostic of diagnostics) {
    const finding = findingForDiagnostic(findings, diagnostic, false);
    if (finding && suppressionEdit(report, finding, 'reason')) offers.push({ diagnostic, finding });
  }
  return offers;
}
