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
  // The pointer is looked up only for a value that is there.
  const push = (value: unknown, first: string, second?: string | number, third?: string | number, fourth?: string) => {
    if (value === undefined || value === null) return;
    fields.push({ pointer: fourth === undefined ? fieldPointer(first, second, third) : `${fieldPointer(first, second, third)}/${fourth}`, value });
  };
  const timestamps = data.timestamps;
  if (isRecord(timestamps)) for (const key of TIMESTAMP_KEYS) push(timestamps[key], 'timestamps', key);
  // Index loops over the lists, not copies of them: an item that is no mapping has no such field.
  const services = data.affected_services;
  if (Array.isArray(services)) {
    for (let i = 0; i < services.length; i++) if (isRecord(services[i])) push(services[i].restored_at, 'affected_services', i, 'restored_at');
  }
  const dataLoss = data.data_loss;
  if (isRecord(dataLoss)) {
    push(dataLoss.aware_at, 'data_loss', 'aware_at');
    push(dataLoss.authority_notified_at, 'data_loss', 'authority_notified_at');
    push(dataLoss.subjects_informed_at, 'data_loss', 'subjects_informed_at');
    const controllers = dataLoss.controllers;
    if (Array.isArray(controllers)) {
      for (let i = 0; i < controllers.length; i++) if (isRecord(controllers[i])) push(controllers[i].notified_at, 'data_loss', 'controllers', i, 'notified_at');
    }
  }
  const authorities = data.authorities;
  if (Array.isArray(authorities)) {
    for (let i = 0; i < authorities.length; i++) if (isRecord(authorities[i])) push(authorities[i].notified_at, 'authorities', i, 'notified_at');
  }
  const nis2 = data.nis2;
  if (isRecord(nis2)) for (const key of NIS2_KEYS) push(nis2[key], 'nis2', key);
  const updates = data.updates;
  if (Array.isArray(updates)) {
    for (let i = 0; i < updates.length; i++) if (isRecord(updates[i])) push(updates[i].at, 'updates', i, 'at');
  }
  if (isRecord(data.approval)) push(data.approval.approved_at, 'approval', 'approved_at');
  if (includeForecasts) push(data.expected_restoration, 'expected_restoration');
  return fields;
}

/**
 * Reads a nested field of plain data by segments, `undefined` when absent. A list is stepped into
 * by a number or by the digits of one, as a JSON Pointer's segments (`parsePointer`) give it.
 */
export function getIn(data: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = data;
  for (const segment of segments) {
    if (Array.isArray(current)) current = typeof segment === 'number' || /^(?:0|[1-9]\d*)$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

export { isRecord, items as recordItems };
