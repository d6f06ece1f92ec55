import type { Rule, RuleContext } from './rule';
import type { RawFinding } from '../types';
import { isRecord } from '../fields';
import { findClaims, reportLang, whereClaim, type ClaimHit } from './claim-scan';
import type { NoLossClaim } from '../language/claims';
import { QUALIFIER, qualifierEdit } from '../language/qualify';

/**
 * **claim-data-loss** — the public text may not deny a data loss the facts confirm or do not know
 * yet. A sentence that says no data was lost, stolen, leaked, taken or exfiltrated, or that
 * (personal) data is not affected or is safe, is compared with `data_loss`:
 *
 * - **Error** when the facts say otherwise: `personal_data: yes`, `exfiltration: confirmed` or
 *   `suspected` (for a denied theft), `occurred: yes` (for a denied loss). Hedging does not help:
 *   "bislang keine Hinweise" contradicts a suspicion.
 * - **Error** when the facts do not know yet (`exfiltration: under_investigation`, `occurred:
 *   unknown`, `personal_data: unknown` for personal data, or `data_loss` missing) and the sentence
 *   is not hedged. Hedged statements ("nach derzeitigem Stand", "bislang keine Hinweise", "so far
 *   there is no indication") pass.
 * - **Warning** for an unqualified absolute denial ("Einen Datenabfluss gibt es nicht", "There was
 *   no data breach") while `status` is not `resolved`, even when the facts agree today.
 *
 * Unhedged denials get a quick fix that inserts the qualifier in the report's language
 * ("Nach bisherigen Erkenntnissen …", "So far, …"). Statements that data loss is being examined or
 * cannot be ruled out are no claims: "Ob Daten abgeflossen sind, wird untersucht", "Es kann nicht
 * ausgeschlossen werden, dass …", "We cannot rule out …". Neither are questions, other parties'
 * claims ("Die Täter behaupten …") and quotes of them. Negations are counted per clause, so double
 * negation ("Es ist nicht so, dass keine Daten abgeflossen sind") denies nothing.
 *
 * Sentences are split with `Intl.Segmenter` plus a merge at abbreviations and ordinals
 * ("1. Dezember", "z. B.", "Dr.", "ca.", "Nr."); see the evidence below.
 */
export const claimDataLossRule: Rule = {
  id: 'claim-data-loss',
  defaultSeverity: 'error',
  description: {
    en: 'The public text denies no data loss that the facts confirm or do not know yet.',
    de: 'Der öffentliche Text bestreitet keinen Datenverlust, den die Fakten bestätigen oder noch nicht kennen.',
  },
  check(ctx) {
    const findings: RawFinding[] = [];
    const seen = new Set<ClaimHit['sentence']>();
    for (const hit of findClaims(ctx)) {
      if (hit.claim.kind !== 'no-loss' || seen.has(hit.sentence)) continue;
      const finding = judge(ctx, hit, hit.claim);
      if (!finding) continue;
      // One finding per sentence: the first (strongest, unhedged before hedged) denial in it.
      seen.add(hit.sentence);
      findings.push(finding);
    }
    return findings;
  },
};

type Facts = { occurred: unknown; exfiltration: unknown; personal: unknown };

/** The facts that contradict the denial, as `field: value`, and those that are not known yet. */
function compare(claim: NoLossClaim, facts: Facts): { contradicts: string[]; unknown: string[] } {
  const contradicts: string[] = [];
  const unknown: string[] = [];
  const exfiltration = claim.loss !== 'loss';
  const loss = claim.loss !== 'exfiltration';
  const personal = claim.personal || claim.loss === 'unaffected';
  if (facts.personal === 'yes') contradicts.push('data_loss.personal_data: yes');
  if (exfiltration && (facts.exfiltration === 'confirmed' || facts.exfiltration === 'suspected')) contradicts.push(`data_loss.exfiltration: ${facts.exfiltration}`);
  if (loss && facts.occurred === 'yes') contradicts.push('data_loss.occurred: yes');
  // A missing value is not known either: what could not be checked is never clean.
  const open = (value: unknown, ...openValues: string[]) => typeof value !== 'string' || openValues.includes(value);
  if (exfiltration && open(facts.exfiltration, 'under_investigation')) unknown.push(`data_loss.exfiltration: ${String(facts.exfiltration ?? '—')}`);
  if (loss && open(facts.occurred, 'unknown')) unknown.push(`data_loss.occurred: ${String(facts.occurred ?? '—')}`);
  if (personal && open(facts.personal, 'unknown')) unknown.push(`data_loss.personal_data: ${String(facts.personal ?? '—')}`);
  return { contradicts, unknown };
}

function judge(ctx: RuleContext, hit: ClaimHit, claim: NoLossClaim): RawFinding | null {
  const data = ctx.data!;
  const dl = isRecord(data.data_loss) ? data.data_loss : {};
  const { contradicts, unknown } = compare(claim, { occurred: dl.occurred, exfiltration: dl.exfiltration, personal: dl.personal_data });
  const where = whereClaim(ctx, hit);
  // Document ranges need the positioned YAML document: computed only for a finding.
  const base = () => ({ ruleId: claimDataLossRule.id, ...hit.range(), path: hit.path });
  if (contradicts.length > 0) {
    return {
      ...base(),
      message: ctx.t(
        {
          en: 'A sentence {where} denies a data loss, but the facts say {facts}. Correct the sentence: a denial that has to be taken back later costs more than the truth now.',
          de: 'Ein Satz {where} bestreitet einen Datenverlust, die Fakten sagen aber {facts}. Den Satz korrigieren: Ein Dementi, das später zurückgenommen werden muss, kostet mehr als die Wahrheit jetzt.',
        },
        { where, facts: contradicts.join(', ') },
      ),
    };
  }
  if (claim.hedged) return null;
  if (unknown.length > 0) {
    const fix = qualifyFix(ctx, hit);
    return {
      ...base(),
      message: ctx.t(
        {
          en: 'A sentence {where} denies a data loss, but the facts do not know yet ({facts}). Say what is known so far, or that it is being examined.',
          de: 'Ein Satz {where} bestreitet einen Datenverlust, die Fakten kennen die Antwort aber noch nicht ({facts}). Sagen, was bisher bekannt ist, oder dass es untersucht wird.',
        },
        { where, facts: unknown.join(', ') },
      ),
      ...(fix ? { fix } : {}),
    };
  }
  if (data.status === 'resolved') return null;
  const fix = qualifyFix(ctx, hit);
  return {
    ...base(),
    severity: 'warning',
    message: ctx.t(
      {
        en: 'A sentence {where} denies a data loss without qualification while the incident is still open (status: {status}). Qualify it: "{qualifier}".',
        de: 'Ein Satz {where} bestreitet einen Datenverlust ohne Einschränkung, obwohl der Vorfall noch offen ist (status: {status}). Einschränken: „{qualifier}“.',
      },
      { where, status: String(data.status ?? '—'), qualifier: QUALIFIER[reportLang(ctx)] },
    ),
    ...(fix ? { fix } : {}),
  };
}

function qualifyFix(ctx: RuleContext, hit: ClaimHit) {
  const edit = qualifierEdit(hit.sentenceText, reportLang(ctx));
  if (!edit) return null;
  return {
    kind: 'qualify-claim' as const,
    ...hit.inSentence(edit.offset, edit.endOffset),
    newText: edit.newText,
    qualifier: QUALIFIER[reportLang(ctx)],
  };
}
