import type { Rule } from './rule';
import { NOT_UTF8 } from '../shared/utf8';

/** The `family-parent` rule; its `docs` are rendered to docs/rules/family-parent.md by `npm run generate`. */
export const familyParentRule: Rule = {
  id: 'family-parent',
  defaultSeverity: 'error',
  description: {
    en: 'The report named by `parent` exists and is an incident report.',
    de: 'Der unter `parent` genannte Bericht existiert und ist ein Vorfallsbericht.',
  },
  docs: {
    checks: [
      'A member report names the report of its whole incident with `parent:`, a path relative to the member\'s own file (`parent: ../kommunal-it.md`). The report at that path must exist and be an incident report: a path that cannot be read, or a file without incident-report frontmatter, is an error at the `parent` value.',
      'A `parent` the host could not resolve — the linter was not told where the file lies, e.g. an unsaved editor or text on standard input — is an info finding at the `parent` value: what could not be checked is never reported as clean.',
      'The CLI reads each parent once per run (also parents outside the given files); VS Code reads it through the workspace file system and lints the member again when the parent changes.',
    ],
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
    if (problem.kind === 'missing' && problem.error.startsWith(NOT_UTF8)) {
      // The path is right, the encoding is not: the error says what to do, "give the path" would mislead.
      return [
        {
          ...at,
          message: ctx.t({ en: 'parent: {ref} cannot be read ({error}).', de: 'parent: {ref} kann nicht gelesen werden ({error}).' }, { ref, error: problem.reason ? ctx.t(problem.reason) : problem.error }),
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
            { ref, error: problem.reason ? ctx.t(problem.reason) : problem.error },
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
