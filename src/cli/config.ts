import { lstat, readlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, mergeConfigs, parseProjectConfig, type ProjectConfig } from '../core';
import { UsageError, type LintArgs, type RenderArgs } from './args';
import { ioProblem } from './ioError';
import { pathInside } from './paths';
import { readTextFile } from './textFile';

/** A configuration as it applies to some files: the file it came from (or none) and its folder. */
export interface LoadedConfig {
  /** Absolute path of the `.incident-report.json`, or `null` when no file applies. */
  file: string | null;
  /** The folder relative paths and `files` globs are taken against: the file's folder, else the working directory. */
  base: string;
  config: ProjectConfig;
}

/** How a configuration file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  return pathInside(process.cwd(), file) || file;
}

/**
 * Reads and checks one configuration file. A missing `--config` file is a usage problem; an
 * invalid one throws `ConfigError` (every problem with line and column); both exit 2.
 */
async function readConfig(file: string, given: boolean): Promise<ProjectConfig> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    const prefix = `${given ? '--config ' : ''}${displayPath(file)}: `;
    const target = await danglingLinkTarget(file, error);
    if (target !== null) throw new UsageError({ en: `${prefix}a symbolic link to ${target}, which does not exist`, de: `${prefix}ein symbolischer Link auf ${target}, das es nicht gibt` });
    throw new UsageError(ioProblem(prefix, error));
  }
  return parseProjectConfig(text, displayPath(file));
}

/**
 * Finds the configuration of each linted file: `--config FILE` for all of them, otherwise the
 * nearest `.incident-report.json` in the file's folder or above. Folders and files are looked up
 * once per run.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<string | null>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly explicit: string | null) {}

  /** The configuration that applies to `target` (a path as given on the command line). */
  async forTarget(target: string): Promise<LoadedConfig> {
    const file = this.explicit !== null ? resolve(this.explicit) : await this.nearest(dirname(resolve(target)));
    if (file === null) return { file: null, base: process.cwd(), config: {} };
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = readConfig(file, this.explicit !== null).then((config) => ({ file, base: dirname(file), config }));
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  private nearest(folder: string): Promise<string | null> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = (async () => {
        const candidate = join(folder, CONFIG_FILE_NAME);
        if (await isPresent(candidate)) return candidate;
        const parent = dirname(folder);
        return parent === folder ? null : this.nearest(parent);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }
}

/**
 * Whether anything is at `path`: a file, but also a folder or a link to nothing in its place. Only
 * what is not there at all lets the search go on upwards; anything else is read, and a read that
 * fails stops the run (exit 2) as an invalid file does. A dangling link to a shared configuration
 * (a submodule not checked out in CI) was passed over, and the files linted with the defaults.
 */
async function isPresent(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** Where the link at `file` points when reading it failed because that is not there, else `null`. */
async function danglingLinkTarget(file: string, error: unknown): Promise<string | null> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  try {
    return (await lstat(file)).isSymbolicLink() ? await readlink(file) : null;
  } catch {
    return null;
  }
}

/** What the command line says explicitly, as a configuration layer that wins over the file. */
export function commandLineLayer(args: LintArgs | RenderArgs): ProjectConfig {
  return {
    ...(Object.keys(args.rules).length > 0 ? { rules: args.rules } : {}),
    ...(args.explicitLocale ? { locale: args.locale } : {}),
    ...(args.timeZone ? { timeZone: args.timeZone } : {}),
    ...args.options,
  };
}

/** The effective configuration of a run for files under `loaded`: the file, then the command line. */
export function effectiveConfig(loaded: LoadedConfig, args: LintArgs | RenderArgs): ProjectConfig {
  return mergeConfigs(loaded.config, commandLineLayer(args));
}

/** The schema file to use: `--schema` (relative to the working directory) wins over the file's `schema` (relative to the file). */
export function schemaPath(loaded: LoadedConfig, args: Pick<LintArgs, 'schema'>): string | null {
  if (args.schema) return args.schema;
  return loaded.config.schema ? resolve(loaded.base, loaded.config.schema) : null;
}
