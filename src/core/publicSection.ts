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

/** True when a heading's text names the public section ("Pressemitteilung" or "Press release"). */
export function isPublicHeading(heading: Heading): boolean {
  const title = toString(heading).trim().replace(/\s+/g, ' ').replace(/[:.]$/, '').toLowerCase();
  return PUBLIC_SECTION_TITLES.includes(title);
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
