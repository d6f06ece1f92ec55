import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Document URIs as the server keys them. Clients spell the same file differently (Neovim encodes
 * fewer characters than Node's `pathToFileURL`), so every `file:` URI is keyed in one spelling; the
 * client's own spelling is kept only to answer it.
 */
export function canonicalUri(uri: string): string {
  const path = filePath(uri);
  return path === null ? uri : pathToFileURL(path).href;
}

/** The file system path of a `file:` URI, or `null` for other schemes (`untitled:`) and malformed URIs. */
export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The URI of a file system path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The path part of any URI (decoded), for documents that are not files. */
export function uriPath(uri: string): string {
  const path = filePath(uri);
  if (path !== null) return path;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
