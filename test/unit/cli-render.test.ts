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
    assert.ok(stdout.startsWith('PRESS RELEASE · Südwestfalen-IT (municipal IT service provider)\n\nRansomware attack on the data centres of Südwestfalen-IT\n'));
    assert.ok(stdout.includes('\n\nSüdwestfalen-IT (municipal IT service provider), 6 November 2023 –\nSüdwestfalen-IT, the IT service provider'));
    assert.ok(stdout.includes('Update — Monday, 30 October 2023, 6:00 pm\n'));
    assert.ok(!stdout.includes('<'), 'no HTML in the text version');
  });

  it('honours --rule as lint does: a rule set off no longer blocks, a rule set to error blocks (over the file)', () => {
    const rules = mkdtempSync(join(tmpdir(), 'ir-render-rule-'));
    const report = join(rules, 'r.md');
    // detected_at before started_at: one chronology error, nothing else.
    writeFileSync(report, readFileSync(join(ROOT, DE), 'utf8').replace('  detected_at: 2023-10-30T06:45:00+01:00', '  detected_at: 2023-10-30T00:45:00+01:00'));
    const blocking = '  35:16 error timestamps.detected_at (2023-10-30T00:45:00+01:00) is before timestamps.started_at (2023-10-30T01:01:00+01:00); the order is started_at ≤ detected_at ≤ contained_at ≤ resolved_at. (chronology)';
    const blocked = cli(['render', report, '--out', join(rules, 'blocked.html')]);
    assert.equal(blocked.code, 1);
    assert.equal(blocked.stderr.split('\n')[1], blocking);
    assert.ok(!existsSync(join(rules, 'blocked.html')));

    const off = cli(['render', report, '--rule', 'chronology=off', '--out', join(rules, 'off.html')]);
    assert.equal(off.stderr, `incident-report: wrote ${join(rules, 'off.html')}\n`);
    assert.equal(off.code, 0);
    assert.ok(readFileSync(join(rules, 'off.html'), 'utf8').includes('<h1>Cyberangriff auf die Südwestfalen-IT'));

    // The project file turns the rule off; --rule chronology=error on the command line wins and blocks.
    writeFileSync(join(rules, '.incident-report.json'), JSON.stringify({ rules: { chronology: 'off' } }));
    assert.equal(cli(['render', report, '--out', join(rules, 'file-off.html')]).code, 0);
    const error = cli(['render', report, '--rule', 'chronology=error', '--out', join(rules, 'error.html')]);
    assert.equal(error.code, 1);
    assert.equal(error.stderr.split('\n')[1], blocking);
    assert.ok(!existsSync(join(rules, 'error.html')));
  });

  it('writes --out and says so on stderr', () => {
    const out = join(dir, 'release.html');
    const { code, stdout, stderr } = cli(['render', EN, '--out', out]);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, `incident-report: wrote ${out}\n`);
    assert.ok(readFileSync(out, 'utf8').includes('<h1>Ransomware attack on the data centres of Südwestfalen-IT</h1>'));
  });

  it('fails closed: a report with errors is not rendered (exit 1, nothing written), its blocking findings on stderr', () => {
    const out = join(dir, 'blocked.html');
    const { code, stdout, stderr } = cli(['render', BROKEN, '--out', out]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.ok(!existsSync(out), 'nothing written');
    const lines = stderr.split('\n');
    assert.equal(lines[0], 'incident-report: examples/broken/broken.incident.md: not ready to publish: 13 finding(s) block it (errors, and placeholders, which are never published):');
    assert.equal(lines[1], '  1:1 error `severity` is missing: choose critical, major, minor or none. (schema)');
    // The placeholder is a warning to lint, and still blocks.
    assert.ok(lines.includes('  51:1 warning Placeholder `TODO` left in the public text: fill it in before publishing. (placeholder)'));
    assert.equal(lines.at(-3), 'incident-report: examples/broken/broken.incident.md: 1 more finding(s) do not block; run `incident-report lint examples/broken/broken.incident.md`');
    assert.equal(lines.at(-2), 'incident-report: nothing written. Fix the findings, suppress a wrongly flagged one with a reason, or render a marked draft with --draft.');
    // --strict, the documented default, changes nothing.
    const strict = cli(['render', BROKEN, '--strict', '--out', out]);
    assert.deepEqual(strict, { code: 1, stdout: '', stderr });
    assert.ok(!existsSync(out));
  });

  it('says so in German with --locale de', () => {
    const { code, stderr } = cli(['render', BROKEN, '--locale', 'de']);
    assert.equal(code, 1);
    assert.match(stderr, /^incident-report: examples\/broken\/broken\.incident\.md: nicht veröffentlichungsreif: 13 Befund\(e\) blockieren \(Fehler sowie Platzhalter, die nie veröffentlicht werden\):\n/);
    assert.match(stderr, /\nincident-report: nichts geschrieben\. Befunde beheben, einen zu Unrecht gemeldeten mit Grund unterdrücken oder mit --draft einen gekennzeichneten Entwurf erzeugen\.\n$/);
  });

  it('--draft renders a blocked report marked as a draft (exit 0) and lists what blocks it', () => {
    const out = join(dir, 'draft.html');
    const { code, stdout, stderr } = cli(['render', BROKEN, '--draft', '--out', out]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    const lines = stderr.split('\n');
    assert.equal(lines[0], 'incident-report: examples/broken/broken.incident.md: rendered as a draft ("ENTWURF – nicht zur Veröffentlichung"): 13 finding(s) block publication:');
    assert.equal(lines.at(-2), `incident-report: wrote ${out}`);
    const page = readFileSync(out, 'utf8');
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
    assert.ok(page.includes('<main>\n<p class="draft-banner" role="note">ENTWURF – nicht zur Veröffentlichung</p>\n<article class="press-release">'));
    assert.ok(page.includes('<title>[ENTWURF] Pressemitteilung: '));
    const text = cli(['render', BROKEN, '--draft', '--format', 'text']);
    assert.equal(text.code, 0);
    assert.ok(text.stdout.startsWith('*** ENTWURF – nicht zur Veröffentlichung ***\n\nPRESSEMITTEILUNG'), text.stdout.slice(0, 80));
  });

  it('--draft and --strict exclude each other; --draft is for public outputs', () => {
    assert.deepEqual(cli(['render', BROKEN, '--draft', '--strict']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --draft and --strict exclude each other: --strict refuses what --draft renders as a draft\n',
    });
    assert.equal(cli(['render', '--as', 'gdpr-art33', '--draft', BROKEN]).code, 2);
    assert.equal(cli(['lint', '--draft', BROKEN]).code, 2);
  });

  it('renders a report with warnings only, and lists them as not blocking', () => {
    const file = join(dir, 'warn.incident.md');
    writeFileSync(file, readFileSync(join(ROOT, DE), 'utf8').replace('Fragen der Presse', 'Vorgang INC-2023-4711. Fragen der Presse'));
    const { code, stdout, stderr } = cli(['render', file, '--strict']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /1 problem\(s\) \(0 error\(s\), 1 warning\(s\), 0 info\) that do not block publication; check them:/);
    assert.match(stderr, /warning Ticket ID `INC-2023-4711` in the public text/);
    assert.match(stdout, /^<!DOCTYPE html>/);
  });

  it('counts infos in the summary, as lint does: the counts add up to the problems', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ir-render-info-'));
    const file = join(folder, 'info.incident.md');
    writeFileSync(file, readFileSync(join(ROOT, DE), 'utf8').replace('Fragen der Presse', 'Vorgänge INC-2023-4711 und INC-2023-4712. Fragen der Presse'));
    writeFileSync(join(folder, '.incident-report.json'), JSON.stringify({ rules: { 'leak-ticket': 'info' } }));
    const en = cli(['render', file, '--out', join(folder, 'info.html')]);
    assert.equal(en.code, 0, en.stderr);
    const head = `incident-report: ${file}: 2 problem(s) (0 error(s), 0 warning(s), 2 info) that do not block publication; check them:\n`;
    assert.ok(en.stderr.startsWith(head), en.stderr);
    const de = cli(['render', file, '--locale', 'de', '--out', join(folder, 'info.html')]);
    assert.ok(de.stderr.startsWith(`incident-report: ${file}: 2 Problem(e) (0 Fehler, 0 Warnung(en), 2 Hinweis(e)), die die Veröffentlichung nicht blockieren; bitte prüfen:\n`), de.stderr);
    // lint says the same counts.
    assert.match(cli(['lint', file]).stdout, /\n✖ 2 problem\(s\) \(0 error\(s\), 0 warning\(s\), 2 info\) in 1 file\(s\)\n$/);
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
    // A missing folder is created (cli-input.test.ts); a path through a file cannot be written.
    writeFileSync(join(dir, 'a-file'), '');
    const { code, stderr } = cli(['render', DE, '--out', join(dir, 'a-file', 'x.html')]);
    assert.equal(code, 2);
    assert.equal(stderr, `incident-report: ${join(dir, 'a-file')}: exists and is not a directory\n`);
  });
});

describe('CLI render --as (public channels)', function () {
  // Each case runs the built CLI several times: give a loaded CI machine room.
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ir-channels-'));
  const RESOLVED = 'examples/incidents/2022-12-01-drensteinfurt.md';
  const LINK = 'https://www.kreis-soest.de/notfall/';

  it('status-page --out DIR writes index.html and feed.xml side by side, for a folder of reports', () => {
    const out = join(dir, 'status');
    const { code, stdout, stderr } = cli(['render', '--as', 'status-page', '--link', LINK, '--out', out, 'examples/incidents']);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.equal(stderr, `incident-report: wrote ${join(out, 'index.html')}\nincident-report: wrote ${join(out, 'feed.xml')}\nincident-report: feed URL: ${LINK}feed.xml\n`);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    assert.ok(page.includes('<h2 id="org-0">Stadt Drensteinfurt</h2>') || page.includes('Stadt Drensteinfurt'));
    assert.ok(page.includes('<a href="feed.xml" type="application/atom+xml">'));
    assert.ok(page.includes('<h2 id="resolved-heading">Kürzlich behoben</h2>'));
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    assert.equal([...feed.matchAll(/<entry /g)].length, 7 + 6 + 6 + 1);
    assert.ok(feed.includes(`<link rel="self" type="application/atom+xml" href="${LINK}feed.xml"/>`));
  });

  it('status-page --format text, atom and social print to stdout', () => {
    const text = cli(['render', '--as', 'status-page', '--format', 'text', DE]);
    assert.equal(text.code, 0);
    assert.ok(text.stdout.startsWith('Notfallseite: Kreis Soest\n#########################\n'));
    const atom = cli(['render', '--as', 'atom', DE, RESOLVED]);
    assert.equal(atom.code, 0);
    assert.ok(atom.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">'));
    const social = cli(['render', '--as', 'social', '--max-chars', '500', '--link', LINK, '--hashtag', 'Soest', EN]);
    assert.equal(social.code, 0);
    const posts = social.stdout.trimEnd().split('\n---\n');
    assert.equal(posts.length, 1 + 6);
    for (const post of posts) assert.ok(post.includes(`${LINK} #Soest`) && post.length <= 520, post);
    const json = JSON.parse(cli(['render', '--as', 'social', '--format', 'json', EN]).stdout) as Array<{ kind: string; chars: number }>;
    assert.deepEqual(json.map((p) => p.kind), ['state', 'update', 'update', 'update', 'update', 'update', 'update']);
  });

  it('hostile values in every field: no markup in the HTML, no XML injection, posts within the limit', () => {
    const attack = `<script>alert(1)</script><img src=x onerror=alert(2)>]]></content><entry><id>evil</id></entry>&xxe;"'`;
    const quoted = JSON.stringify(attack);
    const report = join(dir, 'hostile.md');
    writeFileSync(
      report,
      `---
schema: incident-report/v1
id: hostile
title: ${quoted}
lang: de
status: identified
severity: major
organization: ${quoted}
organization_about: ${quoted}
affected_organizations: [${quoted}]
affected_services:
  - name: ${quoted}
    status: major_outage
    workaround: ${quoted}
timestamps:
  started_at: 2023-10-30T01:01:00+01:00
  detected_at: 2023-10-30T02:00:00+01:00
  published_at: 2023-10-30T08:00:00+01:00
data_loss:
  occurred: unknown
  exfiltration: under_investigation
  personal_data: unknown
  statement: ${quoted}
authorities:
  - name: ${quoted}
    role: law_enforcement
updates:
  - at: 2023-10-30T09:00:00+01:00
    text: ${JSON.stringify(attack + ' ' + 'sehr lang '.repeat(100))}
contacts:
  - role: hotline
    name: ${quoted}
    phone: ${quoted}
    email: ${quoted}
    hours: ${quoted}
---

## Pressemitteilung

${attack}
`,
    );
    // The hostile report is full of findings: render it as a draft, which must be just as safe.
    for (const as of ['press-release', 'status-page']) {
      const { code, stdout } = cli(['render', '--draft', '--as', as, report]);
      assert.equal(code, 0, as);
      assert.ok(!/<script|<img|<entry/i.test(stdout), `${as}: raw markup`);
      assert.ok(stdout.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'), as);
    }
    const atom = cli(['render', '--draft', '--as', 'atom', report]).stdout;
    assert.equal([...atom.matchAll(/<entry /g)].length, 1, 'no injected entry');
    assert.ok(!/<script|<img|<id>evil|&xxe;/.test(atom));
    assert.ok(atom.includes('&lt;/content&gt;&lt;entry&gt;&lt;id&gt;evil&lt;/id&gt;&lt;/entry&gt;&amp;xxe;&quot;&apos;'));
    const social = cli(['render', '--draft', '--as', 'social', '--max-chars', '120', report]);
    assert.equal(social.code, 0);
    for (const post of social.stdout.trimEnd().split('\n---\n')) assert.ok([...new Intl.Segmenter().segment(post)].length <= 120, post);
  });

  it('exits 2 with a precise message on bad channel options', () => {
    assert.match(cli(['render', '--as', 'poster', DE]).stderr, /--as must be one of press-release, status-page, atom, social, gdpr-art33, gdpr-art33-controller, gdpr-art34, nis2-early-warning, nis2-notification, nis2-progress-report, nis2-final-report, not "poster"/);
    assert.match(cli(['render', DE, EN]).stderr, /render --as press-release takes exactly one report file/);
    assert.match(cli(['render', '--as', 'atom', '--format', 'html', DE]).stderr, /--format for render --as atom must be "xml", not "html"/);
    assert.match(cli(['render', '--as', 'social', '--max-chars', '10', DE]).stderr, /--max-chars takes a whole number from 60 to 100000, not "10"/);
    assert.match(cli(['render', '--as', 'press-release', '--max-chars', '300', DE]).stderr, /--max-chars applies to render --as social only/);
    assert.match(cli(['render', '--as', 'social', '--link', 'javascript:alert(1)', DE]).stderr, /--link takes an absolute http\(s\) URL, not "javascript:alert\(1\)"/);
    assert.match(cli(['render', '--as', 'social', '--hashtag', 'a b', DE]).stderr, /--hashtag takes letters, digits and _/);
    assert.match(cli(['render', '--as', 'status-page', join(dir, 'nothing-here')]).stderr, /nothing-here: file not found/);
  });
});
