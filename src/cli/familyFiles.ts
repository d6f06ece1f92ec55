import { familyEntry, normalizePath, type FamilyEntry, type FamilyMember, type FamilyOptions } from '../core';
import { ioReason } from './ioError';
import { decodeUtf8, NotUtf8Error, readTextFileSync } from './textFile';

/**
 * The files of one CLI thread, each read at most once: targets and the parents they name (also
 * parents outside the linted folders). Answers the engine's family lookups synchronously, which
 * is what `lint()` needs. Each worker thread keeps its own: a parent linted by two threads is read
 * once by each.
 */
export class FamilyFiles implements FamilyOptions {
  private readonly entries = new Map<string, FamilyEntry>();
  /** The lenient text of files that are not UTF-8 (their entries have no text): only to look for the report marker. */
  private readonly undecodable = new Map<string, string>();

  /** The entry of `path` (read now when it was not read before; unreadable files are entries too). */
  read(path: string): FamilyEntry {
    const key = normalizePath(path);
    let entry = this.entries.get(key);
    if (!entry) {
      // Synchronous on purpose: one open+read+close per file; see lintTarget.
      entry = this.decode(key, () => readTextFileSync(path));
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Makes `bytes` (standard input) the text of `path`, whatever is on disk there: the text piped in
   * is the one being edited. Decoded exactly as a file is, so Latin-1 on a pipe is refused with the
   * same words.
   */
  provide(path: string, bytes: Uint8Array): void {
    const key = normalizePath(path);
    this.entries.set(key, this.decode(key, () => decodeUtf8(bytes)));
  }

  /** The entry of `key` with the text `load` gives, or with why it gave none. */
  private decode(key: string, load: () => string): FamilyEntry {
    try {
      return familyEntry(key, load());
    } catch (error) {
      if (error instanceof NotUtf8Error) this.undecodable.set(key, error.lenientText);
      return familyEntry(key, null, ioReason(error));
    }
  }

  /**
   * The text of a file that was not read because it is not UTF-8, decoded leniently, or `undefined`:
   * a file found below a folder is refused for its encoding only when it is a report.
   */
  undecodableText(path: string): string | undefined {
    return this.undecodable.get(normalizePath(path));
  }

  readonly lookup = (path: string): FamilyEntry => this.read(path);

  /** The same files with the members of the report about to be linted. */
  withMembers(members: readonly FamilyMember[]): FamilyOptions {
    return { lookup: (path) => this.read(path), members };
  }
}
