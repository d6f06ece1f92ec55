/**
 * The claim-data-loss quick fix as a user applies it: requested through
 * `vscode.executeCodeActionProvider` at the diagnostic's range, applied with
 * `workspace.applyEdit`; the full text must then equal the original with only the qualifier
 * inserted, and the diagnostic must be gone after re-validation while the other one stays.
 * Only the VS Code API is used: this runs in the Node and in the web-worker extension host.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, ours, resetSettings, waitFor } from './util';
import { fixtureText, openFixture, removeFixtures } from './editingFixtures';

type Action = vscode.CodeAction | vscode.Command;

const DENIES = 'A sentence in ';

/** The quick fixes VS Code offers at `range` (asked again while a busy extension host cancels the first request). */
async function quickFixes(document: vscode.TextDocument, range: vscode.Range, wanted: (found: vscode.CodeAction[]) => boolean): Promise<vscode.CodeAction[]> {
  const fetch = async () =>
    ((await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [])
      .filter((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
  return waitFor('the quick fix', fetch, wanted, 20_000);
}

async function qualify(name: string, where: string, before: string, after: string, title: string): Promise<void> {
  const original = await fixtureText(name);
  const { document } = await openFixture(name, 2);
  const target = ours(document.uri).find((d) => d.message.startsWith(`${DENIES}${where} denies a data loss`));
  assert.ok(target, `a claim-data-loss diagnostic ${where}: ${ours(document.uri).map((d) => d.message).join(' | ')}`);
  assert.strictEqual(target.severity, vscode.DiagnosticSeverity.Warning);
  assert.strictEqual(document.getText(target.range), before);
  const actions = await quickFixes(document, target.range, (found) => found.length > 0);
  assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [[title, true]]);
  assert.ok(actions[0]!.edit && (await vscode.workspace.applyEdit(actions[0]!.edit)), 'the fix was applied');
  assert.strictEqual(document.getText(), original.replace(before, after));
  // Re-validated: this claim is qualified now, the other one is still reported.
  await waitFor(`the diagnostic ${where} to go away`, () => ours(document.uri).map((d) => d.message), (messages) =>
    messages.length === 1 && !messages.some((m) => m.startsWith(`${DENIES}${where}`)),
  );
}

describe('numbers: a count written 41.000 and a "rund 50.000" sentence (issue 22, as a new user meets them)', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);
  after(removeFixtures);

  it('shows both at their lines, and the preferred quick fixes repair them one after the other', async () => {
    const original = await fixtureText('numbers');
    const { document } = await openFixture('numbers', 2);
    const described = () => ours(document.uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${(d.code as { value: string }).value} ${document.getText(d.range)}`).sort();
    assert.deepStrictEqual(described(), ['27:20 count-format 41.000', '48:1 claim-count Betroffen sind rund 50.000 Einwohnerinnen und Einwohner.']);
    for (const d of ours(document.uri)) assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);

    const preferredFix = async (rule: string): Promise<vscode.CodeAction> => {
      const target = ours(document.uri).find((d) => (d.code as { value: string }).value === rule);
      assert.ok(target, `a ${rule} diagnostic`);
      const preferred = (found: vscode.CodeAction[]) => found.filter((a) => a.isPreferred === true);
      const [action] = preferred(await quickFixes(document, target.range, (found) => preferred(found).length === 1));
      return action!;
    };

    const write = await preferredFix('count-format');
    assert.strictEqual(write.title, 'Write `41000`');
    assert.ok(write.edit && (await vscode.workspace.applyEdit(write.edit)));
    assert.strictEqual(document.getText(), original.replace('subjects_approx: 41.000', 'subjects_approx: 41000'));
    await waitFor('the count-format diagnostic to go away', described, (lines) => lines.length === 1 && lines[0]!.startsWith('48:1 claim-count'));

    const restate = await preferredFix('claim-count');
    assert.strictEqual(restate.title, 'Give the number of the facts: “rund 41.000”');
    assert.ok(restate.edit && (await vscode.workspace.applyEdit(restate.edit)));
    assert.strictEqual(
      document.getText(),
      original.replace('subjects_approx: 41.000', 'subjects_approx: 41000').replace('Betroffen sind rund 50.000 Einwohnerinnen', 'Betroffen sind rund 41.000 Einwohnerinnen'),
    );
    await waitFor('no diagnostics left', described, (lines) => lines.length === 0);
  });
});

describe('claims: qualifier quick fix', () => {
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);
  after(removeFixtures);

  it('inserts "So far," before an English denial in the press release section', () =>
    qualify('claims-en', 'the public text', 'No personal data was lost.', 'So far, no personal data was lost.', 'Qualify the claim: “So far, …”'));

  it('inserts "nach bisherigen Erkenntnissen" after the finite verb in a German data-loss statement', () =>
    qualify(
      'claims',
      'data_loss.statement',
      'Einen Datenabfluss gibt es nicht.',
      'Einen Datenabfluss gibt es nach bisherigen Erkenntnissen nicht.',
      'Qualify the claim: “Nach bisherigen Erkenntnissen …”',
    ));
});
