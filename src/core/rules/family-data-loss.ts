import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { relatedAt } from '../family';
import { isRecord } from '../report/fields';

/** Parent values that leave data loss open or confirm it: a member cannot rule it out. */
const OPEN_EXFILTRATION = new Set(['under_investigation', 'suspected', 'confirmed']);
const OPEN_YES_NO = new Set(['unknown', 'yes']);

/** The `family-data-loss` rule; its `docs` are rendered to docs/rules/family-data-loss.md by `npm run generate`. */
export const familyDataLossRule: Rule = {
  id: 'family-data-loss',
  defaultSeverity: 'error',
  description: {
    en: "A member's `data_loss` claims no more certainty than its parent's.",
    de: '`data_loss` eines Mitglieds behauptet nicht mehr Gewissheit als der übergeordnete Bericht.',
  },
  docs: {
    checks: [
      'A member claims no more certainty about data loss than its parent: no `data_loss.exfiltration: no_indication` while the parent\'s is `under_investigation`, `suspected` or `confirmed`, and no `data_loss.occurred: no` or `data_loss.personal_data: no` where the parent says `unknown` or `yes`.',
      'A member may know more than its parent the other way round (it may confirm what the parent only suspects). A claim beyond the parent is an error at the member\'s field, with the parent\'s field as a related location.',
    ],
  },
  check(ctx) {
    const parent = ctx.family?.parent;
    const own = ctx.data && isRecord(ctx.data.data_loss) ? ctx.data.data_loss : null;
    const theirs = parent?.data && isRecord(parent.data.data_loss) ? parent.data.data_loss : null;
    if (!parent || !own || !theirs) return [];
    const findings: RawFinding[] = [];
    const check = (key: string, claim: string, open: ReadonlySet<string>) => {
      const parentValue = theirs[key];
      if (own[key] !== claim || typeof parentValue !== 'string' || !open.has(parentValue)) return;
      const pointer = `/data_loss/${key}`;
      const values = { field: `data_loss.${key}`, value: claim, parentValue, file: parent.label };
      findings.push({
        ruleId: this.id,
        ...ctx.at(pointer),
        path: pointer,
        message: ctx.t(
          {
            en: '{field} is {value}, but the parent report says {parentValue} ({file}): a member cannot rule out what its parent has not ruled out.',
            de: '{field} ist {value}, der übergeordnete Bericht sagt aber {parentValue} ({file}): Ein Mitglied kann nicht ausschließen, was der übergeordnete Bericht nicht ausschließt.',
          },
          values,
        ),
        related: [relatedAt(parent, pointer, ctx.t({ en: "the parent's {field}: {parentValue}", de: '{field} des übergeordneten Berichts: {parentValue}' }, values))],
      });
    };
    check('occurred', 'no', OPEN_YES_NO);
    check('exfiltration', 'no_indication', OPEN_EXFILTRATION);
    check('personal_data', 'no', OPEN_YES_NO);
    return findings;
  },
};
