/** Service names for completion: from a catalog file and from other reports. */
import { isRecord } from '../report/fields';
import { parseReport, type ParsedReport } from '../report/parse';
import { readYaml } from '../yaml';

/**
 * Service names from a catalog file: YAML or JSON (JSON is YAML), either a list of names, a list of
 * `{name}` objects, or a mapping with such a list under `services`. Anything else gives no names.
 */
export function serviceNamesFromCatalog(text: string): string[] {
  // Read like a frontmatter: no data from a file with errors or too many aliases.
  const data = readYaml(text, 0).data;
  return names(isRecord(data) ? data.services : data);
}

/** The `affected_services[].name` values of a report (parsed, or its text; none while its frontmatter cannot be read). */
export function serviceNamesOfReport(input: string | ParsedReport): string[] {
  const data = (typeof input === 'string' ? parseReport(input) : input).data;
  return isRecord(data) ? names(data.affected_services) : [];
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
