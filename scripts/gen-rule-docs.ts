// Writes docs/rules/<rule>.md from each rule's module doc comment, its description and the fixtures
// that show it. The examples double as tests: test/unit/docs.test.ts lints every example in the
// docs and compares with the findings printed below it. Run: npx tsx scripts/gen-rule-docs.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/core';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const fixtures = readdirSync(FIXTURES).sort().map((name) => ({
  name,
  input: readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'),
  expected: readFileSync(join(FIXTURES, name, 'expected.en.txt'), 'utf8'),
  options: existsSync(join(FIXTURES, name, 'options.json')) ? readFileSync(join(FIXTURES, name, 'options.json'), 'utf8').trim() : null,
}));

function moduleDoc(ruleId: string): string {
  const dir = join(ROOT, 'src', 'core', 'rules');
  const file = readdirSync(dir).map((f) => join(dir, f)).find((f) => readFileSync(f, 'utf8').includes(`**${ruleId}**`));
  if (!file) return '';
  const match = /\/\*\*([\s\S]*?)\*\/\s*export const/.exec(readFileSync(file, 'utf8'));
  return (match?.[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim();
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

mkdirSync(join(ROOT, 'docs', 'rules'), { recursive: true });
for (const rule of RULES) {
  const shown = fixtures
    .filter((f) => !f.input.includes('\r') && !f.input.startsWith('\uFEFF'))
    .filter((f) => f.expected.split('\n').some((line) => line.split(' ')[2] === rule.id))
    .slice(0, 2);
  const examples = shown
    .map((f) => {
      const lines = f.expected.split('\n').filter((line) => line.split(' ')[2] === rule.id).join('\n');
      const options = f.options ? `Linted with the options \`${f.options}\`:\n<!-- lint options: ${f.options} -->\n\n` : '';
      return `### ${f.name}\n\n${options}\`\`\`markdown\n${f.input.trimEnd()}\n\`\`\`\n\nFindings of this rule (\`line:col-line:col severity rule path message\`):\n\n\`\`\`text\n${lines}\n\`\`\`\n`;
    })
    .join('\n');
  const doc = `# ${rule.id}

${rule.description.en}

${rule.description.de}

Default severity: **${rule.defaultSeverity}**. Change it with the setting \`incidentReport.rules\`
(\`{"${rule.id}": "warning"}\`) or the CLI option \`--rule ${rule.id}=warning\`; \`off\` disables it.

## What it checks

${capitalize(moduleDoc(rule.id).replace(/^\*\*[\w-]+\*\* — /, ''))}

## Examples

These examples are tests: \`test/unit/docs.test.ts\` lints each one and expects exactly the findings
shown (messages in English; the engine also speaks German).

${examples || '_No example yet._\n'}`;
  writeFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), doc);
}
console.log(`wrote ${RULES.length} rule docs`);
