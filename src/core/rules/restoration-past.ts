import type { Rule } from './rule';
import { isRecord } from '../report/fields';
import { instantOf, latestInstantOf } from '../shared/time';

/** The `restoration-past` rule; its `docs` are rendered to docs/rules/restoration-past.md by `npm run generate`. */
export const restorationPastRule: Rule = {
  id: 'restoration-past',
  defaultSeverity: 'warning',
  description: {
    en: 'An open incident’s expected restoration is not before the report’s publication.',
    de: 'Die erwartete Wiederherstellung eines offenen Vorfalls liegt nicht vor der Veröffentlichung des Berichts.',
  },
  docs: {
    checks: [
      'An unresolved report must not promise a restoration that has already passed: `expected_restoration` before `timestamps.published_at` is a warning (update the forecast or say `unknown`).',
    ],
  },
  check(ctx) {
    const data = ctx.data;
    if (!data || data.status === 'resolved') return [];
    const expected = latestInstantOf(data.expected_restoration);
    const published = instantOf(isRecord(data.timestamps) ? data.timestamps.published_at : undefined);
    if (expected === null || published === null || expected >= published) return [];
    return [
      {
        ruleId: this.id,
        message: ctx.t(
          {
            en: 'expected_restoration ({value}) is before timestamps.published_at: give a new forecast, or write `unknown`.',
            de: 'expected_restoration ({value}) liegt vor timestamps.published_at: Eine neue Prognose angeben oder `unknown` schreiben.',
          },
          { value: String(data.expected_restoration) },
        ),
        ...ctx.at('/expected_restoration'),
        path: '/expected_restoration',
      },
    ];
  },
};
