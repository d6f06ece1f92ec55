/**
 * What the preview shows for each public output of the registry. Pure (no `vscode`), so the
 * browser tests build exactly the page the extension shows. Every value is escaped here or by the
 * renderers; the article goes into the webview's `<main>`.
 */
import {
  DEFAULT_MAX_CHARS,
  escapeHtml as e,
  OutputIds,
  renderArticle,
  renderAtom,
  renderStatusPageFragment,
  socialPosts,
  type OutputOptions,
  type PressReleaseModel,
  type SocialPost,
} from '../../core';

/** Words of the social-post view in the UI language. */
export interface PostLabels {
  /** "{0} of {1} characters". */
  count: (chars: number, max: number) => string;
  /** "too long". */
  tooLong: string;
  /** "shortened to fit". */
  shortened: string;
  copy: string;
}

/** The article for output `id`, and the posts when it is the social output (the Copy buttons index them). */
export function previewView(id: string, model: PressReleaseModel, options: OutputOptions, labels: PostLabels): { article: string; posts: SocialPost[] } {
  switch (id) {
    case OutputIds.statusPage:
      return { article: renderStatusPageFragment([model], options), posts: [] };
    case OutputIds.atom:
      // The headline as the view's heading: a page without one is hard to find one's way in.
      return { article: `<h1>${e(model.title)}</h1><pre class="ir-feed" lang="en">${e(renderAtom([model], options))}</pre>`, posts: [] };
    case OutputIds.social: {
      const posts = socialPosts(model, options);
      return { article: `<h1>${e(model.title)}</h1>${socialHtml(posts, options.maxChars ?? DEFAULT_MAX_CHARS, labels)}`, posts };
    }
    default:
      return { article: renderArticle(model), posts: [] };
  }
}

/** The posts, each with its character count (over-long ones marked) and a Copy button. */
export function socialHtml(posts: readonly SocialPost[], max: number, labels: PostLabels): string {
  const items = posts.map((post, index) => {
    const over = post.chars > max;
    return (
      `<li class="ir-post${over ? ' ir-over' : ''}">` +
      `<p class="ir-post-text">${e(post.text).replace(/\n/g, '<br>')}</p>` +
      `<p class="ir-post-meta"><span class="ir-count">${e(labels.count(post.chars, max))}${over ? ` — <strong>${e(labels.tooLong)}</strong>` : post.shortened ? ` — ${e(labels.shortened)}` : ''}</span> ` +
      `<button type="button" class="ir-copy" data-index="${index}">${e(labels.copy)}</button></p>` +
      '</li>'
    );
  });
  return `<ol class="ir-posts">${items.join('')}</ol>`;
}
