import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../core';

// The decoding is the engine's (shared with the language server and the extension); reading is Node's.
export { decodeUtf8, NotUtf8Error } from '../core';

/** Reads a text file strictly as UTF-8 (see {@link decodeUtf8}); I/O errors are thrown as they are. */
export async function readTextFile(path: string): Promise<string> {
  return decodeUtf8(await readFile(path));
}

/** {@link readTextFile}, synchronously (the family lookups of a lint are synchronous). */
export function readTextFileSync(path: string): string {
  return decodeUtf8(readFileSync(path));
}
