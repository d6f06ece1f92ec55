import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI (npm run build first; `npm test` does) exactly as a user or CI would. */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DE = 'examples/incidents/2023-10-30-suedwestfalen-it.md';
const EN = 'examples/incidents/2023-10-30-municipal-it-provider.en.md';
const BROKEN = 'examples/broken/broken.incident.md';

describe('CLI render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ir-render-'));

  it('prints the HTML page of a clean report to stdout, nothing on stderr, exit 0', () => {
    const { code, stdout, stderr } = cli(['render', DE]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^<!DOCTYPE html>\n<html lang="de">/);
    assert.ok(stdout.includes('<h1>Cyberangriff auf die Südwestfalen-IT – Einschränkungen in der Kreisverwaltung Soest</h1>'));
    assert.ok(stdout.includes('Update vom Montag, 6. November 2023, 11:00 Uhr'));
    assert.ok(!stdout.includes('fw01.kreis-soest.intern'));
  });

  it('prints plain text with --format text, in the language of the report (times in its zone, not TZ)', () => {
    const { code, stdout } = cli(['render', EN, '--format', 'text', '--locale', 'de']);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith('PRESS RELEASE\n\nSüdwestfalen-IT (municipal IT service provider), 6 November 2023\n'));
    assert.ok(stdout.includes('Update — Monday, 30 October 2023, 6:00 pm\n'));
    assert.ok(!stdout.includes('<'), 'no HTML in the text version');
  });

  it('writes --out and says so on stderr', () => {
    const out = join(dir, 'release.html');
    const { code, stdout, stderr } = cli(['render', EN, '--out', out]);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, `incident-report: wrote ${out}\n`);
    assert.ok(readFileSync(out, 'utf8').includes('<h1>Ransomware attack on the data centres of Südwestfalen-IT</h1>'));
  });

  it('renders a draft with findings and summarises them on stderr', () => {
    const { code, stdout, stderr } = cli(['render', BROKEN]);
    assert.equal(code, 0);
    assert.match(stdout, /^<!DOCTYPE html>/);
    const lines = stderr.split('\n');
    assert.match(lines[0]!, /^incident-report: examples\/broken\/broken\.incident\.md: \d+ problem\(s\) \(\d+ error\(s\), \d+ warning\(s\)\) — the release may not be ready to publish:$/);
    assert.equal(lines[1], '  1:1 error `severity` is missing: choose critical, major, minor or none. (schema)');
    assert.match(lines[2]!, /^ {2}8:1 error `severty` is not a field/);
    assert.match(stderr, /^ {2}… and \d+ more: run `incident-report lint examples\/broken\/broken\.incident\.md`$/m);
  });

  it('summarises in German with --locale de', () => {
    const { stderr } = cli(['render', BROKEN, '--locale', 'de']);
    assert.match(stderr, /Problem\(e\) \(\d+ Fehler, \d+ Warnung\(en\)\) — die Pressemitteilung ist womöglich nicht veröffentlichungsreif:/);
  });

  it('--strict refuses a report with errors (exit 1, nothing written)', () => {
    const out = join(dir, 'strict.html');
    const { code, stdout, stderr } = cli(['render', BROKEN, '--strict', '--out', out]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /not rendered: --strict refuses a report with errors \(\d+\)\n$/);
    assert.ok(!existsSync(out));
  });

  it('--strict renders a report with warnings only', () => {
    const file = join(dir, 'warn.incident.md');
    writeFileSync(file, readFileSync(join(ROOT, DE), 'utf8').replace('Fragen der Presse', 'Vorgang INC-2023-4711. Fragen der Presse'));
    const { code, stdout, stderr } = cli(['render', file, '--strict']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /1 problem\(s\) \(0 error\(s\), 1 warning\(s\)\)/);
    assert.match(stderr, /warning Ticket ID `INC-2023-4711` in the public text/);
    assert.match(stdout, /^<!DOCTYPE html>/);
  });

  it('exits 2 for a file that cannot be read', () => {
    const { code, stdout, stderr } = cli(['render', 'no/such/report.md']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'incident-report: no/such/report.md: file not found\n');
  });

  it('exits 2 for a file that is not an incident report', () => {
    const plain = join(dir, 'notes.md');
    writeFileSync(plain, '# Notes\n\nJust text.\n');
    let r = cli(['render', plain]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `incident-report: ${plain}: not an incident report: it has no YAML frontmatter between \`---\` lines at the top\n`);
    const list = join(dir, 'list.md');
    writeFileSync(list, '---\n- a\n- b\n---\n');
    r = cli(['render', list]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not an incident report: the frontmatter is not a mapping of fields\n$/);
    const broken = join(dir, 'broken.md');
    writeFileSync(broken, '---\ntitle: [unclosed\n---\n');
    r = cli(['render', broken]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the frontmatter cannot be read \(YAML syntax error\)/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(cli(['render']).code, 2);
    assert.match(cli(['render', DE, '--format', 'pdf']).stderr, /--format for render --as press-release must be "html" or "text", not "pdf"/);
  });

  it('exits 2 when --out cannot be written', () => {
    const { code, stderr } = cli(['render', DE, '--out', join(dir, 'missing-dir', 'x.html')]);
    assert.equal(code, 2);
    assert.match(stderr, /missing-dir\/x\.html: file not found\n$/);
  });
});
