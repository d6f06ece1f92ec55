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

/**
 * A family fixture's other files, shown before the example as ```` ```markdown file=PATH ```` blocks
 * (the docs test puts them where they stand), and its options without the fixture-only file maps.
 */
function familyFiles(name: string, optionsText: string | null): { files: string; options: string | null } {
  if (!optionsText) return { files: '', options: null };
  const { family = {}, members = {}, ...rest } = JSON.parse(optionsText) as Record<string, unknown> & { family?: Record<string, string>; members?: Record<string, string> };
  const files = Object.entries({ ...family, ...members })
    .filter(([, file]) => file !== 'input.md')
    .map(([path, file]) => `\`${path}\`:\n\n\`\`\`markdown file=${path}\n${readFileSync(join(FIXTURES, name, file), 'utf8').trimEnd()}\n\`\`\`\n\n`)
    .join('');
  if (!files && !('family' in JSON.parse(optionsText)) && !('members' in JSON.parse(optionsText))) return { files, options: optionsText };
  return { files, options: Object.keys(rest).length ? JSON.stringify(rest) : null };
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
      // A finding's `  related …` lines follow it.
      let mine = false;
      const lines = f.expected
        .split('\n')
        .filter((line) => (line.startsWith('  related ') ? mine : (mine = line.split(' ')[2] === rule.id)))
        .join('\n');
      const { files, options: shownOptions } = familyFiles(f.name, f.options);
      const options = shownOptions ? `Linted with the options \`${shownOptions}\`:\n<!-- lint options: ${shownOptions} -->\n\n` : '';
      return `### ${f.name}\n\n${files}${options}\`\`\`markdown\n${f.input.trimEnd()}\n\`\`\`\n\nFindings of this rule (\`line:col-line:col severity rule path message\`):\n\n\`\`\`text\n${lines}\n\`\`\`\n`;
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
