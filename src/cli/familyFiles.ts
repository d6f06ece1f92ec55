import { readFileSync } from 'node:fs';
import { familyEntry, normalizePath, type FamilyEntry, type FamilyMember, type FamilyOptions } from '../core';
import { describeIoError } from './ioError';

/**
 * The files of one CLI thread, each read at most once: targets and the parents they name (also
 * parents outside the linted folders). Answers the engine's family lookups synchronously, which
 * is what `lint()` needs. Each worker thread keeps its own: a parent linted by two threads is read
 * once by each.
 */
export class FamilyFiles implements FamilyOptions {
  private readonly entries = new Map<string, FamilyEntry>();

  /** The entry of `path` (read now when it was not read before; unreadable files are entries too). */
  read(path: string): FamilyEntry {
    const key = normalizePath(path);
    let entry = this.entries.get(key);
    if (!entry) {
      try {
        // Synchronous on purpose: one open+read+close per file; see lintTarget.
        entry = familyEntry(key, readFileSync(path, 'utf8'));
      } catch (error) {
        entry = familyEntry(key, null, describeIoError(error));
      }
      this.entries.set(key, entry);
    }
    return entry;
  }

  readonly lookup = (path: string): FamilyEntry => this.read(path);

  /** The same files with the members of the report about to be linted. */
  withMembers(members: readonly FamilyMember[]): FamilyOptions {
    return { lookup: (path) => this.read(path), members };
  }
}
