import type { Rule, RuleContext } from './rule';
import type { Localized, RawFinding } from '../shared/types';
import { isRecord } from '../report/fields';
import { findClaims, reportLang, whereClaim, type ClaimHit } from './claim-scan';
import { holds, restated, type CountClaim, type CountQualifier } from '../language/counts';
import { separatedCounts } from './count-format';

/** Why a count does not hold: it says more or less than the facts, or, true but one-sided, by too much. */
const REASONS = {
  exact: { en: 'a number without a qualifier must be the number of the facts', de: 'eine Zahl ohne Einschränkung muss die Zahl aus den Fakten sein' },
  about: { en: '“{words}” allows 10 % either way', de: '„{words}“ lässt 10 % Abweichung nach oben und unten zu' },
  vague: { en: '“{words}” stands for {low} to {high}', de: '„{words}“ steht für {low} bis {high}' },
  more: { en: '“{words}” says more than the facts', de: '„{words}“ sagt mehr, als die Fakten hergeben' },
  less: { en: '“{words}” says less than the facts', de: '„{words}“ sagt weniger, als die Fakten sagen' },
  understates: {
    en: '“{words}” is true but understates the facts by more than a fifth: a one-sided number must not minimise',
    de: '„{words}“ stimmt, verharmlost die Fakten aber um mehr als ein Fünftel: Eine einseitige Zahl darf nicht kleinreden',
  },
  overstates: {
    en: '“{words}” is true but overstates the facts by more than a quarter: a one-sided number must not inflate',
    de: '„{words}“ stimmt, übertreibt die Fakten aber um mehr als ein Viertel: Eine einseitige Zahl darf nicht aufbauschen',
  },
  good: { en: '“{words}” means at most 10 % more', de: '„{words}“ bedeutet höchstens 10 % mehr' },
  nearly: { en: '“{words}” means at most 10 % less', de: '„{words}“ bedeutet höchstens 10 % weniger' },
} satisfies Record<string, Localized>;

/** Which reason a count that does not hold gets. */
function reasonFor(qualifier: CountQualifier, x: number, fact: number): keyof typeof REASONS {
  switch (qualifier) {
    case 'over':
      return fact < x ? 'more' : 'understates';
    case 'good':
      return fact < x ? 'more' : 'good';
    case 'upTo':
    case 'under':
      return fact > x || (qualifier === 'under' && fact === x) ? 'less' : 'overstates';
    case 'nearly':
      return fact > x ? 'less' : 'nearly';
    default:
      return qualifier;
  }
}

/** The `claim-count` rule; its `docs` are rendered to docs/rules/claim-count.md by `npm run generate`. */
export const claimCountRule: Rule = {
  id: 'claim-count',
  defaultSeverity: 'error',
  description: {
    en: 'A number of people or records affected in the public text agrees with `subjects_approx` / `records_approx`.',
    de: 'Eine Zahl betroffener Personen oder Datensätze im öffentlichen Text stimmt mit `subjects_approx` / `records_approx` überein.',
  },
  docs: {
    checks: [
      'Every published text (the public section, title, data-loss statement, `public_measures`, `advice`, updates and workarounds) is read sentence by sentence for counts of **people or records affected**: "rund 50.000 Betroffene", "Daten von mehr als 40.000 Personen", "1,2 Millionen Datensätze", "Tausende Bürgerinnen und Bürger", "the number of people affected is about 41,000". People are compared with `data_loss.subjects_approx`, records with `data_loss.records_approx`. A count that does not hold is an **error** (the sentence is the finding\'s range); a count while the fact is not recorded is a **warning** (what could not be checked is not clean).',
      'Numbers are read in the **report\'s language**: in German "41.000" and "41 000" are forty-one thousand, "1,2 Millionen" is 1,200,000, and "41,000" is forty-one (a decimal comma); in English "41,000" and "41 000" are forty-one thousand, "1.2 million" is 1,200,000 and "41.000" is forty-one. A fact written `41.000` is compared as the number its author meant (41000; `count-format` reports how it is written).',
      'What a qualifier claims (X is the number in the text, the fact is `subjects_approx` or `records_approx`). A one-sided qualifier must neither minimise nor inflate: "über 1.000 Betroffene" against 41,000 is true and misleading.\n\n| qualifier | holds when |\n|---|---|\n| rund / etwa / ca. / circa / ungefähr / about / around / approximately / roughly / some | fact within ±10 % of X |\n| über / mehr als / mindestens / more than / over / at least | fact ≥ X, and X ≥ 80 % of the fact |\n| gut / a good | fact within [X, 110 % of X] |\n| bis zu / höchstens / maximal / up to / at most | fact ≤ X, and the fact ≥ 80 % of X |\n| unter / weniger als / under / fewer than / less than | fact < X, and the fact ≥ 80 % of X |\n| knapp / fast / nahezu / beinahe / nearly / almost / close to | fact within [90 % of X, X] |\n| Hunderte / hundreds | fact in [200, 1,000) |\n| Tausende / thousands | fact in [2,000, 1,000,000) |\n| Zehntausende / tens of thousands | fact in [20,000, 1,000,000) |\n| Hunderttausende / hundreds of thousands | fact in [200,000, 1,000,000) |\n| Millionen / millions (without a number) | fact ≥ 2,000,000 |\n| no qualifier | equal |',
      'Sentences that are not about those affected are not claims: "Die Stadt hat rund 41.000 Einwohner" (a clause that says how many live there, without saying they are affected), "Rund 300 Beschäftigte arbeiten im Notbetrieb", phone numbers, dates, times and amounts of money (no noun of people or records follows them). Neither are questions, conditions ("Ob mehr als 41.000 Menschen betroffen sind, …"), negated counts ("nicht alle 41.000") and other parties\' quoted claims.',
      'The quick fix writes the number of the facts with "rund" / "about" in place of the text\'s count and qualifier ("über 1.000 Betroffene" → "rund 41.000 Betroffene"; "thousands of residents" → "about 41,000 residents"), which holds by the table above. It is offered where the replacement keeps the sentence\'s grammar (not for "Tausende von Bürgern", whose case would change) and never applied by "fix all": it changes what is published.',
      'In a family, a member\'s text is compared with the member\'s own facts only: a town counts its own residents affected.',
      'Precision and recall on the claims corpus (test/claims/corpus.yaml, shared by every `claim-*` rule; how it was written is in [claim-data-loss](claim-data-loss.md#how-claims-are-found)). 79 of its sentences are about numbers: 34 counts to flag and 45 sentences with numbers that claim none (populations, staff, phone numbers, dates, money, questions, negated counts, counts that hold), in both languages:',
      '266 sentences (155 German, 111 English), 146 traps',
      '| finding                  |  TP |  FP |  FN | precision | recall |\n|--------------------------|----:|----:|----:|----------:|-------:|\n| claim-data-loss (error)  |  37 |   0 |   0 | 1.000 | 1.000 |\n| claim-data-loss (warning) |  14 |   0 |   0 | 1.000 | 1.000 |\n| claim-status             |  15 |   0 |   0 | 1.000 | 1.000 |\n| claim-restoration        |  10 |   0 |   0 | 1.000 | 1.000 |\n| claim-count              |  34 |   0 |   0 | 1.000 | 1.000 |\n| claim-risk               |  10 |   0 |   0 | 1.000 | 1.000 |\n| German                   |  67 |   0 |   0 | 1.000 | 1.000 |\n| English                  |  53 |   0 |   0 | 1.000 | 1.000 |\n| **all**                  | 120 |   0 |   0 | 1.000 | 1.000 |',
    ],
    examples: ['claim-count', 'claim-count-en'],
  },
  check(ctx) {
    const loss = isRecord(ctx.data?.data_loss) ? ctx.data.data_loss : null;
    if (!ctx.data) return [];
    const findings: RawFinding[] = [];
    for (const hit of findClaims(ctx)) {
      if (hit.claim.kind !== 'count') continue;
      const finding = judge(ctx, hit, hit.claim, loss);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** The fact a count is compared with: as its author meant it (`41.000` is 41000), or `undefined` when not recorded, `null` when unreadable. */
function factOf(ctx: RuleContext, loss: Record<string, unknown> | null, field: 'subjects_approx' | 'records_approx'): number | null | undefined {
  const value = loss?.[field];
  if (value === undefined) return undefined;
  const written = separatedCounts(ctx).find((count) => count.pointer === `/data_loss/${field}`);
  if (written) return written.fixed === null ? null : Number(written.fixed);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function judge(ctx: RuleContext, hit: ClaimHit, claim: CountClaim, loss: Record<string, unknown> | null): RawFinding | null {
  const field = claim.subject === 'people' ? 'subjects_approx' : 'records_approx';
  const fact = factOf(ctx, loss, field);
  if (fact === null) return null; // unreadable: the schema or count-format reports the fact itself
  // Where the count is written; `null` when it has no exact place in the source (an escape inside): then no fix.
  const span = hit.span(claim.offset, claim.endOffset);
  const words = hit.spanText(claim.offset, claim.endOffset);
  const where = whereClaim(ctx, hit);
  const subject = claim.subject === 'people' ? ctx.t({ en: 'people affected', de: 'betroffenen Personen' }) : ctx.t({ en: 'records affected', de: 'betroffenen Datensätze' });
  const base = { ruleId: claimCountRule.id, ...hit.range(), path: hit.path };
  if (fact === undefined) {
    return {
      ...base,
      severity: 'warning',
      message: ctx.t(
        {
          en: 'A sentence {where} gives a number of {subject} (“{words}”), but data_loss.{field} is not recorded: add it to the facts, so that the number can be checked.',
          de: 'Ein Satz {where} nennt eine Zahl {subject} („{words}“), data_loss.{field} ist aber nicht erfasst: die Zahl in die Fakten aufnehmen, damit sie geprüft werden kann.',
        },
        { where, subject: claim.subject === 'people' ? ctx.t({ en: 'people affected', de: 'betroffener Personen' }) : ctx.t({ en: 'records affected', de: 'betroffener Datensätze' }), words, field },
      ),
    };
  }
  if (holds(claim, fact)) return null;
  const lang = reportLang(ctx);
  const tag = ctx.locale === 'de' ? 'de-DE' : 'en-GB';
  const range = claim.range;
  const reason = ctx.t(REASONS[reasonFor(claim.qualifier, claim.value, fact)], {
    words: words.replace(/\s+/g, ' '),
    low: range ? range[0].toLocaleString(tag) : '',
    high: range ? (Number.isFinite(range[1]) ? (range[1] - 1).toLocaleString(tag) : ctx.t({ en: 'more', de: 'mehr' })) : '',
  });
  let newText = restated(fact, lang, claim.scaled);
  // At the start of the sentence the replacement starts it too.
  if (hit.sentenceText.startsWith(words)) newText = newText.charAt(0).toUpperCase() + newText.slice(1);
  return {
    ...base,
    message: ctx.t(
      {
        en: 'A sentence {where} gives “{words}”{read} as the number of {subject}, but data_loss.{field} is {fact}: {reason}. Give the number of the facts: “{restated}”.',
        de: 'Ein Satz {where} nennt „{words}“{read} als Zahl der {subject}, data_loss.{field} ist aber {fact}: {reason}. Die Zahl aus den Fakten nennen: „{restated}“.',
      },
      {
        where,
        words: words.replace(/\s+/g, ' '),
        // "41,000" in German text is 41: say how the number was read.
        read: claim.decimal ? ctx.t({ en: ' (read as {value})', de: ' (gelesen als {value})' }, { value: claim.value.toLocaleString(tag) }) : '',
        subject,
        field,
        fact: fact.toLocaleString(tag),
        reason,
        restated: newText,
      },
    ),
    ...(claim.replaceable && span ? { fix: { kind: 'restate-count' as const, offset: span.offset, endOffset: span.endOffset, newText } } : {}),
  };
}
