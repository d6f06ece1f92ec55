/**
 * Completion in the frontmatter through `vscode.executeCompletionItemProvider`: keys valid at the
 * cursor minus those present (root, nested mapping, list item), enum values with their plain
 * words, "now" for a date-time field, service names from the catalog file and other reports, and
 * nothing outside the frontmatter or outside incident reports.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatInZone } from '../../../src/core';
import { activateExtension, closeAllEditors, fileUri, openFile, resetSettings, setSetting } from './util';
import { labelOf, plain, positionOf, removeFixtures, useFixture } from './editingFixtures';

/** Kinds our provider uses: word-based suggestions (Text) and snippets are someone else's. */
const OUR_KINDS = new Set([
  vscode.CompletionItemKind.Property,
  vscode.CompletionItemKind.EnumMember,
  vscode.CompletionItemKind.Value,
  vscode.CompletionItemKind.Constant,
]);

async function items(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return (list?.items ?? []).filter((item) => item.kind !== undefined && OUR_KINDS.has(item.kind));
}

async function labels(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<string[]> {
  return (await items(uri, position, trigger)).map(labelOf);
}

function assertHas(actual: string[], present: string[], absent: string[]): void {
  for (const label of present) assert.ok(actual.includes(label), `"${label}" missing from [${actual.join(', ')}]`);
  for (const label of absent) assert.ok(!actual.includes(label), `"${label}" should not be offered: [${actual.join(', ')}]`);
}

function documentation(item: vscode.CompletionItem): string {
  return item.documentation === undefined ? '' : plain(item.documentation);
}

describe('completion (editing/completion.md)', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await activateExtension();
    await resetSettings();
    await setSetting('servicesCatalog', 'editing/services-catalog.yaml');
    document = await vscode.workspace.openTextDocument(await useFixture('completion'));
    await vscode.window.showTextDocument(document);
  });
  after(async () => {
    await setSetting('servicesCatalog', undefined);
    await closeAllEditors();
    await removeFixtures();
  });

  it('offers the missing root keys on an empty line, with their descriptions', async () => {
    const position = positionOf(document, '\n\naffected_services:', 1);
    const found = await items(document.uri, position);
    assertHas(
      found.map(labelOf),
      ['severity', 'organization', 'data_loss', 'contacts', 'incident_type', 'updates', 'expected_restoration'],
      ['schema', 'id', 'title', 'lang', 'status', 'timezone', 'affected_services', 'timestamps', 'started_at', 'workaround'],
    );
    const severity = found.find((item) => labelOf(item) === 'severity')!;
    assert.strictEqual(severity.insertText, 'severity: ');
    assert.strictEqual(severity.detail, 'Severity (required)');
    assert.ok(documentation(severity).includes('Overall impact of the incident on citizens, customers and operations.'), documentation(severity));
    assert.ok(documentation(severity).includes('`critical`'), 'allowed values are listed');
    // A mapping or a list opens its block: one nesting step deeper, a dash for list items.
    const insertText = (label: string) => {
      const text = found.find((item) => labelOf(item) === label)!.insertText;
      return typeof text === 'string' ? text : text?.value;
    };
    assert.strictEqual(insertText('data_loss'), 'data_loss:\n  $0');
    assert.strictEqual(insertText('contacts'), 'contacts:\n  - $0');
  });

  it('offers the keys of a nested mapping', async () => {
    const position = positionOf(document, '  \n---', 2);
    assertHas(await labels(document.uri, position), ['published_at', 'contained_at', 'resolved_at'], ['started_at', 'detected_at', 'severity', 'name']);
  });

  it('offers the keys of a list item', async () => {
    const position = positionOf(document, '    \n  - name:', 4);
    assertHas(await labels(document.uri, position), ['workaround', 'restored_at'], ['name', 'status', 'severity', 'published_at']);
  });

  it('offers enum values with their plain words', async () => {
    const position = positionOf(document, 'status: investigating', 'status: '.length);
    const found = await items(document.uri, position);
    assert.deepStrictEqual(
      found.map((item) => [labelOf(item), item.detail]),
      [
        ['investigating', 'under investigation'],
        ['identified', 'cause identified'],
        ['monitoring', 'fix in place, being monitored'],
        ['resolved', 'resolved'],
      ],
    );
  });

  it('offers the current time in the report’s zone for a date-time field', async () => {
    const position = positionOf(document, '  detected_at: ', '  detected_at: '.length);
    const start = Date.now();
    const found = await items(document.uri, position);
    const candidates = [start, Date.now()].map((ms) => formatInZone(ms - (ms % 60_000), 'Europe/Berlin'));
    const now = found.find((item) => candidates.includes(labelOf(item)));
    assert.ok(now, `no "now" among [${found.map(labelOf).join(', ')}], expected ${candidates.join(' or ')}`);
    assert.strictEqual(now.detail, 'now (Europe/Berlin)');
  });

  it('offers service names from the catalog and from other reports, not those already listed', async () => {
    const position = positionOf(document, '  - name: \n', '  - name: '.length);
    const found = await items(document.uri, position);
    // Catalog (editing/services-catalog.yaml) first, then names used in incidents/broken.md.
    assertHas(found.map(labelOf), ['Online-Terminvergabe', 'Standesamt', 'Bürgerbüro'], ['Website', 'severity']);
    assert.strictEqual(found.find((item) => labelOf(item) === 'Standesamt')!.detail, 'from the services catalog');
    assert.strictEqual(found.find((item) => labelOf(item) === 'Bürgerbüro')!.detail, 'used in other reports');
  });

  it('offers only time zones the runtime knows for `timezone`, those where the report’s language is spoken first', async () => {
    /** Replaces the first `search` with `replacement` in the fixture (undone in `finally` below). */
    const replace = async (search: string, replacement: string) => {
      const start = positionOf(document, search);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(start, start.translate(0, search.length)), replacement);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    /** Every item VS Code would show (all providers, word-based ones included), in the order of their sortText. */
    const everything = async (position: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    };
    const known = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
    const original = document.getText();
    try {
      // A zone typed half: only real zones, the one meant among them, not the half word itself.
      await replace('timezone: Europe/Berlin', 'timezone: Europe/Berl');
      const typed = await everything(positionOf(document, 'timezone: Europe/Berl', 'timezone: Europe/Berl'.length));
      const labelsTyped = typed.map(labelOf);
      assert.deepStrictEqual(labelsTyped.filter((label) => !known.has(label)), [], 'only zones the runtime knows');
      assert.ok(labelsTyped.includes('Europe/Berlin'), `Europe/Berlin missing from [${labelsTyped.slice(0, 20).join(', ')}, …]`);
      const berlin = typed.find((item) => labelOf(item) === 'Europe/Berlin')!;
      assert.match(berlin.detail ?? '', /^now UTC\+0[12]:00$/);
      // An empty value: every known zone once; for this English report the British Isles first, then UTC follows the region's zones.
      await replace('timezone: Europe/Berl', 'timezone: ');
      const position = positionOf(document, 'timezone: ', 'timezone: '.length);
      const english = (await everything(position)).map(labelOf);
      assert.deepStrictEqual(english.slice(0, 3), ['Europe/London', 'Europe/Dublin', 'America/New_York']);
      assert.deepStrictEqual([...english].sort(), [...known].sort(), 'each known zone once, nothing else');
      // A German report: Germany, Austria, Switzerland first.
      await replace('lang: en', 'lang: de');
      const german = await everything(positionOf(document, 'timezone: ', 'timezone: '.length));
      assert.deepStrictEqual(german.slice(0, 4).map(labelOf), ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Vaduz']);
      assert.match(german[0]!.detail ?? '', /^now UTC\+0[12]:00 · where the report's language is spoken$/);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(undo);
    }
  });

  it('inserts a space after a bare colon', async () => {
    const at = positionOf(document, '\n\naffected_services:', 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, at, 'severity:');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const position = positionOf(document, 'severity:', 'severity:'.length);
      const found = await items(document.uri, position, ':');
      const major = found.find((item) => labelOf(item) === 'major');
      assert.ok(major, `no "major" among [${found.map(labelOf).join(', ')}]`);
      assert.strictEqual(major.insertText, ' major');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(at, at.translate(0, 'severity:'.length)));
      await vscode.workspace.applyEdit(undo);
    }
  });

  it('offers nothing outside the frontmatter', async () => {
    const position = positionOf(document, 'Text.', 0);
    assert.deepStrictEqual(await labels(document.uri, position), []);
  });

  it('offers the root keys in a new report’s empty frontmatter, and over a word typed there alone', async () => {
    for (const [name, text, position, range] of [
      ['empty-frontmatter', '---\n\n---\n', new vscode.Position(1, 0), new vscode.Range(1, 0, 1, 0)],
      ['one-word-frontmatter', '---\nsta\n---\n', new vscode.Position(1, 3), new vscode.Range(1, 0, 1, 3)],
    ] as const) {
      const uri = fileUri(`incidents/${name}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      try {
        const opened = await vscode.workspace.openTextDocument(uri);
        const found = await items(opened.uri, position);
        assertHas(found.map(labelOf), ['schema', 'id', 'title', 'status'], []);
        const status = found.find((item) => labelOf(item) === 'status')!;
        assert.deepStrictEqual([status.insertText, status.range], ['status: ', range], text);
      } finally {
        await closeAllEditors();
        await vscode.workspace.fs.delete(uri);
      }
    }
  });

  it('offers nothing in ordinary Markdown with frontmatter', async () => {
    const editor = await openFile('notes/meeting.md');
    const position = positionOf(editor.document, 'title: Team meeting', 0);
    assert.deepStrictEqual(await labels(editor.document.uri, position), []);
  });
});
