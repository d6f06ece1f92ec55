import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Localized } from '../core';
import { ioReason } from './ioError';

/** A file to lint, named as the user will recognise it. */
export interface Target {
  /** The path as given, or as found below a directory that was given. */
  display: string;
  /** Whether the user named the file itself or a glob matched it (then it is linted even without being a report). */
  explicit: boolean;
  /**
   * Found below a directory or by a glob, not named itself: the configuration's `ignores` leave it
   * out. A file the user named is linted even when ignored (never silently skipped).
   */
  ignorable: boolean;
}

/**
 * Whether the configuration's `ignores` leaves out a path found below a folder: everything below a
 * folder (`folder`), or a file. Gives the configuration file that says so (as messages name it), or
 * `null`.
 */
export type IgnoredBy = (path: string, folder: boolean) => Promise<string | null>;

/** A folder below the given ones that was not searched: `ignores` in `source` leaves out everything in it. */
export interface IgnoredFolder {
  path: string;
  source: string;
}

/** An argument that could not be turned into files: why, in both languages (printed in the run's). */
export interface TargetProblem {
  arg: string;
  message: Localized;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * Expands CLI arguments: files as given, directories searched recursively for `.md` files (the
 * caller keeps only reports), globs expanded (the caller leaves out what these two found that the
 * configuration `ignores`). Problems are collected, not thrown, so the other
 * arguments are still linted.
 */
export async function expandTargets(args: readonly string[], ignoredBy?: IgnoredBy): Promise<{ targets: Target[]; problems: TargetProblem[]; ignoredFolders: IgnoredFolder[] }> {
  const targets: Target[] = [];
  const problems: TargetProblem[] = [];
  const ignoredFolders: IgnoredFolder[] = [];
  const seen = new Map<string, Target>();
  const add = (display: string, explicit: boolean, ignorable: boolean) => {
    const known = seen.get(display);
    if (known) {
      // Found below a folder and named as well: named wins (linted, not ignored).
      known.explicit ||= explicit;
      known.ignorable &&= ignorable;
      return;
    }
    const target = { display, explicit, ignorable };
    seen.set(display, target);
    targets.push(target);
  };
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      info = null;
    }
    if (info?.isDirectory()) {
      for (const file of await markdownBelow(arg, problems, ignoredFolders, ignoredBy)) add(file, false, true);
    } else if (info) {
      add(arg, true, false);
    } else if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { ignore: ['**/node_modules/**'], expandDirectories: false })).sort();
      if (matches.length === 0) problems.push({ arg, message: { en: 'no files match', de: 'keine Dateien passen' } });
      for (const match of matches) add(match, true, true);
    } else {
      // Named but missing: still a target, so reading it reports the I/O problem with the others.
      add(arg, true, false);
    }
  }
  return { targets, problems, ignoredFolders };
}

/**
 * The `.md` files below `dir`, symbolic links followed: a report linked into `incidents/` (shared
 * between two folders, or kept elsewhere) is a report like any other. Before, only `Dirent.isFile()`
 * counted, so a linked report went unchecked while lint said the folder was clean. Links to folders
 * are followed as well (as tinyglobby, which expands the globs, follows them by default); a folder
 * that is already being walked above (a link back to a parent) is not walked again, so a link loop
 * ends. What cannot be walked or read is a problem that names the path: a link whose target is
 * missing, a link loop without end, a folder that cannot be read. Sorted by name per folder.
 */
async function markdownBelow(dir: string, problems: TargetProblem[], ignoredFolders: IgnoredFolder[], ignoredBy?: IgnoredBy): Promise<string[]> {
  const found: string[] = [];
  /** A folder that `ignores` leaves out is not searched at all (a broken link in an archive was a problem of the run). */
  const skipped = async (path: string): Promise<boolean> => {
    const source = ignoredBy ? await ignoredBy(path, true) : null;
    if (source !== null) ignoredFolders.push({ path, source });
    return source !== null;
  };
  const walk = async (current: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      const reason = ioReason(error);
      problems.push({ arg: current, message: { en: `folder not read: ${reason.en}`, de: `Ordner nicht gelesen: ${reason.de}` } });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(current, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        // An ignored link is not followed: as a folder, it is not searched; as a Markdown file, it is
        // left out unread with the other ignored files.
        if (await skipped(path)) continue;
        if (ignoredBy && entry.name.toLowerCase().endsWith('.md') && (await ignoredBy(path, false)) !== null) {
          found.push(path);
          continue;
        }
        try {
          const target = await stat(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          problems.push({ arg: path, message: await brokenLink(path, error) });
          continue;
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
        if (!entry.isSymbolicLink() && (await skipped(path))) continue;
        const real = await realpath(path).catch(() => null);
        // A folder that is already being walked above: a link back up; its files are found there.
        if (real === null || ancestors.has(real)) continue;
        await walk(path, new Set([...ancestors, real]));
      } else if (isFile && entry.name.toLowerCase().endsWith('.md')) {
        found.push(path);
      }
    }
  };
  if (await skipped(dir)) return found;
  const root = await realpath(dir).catch(() => resolve(dir));
  await walk(dir, new Set([root]));
  return found;
}

/** Why a symbolic link leads nowhere, with where it points. */
async function brokenLink(path: string, error: unknown): Promise<Localized> {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const to = await readlink(path).then((target) => ` (→ ${target})`, () => '');
  if (code === 'ENOENT') return { en: `symbolic link to a file or folder that does not exist${to}; not checked`, de: `symbolischer Link auf eine Datei oder einen Ordner, die es nicht gibt${to}; nicht geprüft` };
  const reason = ioReason(error);
  return { en: `symbolic link not followed${to}: ${reason.en}; not checked`, de: `symbolischem Link nicht gefolgt${to}: ${reason.de}; nicht geprüft` };
}

/** The path used for glob matching: relative to the working directory, forward slashes. */
export function matchPath(file: string): string {
  return relative(process.cwd(), file).replace(/\\/g, '/');
}
