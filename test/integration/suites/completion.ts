/**
 * Completion in the frontmatter through `vscode.executeCompletionItemProvider`: keys valid at the
 * cursor minus those present (root, nested mapping, list item), enum values with their plain
 * words, "now" for a date-time field, service names from the catalog file and other reports, and
 * nothing outside the frontmatter or outside incident reports.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatInZone } from '../../../src/core';
import { activateExtension, closeAllEditors, openFile, resetSettings, setSetting } from './util';
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

  it('offers nothing in ordinary Markdown with frontmatter', async () => {
    const editor = await openFile('notes/meeting.md');
    const position = positionOf(editor.document, 'title: Team meeting', 0);
    assert.deepStrictEqual(await labels(editor.document.uri, position), []);
  });
});
