/**
 * Strict UTF-8 decoding of a text file's bytes, shared by every host (CLI, language server, VS Code
 * extension) so that all three refuse the same files with the same words. Read as UTF-8 anyway,
 * every umlaut of a Windows-1252 or Latin-1 file becomes U+FFFD, which lint found clean, render
 * published and `approve` wrote back into the report; a NUL (UTF-16, or a binary file) vanished from
 * every output. `TextDecoder` is a web API: the engine stays free of Node; the hosts read the bytes.
 */
import { withoutBom } from './bom';
import type { Localized } from './types';

/** The start every English message of {@link NotUtf8Error} shares (its `text.en`, and its `message`). */
export const NOT_UTF8 = 'not UTF-8 text';
/** The start of every German message of {@link NotUtf8Error} (its `text.de`). */
export const NOT_UTF8_DE = 'kein UTF-8-Text';

/** What is wrong with the bytes: saved as UTF-16, a byte sequence that is not UTF-8, or a NUL. */
export type NotUtf8Kind = 'utf16' | 'invalid' | 'nul';

/**
 * Bytes that are not UTF-8 text: its message names the first place that is not, and what to do.
 * `message` is English (logs, hosts without a language); `text` has it in both languages. Recognise
 * it by its class or {@link NotUtf8Error.kind}, not by the words (they are German with a German locale).
 */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  /** The message in both languages (`text.en` is `message`). */
  readonly text: Localized;
  readonly kind: NotUtf8Kind;
  /** The text decoded leniently (U+FFFD for what is not UTF-8), to tell a report from another file. */
  readonly lenientText: string;
  /** Where the first character that is not UTF-8 is (1-based, columns after a byte order mark, as findings count them; 1, 1 for UTF-16): editors mark it there. */
  readonly line: number;
  readonly column: number;

  constructor(kind: NotUtf8Kind, lenientText: string, at: { line: number; column: number } = { line: 1, column: 1 }) {
    const text = notUtf8Text(kind, at);
    super(text.en);
    this.text = text;
    this.kind = kind;
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
    throw new NotUtf8Error('utf16', lenient.decode(bytes));
  }
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const loose = lenient.decode(bytes);
    const at = where(loose, loose.indexOf('\uFFFD'));
    throw new NotUtf8Error('invalid', loose, at);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const at = where(text, nul);
    throw new NotUtf8Error('nul', text, at);
  }
  return text;
}

/** The message of a {@link NotUtf8Error} of `kind` at `at`, in both languages. */
function notUtf8Text(kind: NotUtf8Kind, at: { line: number; column: number }): Localized {
  const { line, column } = at;
  switch (kind) {
    case 'utf16':
      return { en: `${NOT_UTF8}: the file is saved as UTF-16; save it as UTF-8`, de: `${NOT_UTF8_DE}: die Datei ist als UTF-16 gespeichert; als UTF-8 speichern` };
    case 'invalid':
      return {
        en: `${NOT_UTF8}: the character at line ${line}, column ${column} is not UTF-8 (saved as Windows-1252 or Latin-1?); save the file as UTF-8`,
        de: `${NOT_UTF8_DE}: das Zeichen in Zeile ${line}, Spalte ${column} ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern`,
      };
    case 'nul':
      return {
        en: `${NOT_UTF8}: a NUL byte at line ${line}, column ${column} (a binary or UTF-16 file?); save the file as UTF-8 text`,
        de: `${NOT_UTF8_DE}: ein NUL-Byte in Zeile ${line}, Spalte ${column} (eine Binär- oder UTF-16-Datei?); die Datei als UTF-8-Text speichern`,
      };
  }
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
