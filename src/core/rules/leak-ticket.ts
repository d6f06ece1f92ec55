import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

export { DEFAULT_TICKET_PATTERN } from './leak-scan';

/** The `leak-ticket` rule; its `docs` are rendered to docs/rules/leak-ticket.md by `npm run generate`. */
export const leakTicketRule: Rule = {
  id: 'leak-ticket',
  defaultSeverity: 'warning',
  blocksApproval: true,
  description: {
    en: 'No internal ticket ID appears in the public text.',
    de: 'Im öffentlichen Text steht keine interne Ticketnummer.',
  },
  docs: {
    checks: [
      'No internal ticket ID (setting `ticketPattern`, default `INC-2023-4711`, `CHG-…`, `SR-…` and similar) in the published text. Ticket numbers mean nothing to the public and reveal internal tools and processes. Warning: embarrassing rather than dangerous. An invalid pattern disables the check instead of failing the lint.',
    ],
  },
  options: [
    {
      name: 'ticketPattern',
      schema: { type: 'string', default: '' },
      description: {
        en: 'Regular expression (JavaScript syntax) of internal ticket IDs that must never appear in public text. Empty: the built-in pattern for IDs like `INC-2023-4711` or `CHG-12345`.',
        de: 'Regulärer Ausdruck (JavaScript-Syntax) interner Ticketnummern, die nie in öffentlichem Text stehen dürfen. Leer: das eingebaute Muster für Nummern wie `INC-2023-4711` oder `CHG-12345`.',
      },
      summary: 'regular expression of internal ticket IDs',
      defaultText: 'built-in (`INC-2023-4711`, `CHG-12345`, …)',
      // A regular expression from an untrusted workspace could be made to backtrack for ever.
      restricted: true,
      cli: { flag: '--ticket-pattern', argument: 'RE', help: ['regular expression of internal ticket IDs'] },
      check(value) {
        if (typeof value !== 'string' || value === '') return [{ says: { en: 'must be a non-empty string (a regular expression)', de: 'muss ein nicht leerer String (ein regulärer Ausdruck) sein' } }];
        try {
          new RegExp(value, 'g');
          return [];
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return [{ says: { en: `is not a valid regular expression: ${reason}`, de: `ist kein gültiger regulärer Ausdruck: ${reason}` } }];
        }
      },
    },
  ],
  check(ctx) {
    return leakFindings(ctx, this.id, 'ticket', (hit) =>
      ctx.t(
        {
          en: 'Ticket ID `{text}` {where}: internal ticket numbers mean nothing to the public and reveal internal processes; remove it.',
          de: 'Ticketnummer `{text}` {where}: Interne Ticketnummern sagen der Öffentlichkeit nichts und verraten interne Abläufe; entfernen.',
        },
        { text: hit.text, where: whereText(ctx, hit) },
      ),
    );
  },
};
