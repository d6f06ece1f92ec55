import { jsonSyntaxDetail, type Locale } from '../core';
import { UsageError } from './args';
import { ioProblem } from './ioError';
import { readTextFile } from './textFile';

/**
 * Reads a schema file (`--schema`, or the configuration's `schema`); an unreadable or non-JSON file
 * is a usage problem (exit 2). `label` prefixes the path in messages (e.g. "--schema ", or
 * `.incident-report.json: "schema": `); `shown` is the path as messages name it (default: `path`).
 * `locale`: the language the configuration file that names the schema sets, if any.
 */
export async function loadSchemaFile(path: string, label = '--schema ', shown = path, locale?: Locale): Promise<unknown> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    throw new UsageError(ioProblem(`${label}${shown}: `, error), locale);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // In English the runtime's words; in German the first syntax error with its line and column.
    const runtime = error instanceof Error ? error.message : String(error);
    throw new UsageError({ en: `${label}${shown}: not valid JSON (${runtime})`, de: `${label}${shown}: kein gültiges JSON (${jsonSyntaxDetail(text)?.de ?? runtime})` }, locale);
  }
}
