import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `--now` and `render --as <draft>` through the built CLI (npm run build first; `npm test` does). */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = 'test/fixtures/authority-drafts/input.md';

describe('CLI: --now and confidential drafts', () => {
  it('lint --now measures the deadlines against that instant', () => {
    const before = cli(['lint', '--format', 'json', '--now', '2023-11-01T20:00:00+01:00', REPORT]);
    assert.equal(before.code, 0, before.stderr);
    const messages = JSON.parse(before.stdout)[0].findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`);
    assert.ok(messages.includes('gdpr-notification: Notification of the supervisory authority due by Thursday, 2 November 2023, 7:30 am (11 hours left): personal data is affected (GDPR Art. 33); record `data_loss.authority_notified_at` once it is sent.'));
    const after = cli(['lint', '--locale', 'de', '--now', '2023-11-02T07:30:00Z', REPORT]);
    assert.equal(after.code, 1);
    assert.match(after.stdout, /Meldung an die Aufsichtsbehörde war fällig bis Donnerstag, 2\. November 2023, 7:30 Uhr \(seit 1 Stunde überfällig\)/);
  });

  it('--now must be an RFC 3339 instant with offset (exit 2 with a clear message)', () => {
    for (const bad of ['yesterday', '2023-11-01', '2023-11-01T20:00:00', '2023-13-01T20:00:00Z', '2023-11-01T20:00+01:00']) {
      for (const command of ['lint', 'render']) {
        const r = cli([command, '--now', bad, REPORT]);
        assert.equal(r.code, 2, `${command} --now ${bad}`);
        assert.equal(r.stderr, `incident-report: --now takes an RFC 3339 date-time with offset, e.g. 2023-10-30T09:00:00+01:00 or 2023-10-30T08:00:00Z; got "${bad}"\n`);
      }
    }
  });

  it('render --as gdpr-art33 writes the draft in the report language; --locale overrides it', () => {
    const de = cli(['render', '--as', 'gdpr-art33', '--now', '2023-11-01T20:00:00+01:00', REPORT]);
    assert.equal(de.code, 0);
    assert.ok(de.stdout.startsWith('*** Vertraulich – Entwurf für die Behörde, nicht zur Veröffentlichung.'));
    assert.ok(de.stdout.includes('2.6 Meldung fällig: Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden)'));
    const en = cli(['render', '--as', 'gdpr-art33', '--locale', 'en', '--format', 'md', '--now', '2023-11-01T20:00:00+01:00', REPORT]);
    assert.equal(en.code, 0);
    assert.ok(en.stdout.startsWith('> **Confidential — draft for the authority'));
    assert.ok(en.stdout.includes('| 2.3 | Became aware of the breach | Monday, 30 October 2023, 7:30 am | Art. 33(1) GDPR |'), en.stdout);
  });

  it('render --as <draft> summarises the findings as things to check before sending, not publishing', () => {
    const overdue = cli(['render', '--as', 'gdpr-art33', '--now', '2023-11-02T07:30:00Z', REPORT]);
    assert.equal(overdue.code, 0, overdue.stderr);
    const head = overdue.stderr.split('\n')[0]!;
    assert.match(head, /^incident-report: test\/fixtures\/authority-drafts\/input\.md: 3 problem\(s\) \(2 error\(s\), 0 warning\(s\), 1 info\) — check them before the draft is sent:$/);
    assert.ok(overdue.stderr.includes('(gdpr-notification)'), overdue.stderr);
    assert.ok(!/publish/.test(head), head);
    const de = cli(['render', '--as', 'nis2-notification', '--locale', 'de', '--now', '2023-11-02T07:30:00Z', REPORT]);
    const deHead = de.stderr.split('\n')[0]!;
    assert.match(deHead, / — vor dem Versand des Entwurfs prüfen:$/);
    assert.ok(!deHead.includes('Pressemitteilung'), deHead);
  });

  it('render --as gdpr-art33-controller --controller NAME writes the notice to that one controller', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-notice-'));
    const file = join(dir, 'r.md');
    writeFileSync(file, readFileSync(join(ROOT, REPORT), 'utf8').replace('  risk: high\n', '  risk: high\n  role: both\n  controllers:\n    - name: Stadt Werne\n    - name: Gemeinde Wickede (Ruhr)\n'));
    const now = ['--now', '2023-11-01T20:00:00+01:00'];
    const werne = cli(['render', '--as', 'gdpr-art33-controller', '--controller', 'Stadt Werne', ...now, file]);
    assert.equal(werne.code, 0, werne.stderr);
    assert.ok(werne.stdout.includes('\nAn: Stadt Werne\n') && !werne.stdout.includes('Wickede'), werne.stdout);
    const open = cli(['render', '--as', 'gdpr-art33-controller', ...now, file]);
    assert.ok(open.stdout.includes('\nAn: [noch offen: an welchen Verantwortlichen diese Information geht (eine Information je Verantwortlichem): Stadt Werne; Gemeinde Wickede (Ruhr)]\n'), open.stdout);
    const wrongOutput = cli(['render', '--as', 'gdpr-art33', '--controller', 'Stadt Werne', file]);
    assert.deepEqual(wrongOutput, { code: 2, stdout: '', stderr: "incident-report: --controller applies to render --as gdpr-art33-controller only (the processor's notice to one controller)\n" });
    assert.deepEqual(cli(['lint', '--controller', 'Stadt Werne', file]), { code: 2, stdout: '', stderr: 'incident-report: --controller is an option of render, not of lint\n' });
  });

  it('render --as rejects unknown outputs and formats the output does not have', () => {
    const unknown = cli(['render', '--as', 'tweet', REPORT]);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'incident-report: --as must be one of press-release, status-page, atom, social, gdpr-art33, gdpr-art33-controller, gdpr-art34, nis2-early-warning, nis2-notification, nis2-progress-report, nis2-final-report, not "tweet"\n');
    const format = cli(['render', '--as', 'nis2-notification', '--format', 'pdf', REPORT]);
    assert.equal(format.code, 2);
    assert.equal(format.stderr, 'incident-report: --format for render --as nis2-notification must be "text" or "html" or "md", not "pdf"\n');
  });

  it('render --as gdpr-art33 writes the follow-up once a notification was sent; --initial the first one again', () => {
    const report = 'test/fixtures/draft-art33-follow-up/input.md';
    const follow = cli(['render', '--as', 'gdpr-art33', '--now', '2023-11-03T20:00:00+01:00', report]);
    assert.equal(follow.code, 0, follow.stderr);
    assert.ok(follow.stdout.includes('Folgemeldung (ergänzende Meldung) einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 Abs. 4 DSGVO)'));
    assert.ok(follow.stdout.includes('0.1 Aktenzeichen der Aufsichtsbehörde: LDI-2023-04711'));
    const initial = cli(['render', '--as', 'gdpr-art33', '--initial', '--locale', 'en', '--now', '2023-11-03T20:00:00+01:00', report]);
    assert.equal(initial.code, 0, initial.stderr);
    assert.ok(initial.stdout.includes('Notification of a personal data breach to the supervisory authority (GDPR Art. 33)\n'));
    assert.ok(!initial.stdout.includes('This is a first notification') && !initial.stdout.includes('0.1 File number'));
    const wrong = cli(['render', '--as', 'nis2-notification', '--initial', report]);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr, 'incident-report: --initial applies to render --as gdpr-art33 only\n');
  });

  it('lint --now: the NIS2 early warning counts from detected_at, not from the later data_loss.aware_at (exit 1)', () => {
    const r = cli(['lint', '--locale', 'en', '--now', '2026-05-07T12:00:00+02:00', 'test/fixtures/nis2-clock-from-detected/input.md']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /NIS2 early warning to the BSI was due by Wednesday, 6 May 2026, 8:00 am \(overdue by 28 hours\)/);
  });
});
