import type { Rule } from './rule';
import type { RawFinding } from '../shared/types';
import { findClaims, whereClaim } from './claim-scan';

/** The `claim-restoration` rule; its `docs` are rendered to docs/rules/claim-restoration.md by `npm run generate`. */
export const claimRestorationRule: Rule = {
  id: 'claim-restoration',
  defaultSeverity: 'warning',
  description: {
    en: 'A restoration date in the public text matches expected_restoration.',
    de: 'Ein Wiederherstellungsdatum im öffentlichen Text stimmt mit expected_restoration überein.',
  },
  docs: {
    checks: [
      'A restoration date in the public text ("bis zum 9. Dezember", "ab dem\n16.12.2022 wieder geöffnet", "restored by December 9") must be the date in\n`expected_restoration`. A date the text names while the field says `unknown` promises more than\nthe report knows. Warning; only while `status` is not `resolved`.',
      'Dates count when a preposition of time ties them to a restoration cue in the same clause\n("wieder", "Einschränkungen", "voraussichtlich", "restored", "back", …): "Anträge können bis zum\n9. Dezember gestellt werden" names a deadline, not a restoration. A date without a year takes the\nyear of `expected_restoration`. Older updates are history (their forecast may have been the best\none then): only the newest update is compared, besides the public section, the title, the\ndata-loss statement and the workarounds.',
      'A promise ("Wir garantieren, dass ab dem 4. Mai alle Dienste wieder laufen", "We promise that all\nservices are back on 4 December") is a date claim, not a claim that all services are back\n(`claim-status`): it is compared with `expected_restoration`, and the message says that it is a promise.',
      "In a family, a member's dates are compared with its own `expected_restoration` only, not with its\nparent's: each member restores its own services on its own schedule (the provider's systems may\nrun again weeks before a town's last office reopens).",
    ],
  },
  check(ctx) {
    const data = ctx.data;
    if (!data || data.status === 'resolved') return [];
    const field = data.expected_restoration;
    if (typeof field !== 'string') return [];
    const expected = /^(\d{4})-(\d{2})-(\d{2})/.exec(field);
    if (field !== 'unknown' && !expected) return [];
    const findings: RawFinding[] = [];
    for (const hit of findClaims(ctx)) {
      const claim = hit.claim;
      if (claim.kind !== 'restoration-date' || !hit.latest) continue;
      if (expected && (claim.year ?? Number(expected[1])) === Number(expected[1]) && claim.month === Number(expected[2]) && claim.day === Number(expected[3])) continue;
      const text = hit.rangeText;
      const base = { ruleId: this.id, ...hit.range(), path: hit.path };
      // "Wir garantieren, dass ab dem 4. Mai …": a promise binds more than a forecast, and says so.
      if (!expected) {
        findings.push({
          ...base,
          message: ctx.t(
            claim.promise
              ? {
                  en: 'A sentence {where} promises a restoration date ({date}), but expected_restoration is `unknown`. Promise no date the facts do not have: give it in expected_restoration, or leave the promise out.',
                  de: 'Ein Satz {where} verspricht einen Termin für die Wiederherstellung ({date}), expected_restoration ist aber `unknown`. Keinen Termin versprechen, den die Fakten nicht kennen: ihn in expected_restoration eintragen oder das Versprechen weglassen.',
                }
              : {
                  en: 'A sentence {where} names a restoration date ({date}), but expected_restoration is `unknown`. Give the date in expected_restoration, or leave it out of the text.',
                  de: 'Ein Satz {where} nennt einen Termin für die Wiederherstellung ({date}), expected_restoration ist aber `unknown`. Den Termin in expected_restoration eintragen oder im Text weglassen.',
                },
            { where: whereClaim(ctx, hit), date: text },
          ),
        });
        continue;
      }
      findings.push({
        ...base,
        message: ctx.t(
          claim.promise
            ? {
                en: 'A sentence {where} promises {date} for the restoration, but expected_restoration is {expected}. A promise binds: promise the date of the facts, or none.',
                de: 'Ein Satz {where} verspricht {date} für die Wiederherstellung, expected_restoration ist aber {expected}. Ein Versprechen bindet: den Termin aus den Fakten versprechen oder keinen.',
              }
            : {
                en: 'A sentence {where} names {date} for the restoration, but expected_restoration is {expected}. Make them agree.',
                de: 'Ein Satz {where} nennt {date} für die Wiederherstellung, expected_restoration ist aber {expected}. Beides in Einklang bringen.',
              },
          { where: whereClaim(ctx, hit), date: text, expected: field },
        ),
      });
    }
    return findings;
  },
};
