import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/** The `leak-email` rule; its `docs` are rendered to docs/rules/leak-email.md by `npm run generate`. */
export const leakEmailRule: Rule = {
  id: 'leak-email',
  defaultSeverity: 'warning',
  blocksApproval: true,
  description: {
    en: 'E-mail addresses in the public text are among the listed contacts.',
    de: 'E-Mail-Adressen im öffentlichen Text gehören zu den angegebenen Kontakten.',
  },
  docs: {
    checks: [
      'The published text names only e-mail addresses listed under `contacts`. Any other address is usually a colleague\'s personal mailbox (personal data, a phishing target) or an internal system account. Warning, not error: a deliberately public address that is simply not yet listed is a common, harmless cause — add it to `contacts` to confirm it.',
    ],
  },
  check(ctx) {
    return leakFindings(ctx, this.id, 'email', (hit) =>
      ctx.t(
        {
          en: 'E-mail address `{text}` {where} is not one of the report’s contacts: personal or internal addresses must not be published (personal data, phishing target). List it under `contacts` if it is meant to be public.',
          de: 'E-Mail-Adresse `{text}` {where} gehört zu keinem Kontakt des Berichts: Persönliche oder interne Adressen dürfen nicht veröffentlicht werden (personenbezogene Daten, Phishing-Ziel). Falls sie öffentlich sein soll, unter `contacts` aufführen.',
        },
        { text: hit.text, where: whereText(ctx, hit) },
      ),
    );
  },
};
