import type { Rule } from './rule';
import { relatedAt } from '../family';
import { isRecord } from '../report/fields';
import { instantIn } from '../shared/time';
import { zoneOf } from './family-shared-facts';

/** The `family-chronology` rule; its `docs` are rendered to docs/rules/family-chronology.md by `npm run generate`. */
export const familyChronologyRule: Rule = {
  id: 'family-chronology',
  defaultSeverity: 'error',
  description: {
    en: "A member's `timestamps.detected_at` is not before its parent's `timestamps.started_at`.",
    de: '`timestamps.detected_at` eines Mitglieds liegt nicht vor `timestamps.started_at` des übergeordneten Berichts.',
  },
  docs: {
    checks: [
      'A member cannot have detected the incident before it began: its `timestamps.detected_at` is not before the parent\'s `timestamps.started_at` (compared as instants).',
      'An earlier detection is an error at the member\'s `detected_at`, with the parent\'s `started_at` as a related location.',
    ],
  },
  check(ctx) {
    const parent = ctx.family?.parent;
    const parentData = parent?.data;
    if (!parent || !parentData || !ctx.data || !isRecord(ctx.data.timestamps) || !isRecord(parentData.timestamps)) return [];
    const detected = ctx.data.timestamps.detected_at;
    const started = parentData.timestamps.started_at;
    const detectedAt = instantIn(detected, ctx.timeZone);
    const startedAt = instantIn(started, zoneOf(parentData, ctx.timeZone));
    if (detectedAt === null || startedAt === null || detectedAt >= startedAt) return [];
    const values = { value: String(detected), started: String(started), file: parent.label };
    return [
      {
        ruleId: this.id,
        ...ctx.at('/timestamps/detected_at'),
        path: '/timestamps/detected_at',
        message: ctx.t(
          {
            en: 'timestamps.detected_at ({value}) is before the incident began according to the parent report ({started} in {file}).',
            de: 'timestamps.detected_at ({value}) liegt vor dem Beginn des Vorfalls laut übergeordnetem Bericht ({started} in {file}).',
          },
          values,
        ),
        related: [relatedAt(parent, '/timestamps/started_at', ctx.t({ en: "the parent's timestamps.started_at", de: 'timestamps.started_at des übergeordneten Berichts' }))],
      },
    ];
  },
};
