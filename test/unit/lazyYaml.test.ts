import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createLinter } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE } from './fixtureFormat';

/**
 * A clean report is linted from the fast data path alone: the `yaml` Document with positions (ten
 * times slower to build) is made only when a finding needs a position.
 */
const yamlModule = createRequire(__filename)('yaml') as typeof import('yaml');
const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
const EXAMPLES = join(__dirname, '..', '..', 'examples');

function countDocuments(run: () => void): number {
  const original = yamlModule.parseDocument;
  let count = 0;
  (yamlModule as { parseDocument: unknown }).parseDocument = (...args: Parameters<typeof original>) => {
    count++;
    return original(...args);
  };
  try {
    run();
  } finally {
    (yamlModule as { parseDocument: unknown }).parseDocument = original;
  }
  return count;
}

describe('YAML document built only when needed', () => {
  it('is not built for a clean report', () => {
    const text = readFileSync(join(EXAMPLES, 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8');
    let findings = -1;
    assert.equal(countDocuments(() => (findings = linter.lint(text).findings.length)), 0);
    assert.equal(findings, 0);
  });

  it('is not built when a finding needs a position that a line scan can tell, and the position is exact', () => {
    const text = readFileSync(join(EXAMPLES, 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8').replace(
      /^status: \w+$/m,
      'status: brennt',
    );
    let result: ReturnType<typeof linter.lint> | undefined;
    assert.equal(countDocuments(() => (result = linter.lint(text))), 0);
    const finding = result!.findings.find((f) => f.path === '/status');
    assert.ok(finding, 'a finding for /status');
    assert.equal(text.slice(finding.offset, finding.endOffset), 'brennt');
  });

  it('is built once, for that field only, when the line scan cannot tell, and the position is exact', () => {
    // A value on the line after its key: a plain scalar that the line scan leaves to `yaml`.
    const text = readFileSync(join(EXAMPLES, 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8').replace(
      /^status: \w+$/m,
      'status:\n  brennt',
    );
    let result: ReturnType<typeof linter.lint> | undefined;
    const documents: Array<{ toString(): string }> = [];
    const original = yamlModule.parseDocument;
    (yamlModule as { parseDocument: unknown }).parseDocument = (...args: Parameters<typeof original>) => {
      const doc = original(...args);
      documents.push(doc);
      return doc;
    };
    try {
      result = linter.lint(text);
    } finally {
      (yamlModule as { parseDocument: unknown }).parseDocument = original;
    }
    assert.deepStrictEqual(documents.map(String), ['status: brennt\n']);
    const finding = result.findings.find((f) => f.path === '/status');
    assert.ok(finding, 'a finding for /status');
    assert.equal(text.slice(finding.offset, finding.endOffset), 'brennt');
  });

  it('is built for a placeholder in a value, which is then placed exactly', () => {
    const text = readFileSync(join(EXAMPLES, 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8').replace(
      /^title: (.*)$/m,
      'title: $1 TODO',
    );
    let result: ReturnType<typeof linter.lint> | undefined;
    assert.equal(countDocuments(() => (result = linter.lint(text))), 1);
    const finding = result!.findings.find((f) => f.ruleId === 'placeholder');
    assert.equal(finding?.path, '/title');
    assert.equal(text.slice(finding!.offset, finding!.endOffset), 'TODO');
  });
});
