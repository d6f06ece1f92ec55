/**
 * Inline suppressions (`incident-report-disable-next-line RULE -- REASON`): where a directive
 * applies, what it suppresses, how every CLI format shows a suppressed finding, and that no
 * directive and no reason ever reaches an output (every public output in every format, as release
 * and as draft, and every confidential draft).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, buildModel, CONFIDENTIAL_OUTPUTS, createLinter, publishVerdict, PUBLIC_OUTPUTS, readDirectives, suppressionEdit, UNSUPPRESSIBLE_RULES, type Finding } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE, findingLine } from './fixtureFormat';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const GOOD = readFileSync(join(ROOT, 'examples/incidents/2023-10-30-suedwestfalen-it.md'), 'utf8');
const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
const lines = (text: string) => linter.lint(text).findings.map(findingLine);

/** The example report with `sentence` added to its press release, after `before` (a directive line, or nothing). */
function withSentence(sentence: string, before = ''): string {
  return GOOD.replace('Fragen der Presse', `${before}${sentence}\n\nFragen der Presse`);
}

describe('suppression directives in the Markdown body', () => {
  const leak = 'Die Polizei warnt vor Mails vom Server 203.0.113.7.';

  it('cover the findings that start on the next line, of the rules they name, with the reason', () => {
    const text = withSentence(leak, '<!-- incident-report-disable-next-line leak-ip -- the police published it -->\n');
    const findings = linter.lint(text).findings;
    const ip = findings.find((f) => f.ruleId === 'leak-ip')!;
    assert.deepEqual(ip.suppressed, { justification: 'the police published it', line: ip.line - 1 });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'suppression'), []);
    assert.equal(publishVerdict({ findings }).publishable, true);
  });

  it('leave other rules, other lines and a blank line between alone', () => {
    const other = linter.lint(withSentence(leak, '<!-- incident-report-disable-next-line leak-path -- wrong rule -->\n')).findings;
    assert.equal(other.find((f) => f.ruleId === 'leak-ip')!.suppressed, undefined);
    assert.match(other.find((f) => f.ruleId === 'suppression')!.message, /^`leak-path` finds nothing on the next line/);
    const gap = linter.lint(withSentence(leak, '<!-- incident-report-disable-next-line leak-ip -- too far -->\n\n')).findings;
    assert.equal(gap.find((f) => f.ruleId === 'leak-ip')!.suppressed, undefined);
    assert.equal(publishVerdict({ findings: gap }).publishable, false);
  });

  it('may end the line before inside a paragraph (an inline comment), which stays one paragraph', () => {
    const text = GOOD.replace('Fragen der Presse', `Ein erster Satz. <!-- incident-report-disable-next-line leak-ip -- published by the police -->\n${leak}\n\nFragen der Presse`);
    const findings = linter.lint(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'leak-ip')!.suppressed?.justification, 'published by the police');
  });

  it('work with CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF' + withSentence(leak, '<!-- incident-report-disable-next-line leak-ip -- crlf -->\n').replace(/\n/g, '\r\n');
    const findings = linter.lint(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'leak-ip')!.suppressed?.justification, 'crlf');
    assert.deepEqual(findings.filter((f) => f.ruleId === 'suppression'), []);
  });

  it('are no directives inside a code block (text there is published as it stands)', () => {
    const text = withSentence(leak, '```\n<!-- incident-report-disable-next-line leak-ip -- code -->\n```\n');
    assert.deepEqual(readDirectives(linter.lint(text).report), []);
  });

  it('never flag what their own reason mentions: the comment is not published', () => {
    const text = withSentence('Wir informieren weiter.', '<!-- incident-report-disable-next-line placeholder -- server 10.1.2.3 and TODO are only in this comment -->\n');
    const findings = linter.lint(text).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId !== 'suppression').map(findingLine), []);
    assert.deepEqual(findings.map((f) => f.ruleId), ['suppression'], 'only: the directive suppresses nothing');
  });
});

describe('suppression directives in the frontmatter', () => {
  it('cover the entry below, a folded value over several lines included', () => {
    const text = GOOD.replace(
      /^ {2}statement: .*$/m,
      '  # incident-report-disable-next-line claim-data-loss -- the provider\'s forensic report rules it out\n  statement: >-\n    Ob Daten abgeflossen sind, wird untersucht.\n    Es sind keine Daten abgeflossen.',
    );
    const findings = linter.lint(text).findings;
    const claim = findings.find((f) => f.ruleId === 'claim-data-loss');
    assert.ok(claim, lines(text).join('\n'));
    assert.equal(claim.suppressed?.justification, "the provider's forensic report rules it out");
    assert.ok(claim.line > claim.suppressed!.line + 1, 'the finding lies on a later line of the value');
  });

  it('cover a whole list item when they stand before its `- `', () => {
    const text = GOOD.replace('  - name: Kfz-Zulassung', '  # incident-report-disable-next-line placeholder -- TBD is the service\'s real name\n  - name: TBD Kfz-Zulassung');
    const placeholder = linter.lint(text).findings.find((f) => f.ruleId === 'placeholder');
    assert.equal(placeholder?.suppressed?.justification, "TBD is the service's real name", lines(text).join('\n'));
  });

  it('are text, not directives, inside a block scalar', () => {
    const text = GOOD.replace(/^ {2}statement: .*$/m, '  statement: |\n    # incident-report-disable-next-line leak-ip -- text\n    Ob Daten abgeflossen sind, wird untersucht.');
    assert.deepEqual(readDirectives(linter.lint(text).report), []);
  });

  it('after a value on the same line, suppress nothing and say where they belong', () => {
    const text = GOOD.replace(/^title: (.*)$/m, 'title: TODO $1 # incident-report-disable-next-line placeholder -- later');
    const findings = linter.lint(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'placeholder')!.suppressed, undefined);
    assert.equal(findings.find((f) => f.ruleId === 'suppression')!.message, 'The directive suppresses nothing: put it on a line of its own, right before the key.');
  });
});

describe('what a directive cannot do', () => {
  it('suppress schema, yaml-syntax, size-limit or frontmatter findings: an error on the directive, the finding stays', () => {
    const text = GOOD.replace(/^severity: .*$/m, '# incident-report-disable-next-line schema -- we like it\nseverity: huge');
    const findings = linter.lint(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'schema')!.suppressed, undefined);
    const problem = findings.find((f) => f.ruleId === 'suppression')!;
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /^`schema` cannot be suppressed/);
  });

  it('suppress without a reason: an error, and the finding still blocks', () => {
    const text = withSentence('Server 203.0.113.7.', '<!-- incident-report-disable-next-line leak-ip -->\n');
    const findings = linter.lint(text).findings;
    assert.equal(findings.find((f) => f.ruleId === 'leak-ip')!.suppressed, undefined);
    assert.equal(findings.find((f) => f.ruleId === 'suppression')!.severity, 'error');
    assert.equal(publishVerdict({ findings }).publishable, false);
  });

  it('stop working when its own rule is off (only the complaints about directives go)', () => {
    const quiet = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW, rules: { suppression: 'off' } });
    const findings = quiet.lint(withSentence('Server 203.0.113.7.', '<!-- incident-report-disable-next-line leak-ip -- published -->\n')).findings;
    assert.equal(findings.find((f) => f.ruleId === 'leak-ip')!.suppressed?.justification, 'published');
    const noReason = quiet.lint(withSentence('Server 203.0.113.7.', '<!-- incident-report-disable-next-line leak-ip -->\n')).findings;
    assert.equal(noReason.find((f) => f.ruleId === 'leak-ip')!.suppressed, undefined, 'no reason: nothing suppressed, even unreported');
  });
});

describe('directives never reach an output', () => {
  const REASONS = ['REASON-ONE the police published it', 'REASON-TWO vendor address', 'REASON-THREE internal note', 'REASON-FOUR in every channel'];
  const text = GOOD.replace('  - at: 2023-10-30T08:40:00+01:00\n    text: ', `  # incident-report-disable-next-line leak-ip -- ${REASONS[3]}\n  - at: 2023-10-30T08:40:00+01:00\n    text: Server 192.0.2.5 gesperrt. `)
    .replace(/^ {4}workaround: (.*)$/m, `    # incident-report-disable-next-line leak-ip -- ${REASONS[1]}\n    workaround: $1 (Portal 2001:db8::42)`)
    .replace('## Interne', `<!-- incident-report-disable-next-line leak-ip -- ${REASONS[2]} -->\n## Interne`)
    .replace(
      'Fragen der Presse',
      `Erster Satz. <!-- incident-report-disable-next-line leak-ip -- ${REASONS[0]} -->\nDie Polizei warnt vor dem Server 203.0.113.7.\n\n<!-- incident-report-disable-next-line leak-ip -- ${REASONS[0]} -->\nServer 198.51.100.9 ist gesperrt.\n\nFragen der Presse`,
    );
  const result = linter.lint(text);

  it('the test report suppresses what it should and is publishable', () => {
    assert.deepEqual(result.findings.filter((f: Finding) => f.ruleId === 'leak-ip').map((f) => f.suppressed?.justification), [REASONS[1], REASONS[3], REASONS[0], REASONS[0]]);
    assert.equal(publishVerdict(result).publishable, true, result.findings.map(findingLine).join('\n'));
  });

  const options = { locale: 'de' as const, now: FIXTURE_NOW, link: 'https://www.kreis-soest.de/notfall/', maxChars: 500 };
  for (const output of PUBLIC_OUTPUTS) {
    for (const format of output.formats) {
      for (const draft of [false, true]) {
        it(`${output.id} (${format}${draft ? ', draft' : ''})`, () => {
          const rendered = output.render([buildModel(result.report, options)], format, { ...options, draft });
          assert.ok(rendered.includes(draft ? 'ENTWURF' : 'Kreis Soest'), 'the output was rendered');
          assert.ok(rendered.includes('192.0.2.5'), 'the suppressed update is published');
          assert.ok(!/incident-report-disable|REASON-/.test(rendered), rendered);
        });
      }
    }
  }
  for (const output of CONFIDENTIAL_OUTPUTS) {
    for (const format of output.formats) {
      it(`${output.id} (${format}, confidential)`, () => {
        const rendered = output.render([result.report], format, options);
        assert.ok(!/incident-report-disable|REASON-/.test(rendered), rendered);
      });
    }
  }
});

describe('suppressed findings in every CLI format', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ir-suppress-'));
  mkdirSync(join(dir, 'incidents'));
  const file = 'incidents/a.md';
  writeFileSync(join(dir, file), withSentence('Die Polizei warnt vor dem Server 203.0.113.7.', '<!-- incident-report-disable-next-line leak-ip -- the police published this address -->\n'));
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('json: "suppressed": {"justification"}; the exit code ignores it', () => {
    const r = cli('lint', '--format', 'json', file);
    assert.equal(r.code, 0, r.stdout);
    const [{ findings }] = JSON.parse(r.stdout) as [{ findings: Array<{ ruleId: string; severity: string; line: number; suppressed?: unknown }> }];
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.suppressed]), [['leak-ip', 'error', { justification: 'the police published this address' }]]);
  });

  it('sarif: "suppressions": [{"kind": "inSource", "justification"}]', () => {
    const sarif = JSON.parse(cli('lint', '--format', 'sarif', file).stdout) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown }> }> };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => [r.ruleId, r.suppressions]), [['leak-ip', [{ kind: 'inSource', justification: 'the police published this address' }]]]);
  });

  it('stylish: not listed, counted; github: no annotation', () => {
    assert.deepEqual(cli('lint', file), { code: 0, stdout: '✔ 1 file(s) checked, no problems, 1 suppressed\n', stderr: '' });
    assert.deepEqual(cli('lint', '--format', 'github', file), { code: 0, stdout: '', stderr: '' });
  });

  it('stylish: the counts in parentheses add up to the problems; the suppressed follow outside them', () => {
    const other = 'incidents/b.md';
    writeFileSync(join(dir, other), readFileSync(join(dir, file), 'utf8').replace('Fragen der Presse', 'Vorgang INC-2023-4711. Fragen der Presse'));
    const r = cli('lint', other);
    assert.equal(r.code, 0, r.stdout);
    assert.ok(r.stdout.endsWith('\n✖ 1 problem(s) (0 error(s), 1 warning(s), 0 info) in 1 file(s), 1 suppressed\n'), r.stdout);
    const de = cli('lint', '--locale', 'de', other);
    assert.ok(de.stdout.endsWith('\n✖ 1 Problem(e) (0 Fehler, 1 Warnung(en), 0 Hinweis(e)) in 1 Datei(en), 1 unterdrückt\n'), de.stdout);
  });

  it('render: the release is written and says how many were suppressed', () => {
    const r = cli('render', '--out', 'release.html', file);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      'incident-report: incidents/a.md: 1 finding(s) suppressed with a reason (listed by `incident-report lint --format json` or `sarif`)\nincident-report: wrote release.html\n',
    );
    const page = readFileSync(join(dir, 'release.html'), 'utf8');
    assert.ok(page.includes('203.0.113.7') && !page.includes('the police published'));
  });
});

describe('the quick fix "Suppress on this line with a reason…"', () => {
  const FIXTURES = join(ROOT, 'test', 'fixtures');
  const sources: Array<[string, string]> = [
    ...readdirSync(FIXTURES).map((name): [string, string] => [name, readFileSync(join(FIXTURES, name, 'input.md'), 'utf8')]),
    ...['incidents', 'broken'].flatMap((folder) =>
      readdirSync(join(ROOT, 'examples', folder)).filter((f) => f.endsWith('.md')).map((f): [string, string] => [`examples/${folder}/${f}`, readFileSync(join(ROOT, 'examples', folder, f), 'utf8')]),
    ),
  ];
  const outputs = (text: string) => {
    const model = buildModel(linter.lint(text).report, { now: FIXTURE_NOW });
    return PUBLIC_OUTPUTS.flatMap((output) => output.formats.map((format) => output.render([model], format, { now: FIXTURE_NOW })));
  };

  it('suppresses every suppressible finding of every fixture and example, and changes no output', () => {
    let tried = 0;
    const unreachable: string[] = [];
    for (const [name, text] of sources) {
      const { findings, report, unchecked } = linter.lint(text);
      if (unchecked) continue;
      const before = report.frontmatter.kind === 'yaml' ? outputs(text) : null;
      for (const finding of findings) {
        if (UNSUPPRESSIBLE_RULES.has(finding.ruleId) || finding.suppressed) continue;
        const edit = suppressionEdit(report, finding, 'a  reason\nover --> lines');
        if (!edit) {
          unreachable.push(`${name} ${report.text.slice(finding.offset, finding.endOffset)} ${findingLine(finding)}`);
          continue;
        }
        tried++;
        const edited = applyEdits(report.text, [edit]);
        assert.ok(!edited.includes('-->\n lines') && edited.includes(' -- a reason over -> lines'), 'the reason is one line, without -->');
        const after = linter.lint(edited).findings;
        const same = after.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
        assert.ok(same.length > 0 && same.some((f) => f.suppressed?.justification === 'a reason over -> lines'), `${name}: ${findingLine(finding)}\n${edit.newText}`);
        const complaints = (list: readonly Finding[]) => list.filter((f) => f.ruleId === 'suppression').map((f) => f.message);
        assert.deepEqual(complaints(after), complaints(findings), `${name}: the new directive is well-formed and used`);
        if (before) assert.deepEqual(outputs(edited), before, `${name}: ${edit.newText} changed an output`);
      }
    }
    assert.ok(tried > 150, `only ${tried} findings tried`);
    // Only findings no line before can reach: those on a fence of the frontmatter.
    for (const line of unreachable) assert.match(line, /^\S+ --- \d+:1-\d+:4 /, line);
  });

  it('puts the directive on its own line before a paragraph, and inside a paragraph at the end of the line before', () => {
    const leak = 'Die Polizei warnt vor dem Server 203.0.113.7.';
    const own = withSentence(leak);
    const ownFinding = linter.lint(own).findings.find((f) => f.ruleId === 'leak-ip')!;
    const ownEdit = suppressionEdit(linter.lint(own).report, ownFinding, 'published by the police')!;
    assert.equal(ownEdit.newText, '<!-- incident-report-disable-next-line leak-ip -- published by the police -->\n');
    const inside = GOOD.replace('Fragen der Presse', `Ein erster Satz.  \n${leak}\n\nFragen der Presse`);
    const insideResult = linter.lint(inside);
    const insideEdit = suppressionEdit(insideResult.report, insideResult.findings.find((f) => f.ruleId === 'leak-ip')!, 'published by the police')!;
    assert.equal(insideEdit.newText, '<!-- incident-report-disable-next-line leak-ip -- published by the police -->');
    assert.equal(inside.slice(insideEdit.offset - 'Satz.'.length, insideEdit.offset + 3), 'Satz.  \n', 'before the hard break');
  });

  it('stacks a second directive for another rule on the same line', () => {
    const text = withSentence('Server 203.0.113.7 unter C:\\Daten\\x.', '<!-- incident-report-disable-next-line leak-ip -- the police published it -->\n');
    const result = linter.lint(text);
    const path = result.findings.find((f) => f.ruleId === 'leak-path')!;
    const edited = applyEdits(text, [suppressionEdit(result.report, path, 'the path is the vendor\'s public download')!]);
    const after = linter.lint(edited).findings;
    assert.deepEqual(after.filter((f) => f.ruleId.startsWith('leak-') || f.ruleId === 'suppression').map((f) => [f.ruleId, f.suppressed?.justification]), [
      ['leak-ip', 'the police published it'],
      ['leak-path', "the path is the vendor's public download"],
    ]);
  });

  it('offers nothing for a rule that cannot be suppressed, or without a reason', () => {
    const result = linter.lint(GOOD.replace(/^severity: .*$/m, 'severity: huge'));
    const schema = result.findings.find((f) => f.ruleId === 'schema')!;
    assert.equal(suppressionEdit(result.report, schema, 'reason'), null);
    const leak = linter.lint(withSentence('Server 203.0.113.7.'));
    assert.equal(suppressionEdit(leak.report, leak.findings.find((f) => f.ruleId === 'leak-ip')!, '  \n '), null);
  });
});
