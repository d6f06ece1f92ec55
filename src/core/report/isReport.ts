import picomatch from 'picomatch';
import { parseReport, type ParsedReport } from './parse';
import { rootString } from '../yaml';

/** The frontmatter line that marks any Markdown file as an incident report. */
export const REPORT_MARKER = 'incident-report/v1';

/** Paths that are reports even without the marker. */
export const DEFAULT_REPORT_GLOBS: readonly string[] = ['**/incidents/**/*.md', '**/*.incident.md'];

const matchers = new Map<string, (path: string) => boolean>();

/**
 * True when a document is an incident report: its path (forward slashes, workspace-relative or
 * absolute) matches none of `ignores` and one of `globs`, or its frontmatter has
 * `schema: incident-report/v1` (read also while the YAML is broken elsewhere, or the closing fence is
 * still being typed). Give the parsed report when there is one; a text is read only as far as a
 * frontmatter in its first 64 KiB. An ignored path is no report even with the marker.
 */
export function isIncidentReport(input: string | ParsedReport, path: string | null, globs: readonly string[] = DEFAULT_REPORT_GLOBS, ignores: readonly string[] = []): boolean {
  if (isIgnoredPath(path, ignores)) return false;
  return isReportPath(path, globs) || hasReportMarker(typeof input === 'string' ? parseReport(input.slice(0, 64 * 1024)) : input);
}

/** True when `path` (forward slashes, workspace-relative or absolute) matches one of `globs`: a report by where it is. */
export function isReportPath(path: string | null, globs: readonly string[] = DEFAULT_REPORT_GLOBS): boolean {
  return matchesAny(path, globs);
}

/**
 * True when `path` (relative to the configuration's folder, forward slashes) matches one of the
 * configuration's `ignores`: not linted, though it may still be read as another report's parent.
 */
export function isIgnoredPath(path: string | null, ignores: readonly string[]): boolean {
  // `archive/` means the folder, as in .gitignore: everything below it.
  return matchesAny(path, ignores.map((glob) => (glob.endsWith('/') ? `${glob}**` : glob)));
}

/**
 * True when `ignores` leaves out everything below folder `path` (relative to the configuration's
 * folder, forward slashes): a pattern `X/` or `X/**` whose `X` matches the folder. Such a folder is
 * not searched at all (a broken link in an archive was reported); one that only some of its files
 * match (`archive/*.md`) is.
 */
export function isIgnoredFolder(path: string | null, ignores: readonly string[]): boolean {
  const folders = ignores.flatMap((glob) => {
    const folder = /^(.+?)\/(?:\*\*)?$/.exec(glob)?.[1];
    return folder === undefined ? [] : [folder];
  });
  if (!path || folders.length === 0) return false;
  // The folder or one above it: everything below `archive/` is below `archive/2019/` too.
  const parts = path.replace(/\\/g, '/').split('/');
  return parts.some((_, i) => matchesAny(parts.slice(0, i + 1).join('/'), folders));
}

function matchesAny(path: string | null, globs: readonly string[]): boolean {
  if (!path || globs.length === 0) return false;
  const key = globs.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher(path.replace(/\\/g, '/'));
}

/** True when the frontmatter (closed or still being typed) says `schema: incident-report/v1`: a report by what it says. */
export function hasReportMarker(report: ParsedReport): boolean {
  return report.yaml !== null && rootString(report.yaml, 'schema') === REPORT_MARKER;
}
