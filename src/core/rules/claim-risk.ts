import type { Rule, RuleContext } from './rule';
import type { RawFinding } from '../shared/types';
import { isRecord } from '../report/fields';
import { findClaims, whereClaim, type ClaimHit } from './claim-scan';
import type { NoRiskClaim } from '../language/claims';
import { qualifyFix } from './claim-data-loss';

/** The `claim-risk` rule; its `docs` are rendered to docs/rules/claim-risk.md by `npm run generate`. */
export const claimRiskRule: Rule = {
  id: 'claim-risk',
  defaultSeverity: 'error',
  description: {
    en: 'The public text denies no risk or consequences to the people affected that the facts assess otherwise or do not know yet.',
    de: 'Der öffentliche Text bestreitet keine Gefahr und keine Folgen für die Betroffenen, die die Fakten anders bewerten oder noch nicht kennen.',
  },
  docs: {
    checks: [
      'A sentence that denies a **risk or danger to the people affected** ("Für die Bürgerinnen und Bürger besteht keine Gefahr", "There is no risk to residents", "Citizens are not in danger") is compared with `data_loss.risk`:',
      '- **Error** when the facts assess a risk: `risk: high` or `risk: risk`. Hedging does not help: "nach derzeitigem Stand keine Gefahr" contradicts an assessed risk.\n- **Error** when the facts do not know yet (`risk: unknown`, or no `risk` while personal data is or may be affected) and the sentence is not hedged: a denial says more than is known. A hedged one ("Nach derzeitigem Stand besteht keine Gefahr") passes, and unhedged ones get the quick fix that qualifies them ("Nach bisherigen Erkenntnissen …" / "So far, …").',
      'A sentence that denies **consequences for the people affected** ("Für die Betroffenen entstehen keine Nachteile", "Residents need not fear any consequences") is an **error** while `data_loss.likely_consequences` records some, hedged or not.',
      'Denials about something else are not claims: "Die Trinkwasserversorgung ist nicht gefährdet", "Der Ausfall hat keine Auswirkungen auf die Müllabfuhr". A denial counts when it names people (Bürgerinnen und Bürger, Betroffene, Einwohner, Kunden, the reader as "Sie"/"you", …) in its clause, the clause that governs it or the clause before it. Questions, conditions ("Ob für die Betroffenen eine Gefahr besteht, wird geprüft"), double negation ("We cannot rule out a risk to the people affected") and others\' quoted claims are no denials.',
      'Precision and recall on the claims corpus are in [claim-data-loss](claim-data-loss.md#how-claims-are-found), computed over every `claim-*` rule together.',
    ],
    examples: ['claim-risk'],
  },
  check(ctx) {
    if (!ctx.data) return [];
    const loss = isRecord(ctx.data.data_loss) ? ctx.data.data_loss : {};
    const findings: RawFinding[] = [];
    const seen = new Set<ClaimHit['sentence']>();
    for (const hit of findClaims(ctx)) {
      if (hit.claim.kind !== 'no-risk' || seen.has(hit.sentence)) continue;
      const finding = judge(ctx, hit, hit.claim, loss);
      if (!finding) continue;
      seen.add(hit.sentence);
      findings.push(finding);
    }
    return findings;
  },
};

function judge(ctx: RuleContext, hit: ClaimHit, claim: NoRiskClaim, loss: Record<string, unknown>): RawFinding | null {
  const where = whereClaim(ctx, hit);
  const base = () => ({ ruleId: claimRiskRule.id, ...hit.range(), path: hit.path });
  if (claim.about === 'consequences') {
    const consequences = typeof loss.likely_consequences === 'string' && loss.likely_consequences.trim() !== '';
    if (!consequences) return null;
    return {
      ...base(),
      message: ctx.t({
        en: 'A sentence {where} denies consequences for the people affected, but data_loss.likely_consequences records some. Say what may follow and what people can do, not that nothing will.',
        de: 'Ein Satz {where} bestreitet Folgen für die Betroffenen, data_loss.likely_consequences hält aber welche fest. Sagen, was folgen kann und was die Menschen tun können, nicht, dass nichts folgt.',
      }, { where }),
    };
  }
  const risk = loss.risk;
  if (risk === 'high' || risk === 'risk') {
    return {
      ...base(),
      message: ctx.t({
        en: 'A sentence {where} denies a risk to the people affected, but the facts assess one (data_loss.risk: {risk}). Correct the sentence: say what the risk is and what people can do.',
        de: 'Ein Satz {where} bestreitet eine Gefahr für die Betroffenen, die Fakten bewerten aber ein Risiko (data_loss.risk: {risk}). Den Satz korrigieren: sagen, worin die Gefahr besteht und was die Menschen tun können.',
      }, { where, risk }),
    };
  }
  const personal = loss.personal_data === 'yes' || loss.personal_data === 'unknown';
  const unknown = risk === 'unknown' || (risk === undefined && personal);
  if (!unknown || claim.hedged) return null;
  const fix = qualifyFix(ctx, hit);
  return {
    ...base(),
    message: ctx.t({
      en: 'A sentence {where} denies a risk to the people affected, but the facts do not know yet ({fact}): a denial says more than is known. Say what is known so far, or that the risk is being assessed.',
      de: 'Ein Satz {where} bestreitet eine Gefahr für die Betroffenen, die Fakten kennen sie aber noch nicht ({fact}): Ein Dementi sagt mehr, als bekannt ist. Sagen, was bisher bekannt ist, oder dass das Risiko bewertet wird.',
    }, { where, fact: risk === undefined ? ctx.t({ en: 'data_loss.risk not assessed', de: 'data_loss.risk nicht bewertet' }) : 'data_loss.risk: unknown' }),
    ...(fix ? { fix } : {}),
  };
}
