import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { loadPlainYaml } from '../../src/core/yamlData';
import { readBlockYaml } from '../../src/core/yamlBlock';
import { largeReport } from '../../bench/generate.mjs';
import { documents, fragment, frontmatterOf, layouts, structured, yamlish } from './yamlArbitraries';

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

  it('leaves list items with nothing on their line to `yaml`, at the line start and indented', () => {
    for (const source of ['list:\n- a\n-', 'list:\n- a\n- # note', '-\n- a', 'list:\n  - a\n  -\t', 'outer:\n  - - a\n    -\n  - b']) {
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

  it('resolves every plain scalar as `yaml` does (nulls, booleans, ints and floats by their quick pre-tests)', () => {
    const scalarChar = fc.constantFrom('0', '1', '7', '9', 'a', 'e', 'E', 'f', 'F', 'x', 'o', '.', '+', '-', '_', 'i', 'n', 'N', 'I', 'u', 'l', 'L', 't', 'T', 'r', 's', '~');
    const words = fc.constantFrom('null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '0o17', '0x1F', '0b11', '1e3', '-.5', '+1.', '1_000');
    let numbers = 0;
    fc.assert(
      fc.property(fc.oneof(words, fc.array(scalarChar, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''))), (scalar) => {
        const source = `value: ${scalar}`;
        if (agrees(source) && typeof loadPlainYaml(source)?.data === 'object') {
          const value = (loadPlainYaml(source)!.data as { value: unknown }).value;
          if (typeof value === 'number') numbers++;
        }
      }),
      { numRuns: 6000, seed: 1200 },
    );
    assert.ok(numbers > 300, `only ${numbers} generated scalars were numbers`);
  });
});

/** Asserts that the line reader, where it answers, gives what `yaml` gives; returns whether it answered. */
function blockAgrees(source: string): boolean {
  const block = readBlockYaml(source);
  if (!block) return false;
  const full = viaYaml(source);
  assert.equal(full.errors, 0, `the line reader accepted what yaml rejects: ${JSON.stringify(source)}`);
  assert.deepStrictEqual(block.data, full.data, `different data for ${JSON.stringify(source)}`);
  return true;
}

describe('line reader of plain block YAML', function () {
  // Each test calls the reader on its own, without the fast path's guards in front of it.
  this.timeout(120_000);

  it('agrees with `yaml` on every fixture and example, and reads every example', () => {
    let answered = 0;
    const examplesNotRead: string[] = [];
    for (const file of documents) {
      const source = frontmatterOf(readFileSync(file, 'utf8'));
      if (source === null) continue;
      if (blockAgrees(source)) answered++;
      else if (/[\\/]examples[\\/]/.test(file)) examplesNotRead.push(file);
    }
    assert.deepStrictEqual(examplesNotRead, []);
    assert.ok(answered > 60, `read only ${answered} frontmatters`);
  });

  it('agrees with `yaml` on a 1 MB report, which it reads', () => {
    assert.ok(blockAgrees(frontmatterOf(largeReport())!));
  });

  for (const [name, arbitrary, runs, least] of [
    ['block YAML in varied layouts', layouts, 6000, 500],
    ['report-shaped documents', structured, 3000, 300],
  ] as const) {
    it(`agrees with \`yaml\` wherever it answers, on generated ${name}`, () => {
      let answered = 0;
      fc.assert(
        fc.property(arbitrary, (source) => {
          if (blockAgrees(source)) answered++;
        }),
        { numRuns: runs, seed: 2911 },
      );
      assert.ok(answered > least, `answered only ${answered} of ${runs}`);
    });
  }

  it('agrees with `yaml` wherever it answers, on mutated fixture frontmatter', () => {
    const sources = documents.map((file) => frontmatterOf(readFileSync(file, 'utf8'))).filter((s): s is string => s !== null);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.nat(), fragment, (source, at, inserted) => {
        const position = at % (source.length + 1);
        blockAgrees(source.slice(0, position) + inserted + source.slice(position));
      }),
      { numRuns: 1500, seed: 2912 },
    );
  });
});
