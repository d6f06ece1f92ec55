import { UsageError } from './args';
import { describeIoError } from './ioError';
import { readTextFile } from './textFile';

/**
 * Reads a schema file (`--schema`, or the configuration's `schema`); an unreadable or non-JSON file
 * is a usage problem (exit 2). `label` prefixes the path in messages (e.g. "--schema ", or
 * `.incident-report.json: "schema": `); `shown` is the path as messages name it (default: `path`).
 */
export async function loadSchemaFile(path: string, label = '--schema ', shown = path): Promise<unknown> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    throw new UsageError(`${label}${shown}: ${describeIoError(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${label}${shown}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
