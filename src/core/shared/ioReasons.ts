import type { Localized } from './types';

/**
 * Why a file could not be read or written, in both languages, by Node's error code: the words of
 * every host (the CLI and the language server by Node's code, the VS Code extension by the code its
 * file system error maps to).
 */
export const IO_REASONS: Readonly<Record<string, Localized>> = {
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

/** A file that cannot be read for a reason no code tells (the editor's file systems give no more). */
export const UNREADABLE: Localized = { en: 'the file cannot be read', de: 'die Datei kann nicht gelesen werden' };
