import { isPair, isScalar, isSeq, visit, type Node, type Scalar } from 'yaml';
import type { RawFinding } from '../shared/types';
import { formatPointer } from '../yaml/pointer';
import type { Rule } from './rule';
import { quoteFix } from './yaml-mistakes';

/**
 * A blank, `#` and a word, in the frontmatter: a report without one has no comment this rule could
 * report (see `cutOff`), so it costs no walk over its document. The pattern starts at the blank, not
 * at the value before it, so that the search does not try every character of the frontmatter.
 */
const HASH_WORD = /[ \t]#[^\s#]/;

/** Directives (`# incident-report-…`) are the `suppression` rule's, wherever they stand. */
const DIRECTIVE = /^incident-report-/;

/** The `yaml-comment-in-value` rule; its `docs` are rendered to docs/rules/yaml-comment-in-value.md by `npm run generate`. */
export const yamlCommentInValueRule: Rule = {
  id: 'yaml-comment-in-value',
  defaultSeverity: 'warning',
  description: {
    en: 'Text after ` #` in a value is not cut off as a YAML comment by mistake.',
    de: 'Text nach ` #` in einem Wert wird nicht versehentlich als YAML-Kommentar abgeschnitten.',
  },
  docs: {
    checks: [
      'In YAML, ` #` starts a comment, also in the middle of a line: `title: Lagebericht #3` publishes "Lagebericht", and `text: Mehr unter #Soest` drops the hashtag. A comment written right after the `#` (no space: `#3`, `#Soest`) after an unquoted value is almost always text that was meant to be part of it: a warning at the value it cut short, with the quick fix "Put the value in quotes". A comment with a space after the `#` (`# note`) is taken as a comment.',
    ],
  },
  check(ctx) {
    const yaml = ctx.report.yaml;
    if (!yaml || ctx.report.yamlErrors.length > 0 || ctx.report.frontmatter.kind !== 'yaml' || !HASH_WORD.test(yaml.source)) return [];
    const { source } = yaml;
    const base = ctx.report.frontmatter.contentOffset;
    const findings: RawFinding[] = [];
    const ruleId = this.id;
    visit(yaml.doc, {
      Scalar(_, scalar, path) {
        const parent = path[path.length - 1];
        if (isPair(parent) && parent.key === scalar) return; // a key: no text of a value
        const cut = cutOff(scalar, source);
        if (!cut) return;
        const pointer = pointerOf(scalar, path);
        // Named by its first word: the rest of a long comment would only repeat the line.
        const comment = source.slice(cut.offset, cut.endOffset);
        const hash = /^\S+/.exec(comment)![0] + (/\s/.test(comment) ? ' …' : '');
        // One line only: quoting the last line of a folded value would not join it with the lines before.
        const written = source.slice(scalar.range![0], cut.endOffset);
        findings.push({
          ruleId,
          message: ctx.t(
            {
              en: '`{hash}` starts a YAML comment, so the value ends before it (“{value}”): put the whole value in quotes if the comment belongs to the text.',
              de: '`{hash}` beginnt einen YAML-Kommentar, der Wert endet also davor („{value}“): Den ganzen Wert in Anführungszeichen setzen, wenn der Kommentar zum Text gehört.',
            },
            { hash, value: String(scalar.value) },
          ),
          // At the value the comment cut short: a finding about a field lies within that field.
          offset: base + scalar.range![0],
          endOffset: base + scalar.range![1],
          path: pointer,
          ...(written.includes('\n') ? {} : { fix: quoteFix(base + scalar.range![0], base + cut.endOffset, written) }),
        });
      },
    });
    return findings;
  },
};

/**
 * Where the comment that cuts an unquoted text short is written (`#3` in `Lagebericht #3`), or
 * `null`: it must follow the value on its line, start with a word right after the `#`, and not be a
 * directive.
 */
function cutOff(scalar: Scalar, source: string): { offset: number; endOffset: number } | null {
  if (scalar.type !== 'PLAIN' || typeof scalar.value !== 'string' || scalar.comment === undefined || !scalar.range) return null;
  const [, valueEnd, nodeEnd] = scalar.range;
  const after = source.slice(valueEnd, nodeEnd);
  const match = /^[ \t]+#([^\s#][^\r\n]*)/.exec(after);
  if (!match || DIRECTIVE.test(match[1]!)) return null;
  const offset = valueEnd + after.indexOf('#');
  return { offset, endOffset: offset + 1 + match[1]!.trimEnd().length };
}

/** The JSON Pointer of a value from the nodes above it, as `visit` gives them. */
function pointerOf(scalar: Scalar, path: readonly unknown[]): string {
  const segments: Array<string | number> = [];
  let child: unknown = scalar;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = path[i];
    if (isPair(parent)) {
      segments.unshift(isScalar(parent.key) ? String(parent.key.value) : String(parent.key));
    } else if (isSeq(parent)) {
      segments.unshift(parent.items.indexOf(child as Node));
    }
    child = parent;
  }
  return formatPointer(segments);
}
