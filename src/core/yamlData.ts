/**
 * The fast way from frontmatter text to data, for the common case of plain YAML.
 *
 * The `yaml` package gives every node a position, which findings need, but building its Document
 * costs ten times what js-yaml needs for the data alone (0.7 ms against 0.08 ms for a typical report,
 * 205 ms against 17 ms for a 1 MB one). Most reports are valid, so most lints never need a
 * position: the engine takes the data from here and builds the `yaml` Document only when a finding
 * has to be placed (see `parseReport`).
 *
 * Both parsers must agree on every document this module accepts, so that a report gets the same
 * findings whichever path it takes:
 * - scalars resolve with exactly the YAML 1.2 core schema of the `yaml` package (its regular
 *   expressions below; js-yaml's own core schema also reads `1_000` and `0b11` as numbers);
 * - whatever the two read differently, or what only `yaml` guards, is left to `yaml`: anchors,
 *   aliases and tags (alias bombs are refused there), directives, explicit `?` keys and
 *   collections used as keys;
 * - whenever js-yaml refuses the text, `yaml` decides and reports the error.
 * test/unit/yamlData.test.ts proves the agreement over every fixture and over generated documents.
 */
import { load, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { readBlockYaml } from './yamlBlock';
import { BOOL_WORDS, FLOAT, FLOAT_EXP, FLOAT_SPECIAL, INT_DECIMAL, INT_HEX, INT_OCTAL, mayBeNumber, NULL_WORDS, floatValue, intValue } from './yamlScalars';

// js-yaml asks every implicit type about every plain scalar: the tests of `yamlScalars.ts`.
const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string | null) => text === null || NULL_WORDS.has(text),
  construct: () => null,
});

const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && BOOL_WORDS.has(text),
  construct: (text: string) => text[0] === 't' || text[0] === 'T',
});

const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && mayBeNumber(text) && (INT_DECIMAL.test(text) || INT_OCTAL.test(text) || INT_HEX.test(text)),
  construct: intValue,
});

const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && mayBeNumber(text) && (FLOAT_SPECIAL.test(text) || FLOAT_EXP.test(text) || FLOAT.test(text)),
  construct: floatValue,
});

/** YAML 1.2 core schema, resolved exactly like the `yaml` package resolves it. */
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

/**
 * Text that js-yaml would read differently from `yaml`, or that only `yaml` guards against:
 * - `&anchor`, `*alias`, `!tag` at the start of a node (anything after a letter or digit is text);
 * - a `%` directive;
 * - an explicit key (`? `);
 * - a flow collection used as a key (`[a, b]: c`);
 * - a null key (`~: x`, `null: x`): js-yaml names it "null", `yaml` "";
 * - a tab in indentation, which YAML forbids and js-yaml tolerates;
 * - a list item with nothing on its line (`-`, `- # note`): js-yaml merges an empty last item of a
 *   nested list with the next item of the outer one;
 * - document markers (`---`, `...`) at the start of a line, and a comment glued to a closing quote
 *   or bracket (`"x"#`), which `yaml` rejects;
 * - a carriage return without line feed, and a byte order mark inside the text.
 * Prose that merely looks like one of these ("A & B") takes the slow path; that costs time, not accuracy.
 */
// Separate expressions, not one alternation: each then scans for its own first character, which is
// several times faster on long frontmatter. Each comes with a necessary condition, a character
// without which it cannot match: `includes` finds that far faster than a pattern that starts with
// a line anchor or an alternation, which V8 tries at every position.
const LEFT_TO_YAML: ReadonlyArray<{ needs: readonly string[]; pattern: RegExp }> = [
  { needs: ['&', '*', '!'], pattern: /(?<![\p{L}\p{N}])[&*!]/u },
  { needs: ['%'], pattern: /^%/m },
  { needs: ['?'], pattern: /(?:^|[\s[{,])\?(?:\s|$)/m },
  { needs: [']', '}'], pattern: /[\]}][ \t]*:(?:[\s,\]}]|$)/m },
  { needs: ['~', 'null', 'Null', 'NULL'], pattern: /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(?:~|[Nn]ull|NULL)[ \t]*:(?:\s|$)/m },
  { needs: ['\t'], pattern: /^ *\t/m },
  // What comes before the dash is matched, not looked behind at: the same answer for `test`, and
  // V8 then finds candidates by their first character (a look-behind made this guard cost more
  // than all the others together: every date has dashes).
  { needs: ['-'], pattern: /(?:^|[ \t])-[ \t]*(?:#.*)?$/m },
  { needs: ['---', '...'], pattern: /^(?:---|\.\.\.)/m },
  { needs: ['#'], pattern: /['"\]}]#/ },
  { needs: ['\r', '\uFEFF'], pattern: /\r(?!\n)|\uFEFF/ },
];

/**
 * A quoted scalar that starts at a node and does not end on its line: the two parsers differ on how
 * far its continuation lines must be indented.
 */
const NODE_START = '(?:^[ \\t]*(?:-[ \\t]+)*|[:?-][ \\t]+|[[{,][ \\t]*)';
const OPEN_QUOTE = new RegExp(`${NODE_START}(?:"(?:[^"\\\\\\n]|\\\\.)*\\\\?|'(?:[^'\\n]|'')*)$`, 'm');

/**
 * Flow collections (`[a, b]`, `{name: x}`): js-yaml and `yaml` read odd ones differently (`{a,: b}`),
 * so only a one-line collection of plain words takes the fast path.
 */
const FLOW_START = new RegExp(`${NODE_START}[[{]`, 'gm');
const FLOW_WORD = `[^\\s,[\\]{}#&*!|>'"%@\`:?-][^,[\\]{}#:\\n]*`;
const SIMPLE_SEQUENCE = new RegExp(`^\\[[ \\t]*(?:${FLOW_WORD}(?:,[ \\t]*${FLOW_WORD})*)?\\][ \\t]*(?:$|#)`);
const SIMPLE_MAPPING = new RegExp(
  `^\\{[ \\t]*(?:${FLOW_WORD}:[ \\t]+${FLOW_WORD}(?:,[ \\t]*${FLOW_WORD}:[ \\t]+${FLOW_WORD})*)?\\}[ \\t]*(?:$|#)`,
);

/** Everything the fast path leaves to `yaml` that one regular expression cannot say. */
function hasComplexFlow(source: string): boolean {
  if ((source.includes('"') || source.includes("'")) && OPEN_QUOTE.test(source)) return true;
  if (!source.includes('[') && !source.includes('{')) return false;
  for (const match of source.matchAll(FLOW_START)) {
    const start = match.index + match[0].length - 1;
    const newline = source.indexOf('\n', start);
    const rest = source.slice(start, newline === -1 ? source.length : newline).replace(/\r$/, '');
    if (!(rest.startsWith('[') ? SIMPLE_SEQUENCE : SIMPLE_MAPPING).test(rest)) return true;
  }
  return false;
}

/**
 * The frontmatter as data when js-yaml can take it (see the module comment), else `undefined`:
 * the caller then parses with `yaml`, which reports what is wrong.
 */
export function loadPlainYaml(source: string): { data: unknown } | undefined {
  // The plainest block YAML, which nearly every report is, has a reader of its own, three times
  // faster than js-yaml. It takes only what it reads exactly as `yaml` does (yamlBlock.ts), so the
  // guards below, which are about js-yaml, do not apply to it.
  const block = readBlockYaml(source);
  if (block) return block;
  if (LEFT_TO_YAML.some(({ needs, pattern }) => needs.some((text) => source.includes(text)) && pattern.test(source)) || hasComplexFlow(source)) {
    return undefined;
  }
  try {
    const data = load(source, { schema: CORE_SCHEMA });
    // An empty or comment-only frontmatter is `null` to `yaml`.
    return { data: data === undefined ? null : data };
  } catch {
    // Syntax errors and stack overflows on deep nesting alike: `yaml` reports them properly.
    return undefined;
  }
}
