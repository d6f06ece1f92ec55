import { stat } from 'node:fs/promises';
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
    throw new UsageError(ioProblem(`${given ? '--config ' : ''}${displayPath(file)}: `, error));
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
        if (await isFile(candidate)) return candidate;
        const parent = dirname(folder);
        return parent === folder ? null : this.nearest(parent);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
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
