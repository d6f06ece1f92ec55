/**
 * Strict UTF-8 decoding of a text file's bytes, shared by every host (CLI, language server, VS Code
 * extension) so that all three refuse the same files with the same words. Read as UTF-8 anyway,
 * every umlaut of a Windows-1252 or Latin-1 file becomes U+FFFD, which lint found clean, render
 * published and `approve` wrote back into the report; a NUL (UTF-16, or a binary file) vanished from
 * every output. `TextDecoder` is a web API: the engine stays free of Node; the hosts read the bytes.
 */
import { withoutBom } from './bom';

/** The start every message of {@link NotUtf8Error} shares (hosts and tests recognise it by it). */
export const NOT_UTF8 = 'not UTF-8 text';

/** Bytes that are not UTF-8 text: its message names the first place that is not, and what to do. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  /** The text decoded leniently (U+FFFD for what is not UTF-8), to tell a report from another file. */
  readonly lenientText: string;
  /** Where the first character that is not UTF-8 is (1-based, columns after a byte order mark, as findings count them; 1, 1 for UTF-16): editors mark it there. */
  readonly line: number;
  readonly column: number;

  constructor(message: string, lenientText: string, at: { line: number; column: number } = { line: 1, column: 1 }) {
    super(message);
    this.lenientText = lenientText;
    this.line = at.line;
    this.column = at.column;
  }
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The bytes of a text file as a string (a UTF-8 byte order mark kept, as `readFile(…, 'utf8')`
 * keeps it); throws {@link NotUtf8Error} for bytes that are not UTF-8, a UTF-16 file or a NUL.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new NotUtf8Error(`${NOT_UTF8}: the file is saved as UTF-16; save it as UTF-8`, lenient.decode(bytes));
  }
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const loose = lenient.decode(bytes);
    const at = where(loose, loose.indexOf('\uFFFD'));
    throw new NotUtf8Error(
      `${NOT_UTF8}: the character at line ${at.line}, column ${at.column} is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8`,
      loose,
      at,
    );
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const at = where(text, nul);
    throw new NotUtf8Error(`${NOT_UTF8}: a NUL byte at line ${at.line}, column ${at.column} (a binary or UTF-16 file?); save the file as UTF-8 text`, text, at);
  }
  return text;
}

/** Line and column of the character at `index` (1-based, columns counted as the findings count them: after a byte order mark). */
function where(text: string, index: number): { line: number; column: number } {
  const { text: body, bomLength } = withoutBom(text);
  const at = Math.max(0, index - bomLength);
  const before = body.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
