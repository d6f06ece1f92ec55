import type { Finding, Locale } from '../../core';

/** The lint outcome of one file, as the formatters receive it. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read; then `findings` is empty. */
  ioError?: string;
}

/** Turns results into the text written to stdout. */
export type Formatter = (results: readonly FileResult[], options: { locale: Locale; color: boolean }) => string;
