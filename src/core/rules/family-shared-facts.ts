import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { relatedAt } from '../family';
import { isRecord } from '../report/fields';
import { instantIn } from '../shared/time';

/** The `family-shared-facts` rule; its `docs` are rendered to docs/rules/family-shared-facts.md by `npm run generate`. */
export const familySharedFactsRule: Rule = {
  id: 'family-shared-facts',
  defaultSeverity: 'error',
  description: {
    en: "A member's `timestamps.started_at` and `incident_type` equal its parent's.",
    de: '`timestamps.started_at` und `incident_type` eines Mitglieds stimmen mit denen des übergeordneten Berichts überein.',
  },
  docs: {
    checks: [
      'A member stands on its parent\'s facts: its `timestamps.started_at` is the same instant as the parent\'s (whatever UTC offset each is written with) and its `incident_type` is the parent\'s.',
      'A difference is an error at the member\'s field that names the parent\'s value and file, with the parent\'s field as a related location.',
    ],
  },
  check(ctx) {
    const parent = ctx.family?.parent;
    const parentData = parent?.data;
    if (!parent || !parentData || !ctx.data) return [];
    const findings: RawFinding[] = [];
    const differs = (pointer: string, field: string, value: unknown, parentValue: unknown) => {
      const values = { field, value: String(value), parentValue: String(parentValue), file: parent.label };
      findings.push({
        ruleId: this.id,
        ...ctx.at(pointer),
        path: pointer,
        message: ctx.t(
          {
            en: '{field} ({value}) differs from the parent report ({parentValue} in {file}): members state the shared facts as the parent does.',
            de: '{field} ({value}) weicht vom übergeordneten Bericht ab ({parentValue} in {file}): Mitglieder geben die gemeinsamen Fakten so an wie der übergeordnete Bericht.',
          },
          values,
        ),
        related: [relatedAt(parent, pointer, ctx.t({ en: "the parent's {field}", de: '{field} des übergeordneten Berichts' }, values))],
      });
    };
    const started = isRecord(ctx.data.timestamps) ? ctx.data.timestamps.started_at : undefined;
    const parentStarted = isRecord(parentData.timestamps) ? parentData.timestamps.started_at : undefined;
    const at = instantIn(started, ctx.timeZone);
    const parentAt = instantIn(parentStarted, zoneOf(parentData, ctx.timeZone));
    if (at !== null && parentAt !== null && at !== parentAt) differs('/timestamps/started_at', 'timestamps.started_at', started, parentStarted);
    const type = ctx.data.incident_type;
    const parentType = parentData.incident_type;
    if (typeof type === 'string' && typeof parentType === 'string' && type !== parentType) differs('/incident_type', 'incident_type', type, parentType);
    return findings;
  },
};

/** The zone a parent's timestamps without offset are read in: its own `timezone`, else the member's. */
export function zoneOf(data: Record<string, unknown>, fallback: string): string {
  return typeof data.timezone === 'string' && data.timezone ? data.timezone : fallback;
}
