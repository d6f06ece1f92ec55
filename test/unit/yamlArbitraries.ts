/**
 * Frontmatter test inputs shared by the YAML tests: every fixture and example, and fast-check
 * generators of YAML-like and report-shaped text.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseReport } from '../../src/core/report/parse';

const FIXTURES = join(__dirname, '..', 'fixtures');
const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** The frontmatter source of a report text, `null` without one. */
export function frontmatterOf(text: string): string | null {
  const report = parseReport(text);
  return report.frontmatter.kind === 'yaml' ? report.frontmatter.source : null;
}

/** Every fixture input and example report. */
export const documents = [
  ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name, 'input.md')),
  ...readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(EXAMPLES, name)),
];

// Fragments that make parsers disagree: number forms of YAML 1.1 and of js-yaml, null keys, node
// properties, flow collections, quoting, block scalars, comments, document markers and tabs.
export const fragment = fc.constantFrom(
  'x', 'Stadt Drensteinfurt', 'Südwestfalen-IT', '1', '-0', '1.5', '1.0', '1_000', '0b11', '0x1F', '0o17', '0o', '00012', '1e3', '.5',
  '+12', '.inf', '-.Inf', '.NaN', 'null', 'Null', '~', 'true', 'True', 'no', 'yes', 'on', '2023-10-30', '2023-10-30T06:45:00+01:00',
  'A & B', 'Wichtig!', '*x', '&a', '!tag', '!!str', '<<', '__proto__', 'a: b', '#', ' # c', '"q"', "'s'", '"a\\nb"', '"\\x41"',
  "'it''s'", '[a, b]', '{a: 1}', '[a]', '{}', '[]', '|', '>', '|-', '>+', '-', '?', '%', ':', '', 'ä', '\t', '...', '---', '`x`', '@x',
  '10.0.0.1', 'C:\\Temp', '"', "'", '\\', ',', '12345678901234567890', 'INC-2023-4711', '\u00a0', '\u2028', '\r', '\r\n', '\ufeff', '\u0085',
);
const scalarText = fc.oneof(
  { weight: 3, arbitrary: fragment },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'ab :-#"\'[]{},&*!?|>%@`\\\t.01~ä'), maxLength: 10 }) },
);
const line = fc
  .record({
    indent: fc.constantFrom('', '', '  ', '    ', ' ', '\t'),
    dash: fc.constantFrom('', '', '- ', '- - '),
    key: fc.option(scalarText, { nil: undefined }),
    separator: fc.constantFrom(': ', ':', ' : ', ':  '),
    value: scalarText,
    comment: fc.constantFrom('', '', ' # note'),
  })
  .map(({ indent, dash, key, separator, value, comment }) => `${indent}${dash}${key === undefined ? '' : key + separator}${value}${comment}`);
/** Lines of YAML-like text. */
export const yamlish = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

/** Well-formed block structure (mappings and lists of mappings, as in a report) with raw scalar text. */
type Tree = string | { map: Array<[string, Tree]> } | { seq: Tree[] };
const plainWord = fc.constantFrom('name', 'status', 'at', 'text', 'Bürgerbüro', 'major_outage', '2023-10-30T06:45:00+01:00', 'unknown', '42', 'E-Mail');
const treeScalar = fc.oneof({ weight: 3, arbitrary: plainWord }, { weight: 2, arbitrary: scalarText });
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    treeScalar,
    fc.record({ map: fc.uniqueArray(fc.tuple(treeScalar, tie('tree')), { minLength: 1, maxLength: 4, selector: ([key]) => key }) }),
    fc.record({ seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
  ),
}));
function render(node: Tree, indent: string): string {
  if (typeof node === 'string') return ' ' + node;
  if ('map' in node) return node.map.map(([key, value]) => `\n${indent}${key}:${render(value, indent + '  ')}`).join('');
  // A collection in a list starts on the dash's line, as reports write it (`- name: …`, `- - a`).
  return node.seq
    .map((item) => {
      if (typeof item === 'string') return `\n${indent}-${render(item, indent + '  ')}`;
      const inner = render(item, indent + '  ');
      return `\n${indent}- ${inner.slice(indent.length + 3)}`;
    })
    .join('');
}
/** Report-shaped documents: top-level fields with nested mappings and lists. */
export const structured = fc
  .uniqueArray(fc.tuple(fc.constantFrom('id', 'title', 'status', 'affected_services', 'updates', 'data_loss'), tree), {
    minLength: 1,
    maxLength: 5,
    selector: ([key]) => key,
  })
  .map((fields) => fields.map(([key, value]) => `${key}:${render(value, '  ')}`).join('\n'));


/**
 * Block YAML in the many layouts people write: any indentation step, lists at their key's column or
 * deeper, several spaces after a dash, comments and blank lines anywhere, trailing blanks, CRLF,
 * spaces before a colon, quoted values with `#` and `: ` inside, values that go on over several
 * lines, block scalars and flow collections. Keys are mostly plain words (some `True`, some quoted).
 */
type LayoutTree = { scalar: string } | { map: Array<[string, LayoutTree]> } | { seq: LayoutTree[] };
const layoutScalar = fc.oneof(
  { weight: 6, arbitrary: plainWord },
  { weight: 3, arbitrary: fragment },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '"a # b"', "'x: y'", '"say \\"hi\\""', "'it''s # ok'", '"ends\\\\"', 'C#', 'a#b', 'Uhr: 9', 'x:y', 'https://example.org/a#b',
      'text\n  continued', 'text\n\n  after a blank', '"open\n  quote"', '|\n  block', '>-\n  folded\n  text', '[a, b]', '{a: 1}',
      '-5', '-x', '?x', ':x', 'a - b', '"q"  # c', "'s'\t# c", 'plain   # c', '"x" y', 'trailing   ', 'x\t',
    ),
  },
);
const layoutKey = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('name', 'status', 'at', 'text', 'workaround', 'restored_at', 'role', 'x-ticket', '_a', 'a_b-c') },
  { weight: 1, arbitrary: fc.constantFrom('True', 'FALSE', 'true', '"quoted"', 'Straße', 'zwei Worte', '1', 'status ') },
);
const { layoutTree } = fc.letrec<{ layoutTree: LayoutTree }>((tie) => ({
  layoutTree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    layoutScalar.map((scalar) => ({ scalar })),
    fc.record({ map: fc.uniqueArray(fc.tuple(layoutKey, tie('layoutTree')), { minLength: 1, maxLength: 4, selector: ([key]) => key.trim() }) }),
    fc.record({ seq: fc.array(tie('layoutTree'), { minLength: 1, maxLength: 3 }) }),
  ),
}));
const layoutStyle = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  listAtKeyColumn: fc.boolean(),
  afterDash: fc.constantFrom(' ', ' ', '  ', '   '),
  afterColon: fc.constantFrom(' ', ' ', '  ', '\t'),
  beforeColon: fc.constantFrom('', '', '', ' '),
  newline: fc.constantFrom('\n', '\n', '\n', '\r\n'),
  comments: fc.array(fc.tuple(fc.nat(40), fc.constantFrom('# note', '', '   ', '  # indented note', '      # deep note')), { maxLength: 3 }),
  trailing: fc.constantFrom('', '', ' ', '  # end'),
});
type LayoutStyle = typeof layoutStyle extends fc.Arbitrary<infer T> ? T : never;
function renderLayout(node: LayoutTree, column: number, style: LayoutStyle, lines: string[], prefix: string): void {
  const pad = (n: number) => ' '.repeat(n);
  if ('scalar' in node) {
    const [first, ...rest] = node.scalar.split('\n');
    lines.push(`${prefix}${first}${style.trailing}`);
    for (const line of rest) lines.push(line === '' ? '' : pad(column) + line.trimStart());
    return;
  }
  if ('map' in node) {
    node.map.forEach(([key, value], i) => {
      const lead = i === 0 ? prefix : pad(column);
      const head = `${lead}${key}${style.beforeColon}:`;
      if ('scalar' in value) return renderLayout(value, column + style.step, style, lines, head + style.afterColon);
      lines.push(head);
      const inner = 'seq' in value && style.listAtKeyColumn ? column : column + style.step;
      renderLayout(value, inner, style, lines, pad(inner));
    });
    return;
  }
  node.seq.forEach((item, i) => {
    const lead = i === 0 ? prefix : pad(column);
    // A collection in an item starts on the dash's line; its further lines align with its first.
    renderLayout(item, column + 1 + style.afterDash.length, style, lines, `${lead}-${style.afterDash}`);
  });
}
/** Report-shaped frontmatter in varied layouts (see above). */
export const layouts = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom('id', 'title', 'status', 'affected_services', 'updates', 'data_loss', 'contacts'), layoutTree), {
      minLength: 1,
      maxLength: 5,
      selector: ([key]) => key,
    }),
    layoutStyle,
  )
  .map(([fields, style]) => {
    const lines: string[] = [];
    for (const [key, value] of fields) renderLayout({ map: [[key, value]] }, 0, style, lines, '');
    for (const [at, comment] of style.comments) lines.splice(at % (lines.length + 1), 0, comment);
    return lines.join(style.newline);
  });
