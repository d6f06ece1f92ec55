import picomatch from 'picomatch';
import { frontmatterContent, stripBom } from './frontmatter';

/** The frontmatter line that marks any Markdown file as an incident report. */
export const REPORT_MARKER = 'incident-report/v1';

/** Paths that are reports even without the marker. */
export const DEFAULT_REPORT_GLOBS: readonly string[] = ['**/incidents/**/*.md', '**/*.incident.md'];

/** `schema: incident-report/v1` as a top-level key of the frontmatter (quotes and a comment allowed). */
const MARKER_LINE = /^schema:[ \t]*["']?incident-report\/v1["']?[ \t]*(?:#.*)?\r?$/m;

const matchers = new Map<string, (path: string) => boolean>();

/**
 * True when a document is an incident report: its frontmatter has `schema: incident-report/v1`, or
 * its path (forward slashes, workspace-relative or absolute) matches one of `globs`.
 * Cheap enough for every open Markdown file: a single regular expression, no parsing.
 */
export function isIncidentReport(text: string, path: string | null, globs: readonly string[] = DEFAULT_REPORT_GLOBS): boolean {
  if (hasMarker(text)) return true;
  if (!path || globs.length === 0) return false;
  const key = globs.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher(path.replace(/\\/g, '/'));
}

/** True when the frontmatter (closed or still being typed) in the first 64 KiB holds the marker line. */
function hasMarker(text: string): boolean {
  const head = stripBom(text.slice(0, 64 * 1024));
  const content = frontmatterContent(head);
  return content !== null && MARKER_LINE.test(head.slice(content.offset, content.endOffset));
}
