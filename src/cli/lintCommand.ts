import { createLinter, lintOptionsFrom, normalizePath, type FamilyMember, type Linter } from '../core';
import { FamilyFiles } from './familyFiles';
import type { LintArgs } from './args';
import { ConfigFinder, effectiveConfig, schemaPath, type LoadedConfig } from './config';
import { expandTargets, type Target } from './files';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult, Formatter } from './formatters/types';
import { loadSchemaFile } from './schemaFile';
import { lintAll } from './workerPool';
import { linterOptions, lintTarget, type TargetOutcome, type WorkerLintOptions } from './workerTask';


const FORMATTERS: Record<LintArgs['format'], Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

/** Output and exit code of a lint run; the caller writes them. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/** Targets that share one configuration file, with the linter built for it. */
interface Group {
  loaded: LoadedConfig;
  indices: number[];
}

/**
 * `incident-report lint`: every target gets the configuration of its nearest `.incident-report.json`
 * (or `--config`), with the command line on top; one linter (schema compiled once) per
 * configuration. Large runs are shared with worker threads (workerPool.ts), with results in target
 * order either way.
 */
export async function runLint(args: LintArgs): Promise<CommandOutcome> {
  const { targets, problems } = await expandTargets(args.inputs);
  let stderr = problems.map((p) => `incident-report: ${p.arg}: ${p.message}\n`).join('');

  const finder = new ConfigFinder(args.config);
  const groups = new Map<string | null, Group>();
  for (const [index, target] of targets.entries()) {
    const loaded = await finder.forTarget(target.display);
    const group = groups.get(loaded.file) ?? { loaded, indices: [] };
    group.indices.push(index);
    groups.set(loaded.file, group);
  }
  if (args.config !== null && targets.length === 0) await finder.forTarget('.'); // still check the file

  // One read of every file per run: targets and the parents they name, across configurations.
  const files = new FamilyFiles();
  const outcomes: TargetOutcome[] = new Array(targets.length);
  const setups: Array<{ linter: Linter; options: WorkerLintOptions }> = new Array(targets.length);
  let locale = args.locale;
  for (const { loaded, indices } of groups.values()) {
    const setup = await linterFor(loaded, args);
    const { linter, options } = setup;
    locale = linter.locale;
    const members: Target[] = indices.map((i) => targets[i]!);
    const groupOutcomes = await lintAll(members, linter, options, files, args.jobs);
    indices.forEach((targetIndex, i) => {
      outcomes[targetIndex] = groupOutcomes[i]!;
      setups[targetIndex] = setup;
    });
  }
  relintParents(targets, outcomes, setups, files);
  // Messages of one run speak one language: --locale, else the configuration's (when all agree), else LANG.
  if (!args.explicitLocale && groups.size !== 1) locale = args.locale;

  const results: FileResult[] = [];
  targets.forEach((target, i) => {
    const outcome = outcomes[i]!;
    if (outcome.kind === 'skipped') return;
    if (outcome.kind === 'io') {
      stderr += `incident-report: ${target.display}: ${outcome.message}\n`;
      results.push({ file: target.display, findings: [], ioError: outcome.message });
      return;
    }
    const { findings } = outcome;
    results.push({ file: target.display, findings: args.quiet ? findings.filter((f) => f.severity === 'error') : findings });
  });

  if (targets.length === 0 && problems.length === 0) {
    stderr += 'incident-report: no incident reports found in the given directories\n';
  }
  const stdout = FORMATTERS[args.format](results, { locale, color: args.color });
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const ioFailed = results.some((r) => r.ioError) || problems.length > 0;
  let exitCode: 0 | 1 | 2 = 0;
  if (errors > 0 || (args.maxWarnings !== null && warnings > args.maxWarnings)) exitCode = 1;
  if (ioFailed) exitCode = 2;
  if (args.maxWarnings !== null && warnings > args.maxWarnings) {
    stderr += `incident-report: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}\n`;
  }
  return { stdout, stderr, exitCode };
}

/**
 * Lints again, with their members, the targets that other targets name as parent: only then can
 * the parent's `affected_organizations` be checked against its members (family-membership). A few
 * files per family, on the main thread, after everything else.
 */
function relintParents(
  targets: readonly Target[],
  outcomes: TargetOutcome[],
  setups: ReadonlyArray<{ linter: Linter; options: WorkerLintOptions }>,
  files: FamilyFiles,
): void {
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
      outcomes[index] = lintTarget(linter, target, files, options, own);
    }
  });
}

/** The linter (and the options a worker needs to build the same one) for files under `loaded`. */
async function linterFor(loaded: LoadedConfig, args: LintArgs): Promise<{ linter: Linter; options: WorkerLintOptions }> {
  const config = effectiveConfig(loaded, args);
  const schemaFile = schemaPath(loaded, args);
  const schema = schemaFile ? await loadSchemaFile(schemaFile, args.schema ? '--schema ' : '') : undefined;
  const options: WorkerLintOptions = {
    ...lintOptionsFrom(config),
    locale: config.locale ?? args.locale,
    rules: config.rules ?? {},
    ...(schema !== undefined ? { schema } : {}),
    ...(config.files ? { files: config.files, filesBase: loaded.base } : {}),
    ...(args.now !== undefined ? { nowMs: args.now } : {}),
  };
  return { linter: createLinter(linterOptions(options)), options };
}
