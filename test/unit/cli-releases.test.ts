import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './tempWorkspace';

/** Runs the built CLI (npm run build first; `npm test` does) in `cwd`, as a user or CI would. */
const BIN = join(__dirname, '..', '..', 'bin', 'incident-report.js');
function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'valid-report', 'input.md'), 'utf8');
const FILE = 'incidents/werne.md';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('CLI releases: the sign-off flow as a user runs it', function () {
  this.timeout(120_000);
  const dir = workspace({ [FILE]: REPORT });
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const edit = (from: string, to: string) => {
    const text = read(FILE);
    assert.ok(text.includes(from), from);
    writeFileSync(join(dir, FILE), text.replace(from, to));
  };

  it('approve writes release 1 (canonical JSON, public content only) and appends the approval', () => {
    const { code, stdout, stderr } = cli(dir, ['approve', '--by', 'Petra Schulz', '--role', 'press', '--now', '2023-11-06T10:00:00Z', FILE]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const release = read('incidents/.releases/werne/1.json');
    const fingerprint = sha256(release);
    assert.equal(stdout, `release 1 of ${FILE} approved by Petra Schulz (press) at 2023-11-06T11:00:00+01:00: wrote incidents/.releases/werne/1.json (sha256 ${fingerprint})\n`);
    assert.ok(read(FILE).includes(`\napprovals:\n  - by: Petra Schulz\n    role: press\n    at: 2023-11-06T11:00:00+01:00\n    version: 1\n    fingerprint: ${fingerprint}\n---\n`));
    const model = JSON.parse(release);
    assert.equal(model.format, 'incident-report-release/1');
    assert.equal(model.fields['/status'], 'identified');
    // Nothing internal: no internal section, no NIS2 block, no approvals.
    assert.ok(!release.includes('Interne Analyse') && !release.includes('Der Angriff traf') && !release.includes('nis2') && !release.includes('approvals'));
    assert.equal(cli(dir, ['lint', FILE]).code, 0);
  });

  it('after an edit of the public text, lint warns that the approval is stale and names the change', () => {
    edit('status: identified', 'status: monitoring');
    edit('Wir informieren fortlaufend über den Stand.', 'Wir informieren fortlaufend über den Stand. Das Bürgerbüro öffnet am Montag wieder.');
    const { code, stdout } = cli(dir, ['lint', FILE]);
    assert.equal(code, 0);
    assert.match(stdout, /45:18 {2}warning {2}The approval of release 1 is stale: The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored \(and 1 more change\(s\)\)\. Approve the current text again before it is published\. {2}approval-current/);
  });

  it('an edit of the internal section keeps it current (only the public change is named)', () => {
    edit('Der Angriff traf den Dienstleister in der Nacht.', 'Der Angriff traf den Dienstleister in der Nacht, Einstieg über vpn01.intern.');
    assert.match(cli(dir, ['lint', FILE]).stdout, /\(and 1 more change\(s\)\)/);
  });

  it('changes --since 1 lists each change in press-office words (de from the report) and as JSON Pointers', () => {
    const text = cli(dir, ['changes', FILE, '--since', '1']);
    assert.equal(text.code, 0);
    assert.equal(text.stdout, 'Änderungen seit Release 1:\n- Der Status hat sich geändert: Angriff bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht\n- Die Pressemitteilung: neuer Satz „Das Bürgerbüro öffnet am Montag wieder.“\n');
    const json = cli(dir, ['changes', FILE, '--format', 'json']);
    assert.deepEqual(JSON.parse(json.stdout), [
      { path: '/status', before: 'identified', after: 'monitoring', formOnly: false },
      { path: '/public_section', before: null, after: 'Das Bürgerbüro öffnet am Montag wieder.', formOnly: false },
    ]);
    assert.equal(cli(dir, ['changes', FILE, '--locale', 'en']).stdout.split('\n')[1], '- The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored');
  });

  it('with requireApproval, lint fails and render refuses (exit 1, nothing written) until each role approved; drafts are exempt', () => {
    writeFileSync(join(dir, '.incident-report.json'), '{ "requireApproval": { "roles": ["press", "it"] } }\n');
    const lint = cli(dir, ['lint', FILE]);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /error {4}Release gate: approval of release 1 is stale: The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored/);
    const render = cli(dir, ['render', FILE, '-o', 'release.html']);
    assert.equal(render.code, 1);
    assert.equal(existsSync(join(dir, 'release.html')), false);
    assert.match(render.stderr, /not ready to publish: 1 finding\(s\) block it/);
    assert.match(render.stderr, /Release gate: approval of release 1 is stale: The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored .*\(approval-current\)/);
    const draft = cli(dir, ['render', '--as', 'gdpr-art33', '--strict', FILE]);
    assert.equal(draft.code, 0, draft.stderr);
    assert.doesNotMatch(draft.stderr, /approval-current/);

    const press = cli(dir, ['approve', '--by', 'Petra Schulz', '--role', 'press', '--now', '2023-11-06T13:05:00Z', FILE]);
    assert.match(press.stdout, /^release 2 of incidents\/werne\.md approved by Petra Schulz \(press\)/);
    const incomplete = cli(dir, ['lint', FILE]);
    assert.equal(incomplete.code, 1);
    assert.match(incomplete.stdout, /Release gate: release 2 is not fully approved: the role\(s\) `it` have not approved it yet/);
    assert.equal(cli(dir, ['render', FILE, '-o', 'release.html']).code, 1);

    const it = cli(dir, ['approve', '--by', 'Jan Becker', '--role', 'it', '--now', '2023-11-06T13:10:00Z', FILE]);
    assert.match(it.stdout, /^release 2 of incidents\/werne\.md \(unchanged, sha256 [0-9a-f]{64}\) also approved by Jan Becker \(it\)/);
    assert.equal(existsSync(join(dir, 'incidents/.releases/werne/3.json')), false);
    assert.equal(cli(dir, ['lint', FILE]).code, 0);
    const published = cli(dir, ['render', FILE, '-o', 'release.html']);
    assert.equal(published.code, 0, published.stderr);
    assert.ok(existsSync(join(dir, 'release.html')));
    assert.equal(cli(dir, ['changes', FILE]).stdout, 'Keine Änderungen seit Release 2.\n');
  });

  it('without requireApproval render prints nothing about approvals', () => {
    const clean = workspace({ [FILE]: REPORT });
    const before = cli(clean, ['render', FILE]);
    assert.equal(before.code, 0);
    assert.equal(before.stderr, '');
  });

  it('render --whats-new puts the changes since the previous release at the top of the press release and the status page', () => {
    const html = cli(dir, ['render', '--whats-new', FILE]);
    assert.equal(html.code, 0, html.stderr);
    assert.ok(
      html.stdout.includes('<section class="whats-new" aria-label="Was ist neu"><h2>Was ist neu</h2><ul><li>Der Status hat sich geändert: Angriff bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht</li><li>Die Pressemitteilung: neuer Satz „Das Bürgerbüro öffnet am Montag wieder.“</li></ul></section>'),
      html.stdout,
    );
    const text = cli(dir, ['render', '--whats-new', '--format', 'text', FILE]);
    assert.match(text.stdout, /\nWas ist neu\n-+\n- Der Status hat sich geändert: Angriff bestätigt, Auswirkungen werden\n {2}eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht\n- Die Pressemitteilung: neuer Satz „Das Bürgerbüro öffnet am Montag\n {2}wieder\.“\n/);
    const page = cli(dir, ['render', '--as', 'status-page', '--whats-new', FILE]);
    assert.ok(page.stdout.includes('<main>\n<section class="whats-new" aria-label="Was ist neu">'), page.stdout);
    assert.ok(!cli(dir, ['render', FILE]).stdout.includes('class="whats-new"'));
    assert.equal(cli(dir, ['render', '--as', 'atom', '--whats-new', FILE]).stderr, 'incident-report: --whats-new applies to render --as press-release and status-page only\n');
  });

  it('render --whats-new from standard input needs --stdin-filename (it named .releases/<stdin>/1.json as left behind by a move)', () => {
    const piped = (args: string[]) => {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input: read(FILE), env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    assert.deepEqual(piped(['render', '--whats-new', '--format', 'text', '-']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --whats-new with - (standard input) needs --stdin-filename: the release files it compares with are beside the report (.releases/<report>/)\n',
    });
    const named = piped(['render', '--whats-new', '--format', 'text', '--stdin-filename', FILE, '-']);
    assert.equal(named.code, 0, named.stderr);
    assert.match(named.stdout, /\nWas ist neu\n-+\n- Der Status hat sich geändert: /);
  });

  it('refuses bad input with exit 2 and a precise message', () => {
    assert.deepEqual(cli(dir, ['approve', FILE]).stderr, 'incident-report: approve needs --by NAME: who approves the release\n');
    assert.deepEqual(cli(dir, ['approve', '--by', 'X', '--role', 'mayor', FILE]).stderr, 'incident-report: --role must be one of press, it, dpo, lead, not "mayor"\n');
    assert.deepEqual(cli(dir, ['changes', FILE, '--since', '9']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: incidents/.releases/werne/9.json: kein solches Release: das neueste Release von incidents/werne.md ist 2\n',
    });
    const fresh = workspace({ [FILE]: REPORT });
    assert.equal(
      cli(fresh, ['changes', '--locale', 'en', FILE, '--since', '1']).stderr,
      'incident-report: incidents/.releases/werne/1.json: no such release: incidents/werne.md has no release yet\n',
    );
    assert.equal(cli(fresh, ['changes', FILE]).stderr, 'incident-report: incidents/werne.md: noch kein Release: eines mit `incident-report approve --by NAME incidents/werne.md` freigeben\n');
    // A release file is what was approved: it is never replaced by other content.
    writeFileSync(join(dir, 'incidents/.releases/werne/3.json'), read('incidents/.releases/werne/1.json'));
    edit('status: monitoring', 'status: resolved');
    const clash = cli(dir, ['approve', '--by', 'Petra Schulz', FILE]);
    assert.equal(clash.code, 2);
    assert.match(clash.stderr, /a different release 3 exists already; it is not replaced/);
  });
});

describe('CLI releases: a change of form only (spaces, line breaks, order)', function () {
  this.timeout(60_000);
  const approved = () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    return dir;
  };
  const change = (dir: string, from: string, to: string) => {
    const text = readFileSync(join(dir, FILE), 'utf8');
    assert.ok(text.includes(from), from);
    writeFileSync(join(dir, FILE), text.replace(from, to));
  };

  it('a re-wrapped public section: changes names it, as the stale approval does (it said "No changes")', () => {
    const dir = approved();
    change(dir, 'nur eingeschränkt erreichbar.', 'nur eingeschränkt\nerreichbar.');
    assert.deepEqual(cli(dir, ['changes', FILE]), { code: 0, stdout: 'Änderungen seit Release 1:\n- Die Pressemitteilung: nur Leerzeichen oder Zeilenumbrüche geändert\n', stderr: '' });
    assert.equal(cli(dir, ['changes', '--locale', 'en', FILE]).stdout, 'Changes since release 1:\n- The press release: only spaces or line breaks changed\n');
    assert.deepEqual(JSON.parse(cli(dir, ['changes', '--format', 'json', FILE]).stdout), [
      {
        path: '/public_section',
        before: 'Die Stadtverwaltung Werne ist nach einem Angriff auf ihren IT-Dienstleister nur eingeschränkt erreichbar.\n\nWir informieren fortlaufend über den Stand.',
        after: 'Die Stadtverwaltung Werne ist nach einem Angriff auf ihren IT-Dienstleister nur eingeschränkt\nerreichbar.\n\nWir informieren fortlaufend über den Stand.',
        formOnly: true,
      },
    ]);
    const lint = cli(dir, ['lint', '--format', 'json', FILE]);
    const messages = (JSON.parse(lint.stdout) as Array<{ findings: Array<{ ruleId: string; message: string }> }>)[0]!.findings.map((f) => `${f.ruleId}: ${f.message}`);
    assert.deepEqual(messages, ['approval-current: The approval of release 1 is stale: The press release: only spaces or line breaks changed. Approve the current text again before it is published.']);
    // The public "What's new" box leaves a change of form out.
    assert.ok(!cli(dir, ['render', '--whats-new', FILE]).stdout.includes('class="whats-new"'));
  });

  it('re-ordered services: "order changed"; a removed one is named as removed, with no order change besides', () => {
    const dir = approved();
    const email = '  - name: E-Mail\n    status: partial_outage\n';
    change(dir, email, '');
    change(dir, 'affected_services:\n', `affected_services:\n${email}`);
    assert.equal(cli(dir, ['changes', FILE]).stdout, 'Änderungen seit Release 1:\n- Betroffene Dienste: Reihenfolge geändert\n');
    assert.equal(cli(dir, ['changes', '--format', 'json', FILE]).stdout, '[\n  {\n    "path": "/affected_services",\n    "before": null,\n    "after": null,\n    "formOnly": true\n  }\n]\n');
    const removed = approved();
    change(removed, '  - name: Bürgerbüro\n    status: major_outage\n    workaround: Notfall-Termine über die Servicenummer\n', '');
    assert.equal(cli(removed, ['changes', FILE]).stdout, 'Änderungen seit Release 1:\n- Entfällt: Dienst „Bürgerbüro“\n');
  });
});

describe('CLI releases: render --whats-new without news says why there is no box', function () {
  this.timeout(60_000);
  const change = (dir: string, from: string, to: string) => {
    const text = readFileSync(join(dir, FILE), 'utf8');
    assert.ok(text.includes(from), from);
    writeFileSync(join(dir, FILE), text.replace(from, to));
  };
  /** `render --whats-new` in `locale`: its exit code and stderr, and whether its stdout is that of `render` without the box. */
  const whatsNew = (dir: string, locale: string, file = FILE) => {
    const asked = cli(dir, ['render', '--whats-new', '--format', 'text', '--locale', locale, file]);
    const plain = cli(dir, ['render', '--format', 'text', '--locale', locale, file]);
    return { code: asked.code, stderr: asked.stderr, sameOutput: asked.stdout === plain.stdout && asked.stdout !== '' };
  };

  it('never released, unchanged since its release, or changed in form only: one line on stderr says why, in en and de, exit 0 (the box was left out without a word)', () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.deepEqual(whatsNew(dir, 'en'), {
      code: 0,
      stderr: `incident-report: ${FILE}: no "What's new" box: the report was never released (no approval, no release file), so there is nothing to compare with\n`,
      sameOutput: true,
    });
    assert.deepEqual(whatsNew(dir, 'de'), {
      code: 0,
      stderr: `incident-report: ${FILE}: kein Kasten „Was ist neu“: Der Bericht wurde nie freigegeben (keine Freigabe, keine Release-Datei), es gibt nichts zum Vergleichen\n`,
      sameOutput: true,
    });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    assert.deepEqual(whatsNew(dir, 'en'), { code: 0, stderr: `incident-report: ${FILE}: no "What's new" box: what it publishes has not changed since release 1\n`, sameOutput: true });
    assert.deepEqual(whatsNew(dir, 'de'), { code: 0, stderr: `incident-report: ${FILE}: kein Kasten „Was ist neu“: Was er veröffentlicht, hat sich seit Release 1 nicht geändert\n`, sameOutput: true });
    change(dir, 'nur eingeschränkt erreichbar.', 'nur eingeschränkt\nerreichbar.');
    const stale = (words: string) => `  44:18 warning ${words} (approval-current)\n`;
    assert.deepEqual(whatsNew(dir, 'en'), {
      code: 0,
      stderr:
        `incident-report: ${FILE}: 1 problem(s) (0 error(s), 1 warning(s), 0 info) that do not block publication; check them:\n` +
        stale('The approval of release 1 is stale: The press release: only spaces or line breaks changed. Approve the current text again before it is published.') +
        `incident-report: ${FILE}: no "What's new" box: only the form changed since release 1 (no news for the public)\n`,
      sameOutput: true,
    });
    assert.equal(
      whatsNew(dir, 'de').stderr.split('\n').at(-2),
      `incident-report: ${FILE}: kein Kasten „Was ist neu“: seit Release 1 hat sich nur die Form geändert (keine Neuigkeit für die Öffentlichkeit)`,
    );
    // Without --whats-new nothing is said about it.
    assert.doesNotMatch(cli(dir, ['render', '--format', 'text', FILE]).stderr, /What's new|Was ist neu/);
  });

  it('a status page with a box of one report\'s news says nothing of the reports without news; without any box it names each', () => {
    const OTHER = 'incidents/hamm.md';
    const dir = workspace({ [FILE]: REPORT, [OTHER]: REPORT.replace(/^id: .*$/m, 'id: hamm-2023-11-06') });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    const page = () => cli(dir, ['render', '--as', 'status-page', '--whats-new', '--format', 'text', '--locale', 'en', 'incidents']);
    assert.deepEqual([page().code, page().stderr], [
      0,
      `incident-report: ${OTHER}: no "What's new" box: the report was never released (no approval, no release file), so there is nothing to compare with\n` +
        `incident-report: ${FILE}: no "What's new" box: what it publishes has not changed since release 1\n`,
    ]);
    change(dir, 'status: identified', 'status: monitoring');
    const news = page();
    assert.match(news.stdout, /\nWas ist neu\n-+\n- Eingeschränkte Dienste der Stadtverwaltung Werne: Der Status hat sich\n/);
    assert.deepEqual([news.code, news.stderr], [
      0,
      `incident-report: ${FILE}: 1 problem(s) (0 error(s), 1 warning(s), 0 info) that do not block publication; check them:\n` +
        '  44:18 warning The approval of release 1 is stale: The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored. Approve the current text again before it is published. (approval-current)\n',
    ]);
  });
});

describe('CLI releases: a damaged or unreadable release file is named, not skipped', function () {
  this.timeout(60_000);
  const RELEASE_2 = 'incidents/.releases/werne/2.json';
  const NOT_JSON = "not valid JSON (Expected property name or '}' in JSON at position 1)";
  /** Release 1, an edit, release 2, another edit; then `{bad` in release 2. */
  const damaged = () => {
    const dir = workspace({ [FILE]: REPORT });
    const change = (from: string, to: string) => writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace(from, to));
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    change('status: identified', 'status: monitoring');
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T12:00:00Z', FILE]).code, 0);
    change('severity: major', 'severity: minor');
    writeFileSync(join(dir, RELEASE_2), '{bad\n');
    return dir;
  };

  it('render --whats-new refuses (it compared with release 1 and said nothing)', () => {
    const dir = damaged();
    assert.deepEqual(cli(dir, ['render', '--whats-new', '--locale', 'en', FILE]), {
      code: 2,
      stdout: '',
      stderr:
        `incident-report: ${FILE}: 1 problem(s) (0 error(s), 1 warning(s), 0 info) that do not block publication; check them:\n` +
        `  48:18 warning The approval of release 2 is stale: the published content changed since it was approved (its release file ${RELEASE_2} is damaged: ${NOT_JSON}). Approve the current text again before it is published. (approval-current)\n` +
        `incident-report: ${RELEASE_2}: ${NOT_JSON}; --whats-new compares with this release: restore the file (from version control or a backup)\n`,
    });
  });

  it('changes names the file and what is wrong with it, in the report\'s language as the rest of its words', () => {
    const dir = damaged();
    assert.deepEqual(cli(dir, ['changes', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${RELEASE_2}: kein gültiges JSON (ungültiges Symbol in Zeile 1, Spalte 2)\n` });
    assert.deepEqual(cli(dir, ['changes', '--locale', 'en', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${RELEASE_2}: ${NOT_JSON}\n` });
    writeFileSync(join(dir, RELEASE_2), '{"format": "incident-report-release/0"}\n');
    assert.deepEqual(cli(dir, ['changes', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${RELEASE_2}: eine Release-Datei im Format "incident-report-release/0", das diese Version von incident-report nicht liest (sie liest "incident-report-release/1")\n` });
    writeFileSync(join(dir, RELEASE_2), '{"format": "other"}\n');
    assert.deepEqual(cli(dir, ['changes', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${RELEASE_2}: keine Release-Datei (ihr "format" ist nicht "incident-report-release/1")\n` });
  });

  it('lint calls the stale approval\'s release file damaged (not a mere fingerprint mismatch)', () => {
    const lint = cli(damaged(), ['lint', '--format', 'json', FILE]);
    const messages = (JSON.parse(lint.stdout) as Array<{ findings: Array<{ ruleId: string; message: string }> }>)[0]!.findings.map((f) => `${f.ruleId}: ${f.message}`);
    assert.deepEqual(messages, [
      `approval-current: The approval of release 2 is stale: the published content changed since it was approved (its release file ${RELEASE_2} is damaged: ${NOT_JSON}). Approve the current text again before it is published.`,
    ]);
  });

  it('approve of the content of a damaged release says it is damaged and replaces nothing', () => {
    const dir = damaged();
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('severity: minor', 'severity: major'));
    const before = readFileSync(join(dir, FILE), 'utf8');
    assert.deepEqual(cli(dir, ['approve', '--by', 'Jan Meier', FILE]), {
      code: 2,
      stdout: '',
      stderr: `incident-report: ${RELEASE_2}: release 2 is damaged (${NOT_JSON}); it is not replaced. Restore it (from version control or a backup).\n`,
    });
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), before);
    assert.equal(readFileSync(join(dir, RELEASE_2), 'utf8'), '{bad\n');
  });

  it('approve names the release file it cannot write, not the report (it said "r.md: is a directory")', () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('status: identified', 'status: monitoring'));
    mkdirSync(join(dir, RELEASE_2));
    const before = readFileSync(join(dir, FILE), 'utf8');
    assert.deepEqual(cli(dir, ['approve', '--by', 'Petra Schulz', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${RELEASE_2}: is a directory\n` });
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), before);
  });
});

describe('CLI releases: approving twice', function () {
  this.timeout(60_000);

  it('the same person in the same role approving the same content again changes nothing (it added a second entry)', () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--role', 'press', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    const once = readFileSync(join(dir, FILE), 'utf8');
    const fingerprint = sha256(readFileSync(join(dir, 'incidents/.releases/werne/1.json'), 'utf8'));
    assert.deepEqual(cli(dir, ['approve', '--by', 'petra  schulz', '--role', 'press', '--now', '2023-11-06T11:00:00Z', FILE]), {
      code: 0,
      stdout: `release 1 of ${FILE} (sha256 ${fingerprint}) is approved by Petra Schulz (press) already (at 2023-11-06T11:00:00+01:00); nothing changed\n`,
      stderr: '',
    });
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), once);
    // Another role (or none) of the same person is another sign-off.
    const lead = cli(dir, ['approve', '--by', 'Petra Schulz', '--role', 'lead', '--now', '2023-11-06T11:00:00Z', FILE]);
    assert.equal(lead.stdout, `release 1 of ${FILE} (unchanged, sha256 ${fingerprint}) also approved by Petra Schulz (lead) at 2023-11-06T12:00:00+01:00\n`);
    assert.equal(readFileSync(join(dir, FILE), 'utf8').match(/^ {2}- by: Petra Schulz$/gm)?.length, 2);
  });
  it('approving content whose release file is there already, identical, says it wrote nothing (it said "wrote …/1.json")', () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    const fingerprint = sha256(readFileSync(join(dir, 'incidents/.releases/werne/1.json'), 'utf8'));
    // The approval entry is lost (a merge, an undo), the release file stays: the approval is recorded again.
    writeFileSync(join(dir, FILE), REPORT);
    assert.deepEqual(cli(dir, ['approve', '--by', 'Jan Ott', '--now', '2023-11-06T11:00:00Z', FILE]), {
      code: 0,
      stdout: `release 1 of ${FILE} approved by Jan Ott at 2023-11-06T12:00:00+01:00: incidents/.releases/werne/1.json was there already with exactly this content, kept (sha256 ${fingerprint})\n`,
      stderr: '',
    });
  });
});

describe('CLI releases: release files that are missing, edited by hand or stray', function () {
  this.timeout(120_000);
  const RELEASE_1 = 'incidents/.releases/werne/1.json';
  const RELEASE_2 = 'incidents/.releases/werne/2.json';
  /** Release 1, an edit, release 2 (severity minor), another edit (status monitoring). */
  const twoReleases = (path = FILE) => {
    const dir = workspace({ [path]: REPORT });
    const change = (from: string, to: string) => writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(from, to));
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', path]).code, 0);
    change('severity: major', 'severity: minor');
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T12:00:00Z', path]).code, 0);
    change('status: identified', 'status: monitoring');
    return dir;
  };

  it('render --whats-new refuses a release file edited by hand (the public box named a change that was never made)', () => {
    const dir = twoReleases();
    const approved = sha256(readFileSync(join(dir, RELEASE_2), 'utf8'));
    const edited = readFileSync(join(dir, RELEASE_2), 'utf8').replace('"/severity": "minor"', '"/severity": "critical"');
    writeFileSync(join(dir, RELEASE_2), edited);
    const render = cli(dir, ['render', '--whats-new', '--locale', 'en', '-o', 'release.html', FILE]);
    assert.equal(render.code, 2);
    assert.equal(
      render.stderr.split('\n').at(-2),
      `incident-report: ${RELEASE_2}: it is not what was approved (its SHA-256 is ${sha256(edited)}, \`approvals\` names ${approved}); --whats-new compares with this release: restore the file (from version control or a backup)`,
    );
    assert.equal(existsSync(join(dir, 'release.html')), false);
  });

  it('changes refuses a release file edited by hand, in the words of render --whats-new, in both languages (it listed the false change with exit 0)', () => {
    const dir = twoReleases();
    const approved = sha256(readFileSync(join(dir, RELEASE_2), 'utf8'));
    const edited = readFileSync(join(dir, RELEASE_2), 'utf8').replace('"/severity": "minor"', '"/severity": "critical"');
    writeFileSync(join(dir, RELEASE_2), edited);
    assert.deepEqual(cli(dir, ['changes', '--locale', 'en', FILE]), {
      code: 2,
      stdout: '',
      stderr: `incident-report: ${RELEASE_2}: it is not what was approved (its SHA-256 is ${sha256(edited)}, \`approvals\` names ${approved}); changes compares with this release: restore the file (from version control or a backup)\n`,
    });
    const german = `incident-report: ${RELEASE_2}: sie ist nicht, was freigegeben wurde (ihr SHA-256 ist ${sha256(edited)}, \`approvals\` nennt ${approved})`;
    assert.deepEqual(cli(dir, ['changes', '--format', 'json', FILE]), {
      code: 2,
      stdout: '',
      stderr: `${german}; changes vergleicht mit diesem Release: die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)\n`,
    });
    assert.equal(cli(dir, ['render', '--whats-new', '--locale', 'de', FILE]).stderr.split('\n').at(-2), `${german}; --whats-new vergleicht mit diesem Release: die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)`);
    // An older release, as approved, is still compared with.
    assert.equal(cli(dir, ['changes', '--since', '1', '--locale', 'en', FILE]).stdout, 'Changes since release 1:\n- The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored\n- The severity changed: significant disruption → minor disruption\n');
  });

  it('a report moved without its release files: render --whats-new and changes name the missing file (the box was left out, changes said "no release yet")', () => {
    const dir = twoReleases();
    const moved = 'archive/werne.md';
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, moved), readFileSync(join(dir, FILE), 'utf8'));
    const render = cli(dir, ['render', '--whats-new', '--locale', 'en', moved]);
    assert.equal(render.code, 2);
    assert.equal(
      render.stderr.split('\n').at(-2),
      'incident-report: archive/.releases/werne/2.json: file not found, though `approvals` names release 2 (a report moved or renamed leaves its release files behind); --whats-new compares with this release: restore the file (from version control or a backup)',
    );
    assert.deepEqual(cli(dir, ['changes', '--locale', 'en', moved]), {
      code: 2,
      stdout: '',
      stderr: `incident-report: archive/.releases/werne/2.json: file not found, though \`approvals\` in ${moved} names release 2: a report moved or renamed leaves its release files behind; move its folder archive/.releases/werne with it, or restore the file (from version control or a backup)\n`,
    });
    assert.equal(
      cli(dir, ['changes', '--since', '1', moved]).stderr,
      `incident-report: archive/.releases/werne/1.json: Datei nicht gefunden, obwohl \`approvals\` in ${moved} Release 1 nennt: Ein verschobener oder umbenannter Bericht lässt seine Release-Dateien zurück; den Ordner archive/.releases/werne mitverschieben oder die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung)\n`,
    );
    // With its folder moved along, both work again.
    mkdirSync(join(dir, 'archive/.releases/werne'), { recursive: true });
    for (const release of [RELEASE_1, RELEASE_2]) writeFileSync(join(dir, release.replace('incidents/', 'archive/')), readFileSync(join(dir, release), 'utf8'));
    assert.equal(cli(dir, ['changes', moved]).stdout, 'Änderungen seit Release 2:\n- Der Status hat sich geändert: Angriff bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht\n');
  });

  it('a stray release file with a huge number: render --whats-new reads only the releases there are (it read every number below it, for hours)', () => {
    const dir = twoReleases();
    // Release 2 again under a number far above the others, so the search goes on below it.
    writeFileSync(join(dir, 'incidents/.releases/werne/900000000.json'), readFileSync(join(dir, RELEASE_2), 'utf8'));
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('status: monitoring', 'status: identified'));
    // A time-out only so that the old behaviour fails instead of hanging the suite.
    const render = spawnSync(process.execPath, [BIN, 'render', '--whats-new', '--format', 'text', FILE], { cwd: dir, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(render.status, 0, render.stderr);
    assert.match(render.stdout, /\nWas ist neu\n-+\n- Der Schweregrad hat sich geändert: deutliche Einschränkungen → geringe\n {2}Einschränkungen\n/);
  });

  it('changes --since with a number beyond the safe integers is refused (it looked for release "1e+21")', () => {
    assert.deepEqual(cli(twoReleases(), ['changes', FILE, '--since', '999999999999999999999']), { code: 2, stdout: '', stderr: 'incident-report: --since takes a release number ≥ 1, not "999999999999999999999"\n' });
  });
});

describe('CLI releases: two reports that would share a release folder', function () {
  this.timeout(60_000);

  it('approving x.markdown beside an approved x.md is refused naming the clash (it said "approvals edited by hand?"); nothing is written', () => {
    const dir = workspace({ [FILE]: REPORT, 'incidents/werne.markdown': REPORT.replace('status: identified', 'status: monitoring') });
    const first = cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', '--locale', 'en', FILE]);
    assert.deepEqual(first, {
      code: 2,
      stdout: '',
      stderr: 'incident-report: incidents/werne.md: not approved: incidents/werne.markdown beside it keeps its release files in incidents/.releases/werne too (the folder is named after the report without .md or .markdown); rename one of the two reports (moving the release folder of one already approved along)\n',
    });
    assert.equal(existsSync(join(dir, 'incidents/.releases')), false);
    // Approved before the other report appeared: its release stays where its approvals name it.
    const alone = workspace({ [FILE]: REPORT });
    assert.equal(cli(alone, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    writeFileSync(join(alone, 'incidents/werne.markdown'), REPORT.replace('status: identified', 'status: monitoring'));
    const before = readFileSync(join(alone, 'incidents/werne.markdown'), 'utf8');
    assert.deepEqual(cli(alone, ['approve', '--by', 'Petra Schulz', '--locale', 'de', 'incidents/werne.markdown']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: incidents/werne.markdown: nicht freigegeben: incidents/werne.md daneben legt seine Release-Dateien ebenfalls in incidents/.releases/werne ab (der Ordner ist nach dem Bericht ohne .md oder .markdown benannt); einen der beiden Berichte umbenennen (bei einem schon freigegebenen den Release-Ordner mitverschieben)\n',
    });
    assert.equal(readFileSync(join(alone, 'incidents/werne.markdown'), 'utf8'), before);
    assert.deepEqual(readdirSync(join(alone, 'incidents/.releases/werne')), ['1.json']);
    assert.equal(cli(alone, ['changes', FILE]).stdout, 'Keine Änderungen seit Release 1.\n');
  });
});

describe('CLI releases: a release folder left behind for another report', function () {
  this.timeout(60_000);
  const OTHER = 'incidents/.releases/werne/1.json';
  const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

  it('a new report under the name of one renamed without its folder: changes, render --whats-new and approve name the other report\'s release (changes and the box listed the differences between two incidents)', () => {
    const dir = workspace({ [FILE]: REPORT });
    assert.equal(cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    // Renamed without its release folder; a report of another incident takes the old name.
    writeFileSync(join(dir, 'incidents/werne-2023.md'), read(dir, FILE));
    writeFileSync(join(dir, FILE), REPORT.replace(/^id: .*$/m, 'id: werne-2024-02-01').replace('status: identified', 'status: monitoring'));
    const problem =
      'a release of another report (its `id` is werne-2023-11-06, this report\'s is werne-2024-02-01) that no approval of this report names: a report renamed or moved without its release folder left it behind; move the folder to that report';
    assert.deepEqual(cli(dir, ['changes', '--locale', 'en', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${OTHER}: ${problem}\n` });
    const render = cli(dir, ['render', '--whats-new', '--locale', 'en', FILE]);
    assert.deepEqual([render.code, render.stdout, render.stderr.split('\n').at(-2)], [2, '', `incident-report: ${OTHER}: ${problem}`]);
    assert.deepEqual(cli(dir, ['approve', '--by', 'Jan Becker', '--locale', 'en', FILE]), { code: 2, stdout: '', stderr: `incident-report: ${OTHER}: not approved: ${problem}\n` });
    assert.equal(
      cli(dir, ['changes', FILE]).stderr,
      `incident-report: ${OTHER}: ein Release eines anderen Berichts (seine \`id\` ist werne-2023-11-06, die dieses Berichts ist werne-2024-02-01), das keine Freigabe dieses Berichts nennt: Ein umbenannter oder verschobener Bericht hat seinen Release-Ordner zurückgelassen; den Ordner zu jenem Bericht verschieben\n`,
    );
    // The report's own `id` changed after its approval: still its release, named by its approvals.
    const own = workspace({ [FILE]: REPORT });
    assert.equal(cli(own, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]).code, 0);
    writeFileSync(join(own, FILE), read(own, FILE).replace(/^id: .*$/m, 'id: werne-2023-11-06-a'));
    const changed = cli(own, ['changes', '--format', 'json', FILE]);
    assert.equal(changed.code, 0, changed.stderr);
    assert.deepEqual(JSON.parse(changed.stdout), [{ path: '/id', before: 'werne-2023-11-06', after: 'werne-2023-11-06-a', formOnly: false }]);
  });
});

describe('CLI releases: approvals at the same time', function () {
  this.timeout(120_000);
  const run = (cwd: string, args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });

  it('four people approving at once: every approval is recorded (the last write dropped the others, which had said "approved")', async () => {
    const dir = workspace({ [FILE]: REPORT });
    const people = [['Anna Berg', 'press'], ['Bert Stein', 'it'], ['Cora Wolf', 'lead'], ['Dana Fuchs', 'dpo']] as const;
    const results = await Promise.all(people.map(([by, role]) => run(dir, ['approve', '--by', by, '--role', role, '--now', '2023-11-06T10:00:00Z', FILE])));
    for (const result of results) assert.deepEqual([result.code, result.stderr], [0, '']);
    const entries = readFileSync(join(dir, FILE), 'utf8').match(/^ {2}- by: .*$/gm)?.sort();
    assert.deepEqual(entries, people.map(([by]) => `  - by: ${by}`));
    assert.deepEqual(readdirSync(join(dir, 'incidents')).sort(), ['.releases', 'werne.md']);
  });

  it('while another approval holds the report, approve waits, then gives up naming the lock file; nothing is written', async () => {
    const dir = workspace({ [FILE]: REPORT, 'incidents/.werne.md.approving': '4242\n' });
    const result = await run(dir, ['approve', '--by', 'Anna Berg', FILE]);
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr: `incident-report: incidents/.werne.md.approving: another approval of ${FILE} is running (this lock file is there); approve again when it is done, or delete the file if none is running\n`,
    });
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), REPORT);
    assert.equal(existsSync(join(dir, 'incidents/.releases')), false);
  });
});

describe('CLI releases: what cannot be published is not approved', function () {
  this.timeout(30_000);

  it('a leak or a placeholder in what it publishes: refused with exit 1, naming each, and nothing is written (it wrote the internal host name into the release file)', () => {
    const leaking = REPORT.replace(/(## Pressemitteilung\n\n)/, '$1Betroffen ist der Server fileserver.swit.intern. TODO: Zitat ergänzen.\n\n');
    const dir = workspace({ [FILE]: leaking });
    const { code, stdout, stderr } = cli(dir, ['approve', '--by', 'Petra Schulz', '--role', 'press', '--now', '2023-11-06T10:00:00Z', FILE]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const line = leaking.split('\n').findIndex((text) => text.startsWith('Betroffen ist')) + 1;
    assert.equal(
      stderr,
      `incident-report: ${FILE}: not approved: fix 2 finding(s) in what it publishes first (an approval writes the published text into its release file, and this text cannot go out as it is):\n` +
        `  ${line}:26 error Internal host name \`fileserver.swit.intern\` (domain \`.intern\`) in the public text: names of internal systems help attackers map the network and must not be published. (leak-hostname)\n` +
        `  ${line}:50 warning Placeholder \`TODO\` left in the public text: fill it in before publishing. (placeholder)\n`,
    );
    assert.equal(readFileSync(join(dir, FILE), 'utf8'), leaking);
    assert.equal(existsSync(join(dir, 'incidents', '.releases')), false);
    const german = cli(dir, ['approve', '--by', 'Petra Schulz', '--locale', 'de', FILE]);
    assert.match(german.stderr, /^incident-report: incidents\/werne\.md: nicht freigegeben: zuerst 2 Befund\(e\) in dem beheben, was er veröffentlicht/);
  });

  it('an internal error does not stop the approval, nor a leak suppressed with a reason', () => {
    const suppressed = REPORT.replace(/(## Pressemitteilung\n\n)/, '$1<!-- incident-report-disable-next-line leak-hostname -- the public portal, not internal -->\nDer Dienst portal.kreis.intern ist wieder erreichbar.\n\n');
    const dir = workspace({ [FILE]: suppressed });
    const { code, stderr } = cli(dir, ['approve', '--by', 'Petra Schulz', '--now', '2023-11-06T10:00:00Z', FILE]);
    assert.deepEqual([code, stderr], [0, '']);
    assert.ok(existsSync(join(dir, 'incidents', '.releases', 'werne', '1.json')));
  });
});
