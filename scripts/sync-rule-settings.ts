// Keeps the `incidentReport.rules` setting in package.json in step with the engine's rules: one
// property per rule id (so Settings and settings.json offer and validate them) with the rule's own
// description in package.nls.json / package.nls.de.json. Run after adding a rule:
//
//   npm run sync:rules        (test/unit/l10n.test.ts fails while a rule is missing)
//
// Only `contributes.configuration.properties["incidentReport.rules"].properties` and the
// `config.rules.<id>` NLS keys are rewritten; everything else in these files is left as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/core';

const ROOT = join(__dirname, '..');

function update(file: string, change: (json: Record<string, any>) => void): void {
  const path = join(ROOT, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
}

update('package.json', (pkg) => {
  const setting = pkg.contributes.configuration.properties['incidentReport.rules'];
  const level = setting.additionalProperties;
  setting.properties = Object.fromEntries(RULES.map((rule) => [rule.id, { ...level, markdownDescription: `%config.rules.${rule.id}%` }]));
});

for (const [file, locale] of [['package.nls.json', 'en'], ['package.nls.de.json', 'de']] as const) {
  update(file, (nls) => {
    for (const key of Object.keys(nls)) {
      if (/^config\.rules\.[a-z0-9-]+$/.test(key) && !['error', 'warning', 'info', 'off'].includes(key.slice('config.rules.'.length))) delete nls[key];
    }
    for (const rule of RULES) nls[`config.rules.${rule.id}`] = rule.description[locale];
  });
}
console.log(`incidentReport.rules: ${RULES.length} rules (${RULES.map((rule) => rule.id).join(', ')})`);
