import { isRecord, type LintResult, type ParsedReport } from '../../core';

/**
 * The line to name when a report's frontmatter cannot be read (a YAML error, a frontmatter that is no
 * mapping or is never closed), or `null` when it can. While it cannot, the data is gone: a preview
 * rendered from it would show a release without title, in the wrong language.
 */
export function unreadableLine(result: LintResult): number | null {
  const { report, findings } = result;
  if (report.frontmatter.kind === 'yaml') {
    const syntax = findings.find((finding) => finding.ruleId === 'yaml-syntax');
    if (syntax) return syntax.line;
    if (isRecord(report.data)) return null;
  } else if (report.frontmatter.kind !== 'unclosed') {
    return null;
  }
  // No YAML error to point at (its rule switched off, a list instead of a mapping, no closing fence).
  return findings.find((finding) => finding.ruleId === 'frontmatter')?.line ?? 1;
}

/**
 * The last version of each previewed document whose frontmatter could be read, so the preview can
 * keep showing it while a stray word breaks the YAML. Keyed by the open document itself, not its
 * URI: a document closed and opened again (or a new untitled one that reuses the name) starts
 * without one, and a closed document's version is dropped with it.
 */
export class LastReadable {
  private readonly reports = new WeakMap<object, ParsedReport>();

  /**
   * What to render for `result` of `document`: its own report when the frontmatter can be read
   * (remembered for later), else the last readable one (`null` if there never was one), with the
   * line of the error.
   */
  pick(document: object, result: LintResult): { report: ParsedReport | null; errorLine: number | null } {
    const errorLine = unreadableLine(result);
    if (errorLine === null) {
      this.reports.set(document, result.report);
      return { report: result.report, errorLine };
    }
    return { report: this.reports.get(document) ?? null, errorLine };
  }
}
