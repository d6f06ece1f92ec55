import type { RawFinding } from '../types';
import type { Rule } from './rule';
import { isRecord } from '../fields';
import { buildModel } from '../render/model';

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
      'With `disproportionate_effort` a public communication replaces individual notice and must carry the Art. 34(2) contents: the rule asks the publication model whether the public outputs have the DPO\'s contact details (a `dpo` contact with phone or e-mail), `likely_consequences` and `measures`, and warns on the exemption for what is missing.',
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
    if (exemption === 'disproportionate_effort') {
      const art34 = buildModel(ctx.report, { locale: ctx.locale, now: ctx.now }).art34;
      const missing: string[] = [];
      if (!art34?.hasDpoContact) missing.push(ctx.t({ en: 'the DPO’s contact details (a `dpo` contact with phone or e-mail)', de: 'die Kontaktdaten der/des Datenschutzbeauftragten (Kontakt `dpo` mit Telefon oder E-Mail)' }));
      if (!art34?.consequences) missing.push(ctx.t({ en: 'the likely consequences (`likely_consequences`)', de: 'die wahrscheinlichen Folgen (`likely_consequences`)' }));
      if (!art34?.measures) missing.push(ctx.t({ en: 'the measures taken (`measures`)', de: 'die ergriffenen Maßnahmen (`measures`)' }));
      if (missing.length > 0) {
        findings.push({
          ruleId: this.id,
          message: ctx.t(
            {
              en: 'With disproportionate_effort the press release is the public communication that replaces individual notice (GDPR Art. 34(3)(c)) and must carry the Art. 34(2) contents; it lacks {missing}.',
              de: 'Bei disproportionate_effort ersetzt die Pressemitteilung als öffentliche Bekanntmachung die einzelne Benachrichtigung (DSGVO Art. 34 Abs. 3 lit. c) und muss die Angaben nach Art. 34 Abs. 2 enthalten; es fehlen {missing}.',
            },
            { missing: missing.join('; ') },
          ),
          ...ctx.at('/data_loss/art34_exemption'),
          path: '/data_loss/art34_exemption',
        });
      }
    }
    return findings;
  },
};
