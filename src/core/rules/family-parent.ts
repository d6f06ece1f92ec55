import type { Rule } from './rule';

/**
 * **family-parent** — a member's `parent` names an incident report that exists. A path that cannot
 * be read, or a file that is no report, is an error at the `parent` value; a `parent` the host could
 * not resolve (no file path, e.g. an unsaved editor) is an info finding: not checked is not clean.
 */
export const familyParentRule: Rule = {
  id: 'family-parent',
  defaultSeverity: 'error',
  description: {
    en: 'The report named by `parent` exists and is an incident report.',
    de: 'Der unter `parent` genannte Bericht existiert und ist ein Vorfallsbericht.',
  },
  check(ctx) {
    const problem = ctx.family?.problem;
    if (!problem || problem.kind === 'cycle') return [];
    const at = { ...ctx.at('/parent'), path: '/parent', ruleId: this.id };
    const ref = ctx.family!.ref;
    if (problem.kind === 'unchecked') {
      return [
        {
          ...at,
          severity: 'info',
          message: ctx.t(
            {
              en: 'parent: {ref} was not checked: the linter was not told where this file lies (save it first).',
              de: 'parent: {ref} wurde nicht geprüft: Dem Linter ist nicht bekannt, wo diese Datei liegt (zuerst speichern).',
            },
            { ref },
          ),
        },
      ];
    }
    if (problem.kind === 'missing') {
      return [
        {
          ...at,
          message: ctx.t(
            {
              en: 'parent: {ref} cannot be read ({error}); give the path of the parent report relative to this file.',
              de: 'parent: {ref} kann nicht gelesen werden ({error}); den Pfad des übergeordneten Berichts relativ zu dieser Datei angeben.',
            },
            { ref, error: problem.error },
          ),
        },
      ];
    }
    return [
      {
        ...at,
        message: ctx.t(
          {
            en: 'parent: {ref} is not an incident report (no frontmatter with `schema: incident-report/v1`).',
            de: 'parent: {ref} ist kein Vorfallsbericht (kein Frontmatter mit `schema: incident-report/v1`).',
          },
          { ref },
        ),
      },
    ];
  },
};
