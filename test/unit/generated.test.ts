import { strict as assert } from 'node:assert';
import { RULES } from '../../src/core';
import { generatedFiles, ruleModules, staleFiles } from '../../scripts/generated';

/**
 * Every file derived from the rule modules, the settings, the snippets and the schema is computed in
 * memory and compared with the file on disk: a stale one is named together with the command.
 */
describe('generated files (npm run generate)', function () {
  this.timeout(60_000);

  it('are up to date', async () => {
    const stale = await staleFiles();
    assert.deepEqual(stale, [], `stale generated files: ${stale.join(', ')} — run npm run generate`);
  });

  it('list every rule module in src/core/rules/index.ts, so a new rule needs no hand edit there', async () => {
    const modules = await ruleModules();
    assert.deepEqual(
      RULES.map((rule) => rule.id),
      modules.map((m) => m.rule.id),
    );
    const index = (await generatedFiles()).find((file) => file.path === 'src/core/rules/index.ts')!;
    for (const m of modules) assert.ok(index.content.includes(`import { ${m.exportName} } from './${m.file}';`), m.file);
  });

  it('give every rule documentation and a description in both languages', () => {
    for (const rule of RULES) {
      assert.ok(rule.docs.checks.length > 0 && rule.docs.checks.every((p) => p.trim() !== ''), `${rule.id}: docs.checks is empty`);
      assert.ok(rule.description.en && rule.description.de, `${rule.id}: description`);
    }
  });
});
