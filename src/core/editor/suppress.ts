/**
 * The editor's side of inline suppressions: the quick fix that writes a directive for a finding
 * ("Suppress on this line with a reason…"), and what the hover on a directive says. Pure text work
 * over the parsed report; the extension only asks for the reason and applies the edit.
 */
import type { Finding, Locale } from '../shared/types';
import type { ParsedReport } from '../report/parse';
import type { TextEdit } from '../linter/fixes';
import { parseReport } from '../report/parse';
import { t } from '../shared/i18n';
import { lineStartOf } from '../shared/lines';
import { entryAround } from '../yaml';
import { DIRECTIVE_KEYWORD, readDirectives, suppressedBy, UNSUPPRESSIBLE_RULES, type Directive } from '../report/directives';
import { escapeMarkdown as escape } from './fieldDocs';

/** Title of the quick fix, in the report locale. */
export function suppressTitle(locale: Locale): string {
  return t(locale, { en: 'Suppress on this line with a reason…', de: 'In dieser Zeile mit Begründung unterdrücken…' });
}

/**
 * A reason as a directive can carry it: one line, no `-->` (it would end the comment early), no
 * surrounding blanks. Empty when nothing is left.
 */
export function directiveReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/--+>/g, '->').trim();
}

/**
 * The edit that suppresses `finding` with `reason`: in the frontmatter a `#` comment line before the
 * entry that holds it; in the body an HTML comment at the end of the line before when that line ends
 * inside a paragraph (a line of its own would split the paragraph), else on a line of its own before
 * the finding's line. `null` when the rule cannot be suppressed, the reason is empty, or no directive
 * can reach the finding (e.g. on the opening `---`). Every edit is checked by reading the edited text:
 * the new directive must cover the finding.
 */
export function suppressionEdit(report: ParsedReport, finding: Finding, reason: string): TextEdit | null {
  const why = directiveReason(reason);
  if (UNSUPPRESSIBLE_RULES.has(finding.ruleId) || why === '') return null;
  const body = `${DIRECTIVE_KEYWORD} ${finding.ruleId} -- ${why}`;
  const fm = report.frontmatter;
  let edit: TextEdit | null = null;
  if (fm.kind === 'yaml' && finding.offset >= fm.contentOffset && finding.offset < fm.close.offset) {
    const entry = entryAround(fm.source, finding.offset - fm.contentOffset);
    if (entry) {
      const start = lineStartOf(report.text, fm.contentOffset + entry.offset);
      const indent = /^[ \t]*/.exec(report.text.slice(start))![0];
      edit = { offset: start, endOffset: start, newText: `${indent}# ${body}${lineBreak(report.text)}` };
    }
  } else if (finding.offset >= report.bodyOffset && finding.offset > 0) {
    edit = bodyEdit(report, finding.offset, `<!-- ${body} -->`);
  }
  return edit && covers(report, edit, finding) ? edit : null;
}

function bodyEdit(report: ParsedReport, offset: number, comment: string): TextEdit {
  const text = report.text;
  const start = lineStartOf(text, offset);
  if (start > report.bodyOffset) {
    const previousEnd = start - 1 - (text[start - 2] === '\r' ? 1 : 0);
    const previous = text.slice(lineStartOf(text, previousEnd), previousEnd);
    // Right after the last word of the line before, with no blank (the rendered text stays byte for
    // byte the same); trailing blanks or a backslash, a hard break, stay after it.
    const content = previous.replace(/(?:[ \t]+|\\)$/, '');
    const at = lineStartOf(text, previousEnd) + content.length;
    if (content.trim() !== '' && inParagraph(report, at - 1)) return { offset: at, endOffset: at, newText: comment };
  }
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  return { offset: start, endOffset: start, newText: `${indent}${comment}${lineBreak(text)}` };
}

/** True when `offset` lies inside a paragraph of the body (not a heading, list marker or code). */
function inParagraph(report: ParsedReport, offset: number): boolean {
  const pending: Array<{ type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }> = [report.body as never];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const from = node.position?.start.offset ?? 0;
    const to = node.position?.end.offset ?? Number.POSITIVE_INFINITY;
    if (offset < from || offset >= to) continue;
    if (node.type === 'paragraph') return true;
    if (node.children) pending.push(...(node.children as never[]));
  }
  return false;
}

/** Whether the text with `edit` applied has a directive that suppresses `finding` (moved by the edit). */
function covers(report: ParsedReport, edit: TextEdit, finding: Finding): boolean {
  const text = report.text.slice(0, edit.offset) + edit.newText + report.text.slice(edit.endOffset);
  const shift = edit.newText.length - (edit.endOffset - edit.offset);
  const moved: Finding = { ...finding, offset: finding.offset >= edit.offset ? finding.offset + shift : finding.offset, suppressed: undefined };
  const directives = readDirectives(parseReport(text));
  const added = directives.find((d) => d.offset >= edit.offset && d.endOffset <= edit.offset + edit.newText.length);
  if (!added || !added.reason || !added.target) return false;
  const inTarget = added.where === 'body' ? moved.offset >= added.target.offset && moved.offset <= added.target.endOffset : moved.offset >= added.target.offset && moved.offset < added.target.endOffset;
  return inTarget && added.rules.some((rule) => rule.text === finding.ruleId);
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The directive whose comment holds `offset`, if any. */
export function directiveAt(report: ParsedReport, offset: number): Directive | undefined {
  return readDirectives(report).find((d) => offset >= d.offset && offset <= d.endOffset);
}

/** The hover on a directive (Markdown): its reason and what it suppresses, or that it suppresses nothing. */
export function directiveHover(directive: Directive, findings: readonly Finding[], locale: Locale): string {
  const code = (text: string) => '`' + text.replace(/`/g, "'") + '`';
  const suppressed = suppressedBy(directive, findings);
  const lines: string[] = [];
  if (suppressed.length === 0) {
    lines.push(t(locale, { en: '**This directive suppresses nothing.**', de: '**Diese Anweisung unterdrückt nichts.**' }));
  } else {
    lines.push(t(locale, { en: '**Suppresses {n} finding(s):**', de: '**Unterdrückt {n} Befund(e):**' }, { n: suppressed.length }), '');
    for (const f of suppressed) lines.push(`- ${code(f.ruleId)} ${f.line}:${f.column} — ${escape(f.message)}`);
  }
  if (directive.reason) {
    lines.push('', t(locale, { en: 'Reason: {reason}', de: 'Begründung: {reason}' }, { reason: escape(directive.reason.text) }));
  }
  lines.push(
    '',
    t(locale, {
      en: 'Suppressed findings do not block publication; `lint --format json` and `sarif` list them with the reason. The directive is never published.',
      de: 'Unterdrückte Befunde blockieren die Veröffentlichung nicht; `lint --format json` und `sarif` führen sie mit der Begründung auf. Die Anweisung wird nie veröffentlicht.',
    }),
  );
  return lines.join('\n');
}
