import { relative, resolve } from 'node:path';
import { createLinter, isIgnoredFolder, isIgnoredPath, lintOptionsFrom, normalizePath, REPORT_MARKER, SchemaLoadError, t, withTrust, type FamilyMember, type Linter, type Locale } from '../core';
import { FamilyFiles } from './familyFiles';
import { UsageError, type LintArgs, type RenderArgs } from './args';
import { ConfigFinder, displayPath, effectiveConfig, schemaPath, type LoadedConfig } from './config';
import { expandTargets, type IgnoredBy, type IgnoredFolder, type Target, type TargetProblem } from './files';
import { loadSchemaFile } from './schemaFile';
import { processStdin, readStdin, STDIN_NAME, STDIO_ARG, type StdinSource } from './stdin';
import { lintAll } from './workerPool';
import { linterOptions, lintTarget, type TargetOutcome, type WorkerLintOptions } from './workerTask';

/** The linter of a group of targets, and the options a worker needs to build the same one. */
export interface LintSetup {
  linter: Linter;
  options: WorkerLintOptions;
  /** The configuration file in use, as messages name it (`null`: none). */
  source: string | null;
}

/** What linting the command line's files gave, target by target. */
export interface LintRun {
  targets: Target[];
  /** Arguments that could not be turned into files. */
  problems: TargetProblem[];
  /** Folders below the given ones that were not searched: `ignores` leaves out everything in them. */
  ignoredFolders: IgnoredFolder[];
  /** The outcome of each target, by index. */
  outcomes: TargetOutcome[];
  /** The linter each target was linted with (its nearest configuration), by index. */
  setups: LintSetup[];
  /** The run's message language: `--locale`, else the configuration's when all targets share one, else LANG's. */
  locale: Locale;
  /** `lint --fix`: the files the safe fixes were written to. */
  fixed: string[];
}

/** Targets that share one configuration file. */
interface Group {
  loaded: LoadedConfig;
  indices: number[];
}

/**
 * The message language each run settled on (the configuration's, once it is read), by the run's
 * arguments: an internal error that ends the run is told in it as well.
 */
const RUN_LOCALES = new WeakMap<object, Locale>();

/** The message language the run of `args` settled on, once its configuration was read. */
export function runLocaleOf(args: object): Locale | undefined {
  return RUN_LOCALES.get(args);
}

/**
 * Lints what the command line names, exactly as `incident-report lint` does, for `lint` and for
 * `render` alike (render's publish verdict is made from these findings): every target gets the
 * configuration of its nearest `.incident-report.json` (or `--config`), with the command line on
 * top; one linter per configuration; every file read once per thread; parents resolved from each
 * file's real path (also outside the given folders); parents named by linted members linted again
 * with their members at the end. `keepReports` (render) lints on the main thread and keeps each
 * parsed report; otherwise `lint --jobs N` shares the run with worker threads.
 */
export async function lintRun(args: LintArgs | RenderArgs, keepReports = false, stdin: StdinSource = processStdin): Promise<LintRun> {
  const files = new FamilyFiles();
  const finder = new ConfigFinder(args.config);
  let expanded: { targets: Target[]; problems: TargetProblem[]; ignoredFolders: IgnoredFolder[] };
  if (args.inputs.length === 1 && args.inputs[0] === STDIO_ARG) {
    // `-` (alone; args.ts refuses it with files): the text piped in, linted as the file at
    // `--stdin-filename` would be (its configuration, its parents, its name), else as a file in
    // the working directory named `<stdin>`. Named explicitly, it is linted whether or not it is a report.
    const display = args.stdinFilename ?? STDIN_NAME;
    files.provide(display, await readStdin(stdin, `${args.command} - < report.md`));
    expanded = { targets: [{ display, explicit: true, ignorable: false }], problems: [], ignoredFolders: [] };
  } else {
    expanded = await expandTargets(args.inputs, ignoredBy(finder, args));
  }
  const { targets, problems, ignoredFolders } = expanded;
  const groups = new Map<string | null, Group>();
  for (const [index, target] of targets.entries()) {
    const loaded = await finder.forTarget(target.display);
    const group = groups.get(loaded.file) ?? { loaded, indices: [] };
    group.indices.push(index);
    groups.set(loaded.file, group);
  }
  if (args.config !== null && targets.length === 0) await finder.forTarget('.'); // still check the file

  const outcomes: TargetOutcome[] = new Array(targets.length);
  const setups: LintSetup[] = new Array(targets.length);
  let locale = args.locale;
  // Restricted (the language server's `--no-custom-schema`): a configuration's `schema` and `ticketPattern` are not used.
  const restricted = args.command === 'render' && args.restricted === true;
  for (const { loaded, indices } of groups.values()) {
    const setup = await linterFor(restricted ? { ...loaded, config: withTrust(loaded.config, false) } : loaded, args);
    locale = setup.linter.locale;
    RUN_LOCALES.set(args, locale);
    const members: Target[] = indices.map((i) => targets[i]!);
    const groupOutcomes = keepReports
      ? members.map((target) => lintTarget(setup.linter, target, files, setup.options, undefined, true))
      : await lintAll(members, setup.linter, setup.options, files, args.command === 'lint' ? args.jobs : 1);
    indices.forEach((targetIndex, i) => {
      outcomes[targetIndex] = groupOutcomes[i]!;
      setups[targetIndex] = setup;
    });
  }
  relintParents(targets, outcomes, setups, files, keepReports);
  // Messages of one run speak one language: --locale, else the configuration's (when all agree), else LANG.
  if (!args.explicitLocale && groups.size !== 1) locale = args.locale;
  RUN_LOCALES.set(args, locale);
  const fixed = targets.filter((_, i) => wasFixed(outcomes[i]!)).map((target) => target.display);
  // A fixed file may be another's parent, read before its fix: the findings are those of a second
  // run over the files as they are now (only when something was written).
  if (fixed.length > 0 && args.command === 'lint') {
    const run = await lintRun({ ...args, fix: false }, keepReports, stdin);
    // A file whose fixes could not be written stays an error of the run, not a file linted as it is.
    outcomes.forEach((outcome, i) => {
      const at = run.targets.findIndex((target) => target.display === targets[i]!.display);
      if (outcome.kind === 'io' && outcome.fixFailed && at >= 0) run.outcomes[at] = outcome;
    });
    return { ...run, fixed };
  }
  return { targets, problems, ignoredFolders, outcomes, setups, locale, fixed };
}

/**
 * What the configuration's `ignores` leaves out of a folder search, as the files found are left out
 * (workerTask.ts): a path relative to the folder of the configuration that applies there (a folder's
 * own `.incident-report.json` applies to what is in it). A configuration that cannot be read leaves
 * nothing out here: it is reported when the files it applies to are linted.
 */
function ignoredBy(finder: ConfigFinder, args: LintArgs | RenderArgs): IgnoredBy {
  return async (path, folder) => {
    let loaded: LoadedConfig;
    try {
      // A folder's contents: the configuration in it or above.
      loaded = await finder.forTarget(folder ? `${path}/_` : path);
    } catch {
      return null;
    }
    const ignores = effectiveConfig(loaded, args).ignores;
    if (!ignores?.length) return null;
    const at = relative(loaded.base, resolve(path)).replace(/\\/g, '/');
    if (!(folder ? isIgnoredFolder(at, ignores) : isIgnoredPath(at, ignores))) return null;
    return loaded.file ? displayPath(loaded.file) : '--config';
  };
}

function wasFixed(outcome: TargetOutcome): boolean {
  return outcome.kind === 'linted' && outcome.fixed === true;
}

/**
 * Lints again, with their members, the targets that other targets name as parent: only then can
 * the parent's `affected_organizations` be checked against its members (family-membership). A few
 * files per family, on the main thread, after everything else.
 */
function relintParents(targets: readonly Target[], outcomes: TargetOutcome[], setups: readonly LintSetup[], files: FamilyFiles, keepReports: boolean): void {
  const members = new Map<string, FamilyMember[]>();
  for (const outcome of outcomes) {
    if (outcome.kind !== 'linted' || !outcome.member) continue;
    const list = members.get(outcome.member.parent);
    if (list) list.push(outcome.member);
    else members.set(outcome.member.parent, [outcome.member]);
  }
  if (members.size === 0) return;
  targets.forEach((target, index) => {
    const own = members.get(normalizePath(target.display));
    if (own && outcomes[index]!.kind === 'linted') {
      const { linter, options } = setups[index]!;
      outcomes[index] = lintTarget(linter, target, files, options, own, keepReports);
    }
  });
}

/** The linter (and the options a worker needs to build the same one) for files under `loaded`. */
async function linterFor(loaded: LoadedConfig, args: LintArgs | RenderArgs): Promise<LintSetup> {
  const config = effectiveConfig(loaded, args);
  const schemaFile = schemaPath(loaded, args);
  // Messages name where the schema was given: `--schema FILE`, or the configuration's "schema".
  const label = args.schema ? '--schema ' : loaded.file ? `${displayPath(loaded.file)}: "schema": ` : '';
  const shown = args.schema ?? (schemaFile ? displayPath(schemaFile) : '');
  const schema = schemaFile ? await loadSchemaFile(schemaFile, label, shown, loaded.config.locale) : undefined;
  const options: WorkerLintOptions = {
    ...lintOptionsFrom(config),
    locale: config.locale ?? args.locale,
    rules: config.rules ?? {},
    ...(schema !== undefined ? { schema } : {}),
    ...(config.files ? { files: config.files, filesBase: loaded.base } : {}),
    ...(config.ignores?.length ? { ignores: config.ignores, ignoresBase: loaded.base } : {}),
    ...(args.now !== undefined ? { nowMs: args.now } : {}),
    ...(args.command === 'lint' && args.fix ? { fix: true } : {}),
  };
  try {
    return { linter: createLinter(linterOptions(options)), options, source: loaded.file ? displayPath(loaded.file) : null };
  } catch (error) {
    // An unusable schema said "the schema cannot be used: …" without naming the file.
    if (error instanceof SchemaLoadError && schemaFile) {
      throw new UsageError({ en: `${label}${shown}: the schema cannot be used: ${error.text.en}`, de: `${label}${shown}: das Schema kann nicht verwendet werden: ${error.text.de}` }, loaded.config.locale);
    }
    throw error;
  }
}

/**
 * The targets the configuration's `ignores` left out: how many, and the configuration files that
 * ignore them (as messages name them), and the folders not searched for it, for saying why a run
 * found no report.
 */
export function ignoredTargets(run: Pick<LintRun, 'outcomes' | 'setups' | 'ignoredFolders'>): { count: number; sources: string[]; folders: IgnoredFolder[] } {
  const sources = new Set<string>();
  let count = 0;
  run.outcomes.forEach((outcome, index) => {
    if (outcome.kind !== 'skipped' || !outcome.ignored) return;
    count++;
    const source = run.setups[index]?.source;
    if (source) sources.add(source);
  });
  return { count, sources: [...sources], folders: run.ignoredFolders };
}

/**
 * Why a run over folders and globs checked nothing: no Markdown at all, Markdown that is no report by
 * path or marker, or files the configuration's `ignores` leave out (with the files that say so), and
 * the folders it left out, which were not searched.
 */
export function noReportsFound(found: number, ignored: { count: number; sources: readonly string[]; folders?: readonly IgnoredFolder[] }, locale: Locale): string {
  const folders = ignored.folders ?? [];
  const notSearched =
    folders.length === 0
      ? ''
      : t(
          locale,
          { en: 'not searched (ignored by `ignores` in {sources}): {folders}', de: 'nicht durchsucht (ignoriert durch `ignores` in {sources}): {folders}' },
          { sources: [...new Set(folders.map((folder) => folder.source))].join(', '), folders: folders.map((folder) => folder.path).join(', ') },
        );
  if (found === 0 && notSearched) return `${t(locale, { en: 'no incident reports found', de: 'keine Vorfallsberichte gefunden' })}: ${notSearched}`;
  const because = filesFound(found, ignored, locale);
  return notSearched ? `${because}; ${notSearched}` : because;
}

function filesFound(found: number, ignored: { count: number; sources: readonly string[] }, locale: Locale): string {
  const sources = ignored.sources.join(', ');
  if (ignored.count > 0 && ignored.count === found) {
    return t(
      locale,
      {
        en: 'no incident reports found: {n} file(s) found, all ignored by `ignores` in {sources}',
        de: 'keine Vorfallsberichte gefunden: {n} Datei(en) gefunden, alle ignoriert durch `ignores` in {sources}',
      },
      { n: found, sources },
    );
  }
  if (ignored.count > 0) {
    return t(
      locale,
      {
        en: 'no incident reports found: {n} Markdown file(s) below the given directories, {ignored} of them ignored by `ignores` in {sources}, the others in no report path (`files` in .incident-report.json) nor marked `schema: {marker}`',
        de: 'keine Vorfallsberichte gefunden: {n} Markdown-Datei(en) in den angegebenen Verzeichnissen, davon {ignored} ignoriert durch `ignores` in {sources}, die übrigen weder unter einem Berichtspfad (`files` in .incident-report.json) noch mit `schema: {marker}` markiert',
      },
      { n: found, ignored: ignored.count, sources, marker: REPORT_MARKER },
    );
  }
  if (found === 0) {
    return t(locale, {
      en: 'no incident reports found: no Markdown files below the given directories',
      de: 'keine Vorfallsberichte gefunden: keine Markdown-Dateien in den angegebenen Verzeichnissen',
    });
  }
  return t(
    locale,
    {
      en: 'no incident reports found: {n} Markdown file(s) below the given directories, none in a report path (`files` in .incident-report.json) or marked `schema: {marker}`',
      de: 'keine Vorfallsberichte gefunden: {n} Markdown-Datei(en) in den angegebenen Verzeichnissen, keine unter einem Berichtspfad (`files` in .incident-report.json) oder mit `schema: {marker}` markiert',
    },
    { n: found, marker: REPORT_MARKER },
  );
}
