import { readFile } from 'node:fs/promises';
import { UsageError } from './args';
import { describeIoError } from './ioError';

/** Reads a `--schema` file; an unreadable or non-JSON file is a usage problem (exit 2). */
export async function loadSchemaFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--schema ${path}: ${describeIoError(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--schema ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
