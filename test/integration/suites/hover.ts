/**
 * Hover in the frontmatter through `vscode.executeHoverProvider`, in English and in German
 * (`incidentReport.locale`): a key shows its title, description, allowed values and an example;
 * an enum value shows its plain-word meaning.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, resetSettings, setSetting } from './util';
import { plain, positionOf, removeFixtures, useFixture } from './editingFixtures';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map(plain)).join('\n---\n');
}

function assertIncludes(text: string, parts: string[]): void {
  for (const part of parts) assert.ok(text.includes(part), `hover lacks ${JSON.stringify(part)}:\n${text}`);
}

describe('hover (editing/hover.md)', () => {
  let document: vscode.TextDocument;
  before(async () => {
    await activateExtension();
    await resetSettings();
    document = await vscode.workspace.openTextDocument(await useFixture('hover'));
    await vscode.window.showTextDocument(document);
  });
  after(async () => {
    await setSetting('locale', undefined);
    await closeAllEditors();
    await removeFixtures();
  });

  it('describes a key in English', async () => {
    await setSetting('locale', 'en');
    const text = await hoverText(document.uri, positionOf(document, 'status: monitoring', 2));
    assertIncludes(text, [
      'Incident status',
      '`status`',
      'required',
      'Current phase of incident handling as shown to the public. Set resolved only once the incident is over and the services work again.',
      'Allowed values:',
      '`monitoring` — fix in place, being monitored',
      '`resolved` — resolved',
      'Example: `investigating`',
    ]);
  });

  it('describes a key in German', async () => {
    await setSetting('locale', 'de');
    const text = await hoverText(document.uri, positionOf(document, 'status: monitoring', 2));
    assertIncludes(text, [
      'Bearbeitungsstand',
      'Pflichtfeld',
      'Aktuelle Phase der Vorfallsbearbeitung, wie sie die Öffentlichkeit sieht. Erst auf resolved setzen, wenn der Vorfall abgeschlossen ist und die Dienste wieder funktionieren.',
      'Zulässige Werte:',
      '`monitoring` — Lösung umgesetzt, wird beobachtet',
      'Beispiel: `investigating`',
    ]);
  });

  it('describes a nested key of a list item', async () => {
    await setSetting('locale', 'en');
    const text = await hoverText(document.uri, positionOf(document, 'name: Kfz-Zulassung', 1));
    assertIncludes(text, ['Service name', '`affected_services[0].name`', 'Name of the service as users know it, for example online appointment booking or vehicle registration.']);
  });

  it('explains an enum value in plain words, in both languages', async () => {
    await setSetting('locale', 'en');
    const position = positionOf(document, 'major_outage', 3);
    assertIncludes(await hoverText(document.uri, position), ['`major_outage` — major outage', 'Value of Service status']);
    await setSetting('locale', 'de');
    assertIncludes(await hoverText(document.uri, position), ['`major_outage` — Ausfall', 'Wert von Dienststatus']);
  });

  it('shows nothing of ours outside the frontmatter', async () => {
    await setSetting('locale', 'en');
    const text = await hoverText(document.uri, positionOf(document, 'Die Kfz-Zulassung', 5));
    assert.ok(!text.includes('Allowed values') && !text.includes('Service name'), text);
  });
});
