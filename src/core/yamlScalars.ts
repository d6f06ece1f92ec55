/**
 * The YAML 1.2 core schema's plain scalars, resolved exactly as the `yaml` package resolves them
 * (its regular expressions are listed next to each test). Both fast data paths use it: js-yaml's
 * resolvers (`yamlData.ts`) and the line reader (`yamlBlock.ts`).
 *
 * Most scalars are prose, so every test starts with a set lookup or a first-character test before
 * any regular expression.
 */

/** `/^(?:~|[Nn]ull|NULL)?$/` */
export const NULL_WORDS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
/** `/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/` */
export const BOOL_WORDS: ReadonlySet<string> = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Every int and float of the core schema starts with a digit, a sign or a dot (`.inf`, `.5`). */
export function mayBeNumber(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */;
}

export const INT_DECIMAL = /^[-+]?[0-9]+$/;
export const INT_OCTAL = /^0o[0-7]+$/;
export const INT_HEX = /^0x[0-9a-fA-F]+$/;

export const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
export const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a core-schema int (one of the INT patterns matched). */
export function intValue(text: string): number {
  return INT_OCTAL.test(text) ? parseInt(text.slice(2), 8) : INT_HEX.test(text) ? parseInt(text.slice(2), 16) : parseInt(text, 10);
}

/** The value of a core-schema float (one of the FLOAT patterns matched). */
export function floatValue(text: string): number {
  if (!FLOAT_SPECIAL.test(text)) return parseFloat(text);
  if (text.slice(-3).toLowerCase() === 'nan') return NaN;
  return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** A plain scalar's value: null, boolean, int and float in the schema's order, else the text itself. */
export function corePlainValue(text: string): unknown {
  // Null and boolean words are at most five characters long: prose is not hashed for the lookups.
  if (text.length <= 5) {
    if (NULL_WORDS.has(text)) return null;
    if (BOOL_WORDS.has(text)) return text[0] === 't' || text[0] === 'T';
  }
  if (!mayBeNumber(text)) return text;
  if (INT_DECIMAL.test(text) || INT_OCTAL.test(text) || INT_HEX.test(text)) return intValue(text);
  if (FLOAT_SPECIAL.test(text) || FLOAT_EXP.test(text) || FLOAT.test(text)) return floatValue(text);
  return text;
}
