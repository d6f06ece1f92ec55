import { NotUtf8Error, t, type Locale, type Localized } from '../core';

/** The reasons of failed reads and writes by Node's error code, in both languages. */
const IO_REASONS: Readonly<Record<string, Localized>> = {
  ENOENT: { en: 'file not found', de: 'Datei nicht gefunden' },
  EACCES: { en: 'permission denied', de: 'Zugriff verweigert' },
  EPERM: { en: 'permission denied', de: 'Zugriff verweigert' },
  EISDIR: { en: 'is a directory', de: 'ist ein Ordner' },
  // mkdir of a path that is a file (`--out` of the status page or `new`): Node's own text named the syscall.
  EEXIST: { en: 'exists and is not a directory', de: 'existiert und ist kein Ordner' },
  ENOTDIR: { en: 'a part of the path is a file, not a directory', de: 'ein Teil des Pfads ist eine Datei, kein Ordner' },
  ELOOP: { en: 'too many levels of symbolic links (a link that points to itself?)', de: 'zu viele Ebenen symbolischer Links (ein Link, der auf sich selbst zeigt?)' },
  ENAMETOOLONG: { en: 'file name too long', de: 'Dateiname zu lang' },
  ENOSPC: { en: 'no space left on the device', de: 'kein Speicherplatz mehr auf dem Gerät' },
  EROFS: { en: 'read-only file system', de: 'schreibgeschütztes Dateisystem' },
};

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
