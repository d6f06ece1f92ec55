import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace as tempWorkspace } from './tempWorkspace';

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'ir-config-');

/** The CLI with `.incident-report.json`, its new flags and `--format github`, run as a user would (npm run build first). */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const GOOD = readFileSync(join(ROOT, 'examples/incidents/2023-10-30-suedwestfalen-it.md'), 'utf8');
/** The good report with a ticket ID and an internal host name in its press release (line 124). */
const LEAKY = GOOD.replace(
  'die Kfz-Zulassung, die Führerscheinstelle und die Ausländerbehörde.',
  'die Kfz-Zulassung, die Führerscheinstelle und die Ausländerbehörde (Vorgang ACME-1234, Server dms.kreis.lokal).',
);
const TICKET_EN = '126:77  warning  Ticket ID `ACME-1234` in the public text: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.  leak-ticket';
const HOST_EN =
  '126:95  error    Internal host name `dms.kreis.lokal` (domain `.lokal`) in the public text: names of internal systems help attackers map the network and must not be published.  leak-hostname';

const config = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

describe('CLI configuration (.incident-report.json)', () => {
  it('--ticket-pattern and --internal-domain do what the editor settings do', () => {
    const dir = workspace({ 'incidents/report.md': LEAKY });
    assert.deepEqual(cli(['lint', 'incidents'], dir), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
    const flagged = cli(['lint', '--ticket-pattern', '\\bACME-\\d+\\b', '--internal-domain', '.lokal', '--internal-domain', '.intern', 'incidents'], dir);
    assert.deepEqual(flagged, {
      code: 1,
      stdout: `incidents/report.md\n  ${TICKET_EN}\n  ${HOST_EN}\n\n✖ 2 problem(s) (1 error(s), 1 warning(s), 0 info) in 1 file(s)\n`,
      stderr: '',
    });
    assert.deepEqual(cli(['lint', '--internal-domain', 'lokal', 'incidents'], dir), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --internal-domain: "lokal" is no domain suffix: start it with a dot, e.g. ".intern"\n',
    });
    assert.deepEqual(cli(['lint', '--ticket-pattern', '(', 'incidents'], dir), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --ticket-pattern is not a valid regular expression: Invalid regular expression: /(/g: Unterminated group\n',
    });
  });

  it('uses the nearest .incident-report.json above each file, with paths relative to it', () => {
    const dir = workspace({
      '.incident-report.json': config({ ticketPattern: '\\bACME-\\d+\\b', internalDomains: ['.lokal'] }),
      'a/incidents/report.md': LEAKY,
      // A nearer file replaces the outer one entirely (no inheritance between files).
      'b/.incident-report.json': config({ rules: { 'leak-hostname': 'info' }, schema: 'org/strict.schema.json' }),
      'b/org/strict.schema.json': JSON.stringify({ allOf: [{ $ref: 'urn:incident-report:schema:v1' }], required: ['x-owner'] }),
      'b/incidents/report.md': LEAKY,
    });
    // Run from elsewhere: the schema path still resolves against b/.
    const { code, stdout, stderr } = cli(['lint', join(dir, 'a'), join(dir, 'b')], join(dir, 'b', 'incidents'));
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        join(dir, 'a/incidents/report.md'),
        `  ${TICKET_EN}`,
        `  ${HOST_EN}`,
        '',
        join(dir, 'b/incidents/report.md'),
        '  1:1  error    `x-owner` is missing: see the field documentation.  schema',
        '',
        '✖ 3 problem(s) (2 error(s), 1 warning(s), 0 info) in 2 file(s)',
        '',
      ].join('\n'),
    );
  });

  it('--config FILE applies to every file; command-line options win over it, --rule only for the rules it names', () => {
    const dir = workspace({
      'ci/strict.json': config({ rules: { 'leak-ticket': 'error', 'leak-hostname': 'warning' }, ticketPattern: '\\bACME-\\d+\\b', internalDomains: ['.lokal'], locale: 'de' }),
      '.incident-report.json': config({ rules: { 'leak-ticket': 'off' } }),
      'incidents/report.md': LEAKY,
    });
    const de = cli(['lint', '--config', 'ci/strict.json', '--format', 'json', 'incidents'], dir);
    assert.equal(de.code, 1);
    assert.deepEqual(
      JSON.parse(de.stdout)[0].findings.map((f: { line: number; severity: string; ruleId: string; message: string }) => `${f.line} ${f.severity} ${f.ruleId} ${f.message}`),
      [
        '126 error leak-ticket Ticketnummer `ACME-1234` im öffentlichen Text: Interne Ticketnummern sagen der Öffentlichkeit nichts und verraten interne Abläufe; entfernen.',
        '126 warning leak-hostname Interner Hostname `dms.kreis.lokal` (Domain `.lokal`) im öffentlichen Text: Namen interner Systeme helfen Angreifern, das Netz auszukundschaften, und dürfen nicht veröffentlicht werden.',
      ],
    );
    const overridden = cli(['lint', '-c', 'ci/strict.json', '--locale', 'en', '--rule', 'leak-hostname=error', '--ticket-pattern', '\\bXYZ-\\d+\\b', 'incidents'], dir);
    assert.deepEqual(overridden, {
      code: 1,
      stdout: `incidents/report.md\n  ${HOST_EN}\n\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n`,
      stderr: '',
    });
    // The configuration's locale beats LANG; --locale beats both (above).
    assert.match(cli(['lint', '-c', 'ci/strict.json', 'incidents'], dir, { LANG: 'en_US.UTF-8' }).stdout, /Problem\(e\)/);
    assert.deepEqual(cli(['lint', '--config', 'ci/missing.json', 'incidents'], dir), { code: 2, stdout: '', stderr: 'incident-report: --config ci/missing.json: file not found\n' });
  });

  it('takes maxSize from the file, and --max-size over it', () => {
    const dir = workspace({ '.incident-report.json': config({ maxSize: 1000 }), 'r.md': GOOD });
    assert.deepEqual(cli(['lint', 'r.md'], dir), {
      code: 1,
      stdout:
        'r.md\n  1:1  error    This document has 7092 characters, more than the limit of 1000: it was not checked, so nothing in it may be published. Split it, or raise the limit (CLI `--max-size`, setting `incidentReport.maxSize`).  size-limit\n\n' +
        '✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n',
      stderr: '',
    });
    assert.deepEqual(cli(['lint', '--max-size', '100000', 'r.md'], dir), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
  });

  it('takes the report globs ("files") relative to the configuration folder', () => {
    const unmarked = GOOD.replace('schema: incident-report/v1\n', '');
    const dir = workspace({ 'repo/.incident-report.json': config({ files: ['reports/*.md'] }), 'repo/reports/one.md': unmarked, 'repo/notes/two.md': unmarked });
    const { code, stdout } = cli(['lint', '--format', 'json', 'repo'], dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).map((r: { file: string }) => r.file), ['repo/reports/one.md']);
  });

  it('names the configuration and its "schema" when the schema is missing or unusable (it named only the absolute path, or no file at all)', () => {
    const dir = workspace({
      'a/.incident-report.json': config({ schema: 'missing.json' }),
      'a/incidents/report.md': GOOD,
      'b/.incident-report.json': config({ schema: 'org/bad.schema.json' }),
      'b/org/bad.schema.json': JSON.stringify({ type: 'objectx' }),
      'b/incidents/report.md': GOOD,
    });
    assert.deepEqual(cli(['lint', 'a'], dir), { code: 2, stdout: '', stderr: 'incident-report: a/.incident-report.json: "schema": a/missing.json: file not found\n' });
    assert.deepEqual(cli(['lint', 'b'], dir), {
      code: 2,
      stdout: '',
      stderr:
        'incident-report: b/.incident-report.json: "schema": b/org/bad.schema.json: the schema cannot be used: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf\n',
    });
  });

  it('a configuration that is there but cannot be read (a folder, a link to nothing) stops the run (it was passed over and the reports linted with the defaults, clean)', () => {
    const dir = workspace({ 'a/incidents/report.md': LEAKY, 'b/incidents/report.md': LEAKY, 'upper/.incident-report.json': config({ ticketPattern: '\\bACME-\\d+\\b' }), 'upper/c/incidents/report.md': LEAKY });
    mkdirSync(join(dir, 'a', '.incident-report.json'));
    // A shared configuration linked from a submodule that is not checked out.
    symlinkSync(join('..', 'shared', 'incident-report.json'), join(dir, 'b', '.incident-report.json'));
    mkdirSync(join(dir, 'upper', 'c', '.incident-report.json'));
    assert.deepEqual(cli(['lint', 'a'], dir), { code: 2, stdout: '', stderr: 'incident-report: a/.incident-report.json: is a directory\n' });
    assert.deepEqual(cli(['lint', 'b'], dir), { code: 2, stdout: '', stderr: `incident-report: b/.incident-report.json: a symbolic link to ${join('..', 'shared', 'incident-report.json')}, which does not exist\n` });
    assert.deepEqual(cli(['lint', 'b', '--locale', 'de'], dir), { code: 2, stdout: '', stderr: `incident-report: b/.incident-report.json: ein symbolischer Link auf ${join('..', 'shared', 'incident-report.json')}, das es nicht gibt\n` });
    // Not the configuration further up in its place: the nearer one is broken, not absent.
    assert.deepEqual(cli(['lint', 'upper/c'], dir), { code: 2, stdout: '', stderr: 'incident-report: upper/c/.incident-report.json: is a directory\n' });
  });

  it('names a configuration in a folder whose name starts with two dots (`..drafts`) relative to the working directory', () => {
    const dir = workspace({ '..drafts/.incident-report.json': config({ schema: 'missing.json' }), '..drafts/report.md': GOOD });
    assert.deepEqual(cli(['lint', '..drafts'], dir), { code: 2, stdout: '', stderr: 'incident-report: ..drafts/.incident-report.json: "schema": ..drafts/missing.json: file not found\n' });
    writeFileSync(join(dir, '..drafts', '.incident-report.json'), '{ "locale": "de", }');
    assert.deepEqual(cli(['lint', '..drafts'], dir), { code: 2, stdout: '', stderr: 'incident-report: ..drafts/.incident-report.json:1:19: kein gültiges JSON: Name einer Eigenschaft erwartet\n' });
  });

  it('refuses an invalid configuration with the place of every problem (exit 2)', () => {
    const dir = workspace({
      '.incident-report.json': '{\n  "rules": { "leak-ipp": "off" },\n  "maxSize": 0\n}\n',
      'incidents/report.md': GOOD,
    });
    assert.deepEqual(cli(['lint', 'incidents'], dir), {
      code: 2,
      stdout: '',
      stderr:
        'incident-report: .incident-report.json:2:14: unknown rule "leak-ipp": did you mean "leak-ip"?\n' +
        'incident-report: .incident-report.json:3:14: "maxSize" must be a whole number of characters ≥ 1\n',
    });
    writeFileSync(join(dir, '.incident-report.json'), '{ "locale": "de", }');
    assert.deepEqual(cli(['lint', 'incidents'], dir, { LANG: 'de_DE.UTF-8' }), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: .incident-report.json:1:19: kein gültiges JSON: Name einer Eigenschaft erwartet\n',
    });
  });

  it('tells the problems in the run\'s language: --locale, else the file\'s own "locale", else LANG (they were English with --locale de or a German file)', () => {
    const dir = workspace({ '.incident-report.json': '{ "rules": { "leak-ipp": "off" } }\n', 'incidents/report.md': GOOD });
    const english = 'incident-report: .incident-report.json:1:14: unknown rule "leak-ipp": did you mean "leak-ip"?\n';
    const german = 'incident-report: .incident-report.json:1:14: unbekannte Regel "leak-ipp": meinten Sie "leak-ip"?\n';
    assert.deepEqual(cli(['lint', 'incidents'], dir), { code: 2, stdout: '', stderr: english });
    assert.deepEqual(cli(['lint', '--locale', 'de', 'incidents'], dir), { code: 2, stdout: '', stderr: german });
    assert.deepEqual(cli(['render', '--locale', 'de', 'incidents/report.md'], dir), { code: 2, stdout: '', stderr: german });
    assert.deepEqual(cli(['approve', '--by', 'Petra Schulz', '--locale', 'de', 'incidents/report.md'], dir), { code: 2, stdout: '', stderr: german });
    assert.deepEqual(cli(['lint', '--locale', 'en', 'incidents'], dir, { LANG: 'de_DE.UTF-8' }), { code: 2, stdout: '', stderr: english });
    // A German file: its problems in German, unless --locale says otherwise.
    writeFileSync(join(dir, '.incident-report.json'), '{ "locale": "de", "rules": { "leak-ipp": "off" } }\n');
    assert.deepEqual(cli(['lint', 'incidents'], dir), { code: 2, stdout: '', stderr: german.replace(':1:14:', ':1:30:') });
    assert.deepEqual(cli(['lint', '--locale', 'en', 'incidents'], dir), { code: 2, stdout: '', stderr: english.replace(':1:14:', ':1:30:') });
    // Also when it is not valid JSON: what could be read of it says German.
    writeFileSync(join(dir, '.incident-report.json'), '{ "locale": "de", "maxSize": 10 ');
    assert.deepEqual(cli(['lint', 'incidents'], dir), { code: 2, stdout: '', stderr: 'incident-report: .incident-report.json:1:33: kein gültiges JSON: schließende geschweifte Klammer erwartet\n' });
    assert.deepEqual(cli(['lint', '--locale', 'en', 'incidents'], dir), { code: 2, stdout: '', stderr: 'incident-report: .incident-report.json:1:33: not valid JSON: close brace expected\n' });
  });
});

describe('CLI render with a configuration', () => {
  it('takes locale and rule levels from the nearest .incident-report.json', () => {
    const dir = workspace({
      '.incident-report.json': config({ locale: 'de', rules: { 'press-contact': 'error' } }),
      'r.md': GOOD.replace('  - role: press', '  - role: hotline'),
    });
    assert.deepEqual(cli(['render', '--format', 'text', '--strict', 'r.md'], dir), {
      code: 1,
      stdout: '',
      stderr:
        'incident-report: r.md: nicht veröffentlichungsreif: 1 Befund(e) blockieren (Fehler sowie Platzhalter, die nie veröffentlicht werden):\n' +
        '  79:1 error contacts: kein Pressekontakt; einen Kontakt mit `role: press` ergänzen, damit die Presse weiß, wen sie fragen kann. (press-contact)\n' +
        'incident-report: nichts geschrieben. Befunde beheben, einen zu Unrecht gemeldeten mit Grund unterdrücken oder mit --draft einen gekennzeichneten Entwurf erzeugen.\n',
    });
    // --strict is the default: the same without it.
    assert.deepEqual(cli(['render', '--format', 'text', 'r.md'], dir).code, 1);
  });
});

describe('CLI --format github', () => {
  it('prints one workflow command per finding, escaped by GitHub\'s rules', () => {
    const dir = workspace({ 'incidents/a,b:c.md': LEAKY.replace('Lokal laufen nur', 'Lokal laufen nur') });
    copyFileSync(join(ROOT, 'examples/broken/broken.incident.md'), join(dir, 'incidents', 'broken.md'));
    writeFileSync(join(dir, 'incidents', 'info.md'), LEAKY.replace('Vorgang ACME-1234', 'Rabatt 100%\r\nACME-1'));
    const { code, stdout, stderr } = cli(
      ['lint', '--format', 'github', '--ticket-pattern', '\\bACME-\\d+\\b', '--internal-domain', '.lokal', '--rule', 'leak-ticket=info', 'incidents/a,b:c.md', 'incidents/info.md', 'missing.md'],
      dir,
    );
    assert.equal(stderr, 'incident-report: missing.md: file not found\n');
    assert.equal(code, 2);
    assert.equal(
      stdout,
      [
        '::notice file=incidents/a%2Cb%3Ac.md,line=126,col=77,endLine=126,endColumn=86,title=incident-report (leak-ticket)::Ticket ID `ACME-1234` in the public text: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.',
        '::error file=incidents/a%2Cb%3Ac.md,line=126,col=95,endLine=126,endColumn=110,title=incident-report (leak-hostname)::Internal host name `dms.kreis.lokal` (domain `.lokal`) in the public text: names of internal systems help attackers map the network and must not be published.',
        '::notice file=incidents/info.md,line=127,col=1,endLine=127,endColumn=7,title=incident-report (leak-ticket)::Ticket ID `ACME-1` in the public text: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.',
        '::error file=incidents/info.md,line=127,col=16,endLine=127,endColumn=31,title=incident-report (leak-hostname)::Internal host name `dms.kreis.lokal` (domain `.lokal`) in the public text: names of internal systems help attackers map the network and must not be published.',
        '::error file=missing.md,title=incident-report::file not found',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in messages and also : and , in properties', async () => {
    const { escapeData, escapeProperty } = await import('../../src/cli/formatters/github');
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir/a,b:c%.md'), 'dir/a%2Cb%3Ac%25.md');
  });
});

describe('CLI stderr', () => {
  it('stays clean for a report with a complex (collection) key: no library warnings', () => {
    const dir = workspace({ 'complex.md': '---\nschema: incident-report/v1\n? [a, b]\n: 1\n---\n\n# T\n' });
    const { code, stdout, stderr } = cli(['lint', '--format', 'json', 'complex.md'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout)[0].findings[0].message, '`[ a, b ]` is not a field of an incident report: remove it, or start your own fields with `x-`.');
  });
});

describe('CLI time zones', () => {
  const dir = workspace({
    'incidents/werne.md': GOOD.replace(/^timezone: .*$/m, 'timezone: Europe/Berl'),
    'incidents/good.md': GOOD,
    'orgs.txt': 'Stadt Werne\n',
    'bad/.incident-report.json': '{\n  "timeZone": "Europe/Berl"\n}\n',
    'bad/incidents/good.md': GOOD,
  });

  it('refuses an unknown --time-zone with exit 2 and the closest zone, for lint, render and new, writing nothing', () => {
    const expected = 'incident-report: --time-zone: `Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?\n';
    for (const args of [
      ['lint', '--time-zone', 'Europe/Berl', 'incidents/good.md'],
      ['render', '--time-zone', 'Europe/Berl', '--out', 'release.html', 'incidents/good.md'],
      ['new', '--time-zone', 'Europe/Berl', '--parent', 'incidents/good.md', '--organizations', 'orgs.txt'],
    ]) {
      const { code, stdout, stderr } = cli(args, dir);
      assert.deepEqual({ code, stdout, stderr }, { code: 2, stdout: '', stderr: expected }, args.join(' '));
    }
    assert.throws(() => readFileSync(join(dir, 'release.html')), /ENOENT/);
    assert.throws(() => readFileSync(join(dir, 'incidents/good/')), /ENOENT|EISDIR/);
    const german = cli(['lint', '--locale', 'de', '--time-zone', 'europe/berlin', 'incidents/good.md'], dir);
    assert.equal(german.code, 2);
    assert.equal(german.stderr, 'incident-report: --time-zone: `europe/berlin` ist anders geschrieben als in der IANA-Zeitzonendatenbank. Meinten Sie Europe/Berlin?\n');
    assert.equal(cli(['lint', '--time-zone', 'Europe/Berlin', 'incidents/good.md'], dir).code, 0);
  });

  it('reports an unknown `timezone` in the frontmatter as an error on its line, with the closest zone', () => {
    const { code, stdout } = cli(['lint', '--format', 'json', 'incidents/werne.md'], dir);
    assert.equal(code, 1);
    const findings = (JSON.parse(stdout) as Array<{ findings: Array<Record<string, unknown>> }>)[0]!.findings;
    const line = GOOD.split('\n').findIndex((l) => l.startsWith('timezone:')) + 1;
    assert.deepEqual(findings, [
      {
        ruleId: 'timezone-name',
        severity: 'error',
        message: 'timezone: `Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?',
        line,
        column: 11,
        endLine: line,
        endColumn: 22,
        path: '/timezone',
      },
    ]);
  });

  it('refuses a configuration file with an unknown timeZone as a configuration problem at its place (exit 2)', () => {
    const { code, stdout, stderr } = cli(['lint', 'bad/incidents'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /bad\/\.incident-report\.json:2:15: "timeZone": `Europe\/Berl` is no IANA time zone this runtime knows\. Did you mean Europe\/Berlin\?\n/);
  });
});

describe('CLI: "ignores" in .incident-report.json', function () {
  this.timeout(60_000);
  const OLD = '---\nschema: incident-report/v1\ntitle: Alt\n---\n';
  let dir: string;
  before(() => {
    dir = workspace({
      '.incident-report.json': config({ ignores: ['archive/**', '**/broken/**'] }),
      // Not UTF-8: read, it would be an error of the run (exit 2).
      'archive/2018.md': '',
      'incidents/report.md': GOOD,
      'archive/2019.md': OLD,
      'archive/2020.md': OLD,
      'docs/README.md': '# Docs\n',
      'docs/broken/example.md': OLD,
    });
    writeFileSync(join(dir, 'archive/2018.md'), Buffer.from('---\nschema: incident-report/v1\ntitle: K\u00f6ln\n---\n', 'latin1'));
  });
  /** The files of a `--format json` run and how many findings each has. */
  const linted = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Array<{ file: string; findings: unknown[] }>).map((r) => [r.file, r.findings.length]));

  it('leaves out what a folder search or a glob finds that it matches (before reading it)', () => {
    assert.deepEqual(cli(['lint', '.'], dir), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
    assert.deepEqual(cli(['lint', 'archive/*.md', 'incidents/*.md'], dir), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
    // The globs are relative to the configuration's folder, not to the working directory.
    assert.deepEqual(cli(['lint', '../incidents', '.'], join(dir, 'docs')), {
      code: 0,
      stdout: '✔ 1 file(s) checked, no problems\n',
      stderr: '',
    });
  });

  it('still lints a file named on the command line (also when its folder is given too)', () => {
    const named = cli(['lint', '--format', 'json', 'archive/2019.md'], dir);
    assert.equal(named.code, 1);
    assert.deepEqual(linted(named.stdout), { 'archive/2019.md': 10 });
    const both = cli(['lint', '--format', 'json', 'archive', 'archive/2019.md'], dir);
    assert.equal(both.code, 1);
    assert.deepEqual(linted(both.stdout), { 'archive/2019.md': 10 });
  });

  it('exits 2 when everything found is ignored, and says so (never "no problems")', () => {
    // An ignored folder is not searched, also when it is the one given.
    const notSearched = 'incident-report: no incident reports found: not searched (ignored by `ignores` in .incident-report.json): archive\n';
    assert.deepEqual(cli(['lint', 'archive'], dir), { code: 2, stdout: '', stderr: notSearched });
    assert.deepEqual(cli(['lint', 'archive/*.md'], dir), { code: 2, stdout: '', stderr: 'incident-report: no incident reports found: 3 file(s) found, all ignored by `ignores` in .incident-report.json\n' });
    assert.deepEqual(cli(['lint', '--format', 'json', 'archive'], dir), { code: 2, stdout: '[]\n', stderr: notSearched });
    assert.deepEqual(cli(['lint', '--locale', 'de', 'archive/*.md'], dir), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: keine Vorfallsberichte gefunden: 3 Datei(en) gefunden, alle ignoriert durch `ignores` in .incident-report.json\n',
    });
    assert.deepEqual(cli(['lint', '--locale', 'de', 'archive'], dir), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: keine Vorfallsberichte gefunden: nicht durchsucht (ignoriert durch `ignores` in .incident-report.json): archive\n',
    });
    assert.deepEqual(cli(['lint', 'docs'], dir), {
      code: 2,
      stdout: '',
      stderr:
        'incident-report: no incident reports found: 1 Markdown file(s) below the given directories, none in a report path (`files` in .incident-report.json) or marked `schema: incident-report/v1`; not searched (ignored by `ignores` in .incident-report.json): docs/broken\n',
    });
  });

  it('does not search an ignored folder at all: a broken link in it is no problem of the run (it was reported, exit 2)', () => {
    const linked = workspace({
      '.incident-report.json': config({ ignores: ['archive/', 'incidents/old/**', 'incidents/*.old.md'] }),
      'incidents/report.md': GOOD,
      'archive/2019.md': OLD,
    });
    mkdirSync(join(linked, 'archive', 'deep'));
    symlinkSync(join(linked, 'nowhere.md'), join(linked, 'archive', 'gone.md'));
    symlinkSync(join(linked, 'nowhere'), join(linked, 'archive', 'deep', 'folder'));
    // A link that is itself an ignored folder is not followed either.
    symlinkSync(join(linked, 'nowhere'), join(linked, 'incidents', 'old'));
    // Nor a link that is an ignored file.
    symlinkSync(join(linked, 'nowhere.md'), join(linked, 'incidents', 'r.old.md'));
    assert.deepEqual(cli(['lint', '.'], linked), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
    assert.deepEqual(cli(['render', '--as', 'status-page', '--out', 'public', '.'], linked), {
      code: 0,
      stdout: '',
      stderr: 'incident-report: wrote public/index.html\nincident-report: wrote public/feed.xml\n',
    });
    // A broken link outside them is still named.
    symlinkSync(join(linked, 'nowhere.md'), join(linked, 'incidents', 'gone.md'));
    assert.deepEqual(cli(['lint', '.'], linked), {
      code: 2,
      stdout: '✔ 1 file(s) checked, no problems\n',
      stderr: `incident-report: incidents/gone.md: symbolic link to a file or folder that does not exist (→ ${join(linked, 'nowhere.md')}); not checked\n`,
    });
  });

  it('render of a folder leaves the ignored reports out of the status page, and names them when nothing is left', () => {
    assert.deepEqual(cli(['render', '--as', 'status-page', '--out', 'public', '.'], dir), {
      code: 0,
      stdout: '',
      stderr: 'incident-report: wrote public/index.html\nincident-report: wrote public/feed.xml\n',
    });
    assert.deepEqual(cli(['render', '--as', 'status-page', '--out', 'public', 'archive'], dir), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: archive: no incident reports found: not searched (ignored by `ignores` in .incident-report.json): archive\n',
    });
  });
});
