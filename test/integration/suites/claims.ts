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

async function qualify(name: string, where: string, before: string, after: string, title: string): Promise<void> {
  const original = await fixtureText(name);
  const { document } = await openFixture(name, 2);
  const target = ours(document.uri).find((d) => d.message.startsWith(`${DENIES}${where} denies a data loss`));
  assert.ok(target, `a claim-data-loss diagnostic ${where}: ${ours(document.uri).map((d) => d.message).join(' | ')}`);
  assert.strictEqual(target.severity, vscode.DiagnosticSeverity.Warning);
  assert.strictEqual(document.getText(target.range), before);
  const fetch = async () =>
    ((await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value)) ?? [])
      .filter((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
  // The first request right after activation can be cancelled by a busy extension host: ask again.
  const actions = await waitFor('the quick fix', fetch, (found) => found.length > 0, 20_000);
  assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [[title, true]]);
  assert.ok(actions[0]!.edit && (await vscode.workspace.applyEdit(actions[0]!.edit)), 'the fix was applied');
  assert.strictEqual(document.getText(), original.replace(before, after));
  // Re-validated: this claim is qualified now, the other one is still reported.
  await waitFor(`the diagnostic ${where} to go away`, () => ours(document.uri).map((d) => d.message), (messages) =>
    messages.length === 1 && !messages.some((m) => m.startsWith(`${DENIES}${where}`)),
  );
}

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
