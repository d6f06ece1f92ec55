import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE } from './fixtureFormat';

const FIXTURES = join(__dirname, '..', 'fixtures');
const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
const summary = (text: string) =>
  linter.lint(text).findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.path} ${f.message}`);

describe('positions', () => {
  const inputs = readdirSync(FIXTURES)
    .map((name) => ({ name, text: readFileSync(join(FIXTURES, name, 'input.md'), 'utf8') }))
    .filter(({ text }) => !text.includes('\r\n') && !text.startsWith('\uFEFF'));

  it('are the same with CRLF line endings for every LF fixture', () => {
    for (const { name, text } of inputs) {
      assert.deepEqual(summary(text.replace(/\n/g, '\r\n')), summary(text), name);
    }
  });

  it('are the same after a UTF-8 BOM for every fixture', () => {
    for (const { name, text } of inputs) {
      assert.deepEqual(summary('\uFEFF' + text), summary(text), name);
    }
  });

  it('lie inside the document and map back to the offsets', () => {
    for (const { name, text } of inputs) {
      const { findings, report } = linter.lint(text);
      for (const f of findings) {
        assert.ok(f.offset >= 0 && f.endOffset <= report.text.length && f.offset <= f.endOffset, `${name}: ${f.offset}-${f.endOffset}`);
        const lineStart = report.text.split('\n').slice(0, f.line - 1).join('\n').length + (f.line > 1 ? 1 : 0);
        assert.equal(lineStart + f.column - 1, f.offset, `${name}: ${f.ruleId} ${f.line}:${f.column}`);
      }
    }
  });

  it('count an umlaut as one column', () => {
    const text = readFileSync(join(FIXTURES, 'non-ascii-columns', 'input.md'), 'utf8');
    const finding = linter.lint(text).findings.find((f) => f.path === '/affected_services/1/status');
    assert.ok(finding);
    const line = text.split('\n')[finding.line - 1]!;
    assert.equal(line.slice(finding.column - 1, finding.endColumn - 1), 'gestört');
  });
});
