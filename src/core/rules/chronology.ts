import type { RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { dateTimeFields, isRecord, recordItems } from '../report/fields';
import { fieldName } from '../shared/i18n';
import { formatPointer } from '../yaml/pointer';
import { instantIn } from '../shared/time';
import { gdprAwareness, nis2Awareness } from '../compliance/deadlines';

const ORDER = ['started_at', 'detected_at', 'contained_at', 'resolved_at'] as const;

/** The `chronology` rule; its `docs` are rendered to docs/rules/chronology.md by `npm run generate`. */
export const chronologyRule: Rule = {
  id: 'chronology',
  defaultSeverity: 'error',
  description: {
    en: 'Timestamps and updates are in chronological order and none lies in the future.',
    de: 'Zeitstempel und Updates sind chronologisch geordnet und keiner liegt in der Zukunft.',
  },
  docs: {
    checks: [
      'The timeline is consistent: `started_at ≤ detected_at ≤ contained_at ≤ resolved_at`, `published_at ≥ started_at`, `updates` in chronological order and none before the start, and nothing in the future. Notifications (`data_loss.authority_notified_at`, `subjects_informed_at`, the `nis2` stages) cannot precede becoming aware (`data_loss.aware_at`, else `timestamps.detected_at`), nor the NIS2 final report its notification. A violation is reported at the field that breaks the order.',
    ],
  },
  check(ctx) {
    if (!ctx.data) return [];
    const findings: RawFinding[] = [];
    const timestamps = isRecord(ctx.data.timestamps) ? ctx.data.timestamps : {};
    const report = (pointer: string, message: { en: string; de: string }, values: Record<string, string>, sort = false) => {
      findings.push({
        ruleId: this.id,
        message: ctx.t(message, values),
        ...ctx.at(pointer),
        path: pointer,
        ...(sort ? { fix: { kind: 'sort-updates' as const } } : {}),
      });
    };

    let previous: { key: string; at: number; value: unknown } | null = null;
    for (const key of ORDER) {
      const at = instantIn(timestamps[key], ctx.timeZone);
      if (at === null) continue;
      if (previous && at < previous.at) {
        report(
          formatPointer(['timestamps', key]),
          {
            en: 'timestamps.{key} ({value}) is before timestamps.{previous} ({previousValue}); the order is started_at ≤ detected_at ≤ contained_at ≤ resolved_at.',
            de: 'timestamps.{key} ({value}) liegt vor timestamps.{previous} ({previousValue}); die Reihenfolge ist started_at ≤ detected_at ≤ contained_at ≤ resolved_at.',
          },
          { key, value: String(timestamps[key]), previous: previous.key, previousValue: String(previous.value) },
        );
      }
      previous = { key, at, value: timestamps[key] };
    }

    const started = instantIn(timestamps.started_at, ctx.timeZone);
    const published = instantIn(timestamps.published_at, ctx.timeZone);
    if (started !== null && published !== null && published < started) {
      report(
        '/timestamps/published_at',
        {
          en: 'timestamps.published_at ({value}) is before timestamps.started_at ({started}): a report cannot be published before the incident began.',
          de: 'timestamps.published_at ({value}) liegt vor timestamps.started_at ({started}): Ein Bericht kann nicht vor Beginn des Vorfalls veröffentlicht werden.',
        },
        { value: String(timestamps.published_at), started: String(timestamps.started_at) },
      );
    }

    let previousUpdate: { index: number; at: number; value: unknown } | null = null;
    recordItems(ctx.data.updates).forEach((update, index) => {
      const at = instantIn(update.at, ctx.timeZone);
      if (at === null) return;
      if (started !== null && at < started) {
        report(
          updateAtPointer(index),
          {
            en: 'updates[{index}].at ({value}) is before timestamps.started_at ({started}): an update cannot precede the incident.',
            de: 'updates[{index}].at ({value}) liegt vor timestamps.started_at ({started}): Ein Update kann nicht vor dem Vorfall liegen.',
          },
          { index: String(index), value: String(update.at), started: String(timestamps.started_at) },
        );
      } else if (previousUpdate && at < previousUpdate.at) {
        report(
          updateAtPointer(index),
          {
            en: 'updates[{index}].at ({value}) is older than the update before it ({previous}): list updates in chronological order.',
            de: 'updates[{index}].at ({value}) ist älter als das Update davor ({previous}): Updates chronologisch ordnen.',
          },
          { index: String(index), value: String(update.at), previous: String(previousUpdate.value) },
          true,
        );
      }
      if (!previousUpdate || at >= previousUpdate.at) previousUpdate = { index, at, value: update.at };
    });

    findings.push(...reportingOrder(ctx, this.id));
    findings.push(...futureFindings(ctx, this.id));
    return findings;
  },
};

/** Where an update's time is: built only for a finding (most updates are in order). */
function updateAtPointer(index: number): string {
  return formatPointer(['updates', index, 'at']);
}

/** Notifications sent after the moment they report on, each against the clock of its own law. */
const AFTER_AWARENESS: ReadonlyArray<readonly [string, string, 'gdpr' | 'nis2']> = [
  ['data_loss', 'authority_notified_at', 'gdpr'],
  ['data_loss', 'subjects_informed_at', 'gdpr'],
  ['nis2', 'early_warning_at', 'nis2'],
  ['nis2', 'notification_at', 'nis2'],
  ['nis2', 'progress_report_at', 'nis2'],
  ['nis2', 'final_report_at', 'nis2'],
];

function reportingOrder(ctx: RuleContext, ruleId: string): RawFinding[] {
  const findings: RawFinding[] = [];
  const clocks = { gdpr: gdprAwareness(ctx.data!, ctx.timeZone), nis2: nis2Awareness(ctx.data!, ctx.timeZone) };
  const push = (pointer: string, message: { en: string; de: string }, values: Record<string, string>) =>
    findings.push({ ruleId, message: ctx.t(message, values), ...ctx.at(pointer), path: pointer });
  const started = instantIn(isRecord(ctx.data!.timestamps) ? ctx.data!.timestamps.started_at : undefined, ctx.timeZone);
  for (const from of [clocks.gdpr, clocks.nis2]) {
    if (from && from.pointer !== '/timestamps/detected_at' && started !== null && from.at < started) {
      push(
        from.pointer,
        {
          en: '{field} ({value}) is before timestamps.started_at: nobody can become aware of an incident before it began.',
          de: '{field} ({value}) liegt vor timestamps.started_at: Von einem Vorfall kann niemand vor seinem Beginn Kenntnis erlangen.',
        },
        { field: fieldName(from.pointer), value: String(from.value) },
      );
    }
  }
  for (const [block, key, law] of AFTER_AWARENESS) {
    const from = clocks[law];
    if (!from) continue;
    const holder = ctx.data![block];
    const value = isRecord(holder) ? holder[key] : undefined;
    const at = instantIn(value, ctx.timeZone);
    if (at === null) continue;
    if (at < from.at) {
      push(
        formatPointer([block, key]),
        {
          en: '{field} ({value}) is before {from} ({fromValue}): a notification cannot precede becoming aware of the incident.',
          de: '{field} ({value}) liegt vor {from} ({fromValue}): Eine Meldung kann nicht vor der Kenntnis vom Vorfall liegen.',
        },
        { field: `${block}.${key}`, value: String(value), from: fieldName(from.pointer), fromValue: String(from.value) },
      );
    } else if (block === 'nis2' && (key === 'final_report_at' || key === 'progress_report_at')) {
      const notification = isRecord(holder) ? holder.notification_at : undefined;
      const notifiedAt = instantIn(notification, ctx.timeZone);
      if (notifiedAt !== null && at < notifiedAt) {
        push(
          `/nis2/${key}`,
          key === 'final_report_at'
            ? {
                en: 'nis2.final_report_at ({value}) is before nis2.notification_at ({notification}): the final report follows the notification.',
                de: 'nis2.final_report_at ({value}) liegt vor nis2.notification_at ({notification}): Die Abschlussmeldung folgt auf die Meldung.',
              }
            : {
                en: 'nis2.progress_report_at ({value}) is before nis2.notification_at ({notification}): the progress report follows the notification.',
                de: 'nis2.progress_report_at ({value}) liegt vor nis2.notification_at ({notification}): Die Fortschrittsmeldung folgt auf die Meldung.',
              },
          { value: String(value), notification: String(notification) },
        );
      }
    }
  }
  return findings;
}

function futureFindings(ctx: RuleContext, ruleId: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { pointer, value } of dateTimeFields(ctx.data!)) {
    const at = instantIn(value, ctx.timeZone);
    if (at === null || at <= ctx.now) continue;
    findings.push({
      ruleId,
      message: ctx.t(
        {
          en: '{field} ({value}) lies in the future: record times only once they have happened.',
          de: '{field} ({value}) liegt in der Zukunft: Zeiten erst eintragen, wenn sie eingetreten sind.',
        },
        { field: fieldName(pointer), value: String(value) },
      ),
      ...ctx.at(pointer),
      path: pointer,
    });
  }
  return findings;
}
