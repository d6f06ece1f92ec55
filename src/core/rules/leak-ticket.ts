import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/**
 * **leak-ticket** — no internal ticket ID (setting `ticketPattern`, default `INC-2023-4711`,
 * `CHG-…`, `SR-…` and similar) in the published text. Ticket numbers mean nothing to the public and
 * reveal internal tools and processes. Warning: embarrassing rather than dangerous. An invalid
 * pattern disables the check instead of failing the lint.
 */
export const leakTicketRule: Rule = {
  id: 'leak-ticket',
  defaultSeverity: 'warning',
  description: {
    en: 'No internal ticket ID appears in the public text.',
    de: 'Im öffentlichen Text steht keine interne Ticketnummer.',
  },
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
