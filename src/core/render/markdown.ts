/**
 * The public section's Markdown as sanitized HTML and as plain text. Only nodes handed in are
 * converted (the public section's), so link definitions elsewhere in the report never resolve here:
 * an internal URL cannot reach the release through a reference link.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot, RootContent, PhrasingContent, ListItem, Nodes as MdastNodes } from 'mdast';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { BIDI_CONTROLS } from './page';

/** Link targets a reader may follow: the web, e-mail and phone numbers. Nothing relative, no scripts. */
export const SAFE_LINK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s()./-]*)$/i;

/** True when `href` may be a link in the release (http, https, mailto or tel). */
export function isSafeLink(href: unknown): href is string {
  return typeof href === 'string' && SAFE_LINK.test(href.trim());
}

// GitHub's sanitation, narrowed: links only to http(s)/mailto/tel, no media (a press release page
// must load nothing from anywhere), no form controls.
const SANITIZE_SCHEMA = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source', 'input', 'video', 'audio'].includes(tag)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'], src: [], longDesc: [] },
};

/** Replaces images by their alt text before sanitizing: the text survives, the remote load does not. */
function imagesToText() {
  return (tree: HastRoot) => {
    const visit = (parent: HastRoot | Element) => {
      parent.children = parent.children.map((child): HastContent => {
        if (child.type !== 'element') return child;
        if (child.tagName === 'img') {
          const alt = child.properties?.alt;
          return { type: 'text', value: typeof alt === 'string' ? alt : '' };
        }
        visit(child);
        return child;
      }) as typeof parent.children;
    };
    visit(tree);
  };
}

/**
 * After sanitizing: unwraps every link whose target is not absolute http(s)/mailto/tel (relative
 * and fragment links lead nowhere in an exported page) and marks the rest as external.
 */
function safeLinks() {
  return (tree: HastRoot) => {
    const visit = (parent: HastRoot | Element) => {
      const out: Array<HastContent> = [];
      for (const child of parent.children) {
        if (child.type !== 'element') {
          out.push(child);
          continue;
        }
        visit(child);
        if (child.tagName === 'a') {
          const href = child.properties?.href;
          if (!isSafeLink(href)) {
            out.push(...(child.children as HastContent[]));
            continue;
          }
          child.properties = { href: href.trim(), rel: ['noopener', 'noreferrer', 'nofollow'] };
        }
        out.push(child);
      }
      parent.children = out as typeof parent.children;
    };
    visit(tree);
  };
}

/** Drops the controls that reorder how text is shown ({@link BIDI_CONTROLS}), also those written as `&#x202E;`. */
function withoutBidiControls() {
  return (tree: HastRoot) => {
    const visit = (parent: HastRoot | Element) => {
      for (const child of parent.children) {
        if (child.type === 'text') child.value = child.value.replace(BIDI_CONTROLS, '');
        else if (child.type === 'element') visit(child);
      }
    };
    visit(tree);
  };
}

const htmlProcessor = unified()
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(imagesToText)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(safeLinks)
  .use(withoutBidiControls)
  .use(rehypeStringify)
  .freeze();

/**
 * Copies `nodes` with their headings moved below the page's own `h1` (title) and `h2` sections:
 * a heading one level under the public heading becomes `h2`, and so on. The parsed report is shared
 * with the linter, so it is never mutated.
 */
function shiftHeadings(nodes: readonly RootContent[], publicDepth: number): RootContent[] {
  const copy = structuredClone(nodes) as RootContent[];
  const visit = (node: MdastNodes) => {
    if (node.type === 'heading') node.depth = Math.min(6, Math.max(2, node.depth - publicDepth + 1)) as 2 | 3 | 4 | 5 | 6;
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  for (const node of copy) visit(node);
  return copy;
}

/** Sanitized HTML for public-section nodes (raw HTML dropped, links narrowed, no media). */
export function markdownToHtml(nodes: readonly RootContent[], publicDepth = 1): string {
  if (nodes.length === 0) return '';
  const root: MdastRoot = { type: 'root', children: shiftHeadings(nodes, publicDepth) };
  const hast = htmlProcessor.runSync(root) as HastRoot;
  return htmlProcessor.stringify(hast);
}

/** One block of plain text: a paragraph to wrap, or preformatted lines kept as they are. */
export interface TextBlock {
  text: string;
  /** Prefix of the first line (list bullet, quote marker). */
  first: string;
  /** Prefix of the following lines (indentation under a bullet). */
  rest: string;
  pre: boolean;
  heading?: boolean;
  /** True when the block follows the one before it on the next line (an item of a tight list), not after a blank line. */
  tight?: boolean;
}

/** Plain text of inline content: emphasis dropped, links as `text <url>`, images as their alt text. */
export function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        // A soft line break in the source is a space to the reader; only a hard break (`break`) ends a line.
        out += node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'link': {
        const text = inlineText(node.children);
        const url = node.url.trim();
        const plainUrl = url.replace(/^(?:mailto|tel):/i, '');
        if (!isSafeLink(url) || text === url || text === plainUrl) out += text;
        else out += `${text} <${plainUrl}>`;
        break;
      }
      case 'html':
        // Raw HTML is never published (the HTML version drops it too).
        break;
      default:
        if ('children' in node) out += inlineText(node.children as PhrasingContent[]);
    }
  }
  return out;
}

/**
 * Plain-text blocks of public-section nodes, for the e-mail version. `first` prefixes the first line
 * of the first block only (a list item's bullet, a quote's marker), `rest` every other line: a
 * nested list keeps its own bullets under its parent's indentation.
 */
export function markdownToBlocks(nodes: readonly RootContent[], first = '', rest = first): TextBlock[] {
  const blocks: TextBlock[] = [];
  // The prefix of the next block's first line: the caller's `first` until a block is out.
  const opening = () => (blocks.length === 0 ? first : rest);
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ text: inlineText(node.children), first: opening(), rest, pre: false });
        break;
      case 'heading':
        blocks.push({ text: inlineText(node.children), first: opening(), rest, pre: false, heading: true });
        break;
      case 'blockquote':
        blocks.push(...markdownToBlocks(node.children, opening() + '> ', rest + '> '));
        break;
      case 'list': {
        const start = blocks.length;
        node.children.forEach((item: ListItem, index) => {
          const bullet = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
          // The bullet opens the item's first block; its later blocks (and nested lists) continue under it.
          blocks.push(...markdownToBlocks(item.children, opening() + bullet, rest + ' '.repeat(bullet.length)));
        });
        // A tight list (no blank line between or inside its items: what the HTML prints without
        // paragraphs) stays one block of lines, as written.
        const loose = node.spread === true || node.children.some((item) => item.spread === true);
        if (!loose) for (let i = start + 1; i < blocks.length; i++) blocks[i]!.tight = true;
        break;
      }
      case 'code':
        blocks.push({ text: node.value, first: opening() + '    ', rest: rest + '    ', pre: true });
        break;
      case 'thematicBreak':
        blocks.push({ text: '* * *', first: opening(), rest, pre: true });
        break;
      case 'table':
        for (const row of node.children) {
          blocks.push({ text: row.children.map((cell) => inlineText(cell.children)).join(' | '), first: opening(), rest, pre: false });
        }
        break;
      case 'html':
      case 'definition':
      case 'yaml':
        break;
      default:
        if ('children' in node) blocks.push({ text: inlineText(node.children as PhrasingContent[]), first: opening(), rest, pre: false });
    }
  }
  return blocks;
}
