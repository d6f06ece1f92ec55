import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { loadPlainYaml } from '../../src/core/yamlData';
import { parseReport } from '../../src/core/parse';

/**
 * The fast data path (js-yaml) may only accept what the `yaml` package reads without error, and must
 * give exactly its data: otherwise a report would get different findings depending on the path.
 */
function viaYaml(source: string): { errors: number; data?: unknown } {
  const doc = parseDocument(source, { version: '1.2', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { errors: doc.errors.length };
  try {
    return { errors: 0, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { errors: 1 };
  }
}

/** Asserts the agreement; returns whether the fast path took the document. */
function agrees(source: string): boolean {
  const fast = loadPlainYaml(source);
  if (!fast) return false;
  const full = viaYaml(source);
  assert.equal(full.errors, 0, `js-yaml accepted what yaml rejects: ${JSON.stringify(source)}`);
  assert.deepStrictEqual(fast.data, full.data, `different data for ${JSON.stringify(source)}`);
  return true;
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const EXAMPLES = join(__dirname, '..', '..', 'examples');

function frontmatterOf(text: string): string | null {
  const report = parseReport(text);
  return report.frontmatter.kind === 'yaml' ? report.frontmatter.source : null;
}

const documents = [
  ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name, 'input.md')),
  ...readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(EXAMPLES, name)),
];

// Fragments that make parsers disagree: number forms of YAML 1.1 and of js-yaml, null keys, node
// properties, flow collections, quoting, block scalars, comments, document markers and tabs.
const fragment = fc.constantFrom(
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
const yamlish = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

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
const structured = fc
  .uniqueArray(fc.tuple(fc.constantFrom('id', 'title', 'status', 'affected_services', 'updates', 'data_loss'), tree), {
    minLength: 1,
    maxLength: 5,
    selector: ([key]) => key,
  })
  .map((fields) => fields.map(([key, value]) => `${key}:${render(value, '  ')}`).join('\n'));

describe('fast YAML data path', () => {
  it('agrees with `yaml` on every fixture and example frontmatter, and takes all but the broken ones', () => {
    const slow: string[] = [];
    for (const file of documents) {
      const source = frontmatterOf(readFileSync(file, 'utf8'));
      if (source !== null && !agrees(source)) slow.push(file.split(/[\\/]/).slice(-2, -1)[0]!);
    }
    assert.deepStrictEqual(slow.sort(), ['alias-bomb', 'duplicate-key', 'yaml-bad-indent', 'yaml-syntax-error']);
  });

  it('agrees with `yaml` on generated YAML-like text', () => {
    let fast = 0;
    fc.assert(
      fc.property(yamlish, (source) => {
        if (agrees(source)) fast++;
      }),
      { numRuns: 4000, seed: 20231030 },
    );
    // Not vacuous: some of the generated lines form documents plain enough for js-yaml.
    assert.ok(fast > 150, `only ${fast} of 4000 generated documents took the fast path`);
  });

  it('agrees with `yaml` on generated report-shaped documents', () => {
    let fast = 0;
    fc.assert(
      fc.property(structured, (source) => {
        if (agrees(source)) fast++;
      }),
      { numRuns: 3000, seed: 20221104 },
    );
    assert.ok(fast > 600, `only ${fast} of 3000 generated documents took the fast path`);
  });

  it('agrees with `yaml` on mutated fixture frontmatter', () => {
    const sources = documents.map((file) => frontmatterOf(readFileSync(file, 'utf8'))).filter((s): s is string => s !== null);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.nat(), fragment, (source, at, inserted) => {
        const position = at % (source.length + 1);
        agrees(source.slice(0, position) + inserted + source.slice(position));
      }),
      { numRuns: 2000, seed: 4711 },
    );
  });

  it('leaves anchors, aliases, tags, directives, explicit and collection keys to `yaml`', () => {
    for (const source of ['a: &x 1\nb: *x', 'a: !!str 1', '%YAML 1.2\n---\na: 1', '? a\n: b', '[a, b]: c', '{a: 1}: b', '~: x', 'null: x']) {
      assert.equal(loadPlainYaml(source), undefined, source);
    }
  });

  it('reads YAML 1.2 core scalars as `yaml` does', () => {
    assert.deepStrictEqual(loadPlainYaml('a: 1_000\nb: 0b11\nc: 0o17\nd: 0x1F\ne: 1e3\nf: no\ng: 2023-10-30\nh:\ni: .NaN')?.data, {
      a: '1_000',
      b: '0b11',
      c: 15,
      d: 31,
      e: 1000,
      f: 'no',
      g: '2023-10-30',
      h: null,
      i: NaN,
    });
    assert.deepStrictEqual(loadPlainYaml('# only a comment')?.data, null);
  });
});
