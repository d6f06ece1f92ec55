import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './tempWorkspace';
import { OUTPUTS } from '../../src/core';
import { optionsOf } from '../../src/cli/args';

/**
 * Odd input as users and CI jobs give it: files that are not UTF-8, option values given twice or
 * to the wrong command, output paths that are the input or no folder. Runs the built CLI (npm run
 * build first; `npm test` does) in `cwd`.
 */
const BIN = join(__dirname, '..', '..', 'bin', 'incident-report.js');
function cli(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'valid-report', 'input.md'), 'utf8');
/** The report as Windows saves it in "ANSI": `Eingeschränkte` in the title on line 4 holds the first character that is not ASCII. */
const LATIN1 = Buffer.from(REPORT, 'latin1');
const LATIN1_PROBLEM = 'not UTF-8 text: the character at line 4, column 17 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8';

describe('CLI input that is not UTF-8 text', function () {
  this.timeout(60_000);

  it('lint refuses a Windows-1252 report (exit 2, where the first such byte is) instead of linting it clean', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'r.md'), LATIN1);
    const { code, stdout, stderr } = cli(dir, ['lint', 'r.md']);
    assert.equal(stderr, `incident-report: r.md: ${LATIN1_PROBLEM}\n`);
    assert.equal(stdout, `r.md\n  error  ${LATIN1_PROBLEM}\n\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n`);
    assert.equal(code, 2);
  });

  it('render refuses it too: no press release with U+FFFD for every umlaut', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'r.md'), LATIN1);
    const { code, stdout, stderr } = cli(dir, ['render', 'r.md', '--format', 'text']);
    assert.equal(stderr, `incident-report: r.md: ${LATIN1_PROBLEM}\n`);
    assert.equal(stdout, '');
    assert.equal(code, 2);
  });

  it('approve leaves a Windows-1252 report byte for byte as it was (it used to write it back with U+FFFD) and writes no release', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'r.md'), LATIN1);
    const { code, stdout, stderr } = cli(dir, ['approve', '--by', 'Petra Schulz', 'r.md']);
    assert.equal(stderr, `incident-report: r.md: ${LATIN1_PROBLEM}\n`);
    assert.equal(stdout, '');
    assert.equal(code, 2);
    assert.ok(readFileSync(join(dir, 'r.md')).equals(LATIN1));
    assert.ok(!existsSync(join(dir, '.releases')));
  });

  it('changes refuses it as well', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'r.md'), LATIN1);
    const { code, stderr } = cli(dir, ['changes', 'r.md']);
    assert.equal(stderr, `incident-report: r.md: ${LATIN1_PROBLEM}\n`);
    assert.equal(code, 2);
  });

  it('a NUL byte (which every output dropped silently) and a UTF-16 file are named', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'nul.md'), REPORT.replace('Stadt Werne\n', 'Stadt\0Werne\n'));
    writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
    const { code, stderr } = cli(dir, ['render', 'nul.md']);
    assert.equal(stderr, 'incident-report: nul.md: not UTF-8 text: a NUL byte at line 8, column 20 (a binary or UTF-16 file?); save the file as UTF-8 text\n');
    assert.equal(code, 2);
    const utf16 = cli(dir, ['lint', 'utf16.md']);
    assert.equal(utf16.stderr, 'incident-report: utf16.md: not UTF-8 text: the file is saved as UTF-16; save it as UTF-8\n');
    assert.equal(utf16.code, 2);
  });

  it('a Windows-1252 Markdown file below a folder that is no report is skipped; one that is a report is refused', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT });
    writeFileSync(join(dir, 'README.md'), Buffer.from('# Übersicht\n\nBerichte für den Kreis.\n', 'latin1'));
    const clean = cli(dir, ['lint', '.']);
    assert.equal(clean.stderr, '');
    assert.equal(clean.stdout, '✔ 1 file(s) checked, no problems\n');
    assert.equal(clean.code, 0);
    writeFileSync(join(dir, 'incidents', 'soest.md'), LATIN1);
    const refused = cli(dir, ['render', '--as', 'status-page', '.']);
    assert.equal(refused.stderr, `incident-report: incidents/soest.md: ${LATIN1_PROBLEM}\n`);
    assert.equal(refused.code, 2);
  });

  it('a Windows-1252 parent is named at `parent`, in the words the language server and the extension use, without the misleading "give the path" hint', () => {
    const fixtures = join(__dirname, '..', 'fixtures', 'family-data-loss');
    const dir = workspace({ 'kommunen/werne.md': readFileSync(join(fixtures, 'input.md'), 'utf8') });
    mkdirSync(join(dir, 'provider'));
    writeFileSync(join(dir, 'provider', '2023-10-30-sit.md'), Buffer.from(readFileSync(join(fixtures, 'parent.md'), 'utf8'), 'latin1'));
    const { code, stdout } = cli(dir, ['lint', '--format', 'json', 'kommunen/werne.md']);
    const family = (JSON.parse(stdout) as Array<{ findings: Array<{ ruleId: string; message: string }> }>)[0]!.findings.filter((f) => f.ruleId.startsWith('family-'));
    assert.deepEqual(family.map((f) => `${f.ruleId}: ${f.message}`), [
      'family-parent: parent: ../provider/2023-10-30-sit.md cannot be read (not UTF-8 text: the character at line 4, column 30 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8).',
    ]);
    assert.equal(code, 1);
  });

  it('new refuses a Windows-1252 list of organisations (it wrote `Stadt L\uFFFDdenscheid` into the members) and writes nothing', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT });
    writeFileSync(join(dir, 'orgs.txt'), Buffer.from('Stadt Lüdenscheid\nStadt Iserlohn\n', 'latin1'));
    const { code, stdout, stderr } = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'members']);
    assert.equal(stderr, 'incident-report: --organizations orgs.txt: not UTF-8 text: the character at line 1, column 8 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8\n');
    assert.equal(stdout, '');
    assert.equal(code, 2);
    assert.ok(!existsSync(join(dir, 'members')));
  });

  it('new keeps the byte order mark Excel and Notepad put before the first organisation out of its name', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT, 'orgs.txt': '\uFEFFStadt Lüdenscheid\r\nStadt Iserlohn\r\n' });
    const { code, stderr } = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'members']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const organizations = readdirSync(join(dir, 'members'))
      .sort()
      .map((name) => /^organization: (.*)$/m.exec(readFileSync(join(dir, 'members', name), 'utf8'))![1]);
    assert.deepEqual(organizations, ['Stadt Iserlohn', 'Stadt Lüdenscheid']);
  });
});

describe('CLI folders with symbolic links', function () {
  this.timeout(60_000);
  /** The report with a title YAML cannot read: one error, so a skipped file cannot pass unnoticed. */
  const BROKEN = REPORT.replace(/^title: .*$/m, 'title: [kaputt');
  const BROKEN_OUTPUT = '  4:8  error    The `[` here opens a list that is never closed with `]`: close it, or put the whole value in quotes if the `[` is part of the text.  yaml-syntax\n';

  it('lints a report linked into the folder (it was skipped, and lint exited 0 for the folder)', () => {
    const dir = workspace({ 'elsewhere/broken.md': BROKEN });
    mkdirSync(join(dir, 's', 'incidents'), { recursive: true });
    symlinkSync(join(dir, 'elsewhere', 'broken.md'), join(dir, 's', 'incidents', 'b.md'));
    const alone = cli(dir, ['lint', 's']);
    assert.equal(alone.stderr, '');
    assert.equal(alone.stdout, `s/incidents/b.md\n${BROKEN_OUTPUT}\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n`);
    assert.equal(alone.code, 1);
    writeFileSync(join(dir, 's', 'incidents', 'a.md'), REPORT);
    const beside = cli(dir, ['lint', 's']);
    assert.equal(beside.stdout, `s/incidents/b.md\n${BROKEN_OUTPUT}\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 2 file(s)\n`);
    assert.equal(beside.code, 1);
  });

  it('follows a link to a folder, once: a link back up ends the walk', () => {
    const dir = workspace({ 'shared/incidents/broken.md': BROKEN, 's/incidents/a.md': REPORT });
    symlinkSync(join(dir, 'shared'), join(dir, 's', 'shared'));
    symlinkSync('..', join(dir, 's', 'incidents', 'up'));
    const { code, stdout, stderr } = cli(dir, ['lint', 's']);
    assert.equal(stderr, '');
    assert.equal(stdout, `s/shared/incidents/broken.md\n${BROKEN_OUTPUT}\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 2 file(s)\n`);
    assert.equal(code, 1);
  });

  it('names a link whose target is missing, and a link to itself, instead of skipping them (exit 2)', () => {
    const dir = workspace({ 's/incidents/a.md': REPORT });
    symlinkSync('../../gone.md', join(dir, 's', 'incidents', 'gone.md'));
    symlinkSync('self.md', join(dir, 's', 'incidents', 'self.md'));
    const { code, stdout, stderr } = cli(dir, ['lint', 's']);
    assert.equal(
      stderr,
      'incident-report: s/incidents/gone.md: symbolic link to a file or folder that does not exist (→ ../../gone.md); not checked\n' +
        'incident-report: s/incidents/self.md: symbolic link not followed (→ self.md): too many levels of symbolic links (a link that points to itself?); not checked\n',
    );
    assert.equal(stdout, '✔ 1 file(s) checked, no problems\n');
    assert.equal(code, 2);
  });
});

describe('CLI new: organisation names', function () {
  this.timeout(60_000);
  const list = (dir: string, text: string) => writeFileSync(join(dir, 'orgs.txt'), text);
  const members = (dir: string) => (existsSync(join(dir, 'members')) ? readdirSync(join(dir, 'members')).sort() : []);

  it('refuses a name without a letter or digit, naming its line (`.`, `..`, `-` gave <date>.md, -2.md, -3.md), and writes nothing', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT });
    list(dir, 'Stadt Iserlohn\n.\n..\n-\n');
    assert.deepEqual(cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'members']), {
      code: 2,
      stdout: '',
      stderr:
        'incident-report: orgs.txt: line 2: "." is no organisation name (no letter or digit, so no file name); correct or remove the line\n' +
        'incident-report: orgs.txt: line 3: ".." is no organisation name (no letter or digit, so no file name); correct or remove the line\n' +
        'incident-report: orgs.txt: line 4: "-" is no organisation name (no letter or digit, so no file name); correct or remove the line\n',
    });
    assert.deepEqual(members(dir), []);
  });

  it('treats names that differ only in case or Unicode form as one organisation, in the list and against existing members', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT });
    // Line 2 is written in lower case with a combining diaeresis (NFD), as some tools save it.
    list(dir, 'Stadt Lüdenscheid\nstadt lu\u0308denscheid\n');
    const first = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'members']);
    assert.equal(first.stderr, 'incident-report: orgs.txt: line 2: "stadt lu\u0308denscheid" is "Stadt Lüdenscheid" of line 1, written differently; one member report for both\n');
    assert.equal(first.code, 0);
    assert.deepEqual(members(dir).map((name) => name.slice(11)), ['stadt-luedenscheid.md']);
    list(dir, 'STADT LÜDENSCHEID\n');
    const again = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'members']);
    assert.deepEqual(again, {
      code: 0,
      stdout: '',
      stderr: `incident-report: STADT LÜDENSCHEID: has a member report of incidents/werne.md already (${first.stdout.trim()}); not created again\n`,
    });
    assert.equal(members(dir).length, 1);
  });
});

describe('CLI output paths', function () {
  this.timeout(60_000);

  it('render --out refuses to overwrite the report it renders (also through a link) and leaves it as it was', () => {
    const dir = workspace({ 'r.md': REPORT });
    const same = cli(dir, ['render', 'r.md', '--out', './r.md']);
    assert.equal(same.stderr, 'incident-report: ./r.md: --out would overwrite the report r.md with the output; write to another file\n');
    assert.equal(same.stdout, '');
    assert.equal(same.code, 2);
    symlinkSync('r.md', join(dir, 'link.md'));
    const linked = cli(dir, ['render', '--as', 'social', 'r.md', '--out', 'link.md']);
    assert.equal(linked.stderr, 'incident-report: link.md: --out would overwrite the report r.md with the output; write to another file\n');
    assert.equal(linked.code, 2);
    assert.equal(readFileSync(join(dir, 'r.md'), 'utf8'), REPORT);
  });

  it('render --out into a folder that does not exist yet creates it, as the status page does', () => {
    const dir = workspace({ 'r.md': REPORT });
    const { code, stderr } = cli(dir, ['render', 'r.md', '--format', 'text', '--out', 'public/press/r.txt']);
    assert.equal(stderr, 'incident-report: wrote public/press/r.txt\n');
    assert.equal(code, 0);
    assert.ok(readFileSync(join(dir, 'public', 'press', 'r.txt'), 'utf8').startsWith('PRESSEMITTEILUNG · Stadt Werne\n'));
  });

  it('a status page --out that is a file says so (it printed "EEXIST: file already exists, mkdir")', () => {
    const dir = workspace({ 'r.md': REPORT, 'site.html': 'kept' });
    const { code, stderr } = cli(dir, ['render', '--as', 'status-page', 'r.md', '--out', 'site.html']);
    assert.equal(stderr, 'incident-report: site.html: exists and is not a directory\n');
    assert.equal(code, 2);
    assert.equal(readFileSync(join(dir, 'site.html'), 'utf8'), 'kept');
  });

  it('new --out that is a file, or a path through one, says so (it was an internal error with a stack trace)', () => {
    const dir = workspace({ 'incidents/werne.md': REPORT, 'orgs.txt': 'Stadt Selm\n' });
    const file = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'orgs.txt']);
    assert.equal(file.stderr, 'incident-report: --out orgs.txt: exists and is not a directory\n');
    assert.equal(file.stdout, '');
    assert.equal(file.code, 2);
    const below = cli(dir, ['new', '--parent', 'incidents/werne.md', '--organizations', 'orgs.txt', '--out', 'orgs.txt/members']);
    assert.equal(below.stderr, 'incident-report: --out orgs.txt/members: a part of the path is a file, not a directory\n');
    assert.equal(below.code, 2);
  });
});

describe('CLI options given twice or to the wrong command', function () {
  this.timeout(60_000);
  const dir = workspace({ 'r.md': REPORT, 'orgs.txt': 'Stadt Selm\n' });
  const refused = (args: string[], message: string) => {
    const { code, stdout, stderr } = cli(dir, args);
    assert.equal(stderr, `incident-report: ${message}\n`, args.join(' '));
    assert.equal(stdout, '');
    assert.equal(code, 2);
  };

  it('a one-value option given twice with different values is refused (the last one used to win silently)', () => {
    refused(['render', '--as', 'atom', '--as', 'social', 'r.md'], '--as is given twice ("atom", "social"); give it once');
    refused(['render', 'r.md', '-f', 'text', '--format', 'html'], '--format is given twice ("text", "html"); give it once');
    refused(['approve', '--by', 'Petra Schulz', '--by', 'Jan Meier', 'r.md'], '--by is given twice ("Petra Schulz", "Jan Meier"); give it once');
    refused(['changes', 'r.md', '--since', '1', '--since', '2'], '--since is given twice ("1", "2"); give it once');
    assert.ok(!existsSync(join(dir, '.releases')), 'nothing approved');
    assert.equal(readFileSync(join(dir, 'r.md'), 'utf8'), REPORT);
  });

  it('the same value twice, and repeatable options, still pass', () => {
    assert.equal(cli(dir, ['render', '--as', 'social', '--as', 'social', 'r.md', '--hashtag', 'Werne', '--hashtag', 'Stoerung']).code, 0);
    assert.equal(cli(dir, ['lint', 'r.md', '--rule', 'chronology=off', '--rule', 'leak-ip=off', '--internal-domain', '.intern', '--internal-domain', '.lan']).code, 0);
  });

  it('an option of another command is refused, not ignored (lint --out wrote no file and exited 0)', () => {
    refused(['lint', 'r.md', '--out', 'results.sarif'], '--out is an option of render and new, not of lint; lint prints to stdout: redirect it, e.g. `> results.sarif`');
    assert.ok(!existsSync(join(dir, 'results.sarif')));
    refused(['lint', 'r.md', '--initial'], '--initial is an option of render, not of lint');
    refused(['render', 'r.md', '--max-warnings', '0'], '--max-warnings is an option of lint, not of render');
    refused(['render', 'r.md', '-q'], '--quiet is an option of lint, not of render');
    refused(['new', '--parent', 'r.md', '--organizations', 'orgs.txt', '--as', 'atom'], '--as is an option of render, not of new');
    refused(['new', '--parent', 'r.md', '--organizations', 'orgs.txt', '--schema', 's.json'], '--schema is an option of lint and render, not of new');
    assert.ok(!existsSync(join(dir, 'r')), 'no member written');
  });
});

describe('CLI --help', () => {
  it('names every output of the registry that render --as takes (nis2-progress-report was missing)', () => {
    const { code, stdout } = cli(join(__dirname, '..', '..'), ['--help']);
    assert.equal(code, 0);
    const help = stdout.slice(stdout.indexOf('Render options:'), stdout.indexOf('New member reports:'));
    const missing = OUTPUTS.map((output) => output.id).filter((id) => !new RegExp(`(?:^|[\\s,])${id}[,:\\s]`).test(help));
    assert.deepEqual(missing, []);
  });

  it('an unknown option is named as written, with whose option it is when another command takes it (Node\'s words told to "place it at the end after --")', () => {
    const root = join(__dirname, '..', '..');
    const refusal = (args: string[]) => cli(root, args);
    assert.deepEqual(refusal(['lint', '--bogus', 'x.md']), { code: 2, stdout: '', stderr: 'incident-report: unknown option --bogus for lint (see --help)\n' });
    assert.deepEqual(refusal(['render', '-Z', 'x.md']), { code: 2, stdout: '', stderr: 'incident-report: unknown option -Z for render (see --help)\n' });
    assert.deepEqual(refusal(['new', '--by', 'Petra']), { code: 2, stdout: '', stderr: 'incident-report: --by is an option of approve, not of new\n' });
    assert.deepEqual(refusal(['lint', '--since', '2', 'x.md']), { code: 2, stdout: '', stderr: 'incident-report: --since is an option of changes, not of lint\n' });
  });

  it('an option written with = after a short name, without a name, or with one dash too many or too few is named as written, in both languages (-q=1 was "unknown option --")', () => {
    const root = join(__dirname, '..', '..');
    const refused = (args: string[], en: string, de: string) => {
      assert.deepEqual(cli(root, args), { code: 2, stdout: '', stderr: `incident-report: ${en}\n` }, args.join(' '));
      assert.deepEqual(cli(root, [...args, '--locale', 'de']), { code: 2, stdout: '', stderr: `incident-report: ${de}\n` }, `${args.join(' ')} --locale de`);
    };
    refused(['lint', '-q=1', 'x.md'], '-q=1: -q (--quiet) takes no value', '-q=1: -q (--quiet) nimmt keinen Wert');
    refused(['lint', '-q=', 'x.md'], '-q=: -q (--quiet) takes no value', '-q=: -q (--quiet) nimmt keinen Wert');
    refused(['lint', '-=', 'x.md'], '-=: the option\'s name before "=" is missing (see --help)', '-=: vor "=" fehlt der Name der Option (siehe --help)');
    refused(['lint', '--=x', 'x.md'], '--=x: the option\'s name before "=" is missing (see --help)', '--=x: vor "=" fehlt der Name der Option (siehe --help)');
    refused(['render', '--=', 'x.md'], '--=: the option\'s name before "=" is missing (see --help)', '--=: vor "=" fehlt der Name der Option (siehe --help)');
    refused(['lint', '---x', 'x.md'], 'unknown option ---x for lint: an option starts with two dashes, not three (see --help)', 'unbekannte Option ---x für lint: eine Option beginnt mit zwei Bindestrichen, nicht drei (siehe --help)');
    refused(['lint', '---format=json', 'x.md'], '---format=json: one dash too many; the option is --format=json', '---format=json: ein Bindestrich zu viel; die Option heißt --format=json');
    refused(['lint', '---', 'x.md'], '--- is no option (see --help); a file of that name is given as ./---', '--- ist keine Option (siehe --help); eine Datei dieses Namens wird als ./--- angegeben');
    refused(['lint', '-quiet', 'x.md'], '-quiet: a long option starts with two dashes: --quiet', '-quiet: eine lange Option beginnt mit zwei Bindestrichen: --quiet');
    refused(['lint', '-qZ', 'x.md'], 'unknown option -Z in -qZ for lint (see --help)', 'unbekannte Option -Z in -qZ für lint (siehe --help)');
    // A short option that takes a value took "=json" as its value: refused as the format "=json", and -o=x.html wrote "=x.html".
    refused(['lint', '-f=json', 'x.md'], '-f=json: a short option takes its value after a space: -f json or --format=json', '-f=json: eine Kurzoption nimmt ihren Wert nach einem Leerzeichen: -f json oder --format=json');
    refused(['changes', '-f=json', 'x.md'], '-f=json: a short option takes its value after a space: -f json or --format=json', '-f=json: eine Kurzoption nimmt ihren Wert nach einem Leerzeichen: -f json oder --format=json');
    const dir = workspace({ 'r.md': REPORT });
    assert.deepEqual(cli(dir, ['render', '-o=r.html', 'r.md']), { code: 2, stdout: '', stderr: 'incident-report: -o=r.html: a short option takes its value after a space: -o r.html or --out=r.html\n' });
    assert.deepEqual(readdirSync(dir), ['r.md'], 'no "=r.html" written');
    assert.deepEqual(cli(root, ['approve', '--by', 'Petra', '-q=1', 'x.md']), { code: 2, stdout: '', stderr: 'incident-report: unknown option -q in -q=1 for approve (see --help)\n' });
    assert.deepEqual(cli(root, ['lsp', '---stdio']), { code: 2, stdout: '', stderr: 'incident-report: ---stdio: one dash too many; the option is --stdio\n' });
  });

  it('an option of another command names every command that takes it (lsp --locale said "lint and render and new"; approve --format was "unknown")', () => {
    const root = join(__dirname, '..', '..');
    const refused = (args: string[], message: string) => assert.deepEqual(cli(root, args), { code: 2, stdout: '', stderr: `incident-report: ${message}\n` }, args.join(' '));
    refused(['lsp', '--locale', 'en'], '--locale is an option of lint, render, new, approve and changes, not of lsp');
    refused(['lsp', '--stdio', '--locale', 'de'], '--locale ist eine Option von lint, render, new, approve und changes, nicht von lsp');
    refused(['new', '--parent', 'r.md', '--organizations', 'o.txt', '--now', '2023-10-30T09:00:00Z'], '--now is an option of lint, render and approve, not of new');
    refused(['approve', '--by', 'Petra', '--format', 'json', 'x.md'], '--format is an option of lint, render and changes, not of approve');
    refused(['changes', '--time-zone', 'UTC', 'x.md'], '--time-zone is an option of lint, render, new and approve, not of changes');
    refused(['approve', '--by', 'Petra', '--schema', 's.json', 'x.md'], '--schema is an option of lint and render, not of approve');
    refused(['lint', '--stdio', 'x.md'], '--stdio is an option of lsp, not of lint');
  });

  it('--help names every option of each command in that command\'s part (render --schema, --time-zone; new --time-zone; approve --time-zone, --locale were missing)', () => {
    const help = cli(join(__dirname, '..', '..'), ['--help']).stdout;
    const part = (from: string, to: string) => help.slice(help.indexOf(from), help.indexOf(to));
    const parts: Record<string, string> = {
      lint: part('Lint options:', 'Render options:'),
      render: part('Render options:', 'New member reports:'),
      new: part('New member reports:', 'Sign-off'),
      approve: part('  approve --by', '  changes FILE'),
      changes: part('  changes FILE', 'Language server'),
      lsp: part('Language server', 'Standard input:'),
    };
    const missing = Object.entries(parts).flatMap(([command, text]) => optionsOf(command).filter((name) => !new RegExp(`--${name}\\b`).test(text)).map((name) => `${command} --${name}`));
    assert.deepEqual(missing, []);
    assert.match(help, /^ {2}incident-report --version$/m);
  });

  it('an option before the command says the command comes first; an empty command is refused, not the help with exit 0', () => {
    const root = join(__dirname, '..', '..');
    assert.deepEqual(cli(root, ['--locale', 'de', 'lint', 'r.md']), { code: 2, stdout: '', stderr: 'incident-report: der Befehl steht vor seinen Optionen: incident-report lint --locale de r.md\n' });
    assert.deepEqual(cli(root, ['-q', 'lint', 'my file.md']), { code: 2, stdout: '', stderr: "incident-report: the command comes before its options: incident-report lint -q 'my file.md'\n" });
    // After `--`, lint is a file name: no command to move.
    assert.deepEqual(cli(root, ['--bogus', '--', 'lint']), { code: 2, stdout: '', stderr: 'incident-report: unknown command "--bogus"; use "lint", "render", "new", "approve", "changes" or "lsp" (see --help)\n' });
    // `incident-report "$COMMAND" r.md` with the variable unset printed the help and exited 0.
    assert.deepEqual(cli(root, ['', 'r.md']), { code: 2, stdout: '', stderr: 'incident-report: unknown command ""; use "lint", "render", "new", "approve", "changes" or "lsp" (see --help)\n' });
  });

  it('after a command, --help and -h print the help too (render --help was "Unknown option \'--help\'", exit 2)', () => {
    const root = join(__dirname, '..', '..');
    const help = cli(root, ['--help']).stdout;
    for (const args of [['render', '--help'], ['lint', 'examples', '-h'], ['approve', '--help'], ['lsp', '-h']]) {
      assert.deepEqual(cli(root, args), { code: 0, stdout: help, stderr: '' }, args.join(' '));
    }
    // After `--`, `--help` is a file name.
    const file = cli(root, ['lint', '--', '--help']);
    assert.deepEqual([file.code, file.stderr], [2, 'incident-report: --help: file not found\n']);
  });
});
