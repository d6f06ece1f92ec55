/**
 * Quick fixes as a user applies them: each one is requested through
 * `vscode.executeCodeActionProvider` at its diagnostic's range, applied with
 * `workspace.applyEdit`, and then the full text is compared exactly (the rest stays untouched) and
 * the diagnostic must be gone after re-validation. Also "fix all" as a source action and as the
 * command `incidentReport.fixAll`, and CRLF line endings.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { formatInZone } from '../../../src/core';
import { DATA_LOSS_TEMPLATES } from '../../../src/core/templates/dataLoss';
import { activateExtension, closeAllEditors, ours, resetSettings, waitFor } from './util';
import { fixtureText, openFixture, removeFixtures } from './editingFixtures';

type Action = vscode.CodeAction | vscode.Command;

function isCodeAction(action: Action): action is vscode.CodeAction {
  return typeof (action as vscode.CodeAction).title === 'string' && !('command' in action && typeof action.command === 'string');
}

/** Our diagnostic whose message starts with `start`. */
function diagnostic(uri: vscode.Uri, start: string): vscode.Diagnostic {
  const found = ours(uri).filter((d) => d.message.startsWith(start));
  assert.strictEqual(found.length, 1, `expected one diagnostic starting with "${start}", got: ${ours(uri).map((d) => d.message).join(' | ')}`);
  return found[0]!;
}

/** The quick fixes VS Code offers at the diagnostic's range (VS Code passes the diagnostics there to the provider). */
async function quickFixes(uri: vscode.Uri, target: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
  // The command does not hand back `diagnostics`; other extensions' fixes have their own kinds
  // (e.g. `quickfix.copilot`), so ours are the plain `quickfix` ones.
  return (actions ?? []).filter(isCodeAction).filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
}

/** Waits until no diagnostic of ours starts with `start` (re-validation after the edit). */
async function gone(uri: vscode.Uri, start: string): Promise<void> {
  await waitFor(`the diagnostic "${start}…" to go away`, () => ours(uri).map((d) => d.message), (messages) => !messages.some((m) => m.startsWith(start)));
}

function titles(actions: vscode.CodeAction[]): Array<[string, boolean]> {
  return actions.map((a) => [a.title, a.isPreferred === true]);
}

describe('code actions', () => {
  let original: string;
  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  afterEach(closeAllEditors);
  after(removeFixtures);

  describe('quick fixes (editing/code-actions.md)', () => {
    before(async () => {
      original = await fixtureText('code-actions');
    });

    it('inserts a missing required field after the field before it in schema order, one fix per allowed value', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, '`severity` is missing');
      // The file was just copied over the one VS Code may still hold: a reload from disk cancels a
      // request that is under way (VS Code then drops its actions), so ask again until ours arrive.
      const actions = await waitFor('the fixes of the missing severity', () => quickFixes(document.uri, target), (found) => found.length > 0);
      assert.deepStrictEqual(titles(actions), [
        ['Add `severity: critical`', false],
        ['Add `severity: major`', false],
        ['Add `severity: minor`', false],
        ['Add `severity: none`', false],
      ]);
      assert.strictEqual(actions[0]!.kind?.value, vscode.CodeActionKind.QuickFix.value);
      await apply(actions[1]!);
      assert.strictEqual(document.getText(), original.replace('status: identifed\n', 'status: identifed\nseverity: major\n'));
      await gone(document.uri, '`severity` is missing');
    });

    it('replaces an invalid enum value with each allowed value, the closest preferred', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, 'status: `identifed` is not allowed');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [
        ['Change to `identified`', true],
        ['Change to `investigating`', false],
        ['Change to `monitoring`', false],
        ['Change to `resolved`', false],
      ]);
      await apply(actions[2]!);
      assert.strictEqual(document.getText(), original.replace('status: identifed', 'status: monitoring'));
      await gone(document.uri, 'status: `identifed`');
    });

    it('writes a YAML boolean as the word it stood for', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, 'data_loss.occurred: write `no`');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [
        ['Change to `no`', true],
        ['Change to `yes`', false],
        ['Change to `unknown`', false],
      ]);
      await apply(actions[0]!);
      assert.strictEqual(document.getText(), original.replace('occurred: false', 'occurred: no'));
      await gone(document.uri, 'data_loss.occurred');
    });

    it('adds the time zone offset to a timestamp without one', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, 'timestamps.detected_at: `2024-04-02T09:00:00` has no time zone offset');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [['Add the UTC offset: `2024-04-02T09:00:00+02:00`', true]]);
      await apply(actions[0]!);
      assert.strictEqual(document.getText(), original.replace('detected_at: 2024-04-02T09:00:00\n', 'detected_at: 2024-04-02T09:00:00+02:00\n'));
      await gone(document.uri, 'timestamps.detected_at');
    });

    it('sets the data_loss fields and statement in each variant, in the report language', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, '`data_loss.statement` is missing');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [
        ['Set `data_loss` to: no data loss', false],
        ['Set `data_loss` to: data loss suspected', false],
        ['Set `data_loss` to: data loss confirmed', false],
        ['Set `data_loss` to: under investigation', false],
      ]);
      await apply(actions[0]!);
      assert.strictEqual(
        document.getText(),
        original
          .replace('occurred: false', 'occurred: no')
          .replace('  personal_data: no\n', `  personal_data: no\n  statement: ${DATA_LOSS_TEMPLATES[0]!.statement.de}\n`),
      );
      await gone(document.uri, '`data_loss.statement` is missing');
      await gone(document.uri, 'data_loss.occurred');
    });

    it('sorts updates chronologically, moving each item with its comments', async () => {
      const { document } = await openFixture('code-actions', 6);
      const target = diagnostic(document.uri, 'updates[1].at');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [['Sort `updates` chronologically', true]]);
      await apply(actions[0]!);
      const second = '  - at: 2024-04-02T12:00:00+02:00 # second notice\n    text: Zweite Meldung.\n';
      const first = '  # the first notice\n  - at: 2024-04-02T10:00:00+02:00\n    text: Erste Meldung.\n';
      assert.ok(original.includes(second + first));
      assert.strictEqual(document.getText(), original.replace(second + first, first + second));
      await gone(document.uri, 'updates[1].at');
    });

    it('fixes all safe problems with the source action source.fixAll.incidentReport', async () => {
      const { document } = await openFixture('code-actions', 6);
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = ((await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.incidentReport')) ?? []).filter(isCodeAction);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.kind?.value]), [['Fix all safe problems (Incident Report)', 'source.fixAll.incidentReport']]);
      await apply(actions[0]!);
      assert.strictEqual(
        document.getText(),
        original
          .replace('status: identifed', 'status: identified')
          .replace('detected_at: 2024-04-02T09:00:00\n', 'detected_at: 2024-04-02T09:00:00+02:00\n')
          .replace('occurred: false', 'occurred: no')
          .replace(
            '  - at: 2024-04-02T12:00:00+02:00 # second notice\n    text: Zweite Meldung.\n  # the first notice\n  - at: 2024-04-02T10:00:00+02:00\n    text: Erste Meldung.\n',
            '  # the first notice\n  - at: 2024-04-02T10:00:00+02:00\n    text: Erste Meldung.\n  - at: 2024-04-02T12:00:00+02:00 # second notice\n    text: Zweite Meldung.\n',
          ),
      );
      // Left: what needs the author (a placeholder would be a guess).
      await waitFor(
        'only the missing severity and statement to remain',
        () => ours(document.uri).map((d) => d.message.slice(0, 30)),
        (messages) => messages.length === 2,
      );
      assert.deepStrictEqual(
        ours(document.uri).map((d) => d.message.split(':')[0]),
        ['`severity` is missing', '`data_loss.statement` is missing'],
      );
    });
  });

  describe('time zone (editing/timezone.md)', () => {
    it('writes the closest known zone for an unknown `timezone`, which "fix all" leaves to the author', async () => {
      const original = await fixtureText('timezone');
      const { document } = await openFixture('timezone', 1);
      const target = diagnostic(document.uri, 'timezone: `Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?');
      assert.deepStrictEqual([target.range.start.line, target.range.start.character, target.range.end.character], [9, 10, 21]);
      // The closest name is a guess: "fix all" does not apply it.
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('incidentReport.fixAll'), false, 'fix all changed the zone');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [['Change to `Europe/Berlin`', true]]);
      await apply(actions[0]!);
      assert.strictEqual(document.getText(), original.replace('timezone: Europe/Berl #', 'timezone: Europe/Berlin #'));
      await gone(document.uri, 'timezone:');
    });
  });

  describe('YAML that misreads text (editing/yaml-quote.md)', () => {
    it('puts a title that starts with `[` in quotes, which "fix all" leaves to the author', async () => {
      const original = await fixtureText('yaml-quote');
      const { document } = await openFixture('yaml-quote', 1);
      const target = diagnostic(document.uri, 'A value that starts with `[` is read as a list');
      assert.deepStrictEqual([target.range.start.line, target.range.start.character, target.range.end.line, target.range.end.character], [3, 7, 3, 64]);
      // A code action request gets its diagnostics from VS Code's marker service, which receives them
      // from the extension host a moment after `languages.getDiagnostics` has them: the very first
      // request right after opening can come too early (seen in the Node host).
      const actions = await waitFor('the quick fix of the title', () => quickFixes(document.uri, target), (found) => found.length > 0);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('incidentReport.fixAll'), false, 'fix all quoted the title');
      assert.deepStrictEqual(titles(actions), [['Put the value in quotes: `"[Update] Eingeschränkte Dienste der Stadtverwaltung Werne"`', true]]);
      await apply(actions[0]!);
      assert.strictEqual(
        document.getText(),
        original.replace('title: [Update] Eingeschränkte Dienste der Stadtverwaltung Werne', 'title: "[Update] Eingeschränkte Dienste der Stadtverwaltung Werne"'),
      );
      await gone(document.uri, 'A value that starts with');
    });
  });

  describe('CRLF (editing/code-actions-crlf.md)', () => {
    before(async () => {
      original = await fixtureText('code-actions-crlf');
    });

    it('inserts with the document’s CRLF line endings', async () => {
      const { document } = await openFixture('code-actions-crlf', 2);
      assert.strictEqual(document.eol, vscode.EndOfLine.CRLF);
      const target = diagnostic(document.uri, '`organization` is missing');
      const actions = await quickFixes(document.uri, target);
      assert.deepStrictEqual(titles(actions), [['Add `organization`', true]]);
      await apply(actions[0]!);
      assert.strictEqual(document.getText(), original.replace('severity: minor\r\n', 'severity: minor\r\norganization: <Publishing organisation>\r\n'));
      await gone(document.uri, '`organization` is missing');
    });

    it('incidentReport.fixAll applies the safe fixes to the active editor', async () => {
      const { document } = await openFixture('code-actions-crlf', 2);
      const changed = await vscode.commands.executeCommand<boolean>('incidentReport.fixAll');
      assert.strictEqual(changed, true);
      assert.strictEqual(
        document.getText(),
        original.replace(
          '  - at: 2024-04-03T10:00:00+02:00\r\n    text: Second notice.\r\n  - at: 2024-04-03T09:00:00+02:00\r\n    text: First notice.\r\n',
          '  - at: 2024-04-03T09:00:00+02:00\r\n    text: First notice.\r\n  - at: 2024-04-03T10:00:00+02:00\r\n    text: Second notice.\r\n',
        ),
      );
      await gone(document.uri, 'updates[1].at');
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('incidentReport.fixAll'), false, 'a second run has nothing to do');
    });
  });

  describe('missing blocks (editing/code-actions-blocks.md)', () => {
    before(async () => {
      original = await fixtureText('code-actions-blocks');
    });

    it('inserts a whole data_loss block in each variant, with an English statement', async () => {
      const { document } = await openFixture('code-actions-blocks', 2);
      const target = diagnostic(document.uri, '`data_loss` is missing');
      // Both missing blocks are reported at the opening fence: keep the fixes of this one.
      const actions = (await quickFixes(document.uri, target)).filter((a) => a.title.startsWith('Add `data_loss`'));
      assert.deepStrictEqual(titles(actions), [
        ['Add `data_loss`: no data loss', false],
        ['Add `data_loss`: data loss suspected', false],
        ['Add `data_loss`: data loss confirmed', false],
        ['Add `data_loss`: under investigation', false],
      ]);
      await apply(actions[3]!);
      const investigating = DATA_LOSS_TEMPLATES[3]!;
      assert.strictEqual(
        document.getText(),
        original.replace(
          'expected_restoration: unknown\n',
          'expected_restoration: unknown\ndata_loss:\n  occurred: unknown\n  exfiltration: under_investigation\n  personal_data: unknown\n' +
            `  statement: ${investigating.statement.en}\n`,
        ),
      );
      await gone(document.uri, '`data_loss` is missing');
    });

    it('inserts a whole timestamps block with its required fields, set to now', async () => {
      const { document } = await openFixture('code-actions-blocks', 2);
      const target = diagnostic(document.uri, '`timestamps` is missing');
      // The fix's "now" is computed when the actions are requested: take the window from here.
      const before = Date.now();
      const actions = (await quickFixes(document.uri, target)).filter((a) => a.title.startsWith('Add `timestamps`'));
      assert.deepStrictEqual(titles(actions), [['Add `timestamps` with its required fields', true]]);
      await apply(actions[0]!);
      const text = document.getText();
      const match = /\ntimestamps:\n {2}started_at: (\S+)\n {2}detected_at: \1\n {2}published_at: \1\n/.exec(text);
      assert.ok(match, `no timestamps block in:\n${text}`);
      assert.strictEqual(text.replace(match[0].slice(1), ''), original, 'the rest of the text changed');
      assert.ok(text.indexOf('timestamps:') < text.indexOf('expected_restoration:'), 'not in schema order');
      // "Now" to the minute in the report's zone (either side of a minute boundary).
      const candidates = [before, Date.now()].map((ms) => formatInZone(ms - (ms % 60_000), 'Europe/Berlin'));
      assert.ok(candidates.includes(match[1]!), `${match[1]} is not now (${candidates.join(' / ')})`);
      await gone(document.uri, '`timestamps` is missing');
    });
  });
});
