import { fieldPointer } from '../yaml/pointer';

/** A date-time field of a report and its value as written. */
export interface DateTimeField {
  pointer: string;
  value: unknown;
}

const TIMESTAMP_KEYS = ['started_at', 'detected_at', 'contained_at', 'resolved_at', 'published_at'] as const;
const NIS2_KEYS = ['aware_at', 'early_warning_at', 'notification_at', 'progress_report_at', 'final_report_at', 'handled_at'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function items(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : [];
}

/**
 * Every field of a report that holds a date-time (the contract of schema v1), in document-model
 * order. `expected_restoration` is included only when `includeForecasts` is set: it may be a date.
 */
export function dateTimeFields(data: Record<string, unknown>, includeForecasts = false): DateTimeField[] {
  const fields: DateTimeField[] = [];
  const push = (value: unknown, first: string, second?: string | number, third?: string | number, fourth?: string) => {
    if (value === undefined || value === null) return;
    fields.push({ pointer: fourth === undefined ? fieldPointer(first, second, third) : `${fieldPointer(first, second, third)}/${fourth}`, value });
  };
  const timestamps = isRecord(data.timestamps) ? data.timestamps : {};
  for (const key of TIMESTAMP_KEYS) push(timestamps[key], 'timestamps', key);
  items(data.affected_services).forEach((s, i) => push(s.restored_at, 'affected_services', i, 'restored_at'));
  if (isRecord(data.data_loss)) {
    push(data.data_loss.aware_at, 'data_loss', 'aware_at');
    push(data.data_loss.authority_notified_at, 'data_loss', 'authority_notified_at');
    push(data.data_loss.subjects_informed_at, 'data_loss', 'subjects_informed_at');
    items(data.data_loss.controllers).forEach((c, i) => push(c.notified_at, 'data_loss', 'controllers', i, 'notified_at'));
  }
  items(data.authorities).forEach((a, i) => push(a.notified_at, 'authorities', i, 'notified_at'));
  if (isRecord(data.nis2)) for (const key of NIS2_KEYS) push(data.nis2[key], 'nis2', key);
  items(data.updates).forEach((u, i) => push(u.at, 'updates', i, 'at'));
  if (isRecord(data.approval)) push(data.approval.approved_at, 'approval', 'approved_at');
  if (includeForecasts) push(data.expected_restoration, 'expected_restoration');
  return fields;
}

/** Reads a nested field of plain data by segments, `undefined` when absent. */
export function getIn(data: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = data;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

export { isRecord, items as recordItems };
