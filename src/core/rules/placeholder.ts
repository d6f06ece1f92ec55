import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { isScalar } from 'yaml';
import { fieldName } from '../i18n';

// Markers are matched case-sensitively ("todo" in prose is a word, "TODO" a marker); `<…>` counts
// when it reads like a fill-in (`<Name>`, `<phone number>`, `<…>`), not like HTML (`<br>`) or an autolink.
const PLACEHOLDERS: readonly RegExp[] = [
  /\b(?:TODO|TBD|XXX|FIXME)\b/g,
  /\blorem ipsum\b/gi,
  /<(?![/!])(?=[^<>\n]*(?:[A-ZÄÖÜ\s]|…|\.\.\.))[^<>\n=":@/]{1,60}>/gu,
];
const ANY_PLACEHOLDER = PLACEHOLDERS.map((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')));

/** The `placeholder` rule; its `docs` are rendered to docs/rules/placeholder.md by `npm run generate`. */
export const placeholderRule: Rule = {
  id: 'placeholder',
  defaultSeverity: 'warning',
  // A fill-in is never published: while the report is drafted lint shows it as a warning, but it
  // holds back render and export at any severity (verdict.ts).
  alwaysBlocks: true,
  description: {
    en: 'No TODO, TBD, XXX, FIXME, lorem ipsum or `<…>` placeholder is left in a value or the public text.',
    de: 'Kein TODO, TBD, XXX, FIXME, Lorem ipsum oder `<…>`-Platzhalter bleibt in einem Wert oder im öffentlichen Text.',
  },
  docs: {
    checks: [
      'Nothing unfinished goes out: TODO, TBD, XXX, FIXME, "lorem ipsum" or an unfilled `<…>` placeholder in a frontmatter value or in the public section is a warning.',
      'A placeholder is never published: whatever its severity, a finding of this rule blocks `render` of a public output and the editor\'s export (see "Publishing" in the README), unless it is suppressed with a reason.',
    ],
  },
  check(ctx) {
    const { report } = ctx;
    const findings: RawFinding[] = [];
    const scan = (start: number, end: number, path: string | null) => {
      const source = report.text.slice(start, end);
      const matches = PLACEHOLDERS.flatMap((pattern) => [...source.matchAll(pattern)]).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      for (const match of matches) {
        const word = match[0];
        findings.push({
          ruleId: this.id,
          message: ctx.t(
            {
              en: 'Placeholder `{text}` left in {where}: fill it in before publishing.',
              de: 'Platzhalter `{text}` {where}: Vor der Veröffentlichung ausfüllen.',
            },
            {
              text: word,
              where:
                path === null
                  ? ctx.t({ en: 'the public text', de: 'im öffentlichen Text' })
                  : ctx.t({ en: '{field}', de: 'in {field}' }, { field: fieldName(path) }),
            },
          ),
          offset: start + (match.index ?? 0),
          endOffset: start + (match.index ?? 0) + word.length,
          path,
        });
      }
    };
    const fm = report.frontmatter;
    // Any match inside a value is a match in the whole frontmatter text: only when that has one is
    // the YAML document (with positions) needed to tell which value, and where.
    const hasPlaceholder = (source: string) => ANY_PLACEHOLDER.some((pattern) => pattern.test(source));
    if (fm.kind === 'yaml' && report.yamlErrors.length === 0 && hasPlaceholder(fm.source)) {
      const base = fm.contentOffset;
      // Only the top-level entries with a placeholder need their positions.
      report.nodes.walkScalars((node, pointer) => {
        if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        scan(base + node.range[0], base + node.range[1], pointer);
      }, hasPlaceholder);
    }
    if (ctx.data && report.publicBounds) scan(report.publicBounds.offset, report.publicBounds.endOffset, null);
    return findings;
  },
};
