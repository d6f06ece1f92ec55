import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, Hover, TextEdit } from 'vscode-languageserver/node';
import { LspClient, uri } from '../lsp/client';

/**
 * The language server at the protocol level, driven by vscode-languageserver's own client-side
 * JSON-RPC against the built `incident-report lsp --stdio`: diagnostics equal to what `lint --format
 * json` reports for the same files, quick fixes and fix all as edits, completion, hover, the project
 * file and the editor's settings, the render command, bad input and the process lifecycle.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: Array<{ file: string; line: number; column: number; message: string }>;
}

function lintJson(folder: string, file: string): JsonFinding[] {
  const result = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', file], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
    encoding: 'utf8',
  });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const files = JSON.parse(result.stdout) as Array<{ file: string; findings: JsonFinding[] }>;
  return files.find((entry) => entry.file === file)!.findings;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What the server must publish for a CLI finding (related locations: the CLI gives their start). */
function expected(folder: string, finding: JsonFinding) {
  return {
    range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    message: finding.message,
    related: (finding.related ?? []).map((related) => ({ uri: uri(resolve(folder, related.file)), line: related.line - 1, character: related.column - 1, message: related.message })),
  };
}

function actual(diagnostic: Diagnostic) {
  return {
    range: diagnostic.range,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    related: (diagnostic.relatedInformation ?? []).map((related) => ({
      uri: related.location.uri,
      line: related.location.range.start.line,
      character: related.location.range.start.character,
      message: related.message,
    })),
  };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('language server (protocol)', function () {
  this.timeout(60_000);
  let folder: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ir-lsp-'));
    cpSync(join(ROOT, 'examples', 'broken'), join(folder, 'broken'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'incidents'), join(folder, 'incidents'), { recursive: true });
    mkdirSync(join(folder, 'provider'));
    mkdirSync(join(folder, 'kommunen'));
    cpSync(join(FIXTURES, 'family-data-loss', 'parent.md'), join(folder, 'provider', '2023-10-30-sit.md'));
    cpSync(join(FIXTURES, 'family-data-loss', 'input.md'), join(folder, 'kommunen', 'werne.md'));
  });

  afterEach(() => {
    client?.kill();
    client = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  const open = async (relative: string, text = readFileSync(join(folder, relative), 'utf8')) => client!.open(join(folder, relative), text);

  it('announces its capabilities', async () => {
    client = await LspClient.start({ folder });
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.incidentReport'] });
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [':', ' ', '-'] });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['incident-report.render'] });
    assert.equal(client.initializeResult.serverInfo?.name, 'incident-report');
  });

  it('publishes on open exactly what lint --format json reports: ranges, rule codes with their docs, messages, severities', async () => {
    client = await LspClient.start({ folder });
    const documentUri = await open('broken/broken.incident.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    const cli = lintJson(folder, 'broken/broken.incident.md');
    assert.ok(cli.length >= 10, `the broken example has many findings, got ${cli.length}`);
    assert.deepEqual(diagnostics.map(actual), cli.map((finding) => expected(folder, finding)));
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'incident-report');
      assert.equal(diagnostic.codeDescription?.href, `https://github.com/incident-report/incident-report/blob/main/docs/rules/${String(diagnostic.code)}.md`);
    }
  });

  it('gives family findings relatedInformation into the parent, as the CLI its related locations', async () => {
    client = await LspClient.start({ folder });
    const documentUri = await open('kommunen/werne.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    const cli = lintJson(folder, 'kommunen/werne.md');
    assert.ok(cli.some((finding) => finding.ruleId === 'family-data-loss' && finding.related?.length));
    assert.deepEqual(diagnostics.map(actual), cli.map((finding) => expected(folder, finding)));
    const related = diagnostics.find((diagnostic) => diagnostic.code === 'family-data-loss')!.relatedInformation![0]!;
    assert.equal(related.location.uri, uri(join(folder, 'provider', '2023-10-30-sit.md')));
    assert.equal(related.message, "the parent's data_loss.occurred: yes");
  });

  it('refuses a parent saved as Latin-1 with the CLI\'s finding (it read U+FFFD for every umlaut, silently)', async () => {
    const parentPath = join(folder, 'provider', '2023-10-30-sit.md');
    writeFileSync(parentPath, Buffer.from(readFileSync(parentPath, 'utf8'), 'latin1'));
    client = await LspClient.start({ folder });
    const documentUri = await open('kommunen/werne.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    const family = diagnostics.filter((d) => String(d.code).startsWith('family-')).map((d) => [d.code, d.severity, d.message]);
    assert.deepEqual(family, [
      [
        'family-parent',
        1,
        'parent: ../provider/2023-10-30-sit.md cannot be read (not UTF-8 text: the character at line 4, column 30 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8).',
      ],
    ]);
    assert.deepEqual(diagnostics.map(actual), lintJson(folder, 'kommunen/werne.md').map((finding) => expected(folder, finding)));
  });

  it('says that the parent of an unsaved (untitled:) report was not checked, instead of calling it a cycle', async () => {
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'kommunen', 'werne.md'), 'utf8');
    assert.match(text, /^parent: \.\.\/provider\/2023-10-30-sit\.md$/m);
    const untitled = 'untitled:Untitled-1';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await client.waitForDiagnostics(untitled);
    const line = text.split('\n').findIndex((entry) => entry.startsWith('parent:'));
    assert.deepEqual(
      diagnostics.filter((d) => String(d.code).startsWith('family-')).map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'family-parent',
          3,
          { start: { line, character: 8 }, end: { line, character: 37 } },
          'parent: ../provider/2023-10-30-sit.md was not checked: the linter was not told where this file lies (save it first).',
        ],
      ],
    );
  });

  it('lints again after an edit (debounced), and a member when its open parent changes', async () => {
    client = await LspClient.start({ folder });
    const member = await open('kommunen/werne.md');
    const before = await client.waitForDiagnostics(member);
    assert.equal(before.diagnostics.filter((d) => d.code === 'family-data-loss').length, 3);
    // The parent, opened and edited to rule out data loss as the member does: the member follows.
    const parentPath = join(folder, 'provider', '2023-10-30-sit.md');
    const parentText = readFileSync(parentPath, 'utf8');
    const parent = await open('provider/2023-10-30-sit.md', parentText);
    await client.waitForDiagnostics(parent);
    const fixed = parentText.replace('occurred: yes', 'occurred: no').replace('exfiltration: suspected', 'exfiltration: no_indication').replace('personal_data: unknown', 'personal_data: no');
    assert.notEqual(fixed, parentText);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: parent, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.waitForDiagnostics(member, (params) => !params.diagnostics.some((d) => d.code === 'family-data-loss'));
    // The CLI reads the parent from disk: give it the editor's text.
    writeFileSync(parentPath, fixed);
    assert.deepEqual(after.diagnostics.map((d) => d.code), before.diagnostics.filter((d) => d.code !== 'family-data-loss').map((d) => d.code));
    // An incremental edit of the member itself: `severity: major` → `severity: minor` changes nis2-reporting.
    const memberText = readFileSync(join(folder, 'kommunen', 'werne.md'), 'utf8');
    const line = memberText.split('\n').findIndex((text) => text.startsWith('severity: major'));
    assert.ok(line > 0);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: member, version: 2 },
      contentChanges: [{ range: { start: { line, character: 10 }, end: { line, character: 15 } }, text: 'minor' }],
    });
    const edited = await client.waitForDiagnostics(member, (params) => params.version === 2);
    assert.deepEqual(edited.diagnostics.map(actual), lintJsonOf(folder, 'kommunen/werne.md', memberText.replace('severity: major', 'severity: minor')));
  });

  it('lints an open member again when its parent is opened with a text other than the file\'s (a restored unsaved buffer)', async () => {
    client = await LspClient.start({ folder });
    const member = await open('kommunen/werne.md');
    const before = await client.waitForDiagnostics(member);
    assert.equal(before.diagnostics.filter((d) => d.code === 'family-data-loss').length, 3);
    const parentPath = join(folder, 'provider', '2023-10-30-sit.md');
    const fixed = readFileSync(parentPath, 'utf8').replace('occurred: yes', 'occurred: no').replace('exfiltration: suspected', 'exfiltration: no_indication').replace('personal_data: unknown', 'personal_data: no');
    await open('provider/2023-10-30-sit.md', fixed);
    const after = await client.waitForDiagnostics(member, (params) => !params.diagnostics.some((d) => d.code === 'family-data-loss'));
    // The CLI reads the parent from disk: give it the editor's text.
    writeFileSync(parentPath, fixed);
    assert.deepEqual(after.diagnostics.map(actual), lintJson(folder, 'kommunen/werne.md').map((finding) => expected(folder, finding)));
  });

  it('names a parent in a folder whose name starts with two dots (`..drafts`) inside the workspace, as the CLI does', async () => {
    mkdirSync(join(folder, '..drafts'));
    cpSync(join(folder, 'provider', '2023-10-30-sit.md'), join(folder, '..drafts', '2023-10-30-sit.md'));
    const memberPath = join(folder, 'kommunen', 'werne.md');
    writeFileSync(memberPath, readFileSync(memberPath, 'utf8').replace('parent: ../provider/2023-10-30-sit.md', 'parent: ../..drafts/2023-10-30-sit.md'));
    client = await LspClient.start({ folder });
    const member = await open('kommunen/werne.md');
    const { diagnostics } = await client.waitForDiagnostics(member);
    const familyMessages = diagnostics.filter((d) => d.code === 'family-data-loss').map((d) => String(d.message));
    assert.equal(familyMessages.length, 3);
    for (const message of familyMessages) assert.ok(message.includes('(..drafts/2023-10-30-sit.md)'), message);
    assert.deepEqual(diagnostics.map(actual), lintJson(folder, 'kommunen/werne.md').map((finding) => expected(folder, finding)));
  });

  /** `lint --format json` of a changed text, written to the file first. */
  function lintJsonOf(dir: string, relative: string, text: string) {
    writeFileSync(join(dir, relative), text);
    return lintJson(dir, relative).map((finding) => expected(dir, finding));
  }

  it('reads .incident-report.json like the CLI, and an editor setting wins over it', async () => {
    writeFileSync(join(folder, '.incident-report.json'), JSON.stringify({ rules: { 'press-contact': 'off', placeholder: 'error' } }));
    client = await LspClient.start({ folder });
    const documentUri = await open('broken/broken.incident.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    const cli = lintJson(folder, 'broken/broken.incident.md');
    assert.ok(!cli.some((finding) => finding.ruleId === 'press-contact'));
    assert.deepEqual(diagnostics.map(actual), cli.map((finding) => expected(folder, finding)));
    client.kill();

    // workspace/configuration: `incidentReport.rules` set in the editor merges rule by rule; `locale` de.
    client = await LspClient.start({ folder, settings: () => ({ rules: { 'press-contact': 'error' }, locale: 'de' }) });
    const again = await open('broken/broken.incident.md');
    const german = await client.waitForDiagnostics(again);
    const press = german.diagnostics.find((d) => d.code === 'press-contact');
    assert.equal(press?.severity, 1);
    assert.match(String(press!.message), /Kontakt|Presse/);
    assert.equal(german.diagnostics.find((d) => d.code === 'placeholder')?.severity, 1, 'the file still sets placeholder');
  });

  it('takes initializationOptions when the client answers workspace/configuration with null (Neovim 0.10+ without `settings`)', async () => {
    // Neovim, Helix and eglot answer null for a section they have no settings for: that is no answer.
    client = await LspClient.start({ folder, settings: () => null, initializationOptions: { incidentReport: { locale: 'de', rules: { 'press-contact': 'off' } } } });
    const documentUri = await open('broken/broken.incident.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    assert.equal(diagnostics[0]!.message, '`severity` fehlt: critical, major, minor oder none wählen.');
    // The CLI with the same settings in the project file (written after the server read its configuration).
    writeFileSync(join(folder, '.incident-report.json'), JSON.stringify({ locale: 'de', rules: { 'press-contact': 'off' } }));
    assert.deepEqual(diagnostics.map(actual), lintJson(folder, 'broken/broken.incident.md').map((finding) => expected(folder, finding)));
  });

  it('takes initializationOptions when the client cannot answer workspace/configuration, and logs an unusable value', async () => {
    client = await LspClient.start({ folder, initializationOptions: { incidentReport: { rules: { 'press-contact': 'off' }, maxSize: 'big' } } });
    const documentUri = await open('broken/broken.incident.md');
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    assert.ok(!diagnostics.some((d) => d.code === 'press-contact'));
    assert.ok(diagnostics.some((d) => d.code === 'schema'));
    // A warning shown, not a request for a choice (Neovim prompts for one and waits).
    assert.deepEqual(client.shownMessages.filter((m) => m.message.includes('incidentReport.maxSize')).map((m) => [m.type, /must be a whole number/.test(m.message)]), [[2, true]]);
    assert.deepEqual(client.messageRequests, []);
  });

  it('re-lints when .incident-report.json changes on disk (workspace/didChangeWatchedFiles), and shows an invalid one on the file', async () => {
    client = await LspClient.start({ folder });
    const documentUri = await open('broken/broken.incident.md');
    const first = await client.waitForDiagnostics(documentUri);
    assert.ok(first.diagnostics.some((d) => d.code === 'press-contact'));
    const config = join(folder, '.incident-report.json');
    writeFileSync(config, '{ "rules": { "press-contact": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 1 }] });
    await client.waitForDiagnostics(documentUri, (params) => !params.diagnostics.some((d) => d.code === 'press-contact'));
    writeFileSync(config, '{ "rules": { "press-contact": "of" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    const problems = await client.waitForDiagnostics(uri(config));
    assert.deepEqual(
      problems.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]),
      [[0, 30, 'the level of rule "press-contact" must be "error", "warning", "info" or "off" (the file is ignored until this is fixed)']],
    );
    await client.waitForDiagnostics(documentUri, (params) => params.diagnostics.some((d) => d.code === 'press-contact'));
  });

  it('treats a document the project file\'s "ignores" (or the editor\'s setting) matches as no report: its diagnostics go, none come, no hover', async () => {
    client = await LspClient.start({ folder });
    const documentUri = await open('broken/broken.incident.md');
    const first = await client.waitForDiagnostics(documentUri);
    assert.ok(first.diagnostics.length > 0);
    const config = join(folder, '.incident-report.json');
    writeFileSync(config, JSON.stringify({ ignores: ['broken/**'] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 1 }] });
    const cleared = await client.waitForDiagnostics(documentUri, (params) => params.diagnostics.length === 0);
    assert.deepEqual(cleared, { uri: documentUri, diagnostics: [] });
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: 2, character: 1 } });
    assert.equal(hover, null);
    client.kill();

    // The setting, with no project file: the same (a setting set in the editor replaces the file's list).
    rmSync(config);
    client = await LspClient.start({ folder, settings: () => ({ ignores: ['broken/*.md'] }) });
    const ignored = await open('broken/broken.incident.md');
    const other = await open('incidents/2023-10-30-suedwestfalen-it.md');
    await client.waitForDiagnostics(other);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ignored }, position: { line: 2, character: 1 } }), null);
    assert.equal(client.diagnostics.get(ignored), undefined, 'nothing published for an ignored document');
  });

  it('keeps the problems of an invalid .incident-report.json on their line, as VS Code does (a syntax error at the end of the file, a value over several lines)', async () => {
    const config = join(folder, '.incident-report.json');
    writeFileSync(config, '{ "rules": { "press-contact": "off" },\n');
    client = await LspClient.start({ folder });
    await open('broken/broken.incident.md');
    const syntax = await client.waitForDiagnostics(uri(config));
    assert.deepEqual(
      syntax.diagnostics.map((d) => [d.range, d.message]),
      [[{ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, 'not valid JSON: property name expected (the file is ignored until this is fixed)']],
    );
    writeFileSync(config, '[\r\n  "rules"\r\n]\r\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    const array = await client.waitForDiagnostics(uri(config), (params) => params.diagnostics.some((d) => String(d.message).startsWith('the configuration must')));
    assert.deepEqual(
      array.diagnostics.map((d) => [d.range, d.message]),
      [[{ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, 'the configuration must be a JSON object `{ … }` (the file is ignored until this is fixed)']],
    );
  });

  it('warns once per broken .incident-report.json with its problems (it named the first only), as editors without a problems list show no diagnostics of an unopened file', async () => {
    const config = join(folder, '.incident-report.json');
    const changed = async () => client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    const problemsOnConfig = (first: string) => client!.waitForDiagnostics(uri(config), (params) => String(params.diagnostics[0]?.message ?? '').startsWith(first));
    writeFileSync(config, '{\n  "rules": { "leak-ipp": "off" },\n  "maxSize": 0\n}\n');
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'broken', 'broken.incident.md'), 'utf8');
    const documentUri = await open('broken/broken.incident.md', text);
    await client.waitForDiagnostics(documentUri);
    await problemsOnConfig('unknown rule');
    // Every lint looks the configuration up again: no new message for the same file.
    for (let version = 2; version <= 3; version++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: documentUri, version }, contentChanges: [{ text: `${text}\n${'x'.repeat(version)}` }] });
      await client.waitForDiagnostics(documentUri, (params) => params.version === version);
    }
    const unknownRule =
      'Incident Report: .incident-report.json cannot be used (2:14: unknown rule "leak-ipp": did you mean "leak-ip"?; 3:14: "maxSize" must be a whole number of characters ≥ 1); reports are checked without it until it is fixed.';
    assert.deepEqual(client.shownMessages, [{ type: 2, message: unknownRule }]);
    // Broken otherwise: a new message. Fixed, then broken the same way again: once more.
    const syntax = 'Incident Report: .incident-report.json cannot be used (1:19: not valid JSON: property name expected); reports are checked without it until it is fixed.';
    writeFileSync(config, '{ "locale": "de", }');
    await changed();
    await problemsOnConfig('not valid JSON');
    writeFileSync(config, '{ "locale": "de" }');
    await changed();
    await client.waitForDiagnostics(uri(config), (params) => params.diagnostics.length === 0);
    writeFileSync(config, '{ "locale": "de", }');
    await changed();
    await problemsOnConfig('not valid JSON');
    assert.deepEqual(client.shownMessages, [
      { type: 2, message: unknownRule },
      { type: 2, message: syntax },
      { type: 2, message: syntax },
    ]);
    // In the editor's language.
    client.kill();
    client = await LspClient.start({ folder, locale: 'de' });
    await open('broken/broken.incident.md', text);
    await problemsOnConfig('kein gültiges JSON');
    assert.deepEqual(client.shownMessages, [
      { type: 2, message: 'Vorfallsbericht: .incident-report.json kann nicht verwendet werden (1:19: kein gültiges JSON: Name einer Eigenschaft erwartet); Berichte werden ohne sie geprüft, bis sie korrigiert ist.' },
    ]);
    // Five problems: the first three as the CLI prints them, then how many more.
    writeFileSync(config, '{\n  "rules": { "leak-ipp": "off", "x": "on" },\n  "maxSize": 0, "locale": "fr", "timeZone": "Mars"\n}\n');
    await changed();
    await problemsOnConfig('unbekannte Regel');
    assert.deepEqual(client.shownMessages.slice(1), [
      {
        type: 2,
        message:
          'Vorfallsbericht: .incident-report.json kann nicht verwendet werden (2:14: unbekannte Regel "leak-ipp": meinten Sie "leak-ip"?; 2:33: unbekannte Regel "x"; 3:14: "maxSize" muss eine ganze Zahl von Zeichen ≥ 1 sein; … und 2 weitere); Berichte werden ohne sie geprüft, bis sie korrigiert ist.',
      },
    ]);
  });

  it('refuses a .incident-report.json saved as Latin-1 with one warning in the CLI\'s words (it repeated it on every lint)', async () => {
    writeFileSync(join(folder, '.incident-report.json'), Buffer.from('{ "rules": { "press-contact": "off" }, "internalDomains": [".kreis-lünen.lokal"] }', 'latin1'));
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'broken', 'broken.incident.md'), 'utf8');
    const documentUri = await open('broken/broken.incident.md', text);
    const first = await client.waitForDiagnostics(documentUri);
    assert.ok(first.diagnostics.some((d) => d.code === 'press-contact'), 'the file is ignored');
    for (let version = 2; version <= 4; version++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: documentUri, version }, contentChanges: [{ text: `${text}\n${'x'.repeat(version)}` }] });
      await client.waitForDiagnostics(documentUri, (params) => params.version === version);
    }
    assert.deepEqual(client.messageRequests, []);
    assert.deepEqual(client.shownMessages.filter((m) => m.type === 2).map((m) => m.message).filter((line) => line.includes('UTF-8')), [
      'Incident Report: .incident-report.json: not UTF-8 text: the character at line 1, column 69 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8',
    ]);
    // In the client's language (it was English only).
    client.kill();
    client = await LspClient.start({ folder, locale: 'de' });
    await client.waitForDiagnostics(await open('broken/broken.incident.md', text));
    assert.deepEqual(client.shownMessages.filter((m) => m.type === 2).map((m) => m.message).filter((line) => line.includes('UTF-8')), [
      'Vorfallsbericht: .incident-report.json: kein UTF-8-Text: das Zeichen in Zeile 1, Spalte 69 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern',
    ]);
  });

  it('without workspace/didChangeWatchedFiles from the client, sees a changed project file and unopened parent on save and edit (Neovim 0.7 sends none)', async () => {
    client = await LspClient.start({ folder, watchesFiles: false });
    const documentUri = await open('broken/broken.incident.md');
    const first = await client.waitForDiagnostics(documentUri);
    assert.ok(first.diagnostics.some((d) => d.code === 'press-contact'));
    // The colleague's reproduction: the project file written, the report saved, no watched-files notification.
    const config = join(folder, '.incident-report.json');
    writeFileSync(config, '{ "rules": { "press-contact": "off" } }');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: documentUri } });
    const off = await client.waitForDiagnostics(documentUri, (params) => !params.diagnostics.some((d) => d.code === 'press-contact'));
    assert.deepEqual(off.diagnostics.map(actual), lintJson(folder, 'broken/broken.incident.md').map((finding) => expected(folder, finding)));
    // Deleted: found on the next save, and the rule is back.
    rmSync(config);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: documentUri } });
    await client.waitForDiagnostics(documentUri, (params) => params.diagnostics.some((d) => d.code === 'press-contact'));
    // An unopened parent changed on disk: its member, saved, follows.
    const member = await open('kommunen/werne.md');
    const before = await client.waitForDiagnostics(member);
    assert.equal(before.diagnostics.filter((d) => d.code === 'family-data-loss').length, 3);
    const parentPath = join(folder, 'provider', '2023-10-30-sit.md');
    const parentText = readFileSync(parentPath, 'utf8');
    writeFileSync(parentPath, parentText.replace('occurred: yes', 'occurred: no').replace('exfiltration: suspected', 'exfiltration: no_indication').replace('personal_data: unknown', 'personal_data: no'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: member } });
    const after = await client.waitForDiagnostics(member, (params) => !params.diagnostics.some((d) => d.code === 'family-data-loss'));
    assert.deepEqual(after.diagnostics.map(actual), lintJson(folder, 'kommunen/werne.md').map((finding) => expected(folder, finding)));
    // A project file created while editing (not saving): seen by the next edit a second later.
    writeFileSync(config, '{ "locale": "de" }');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const text = readFileSync(join(folder, 'kommunen', 'werne.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: member, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
    const german = await client.waitForDiagnostics(member, (params) => params.version === 2 && params.diagnostics.length > 0);
    assert.match(String(german.diagnostics[0]!.message), /^Der Vorfall ist major/);
  });

  it('clears the problems of an invalid .incident-report.json when the file is deleted', async () => {
    const config = join(folder, '.incident-report.json');
    writeFileSync(config, '{ "rules": { "press-contact": "of" } }');
    client = await LspClient.start({ folder });
    const documentUri = await open('broken/broken.incident.md');
    await client.waitForDiagnostics(documentUri);
    const problems = await client.waitForDiagnostics(uri(config));
    assert.equal(problems.diagnostics.length, 1);
    rmSync(config);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 3 }] });
    const cleared = await client.waitForDiagnostics(uri(config), (params) => params.diagnostics.length === 0, 5_000);
    assert.deepEqual(cleared, { uri: uri(config), diagnostics: [] });
  });

  it('offers the quick fix of a finding as an edit, and source.fixAll.incidentReport as one edit of every safe fix', async () => {
    client = await LspClient.start({ folder });
    const path = join(folder, 'broken', 'broken.incident.md');
    const text = readFileSync(path, 'utf8');
    const documentUri = await open('broken/broken.incident.md', text);
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    const typo = diagnostics.find((d) => String(d.message).startsWith('`severty` is not a field'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: documentUri },
      range: typo.range,
      context: { diagnostics: [typo] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [['Rename to `severity`', 'quickfix', true]],
    );
    const renamed = applyEdits(text, actions[0]!.edit!.changes![documentUri]!);
    assert.equal(renamed, text.replace('\nseverty: major', '\nseverity: major'));

    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: documentUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.incidentReport'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]!.kind, 'source.fixAll.incidentReport');
    const all = applyEdits(text, fixAll[0]!.edit!.changes![documentUri]!);
    assert.match(all, /\nseverity: major/);
    assert.match(all, /occurred: no\b/, 'the YAML boolean false becomes the word');
    assert.match(all, /detected_at: 2023-10-30T06:45:00\+01:00/, 'the missing offset in the report\'s zone');
  });

  it('offers "Put the value in quotes" for a title YAML misreads, while the frontmatter cannot be read', async () => {
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'incidents', '2023-10-30-suedwestfalen-it.md'), 'utf8').replace(/^title: .*$/m, 'title: [Update] Kreisverwaltung geschlossen');
    const documentUri = await open('incidents/quoted-title.md', text);
    const { diagnostics } = await client.waitForDiagnostics(documentUri, (params) => params.diagnostics.some((d) => d.code === 'yaml-syntax'));
    const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.deepEqual(
      syntax.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [[3, 7, 43, 'A value that starts with `[` is read as a list, and the text after its `]` is left over: put the whole value in quotes.']],
    );
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: documentUri },
      range: syntax[0]!.range,
      context: { diagnostics: syntax },
    })) as CodeAction[];
    assert.deepEqual(actions.map((action) => [action.title, action.kind, action.isPreferred]), [['Put the value in quotes: `"[Update] Kreisverwaltung geschlossen"`', 'quickfix', true]]);
    assert.equal(applyEdits(text, actions[0]!.edit!.changes![documentUri]!), text.replace('title: [Update] Kreisverwaltung geschlossen', 'title: "[Update] Kreisverwaltung geschlossen"'));
  });

  it('counts a UTF-8 BOM the client keeps as the first character: diagnostics, quick fixes, fix all, completion and hover', async () => {
    client = await LspClient.start({ folder });
    const plain = readFileSync(join(folder, 'broken', 'broken.incident.md'), 'utf8');
    const text = `\uFEFF${plain}`;
    const documentUri = await open('broken/bom.incident.md', text);
    const { diagnostics } = await client.waitForDiagnostics(documentUri);
    // The CLI drops the BOM (as editors do); in the client's text it is character 0 of line 0.
    const cli = lintJson(folder, 'broken/broken.incident.md').map((finding) => expected(folder, finding));
    const shifted = cli.map((entry) => ({
      ...entry,
      range: {
        start: { line: entry.range.start.line, character: entry.range.start.character + (entry.range.start.line === 0 ? 1 : 0) },
        end: { line: entry.range.end.line, character: entry.range.end.character + (entry.range.end.line === 0 ? 1 : 0) },
      },
    }));
    assert.deepEqual(diagnostics.map(actual), shifted);
    assert.deepEqual(diagnostics.find((d) => String(d.message).startsWith('`severity` is missing'))?.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });

    const typo = diagnostics.find((d) => String(d.message).startsWith('`severty` is not a field'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: documentUri }, range: typo.range, context: { diagnostics: [typo] } })) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.edit!.changes![documentUri]), [[{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 7 } }, newText: 'severity' }]]);
    assert.equal(applyEdits(text, actions[0]!.edit!.changes![documentUri]!), text.replace('\nseverty: major', '\nseverity: major'));

    const fixAll = async (documentText: string, at: string) =>
      applyEdits(
        documentText,
        ((await client!.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: at },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.incidentReport'] },
        })) as CodeAction[])[0]!.edit!.changes![at]!,
      );
    const plainUri = await open('broken/broken.incident.md', plain);
    await client.waitForDiagnostics(plainUri);
    assert.equal(await fixAll(text, documentUri), `\uFEFF${await fixAll(plain, plainUri)}`);

    const lang = text.split('\n').findIndex((line) => line.startsWith('lang:'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: lang, character: 1 } })) as Hover;
    assert.deepEqual(hover.range, { start: { line: lang, character: 0 }, end: { line: lang, character: 4 } });
    assert.match((hover.contents as { value: string }).value, /^\*\*Language\*\* · `lang`/);

    const fresh = await open('incidents/bom.md', '\uFEFF---\nschema: incident-report/v1\nid: x\nstatus: \n---\n');
    await client.waitForDiagnostics(fresh);
    const values = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: fresh }, position: { line: 3, character: 8 } })) as CompletionItem[];
    assert.deepEqual(
      values.map((item) => [item.label, item.textEdit]),
      ['investigating', 'identified', 'monitoring', 'resolved'].map((value) => [value, { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, newText: value }]),
    );
  });

  it('completes keys and values: missing required keys first, enum values with their meaning, now for timestamps', async () => {
    client = await LspClient.start({ folder });
    const text = '---\nschema: incident-report/v1\nid: x\nstatus: \nsev\n---\n';
    const documentUri = await open('incidents/new.md', text);
    await client.waitForDiagnostics(documentUri);
    const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: documentUri }, position: { line: 4, character: 3 } })) as CompletionItem[];
    const severity = keys.find((item) => item.label === 'severity')!;
    assert.ok(severity, keys.map((item) => item.label).join(', '));
    assert.equal(severity.kind, 10);
    assert.deepEqual(severity.textEdit, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, newText: 'severity: ' });
    assert.match(severity.detail!, /required/);
    assert.ok(!keys.some((item) => item.label === 'id' || item.label === 'schema'), 'present keys are not offered');
    const values = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: documentUri }, position: { line: 3, character: 8 } })) as CompletionItem[];
    assert.deepEqual(
      values.map((item) => [item.label, item.detail, item.textEdit?.newText]),
      [
        ['investigating', 'under investigation', 'investigating'],
        ['identified', 'cause identified', 'identified'],
        ['monitoring', 'fix in place, being monitored', 'monitoring'],
        ['resolved', 'resolved', 'resolved'],
      ],
    );
    const stamped = '---\nschema: incident-report/v1\ntimezone: Europe/Berlin\ntimestamps:\n  started_at: \n---\n';
    const other = await open('incidents/stamped.md', stamped);
    const now = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: { line: 4, character: 14 } })) as CompletionItem[];
    assert.equal(now[0]!.preselect, true);
    assert.match(now[0]!.label, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$/);
    // A list key inserts its block with the line's indentation (clients insert as is).
    const block = '---\nschema: incident-report/v1\nid: x\naffected\n---\n';
    const third = await open('incidents/block.md', block);
    const blockKeys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: third }, position: { line: 3, character: 8 } })) as CompletionItem[];
    const services = blockKeys.find((item) => item.label === 'affected_services')!;
    assert.equal(services.insertTextFormat, 2);
    assert.equal(services.textEdit?.newText, 'affected_services:\n  - $0');
  });

  it('completes the first key of an empty frontmatter, and a word typed alone there', async () => {
    client = await LspClient.start({ folder });
    const documentUri = await open('incidents/empty.md', '---\n\n---\n');
    await client.waitForDiagnostics(documentUri);
    const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: documentUri }, position: { line: 1, character: 0 } })) as CompletionItem[];
    assert.deepEqual(
      keys.slice(0, 3).map((item) => [item.label, item.textEdit]),
      ['schema', 'id', 'title'].map((key) => [key, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: `${key}: ` }]),
    );
    const wordUri = await open('incidents/word.md', '---\nsta\n---\n');
    await client.waitForDiagnostics(wordUri);
    const typed = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: wordUri }, position: { line: 1, character: 3 } })) as CompletionItem[];
    assert.deepEqual(typed.find((item) => item.label === 'status')?.textEdit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'status: ' });
  });

  it('refuses a services catalog saved as Latin-1 or missing with a warning, and offers no names of a Latin-1 report (it offered them with U+FFFD)', async () => {
    const catalog = join(folder, 'services.yaml');
    writeFileSync(catalog, Buffer.from('- Bürgeramt Nord\n- Friedhofsamt\n', 'latin1'));
    writeFileSync(join(folder, '.incident-report.json'), '{ "servicesCatalog": "services.yaml" }');
    writeFileSync(join(folder, 'incidents', 'latin1.md'), Buffer.from('---\nschema: incident-report/v1\naffected_services:\n  - name: Zulassungsstelle Lünen\n---\n', 'latin1'));
    client = await LspClient.start({ folder });
    const text = '---\nschema: incident-report/v1\nid: x\naffected_services:\n  - name: \n---\n';
    const documentUri = await open('incidents/new.md', text);
    await client.waitForDiagnostics(documentUri);
    const complete = async () =>
      ((await client!.connection.sendRequest('textDocument/completion', { textDocument: { uri: documentUri }, position: { line: 4, character: 10 } })) as CompletionItem[]).map((item) => item.label);
    const labels = await complete();
    assert.ok(labels.includes('Bürgerbüro'), `names of the UTF-8 reports are offered: ${labels.join(', ')}`);
    assert.deepEqual(labels.filter((label) => label.includes('\uFFFD') || label === 'Friedhofsamt' || label.startsWith('Zulassungsstelle')), []);
    assert.deepEqual(client.shownMessages.filter((m) => m.type === 2).map((m) => m.message).filter((line) => line.includes('services catalog')), [
      `Incident Report: the services catalog ${catalog} cannot be used (not UTF-8 text: the character at line 1, column 4 is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8); completion offers no names from it.`,
    ]);
    // Saved as UTF-8, the catalog counts again.
    writeFileSync(catalog, '- Bürgeramt Nord\n- Friedhofsamt\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(catalog), type: 2 }] });
    const again = await complete();
    assert.ok(again.includes('Bürgeramt Nord') && again.includes('Friedhofsamt'), again.join(', '));
    // A catalog that is not there (a mistyped path) is named too: it offered no names without a word.
    rmSync(catalog);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(catalog), type: 3 }] });
    assert.ok(!(await complete()).includes('Friedhofsamt'));
    assert.deepEqual(client.messageRequests, []);
    assert.deepEqual(client.shownMessages.filter((m) => m.type === 2).map((m) => m.message).filter((line) => line.includes('services catalog')).slice(1), [
      `Incident Report: the services catalog ${catalog} cannot be used (file not found); completion offers no names from it.`,
    ]);
  });

  it('says why the configuration\'s schema cannot be used in the client\'s language, else in the configuration\'s (it was English only)', async () => {
    const schema = join(folder, 'team.schema.json');
    writeFileSync(schema, '{\n  "type": "object",\n  oops\n}\n');
    const text = readFileSync(join(folder, 'broken', 'broken.incident.md'), 'utf8');
    const schemaWarnings = () => client!.shownMessages.filter((m) => m.type === 2 && /schema/i.test(m.message)).map((m) => m.message);
    const runs: Array<[string | null, string, string]> = [
      ['de', '{ "schema": "team.schema.json" }', `Vorfallsbericht: Das Schema ${schema} kann nicht verwendet werden (kein gültiges JSON (ungültiges Symbol in Zeile 3, Spalte 3)); stattdessen gilt das mitgelieferte Schema.`],
      ['en', '{ "schema": "team.schema.json", "locale": "de" }', `Incident Report: the schema ${schema} cannot be used (Expected double-quoted property name in JSON at position 24); the bundled schema is used instead.`],
      [null, '{ "schema": "team.schema.json", "locale": "de" }', `Vorfallsbericht: Das Schema ${schema} kann nicht verwendet werden (kein gültiges JSON (ungültiges Symbol in Zeile 3, Spalte 3)); stattdessen gilt das mitgelieferte Schema.`],
      [null, '{ "schema": "team.schema.json" }', `Incident Report: the schema ${schema} cannot be used (Expected double-quoted property name in JSON at position 24); the bundled schema is used instead.`],
    ];
    for (const [locale, config, warning] of runs) {
      client?.kill();
      writeFileSync(join(folder, '.incident-report.json'), config);
      client = await LspClient.start({ folder, locale });
      await client.waitForDiagnostics(await open('broken/broken.incident.md', text));
      assert.deepEqual(schemaWarnings(), [warning], `client locale ${locale}, ${config}`);
    }
    // Not a schema (a JSON array), and a file that is not there: the core's and the file system's words in German too.
    writeFileSync(schema, '[1]\n');
    client!.kill();
    client = await LspClient.start({ folder, locale: 'de' });
    await client.waitForDiagnostics(await open('broken/broken.incident.md', text));
    assert.deepEqual(schemaWarnings(), [`Vorfallsbericht: Das Schema ${schema} kann nicht verwendet werden (das Schema muss ein JSON-Objekt sein); stattdessen gilt das mitgelieferte Schema.`]);
    rmSync(schema);
    client.kill();
    client = await LspClient.start({ folder, locale: 'de' });
    await client.waitForDiagnostics(await open('broken/broken.incident.md', text));
    assert.deepEqual(schemaWarnings(), [`Vorfallsbericht: Das Schema ${schema} kann nicht verwendet werden (Datei nicht gefunden); stattdessen gilt das mitgelieferte Schema.`]);
  });

  it('explains a key and an enum value on hover', async () => {
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'broken', 'broken.incident.md'), 'utf8');
    const documentUri = await open('broken/broken.incident.md', text);
    await client.waitForDiagnostics(documentUri);
    const lines = text.split('\n');
    const lang = lines.findIndex((line) => line.startsWith('lang:'));
    const key = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: lang, character: 1 } })) as Hover;
    assert.deepEqual(key.range, { start: { line: lang, character: 0 }, end: { line: lang, character: 4 } });
    const value = (key.contents as { kind: string; value: string }).value;
    assert.equal((key.contents as { kind: string }).kind, 'markdown');
    assert.match(value, /^\*\*Language\*\* · `lang` · required\n\nLanguage of the public text/);
    const status = lines.findIndex((line) => line.startsWith('status: resolved'));
    const enumHover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: status, character: 10 } })) as Hover;
    assert.match((enumHover.contents as { value: string }).value, /`resolved`/);
    const body = lines.findIndex((line) => line.startsWith('## Pressemitteilung'));
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: { line: body, character: 3 } }), null);
  });

  it('links the parent path to the parent report (Ctrl+click), and nothing in an untitled report', async () => {
    client = await LspClient.start({ folder });
    const text = readFileSync(join(folder, 'kommunen', 'werne.md'), 'utf8').replace(/^parent: (.*)$/m, "parent: '$1'");
    const documentUri = await open('kommunen/werne.md', text);
    await client.waitForDiagnostics(documentUri);
    const line = text.split('\n').findIndex((entry) => entry.startsWith('parent:'));
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: documentUri } })) as DocumentLink[];
    assert.deepEqual(links, [
      {
        range: { start: { line, character: 9 }, end: { line, character: 38 } },
        target: uri(join(folder, 'provider', '2023-10-30-sit.md')),
        tooltip: 'Open the parent report',
      },
    ]);
    const untitled = 'untitled:Untitled-1';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text } });
    await client.waitForDiagnostics(untitled);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: untitled } }), []);
  });

  it('renders an output next to the report with workspace/executeCommand incident-report.render, as the CLI does', async () => {
    client = await LspClient.start({ folder });
    const report = join(folder, 'incidents', '2023-10-30-suedwestfalen-it.md');
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'incident-report.render',
      arguments: [{ uri: uri(report), output: 'press-release', format: 'text' }],
    })) as { files: string[]; exitCode: number; messages: string };
    const written = join(folder, 'incidents', '2023-10-30-suedwestfalen-it.press-release.txt');
    assert.deepEqual(result.files, [written]);
    assert.equal(result.exitCode, 0);
    const cli = spawnSync(process.execPath, [BIN, 'render', '--format', 'text', report], { cwd: folder, env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' }, encoding: 'utf8' });
    assert.equal(readFileSync(written, 'utf8'), cli.stdout);
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', { command: 'incident-report.render', arguments: [{ uri: uri(report), output: 'fax' }] }),
      /unknown output "fax"; known: press-release, status-page/,
    );
  });

  it('answers bad input with an error response or nothing, and keeps serving', async () => {
    client = await LspClient.start({ folder });
    const connection = client.connection;
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await connection.sendRequest('textDocument/completion', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), null);
    await assert.rejects(connection.sendRequest('workspace/executeCommand', { command: 'incident-report.render', arguments: [42] }), /needs the report's URI/);
    await assert.rejects(connection.sendRequest('workspace/executeCommand', { command: 'rm -rf', arguments: [] }));
    await assert.rejects(connection.sendRequest('no/such/method', {}), /Unhandled method/);
    // Garbage where a position belongs: the handler fails, the server logs it and answers.
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: 'top' }), null);
    const documentUri = await open('broken/broken.incident.md');
    assert.ok((await client.waitForDiagnostics(documentUri)).diagnostics.length > 0, 'still serving');
    assert.equal(await client.stop(), 0);
  });

  it('exits with 0 after shutdown and exit, with 1 on exit without shutdown, and when its parent process dies', async () => {
    client = await LspClient.start({ folder });
    assert.equal(await client.stop(), 0);
    client = await LspClient.start({ folder });
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 1);
    client.kill();
    // The editor that started it dies without a word: the server sees its processId gone and ends.
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    client = await LspClient.start({ folder, processId: parent.pid! });
    parent.kill('SIGKILL');
    // The deadline's timer is cleared: left pending, it kept mocha alive 20 s after the last test.
    let deadline: NodeJS.Timeout | undefined;
    const code = await Promise.race([client.exited, new Promise((resolve) => (deadline = setTimeout(() => resolve('still running'), 20_000)))]);
    clearTimeout(deadline);
    assert.equal(code, 1);
    assert.ok(!existsSync(join(folder, 'nothing')));
  });

  it('with --no-custom-schema ignores the project file\'s schema and ticketPattern', async () => {
    mkdirSync(join(folder, 'config'));
    writeFileSync(join(folder, 'config', 'strict.schema.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['x-approved'] }));
    writeFileSync(join(folder, '.incident-report.json'), JSON.stringify({ schema: 'config/strict.schema.json' }));
    const clean = 'incidents/2023-10-30-suedwestfalen-it.md';
    client = await LspClient.start({ folder });
    const custom = await client.waitForDiagnostics(await open(clean));
    assert.ok(custom.diagnostics.some((d) => d.code === 'schema' && String(d.message).includes('x-approved')), JSON.stringify(custom.diagnostics));
    client.kill();
    client = await LspClient.start({ folder, args: ['--no-custom-schema'] });
    const restricted = await client.waitForDiagnostics(await open(clean));
    assert.ok(!restricted.diagnostics.some((d) => String(d.message).includes('x-approved')), JSON.stringify(restricted.diagnostics));
  });
});
