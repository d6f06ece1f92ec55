import type { Rule } from './rule';
import type { RawFinding } from '../shared/types';
import { recordItems } from '../report/fields';
import { findClaims, whereClaim } from './claim-scan';

/** Service states in which "all services are back" is untrue. */
const OUTAGE = new Set(['partial_outage', 'major_outage']);

/** The `claim-status` rule; its `docs` are rendered to docs/rules/claim-status.md by `npm run generate`. */
export const claimStatusRule: Rule = {
  id: 'claim-status',
  defaultSeverity: 'warning',
  description: {
    en: 'The public text calls the incident over or all services back only when the facts say so.',
    de: 'Der öffentliche Text nennt den Vorfall behoben oder alle Dienste verfügbar nur, wenn die Fakten das sagen.',
  },
  docs: {
    checks: [
      'The public text may not report the incident as over while the facts say it\nis not:',
      '- "alle Dienste wieder verfügbar", "all services are back" while a service in\n  `affected_services` is in `partial_outage` or `major_outage` without `restored_at`;\n- "behoben", "resolved", "fixed" while `status` is not `resolved`.',
      'Warnings. Negated, partial, conditional and future statements are no such claims: "noch nicht\nalle Dienste", "fast alle Dienste", "sobald alle Dienste wieder laufen", "soll bis Freitag behoben\nsein", "the council resolved to …".',
      "In a family, a member's text is compared with the member's own facts only, not with its parent's: each\nmember lists its own services and has its own `status` (a town may have its citizens' office back\nwhile the provider still works on the rest), so \"alle Dienste wieder verfügbar\" speaks of the\nmember's services. What a member shares with its parent is checked by `family-shared-facts`.",
    ],
  },
  check(ctx) {
    const data = ctx.data;
    if (!data) return [];
    const down = recordItems(data.affected_services)
      .filter((service) => typeof service.status === 'string' && OUTAGE.has(service.status) && typeof service.restored_at !== 'string')
      .map((service) => `${typeof service.name === 'string' ? service.name : '?'} (${String(service.status)})`);
    const findings: RawFinding[] = [];
    for (const hit of findClaims(ctx)) {
      const base = () => ({ ruleId: this.id, ...hit.range(), path: hit.path });
      if (hit.claim.kind === 'all-restored' && down.length > 0) {
        findings.push({
          ...base(),
          message: ctx.t(
            {
              en: 'A sentence {where} says all services are back, but affected_services says otherwise: {services}.',
              de: 'Ein Satz {where} sagt, alle Dienste seien wieder verfügbar, affected_services sagt aber etwas anderes: {services}.',
            },
            { where: whereClaim(ctx, hit), services: down.join(', ') },
          ),
        });
      }
      if (hit.claim.kind === 'resolved' && typeof data.status === 'string' && data.status !== 'resolved') {
        findings.push({
          ...base(),
          message: ctx.t(
            {
              en: 'A sentence {where} calls the incident resolved, but status is `{status}`. Describe what works again, or set status to resolved.',
              de: 'Ein Satz {where} nennt den Vorfall behoben, status ist aber `{status}`. Beschreiben, was wieder funktioniert, oder status auf resolved setzen.',
            },
            { where: whereClaim(ctx, hit), status: data.status },
          ),
        });
      }
    }
    return findings;
  },
};
