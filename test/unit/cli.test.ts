import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI (npm run build first; `npm test` does) exactly as a user or CI would. */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN = 'examples/broken/broken.incident.md';
const GOOD = 'examples/incidents/2023-10-30-suedwestfalen-it.md';

describe('CLI lint', () => {
  it('exits 0 and says so for clean reports', () => {
    const { code, stdout, stderr } = cli(['lint', 'examples/incidents']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, '✔ 4 file(s) checked, no problems\n');
  });

  it('prints stylish findings grouped by file and exits 1 on errors', () => {
    const { code, stdout } = cli(['lint', BROKEN]);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[0], BROKEN);
    assert.match(stdout, /^ {2}8:1 {4}error {4}`severty` is not a field of an incident report: did you mean `severity`\? {2}schema$/m);
    assert.match(lines.at(-2)!, /^✖ \d+ problem\(s\) \(\d+ error\(s\), \d+ warning\(s\), 0 info\) in 1 file\(s\)$/);
  });

  it('prints JSON with the documented shape', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', BROKEN, GOOD]);
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    assert.deepEqual(results.map((r) => r.file), [BROKEN, GOOD]);
    assert.deepEqual(results[1]!.findings, []);
    const unknownKey = results[0]!.findings.find((f) => f.path === '/severty');
    assert.deepEqual(unknownKey, {
      ruleId: 'schema',
      severity: 'error',
      message: '`severty` is not a field of an incident report: did you mean `severity`?',
      line: 8,
      column: 1,
      endLine: 8,
      endColumn: 8,
      path: '/severty',
    });
  });

  it('speaks German with --locale de and from LANG', () => {
    const explicit = JSON.parse(cli(['lint', '--format', 'json', '--locale', 'de', BROKEN]).stdout);
    const fromEnv = JSON.parse(cli(['lint', '--format', 'json', BROKEN], { env: { LANG: 'de_DE.UTF-8' } }).stdout);
    const message = explicit[0].findings.find((f: { path: string }) => f.path === '/data_loss/statement').message;
    assert.equal(message, '`data_loss.statement` fehlt: den öffentlichen Satz zum Datenabfluss schreiben, mindestens 20 Zeichen.');
    assert.deepEqual(fromEnv, explicit);
  });

  it('prints SARIF 2.1.0 with rules and physical locations', () => {
    const { code, stdout } = cli(['lint', '--format', 'sarif', BROKEN]);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'incident-report');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('schema') && ruleIds.includes('chronology'));
    for (const rule of run.tool.driver.rules) assert.ok(rule.help.text.length > 20, rule.id);
    assert.equal(run.tool.driver.informationUri, 'https://github.com/incident-report/incident-report');
    const leakIp = run.tool.driver.rules.find((r: { id: string }) => r.id === 'leak-ip');
    assert.equal(leakIp.name, 'LeakIp');
    assert.equal(leakIp.helpUri, 'https://github.com/incident-report/incident-report/blob/main/docs/rules/leak-ip.md');
    assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'schema').name, 'SchemaRule');
    const result = run.results.find((r: { message: { text: string } }) => r.message.text.startsWith('`severty`'));
    assert.equal(result.ruleId, 'schema');
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'schema');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'examples/broken/broken.incident.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 8 },
    });
  });

  it('--quiet drops warnings, --max-warnings fails on too many', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    const text = readFileSync(join(ROOT, GOOD), 'utf8').replace(/role: press/g, 'role: hotline');
    writeFileSync(join(dir, 'warn.incident.md'), text);
    const plain = cli(['lint', '--format', 'json', dir]);
    assert.equal(plain.code, 0);
    const warnings = JSON.parse(plain.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
    assert.deepEqual(warnings, ['press-contact']);
    assert.equal(JSON.parse(cli(['lint', '--format', 'json', '--quiet', dir]).stdout)[0].findings.length, 0);
    const strict = cli(['lint', '--max-warnings', '0', dir]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /1 warnings exceed --max-warnings 0/);
  });

  it('searches directories for reports only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# Not a report\n');
    copyFileSync(join(ROOT, GOOD), join(dir, 'docs', 'marked.md'));
    const { code, stdout } = cli(['lint', '--format', 'json', dir]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).map((r: { file: string }) => r.file), [join(dir, 'docs', 'marked.md')]);
  });

  it('fails with exit 2 and says why when the given directories hold no report, never "no problems"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# Not a report\n');
    writeFileSync(join(dir, 'docs', 'notes.md'), '---\ntitle: notes\n---\n');
    assert.deepEqual(cli(['lint', join(dir, 'empty')]), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: no incident reports found: no Markdown files below the given directories\n',
    });
    assert.deepEqual(cli(['lint', join(dir, 'docs')]), {
      code: 2,
      stdout: '',
      stderr:
        'incident-report: no incident reports found: 2 Markdown file(s) below the given directories, none in a report path (`files` in .incident-report.json) or marked `schema: incident-report/v1`\n',
    });
    assert.deepEqual(cli(['lint', '--format', 'json', '--locale', 'de', join(dir, 'docs')]), {
      code: 2,
      stdout: '[]\n',
      stderr:
        'incident-report: keine Vorfallsberichte gefunden: 2 Markdown-Datei(en) in den angegebenen Verzeichnissen, keine unter einem Berichtspfad (`files` in .incident-report.json) oder mit `schema: incident-report/v1` markiert\n',
    });
    // A glob that matches nothing was already an error; its stylish output no longer claims "no problems".
    assert.deepEqual(cli(['lint', join(dir, 'nothing', '*.md')]), { code: 2, stdout: '', stderr: `incident-report: ${join(dir, 'nothing', '*.md')}: no files match\n` });
  });

  it('lints a marked report over the size limit below a directory as refused, not as skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), `# Not a report\n\n${'Text. '.repeat(400)}\n`);
    copyFileSync(join(ROOT, GOOD), join(dir, 'docs', 'marked.md'));
    const { code, stdout } = cli(['lint', '--format', 'json', '--max-size', '1000', dir]);
    assert.equal(code, 1);
    assert.deepEqual(
      JSON.parse(stdout).map((r: { file: string; findings: Array<{ ruleId: string; line: number; column: number }> }) => [r.file, r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)]),
      [[join(dir, 'docs', 'marked.md'), ['1:1 size-limit']]],
    );
  });

  it('reports an unreadable file clearly, lints the others and exits 2', function () {
    if (process.getuid?.() === 0) {
      // root reads everything: use a missing file for the I/O failure instead of a chmod'ed one.
      const { code, stdout, stderr } = cli(['lint', '--format', 'json', 'no/such/file.md', GOOD]);
      assert.equal(code, 2);
      assert.equal(stderr, 'incident-report: no/such/file.md: file not found\n');
      assert.deepEqual(JSON.parse(stdout).map((r: { file: string; error?: string }) => [r.file, r.error]), [
        ['no/such/file.md', 'file not found'],
        [GOOD, undefined],
      ]);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    const file = join(dir, 'locked.incident.md');
    writeFileSync(file, 'x');
    chmodSync(file, 0);
    const { code, stderr } = cli(['lint', file, GOOD]);
    assert.equal(code, 2);
    assert.equal(stderr, `incident-report: ${file}: permission denied\n`);
  });

  it('exits 2 with a precise message on usage errors', () => {
    assert.deepEqual(cli(['lint', '--format', 'xml', GOOD]), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --format must be "stylish", "json", "sarif" or "github", not "xml"\n',
    });
    assert.equal(cli(['lint']).stderr, 'incident-report: lint needs at least one file, directory or glob\n');
    assert.equal(cli(['frobnicate']).stderr, 'incident-report: unknown command "frobnicate"; use "lint", "render", "new", "approve", "changes" or "lsp" (see --help)\n');
    assert.equal(cli(['lint', '--max-warnings', 'many', GOOD]).code, 2);
    assert.equal(cli(['lint', '--schema', 'no-such.json', GOOD]).stderr, 'incident-report: --schema no-such.json: file not found\n');
    assert.equal(cli(['lint', '--jobs', '0', GOOD]).stderr, 'incident-report: --jobs takes a whole number of threads ≥ 1 or "auto", not "0"\n');
    assert.equal(cli(['lint', '--jobs', '1.5', GOOD]).code, 2);
    assert.equal(cli(['render', '--jobs', '2', GOOD]).stderr, 'incident-report: --jobs is an option of lint, not of render\n');
    assert.equal(cli(['lint', '--jobs', 'auto', GOOD]).code, 0);
  });

  it('validates against a custom schema that extends the bundled one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-cli-'));
    const schema = join(dir, 'org.schema.json');
    writeFileSync(
      schema,
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        allOf: [{ $ref: 'urn:incident-report:schema:v1' }],
        required: ['x-ticket-owner'],
        properties: { 'x-ticket-owner': { type: 'string', minLength: 1, 'x-hint': { en: 'name the owner', de: 'Verantwortliche nennen' } } },
      }),
    );
    const { code, stdout } = cli(['lint', '--format', 'json', '--schema', schema, GOOD]);
    assert.equal(code, 1);
    assert.deepEqual(
      JSON.parse(stdout)[0].findings.map((f: { path: string; message: string; line: number }) => [f.line, f.path, f.message]),
      [[1, '/x-ticket-owner', '`x-ticket-owner` is missing: name the owner.']],
    );
    // Its timestamps are RFC 3339 as under the bundled schema: an offset without colon is refused.
    const report = join(dir, 'offset.incident.md');
    writeFileSync(report, readFileSync(join(ROOT, GOOD), 'utf8').replace('started_at: 2023-10-30T01:01:00+01:00', 'started_at: 2023-10-30T01:01:00+0100'));
    const offsets = cli(['lint', '--format', 'json', '--schema', schema, report]);
    assert.deepEqual(
      JSON.parse(offsets.stdout)[0].findings.filter((f: { path: string }) => f.path === '/timestamps/started_at').map((f: { message: string }) => f.message),
      ['timestamps.started_at: `2023-10-30T01:01:00+0100` is not a valid date-time; write `2023-10-30T01:01:00+01:00`.'],
    );
    const invalid = join(dir, 'bad.schema.json');
    writeFileSync(invalid, JSON.stringify({ type: 'object', properties: { id: { type: 'strnig' } } }));
    const bad = cli(['lint', '--schema', invalid, GOOD]);
    assert.equal(bad.code, 2);
    // The file is named (it said only "the schema cannot be used: …").
    assert.match(bad.stderr, new RegExp(`^incident-report: --schema ${invalid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the schema cannot be used: schema is invalid: .*type`));
  });
});
