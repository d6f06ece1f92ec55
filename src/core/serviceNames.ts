/** Service names for completion: from a catalog file and from other reports. */
import { parseDocument } from 'yaml';
import { locateFrontmatter, stripBom } from './frontmatter';

/**
 * Service names from a catalog file: YAML or JSON (JSON is YAML), either a list of names, a list of
 * `{name}` objects, or a mapping with such a list under `services`. Anything else gives no names.
 */
export function serviceNamesFromCatalog(text: string): string[] {
  let data: unknown;
  try {
    const doc = parseDocument(text, { version: '1.2', logLevel: 'error' });
    if (doc.errors.length > 0) return [];
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) data = (data as Record<string, unknown>).services;
  return names(data);
}

/** The `affected_services[].name` values of a report's frontmatter (no Markdown parsing needed). */
export function serviceNamesOfReport(text: string): string[] {
  const frontmatter = locateFrontmatter(stripBom(text));
  if (frontmatter.kind !== 'yaml') return [];
  try {
    const doc = parseDocument(frontmatter.source, { version: '1.2', logLevel: 'error' });
    if (doc.errors.length > 0) return [];
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
    return names((data as Record<string, unknown>).affected_services);
  } catch {
    return [];
  }
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const entry of list) {
    const name = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as Record<string, unknown>).name : undefined;
    if (typeof name === 'string' && name.trim() !== '') out.add(name.trim());
  }
  return [...out];
}
