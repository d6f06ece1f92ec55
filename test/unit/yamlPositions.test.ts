import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isScalar, parseDocument, type Node } from 'yaml';
import { fieldPointer, formatPointer, locate, parsePointer, rangeForPointer, walkScalars, type Located } from '../../src/core/pointer';
import { loadPlainYaml } from '../../src/core/yamlData';
import { frontmatterNodes, scalarVia, YAML_PARSE_OPTIONS } from '../../src/core/yamlPositions';
import { documents, fragment, frontmatterOf, layouts, structured, yamlish } from './yamlArbitraries';
import { largeReport } from '../../bench/generate.mjs';

/**
 * Locating a node by parsing only its top-level entry must give exactly what the whole positioned
 * document gives: the same node kind, value range, key range and finding range, for every field
 * and for missing ones, and the same scalars to scan.
 */

/** Every pointer into `data`, plus a missing child of each mapping and one index past each list. */
function pointersOf(data: unknown, segments: Array<string | number> = [], out: string[] = []): string[] {
  // Not the root itself: findings are about fields (rangeForPointer never asks for the root).
  if (segments.length > 0) out.push(formatPointer(segments));
  if (Array.isArray(data)) {
    data.forEach((item, index) => pointersOf(item, [...segments, index], out));
    out.push(formatPointer([...segments, data.length]));
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) pointersOf(value, [...segments, key], out);
    out.push(formatPointer([...segments, 'no_such_field']));
  }
  return out;
}

function describeLocated(located: Located | null): unknown {
  if (!located) return null;
  const range = (node: Node | null | undefined) => (node?.range ? [node.range[0], node.range[1]] : null);
  return {
    type: located.value ? (isScalar(located.value) ? `scalar:${located.value.type}` : located.value.constructor.name) : null,
    value: range(located.value),
    key: range(located.pair?.key as Node | undefined),
    // Only its kind: the parent of a top-level field is the mapping of its own entry (see FrontmatterNodes).
    parent: located.parent ? located.parent.constructor.name : null,
  };
}

function scalarsOf(walk: (visit: (node: Node, pointer: string) => void) => void): string[] {
  const seen: string[] = [];
  walk((node, pointer) => seen.push(`${pointer} ${JSON.stringify(node.range?.slice(0, 2))}`));
  return seen.sort();
}

/** How often `rangeOf` and `scalar` were answered by the line scan, without parsing any YAML. */
export const lineScanned = { asked: 0, answered: 0 };

/** Asserts the agreement for one frontmatter; returns whether it was compared (the fast path read it). */
function agrees(source: string, every = 1): boolean {
  const fast = loadPlainYaml(source);
  if (!fast) return false;
  const whole = parseDocument(source, YAML_PARSE_OPTIONS);
  let wholeBuilt = 0;
  const nodes = frontmatterNodes(source, () => (wholeBuilt++, parseDocument(source, YAML_PARSE_OPTIONS)));
  // A second set, used only for `rangeOf` and `scalar`: whether they parsed any YAML shows in
  // `parsedEntries` and in the whole document being built (the line scan parses none).
  let wholeParsed = 0;
  const scanning = frontmatterNodes(source, () => (wholeParsed++, parseDocument(source, YAML_PARSE_OPTIONS)), fast.data);
  const parses = () => wholeParsed + scanning.parsedEntries;
  const wholeScalar = (pointer: string) => scalarVia((p) => locate(whole, p), pointer);
  for (const pointer of pointersOf(fast.data).filter((_, i) => i % every === 0)) {
    const context = `${pointer} in ${JSON.stringify(source)}`;
    assert.deepStrictEqual(describeLocated(nodes.locate(pointer)), describeLocated(locate(whole, pointer)), context);
    for (const prefer of ['value', 'key'] as const) {
      assert.deepStrictEqual(rangeForPointer(nodes.locate, pointer, prefer), rangeForPointer(whole, pointer, prefer), `${prefer} range of ${context}`);
      const before = parses();
      assert.deepStrictEqual(scanning.rangeOf(pointer, prefer), rangeForPointer(whole, pointer, prefer), `scanned ${prefer} range of ${context}`);
      lineScanned.asked++;
      if (parses() === before) lineScanned.answered++;
    }
    const before = parses();
    assert.deepStrictEqual(scanning.scalar(pointer), wholeScalar(pointer), `scalar at ${context}`);
    lineScanned.asked++;
    if (parses() === before) lineScanned.answered++;
  }
  assert.deepStrictEqual(scalarsOf((visit) => nodes.walkScalars(visit)), scalarsOf((visit) => walkScalars(whole, visit)), JSON.stringify(source));
  return wholeBuilt === 0;
}

describe('frontmatter positions by top-level entry', function () {
  // Every field of every document is located twice: thorough, and slow on a busy machine.
  this.timeout(180_000);

  it('agree with the whole document on every fixture and example, without building it', () => {
    const scannedBefore = { ...lineScanned };
    let compared = 0;
    const whole: string[] = [];
    for (const file of documents) {
      const source = frontmatterOf(readFileSync(file, 'utf8'));
      if (source === null || !loadPlainYaml(source)) continue;
      compared++;
      if (!agrees(source)) whole.push(file);
    }
    assert.ok(compared > 60, `only ${compared} frontmatters compared`);
    // Reports split into entries: only a root that is no mapping and keys that need quotes take the whole document.
    assert.deepStrictEqual(
      whole.map((file) => file.split(/[\\/]/).slice(-2, -1)[0]),
      ['frontmatter-not-mapping', 'json-pointer-escape'],
    );
    const asked = lineScanned.asked - scannedBefore.asked;
    const answered = lineScanned.answered - scannedBefore.answered;
    // Nearly every field of a real report is placed by the line scan alone (11,093 of 11,640 when written).
    assert.ok(answered > asked * 0.9, `the line scan answered ${answered} of ${asked}`);
  });

  it('agree with the whole document on a 1 MB report', () => {
    const source = frontmatterOf(largeReport())!;
    // Every 101st of its 30,000 fields: locating in the whole document is linear, the test quadratic.
    assert.ok(agrees(source, 101));
  });

  it('agree with the whole document on generated report-shaped documents', () => {
    let compared = 0;
    fc.assert(
      fc.property(structured, (source) => {
        if (loadPlainYaml(source)) compared++;
        agrees(source);
      }),
      { numRuns: 1500, seed: 20231031 },
    );
    assert.ok(compared > 250, `only ${compared} of 1500 generated documents compared`);
  });

  it('agree with the whole document on generated block YAML in varied layouts', () => {
    let compared = 0;
    const scannedBefore = { ...lineScanned };
    fc.assert(
      fc.property(layouts, (source) => {
        if (loadPlainYaml(source)) compared++;
        agrees(source);
      }),
      { numRuns: 3000, seed: 20231030 },
    );
    assert.ok(compared > 1000, `only ${compared} of 3000 generated documents compared`);
    // 63,155 of 64,908 when written: the scan gives up only where it must.
    const [answered, asked] = [lineScanned.answered - scannedBefore.answered, lineScanned.asked - scannedBefore.asked];
    assert.ok(answered > asked * 0.8, `the line scan answered ${answered} of ${asked}`);
  });

  it('agree with the whole document on generated YAML-like text', () => {
    let compared = 0;
    fc.assert(
      fc.property(yamlish, (source) => {
        if (loadPlainYaml(source)) compared++;
        agrees(source);
      }),
      { numRuns: 2000, seed: 20231101 },
    );
    assert.ok(compared > 75, `only ${compared} of 2000 generated documents compared`);
  });

  it('agree with the whole document on mutated fixture frontmatter', () => {
    const sources = documents.map((file) => frontmatterOf(readFileSync(file, 'utf8'))).filter((s): s is string => s !== null);
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.nat(), fragment, (source, at, inserted) => {
        const position = at % (source.length + 1);
        agrees(source.slice(0, position) + inserted + source.slice(position));
      }),
      { numRuns: 400, seed: 1030 },
    );
  });

  it('use the whole document where the entries do not split cleanly', () => {
    for (const source of ['"quoted key": 1\nb: 2', '- a\n- b', 'a: 1\nb c: 2']) {
      assert.equal(agrees(source), false, source);
    }
  });
});

describe('JSON Pointer segments (RFC 6901)', () => {
  it('builds field pointers once, equal to formatPointer, however often and in whatever order they are asked for', () => {
    const segment = fc.oneof(fc.nat(300), fc.constantFrom('updates', 'at', 'text', 'a/b', 'c~d', '', '0', 'timestamps'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('updates', 'data_loss', 'x/y', '~'), fc.option(segment, { nil: undefined }), fc.option(segment, { nil: undefined })), { maxLength: 20 }), (asks) => {
        for (const [first, second, third] of asks) {
          const segments = [first, second, third].filter((s) => s !== undefined);
          // A third segment without a second is no pointer any caller builds.
          if (second === undefined && third !== undefined) continue;
          assert.equal(fieldPointer(first, second, third), formatPointer(segments), JSON.stringify(segments));
        }
      }),
      { numRuns: 3000, seed: 2024 },
    );
  });


  it('escapes `~` and `/` and round-trips through parsePointer', () => {
    assert.equal(formatPointer(['a/b', 'c~d', 0, '~1', '']), '/a~1b/c~0d/0/~01/');
    const segment = fc.oneof(fc.nat(99), fc.array(fc.constantFrom('~', '/', '0', '1', 'a', ' '), { maxLength: 5 }).map((chars) => chars.join('')));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        assert.deepStrictEqual(parsePointer(formatPointer(segments)), segments.map(String));
      }),
      { numRuns: 3000, seed: 6901 },
    );
  });
});
