/**
 * Inline suppressions: `incident-report-disable-next-line RULE[, RULE…] -- REASON`, written
 *
 * - in the Markdown body as an HTML comment, `<!-- incident-report-disable-next-line leak-ip -- … -->`:
 *   it covers the findings that start on the line after the comment;
 * - in the frontmatter as a YAML comment on the line before a key (or a `- ` list item),
 *   `# incident-report-disable-next-line placeholder -- …`: it covers the findings in that entry,
 *   its value included (a folded text spans several lines).
 *
 * A suppressed finding stays in every result with its reason ({@link Finding.suppressed}) and no
 * longer blocks publication. Directives never reach an output: raw HTML and YAML comments are not
 * published (tested for every output). What is wrong with a directive is the `suppression` rule's.
 */
import type { ParsedReport } from './parse';
import type { Finding } from '../shared/types';
import { frontmatterComments } from '../yaml';

/** The one directive there is. */
export const DIRECTIVE_KEYWORD = 'incident-report-disable-next-line';

/** What every directive (and every misspelt one) starts with: cheap to search for before parsing anything. */
const MARKER = 'incident-report-';

/** Comments that read like a directive of ours: checked, so a misspelt one is not silently ignored. */
const DIRECTIVE_LIKE = /^incident-report-(?:disable|enable|ignore|suppress)[A-Za-z-]*/;

/**
 * Rules whose findings no reason can excuse: the facts do not match the schema, the YAML cannot be
 * read, the text was never checked (too large), or there is no frontmatter to check. And the
 * directives' own rule, and the release gate (`approval-current`): a sign-off is given by people.
 */
export const UNSUPPRESSIBLE_RULES: ReadonlySet<string> = new Set(['schema', 'yaml-syntax', 'size-limit', 'frontmatter', 'suppression', 'approval-current']);

/** A word of a directive with its place in the document. */
export interface DirectivePart {
  text: string;
  offset: number;
  endOffset: number;
}

/** One directive as written. Offsets are BOM-less document offsets. */
export interface Directive {
  /** In the Markdown body (an HTML comment) or in the frontmatter (a YAML comment). */
  where: 'body' | 'frontmatter';
  /** The whole comment (`<!-- … -->` or `# …`). */
  offset: number;
  endOffset: number;
  /** 1-based line the comment ends on (what {@link Suppression.line} names). */
  line: number;
  /** `incident-report-disable-next-line`, or what was written instead. */
  keyword: DirectivePart;
  /** The rule IDs as written (separated by commas or spaces). */
  rules: DirectivePart[];
  /** The reason after ` -- `, trimmed; `null` when there is none (then it suppresses nothing). */
  reason: DirectivePart | null;
  /** Findings that start in this range are covered; `null` when the directive stands before nothing it can cover. */
  target: { offset: number; endOffset: number } | null;
  /** Why there is no target: `trailing` (a frontmatter comment after a value), `nothing-follows`. */
  placement: 'ok' | 'trailing' | 'nothing-follows';
}

/** Every directive of a report, in document order (cheap when there is none: one text search). */
export function readDirectives(report: ParsedReport): Directive[] {
  if (!report.text.includes(MARKER)) return [];
  return [...frontmatterDirectives(report), ...bodyDirectives(report)];
}

function frontmatterDirectives(report: ParsedReport): Directive[] {
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml') return [];
  const base = fm.contentOffset;
  const directives: Directive[] = [];
  for (const comment of frontmatterComments(fm.source, MARKER)) {
    const parsed = parseDirective(comment.text, base + comment.offset + 1);
    if (!parsed) continue;
    const target = comment.entry ? { offset: base + comment.entry.offset, endOffset: base + comment.entry.endOffset } : null;
    directives.push({
      where: 'frontmatter',
      offset: base + comment.offset,
      endOffset: base + comment.endOffset,
      line: report.lines.linePos(base + comment.offset).line,
      ...parsed,
      target,
      placement: !comment.ownLine ? 'trailing' : target ? 'ok' : 'nothing-follows',
    });
  }
  return directives;
}

interface HtmlNode {
  type: string;
  value?: string;
  position?: { start: { offset?: number } };
  children?: HtmlNode[];
}

function bodyDirectives(report: ParsedReport): Directive[] {
  if (report.text.indexOf(MARKER, report.bodyOffset) === -1) return [];
  const directives: Directive[] = [];
  const lineStarts = report.lines.lineStarts;
  // Iterative: a deeply nested body must not overflow the stack.
  const pending: HtmlNode[] = [report.body as HtmlNode];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.children) pending.push(...node.children);
    const start = node.position?.start.offset;
    if (node.type !== 'html' || typeof node.value !== 'string' || start === undefined) continue;
    for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
      const offset = start + match.index;
      const parsed = parseDirective(match[1]!, offset + 4);
      if (!parsed) continue;
      const endOffset = offset + match[0].length;
      const line = report.lines.linePos(endOffset).line;
      // The line after the comment's last line (past lines of directives alone: they may stand one
      // above the other), without its line break.
      let index = line;
      while (index < lineStarts.length && DIRECTIVES_ONLY.test(lineText(report.text, lineStarts, index))) index++;
      const next = lineStarts[index];
      const target = next === undefined ? null : { offset: next, endOffset: (lineStarts[index + 1] ?? report.text.length + 1) - 1 };
      directives.push({ where: 'body', offset, endOffset, line, ...parsed, target, placement: target ? 'ok' : 'nothing-follows' });
    }
  }
  return directives.sort((a, b) => a.offset - b.offset);
}

/** A line of nothing but directive comments. */
const DIRECTIVES_ONLY = /^[ \t]*(?:<!--[ \t]*incident-report-[^\n]*?-->[ \t]*)+\r?$/;

/** The text of line `index` (0-based), without its line break. */
function lineText(text: string, lineStarts: readonly number[], index: number): string {
  const end = lineStarts[index + 1];
  return text.slice(lineStarts[index], end === undefined ? text.length : end - 1);
}

/** The parts of a directive comment's text (`content` starts at document offset `base`), or `null` when it is none. */
function parseDirective(content: string, base: number): Pick<Directive, 'keyword' | 'rules' | 'reason'> | null {
  const lead = content.length - content.trimStart().length;
  const keyword = DIRECTIVE_LIKE.exec(content.slice(lead));
  if (!keyword) return null;
  const keywordEnd = lead + keyword[0].length;
  const rest = content.slice(keywordEnd);
  const separator = rest.indexOf('--');
  const names = separator === -1 ? rest : rest.slice(0, separator);
  const rules = [...names.matchAll(/[^\s,]+/g)].map((m) => part(m[0], base + keywordEnd + m.index));
  let reason: DirectivePart | null = null;
  if (separator !== -1) {
    const after = rest.slice(separator + 2);
    const text = after.trim();
    if (text) reason = part(text, base + keywordEnd + separator + 2 + (after.length - after.trimStart().length));
  }
  return { keyword: part(keyword[0], base + lead), rules, reason };
}

function part(text: string, offset: number): DirectivePart {
  return { text, offset, endOffset: offset + text.length };
}

/** True when `directive` is well-formed enough to suppress `ruleId`: the keyword, a reason, a place, a rule that may be suppressed. */
function suppresses(directive: Directive, ruleId: string): boolean {
  return (
    directive.keyword.text === DIRECTIVE_KEYWORD &&
    directive.reason !== null &&
    directive.target !== null &&
    !UNSUPPRESSIBLE_RULES.has(ruleId) &&
    directive.rules.some((rule) => rule.text === ruleId)
  );
}

/** True when `offset` lies in what `directive` covers (a whole line in the body, an entry in the frontmatter). */
function covers(directive: Directive, offset: number): boolean {
  const target = directive.target;
  if (!target) return false;
  return directive.where === 'body' ? offset >= target.offset && offset <= target.endOffset : offset >= target.offset && offset < target.endOffset;
}

/**
 * Applies `directives` to `findings`: a covered finding of a listed rule gets `suppressed` (with the
 * reason and the directive's line). Findings inside a directive's own comment are dropped: the
 * comment is never published, so what its reason mentions cannot leak. Returns the findings kept.
 */
export function applyDirectives(directives: readonly Directive[], findings: readonly Finding[]): Finding[] {
  if (directives.length === 0) return [...findings];
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (directives.some((d) => finding.offset >= d.offset && finding.offset < d.endOffset)) continue;
    const directive = directives.find((d) => covers(d, finding.offset) && suppresses(d, finding.ruleId));
    if (directive) finding.suppressed = { justification: directive.reason!.text, line: directive.line };
    kept.push(finding);
  }
  return kept;
}

/** The findings a directive suppresses (what the editor's hover on it shows). */
export function suppressedBy(directive: Directive, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.suppressed?.line === directive.line && covers(directive, finding.offset) && suppresses(directive, finding.ruleId));
}
