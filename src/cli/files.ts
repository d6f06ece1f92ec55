import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A file to lint, named as the user will recognise it. */
export interface Target {
  /** The path as given, or as found below a directory that was given. */
  display: string;
  /** Whether the user named the file itself (then it is linted even without being a report). */
  explicit: boolean;
}

/** An argument that could not be turned into files. */
export interface TargetProblem {
  arg: string;
  message: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * Expands CLI arguments: files as given, directories searched recursively for `.md` files (the
 * caller keeps only reports), globs expanded. Problems are collected, not thrown, so the other
 * arguments are still linted.
 */
export async function expandTargets(args: readonly string[]): Promise<{ targets: Target[]; problems: TargetProblem[] }> {
  const targets: Target[] = [];
  const problems: TargetProblem[] = [];
  const seen = new Set<string>();
  const add = (display: string, explicit: boolean) => {
    if (seen.has(display)) return;
    seen.add(display);
    targets.push({ display, explicit });
  };
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      info = null;
    }
    if (info?.isDirectory()) {
      for (const file of await markdownBelow(arg)) add(file, false);
    } else if (info) {
      add(arg, true);
    } else if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { ignore: ['**/node_modules/**'], expandDirectories: false })).sort();
      if (matches.length === 0) problems.push({ arg, message: 'no files match' });
      for (const match of matches) add(match, true);
    } else {
      // Named but missing: still a target, so reading it reports the I/O problem with the others.
      add(arg, true);
    }
  }
  return { targets, problems };
}

async function markdownBelow(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        found.push(path);
      }
    }
  };
  await walk(dir);
  return found;
}

/** The path used for glob matching: relative to the working directory, forward slashes. */
export function matchPath(file: string): string {
  return relative(process.cwd(), file).replace(/\\/g, '/');
}
