import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLinter, type LintResult } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE } from './fixtureFormat';

/**
 * Property-based hardening: over arbitrary text and over mutations of the fixtures the engine never
 * throws, returns findings inside the document whose line/column agree with their offsets, and is
 * deterministic. The mocha timeout bounds the time a whole property may take on CI.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const seeds = readdirSync(FIXTURES).map((name) => readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'));
const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });

function checkInvariants(input: string, result: LintResult): void {
  const text = result.report.text;
  assert.equal(text, input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const f of result.findings) {
    assert.ok(f.offset >= 0 && f.offset <= f.endOffset && f.endOffset <= text.length, `range ${f.offset}-${f.endOffset} of ${text.length}`);
    assert.equal(lineStarts[f.line - 1]! + f.column - 1, f.offset, `start ${f.line}:${f.column} ≠ offset ${f.offset}`);
    assert.equal(lineStarts[f.endLine - 1]! + f.endColumn - 1, f.endOffset, `end ${f.endLine}:${f.endColumn} ≠ offset ${f.endOffset}`);
    assert.ok(f.message.length > 0 && !f.message.includes('undefined'), `message: ${f.message}`);
    assert.ok(f.path === null || f.path === '' || f.path.startsWith('/'), `path ${f.path}`);
  }
}

/** A mutation of a fixture: characters or lines inserted, deleted, duplicated or swapped. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('insert', 'delete', 'duplicate-line', 'delete-line', 'swap-lines'),
        at: fc.nat(),
        text: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom(':', '-', '---', '\n', '\r\n', '  ', '\t', '"', "'", '[', '{', '&a', '*a', '#', '<x>', 'TODO', '\uFEFF', '\u0000', 'ü'),
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ seed, edits }) => {
    let text = seed;
    for (const edit of edits) {
      const at = text.length === 0 ? 0 : edit.at % text.length;
      const lines = text.split('\n');
      const line = lines.length === 0 ? 0 : edit.at % lines.length;
      switch (edit.kind) {
        case 'insert':
          text = text.slice(0, at) + edit.text + text.slice(at);
          break;
        case 'delete':
          text = text.slice(0, at) + text.slice(at + 1 + (edit.text.length % 5));
          break;
        case 'duplicate-line':
          lines.splice(line, 0, lines[line] ?? '');
          text = lines.join('\n');
          break;
        case 'delete-line':
          lines.splice(line, 1);
          text = lines.join('\n');
          break;
        case 'swap-lines': {
          const other = (line + 1) % lines.length;
          [lines[line], lines[other]] = [lines[other]!, lines[line]!];
          text = lines.join('\n');
          break;
        }
      }
    }
    return text;
  });

describe('engine properties', function () {
  this.timeout(120_000);

  it('never throws and keeps its invariants on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => '---\n' + s + '\n---\n' + s)), (text) => {
        checkInvariants(text, linter.lint(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws and keeps its invariants on mutated fixtures', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        checkInvariants(text, linter.lint(text));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const strip = (r: LintResult) => r.findings.map((f) => ({ ...f }));
        assert.deepEqual(strip(linter.lint(text)), strip(linter.lint(text)));
      }),
      { numRuns: 100 },
    );
  });
});
