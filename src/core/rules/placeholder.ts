import type { RawFinding } from '../shared/types';
import type { Rule, TextRange } from './rule';
import { fieldName } from '../shared/i18n';
import { isRecord } from '../report/fields';
import { formatPointer } from '../yaml/pointer';

// Markers are matched case-sensitively ("todo" in prose is a word, "TODO" a marker); `<…>` counts
// when it reads like a fill-in (`<Name>`, `<phone number>`, `<…>`), not like HTML (`<br>`) or an autolink.
const TODO_MARKERS = /\b(?:TODO|TBD|XXX|FIXME)\b/g;
const LOREM_IPSUM = /\blorem ipsum\b/gi;
const FILL_IN = /<(?![/!])(?=[^<>\n]*(?:[A-ZÄÖÜ\s]|…|\.\.\.))[^<>\n=":@/]{1,60}>/gu;
/** What the rule reports, each match of each (global) pattern. */
export const PLACEHOLDERS: readonly RegExp[] = [TODO_MARKERS, LOREM_IPSUM, FILL_IN];
/**
 * True where any of {@link PLACEHOLDERS} matches: their union, one search instead of three. The
 * case-insensitivity of `lorem ipsum` is spelt out (`[lL]…`, exactly the pairs its `i` flag makes)
 * so that one `u` flag serves all (without `i`, `u` leaves `\b` and the other classes as they are).
 */
const ANY_PLACEHOLDER = new RegExp(`${TODO_MARKERS.source}|\\b${caseless('lorem ipsum')}\\b|${FILL_IN.source}`, 'u');

function caseless(text: string): string {
  return text.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
}

/** True when one of {@link PLACEHOLDERS} matches somewhere in `text` (test/unit/placeholder.test.ts compares). */
export function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

/** The `placeholder` rule; its `docs` are rendered to docs/rules/placeholder.md by `npm run generate`. */
export const placeholderRule: Rule = {
  id: 'placeholder',
  defaultSeverity: 'warning',
  blocksApproval: true,
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
    /** Finds the placeholders of `text`; `place` gives the document range of `[start, end)` of it. */
    const scan = (text: string, path: string | null, place: (start: number, end: number) => TextRange) => {
      const matches = PLACEHOLDERS.flatMap((pattern) => [...text.matchAll(pattern)]).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
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
          ...place(match.index ?? 0, (match.index ?? 0) + word.length),
          path,
        });
      }
    };
    const fm = report.frontmatter;
    const yaml = report.yaml;
    if (fm.kind === 'yaml' && yaml && ctx.data) {
      // The values as they read (a placeholder may be folded over two lines, or written with
      // escapes); a pointer is built for a value with a placeholder only.
      const segments: Array<string | number> = [];
      const visit = (value: unknown): void => {
        if (typeof value === 'string') {
          if (!hasPlaceholder(value)) return;
          const pointer = formatPointer(segments);
          scan(value, pointer, (start, end) => {
            const span = yaml.valueSpan(pointer, start, end);
            return span ? { offset: fm.contentOffset + span.offset, endOffset: fm.contentOffset + span.endOffset } : ctx.at(pointer);
          });
        } else if (Array.isArray(value)) {
          // Index and key loops: `Object.entries` built a pair (and an index string) per value.
          for (let index = 0; index < value.length; index++) {
            segments.push(index);
            visit(value[index]);
            segments.pop();
          }
        } else if (isRecord(value)) {
          for (const key of Object.keys(value)) {
            segments.push(key);
            visit(value[key]);
            segments.pop();
          }
        }
      };
      visit(ctx.data);
    }
    const bounds = report.publicBounds;
    if (ctx.data && bounds) {
      const section = report.text.slice(bounds.offset, bounds.endOffset);
      // Most public sections hold no placeholder: one search says so before the three that place them.
      if (hasPlaceholder(section)) scan(section, null, (start, end) => ({ offset: bounds.offset + start, endOffset: bounds.offset + end }));
    }
    return findings;
  },
};
