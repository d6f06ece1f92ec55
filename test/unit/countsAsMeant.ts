import { applyEdits, fixEdits, parseReport, type Finding } from '../../src/core';

/**
 * `text` with every count written with thousands separators written as the number meant
 * (count-format's fix: `41.000` → `41000`). The outputs and the release print the number meant,
 * which YAML's data (41) has lost: a test that writes a report anew from its data starts from this
 * text, so a count read wrongly in the original fails its comparison.
 */
export function countsAsMeant(text: string, findings: readonly Finding[]): string {
  const report = parseReport(text);
  const edits = findings
    .filter((finding) => finding.fix?.kind === 'write-count')
    .flatMap((finding) => fixEdits(report, finding).flatMap((action) => action.edits));
  return edits.length === 0 ? text : text.slice(0, text.length - report.text.length) + applyEdits(report.text, edits);
}
