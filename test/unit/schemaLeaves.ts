/**
 * The string leaves of a report schema, enumerated from the schema itself (so a field added to the
 * schema is covered by the publication tests without touching them), and a report that fills them.
 * Used by test/unit/publish.test.ts and scripts/gen-published-fields.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseReport } from '../../src/core';

type Schema = Record<string, any>;
type Segment = string | number;

export const ROOT = join(__dirname, '..', '..');
export const BUNDLED: Schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'incident-report.schema.json'), 'utf8'));

/** The report every-field tests start from: rich, valid, German, with a DPO that is published. */
export const BASE_REPORT = 'examples/incidents/2023-10-30-suedwestfalen-it.md';

/** Follows a node's local `$ref`s: to `$defs` and to any other place of the schema (`#/properties/data_loss/properties/data_categories`). */
function resolve(schema: Schema, node: Schema): Schema {
  let current = node;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const pointer = /^#(\/.*)$/.exec(current.$ref)?.[1];
    let target: any = pointer === undefined ? undefined : schema;
    for (const raw of pointer?.slice(1).split('/') ?? []) target = target?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target && typeof target === 'object' ? target : {};
  }
  return current;
}

function isStringLeaf(schema: Schema, node: Schema): boolean {
  const n = resolve(schema, node);
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
  if (types.includes('string')) return true;
  if (typeof n.const === 'string' || (Array.isArray(n.enum) && n.enum.some((v: unknown) => typeof v === 'string'))) return true;
  return ['anyOf', 'oneOf', 'allOf'].some((k) => Array.isArray(n[k]) && n[k].some((branch: Schema) => isStringLeaf(schema, branch)));
}

/**
 * Every string leaf as segments (array items at index 0), plus an `x-planted` key in every object
 * that allows `x-*` keys: the places where a writer can type text.
 */
export function stringLeaves(schema: Schema = BUNDLED): Segment[][] {
  const leaves: Segment[][] = [];
  const walk = (node: Schema, at: Segment[], depth: number) => {
    const n = resolve(schema, node);
    if (depth > 8) return;
    if (n.properties || n.patternProperties) {
      for (const [key, child] of Object.entries<Schema>(n.properties ?? {})) walk(child, [...at, key], depth + 1);
      if (n.patternProperties && Object.keys(n.patternProperties).some((p) => p.startsWith('^x-'))) leaves.push([...at, 'x-planted']);
      return;
    }
    if (n.items && typeof n.items === 'object') {
      walk(n.items, [...at, 0], depth + 1);
      return;
    }
    if (isStringLeaf(schema, n)) leaves.push(at);
  };
  walk(schema, [], 0);
  return leaves;
}

/** `affected_services[].name` for `['affected_services', 0, 'name']`. */
export function fieldPattern(segments: readonly Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? '[]' : (i === 0 ? '' : '.') + s)).join('');
}

/** RFC 6901 pointer of segments (the planted keys need no escaping). */
export function pointerOf(segments: readonly Segment[]): string {
  return '/' + segments.join('/');
}

/** The base report split into its frontmatter data and its body (from the closing `---` on). */
export function baseReport(): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(join(ROOT, BASE_REPORT), 'utf8');
  const report = parseReport(text);
  if (report.frontmatter.kind !== 'yaml') throw new Error(`${BASE_REPORT} has no frontmatter`);
  return { data: structuredClone(report.data) as Record<string, unknown>, body: text.slice(report.frontmatter.close.offset) };
}

/** Sets `value` at `segments`, creating objects and one-item lists on the way (items copy the first one). */
export function setIn(data: Record<string, unknown>, segments: readonly Segment[], value: unknown): void {
  let current: any = data;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (last) {
      current[segment] = value;
      return;
    }
    const nextIsIndex = typeof segments[i + 1] === 'number';
    if (current[segment] === undefined || current[segment] === null || typeof current[segment] !== 'object') {
      current[segment] = nextIsIndex ? [{}] : {};
    }
    current = current[segment];
  });
}

/** A report document from frontmatter data and a body that starts with the closing `---`. */
export function reportText(data: Record<string, unknown>, body: string): string {
  // No line folding: a planted value stays on one line, so it is found as written.
  return `---\n${stringify(data, { lineWidth: 0, version: '1.2' })}${body}`;
}

/** The base report with every string leaf that it leaves empty filled with `filler(pattern)`. */
export function everyFieldReport(filler: (pattern: string) => string): string {
  const { data, body } = baseReport();
  for (const leaf of stringLeaves()) {
    let current: any = data;
    for (const segment of leaf) current = current?.[segment];
    if (current === undefined) setIn(data, leaf, filler(fieldPattern(leaf)));
  }
  return reportText(data, body);
}
