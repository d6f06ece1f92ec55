import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, RULES } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE, findingLine } from './fixtureFormat';

/** The rule documentation's examples are executable: each one must produce the findings it shows. */
const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

describe('rule docs', () => {
  for (const rule of RULES) {
    const file = join(DOCS, `${rule.id}.md`);
    it(`${rule.id}: documented, and its examples produce the findings shown`, () => {
      assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
      const doc = readFileSync(file, 'utf8');
      assert.ok(doc.includes(rule.description.en), 'the doc states the rule description');
      const examples = [...doc.matchAll(/(?:<!-- lint options: (.*) -->\n\n)?```markdown\n([\s\S]*?)\n```\n[\s\S]*?```text\n([\s\S]*?)\n```/g)];
      assert.ok(examples.length > 0, 'no example');
      for (const [, options, input, expected] of examples) {
        const { now, ...rest } = (options ? JSON.parse(options) : {}) as { now?: string };
        const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => (now ? Date.parse(now) : FIXTURE_NOW), ...rest });
        const actual = linter
          .lint(input! + '\n')
          .findings.filter((f) => f.ruleId === rule.id)
          .map(findingLine);
        assert.deepEqual(actual, expected!.split('\n'));
      }
    });
  }
});
