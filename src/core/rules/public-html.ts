import type { RootContent } from 'mdast';
import type { RawFinding } from '../shared/types';
import { showValue } from '../shared/i18n';
import type { Rule } from './rule';

/**
 * What could start an HTML block in the public section: a `<` before a letter (`<div>`, `<p>`). Most
 * sections have none, and then their Markdown is not parsed for this rule. Comments (`<!--`, the
 * directives) never hold published text and do not count.
 */
const MAYBE_HTML = /<[A-Za-z]/;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Scripts and styles: no reader sees their content, and it must never become published text. */
const HIDDEN = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?[A-Za-z][^>]*>?/g;
/** Text a reader would see: a letter or a digit. */
const VISIBLE = /[\p{L}\p{N}]/u;

/** The `public-html` rule; its `docs` are rendered to docs/rules/public-html.md by `npm run generate`. */
export const publicHtmlRule: Rule = {
  id: 'public-html',
  defaultSeverity: 'warning',
  description: {
    en: 'The public section holds no HTML block with text: HTML is never published, its text would be lost.',
    de: 'Der öffentliche Abschnitt enthält keinen HTML-Block mit Text: HTML wird nie veröffentlicht, sein Text ginge verloren.',
  },
  docs: {
    checks: [
      'Raw HTML is never published (the press release, the status page, the feed and the posts drop it; the HTML version could otherwise carry scripts). A block of HTML in the public section with text in it — `<p>Die Stadt …</p>` pasted from a web page, a `<div>` — would vanish from every output without a word, so it is a warning: write the text as Markdown.',
      'Inline HTML inside a paragraph (`Die <b>Bürgerbüros</b> sind geschlossen`) loses only its tags, and HTML comments (the suppression directives among them) hold no published text: neither is reported.',
      'The quick fix writes the block as its text, on one line, without tags (the content of a `<script>` or `<style>` is no text a reader sees and is left out): it changes what is published, so it is never applied unasked.',
    ],
  },
  check(ctx) {
    const { report } = ctx;
    const bounds = report.publicBounds;
    if (!ctx.data || !bounds || !MAYBE_HTML.test(report.text.slice(bounds.contentOffset, bounds.endOffset))) return [];
    const findings: RawFinding[] = [];
    const visit = (nodes: readonly RootContent[]) => {
      for (const node of nodes) {
        if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') visit(node.children);
        if (node.type !== 'html' || node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
        const text = node.value.replace(COMMENT, ' ').replace(HIDDEN, ' ').replace(TAG, ' ').replace(/\s+/g, ' ').trim();
        if (!VISIBLE.test(text)) continue;
        findings.push({
          ruleId: this.id,
          message: ctx.t(
            {
              en: 'HTML in the public text is never published: “{text}” would be missing from every output. Write it as Markdown.',
              de: 'HTML im öffentlichen Text wird nie veröffentlicht: „{text}“ fehlte in jeder Ausgabe. Als Markdown schreiben.',
            },
            { text: showValue(text) },
          ),
          offset: node.position.start.offset,
          endOffset: node.position.end.offset,
          path: null,
          fix: { kind: 'html-as-text', offset: node.position.start.offset, endOffset: node.position.end.offset, newText: text },
        });
      }
    };
    visit(report.publicSection?.children ?? []);
    return findings;
  },
};
