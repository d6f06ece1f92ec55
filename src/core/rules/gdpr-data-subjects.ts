import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { isRecord } from '../report/fields';

/** The `gdpr-data-subjects` rule; its `docs` are rendered to docs/rules/gdpr-data-subjects.md by `npm run generate`. */
export const gdprDataSubjectsRule: Rule = {
  id: 'gdpr-data-subjects',
  defaultSeverity: 'warning',
  description: {
    en: 'A high-risk personal data breach records that the people affected were told, or why not (GDPR Art. 34).',
    de: 'Bei einer Datenschutzverletzung mit hohem Risiko ist festgehalten, dass die Betroffenen benachrichtigt wurden, oder warum nicht (DSGVO Art. 34).',
  },
  docs: {
    checks: [
      'GDPR Art. 34: with `data_loss.risk: high` the people affected must be told without undue delay, so the report records `data_loss.subjects_informed_at` or why not in `data_loss.art34_exemption` (`encrypted`, `mitigated`, `disproportionate_effort`); without either it is a warning at `risk`.',
      'With `disproportionate_effort` a public communication replaces individual notice; [`gdpr-public-notice`](gdpr-public-notice.md) checks that it carries the Art. 34(2) contents and goes out through an effective channel.',
    ],
  },
  check(ctx) {
    const loss = ctx.data?.data_loss;
    if (!isRecord(loss)) return [];
    const findings: RawFinding[] = [];
    const informed = loss.subjects_informed_at !== undefined && loss.subjects_informed_at !== null;
    const exemption = loss.art34_exemption;
    if (loss.risk === 'high' && !informed && exemption === undefined) {
      findings.push({
        ruleId: this.id,
        message: ctx.t({
          en: 'data_loss.risk is high: the people affected must be told without undue delay (GDPR Art. 34); record `data_loss.subjects_informed_at`, or the exemption that applies in `data_loss.art34_exemption`.',
          de: 'data_loss.risk ist high: Die betroffenen Personen sind unverzüglich zu benachrichtigen (DSGVO Art. 34); `data_loss.subjects_informed_at` eintragen oder die greifende Ausnahme in `data_loss.art34_exemption`.',
        }),
        ...ctx.at('/data_loss/risk'),
        path: '/data_loss/risk',
        fix: { kind: 'insert-key', parentPath: '/data_loss', key: 'subjects_informed_at', placeholder: '' },
      });
    }
    return findings;
  },
};
