/** Where and what a JSON syntax error is, in both languages: shared by the configuration file and the files read as JSON (release files, schemas). */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { withoutBom } from './bom';
import type { Localized } from './types';

/** 1-based line and UTF-16 column of `offset`, and where a mark of `length` from there ends on its line. */
export function position(text: string, offset: number, length: number): { line: number; column: number; endColumn: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // The mark stays on its line (editors show it there): at most to the line's end, without its `\r`.
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd > offset && text[lineEnd - 1] === '\r') lineEnd--;
  const end = Math.max(offset, Math.min(offset + Math.max(length, 1), lineEnd));
  return { line, column: offset - lineStart + 1, endColumn: end - lineStart + 1 };
}

/** The JSON parser's error codes in German (the English words are the codes' own, see {@link describeSyntax}). */
export const SYNTAX_DE: Record<string, string> = {
  InvalidSymbol: 'ungültiges Symbol',
  InvalidNumberFormat: 'ungültiges Zahlenformat',
  PropertyNameExpected: 'Name einer Eigenschaft erwartet',
  ValueExpected: 'Wert erwartet',
  ColonExpected: 'Doppelpunkt erwartet',
  CommaExpected: 'Komma erwartet',
  CloseBraceExpected: 'schließende geschweifte Klammer erwartet',
  CloseBracketExpected: 'schließende eckige Klammer erwartet',
  EndOfFileExpected: 'Dateiende erwartet',
  InvalidCommentToken: 'ungültiger Kommentar',
  UnexpectedEndOfComment: 'unerwartetes Ende eines Kommentars',
  UnexpectedEndOfString: 'unerwartetes Ende einer Zeichenkette',
  UnexpectedEndOfNumber: 'unerwartetes Ende einer Zahl',
  InvalidUnicode: 'ungültiges Unicode-Zeichen',
  InvalidEscapeCharacter: 'ungültige Escape-Sequenz',
  InvalidCharacter: 'ungültiges Zeichen',
};

/**
 * The first syntax error of strict JSON `text` with its line and column (1-based), as the
 * configuration's problems name them: `{ en: 'comma expected at line 3, column 5', de: 'Komma
 * erwartet in Zeile 3, Spalte 5' }`; `null` when the parser finds none (the caller keeps the
 * runtime's words then). For files whose English message keeps `JSON.parse`'s detail, whose German one did too.
 */
export function jsonSyntaxDetail(text: string): Localized | null {
  const input = withoutBom(text).text;
  const syntax: ParseError[] = [];
  parseTree(input, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = syntax[0];
  if (!first) return null;
  const code = printParseErrorCode(first.error);
  const { line, column } = position(input, first.offset, first.length);
  return { en: `${describeSyntax(code)} at line ${line}, column ${column}`, de: `${SYNTAX_DE[code] ?? describeSyntax(code)} in Zeile ${line}, Spalte ${column}` };
}

/**
 * `JSON.parse`'s error on `text` in both languages: its own words in English (as before), in German
 * "kein gültiges JSON" with what and where (a schema file, in the editors).
 */
export function notValidJson(error: SyntaxError, text: string): Localized {
  return { en: error.message, de: `kein gültiges JSON (${jsonSyntaxDetail(text)?.de ?? error.message})` };
}

/** jsonc-parser's error codes ("CommaExpected") as words ("comma expected"). */
export function describeSyntax(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
