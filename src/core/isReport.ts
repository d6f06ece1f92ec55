import picomatch from 'picomatch';

/** The frontmatter line that marks any Markdown file as an incident report. */
export const REPORT_MARKER = 'incident-report/v1';

/** Paths that are reports even without the marker. */
export const DEFAULT_REPORT_GLOBS: readonly string[] = ['**/incidents/**/*.md', '**/*.incident.md'];

const MARKER_LINE = /^\uFEFF?---[ \t]*\r?\n(?:(?!---[ \t]*\r?$)[^\n]*\n)*?schema:[ \t]*["']?incident-report\/v1["']?[ \t]*(?:#[^\n]*)?\r?$/m;

const matchers = new Map<string, (path: string) => boolean>();

/**
 * True when a document is an incident report: its frontmatter has `schema: incident-report/v1`, or
 * its path (forward slashes, workspace-relative or absolute) matches one of `globs`.
 * Cheap enough for every open Markdown file: a single regular expression, no parsing.
 */
export function isIncidentReport(text: string, path: string | null, globs: readonly string[] = DEFAULT_REPORT_GLOBS): boolean {
  if (MARKER_LINE.test(text.slice(0, 64 * 1024))) return true;
  if (!path || globs.length === 0) return false;
  const key = globs.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher(path.replace(/\\/g, '/'));
}
