import { parseDocument } from 'yaml';
import { YAML_OPTIONS } from './document';

/**
 * Writes a value as a one-line YAML scalar for inserting into a report: plain when YAML 1.2 (what
 * the engine reads) gives back exactly the same value, otherwise double-quoted. So `no`,
 * `major_outage` and `2023-10-30T01:01:00+01:00` stay plain, while `Foo: Bar`, `#1` or `123` as text
 * are quoted and cannot turn into something else.
 */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (text === '' || text !== text.trim() || /[\r\n\t]/.test(text)) return JSON.stringify(text);
  const doc = parseDocument(`k: ${text}\n`, YAML_OPTIONS);
  let readsBack = false;
  try {
    readsBack = doc.errors.length === 0 && doc.warnings.length === 0 && (doc.toJS() as { k?: unknown } | null)?.k === text;
  } catch {
    // `*a` reads as an alias that resolves to nothing (toJS throws): as text it must be quoted.
  }
  return readsBack ? text : JSON.stringify(text);
}
