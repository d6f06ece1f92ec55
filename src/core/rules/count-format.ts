import type { RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { isRecord } from '../report/fields';
import { fieldName } from '../shared/i18n';
import { formatPointer } from '../yaml/pointer';
import { writtenCount } from '../report/countText';
import { Derived } from '../shared/memo';

/** A count written with a separator: `41.000`, `41,000`, `41 000`, `1.5`. */
export interface SeparatedCount {
  pointer: string;
  /** The value's document range. */
  offset: number;
  endOffset: number;
  /** The value as written (without quotes). */
  source: string;
  /** What YAML made of it: a number (`41.000` is 41) or text (`41,000`). */
  read: unknown;
  /** The digits alone, when every separator is followed by exactly three digits (`41000`); else `null`. */
  fixed: string | null;
}

/** A cheap look at a value before the schema is asked about its field. */
const CANDIDATE = /^\s*[+-]?\d[\d.,  \u202f]*\s*$/u;

/** True when `text` starts with an ASCII letter, as most text does: then it is no {@link CANDIDATE}, which starts with a space, sign or digit. */
function startsWithLetter(text: string): boolean {
  const code = text.charCodeAt(0) | 0x20;
  return code >= 97 && code <= 122;
}

const countsOf = new Derived<RuleContext, SeparatedCount[]>('separated counts');

/**
 * Every whole-number field of the schema (`type: integer`) whose value is written with a `.`, `,`
 * or space between digits, read from the source text of the value (YAML has already turned
 * `41.000` into 41 and `41,000` into text). Cached per lint: the `schema` rule asks too, so that
 * the same value is not reported twice.
 */
export function separatedCounts(ctx: RuleContext): SeparatedCount[] {
  return countsOf.get(ctx, () => findSeparatedCounts(ctx));
}

function findSeparatedCounts(ctx: RuleContext): SeparatedCount[] {
  const found: SeparatedCount[] = [];
  if (ctx.data && ctx.report.frontmatter.kind === 'yaml') {
    // One path, extended and shortened as the walk goes: no copy of it per value.
    const segments: Array<string | number> = [];
    const walk = (value: unknown, depth: number): void => {
      if (depth > 16) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          segments.push(i);
          walk(value[i], depth + 1);
          segments.pop();
        }
      } else if (isRecord(value)) {
        for (const key of Object.keys(value)) {
          segments.push(key);
          walk(value[key], depth + 1);
          segments.pop();
        }
      } else if (typeof value === 'number' ? CANDIDATE.test(String(value)) : typeof value === 'string' && !startsWithLetter(value) && CANDIDATE.test(value)) {
        const pointer = formatPointer(segments);
        const type = ctx.schema.info.typeAt(pointer);
        if (!(type === 'integer' || (Array.isArray(type) && type.includes('integer')))) return;
        // Text reads as written; a number as its plain scalar is written (`41.000`, which YAML read as 41).
        const scalar = typeof value === 'number' ? ctx.report.yaml?.scalar(pointer) : null;
        const source = scalar ? ctx.report.yaml!.source.slice(scalar.offset, scalar.endOffset) : String(value).trim();
        const written = writtenCount(source);
        if (!written.separated) return;
        found.push({ pointer, ...ctx.at(pointer), source, read: value, fixed: written.meant });
      }
    };
    walk(ctx.data, 0);
  }
  return found;
}

/** The `count-format` rule; its `docs` are rendered to docs/rules/count-format.md by `npm run generate`. */
export const countFormatRule: Rule = {
  id: 'count-format',
  defaultSeverity: 'error',
  description: {
    en: 'Counts (every whole-number field, such as `data_loss.subjects_approx`) are written without thousands separators.',
    de: 'Anzahlen (jedes Feld mit einer ganzen Zahl, etwa `data_loss.subjects_approx`) stehen ohne Tausendertrennzeichen.',
  },
  docs: {
    checks: [
      'A count written the German way, `subjects_approx: 41.000`, is the decimal number 41.0 to YAML: the schema accepts it as a whole number, and the release would print "rund 41" a few lines below a lead that says "rund 41.000". Written `41,000` or `41 000` it is text, not a number. So every field the schema types as a whole number (`data_loss.subjects_approx`, `data_loss.records_approx`, and any `integer` of an organisation\'s own schema) is checked as it is **written in the source**, not as YAML read it: a `.`, `,` or space between digits is an error.',
      'The quick fix removes the separators when each is followed by exactly three digits (`41.000` → `41000`, `1.200.000` → `1200000`, `41,000` → `41000`); it is offered, not applied by "fix all": it decides which number was meant. `1.5` or `41,5` get no fix: a count has no fractions. The `schema` rule does not report the same value again.',
    ],
  },
  check(ctx) {
    return separatedCounts(ctx).map((count): RawFinding => {
      const field = fieldName(count.pointer);
      const reading =
        typeof count.read === 'number'
          ? ctx.t({ en: 'YAML reads it as the number {value}', de: 'YAML liest das als die Zahl {value}' }, { value: String(count.read) })
          : ctx.t({ en: 'YAML reads it as text, not as a number', de: 'YAML liest das als Text, nicht als Zahl' });
      return {
        ruleId: this.id,
        message: count.fixed
          ? ctx.t(
              {
                en: '{field} is written as {source}: {reading}. Write a count without thousands separators: {fixed}.',
                de: '{field} steht als {source} da: {reading}. Eine Anzahl ohne Tausendertrennzeichen schreiben: {fixed}.',
              },
              { field, source: count.source, reading, fixed: count.fixed },
            )
          : ctx.t(
              {
                en: '{field} is written as {source}: {reading}. A count is a whole number, written without separators.',
                de: '{field} steht als {source} da: {reading}. Eine Anzahl ist eine ganze Zahl und steht ohne Trennzeichen.',
              },
              { field, source: count.source, reading },
            ),
        offset: count.offset,
        endOffset: count.endOffset,
        path: count.pointer,
        ...(count.fixed ? { fix: { kind: 'write-count' as const, offset: count.offset, endOffset: count.endOffset, newText: count.fixed } } : {}),
      };
    });
  },
};
