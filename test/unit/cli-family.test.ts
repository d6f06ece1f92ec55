import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Families on the command line: parents resolved also outside the linted folder, related locations
 * in JSON and SARIF, members known to their parent, and the same result on one or two threads.
 * Runs the built CLI (npm run build first; `npm test` does).
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const fixture = (name: string, file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');

function cli(args: string[], cwd: string, jobs = 1) {
  const result = spawnSync(process.execPath, [BIN, ...(args[0] === 'lint' ? [...args, '--jobs', String(jobs)] : args)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  related?: Array<{ file: string; line: number; column: number; message: string }>;
}

/**
 * `line:col rule` plus `-> file:line:col` per related location, per file. Infos (the open NIS2 and
 * precautionary GDPR questions of each member) are left out: these tests are about families.
 */
function summary(stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as Array<{ file: string; findings: JsonFinding[] }>;
  return Object.fromEntries(
    results.map((r) => [
      r.file,
      r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.line}:${f.column} ${f.ruleId}` + (f.related ?? []).map((x) => ` -> ${x.file}:${x.line}:${x.column} ${x.message}`).join('')),
    ]),
  );
}

describe('CLI lint of incident families', function () {
  this.timeout(120_000);
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'incident-report-family-'));
    const member = fixture('family-valid', 'input.md');
    write('provider/2023-10-30-sit.md', fixture('family-valid', 'parent.md'));
    write('kommunen/werne.md', fixture('family-shared-facts', 'input.md'));
    write('kommunen/hagen.md', fixture('family-membership', 'member-hagen.md'));
    // Nested: a town below its county below the provider.
    write('kommunen/kreis-soest.md', fixture('family-nested', 'county.md'));
    write('kommunen/soest/wickede.md', fixture('family-nested', 'input.md'));
    // A cycle, and a parent that does not exist.
    write('kommunen/zyklus-a.md', member.replace('parent: ../provider/2023-10-30-sit.md', 'parent: zyklus-b.md').replace('Stadt Werne', 'Stadt A'));
    write('kommunen/zyklus-b.md', member.replace('parent: ../provider/2023-10-30-sit.md', 'parent: zyklus-a.md').replace('Stadt Werne', 'Stadt B'));
    write('kommunen/verwaist.md', member.replace('parent: ../provider/2023-10-30-sit.md', 'parent: ../provider/fehlt.md'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const MEMBERS = {
    'kommunen/hagen.md': [],
    'kommunen/kreis-soest.md': [],
    'kommunen/soest/wickede.md': [
      "22:17 family-data-loss -> kommunen/kreis-soest.md:24:17 the parent's data_loss.exfiltration: under_investigation",
    ],
    'kommunen/verwaist.md': ['9:9 family-parent'],
    'kommunen/werne.md': [
      "10:16 family-shared-facts -> provider/2023-10-30-sit.md:9:16 the parent's incident_type",
      "17:15 family-shared-facts -> provider/2023-10-30-sit.md:20:15 the parent's timestamps.started_at",
    ],
    'kommunen/zyklus-a.md': ['9:9 family-cycle'],
    'kommunen/zyklus-b.md': ['9:9 family-cycle'],
  };

  it('resolves parents outside the linted folder and prints related locations in JSON', () => {
    const { code, stdout, stderr } = cli(['lint', '--format', 'json', 'kommunen'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(summary(stdout), MEMBERS);
    const werne = (JSON.parse(stdout) as Array<{ file: string; findings: JsonFinding[] }>).find((r) => r.file === 'kommunen/werne.md')!;
    const shared = werne.findings.filter((f) => f.ruleId === 'family-shared-facts');
    assert.deepEqual(Object.keys(shared[0]!.related![0]!), ['file', 'line', 'column', 'message']);
    assert.match(shared[1]!.message, /^timestamps\.started_at \(2023-10-30T03:00:00\+01:00\) differs from the parent report \(2023-10-30T01:01:00\+01:00 in provider\/2023-10-30-sit\.md\)/);
  });

  it('reads a parent that "ignores" leaves out as the parent of a member, without linting it', () => {
    write('ignoring/.incident-report.json', JSON.stringify({ ignores: ['provider/**'] }));
    write('ignoring/provider/2023-10-30-sit.md', fixture('family-valid', 'parent.md'));
    write('ignoring/kommunen/werne.md', fixture('family-shared-facts', 'input.md'));
    try {
      const { code, stdout, stderr } = cli(['lint', '--format', 'json', 'ignoring'], dir);
      assert.equal(stderr, '');
      assert.equal(code, 1);
      assert.deepEqual(summary(stdout), {
        'ignoring/kommunen/werne.md': [
          "10:16 family-shared-facts -> ignoring/provider/2023-10-30-sit.md:9:16 the parent's incident_type",
          "17:15 family-shared-facts -> ignoring/provider/2023-10-30-sit.md:20:15 the parent's timestamps.started_at",
        ],
      });
    } finally {
      rmSync(join(dir, 'ignoring'), { recursive: true, force: true });
    }
  });

  it('lints a parent with its members: a member missing from affected_organizations is a warning pointing to it', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', '.'], dir);
    assert.equal(code, 1);
    assert.deepEqual(summary(stdout), {
      ...MEMBERS,
      'provider/2023-10-30-sit.md': ['11:1 family-membership -> kommunen/hagen.md:8:15 the member report of Stadt Hagen'],
    });
  });

  it('prints SARIF relatedLocations with repository-relative URIs and regions', () => {
    const { stdout } = cli(['lint', '--format', 'sarif', 'kommunen/werne.md'], dir);
    const run = JSON.parse(stdout).runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'family-shared-facts');
    assert.deepEqual(result.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'provider/2023-10-30-sit.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 9, startColumn: 16, endLine: 9, endColumn: 26 },
        },
        message: { text: "the parent's incident_type" },
      },
    ]);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'kommunen/werne.md');
    assert.ok(run.tool.driver.rules.some((rule: { id: string }) => rule.id === 'family-shared-facts'));
  });

  it("checks a member's public text against its parent's data_loss (claim-data-loss), with the parent's field in JSON and SARIF", () => {
    // The parent stands outside the linted folder.
    write('claims/provider/2023-10-30-sit.md', fixture('claim-data-loss-family', 'parent.md'));
    write('claims/kommunen/werne.md', fixture('claim-data-loss-family', 'input.md'));
    try {
      const json = cli(['lint', '--format', 'json', 'claims/kommunen'], dir);
      assert.equal(json.stderr, '');
      assert.equal(json.code, 1);
      const [werne] = JSON.parse(json.stdout) as Array<{ file: string; findings: JsonFinding[] }>;
      assert.equal(werne!.file, 'claims/kommunen/werne.md');
      const claims = werne!.findings.filter((f) => f.ruleId === 'claim-data-loss');
      assert.deepEqual(
        claims.map(({ line, column, message, related }) => ({ line, column, message, related })),
        [
          {
            line: 27,
            column: 11,
            message:
              'A sentence in updates[0].text denies a data loss, but the parent report (claims/provider/2023-10-30-sit.md) says data_loss.exfiltration: suspected. Correct the sentence: a member cannot rule out what the report it stands on has not ruled out.',
            related: [{ file: 'claims/provider/2023-10-30-sit.md', line: 25, column: 17, message: "the parent's data_loss.exfiltration: suspected" }],
          },
          {
            line: 40,
            column: 127,
            message:
              'A sentence in the public text denies a data loss, but the parent report (claims/provider/2023-10-30-sit.md) says data_loss.exfiltration: suspected. Correct the sentence: a member cannot rule out what the report it stands on has not ruled out.',
            related: [{ file: 'claims/provider/2023-10-30-sit.md', line: 25, column: 17, message: "the parent's data_loss.exfiltration: suspected" }],
          },
        ],
      );
      // Besides the infos of the authority clocks (nis2-reporting, gdpr-notification), nothing else.
      assert.deepEqual(werne!.findings.filter((f) => (f as JsonFinding & { severity: string }).severity !== 'info').map((f) => f.ruleId), ['claim-data-loss', 'claim-data-loss']);
      const sarif = cli(['lint', '--format', 'sarif', '--locale', 'de', 'claims/kommunen/werne.md'], dir);
      const result = JSON.parse(sarif.stdout).runs[0].results.find((r: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => r.locations[0]!.physicalLocation.region.startLine === 40);
      assert.equal(result.ruleId, 'claim-data-loss');
      assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 40, startColumn: 127, endLine: 40, endColumn: 159 });
      assert.match(result.message.text, /^Ein Satz im öffentlichen Text bestreitet einen Datenverlust, der übergeordnete Bericht \(claims\/provider\/2023-10-30-sit\.md\) sagt aber data_loss\.exfiltration: suspected\./);
      assert.deepEqual(result.relatedLocations, [
        {
          id: 0,
          physicalLocation: {
            artifactLocation: { uri: 'claims/provider/2023-10-30-sit.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 25, startColumn: 17, endLine: 25, endColumn: 26 },
          },
          message: { text: 'data_loss.exfiltration des übergeordneten Berichts: suspected' },
        },
      ]);
    } finally {
      rmSync(join(dir, 'claims'), { recursive: true, force: true });
    }
  });

  it('gives the same findings on two threads as on one (parents resolved in each worker)', () => {
    const member = fixture('family-membership', 'member-hagen.md');
    for (let i = 0; i < 300; i++) {
      write(`viele/stadt-${String(i).padStart(3, '0')}.md`, member.replace('Stadt Hagen', `Stadt ${i}`).replace('../provider/', '../provider/'));
    }
    try {
      const args = ['lint', '--format', 'json', 'viele', 'provider'];
      const one = cli(args, dir, 1);
      const two = cli(args, dir, 2);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.code, one.code);
      const provider = (JSON.parse(one.stdout) as Array<{ file: string; findings: JsonFinding[] }>).find((r) => r.file.startsWith('provider'))!;
      assert.equal(provider.findings.filter((f) => f.ruleId === 'family-membership').length, 300, 'each unlisted member is named once');
    } finally {
      rmSync(join(dir, 'viele'), { recursive: true, force: true });
    }
  });

  it('new --parent --organizations writes member reports that lint clean but for their fill-ins, never overwriting', () => {
    // `Organisation | Ort` gives the place of the member's dateline; without it a fill-in asks for it.
    write('orgs.txt', 'Stadt Werne | Werne\n# ein Kommentar\n\nStadt Lünen\nStadt Werne\n');
    const first = cli(['new', '--parent', 'provider/2023-10-30-sit.md', '--organizations', 'orgs.txt'], dir);
    assert.equal(first.stderr, '');
    assert.equal(first.code, 0);
    const files = first.stdout.trim().split('\n');
    assert.equal(files.length, 2);
    assert.match(files[0]!, /^provider\/2023-10-30-sit\/\d{4}-\d\d-\d\d-stadt-werne\.md$/);
    assert.match(files[1]!, /^provider\/2023-10-30-sit\/\d{4}-\d\d-\d\d-stadt-luenen\.md$/);
    const werne = readFileSync(join(dir, files[0]!), 'utf8');
    assert.match(werne, /^parent: \.\.\/2023-10-30-sit\.md$/m);
    assert.match(werne, /^ {2}started_at: 2023-10-30T01:01:00\+01:00$/m);
    assert.match(werne, /^ {2}statement: "Ob Daten abgeflossen sind, .* \(Quelle: Südwestfalen-IT\)"$/m);
    assert.match(werne, /^organization: Stadt Werne\nlocation: Werne$/m);
    assert.match(readFileSync(join(dir, files[1]!), 'utf8'), /^organization: Stadt Lünen\nlocation: <Ort der Datumszeile>$/m);
    // Run again with a longer list: only the new organisation gets a report; the others have one
    // (said on stderr) and stay untouched. A file in the way that is no member of this parent is
    // never replaced: the new report gets a suffix.
    write('orgs.txt', 'Stadt Werne | Werne\nStadt Lünen\nStadt Selm\n');
    const selm = files[1]!.replace('stadt-luenen', 'stadt-selm');
    write(selm, '# Notizen zu Selm\n');
    const second = cli(['new', '--parent', 'provider/2023-10-30-sit.md', '--organizations', 'orgs.txt'], dir);
    assert.deepEqual(second, {
      code: 0,
      stdout: `${selm.replace(/\.md$/, '-2.md')}\n`,
      stderr:
        `incident-report: Stadt Werne: has a member report of provider/2023-10-30-sit.md already (${files[0]}); not created again\n` +
        `incident-report: Stadt Lünen: has a member report of provider/2023-10-30-sit.md already (${files[1]}); not created again\n`,
    });
    assert.equal(readFileSync(join(dir, files[0]!), 'utf8'), werne);
    assert.equal(readFileSync(join(dir, selm), 'utf8'), '# Notizen zu Selm\n');
    // Selm is not in the parent's affected_organizations: the lint below is about the first two.
    rmSync(join(dir, selm));
    rmSync(join(dir, selm.replace(/\.md$/, '-2.md')));
    const lint = cli(['lint', '--format', 'json', 'provider'], dir);
    const findings = (JSON.parse(lint.stdout) as Array<{ findings: Array<JsonFinding & { severity: string }> }>).flatMap((r) => r.findings);
    const rules = (severity: string) => [...new Set(findings.filter((f) => (f.severity === 'info') === (severity === 'info')).map((f) => f.ruleId))];
    assert.deepEqual(rules('problem'), ['placeholder']);
    // Each member is a controller of its own: with personal data still unknown, its Art. 33 clock
    // (from its own detection, today) suggests a precautionary notification; and whether NIS2
    // applies is each member's own question (no `nis2` block yet).
    assert.deepEqual(rules('info'), ['nis2-reporting', 'gdpr-notification']);
    rmSync(join(dir, 'provider', '2023-10-30-sit'), { recursive: true });
  });

  it('new refuses when a member report of the parent is not UTF-8 (it wrote a second report for "Stadt Lünen")', () => {
    write('orgs.txt', 'Stadt Lünen\n');
    const first = cli(['new', '--parent', 'provider/2023-10-30-sit.md', '--organizations', 'orgs.txt'], dir);
    assert.equal(first.code, 0, first.stderr);
    const member = first.stdout.trim();
    writeFileSync(join(dir, member), Buffer.from(readFileSync(join(dir, member), 'utf8'), 'latin1'));
    // A Latin-1 file there that is no member of this parent is passed over, as before.
    write('provider/2023-10-30-sit/notizen.md', '');
    writeFileSync(join(dir, 'provider', '2023-10-30-sit', 'notizen.md'), Buffer.from('# Notizen aus Lünen\n', 'latin1'));
    const second = cli(['new', '--parent', 'provider/2023-10-30-sit.md', '--organizations', 'orgs.txt'], dir);
    const line = readFileSync(join(dir, member), 'latin1').split('\n').findIndex((text) => /ü|ä|ö|ß|Ü|Ä|Ö/.test(text)) + 1;
    const column = readFileSync(join(dir, member), 'latin1').split('\n')[line - 1]!.search(/ü|ä|ö|ß|Ü|Ä|Ö/) + 1;
    assert.deepEqual(second, {
      code: 2,
      stdout: '',
      stderr: `incident-report: ${member}: not UTF-8 text: the character at line ${line}, column ${column} is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8; no member report was created\n`,
    });
    rmSync(join(dir, 'provider', '2023-10-30-sit'), { recursive: true });
  });

  it('new refuses a parent that is no report (exit 2)', () => {
    write('notes.md', '# Notizen\n');
    write('orgs.txt', 'Stadt Werne\n');
    const { code, stderr, stdout } = cli(['new', '--parent', 'notes.md', '--organizations', 'orgs.txt'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'incident-report: notes.md: not an incident report (no frontmatter with "schema: incident-report/v1")\n');
  });
});
