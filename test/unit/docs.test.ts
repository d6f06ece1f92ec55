import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, familyEntry, IO_REASONS, memberOf, normalizePath, parentPathOf, parseReport, RULES, type FamilyEntry, type LintContext } from '../../src/core';
import { FIXTURE_NOW, FIXTURE_ZONE, findingLine } from './fixtureFormat';

/** The rule documentation's examples are executable: each one must produce the findings it shows. */
const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

/**
 * A family example's context: the ```` ```markdown file=PATH ```` blocks of its section stand at
 * PATH; those naming the example's `path` as parent are its members, the others can be looked up.
 */
function familyContext(section: string, options: { path?: string }): LintContext {
  if (!options.path) return {};
  const here = normalizePath(options.path);
  const files = new Map<string, FamilyEntry>();
  const members = [];
  for (const [, path, text] of section.matchAll(/```markdown file=(\S+)\n([\s\S]*?)\n```/g)) {
    const content = text! + '\n';
    if (parentPathOf(path!, content) === here) members.push(memberOf(path!, parseReport(content))!);
    else files.set(normalizePath(path!), familyEntry(path!, content));
  }
  return { path: options.path, family: { lookup: (path) => files.get(path) ?? familyEntry(path, null, IO_REASONS.ENOENT!), members } };
}

describe('rule docs', () => {
  for (const rule of RULES) {
    const file = join(DOCS, `${rule.id}.md`);
    it(`${rule.id}: documented, and its examples produce the findings shown`, () => {
      assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
      const doc = readFileSync(file, 'utf8');
      assert.ok(doc.includes(rule.description.en), 'the doc states the rule description');
      // Each example is a section of its own; family examples show their other files first.
      const examples = doc.split(/\n(?=### )/).flatMap((section) =>
        [...section.matchAll(/(?:<!-- lint options: (.*) -->\n\n)?```markdown\n([\s\S]*?)\n```\n[\s\S]*?```text\n([\s\S]*?)\n```/g)].map(
          (match) => [match, familyContext(section, match[1] ? JSON.parse(match[1]) : {})] as const,
        ),
      );
      assert.ok(examples.length > 0, 'no example');
      for (const [[, options, input, expected], context] of examples) {
        const { path: _path, now, ...lintOptions } = (options ? JSON.parse(options) : {}) as Record<string, unknown> & { now?: string };
        const linter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => (now ? Date.parse(now) : FIXTURE_NOW), ...lintOptions });
        const actual = linter
          .lint(input! + '\n', context)
          .findings.filter((f) => f.ruleId === rule.id)
          .flatMap((finding) => findingLine(finding).split('\n'));
        assert.deepEqual(actual, expected!.split('\n'));
      }
    });
  }
});
