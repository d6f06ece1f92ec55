import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, fixAllText } from '../../src/core';

/**
 * `lint --fix` writes the safe fixes ("Fix all" in the editor) back to the files and reports what is
 * left. Runs the built CLI (npm run build first; `npm test` does) as a user or CI would.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const NOW = '2023-11-07T00:00:00+01:00';

/**
 * `asOther`: as a user other than root (`nobody`) when the tests run as root, whom file modes do not
 * stop. That user runs a copy of the built CLI in `folder` (the clone may lie where only root can read).
 */
function cli(args: string[], cwd: string, asOther = false) {
  let bin = BIN;
  let user = {};
  if (asOther && process.getuid?.() === 0) {
    user = { uid: 65534, gid: 65534 };
    bin = join(cwd, '.cli', 'bin', 'incident-report.js');
    mkdirSync(join(cwd, '.cli', 'out'), { recursive: true });
    cpSync(join(ROOT, 'bin'), join(cwd, '.cli', 'bin'), { recursive: true });
    for (const file of ['cli.js', 'cli-worker.js']) cpSync(join(ROOT, 'out', file), join(cwd, '.cli', 'out', file));
    for (const dir of ['.cli', '.cli/bin', '.cli/out']) chmodSync(join(cwd, dir), 0o755);
  }
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' }, encoding: 'utf8', ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI lint --fix', function () {
  this.timeout(30_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ir-fix-'));
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const read = (relative: string) => readFileSync(join(folder, relative), 'utf8');

  it('writes the safe fixes of the broken example, reports what is left, and writes nothing the second time', () => {
    const before = read('broken/broken.incident.md');
    const { code, stdout, stderr } = cli(['lint', '--fix', '--now', NOW, 'broken'], folder);
    assert.equal(code, 1);
    assert.equal(stderr, 'incident-report: safe fixes written to 1 file(s): broken/broken.incident.md\n');
    const after = read('broken/broken.incident.md');
    // Exactly the lines the safe fixes touch: the misspelt key, the missing offset, the YAML boolean, the order of the updates.
    const changed = (text: string) => text.split('\n').filter((line) => !before.split('\n').includes(line));
    assert.deepEqual(changed(after), [
      'severity: major                         # unknown key "severty" (typo; the required "severity" is therefore missing)',
      '  detected_at: 2023-10-30T06:45:00+01:00    # no UTC offset (must be RFC 3339 with offset); also earlier than started_at',
      '  occurred: no                      # boolean false: must be yes, no or unknown',
    ]);
    assert.ok(after.indexOf('09:15:00+01:00') < after.indexOf('10:30:00+01:00'), 'the updates are in chronological order');
    // The same as "Fix all" in the editor, and what is printed is the lint of the fixed file.
    const linter = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => Date.parse(NOW) });
    assert.equal(after, fixAllText(before, (text) => linter.lint(text), { timeZone: 'Europe/Berlin', now: Date.parse(NOW) }));
    assert.equal(stdout, cli(['lint', '--now', NOW, 'broken'], folder).stdout);
    assert.doesNotMatch(stdout, /severty|has no time zone offset|list updates in chronological order|YAML 1\.2 reads/);
    assert.match(stdout, /✖ 9 problem\(s\) \(6 error\(s\), 2 warning\(s\), 1 info\) in 1 file\(s\)/);

    const again = cli(['lint', '--fix', '--now', NOW, 'broken'], folder);
    assert.deepEqual([again.code, again.stderr, again.stdout], [1, '', stdout]);
    assert.equal(read('broken/broken.incident.md'), after);
  });

  it('keeps a byte order mark and CRLF line breaks, and leaves clean reports untouched', () => {
    const crlf = '\uFEFF' + read('broken/broken.incident.md').replace(/\n/g, '\r\n');
    writeFileSync(join(folder, 'broken', 'broken.incident.md'), crlf);
    const clean = read('incidents/2023-10-30-suedwestfalen-it.md');
    const { code, stderr } = cli(['lint', '--fix', '--now', NOW, 'broken', 'incidents'], folder);
    assert.equal(code, 1);
    assert.equal(stderr, 'incident-report: safe fixes written to 1 file(s): broken/broken.incident.md\n');
    const after = read('broken/broken.incident.md');
    assert.ok(after.startsWith('\uFEFF---\r\n'), JSON.stringify(after.slice(0, 8)));
    assert.equal(after.split('\n').length, crlf.split('\n').length);
    assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'every line break is still CRLF');
    assert.match(after, /^ {2}detected_at: 2023-10-30T06:45:00\+01:00 /m);
    assert.equal(read('incidents/2023-10-30-suedwestfalen-it.md'), clean);
  });

  it('reports a member against its parent as fixed, even when the member was linted before the parent', () => {
    mkdirSync(join(folder, 'provider'));
    mkdirSync(join(folder, 'kommunen'));
    const fixtures = join(ROOT, 'test', 'fixtures', 'family-data-loss');
    // `Suspected` is no allowed value: the member cannot be compared with it. Fixed to `suspected`, it can.
    writeFileSync(join(folder, 'provider', 'sit.md'), readFileSync(join(fixtures, 'parent.md'), 'utf8').replace('exfiltration: suspected', 'exfiltration: Suspected'));
    writeFileSync(join(folder, 'kommunen', 'werne.md'), readFileSync(join(fixtures, 'input.md'), 'utf8').replace('../provider/2023-10-30-sit.md', '../provider/sit.md'));
    const unfixed = cli(['lint', '--format', 'json', '--now', NOW, 'kommunen', 'provider'], folder);
    const rules = (stdout: string) => (JSON.parse(stdout) as Array<{ file: string; findings: Array<{ ruleId: string; path: string }> }>).map((r) => [r.file, r.findings.filter((f) => f.ruleId !== 'nis2-reporting' && f.ruleId !== 'gdpr-notification').map((f) => `${f.ruleId} ${f.path}`)]);
    assert.deepEqual(rules(unfixed.stdout), [
      ['kommunen/werne.md', ['family-data-loss /data_loss/occurred', 'family-data-loss /data_loss/personal_data']],
      ['provider/sit.md', ['schema /data_loss/exfiltration']],
    ]);
    const fixed = cli(['lint', '--fix', '--format', 'json', '--now', NOW, 'kommunen', 'provider'], folder);
    assert.equal(fixed.stderr, 'incident-report: safe fixes written to 1 file(s): provider/sit.md\n');
    assert.deepEqual(rules(fixed.stdout), [
      ['kommunen/werne.md', ['family-data-loss /data_loss/occurred', 'family-data-loss /data_loss/exfiltration', 'family-data-loss /data_loss/personal_data']],
      ['provider/sit.md', []],
    ]);
    assert.match(read('provider/sit.md'), /^ {2}exfiltration: suspected$/m);
  });

  it('names a file whose fixes cannot be written and exits 2, also when other files were fixed', () => {
    const second = 'broken/second.incident.md';
    writeFileSync(join(folder, second), read('broken/broken.incident.md'));
    const before = read(second);
    chmodSync(folder, 0o755);
    for (const dir of ['broken', 'incidents']) chmodSync(join(folder, dir), 0o755);
    chmodSync(join(folder, 'broken', 'broken.incident.md'), 0o666);
    chmodSync(join(folder, second), 0o444);
    const { code, stdout, stderr } = cli(['lint', '--fix', '--now', NOW, 'broken'], folder, true);
    assert.equal(code, 2);
    assert.equal(stderr, 'incident-report: safe fixes written to 1 file(s): broken/broken.incident.md\nincident-report: broken/second.incident.md: the fixes cannot be written: permission denied\n');
    assert.match(stdout, /^broken\/second\.incident\.md\n {2}error {2}the fixes cannot be written: permission denied$/m);
    assert.equal(read(second), before);
    assert.match(read('broken/broken.incident.md'), /^severity: major/m);
  });

  it('names the first ten files it fixed and counts the rest', () => {
    for (let i = 1; i <= 12; i++) writeFileSync(join(folder, 'broken', `r${String(i).padStart(2, '0')}.incident.md`), read('broken/broken.incident.md'));
    rmSync(join(folder, 'broken', 'broken.incident.md'));
    const { stderr } = cli(['lint', '--fix', '--locale', 'de', 'broken'], folder);
    const named = Array.from({ length: 10 }, (_, i) => `broken/r${String(i + 1).padStart(2, '0')}.incident.md`).join(', ');
    assert.equal(stderr, `incident-report: sichere Korrekturen in 12 Datei(en) geschrieben: ${named} und 2 weitere\n`);
  });

  it('refuses standard input and other commands: there is no file to write the fixes to', () => {
    const stdin = cli(['lint', '--fix', '-'], folder);
    assert.deepEqual([stdin.code, stdin.stdout, stdin.stderr], [2, '', 'incident-report: --fix writes the fixes back to the files; - (standard input) is no file: run `lint --fix FILE` on the file itself\n']);
    const render = cli(['render', '--fix', 'incidents/2023-10-30-suedwestfalen-it.md'], folder);
    assert.deepEqual([render.code, render.stderr], [2, 'incident-report: --fix is an option of lint, not of render\n']);
  });
});
