import type { Rule } from './rule';

/** The `family-cycle` rule; its `docs` are rendered to docs/rules/family-cycle.md by `npm run generate`. */
export const familyCycleRule: Rule = {
  id: 'family-cycle',
  defaultSeverity: 'error',
  description: {
    en: 'Following `parent` from report to report ends: the family has no cycle.',
    de: 'Die Kette der `parent`-Verweise endet: Die Familie enthält keinen Zyklus.',
  },
  docs: {
    checks: [
      'Following `parent` from report to report ends at a report without `parent`. A chain that comes back to a report already on it — a report naming itself, or two reports naming each other — is an error at the `parent` value of every report that leads into it, naming the chain.',
      'A chain nested deeper than any real family is reported the same way, so a runaway chain never makes the linter loop.',
    ],
  },
  check(ctx) {
    const problem = ctx.family?.problem;
    if (problem?.kind !== 'cycle') return [];
    return [
      {
        ruleId: this.id,
        ...ctx.at('/parent'),
        path: '/parent',
        message: ctx.t(
          {
            en: 'parent: the chain of parents never ends ({chain}); one report in it must be the top of the family.',
            de: 'parent: Die Kette der übergeordneten Berichte endet nie ({chain}); ein Bericht darin muss die Spitze der Familie sein.',
          },
          { chain: problem.chain.join(' → ') },
        ),
      },
    ];
  },
};
