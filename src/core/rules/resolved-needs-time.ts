import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';
import { isRecord, recordItems } from '../report/fields';
import { formatPointer } from '../yaml/pointer';
import { formatInZone } from '../shared/time';

const OUTAGE_STATES = new Set(['partial_outage', 'major_outage']);

/** The `resolved-needs-time` rule; its `docs` are rendered to docs/rules/resolved-needs-time.md by `npm run generate`. */
export const resolvedNeedsTimeRule: Rule = {
  id: 'resolved-needs-time',
  defaultSeverity: 'error',
  description: {
    en: 'A resolved incident has `timestamps.resolved_at`, and no service is left in an outage without `restored_at`.',
    de: 'Ein behobener Vorfall hat `timestamps.resolved_at`, und kein Dienst bleibt ohne `restored_at` im Ausfall.',
  },
  docs: {
    checks: [
      'A report with `status: resolved` says when: it needs `timestamps.resolved_at`. A resolved report that still lists a service in a partial or major outage without `restored_at` contradicts itself (warning at that service\'s status).',
    ],
  },
  check(ctx) {
    if (!ctx.data || ctx.data.status !== 'resolved') return [];
    const findings: RawFinding[] = [];
    const timestamps = ctx.data.timestamps;
    if (isRecord(timestamps) && (timestamps.resolved_at === undefined || timestamps.resolved_at === null)) {
      findings.push({
        ruleId: this.id,
        message: ctx.t({
          en: '`timestamps.resolved_at` is missing: status `resolved` needs the time the incident was resolved.',
          de: '`timestamps.resolved_at` fehlt: Der Status `resolved` braucht den Zeitpunkt, zu dem der Vorfall behoben wurde.',
        }),
        ...ctx.at('/timestamps/resolved_at'),
        path: '/timestamps/resolved_at',
        fix: { kind: 'insert-key', parentPath: '/timestamps', key: 'resolved_at', placeholder: formatInZone(ctx.now, ctx.timeZone) },
      });
    }
    recordItems(ctx.data.affected_services).forEach((service, index) => {
      if (typeof service.status !== 'string' || !OUTAGE_STATES.has(service.status) || service.restored_at) return;
      const pointer = formatPointer(['affected_services', index, 'status']);
      findings.push({
        ruleId: this.id,
        severity: 'warning',
        message: ctx.t(
          {
            en: 'affected_services[{index}] ({name}) is still `{status}` although the incident is resolved: set its status and `restored_at`.',
            de: 'affected_services[{index}] ({name}) ist noch `{status}`, obwohl der Vorfall behoben ist: Status und `restored_at` setzen.',
          },
          { index, name: String(service.name ?? '?'), status: service.status },
        ),
        ...ctx.at(pointer),
        path: pointer,
      });
    });
    return findings;
  },
};
