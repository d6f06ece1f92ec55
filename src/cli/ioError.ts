import { IO_REASONS, NotUtf8Error, t, type Locale, type Localized } from '../core';

/**
 * Why a read (or write) failed, in both languages: a file that is not UTF-8 says where and what to
 * do; an error Node gives no known code for keeps its own (English) text in both.
 */
export function ioReason(error: unknown): Localized {
  if (error instanceof NotUtf8Error) return error.text;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code !== undefined ? IO_REASONS[code] : undefined;
  if (known) return known;
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, de: text };
}

/** A readable reason for a failed read, in `locale`. */
export function describeIoError(error: unknown, locale: Locale): string {
  return t(locale, ioReason(error));
}

/** `prefix` (a path and `: `, the same in both languages) and why it failed, in both languages. */
export function ioProblem(prefix: string, error: unknown): Localized {
  const reason = ioReason(error);
  return { en: prefix + reason.en, de: prefix + reason.de };
}
