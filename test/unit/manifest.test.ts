import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTERNAL_DOMAINS, DEFAULT_REPORT_GLOBS, RULE_IDS } from '../../src/core';
import { Commands, Settings } from '../../src/extension/constants';

/** package.json's contributions agree with the code that reads them. */
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, any> = manifest.contributes.configuration.properties;

describe('package.json', () => {
  it('declares every command with the category', () => {
    const declared = new Map<string, any>(manifest.contributes.commands.map((c: any) => [c.command, c]));
    for (const id of Object.values(Commands)) {
      assert.ok(declared.has(id), `${id} is not in contributes.commands`);
      assert.equal(declared.get(id).category, '%category%', id);
    }
  });

  it('declares every setting the extension reads', () => {
    for (const [name, key] of Object.entries(Settings)) {
      if (name === 'section') continue;
      assert.ok(properties[`${Settings.section}.${key}`], `${Settings.section}.${key} is not in contributes.configuration`);
    }
  });

  it('has a rules entry per engine rule (npm run generate)', () => {
    assert.deepEqual(Object.keys(properties['incidentReport.rules'].properties), [...RULE_IDS]);
  });

  it('uses the engine defaults', () => {
    assert.deepEqual(properties['incidentReport.files'].default, [...DEFAULT_REPORT_GLOBS]);
    assert.deepEqual(properties['incidentReport.internalDomains'].default, [...DEFAULT_INTERNAL_DOMAINS]);
  });

  it('hides report-only commands outside reports', () => {
    const when = new Map<string, string>(manifest.contributes.menus.commandPalette.map((m: any) => [m.command, m.when]));
    for (const id of [Commands.addUpdate, Commands.showPreview, Commands.showPreviewToSide, Commands.exportPressRelease, Commands.fixAll]) {
      assert.match(when.get(id) ?? '', /\bincidentReport\.isReport\b/, id);
    }
  });

  it('restricts the workspace schema in untrusted workspaces', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.restrictedConfigurations.includes('incidentReport.schema'));
  });
});
