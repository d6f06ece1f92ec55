import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Headings that open the public part of a report, compared case-insensitively. */
export const PUBLIC_SECTION_TITLES: readonly string[] = ['pressemitteilung', 'press release'];

/** The one section of the body that may be published. */
export interface PublicSection {
  heading: Heading;
  /** Offset of the heading's first character. */
  offset: number;
  /** Offset where the section's content starts (after the heading line). */
  contentOffset: number;
  /** End of the section: the next heading of the same or a higher level, or the end of the text. */
  endOffset: number;
  /** The body's top-level nodes inside the section, heading excluded. */
  children: RootContent[];
  /** Further public headings: a report should have exactly one. */
  duplicates: Heading[];
}

/** Where the public section and any further public headings are: what linting needs of it. */
export interface PublicBounds {
  /** Offset of the heading's first character. */
  offset: number;
  /** Offset where the section's content starts (the end of the heading line, before its line break). */
  contentOffset: number;
  /** End of the section: the next heading of the same or a higher level, or the end of the text. */
  endOffset: number;
  /** Ranges of further public headings. */
  duplicates: Array<{ offset: number; endOffset: number }>;
}

/** True when a heading's text names the public section ("Pressemitteilung" or "Press release"). */
/** White space (what `trim` removes), then the first letter of a public title, in either case. */
const STARTS_LIKE_A_TITLE = new RegExp(`^\\s*[${[...new Set(PUBLIC_SECTION_TITLES.map((title) => title[0]))].join('')}]`, 'i');

export function isPublicHeading(heading: Heading): boolean {
  return isPublicTitle(toString(heading));
}

function isPublicTitle(text: string): boolean {
  // Most headings are rejected by their first letter, without building new strings.
  if (!STARTS_LIKE_A_TITLE.test(text)) return false;
  const title = text.trim().replace(/\s+/g, ' ').replace(/[:.]$/, '').toLowerCase();
  return PUBLIC_SECTION_TITLES.includes(title);
}

/** The bounds of a section found in the syntax tree. */
export function boundsOf(section: PublicSection | null): PublicBounds | null {
  if (!section) return null;
  return {
    offset: section.offset,
    contentOffset: section.contentOffset,
    endOffset: section.endOffset,
    duplicates: section.duplicates.map((heading) => ({
      offset: heading.position?.start.offset ?? 0,
      endOffset: heading.position?.end.offset ?? 0,
    })),
  };
}

/**
 * What can hide a heading line or make one that a line scan does not see: fenced code, HTML blocks
 * and comments, setext underlines, indented `#` lines (list items, or headings the scan does not
 * place), a carriage return alone, and container markup nested deep enough to need the guard in
 * `parseReport`.
 */
export const NEEDS_PARSER = /^ {0,3}(?:`{3}|~{3}|<|=+[ \t]*$|-+[ \t]*$)|^ {1,3}#{1,6}(?:[ \t]|$)|\r(?!\n)|^[ \t>*+-]{200,}/m;

// The same test, faster: a pattern that starts with a multiline `^` is tried at every position of
// the body, one that starts with a line break only where there is one. So the line starts after a
// break (every break `^` knows: \n, \r, U+2028, U+2029) and the first line are tested apart.
// test/unit/publicSection.test.ts compares `needsParser` with NEEDS_PARSER.
const LINE_START_MARKUP = ' {0,3}(?:`{3}|~{3}|<|=+[ \\t]*$|-+[ \\t]*$)| {1,3}#{1,6}(?:[ \\t]|$)|[ \\t>*+-]{200,}';
const AFTER_BREAK = new RegExp(`[\\n\\r\\u2028\\u2029](?:${LINE_START_MARKUP})|\\r(?!\\n)`, 'm');
const AT_START = new RegExp(`^(?:${LINE_START_MARKUP})`, 'm');

/** Whether `body` has anything the line scan must leave to the parser: exactly `NEEDS_PARSER.test(body)`. */
export function needsParser(body: string): boolean {
  if (AFTER_BREAK.test(body)) return true;
  // No pattern crosses a line feed, so the first line (with its line feed) decides the rest.
  const newline = body.indexOf('\n');
  return AT_START.test(newline === -1 ? body : body.slice(0, newline + 1));
}
const ATX_HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*\r?$/gm;
/** Inline markup, escapes and entities change a heading's text: the parser must read such a heading. */
const INLINE_MARKUP = /[\\`*_[\]<>&!]/;

/**
 * Finds the public section's bounds by scanning the body's lines for ATX headings (`## …`), as
 * CommonMark would find them, without building a syntax tree. Returns `undefined` whenever the body
 * has anything that could make the scan and the parser disagree (see `NEEDS_PARSER`): the caller
 * then asks the parser. test/unit/publicSection.test.ts proves the two agree.
 */
export function scanPublicBounds(text: string, bodyOffset: number): PublicBounds | null | undefined {
  const body = bodyOffset ? text.slice(bodyOffset) : text;
  if (needsParser(body)) return undefined;
  const headings: Array<{ depth: number; offset: number; endOffset: number; isPublic: boolean }> = [];
  for (const match of body.matchAll(ATX_HEADING)) {
    let content = match[2] ?? '';
    // A closing sequence of `#` needs white space before it; a content of `#` alone is empty.
    content = /^#+$/.test(content) ? '' : content.replace(/[ \t]+#+$/, '');
    if (INLINE_MARKUP.test(content)) return undefined;
    const offset = bodyOffset + match.index;
    const endOffset = offset + match[0].replace(/\r$/, '').length;
    headings.push({ depth: match[1]!.length, offset, endOffset, isPublic: isPublicTitle(content) });
  }
  const first = headings.findIndex((heading) => heading.isPublic);
  if (first === -1) return null;
  const heading = headings[first]!;
  const next = headings.slice(first + 1).find((other) => other.depth <= heading.depth);
  return {
    offset: heading.offset,
    contentOffset: heading.endOffset,
    endOffset: next?.offset ?? text.length,
    duplicates: headings.slice(first + 1).filter((other) => other.isPublic).map(({ offset, endOffset }) => ({ offset, endOffset })),
  };
}

/** Finds the public section: from its heading up to the next heading of the same or a higher level. */
export function findPublicSection(body: Root, text: string): PublicSection | null {
  const nodes = body.children;
  let section: PublicSection | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'heading' || !isPublicHeading(node)) continue;
    if (section) {
      section.duplicates.push(node);
      continue;
    }
    let end = i + 1;
    while (end < nodes.length) {
      const next = nodes[end]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      end++;
    }
    const endOffset = nodes[end]?.position?.start.offset ?? text.length;
    section = {
      heading: node,
      offset: node.position?.start.offset ?? 0,
      contentOffset: node.position?.end.offset ?? 0,
      endOffset,
      children: nodes.slice(i + 1, end),
      duplicates: [],
    };
  }
  return section;
}
