/**
 * Counts as their author wrote them. A whole-number field written the German way, `41.000`, is the
 * decimal number 41 to YAML, and `41,000` is text: the rule `count-format` reports both, and the
 * publication model prints the number that was meant (41000), never the 41 YAML read.
 */
import type { ParsedReport } from './parse';

/** Digits with separators between them (a leading sign allowed): what a count must not look like. */
const SEPARATED = /^[+-]?\d+(?:[.,  \u202f]\d+)+$/u;
/** Thousands groups: one to three digits, then groups of exactly three after one kind of separator. */
const THOUSANDS = /^\d{1,3}(?:([.,  \u202f])\d{3})(?:\1\d{3})*$/u;

/** How a count is written: with separators between its digits, and then the number meant when that is unambiguous (`41000` for `41.000`). */
export function writtenCount(source: string): { separated: boolean; meant: string | null } {
  if (!SEPARATED.test(source)) return { separated: false, meant: null };
  const digits = source.replace(/^[+-]/, '');
  return { separated: true, meant: THOUSANDS.test(digits) ? source.replace(/[.,  \u202f]/gu, '') : null };
}

/**
 * The count at `pointer` as its author meant it: the value when it is written as a plain whole
 * number, the number meant when it is written with thousands separators (`41.000`, which YAML read
 * as 41, and the text `"1,200,000"` → 1200000, as count-format's quick fix writes them), and `null`
 * for anything else (a fraction, other text): what could not be read is not printed.
 */
export function countAsWritten(report: ParsedReport, pointer: string, value: unknown): number | null {
  // Text reads as written, as count-format reads it.
  if (typeof value === 'string') return wholeNumber(writtenCount(value.trim()).meant);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return null;
  const scalar = report.yaml?.scalar(pointer);
  if (!scalar || !report.yaml) return value;
  const written = writtenCount(report.yaml.source.slice(scalar.offset, scalar.endOffset));
  return written.separated ? wholeNumber(written.meant) : value;
}

/** The number of digits meant, when it is a count (not negative). */
function wholeNumber(meant: string | null): number | null {
  const number = meant === null ? NaN : Number(meant);
  return Number.isSafeInteger(number) && number >= 0 ? number : null;
}
