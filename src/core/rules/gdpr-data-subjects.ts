import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { isRecord } from '../report/fields';
import { controllersToNotify, gdprRole } from '../compliance/deadlines';

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
      'For a processor (`data_loss.role: processor`) the notice is each controller\'s duty (Art. 34(1)); the warning says so and names them: the processor assists (Art. 28(3)(f)) and records when they told the people affected.',
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
        // A processor tells no one itself: Art. 34(1) is the controllers' duty, which it assists with.
        message:
          gdprRole(ctx.data!) === 'processor'
            ? ctx.t(
                {
                  en: 'data_loss.risk is high: each controller must tell the people affected without undue delay (GDPR Art. 34(1)){controllers}; as processor, assist them (Art. 28(3)(f)) and record `data_loss.subjects_informed_at` once they did, or the exemption they rely on in `data_loss.art34_exemption`.',
                  de: 'data_loss.risk ist high: Jeder Verantwortliche muss die betroffenen Personen unverzüglich benachrichtigen (DSGVO Art. 34 Abs. 1){controllers}; als Auftragsverarbeiter dabei unterstützen (Art. 28 Abs. 3 lit. f) und `data_loss.subjects_informed_at` eintragen, sobald sie es getan haben, oder die Ausnahme, auf die sie sich stützen, in `data_loss.art34_exemption`.',
                },
                { controllers: controllerNames(ctx.data!) },
              )
            : ctx.t({
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

/** ": Stadt Werne; Gemeinde Wickede" for the controllers the report names, or nothing. */
function controllerNames(data: Record<string, unknown>): string {
  // Names only: the zone reads `notified_at`, which is not used here.
  const names = controllersToNotify(data, 'UTC').flatMap((c) => (c.name !== null ? [c.name] : []));
  return names.length > 0 ? `: ${names.join('; ')}` : '';
}
