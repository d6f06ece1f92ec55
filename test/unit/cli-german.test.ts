import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './tempWorkspace';
import { decodeUtf8, NOT_UTF8, NOT_UTF8_DE, NotUtf8Error } from '../../src/core';
import { describeIoError } from '../../src/cli/ioError';
import { main } from '../../src/cli/main';
import { lintRun, runLocaleOf } from '../../src/cli/lintRun';
import { parseCli, type LintArgs } from '../../src/cli/args';

/**
 * The CLI's own messages (not the findings) in German with a German locale: file errors, files
 * that are not UTF-8, an unusable schema, usage errors and `new`. They were English whatever the
 * locale. Runs the built CLI (npm run build first; `npm test` does) in `cwd`, with LANG=C unless
 * `lang` is given.
 */
const BIN = join(__dirname, '..', '..', 'bin', 'incident-report.js');
function cli(cwd: string, args: string[], lang = 'C') {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: lang }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** Exit 2 with `message` on stderr and nothing on stdout. */
const refusal = (message: string) => ({ code: 2, stdout: '', stderr: `incident-report: ${message}\n` });

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'valid-report', 'input.md'), 'utf8');
const LATIN1 = Buffer.from(REPORT, 'latin1');

describe('CLI messages in German', function () {
  this.timeout(60_000);

  it('file errors: a missing --config, a missing target, a folder given as the configuration', () => {
    const dir = workspace({ 'r.md': REPORT });
    mkdirSync(join(dir, 'folder'));
    assert.deepEqual(cli(dir, ['lint', '--config', 'x.json', 'r.md', '--locale', 'de']), refusal('--config x.json: Datei nicht gefunden'));
    assert.deepEqual(cli(dir, ['lint', '--config', 'x.json', 'r.md']), refusal('--config x.json: file not found'));
    assert.deepEqual(cli(dir, ['lint', '--config', 'folder', 'r.md'], 'de_DE.UTF-8'), refusal('--config folder: ist ein Ordner'));
    assert.deepEqual(cli(dir, ['lint', 'nope.md', '--locale', 'de']), {
      code: 2,
      stdout: 'nope.md\n  error  Datei nicht gefunden\n\n✖ 1 Problem(e) (1 Fehler, 0 Warnung(en), 0 Hinweis(e)) in 1 Datei(en)\n',
      stderr: 'incident-report: nope.md: Datei nicht gefunden\n',
    });
    assert.deepEqual(cli(dir, ['lint', 'nope.md']), {
      code: 2,
      stdout: 'nope.md\n  error  file not found\n\n✖ 1 problem(s) (1 error(s), 0 warning(s), 0 info) in 1 file(s)\n',
      stderr: 'incident-report: nope.md: file not found\n',
    });
    assert.deepEqual(cli(dir, ['changes', 'nope.md', '--locale', 'de']), refusal('nope.md: Datei nicht gefunden'));
    assert.deepEqual(cli(dir, ['lint', 'nix/*.md', '--locale', 'de']), refusal('nix/*.md: keine Dateien passen'));
  });

  it('describeIoError: permission denied and the other reasons in both languages (the tests run as root, where chmod denies nothing)', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    assert.equal(describeIoError(error('EACCES'), 'de'), 'Zugriff verweigert');
    assert.equal(describeIoError(error('EPERM'), 'de'), 'Zugriff verweigert');
    assert.equal(describeIoError(error('EACCES'), 'en'), 'permission denied');
    assert.equal(describeIoError(error('ENOTDIR'), 'de'), 'ein Teil des Pfads ist eine Datei, kein Ordner');
    assert.equal(describeIoError(error('ENOSPC'), 'de'), 'kein Speicherplatz mehr auf dem Gerät');
    // Unknown to us: Node's words, in both.
    assert.equal(describeIoError(error('EWHATEVER'), 'de'), 'EWHATEVER: raw');
  });

  it('not UTF-8: the message in both languages, recognised by its class and kind, not by its words', () => {
    const caught = (bytes: Uint8Array) => {
      try {
        decodeUtf8(bytes);
      } catch (error) {
        return error as NotUtf8Error;
      }
      assert.fail('decoded');
    };
    const latin1 = caught(LATIN1);
    assert.equal(latin1.kind, 'invalid');
    assert.deepEqual(latin1.text, {
      en: `${NOT_UTF8}: the character at line 4, column 17 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8`,
      de: `${NOT_UTF8_DE}: das Zeichen in Zeile 4, Spalte 17 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern`,
    });
    assert.equal(latin1.message, latin1.text.en);
    const utf16 = caught(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    assert.deepEqual([utf16.kind, utf16.text.de], ['utf16', 'kein UTF-8-Text: die Datei ist als UTF-16 gespeichert; als UTF-8 speichern']);
    const nul = caught(new TextEncoder().encode('a\nb\0'));
    assert.deepEqual([nul.kind, nul.text.de], ['nul', 'kein UTF-8-Text: ein NUL-Byte in Zeile 2, Spalte 2 (eine Binär- oder UTF-16-Datei?); die Datei als UTF-8-Text speichern']);

    const dir = workspace({});
    writeFileSync(join(dir, 'r.md'), LATIN1);
    const german = `${NOT_UTF8_DE}: das Zeichen in Zeile 4, Spalte 17 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern`;
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--locale', 'de']), {
      code: 2,
      stdout: `r.md\n  error  ${german}\n\n✖ 1 Problem(e) (1 Fehler, 0 Warnung(en), 0 Hinweis(e)) in 1 Datei(en)\n`,
      stderr: `incident-report: r.md: ${german}\n`,
    });
    assert.deepEqual(cli(dir, ['render', 'r.md', '--locale', 'de']), refusal(`r.md: ${german}`));
    assert.deepEqual(cli(dir, ['approve', '--by', 'Petra Schulz', 'r.md'], 'de_DE.UTF-8'), refusal(`r.md: ${german}`));
  });

  it('the configuration\'s schema: missing, not JSON (with line and column in German), not a schema; in --locale, the file\'s locale or LANG', () => {
    const dir = workspace({ 'r.md': REPORT, '.incident-report.json': '{ "schema": "team.schema.json" }\n' });
    const lint = (...extra: string[]) => cli(dir, ['lint', 'r.md', ...extra]);
    assert.deepEqual(lint('--locale', 'de'), refusal('.incident-report.json: "schema": team.schema.json: Datei nicht gefunden'));
    assert.deepEqual(lint(), refusal('.incident-report.json: "schema": team.schema.json: file not found'));
    writeFileSync(join(dir, 'team.schema.json'), '{\n  "type": "object",,\n}\n');
    assert.deepEqual(lint('--locale', 'de'), refusal('.incident-report.json: "schema": team.schema.json: kein gültiges JSON (Name einer Eigenschaft erwartet in Zeile 2, Spalte 20)'));
    assert.deepEqual(lint(), refusal('.incident-report.json: "schema": team.schema.json: not valid JSON (Expected double-quoted property name in JSON at position 21)'));
    writeFileSync(join(dir, 'team.schema.json'), '[1]\n');
    assert.deepEqual(lint('--locale', 'de'), refusal('.incident-report.json: "schema": team.schema.json: das Schema kann nicht verwendet werden: das Schema muss ein JSON-Objekt sein'));
    assert.deepEqual(lint(), refusal('.incident-report.json: "schema": team.schema.json: the schema cannot be used: the schema must be a JSON object'));
    writeFileSync(join(dir, 'team.schema.json'), '{ "type": 5 }\n');
    assert.deepEqual(
      lint('--locale', 'de'),
      refusal('.incident-report.json: "schema": team.schema.json: das Schema kann nicht verwendet werden: das Schema ist ungültig: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf'),
    );
    // The configuration's own `locale`, and LANG, choose German too; --locale wins over both.
    writeFileSync(join(dir, '.incident-report.json'), '{ "schema": "team.schema.json", "locale": "de" }\n');
    writeFileSync(join(dir, 'team.schema.json'), '[1]\n');
    assert.deepEqual(lint(), refusal('.incident-report.json: "schema": team.schema.json: das Schema kann nicht verwendet werden: das Schema muss ein JSON-Objekt sein'));
    assert.deepEqual(lint('--locale', 'en'), refusal('.incident-report.json: "schema": team.schema.json: the schema cannot be used: the schema must be a JSON object'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--schema', 'team.schema.json'], 'de_DE.UTF-8'), refusal('--schema team.schema.json: das Schema kann nicht verwendet werden: das Schema muss ein JSON-Objekt sein'));
  });

  it('usage errors: unknown command and option, a missing value, an option of another command, a missing argument', () => {
    const dir = workspace({ 'r.md': REPORT });
    assert.deepEqual(cli(dir, ['frobnicate', '--locale', 'de']), refusal('unbekannter Befehl "frobnicate"; "lint", "render", "new", "approve", "changes" oder "lsp" verwenden (siehe --help)'));
    assert.deepEqual(cli(dir, ['lint', '--bogus', 'r.md', '--locale=de']), refusal('unbekannte Option --bogus für lint (siehe --help)'));
    assert.deepEqual(cli(dir, ['lint', '--bogus', 'r.md'], 'de_DE.UTF-8'), refusal('unbekannte Option --bogus für lint (siehe --help)'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--format', '--locale', 'de']), refusal('--format braucht einen Wert; einer, der mit - beginnt, wird als --format=-WERT angegeben'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--locale', 'de', '--format']), refusal('--format braucht einen Wert'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--format']), refusal('--format needs a value'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--quiet=yes', '--locale', 'de']), refusal('--quiet nimmt keinen Wert'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--quiet=yes']), refusal('--quiet takes no value'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--out', 'x.sarif', '--locale', 'de']), refusal('--out ist eine Option von render und new, nicht von lint; lint schreibt auf die Standardausgabe: sie umleiten, z. B. `> results.sarif`'));
    assert.deepEqual(cli(dir, ['lint', '--locale', 'de']), refusal('lint braucht mindestens eine Datei, einen Ordner oder ein Glob-Muster'));
    assert.deepEqual(cli(dir, ['render', '--as', 'fax', 'r.md', '--locale', 'de']).stderr.split(', ')[0], 'incident-report: --as muss eines von press-release');
    assert.deepEqual(cli(dir, ['approve', 'r.md', '--locale', 'de']), refusal('approve braucht --by NAME: wer das Release freigibt'));
    assert.deepEqual(cli(dir, ['changes', 'r.md', '--since', '0', '--locale', 'de']), refusal('--since nimmt eine Release-Nummer ≥ 1, nicht "0"'));
    assert.deepEqual(cli(dir, ['lint', 'r.md', '--locale', 'fr']), refusal('--locale must be "de" or "en", not "fr"'));
    assert.deepEqual(cli(dir, ['lsp', '--stdio', 'x'], 'de_DE.UTF-8'), refusal('lsp nimmt keine Dateiargumente, erhielt "x"'));
    assert.deepEqual(cli(dir, ['lsp', '--stdio', 'x']), refusal('lsp takes no file arguments, got "x"'));
    // After `--`, `--locale de` is a file name, not the language.
    assert.deepEqual(cli(dir, ['frobnicate', '--', '--locale', 'de']).stderr.startsWith('incident-report: unknown command'), true);
  });

  it('an internal error is announced in the run\'s language (--locale, LANG), with the stack as it is', async () => {
    // A standard input whose isTTY throws: no code path expects that, so it is an internal error.
    const broken = { get isTTY(): boolean { throw new Error('boom'); }, read: async () => new Uint8Array() };
    const head = async (argv: string[], lang: string) => {
      const outcome = await main(argv, { LANG: lang }, false, broken);
      return [outcome.exitCode, outcome.stdout, ...outcome.stderr.split('\n').slice(0, 2)];
    };
    assert.deepEqual(await head(['lint', '-', '--locale', 'de'], 'C'), [2, '', 'incident-report: interner Fehler, bitte melden:', 'Error: boom']);
    assert.deepEqual(await head(['lint', '-'], 'de_DE.UTF-8'), [2, '', 'incident-report: interner Fehler, bitte melden:', 'Error: boom']);
    assert.deepEqual(await head(['render', '-', '--locale', 'en'], 'de_DE.UTF-8'), [2, '', 'incident-report: internal error, please report it:', 'Error: boom']);
  });

  it('the language a run settles on (the configuration\'s locale) is kept for an internal error that ends it', async () => {
    const dir = workspace({ 'r.md': REPORT, '.incident-report.json': '{ "locale": "de" }\n' });
    const args = parseCli(['lint', join(dir, 'r.md')], { LANG: 'C' }, false) as LintArgs;
    assert.equal(runLocaleOf(args), undefined);
    await lintRun(args);
    assert.equal(runLocaleOf(args), 'de');
  });

  it('render --as status-page --link: the feed URL line in German (--locale de or the configuration\'s locale)', () => {
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'incidents', '2022-12-01-drensteinfurt.md'), 'utf8');
    const dir = workspace({ 'r.md': example });
    const link = 'https://www.kreis-soest.de/notfall/';
    const written = (prefix: string) => `${prefix}\n`;
    assert.deepEqual(cli(dir, ['render', '--as', 'status-page', '--link', link, '--out', 'de', 'r.md', '--locale', 'de']), {
      code: 0,
      stdout: '',
      stderr: written(`incident-report: ${join('de', 'index.html')} geschrieben\nincident-report: ${join('de', 'feed.xml')} geschrieben\nincident-report: Feed-URL: ${link}feed.xml`),
    });
    writeFileSync(join(dir, '.incident-report.json'), '{ "locale": "de" }\n');
    assert.equal(cli(dir, ['render', '--as', 'status-page', '--link', link, '--out', 'cfg', 'r.md']).stderr.split('\n')[2], `incident-report: Feed-URL: ${link}feed.xml`);
    assert.equal(cli(dir, ['render', '--as', 'status-page', '--link', link, '--out', 'en', 'r.md', '--locale', 'en']).stderr.split('\n')[2], `incident-report: feed URL: ${link}feed.xml`);
  });

  it('new: its refusals and notes in German with --locale de or LANG; a file it cannot read is named with its option', () => {
    const dir = workspace({ 'r.md': REPORT, 'notes.md': '# Notizen\n', 'dots.txt': '...\n', 'twice.txt': 'Stadt Werne\nstadt werne\n', 'empty.txt': '\n' });
    assert.deepEqual(cli(dir, ['new', '--locale', 'de']), refusal('new braucht --parent DATEI und --organizations DATEI'));
    assert.deepEqual(cli(dir, ['new', '--parent', '-', '--organizations', 'x', '--locale', 'de']), refusal('new --parent braucht den Pfad des übergeordneten Berichts, nicht - (Standardeingabe): jedes Mitglied nennt sein übergeordnetes Dokument mit einem Pfad relativ zu sich selbst'));
    assert.deepEqual(cli(dir, ['new', '--parent', 'x.md', '--organizations', 'dots.txt', '--locale', 'de']), refusal('--parent x.md: Datei nicht gefunden'));
    assert.deepEqual(cli(dir, ['new', '--parent', 'r.md', '--organizations', 'nope.txt', '--locale', 'de']), refusal('--organizations nope.txt: Datei nicht gefunden'));
    assert.deepEqual(cli(dir, ['new', '--parent', 'notes.md', '--organizations', 'dots.txt', '--locale', 'de']), refusal('notes.md: kein Vorfallsbericht (keine Frontmatter mit "schema: incident-report/v1")'));
    assert.deepEqual(cli(dir, ['new', '--parent', 'notes.md', '--organizations', 'dots.txt']), refusal('notes.md: not an incident report (no frontmatter with "schema: incident-report/v1")'));
    assert.deepEqual(
      cli(dir, ['new', '--parent', 'r.md', '--organizations', 'dots.txt'], 'de_DE.UTF-8'),
      refusal('dots.txt: Zeile 1: "..." ist kein Name einer Organisation (kein Buchstabe und keine Ziffer, also kein Dateiname); die Zeile korrigieren oder entfernen'),
    );
    assert.deepEqual(cli(dir, ['new', '--parent', 'r.md', '--organizations', 'empty.txt', '--locale', 'de']), refusal('empty.txt: keine Namen von Organisationen (einer je Zeile)'));
    // A member report of "Stadt Werne" exists already: the duplicate line and the existing member are noted.
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'werne.md'), '---\nschema: incident-report/v1\nid: werne\norganization: Stadt Werne\nparent: ../r.md\n---\n');
    assert.deepEqual(cli(dir, ['new', '--parent', 'r.md', '--organizations', 'twice.txt', '--locale', 'de']), {
      code: 0,
      stdout: '',
      stderr:
        'incident-report: twice.txt: Zeile 2: "stadt werne" ist "Stadt Werne" aus Zeile 1, anders geschrieben; ein Mitgliedsbericht für beide\n' +
        'incident-report: Stadt Werne: hat schon einen Mitgliedsbericht von r.md (r/werne.md); nicht erneut angelegt\n',
    });
    assert.deepEqual(cli(dir, ['new', '--parent', 'r.md', '--organizations', 'twice.txt']), {
      code: 0,
      stdout: '',
      stderr:
        'incident-report: twice.txt: line 2: "stadt werne" is "Stadt Werne" of line 1, written differently; one member report for both\n' +
        'incident-report: Stadt Werne: has a member report of r.md already (r/werne.md); not created again\n',
    });
    // A member report of the parent that is not UTF-8.
    writeFileSync(join(dir, 'r', 'werne.md'), Buffer.from('---\nschema: incident-report/v1\nid: werne\norganization: Stadt Lünen\nparent: ../r.md\n---\n', 'latin1'));
    assert.deepEqual(
      cli(dir, ['new', '--parent', 'r.md', '--organizations', 'twice.txt', '--locale', 'de']),
      refusal('r/werne.md: kein UTF-8-Text: das Zeichen in Zeile 4, Spalte 22 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern; es wurde kein Mitgliedsbericht angelegt'),
    );
  });
});
