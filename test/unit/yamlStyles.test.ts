import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parsePointer } from '../../src/core/yaml/pointer';
import { buildModel, CONFIDENTIAL_OUTPUTS, createLinter, parseReport, PUBLIC_OUTPUTS, type Finding, type LintContext, type Linter } from '../../src/core';
import { corpusReports } from '../../bench/generate.mjs';
import { FIXTURE_NOW, fixtureCases, type FixtureCase } from './fixtureFormat';
import { documents } from './yamlArbitraries';
import { countsAsMeant } from './countsAsMeant';
import { restyle, STYLES, type Style } from './yamlRestyle';

/**
 * Metamorphic tests of the one YAML reader (src/core/yaml/): the same facts written in other valid
 * YAML styles must give the same findings (rule, severity, pointer, message) and the same rendered
 * outputs, and every finding about an existing field must lie within that field's text. Inputs are
 * every fixture, every example and generated reports (bench/generate.mjs); each style is applied on
 * its own and in random combinations.
 */

/**
 * Rules about how a value is written rather than what it says: `41.000` is a count that YAML read
 * as 41 (`count-format`); written anew from the data it is 41, and the finding is rightly gone.
 * `title: Lagebericht #3` is the title "Lagebericht" and a comment (`yaml-comment-in-value`);
 * written anew from the data, the comment is gone and so is the finding.
 */
const ABOUT_THE_WRITING = new Set(['count-format', 'yaml-comment-in-value']);

/** What must not depend on the style: the findings without their positions. */
function facts(findings: readonly Finding[]): string[] {
  return findings.filter((f) => !ABOUT_THE_WRITING.has(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.path ?? '-'} ${f.message}`).sort();
}

/** Every output rendered from the report (public ones through the publication model, drafts from the report). */
function outputs(text: string): Record<string, string> {
  const report = parseReport(text);
  const rendered: Record<string, string> = {};
  const options = { now: FIXTURE_NOW };
  for (const output of PUBLIC_OUTPUTS) {
    for (const format of output.formats) rendered[`${output.id}.${format}`] = output.render([buildModel(report, options)], format, options);
  }
  for (const output of CONFIDENTIAL_OUTPUTS) {
    for (const format of output.formats) rendered[`${output.id}.${format}`] = output.render([report], format, options);
  }
  return rendered;
}

/**
 * The text of the field at `pointer`, found with the `yaml` package's own collection API (not the
 * reader's lookup, which is what is tested): from its key (or, for a list item, its first
 * character) to the end of its value. `null` when there is no such field.
 */
function fieldText(doc: Document.Parsed, pointer: string): [number, number] | null {
  const segments = parsePointer(pointer);
  let parent: unknown = doc.contents;
  for (const segment of segments.slice(0, -1)) parent = isSeq(parent) ? parent.get(Number(segment), true) : isMap(parent) ? parent.get(segment, true) : undefined;
  const last = segments.at(-1)!;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last);
    const key = pair?.key as Node | undefined;
    if (!key?.range) return null;
    return [key.range[0], (pair!.value as Node | null)?.range?.[1] ?? key.range[1]];
  }
  const item = isSeq(parent) && /^\d+$/.test(last) ? (parent.get(Number(last), true) as Node | undefined) : undefined;
  return item?.range ? [item.range[0], item.range[1]] : null;
}

/** Every finding about a field that exists lies within the field's text (see {@link fieldText}). */
function assertWithinFields(text: string, findings: readonly Finding[], context: string): number {
  const report = parseReport(text);
  const yaml = report.yaml;
  if (report.frontmatter.kind !== 'yaml' || !yaml || report.yamlErrors.length > 0) return 0;
  let checked = 0;
  for (const finding of findings) {
    if (finding.path === null) continue;
    const field = fieldText(yaml.doc, finding.path);
    if (!field) continue;
    const [start, end] = [yaml.offset + field[0], yaml.offset + field[1]];
    assert.ok(
      finding.offset >= start && finding.endOffset <= end,
      `${context}: ${finding.ruleId} at ${finding.line}:${finding.column} (${JSON.stringify(text.slice(finding.offset, finding.endOffset))}) lies outside ${finding.path} (${JSON.stringify(text.slice(start, end))})`,
    );
    checked++;
  }
  return checked;
}

/** A document to restyle: its text, how to lint it, and a name for messages. */
interface Case {
  name: string;
  text: string;
  lint: (text: string) => Finding[];
}

function caseOf(name: string, text: string, linter: Linter, context: () => LintContext = () => ({})): Case {
  return { name, text, lint: (input) => linter.lint(input, context()).findings };
}

const exampleLinter = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => FIXTURE_NOW });
const fixtures: Case[] = fixtureCases()
  // A size limit counts characters, which another style changes.
  .filter((fixture: FixtureCase) => !fixture.options.maxSize)
  .map((fixture) => caseOf(fixture.name, fixture.input, fixture.linter('en'), fixture.context));
const examples: Case[] = documents.filter((file) => file.includes('examples')).map((file) => caseOf(file, readFileSync(file, 'utf8'), exampleLinter));
const generated: Case[] = corpusReports(100).map(({ name, text }) => caseOf(name, text, exampleLinter));

/** Asserts the same facts and outputs for `styles`; returns whether the case could be restyled. */
function agrees(item: Case, styles: readonly Style[]): boolean {
  const before = item.lint(item.text);
  const restyled = restyle(countsAsMeant(item.text, before), styles);
  if (restyled === null) return false;
  const context = `${item.name} in ${styles.map((s) => s.name).join(' + ')}`;
  const after = item.lint(restyled);
  assert.deepStrictEqual(facts(after), facts(before), `${context}:\n${restyled}`);
  assert.deepStrictEqual(outputs(restyled), outputs(item.text), `${context}: rendered outputs differ`);
  assertWithinFields(restyled, after, context);
  return true;
}

describe('one YAML reader: the same facts in any YAML style', function () {
  this.timeout(600_000);

  for (const style of STYLES) {
    it(`${style.name}: same findings and outputs for every fixture, example and generated report`, () => {
      let compared = 0;
      for (const item of [...fixtures, ...examples, ...generated]) if (agrees(item, [style])) compared++;
      assert.ok(compared > 150, `only ${compared} documents compared`);
    });
  }

  it('any combination of styles: same findings and outputs', () => {
    const all = [...fixtures, ...examples, ...generated];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.subarray([...STYLES], { minLength: 2 }), (item, styles) => {
        // Flow collections cannot hold block scalars: `yaml` writes those styles as quoted then.
        agrees(item, styles);
      }),
      { numRuns: 300, seed: 2323 },
    );
  });
});

describe('one YAML reader: findings lie within their fields', () => {
  it('for every fixture, example and generated report', () => {
    let checked = 0;
    for (const item of [...fixtures, ...examples, ...generated]) checked += assertWithinFields(item.text, item.lint(item.text), item.name);
    assert.ok(checked > 150, `only ${checked} findings on existing fields`);
  });
});
