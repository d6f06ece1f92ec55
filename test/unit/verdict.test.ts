/**
 * One verdict before anything goes public (issue 20): `render` refuses exactly what the publish
 * verdict refuses, made from exactly the findings `lint` gives for the same files.
 *
 * - The defects as a user met them, with the built CLI: exact exit codes, files written or not.
 * - Every fixture of the repository, linted and rendered (in-process, the same `main` the binary
 *   runs): render refuses a file exactly when lint's findings for it hold a blocking one, and lists
 *   exactly those; a status page over the fixture's folder is blocked exactly when one of its
 *   reports is, and names each.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURE_NOW, FIXTURE_ZONE, type FixtureOptions } from './fixtureFormat';
import { workspace } from './tempWorkspace';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string, file = 'input.md') => readFileSync(join(FIXTURES, name, file), 'utf8');
const GOOD = readFileSync(join(ROOT, 'examples/incidents/2023-10-30-suedwestfalen-it.md'), 'utf8');

describe('render fails closed: the defects of issue 20', function () {
  this.timeout(120_000);

  for (const [name, rule] of [
    ['family-shared-facts', 'family-shared-facts'],
    ['family-data-loss', 'family-data-loss'],
    ['family-parent-missing', 'family-parent'],
  ] as const) {
    it(`a member report that lint fails (${rule}) is not rendered, with or without --strict`, () => {
      const options = JSON.parse(fixture(name, 'options.json')) as { path: string; family?: Record<string, string> };
      const files: Record<string, string> = { [options.path]: fixture(name) };
      for (const [path, file] of Object.entries(options.family ?? {})) files[path] = fixture(name, file);
      const dir = workspace(files, 'ir-verdict-');
      const lint = cli(['lint', '--now', '2026-01-01T00:00:00Z', options.path], dir);
      assert.equal(lint.code, 1, lint.stdout);
      assert.match(lint.stdout, new RegExp(`error .*  ${rule}\\n`));
      for (const strict of [[], ['--strict']]) {
        const out = join(dir, 'release.html');
        const render = cli(['render', ...strict, '--now', '2026-01-01T00:00:00Z', '--out', out, options.path], dir);
        assert.equal(render.code, 1, render.stderr);
        assert.equal(render.stdout, '');
        assert.ok(!existsSync(out), 'nothing written');
        assert.match(render.stderr, new RegExp(`^incident-report: ${options.path}: not ready to publish: \\d+ finding\\(s\\) block it`));
        assert.match(render.stderr, new RegExp(` error .*\\(${rule}\\)\\n`), 'names the finding');
        assert.doesNotMatch(render.stderr, /not checked|save it first/);
      }
    });
  }

  it('render <folder> uses the .incident-report.json at the folder\'s root, as lint does', () => {
    const dir = workspace({
      'site-src/.incident-report.json': JSON.stringify({ ticketPattern: '\\bACME-\\d+\\b', rules: { 'leak-ticket': 'error' } }),
      'site-src/inc/a.md': GOOD.replace('Fragen der Presse', 'Vorgang ACME-1234. Fragen der Presse'),
    });
    const lint = cli(['lint', 'site-src'], dir);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /error {4}Ticket ID `ACME-1234` in the public text.*leak-ticket/);
    for (const target of ['site-src', 'site-src/inc/a.md']) {
      const render = cli(['render', '--as', 'status-page', '--strict', '--out', 'site', target], dir);
      assert.equal(render.code, 1, render.stderr);
      assert.ok(!existsSync(join(dir, 'site')), `${target}: nothing written`);
      assert.match(render.stderr, /^incident-report: site-src\/inc\/a\.md: not ready to publish: 1 finding\(s\) block it/);
      assert.match(render.stderr, /error Ticket ID `ACME-1234` in the public text.*\(leak-ticket\)\n/);
    }
  });

  it('without --strict, a release with errors or placeholders is not written (exit 1); --draft writes it marked', () => {
    const dir = workspace({
      'incidents/a.md': GOOD.replace(/^title: .*$/m, 'title: <Überschrift mit sichtbarer Auswirkung>').replace(/phone: \+49 2921 .*$/m, 'phone: <Telefonnummer>'),
    });
    const lint = cli(['lint', 'incidents'], dir);
    assert.equal(lint.code, 0, 'placeholders are warnings to lint while the report is drafted');
    assert.equal([...lint.stdout.matchAll(/warning {2}Placeholder/g)].length, 2);
    const render = cli(['render', '--out', 'release.html', 'incidents/a.md'], dir);
    assert.equal(render.code, 1);
    assert.ok(!existsSync(join(dir, 'release.html')));
    assert.match(render.stderr, /^incident-report: incidents\/a\.md: not ready to publish: 2 finding\(s\) block it/);
    assert.match(render.stderr, /\n {2}4:8 warning Placeholder `<Überschrift mit sichtbarer Auswirkung>` left in title: fill it in before publishing\. \(placeholder\)\n/);
    assert.match(render.stderr, /warning Placeholder `<Telefonnummer>` left in contacts\[\d\]\.phone/);
    const draft = cli(['render', '--draft', '--out', 'release.html', 'incidents/a.md'], dir);
    assert.equal(draft.code, 0, draft.stderr);
    const page = readFileSync(join(dir, 'release.html'), 'utf8');
    assert.ok(page.includes('<p class="draft-banner" role="note">ENTWURF – nicht zur Veröffentlichung</p>'));
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
  });

  it('a status page over several reports is blocked by one, which the message names; --draft marks every channel', () => {
    const dir = workspace({
      'incidents/good.md': GOOD,
      'incidents/leaky.md': GOOD.replace(/^id: .*$/m, 'id: leaky').replace('Fragen der Presse', 'Der Server 10.20.30.40 ist getrennt. Fragen der Presse'),
    });
    const blocked = cli(['render', '--as', 'status-page', '--out', 'site', 'incidents'], dir);
    assert.equal(blocked.code, 1);
    assert.ok(!existsSync(join(dir, 'site')), 'no page, no feed');
    assert.match(blocked.stderr, /^incident-report: incidents\/leaky\.md: not ready to publish: 1 finding\(s\) block it/);
    assert.doesNotMatch(blocked.stderr, /incidents\/good\.md: not ready/);
    assert.match(blocked.stderr, /\nincident-report: nothing written: one blocked report blocks the whole status-page\./);
    for (const as of ['atom', 'social']) assert.equal(cli(['render', '--as', as, 'incidents'], dir).code, 1, as);

    const draft = cli(['render', '--draft', '--as', 'status-page', '--out', 'site', 'incidents'], dir);
    assert.equal(draft.code, 0, draft.stderr);
    const page = readFileSync(join(dir, 'site', 'index.html'), 'utf8');
    assert.ok(page.includes('<header class="site-header">\n<p class="draft-banner" role="note">ENTWURF – nicht zur Veröffentlichung</p>'));
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
    const feed = readFileSync(join(dir, 'site', 'feed.xml'), 'utf8');
    const titles = [...feed.matchAll(/<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]!);
    assert.ok(titles.length > 2 && titles.every((title) => title.startsWith('[ENTWURF] ')), titles.join('\n'));
    const posts = cli(['render', '--draft', '--as', 'social', 'incidents'], dir);
    assert.equal(posts.code, 0);
    const list = posts.stdout.trimEnd().split('\n---\n');
    assert.ok(list.length > 2 && list.every((post) => post.startsWith('[ENTWURF] ')), posts.stdout);
    const text = cli(['render', '--draft', '--as', 'status-page', '--format', 'text', 'incidents'], dir);
    assert.ok(text.stdout.startsWith('*** ENTWURF – nicht zur Veröffentlichung ***\n\nNotfallseite: '));
  });

  it('confidential drafts for authorities are unchanged: rendered with findings, refused by --strict', () => {
    const broken = join(ROOT, 'examples/broken/broken.incident.md');
    const draft = cli(['render', '--as', 'gdpr-art33', broken], ROOT);
    assert.equal(draft.code, 0);
    assert.match(draft.stderr, /14 problem\(s\) \(12 error\(s\), 2 warning\(s\), 0 info\) — check them before the draft is sent:/);
    assert.equal(cli(['render', '--as', 'gdpr-art33', '--strict', broken], ROOT).code, 1);
  });
});

/** What is not published: errors and placeholders that no directive suppresses (JSON findings of lint). */
interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  suppressed?: { justification: string };
}
const blocking = (f: JsonFinding) => !f.suppressed && (f.severity === 'error' || f.ruleId === 'placeholder');
const stderrLine = (f: JsonFinding) => `  ${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`;

/** Puts a fixture's files where its options say, with its options as the folder's `.incident-report.json`. */
function layOut(name: string): { root: string; file: string; now: string } {
  const dir = join(FIXTURES, name);
  const options: FixtureOptions = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const root = mkdtempSync(join(tmpdir(), `ir-agree-${name}-`));
  const place = (path: string, file: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    copyFileSync(join(dir, file), join(root, path));
  };
  const path = options.path ?? `incidents/${name}.md`;
  place(path, 'input.md');
  for (const [other, file] of Object.entries({ ...options.family, ...options.members })) if (file !== 'input.md') place(other, file);
  const config = { timeZone: options.timeZone ?? FIXTURE_ZONE, ...(options.rules ? { rules: options.rules } : {}), ...(options.maxSize ? { maxSize: options.maxSize } : {}) };
  writeFileSync(join(root, '.incident-report.json'), JSON.stringify(config));
  return { root, file: join(root, path), now: new Date(options.now ? Date.parse(options.now) : FIXTURE_NOW).toISOString() };
}

describe('lint and render agree on every fixture', function () {
  this.timeout(60_000);
  const env = { LANG: 'C' };
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('covers blocked and publishable fixtures alike', () => assert.ok(cases.length >= 80));

  for (const name of cases) {
    it(name, async () => {
      const { root, file, now } = layOut(name);
      // One file, as given.
      const linted = JSON.parse((await main(['lint', '--format', 'json', '--now', now, file], env)).stdout) as Array<{ file: string; findings: JsonFinding[] }>;
      const blockers = linted[0]!.findings.filter(blocking);
      const rendered = await main(['render', '--now', now, file], env);
      if (blockers.length === 0) {
        assert.equal(rendered.exitCode, 0, rendered.stderr);
        assert.match(rendered.stdout, /^<!DOCTYPE html>/);
      } else if (rendered.exitCode === 2) {
        // No report to render at all (no frontmatter, not a mapping, unreadable YAML): lint says why.
        assert.ok(blockers.some((f) => f.ruleId === 'frontmatter' || f.ruleId === 'yaml-syntax'), rendered.stderr);
      } else {
        assert.equal(rendered.exitCode, 1, rendered.stderr);
        assert.equal(rendered.stdout, '');
        const listed = rendered.stderr.split('\n').filter((line) => /^ {2}\d+:\d+ (error|warning|info) /.test(line));
        assert.deepEqual(listed, blockers.map(stderrLine));
      }

      // The fixture's folder: every report in it (members with their parent), as one status page.
      const folder = JSON.parse((await main(['lint', '--format', 'json', '--now', now, root], env)).stdout) as Array<{ file: string; findings: JsonFinding[] }>;
      const page = await main(['render', '--as', 'status-page', '--now', now, root], env);
      const blockedFiles = folder.filter((result) => result.findings.some(blocking)).map((result) => result.file);
      if (folder.length === 0) assert.equal(page.exitCode, 2, page.stderr);
      else if (blockedFiles.length === 0) assert.equal(page.exitCode, 0, page.stderr);
      else {
        assert.notEqual(page.exitCode, 0, page.stderr);
        assert.equal(page.stdout, '');
        if (page.exitCode === 1) {
          const named = [...page.stderr.matchAll(/^incident-report: (.*): (?:not ready to publish|not rendered): /gm)].map((m) => m[1]);
          assert.deepEqual(named, blockedFiles);
        }
      }
    });
  }
});
