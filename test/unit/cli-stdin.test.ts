import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './tempWorkspace';
import { main } from '../../src/cli/main';

/**
 * `-` as editors and pipelines use it: `lint -` and `render -` read the report from standard input
 * (`--stdin-filename` says where it belongs), `render --out -` writes to standard output, and the
 * commands where `-` makes no sense refuse it. Runs the built CLI (npm run build first; `npm test`
 * does) in `cwd`, with `input` piped to its standard input.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
function cli(cwd: string, args: string[], input: string | Buffer = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const REPORT = readFileSync(join(FIXTURES, 'valid-report', 'input.md'), 'utf8');
/** The report with a ticket ID in `organization` (line 8) and the press contact's name (line 37). */
const TICKETED = REPORT.replace(/Stadt Werne$/m, 'Stadt Werne ACME-1234').replace('name: Pressestelle Stadt Werne', 'name: Pressestelle Stadt Werne ACME-1234');
const TICKET_8 = '8:27   warning  Ticket ID `ACME-1234` in organization: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.  leak-ticket';
const TICKET_37 = '37:36  warning  Ticket ID `ACME-1234` in contacts[0].name: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.  leak-ticket';
const TWO_WARNINGS = '✖ 2 problem(s) (0 error(s), 2 warning(s), 0 info) in 1 file(s)\n';
/** A configuration that knows the ticket IDs, in folder `b/` only. */
const TICKET_CONFIG = JSON.stringify({ ticketPattern: '\\bACME-\\d+\\b' }) + '\n';
const LATIN1_PROBLEM = 'not UTF-8 text: the character at line 4, column 17 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8';

describe('CLI lint - (standard input)', function () {
  this.timeout(60_000);

  it('without --stdin-filename: the configuration of the working directory, findings named <stdin>', () => {
    const dir = workspace({ '.incident-report.json': TICKET_CONFIG });
    assert.deepEqual(cli(dir, ['lint', '-'], TICKETED), { code: 0, stdout: `<stdin>\n  ${TICKET_8}\n  ${TICKET_37}\n\n${TWO_WARNINGS}`, stderr: '' });
    // An explicit file counts as a report even without the marker, as a file named on the command line does.
    assert.deepEqual(cli(dir, ['lint', '-'], REPORT), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
  });

  it('--stdin-filename: the configuration nearest that path (which need not exist), and its name in the findings', () => {
    const dir = workspace({ 'b/.incident-report.json': TICKET_CONFIG });
    // The working directory has no configuration: the ticket ID is not known there.
    assert.deepEqual(cli(dir, ['lint', '-'], TICKETED), { code: 0, stdout: '✔ 1 file(s) checked, no problems\n', stderr: '' });
    assert.deepEqual(cli(dir, ['lint', '-', '--stdin-filename', 'b/incidents/new.md'], TICKETED), {
      code: 0,
      stdout: `b/incidents/new.md\n  ${TICKET_8}\n  ${TICKET_37}\n\n${TWO_WARNINGS}`,
      stderr: '',
    });
  });

  it('names the file in JSON, SARIF and GitHub annotations', () => {
    const dir = workspace({ 'b/.incident-report.json': TICKET_CONFIG, '.incident-report.json': TICKET_CONFIG });
    const json = (args: string[]) => (JSON.parse(cli(dir, ['lint', '--format', 'json', ...args], TICKETED).stdout) as Array<{ file: string; findings: unknown[] }>).map((r) => [r.file, r.findings.length]);
    assert.deepEqual(json(['-']), [['<stdin>', 2]]);
    assert.deepEqual(json(['-', '--stdin-filename', 'b/r.md']), [['b/r.md', 2]]);
    const uris = (args: string[]) => {
      const log = JSON.parse(cli(dir, ['lint', '--format', 'sarif', ...args], TICKETED).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }> }> };
      return log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    };
    // `<` and `>` are no URI characters: percent-encoded, relative to %SRCROOT% like any file of the run.
    assert.deepEqual(uris(['-']), [
      { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' },
      { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' },
    ]);
    assert.deepEqual(uris(['-', '--stdin-filename', 'b/r.md']), [
      { uri: 'b/r.md', uriBaseId: '%SRCROOT%' },
      { uri: 'b/r.md', uriBaseId: '%SRCROOT%' },
    ]);
    const github = cli(dir, ['lint', '--format', 'github', '-', '--stdin-filename', 'b/r.md'], TICKETED).stdout;
    assert.match(github, /^::warning file=b\/r\.md,line=8,col=27,/);
  });

  it('resolves parent: relative to --stdin-filename (else to the working directory)', () => {
    const dir = workspace({ 'provider/2023-10-30-sit.md': readFileSync(join(FIXTURES, 'family-valid', 'parent.md'), 'utf8') });
    const member = readFileSync(join(FIXTURES, 'family-shared-facts', 'input.md'), 'utf8');
    const family = (args: string[]) =>
      (JSON.parse(cli(dir, ['lint', '--format', 'json', ...args], member).stdout) as Array<{ file: string; findings: Array<{ ruleId: string; line: number; related?: Array<{ file: string }> }> }>).flatMap((r) =>
        r.findings.filter((f) => f.ruleId.startsWith('family-')).map((f) => `${r.file}:${f.line} ${f.ruleId}${f.related ? ` -> ${f.related.map((x) => x.file).join(', ')}` : ''}`),
      );
    assert.deepEqual(family(['-', '--stdin-filename', 'kommunen/werne.md']), [
      'kommunen/werne.md:10 family-shared-facts -> provider/2023-10-30-sit.md',
      'kommunen/werne.md:17 family-shared-facts -> provider/2023-10-30-sit.md',
    ]);
    // `parent: ../provider/…` from the working directory leads out of it: said, not skipped.
    assert.deepEqual(family(['-']), ['<stdin>:9 family-parent']);
  });

  it('refuses Latin-1 on the pipe with the message a Latin-1 file gets', () => {
    const dir = workspace({});
    assert.deepEqual(cli(dir, ['lint', '-'], Buffer.from(REPORT, 'latin1')), {
      code: 2,
      stdout: `<stdin>\n  error  ${LATIN1_PROBLEM}\n\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n`,
      stderr: `incident-report: <stdin>: ${LATIN1_PROBLEM}\n`,
    });
  });

  it('an empty standard input is linted (no frontmatter), not waited on', () => {
    const dir = workspace({});
    const { code, stdout, stderr } = cli(dir, ['lint', '-'], '');
    assert.equal(stderr, '');
    assert.match(stdout, /^<stdin>\n {2}1:1 {2}error {4}No frontmatter: /);
    assert.equal(code, 1);
  });

  it('refuses - with files, - twice, and --stdin-filename without - (exit 2, nothing read)', () => {
    const dir = workspace({ 'r.md': REPORT });
    assert.deepEqual(cli(dir, ['lint', '-', 'r.md'], REPORT), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: lint reads either standard input (-) or files, not both; got - and "r.md" (a file named - is ./-)\n',
    });
    assert.deepEqual(cli(dir, ['lint', '-', '-'], REPORT), { code: 2, stdout: '', stderr: 'incident-report: - (standard input) is given 2 times; it can be read once\n' });
    assert.deepEqual(cli(dir, ['lint', '--stdin-filename', 'r.md', 'r.md']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --stdin-filename says where the text read from standard input belongs; give - as the file (`lint - --stdin-filename r.md < r.md`)\n',
    });
    assert.deepEqual(cli(dir, ['lint', '-', '--stdin-filename', ''], REPORT), { code: 2, stdout: '', stderr: 'incident-report: --stdin-filename takes the path of the file the text belongs to, not ""\n' });
    assert.deepEqual(cli(dir, ['new', '--parent', 'r.md', '--organizations', 'o.txt', '--stdin-filename', 'r.md']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --stdin-filename is an option of lint and render, not of new\n',
    });
  });

  const TTY_MESSAGE = 'incident-report: -: standard input is a terminal, nothing is piped in; pipe the text in (`incident-report lint - < report.md`) or give a path instead of -\n';

  it('refuses a terminal on standard input instead of waiting for typing', async () => {
    const terminal = { isTTY: true, read: () => Promise.reject(new Error('a terminal must not be read')) };
    assert.deepEqual(await main(['lint', '-'], { LANG: 'C' }, false, terminal), { stdout: '', stderr: TTY_MESSAGE, exitCode: 2 });
    assert.deepEqual(await main(['render', '-'], { LANG: 'C' }, false, terminal), {
      stdout: '',
      stderr: 'incident-report: -: standard input is a terminal, nothing is piped in; pipe the text in (`incident-report render - < report.md`) or give a path instead of -\n',
      exitCode: 2,
    });
  });

  it('refuses a real terminal too (run under script(1), which gives the CLI a pseudo-terminal)', function () {
    // Never skipped: .ci/run installs script(1) (bsdutils) where it is missing.
    assert.equal(spawnSync('script', ['--version'], { encoding: 'utf8' }).status, 0, 'script(1) from util-linux/bsdutils is needed for this test');
    const dir = workspace({});
    const command = [process.execPath, BIN, 'lint', '-'].map((arg) => `'${arg}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    assert.equal(run.error, undefined, 'it must not hang');
    assert.equal(run.stdout.replace(/\r\n/g, '\n'), TTY_MESSAGE);
    assert.equal(run.status, 2);
  });
});

describe('CLI render - and --out -', function () {
  this.timeout(60_000);

  it('renders standard input as it renders the file', () => {
    const dir = workspace({ 'r.md': REPORT });
    const fromFile = cli(dir, ['render', '--format', 'text', 'r.md']);
    assert.equal(fromFile.code, 0);
    assert.deepEqual(cli(dir, ['render', '--format', 'text', '-'], REPORT), fromFile);
    const named = cli(dir, ['render', '--format', 'text', '-', '--stdin-filename', 'elsewhere/r.md'], REPORT);
    assert.deepEqual(named, { ...fromFile, stderr: fromFile.stderr.replaceAll('r.md', 'elsewhere/r.md') });
  });

  it('--out - writes to standard output, as without --out; no file named -', () => {
    const dir = workspace({ 'r.md': REPORT });
    const plain = cli(dir, ['render', '--format', 'text', 'r.md']);
    assert.deepEqual(cli(dir, ['render', '--format', 'text', 'r.md', '--out', '-']), plain);
    assert.deepEqual(cli(dir, ['render', '--format', 'text', '-', '-o', '-'], REPORT), plain);
    assert.deepEqual(readdirSync(dir), ['r.md']);
  });

  it('hints at `lint -`, not at `lint <stdin>` (a shell redirection)', () => {
    const dir = workspace({});
    const broken = '---\nid: [\n---\n';
    assert.deepEqual(cli(dir, ['render', '-'], broken), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: <stdin>: the frontmatter cannot be read (YAML syntax error); run `incident-report lint -` for details\n',
    });
    assert.equal(
      cli(dir, ['render', '-', '--stdin-filename', 'a/r.md'], broken).stderr,
      'incident-report: a/r.md: the frontmatter cannot be read (YAML syntax error); run `incident-report lint - --stdin-filename a/r.md` for details\n',
    );
  });

  it('refuses Latin-1 on the pipe, named by --stdin-filename', () => {
    const dir = workspace({});
    assert.deepEqual(cli(dir, ['render', '-', '--stdin-filename', 'r.md'], Buffer.from(REPORT, 'latin1')), { code: 2, stdout: '', stderr: `incident-report: r.md: ${LATIN1_PROBLEM}\n` });
  });

  it('refuses - with other files, --out - for the status page, and an --out that is the --stdin-filename report', () => {
    const dir = workspace({ 'r.md': REPORT });
    assert.deepEqual(cli(dir, ['render', '--as', 'status-page', 'r.md', '-'], REPORT), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: render reads either standard input (-) or files, not both; got - and "r.md" (a file named - is ./-)\n',
    });
    assert.deepEqual(cli(dir, ['render', '--as', 'status-page', 'r.md', '--out', '-']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: --out - (standard output) cannot hold the status page: it writes a folder with two files (index.html and feed.xml); give a folder, e.g. --out public/\n',
    });
    assert.deepEqual(cli(dir, ['render', '--as', 'status-page', '--format', 'text', '-', '--out', '-'], REPORT).stderr, 'incident-report: --out - (standard output) cannot hold the status page: it writes a folder with two files (index.txt and feed.xml); give a folder, e.g. --out public/\n');
    // The text piped in belongs to r.md: writing the press release there would replace the report.
    assert.deepEqual(cli(dir, ['render', '-', '--stdin-filename', 'r.md', '--out', 'r.md'], REPORT), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: r.md: --out would overwrite the report r.md with the output; write to another file\n',
    });
    assert.equal(readFileSync(join(dir, 'r.md'), 'utf8'), REPORT);
  });
});

describe('CLI approve, changes and new with -', function () {
  this.timeout(60_000);

  it('approve and changes refuse - and say why (they work on the report file and its releases)', () => {
    const dir = workspace({ 'r.md': REPORT });
    assert.deepEqual(cli(dir, ['approve', '--by', 'Petra Schulz', '-'], REPORT), {
      code: 2,
      stdout: '',
      stderr: "incident-report: approve needs the report's path, not - (standard input): it writes the approval back into the report file and its release beside it; give the file instead: `incident-report approve --by NAME FILE`\n",
    });
    assert.deepEqual(cli(dir, ['changes', '-'], REPORT), {
      code: 2,
      stdout: '',
      stderr: "incident-report: changes needs the report's path, not - (standard input): it compares the report with its releases in .releases/ beside the file; give the file instead: `incident-report changes FILE`\n",
    });
    // With --stdin-filename, as lint and render take it: the path is known, so the message gives the command.
    assert.deepEqual(cli(dir, ['changes', '-', '--stdin-filename', 'r.md'], REPORT), {
      code: 2,
      stdout: '',
      stderr: "incident-report: changes needs the report's path, not - (standard input): it compares the report with its releases in .releases/ beside the file; give the file instead: `incident-report changes r.md`\n",
    });
    // An option of another command is named as such (Node's parser said "Unknown option '--out'. To specify a positional argument …").
    assert.deepEqual(cli(dir, ['changes', '--out', 'x.txt', 'r.md']), { code: 2, stdout: '', stderr: 'incident-report: --out is an option of render and new, not of changes\n' });
    assert.deepEqual(cli(dir, ['changes', '--bogus', 'r.md']), { code: 2, stdout: '', stderr: 'incident-report: unknown option --bogus for changes (see --help)\n' });
    assert.deepEqual(readdirSync(dir), ['r.md']);
  });

  it('new reads --organizations - from standard input; refuses --parent - and --out -', () => {
    const dir = workspace({ 'p.md': readFileSync(join(FIXTURES, 'family-valid', 'parent.md'), 'utf8') });
    const made = cli(dir, ['new', '--parent', 'p.md', '--organizations', '-', '--out', 'm'], 'Stadt Werne\nStadt Hagen\n');
    assert.equal(made.stderr, '');
    assert.equal(made.code, 0);
    assert.deepEqual(made.stdout.split('\n').filter(Boolean).length, 2);
    assert.equal(readdirSync(join(dir, 'm')).length, 2);
    assert.deepEqual(cli(dir, ['new', '--parent', 'p.md', '--organizations', '-'], '.\n'), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: <stdin>: line 1: "." is no organisation name (no letter or digit, so no file name); correct or remove the line\n',
    });
    assert.deepEqual(cli(dir, ['new', '--parent', 'p.md', '--organizations', '-'], Buffer.from('Lüdenscheid\n', 'latin1')), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: <stdin>: not UTF-8 text: the character at line 1, column 2 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8\n',
    });
    assert.deepEqual(cli(dir, ['new', '--parent', '-', '--organizations', 'o.txt']), {
      code: 2,
      stdout: '',
      stderr: "incident-report: new --parent needs the parent report's path, not - (standard input): each member names its parent by a path relative to itself\n",
    });
    assert.deepEqual(cli(dir, ['new', '--parent', 'p.md', '--organizations', 'o.txt', '--out', '-']), {
      code: 2,
      stdout: '',
      stderr: 'incident-report: new --out takes a folder: new writes one file per member there, which standard output (-) cannot hold\n',
    });
    assert.ok(!existsSync(join(dir, '-')));
  });
});
