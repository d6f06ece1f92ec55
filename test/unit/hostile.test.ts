import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, compileCustomSchema, createLinter, fixEdits, SchemaLoadError, type Finding } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE } from './fixtureFormat';

/**
 * Named hostile inputs (issue: "an engine that survives any input") and the quick-fix property.
 * Each input must give a clear finding — never an exception, never a frozen process. The mocha
 * timeout is the bound that must hold on CI.
 */
const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
const lint = (text: string) => linter.lint(text).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
const GOOD = readFileSync(join(__dirname, '..', '..', 'examples', 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8');

describe('hostile inputs', function () {
  this.timeout(60_000);

  it('an alias bomb ("billion laughs") is refused, not expanded', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill('*' + 'abcdefghij'[i - 1]).join(', ')}]`);
    assert.deepEqual(lint(bomb.join('\n') + '\n---\n'), [
      '1:1 error yaml-syntax The frontmatter expands too many aliases (`*name`) and was not read: write the values out.',
    ]);
  });

  it('deep nesting in the frontmatter gives one finding', () => {
    assert.deepEqual(lint('---\na: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n---\n').map((l) => l.replace(/^\d+:\d+ /, '')), [
      'error yaml-syntax The frontmatter is nested too deeply to be read: flatten it.',
    ]);
  });

  it('deep nesting in the body is refused with one finding instead of a slow parse', () => {
    const quotes = '>'.repeat(20_000) + ' x\n\n';
    const lists = Array.from({ length: 600 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n') + '\n\n';
    for (const nesting of [quotes, lists]) {
      const findings = lint(GOOD.replace('## Pressemitteilung', nesting + '## Pressemitteilung'));
      assert.equal(findings.length, 1);
      assert.match(findings[0]!, /^\d+:1 warning public-section The text below the frontmatter is nested too deeply to be read/);
    }
  });

  it('ordinary nesting and long thematic breaks in the body are parsed as usual', () => {
    const nesting = Array.from({ length: 20 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n') + '\n\n' + '-'.repeat(300) + '\n\n';
    const result = linter.lint(GOOD.replace('## Interne Analyse', nesting + '## Interne Analyse'));
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
    assert.ok(result.report.publicSection);
  });

  it('duplicate keys are reported once, by name', () => {
    assert.deepEqual(lint(GOOD.replace('severity: major\n', 'severity: major\nseverity: minor\n')).map((l) => l.replace(/^\d+:\d+ /, '')), [
      'error yaml-syntax Duplicate key `severity`: each field may appear only once in its mapping; remove or merge one of them.',
    ]);
  });

  it('a frontmatter without its closing fence is reported at the opening one, even when huge', () => {
    assert.deepEqual(lint('---\n' + 'a: 1\n'.repeat(200_000)), ['1:1 error frontmatter The frontmatter is not closed: add a line `---` after its last field.']);
  });

  it('a 10 MB file gets one error instead of being parsed', () => {
    assert.deepEqual(lint('---\n' + 'x'.repeat(10 * 1024 * 1024) + '\n---\n'), [
      '1:1 error size-limit This document has 10485769 characters, more than the limit of 2097152: it was not checked, so nothing in it may be published. Split it, or raise the limit (CLI `--max-size`, setting `incidentReport.maxSize`).',
    ]);
  });

  it('binary junk and invalid UTF-8 give findings, not exceptions', () => {
    const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('utf8');
    assert.ok(lint(junk).length >= 1);
    assert.ok(lint('---\n' + junk + '\n---\n').length >= 1);
    const invalidUtf8 = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]).toString('utf8');
    assert.ok(lint(invalidUtf8).some((l) => l.includes('schema')));
  });

  it('very long lines keep exact columns', () => {
    const text = GOOD.replace('status: identified', 'status: ' + 'x'.repeat(1_000_000));
    const finding = linter.lint(text).findings.find((f) => f.path === '/status');
    assert.ok(finding);
    assert.deepEqual([finding.column, finding.endColumn - finding.column], [9, 1_000_000]);
  });

  it('hundreds of thousands of list items are linted below the size limit and skipped above it', () => {
    const many = linter.lint(GOOD.replace('iocs:\n', 'iocs:\n' + '  - a\n'.repeat(300_000)));
    assert.deepEqual(many.findings.map((f) => f.ruleId), []);
    const tooMany = 'iocs:\n' + '  - a\n'.repeat(400_000);
    assert.deepEqual(lint(GOOD.replace('iocs:\n', tooMany)).map((l) => l.split(' ').slice(1, 3).join(' ')), ['error size-limit']);
  });

  it('a custom schema with a catastrophic pattern cannot hang validation', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', pattern: '^(a+)+$' } } };
    const custom = createLinter({ schema, timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
    const text = GOOD.replace(/^id: .*$/m, `id: ${'a'.repeat(50_000)}b`);
    const findings = custom.lint(text).findings.filter((f) => f.path === '/id');
    assert.deepEqual(findings.map((f) => f.ruleId), ['schema']);
  });

  it('a custom schema with a pattern RE2 cannot run is refused with a clear reason', () => {
    assert.throws(
      () => compileCustomSchema({ type: 'object', properties: { id: { type: 'string', pattern: '^(?=a)a$' } } }),
      (error: unknown) => error instanceof SchemaLoadError && /cannot run in linear time/.test(error.message),
    );
  });
});

/** Lines of `before` that no edit touches must all appear, in order, in `after`. */
function keepsUntouchedLines(before: string, after: string, touched: (line: number) => boolean): boolean {
  const kept = before.split('\n').filter((_, index) => !touched(index));
  const result = after.split('\n');
  let at = 0;
  for (const line of kept) {
    while (at < result.length && result[at] !== line) at++;
    if (at === result.length) return false;
    at++;
  }
  return true;
}

describe('quick-fix property', function () {
  this.timeout(120_000);
  const FIXTURES = join(__dirname, '..', 'fixtures');
  const cases = readdirSync(FIXTURES)
    .map((name) => readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'))
    .flatMap((text) => {
      const result = linter.lint(text);
      return result.findings.map((finding) => ({ text: result.report.text, report: result.report, finding }));
    })
    .filter(({ report, finding }) => fixEdits(report, finding, { now: FIXTURE_NOW }).length > 0);

  it('has fixable findings to check', () => assert.ok(cases.length >= 15, `${cases.length}`));

  it('applying any offered fix keeps every other original line, in order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), ({ text, report, finding }: { text: string; report: typeof cases[0]['report']; finding: Finding }, pick) => {
        const actions = fixEdits(report, finding, { now: FIXTURE_NOW });
        const action = actions[pick % actions.length]!;
        const after = applyEdits(text, action.edits);
        const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
        const spans = action.edits.map((e) => [lineOf(e.offset), lineOf(e.endOffset)] as const);
        if (finding.fix?.kind === 'sort-updates') {
          // Sorting moves whole items: the same lines, differently ordered, and nothing outside the list changes.
          assert.deepEqual([...after.split('\n')].sort(), [...text.split('\n')].sort(), action.title);
          return;
        }
        assert.ok(
          keepsUntouchedLines(text, after, (line) => spans.some(([from, to]) => line >= from && line <= to)),
          `${action.title} dropped or reordered lines:\n${after}`,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile inputs: fail closed', function () {
  this.timeout(120_000);
  const ROOT = join(__dirname, '..', '..');
  const BIN = join(ROOT, 'bin', 'incident-report.js');
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const LOG_LINE = '2023-10-30 07:20:01 fw01 DENY 10.20.30.40 -> srv-dc01.rathaus.intern:445\n';
  /** A report whose public section has a pasted firewall log of `lines` lines. */
  const withLog = (lines: number) => GOOD.replace(/(## Pressemitteilung\n)/, `$1\n${LOG_LINE.repeat(lines)}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'ir-hostile-'));
  const huge = join(dir, 'huge.incident.md');
  const hugeText = withLog(Math.ceil((3 * 1024 * 1024) / LOG_LINE.length));
  writeFileSync(huge, hugeText);
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a 3 MB public section full of internal addresses is one size-limit error and is marked unchecked', () => {
    assert.ok(hugeText.length > 3 * 1024 * 1024);
    const result = linter.lint(hugeText);
    assert.deepEqual(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`), ['1:1 error size-limit']);
    assert.equal(result.unchecked, result.findings[0]);
  });

  it('lint exits 1 for it, and --max-warnings 0 cannot pass it either', () => {
    for (const extra of [[], ['--max-warnings', '0'], ['--format', 'json']]) {
      const { code, stdout } = cli(['lint', ...extra, huge]);
      assert.equal(code, 1, extra.join(' '));
      assert.match(stdout, /size-limit/);
    }
  });

  it('render refuses to print it, with or without --strict, and says the true reason', () => {
    for (const extra of [[], ['--strict'], ['--format', 'text']]) {
      const { code, stdout, stderr } = cli(['render', ...extra, huge]);
      assert.equal(code, 1, extra.join(' '));
      assert.equal(stdout, '');
      assert.equal(
        stderr,
        `incident-report: ${huge}: not rendered: the report could not be checked, and unchecked text is never published\n` +
          `  1:1 error This document has ${hugeText.length} characters, more than the limit of 2097152: it was not checked, so nothing in it may be published. Split it, or raise the limit (CLI \`--max-size\`, setting \`incidentReport.maxSize\`). (size-limit)\n`,
      );
    }
  });

  it('with a raised --max-size it is checked: capped leak findings, lint exits 1, render --strict refuses', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', '--max-size', '4000000', huge]);
    assert.equal(code, 1);
    const findings: Finding[] = JSON.parse(stdout)[0].findings;
    const leaks = findings.filter((f) => f.ruleId.startsWith('leak-'));
    // Five at their exact ranges and one summary per rule (the log has IPs and internal host names).
    assert.deepEqual(
      leaks.map((f) => f.ruleId).sort(),
      [...Array(6).fill('leak-hostname'), ...Array(6).fill('leak-ip')],
    );
    assert.equal(cli(['render', '--strict', '--max-size', '4000000', huge]).code, 1);
  });

  it('a pasted log of 400 lines gives five findings per rule and one that counts the rest, in both languages', () => {
    const text = withLog(400);
    const at = text.indexOf(LOG_LINE) + LOG_LINE.indexOf('10.20.30.40');
    const start = text.slice(0, at).split('\n').length;
    const findings = linter.lint(text).findings.filter((f) => f.ruleId === 'leak-ip');
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`),
      [0, 1, 2, 3, 4].map(
        (i) => `${start + i}:31 error Internal IP address \`10.20.30.40\` in the public text: addresses reveal the internal network to attackers and must not be published. Describe the system in plain words instead.`,
      ).concat(`${start + 5}:31 error … and 395 more IP addresses in the public text (the first 5 are marked one by one): none of them may be published.`),
    );
    const de = createLinter({ locale: 'de', now: () => FIXTURE_NOW }).lint(text).findings.filter((f) => f.ruleId === 'leak-hostname');
    assert.equal(de.length, 6);
    assert.equal(de[5]!.message, '… und 395 weitere interne Hostnamen im öffentlichen Text (die ersten 5 sind einzeln markiert): Keine davon darf veröffentlicht werden.');
  });

  it('an e-mail address under an internal domain is a leak-hostname error, even when it is a listed contact', () => {
    const address = 'admin@rathaus.example.intern';
    // The press contact's own address, listed under contacts and named in the public text.
    const text = GOOD.replaceAll('presse@kreis-soest.example', address);
    const findings = linter.lint(text).findings.filter((f) => f.ruleId.startsWith('leak-'));
    const inContact = text.indexOf(address);
    const inBody = text.indexOf(address, text.indexOf('## Pressemitteilung'));
    assert.deepEqual(
      findings.map((f) => `${f.offset}-${f.endOffset} ${f.severity} ${f.ruleId} ${f.path ?? '-'} ${f.message}`),
      [
        `${inContact}-${inContact + address.length} error leak-hostname /contacts/0/email E-mail address \`${address}\` under the internal domain \`.intern\` in contacts[0].email: internal addresses name internal systems and must not be published. Give a public contact address instead.`,
        `${inBody}-${inBody + address.length} error leak-hostname - E-mail address \`${address}\` under the internal domain \`.intern\` in the public text: internal addresses name internal systems and must not be published. Give a public contact address instead.`,
      ],
    );
  });
});
