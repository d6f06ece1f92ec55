import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_REPORT_GLOBS, fixAllText, t, hasReportMarker, isIgnoredPath, isIncidentReport, isReportPath, parseReport, systemTimeZone, type FamilyMember, type Finding, type Linter, type LintOptions, type ParsedReport, type RuleOptionValues } from '../core';
import type { FamilyFiles } from './familyFiles';
import { describeIoError } from './ioError';
import type { Target } from './files';
import { matchPath } from './files';

/** What linting one target gave: the same whether the main thread or a worker did it. */
export type TargetOutcome =
  /**
   * `member`: the report names a parent (collected to lint the parent with its members);
   * `unchecked`: why the report was not checked at all (see LintResult); `report`: the parsed report,
   * only when asked for (render, on the main thread: it cannot cross to a worker).
   */
  | { kind: 'linted'; findings: Finding[]; member: FamilyMember | null; unchecked?: Finding; report?: ParsedReport; fixed?: boolean }
  /** Found below a directory but not an incident report, or (`ignored`) found by a folder or glob that the configuration's `ignores` matches: left out of the results. */
  | { kind: 'skipped'; ignored?: true }
  /** `fixFailed`: read and linted, but its fixes could not be written back (`lint --fix`). */
  | { kind: 'io'; message: string; fixFailed?: true };

/** The linter options a worker needs to build the same linter as the main thread (structured-cloneable). */
export type WorkerLintOptions = Pick<LintOptions, 'locale' | 'rules' | 'schema' | 'timeZone' | keyof RuleOptionValues> & {
  /** The configuration's report globs, matched against paths relative to `filesBase` (its folder). */
  files?: readonly string[];
  filesBase?: string;
  /** The configuration's `ignores`, matched against paths relative to `ignoresBase` (its folder). */
  ignores?: readonly string[];
  ignoresBase?: string;
  /** A fixed "now" (epoch ms, from `--now`); a function cannot cross to a worker. */
  nowMs?: number;
  /** `lint --fix`: write the safe fixes of each report back to its file before its findings are taken. */
  fix?: boolean;
};

/** The linter options of worker options: a fixed `nowMs` becomes the clock. */
export function linterOptions(options: WorkerLintOptions): LintOptions {
  const { nowMs, files, filesBase, ignores, ignoresBase, fix, ...rest } = options;
  void files;
  void filesBase;
  void ignores;
  void ignoresBase;
  void fix;
  return nowMs === undefined ? rest : { ...rest, now: () => nowMs };
}

/**
 * Reads and lints one target, with its parents from `files` (read once per thread). Never throws
 * for I/O: an unreadable file is an outcome. Synchronous on purpose: one open+read+close per file
 * instead of four awaited steps; the CLI has nothing else to do meanwhile (and workers read their
 * own files in parallel).
 */
export function lintTarget(
  linter: Linter,
  target: Target,
  files: FamilyFiles,
  options: WorkerLintOptions = {},
  members?: readonly FamilyMember[],
  keepReport = false,
): TargetOutcome {
  // Left out before it is read: an ignored folder of archived reports costs nothing (a member may still read one as its parent).
  if (target.ignorable && options.ignores && options.ignoresBase !== undefined && isIgnoredPath(relativeTo(options.ignoresBase, target), options.ignores)) return { kind: 'skipped', ignored: true };
  const { text, error, reason } = files.read(target.display);
  if (text === null) {
    // A file below a folder that is not UTF-8 is refused only when it is a report (by path or
    // marker): another Markdown file there (a Latin-1 README) is none of the run's business.
    const undecodable = target.explicit ? undefined : files.undecodableText(target.display);
    if (undecodable !== undefined && !isReportPath(reportPath(target, options), options.files ?? DEFAULT_REPORT_GLOBS) && !isIncidentReport(undecodable, null)) return { kind: 'skipped' };
    return { kind: 'io', message: reason ? t(options.locale ?? 'en', reason) : (error ?? 'not readable') };
  }
  // A file found below a folder is a report by its path, else by the marker in its frontmatter.
  // Then the parse that read the marker is the one linted: a second parse doubled the cost of every
  // report outside an `incidents/` folder, or named by a path with `..`. A text over the size limit
  // is not parsed (the lint refuses it unread): its marker is looked for in its start only.
  let input: string | ParsedReport = text;
  if (!target.explicit && !isReportPath(reportPath(target, options), options.files ?? DEFAULT_REPORT_GLOBS)) {
    if (text.length > linter.maxSize) {
      if (!isIncidentReport(text, null)) return { kind: 'skipped' };
    } else {
      input = parseReport(text);
      if (!hasReportMarker(input)) return { kind: 'skipped' };
    }
  }
  const family = members ? files.withMembers(members) : files;
  const lint = (text: string | ParsedReport) => linter.lint(text, { path: target.display, family });
  let fixed = false;
  if (options.fix) {
    // What "Fix all" does in the editor: the safe fixes, applied until none is left (BOM and line breaks kept).
    const after = fixAllText(text, lint, { locale: linter.locale, schema: linter.schema.info, timeZone: options.timeZone ?? systemTimeZone(), ...(options.nowMs !== undefined ? { now: options.nowMs } : {}) });
    if (after !== text) {
      try {
        writeFileSync(target.display, after);
      } catch (error) {
        const locale = options.locale ?? 'en';
        return { kind: 'io', message: t(locale, { en: 'the fixes cannot be written: {reason}', de: 'die Korrekturen können nicht geschrieben werden: {reason}' }, { reason: describeIoError(error, locale) }), fixFailed: true };
      }
      input = after;
      fixed = true;
    }
  }
  const { findings, member, unchecked, report } = lint(input);
  return { kind: 'linted', findings, member, ...(unchecked ? { unchecked } : {}), ...(keepReport ? { report } : {}), ...(fixed ? { fixed } : {}) };
}

/** The path report globs are matched against: relative to the configuration's folder, else to the working directory. */
function reportPath(target: Target, options: WorkerLintOptions): string {
  if (options.filesBase === undefined) return matchPath(target.display);
  return relativeTo(options.filesBase, target);
}

/** The target's path relative to `base`, forward slashes. */
function relativeTo(base: string, target: Target): string {
  return relative(base, resolve(target.display)).replace(/\\/g, '/');
}
