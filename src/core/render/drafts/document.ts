/**
 * A confidential draft for an authority as plain data, and its three writers (text, Markdown,
 * HTML). Drafts are built from the whole report (they may carry internal references and IoCs); a
 * fact the report does not hold is a visible {@link Gap}, never invented text.
 */
import type { Locale, Localized } from '../../shared/types';
import { t } from '../../shared/i18n';
import { escapeHtml, pageHead } from '../page';

/** A fact still missing: shown as "[noch offen: …]" / "[to be completed: …]". */
export interface Gap {
  gap: string;
}

/** A value in a draft: text from the report or the engine, or a gap. */
export type DraftValue = string | Gap;

/**
 * One block of a section: an item of the form (number, label, its value or values, and the legal
 * source that asks for it: consecutive items are laid out as the form's table), a labelled value,
 * a list, or a paragraph.
 */
export type DraftBlock =
  | { kind: 'item'; number: string; label: string; values: DraftValue[]; source: string }
  | { kind: 'field'; label: string; value: DraftValue }
  | { kind: 'list'; label: string; items: DraftValue[] }
  | { kind: 'paragraph'; value: DraftValue };

export interface DraftSection {
  heading: string;
  blocks: DraftBlock[];
}

/** A whole draft. */
export interface DraftDocument {
  locale: Locale;
  /** The column headings of the form's table (number, item, content, source). */
  columns: { number: string; item: string; content: string; source: string };
  title: string;
  /** The confidentiality banner ("Vertraulich – …"). */
  banner: string;
  /** Lines under the title: organisation, report id, deadline. */
  meta: Array<{ label: string; value: DraftValue }>;
  sections: DraftSection[];
}

/** The draft formats, the first being the default. */
export const DRAFT_FORMATS = ['text', 'html', 'md'] as const;

const GAP: Localized = { de: '[noch offen: {what}]', en: '[to be completed: {what}]' };

/** A gap in the draft's language. */
export function gap(what: string): Gap {
  return { gap: what };
}

export function isGap(value: DraftValue): value is Gap {
  return typeof value === 'object';
}

function show(value: DraftValue, locale: Locale): string {
  return isGap(value) ? t(locale, GAP, { what: value.gap }) : value;
}

/** Every gap in the draft, in order (for the "still unknown" list and for tests). */
export function gapsOf(document: Pick<DraftDocument, 'meta' | 'sections'>): string[] {
  const gaps: string[] = [];
  const add = (value: DraftValue) => {
    if (isGap(value)) gaps.push(value.gap);
  };
  document.meta.forEach((m) => add(m.value));
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'list') block.items.forEach(add);
      else if (block.kind === 'item') block.values.forEach(add);
      else add(block.value);
    }
  }
  return gaps;
}

/** Renders a draft in `format` (`text`, `md` or `html`). */
export function writeDraft(document: DraftDocument, format: string): string {
  if (format === 'html') return writeHtml(document);
  if (format === 'md') return writeMarkdown(document);
  return writeText(document);
}

function writeText(d: DraftDocument): string {
  const out: string[] = [`*** ${d.banner} ***`, '', d.title, '='.repeat(Math.min(72, d.title.length)), ''];
  for (const m of d.meta) out.push(`${m.label}: ${show(m.value, d.locale)}`);
  for (const section of d.sections) {
    out.push('', section.heading, '-'.repeat(Math.min(72, section.heading.length)));
    for (const block of section.blocks) {
      if (block.kind === 'item') {
        // "Was ist passiert?" needs no colon after its question mark.
        const label = /[?:]$/.test(block.label) ? `${block.number} ${block.label}` : `${block.number} ${block.label}:`;
        const [first] = block.values;
        if (block.values.length === 1 && first !== undefined) out.push(`${label} ${show(first, d.locale)}`);
        else out.push(label, ...block.values.map((item) => `  - ${show(item, d.locale)}`));
      } else if (block.kind === 'field') out.push(`${block.label}: ${show(block.value, d.locale)}`);
      else if (block.kind === 'list') out.push(`${block.label}:`, ...block.items.map((item) => `  - ${show(item, d.locale)}`));
      else out.push(show(block.value, d.locale));
    }
  }
  out.push('', `*** ${d.banner} ***`, '');
  return out.join('\n');
}

/** Escapes Markdown syntax in a value so report text cannot add links, emphasis or HTML. */
function md(value: string): string {
  return value.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function writeMarkdown(d: DraftDocument): string {
  const value = (v: DraftValue) => md(show(v, d.locale));
  const out: string[] = [`> **${md(d.banner)}**`, '', `# ${md(d.title)}`, ''];
  for (const m of d.meta) out.push(`- **${md(m.label)}:** ${value(m.value)}`);
  for (const section of d.sections) {
    out.push('', `## ${md(section.heading)}`, '');
    let table = false;
    for (const block of section.blocks) {
      if (block.kind === 'item') {
        if (!table) out.push(`| ${md(d.columns.number)} | ${md(d.columns.item)} | ${md(d.columns.content)} | ${md(d.columns.source)} |`, '|---|---|---|---|');
        table = true;
        out.push(`| ${md(block.number)} | ${md(block.label)} | ${block.values.map(value).join('<br>')} | ${md(block.source)} |`);
        continue;
      }
      if (table) out.push('');
      table = false;
      if (block.kind === 'field') out.push(`- **${md(block.label)}:** ${value(block.value)}`);
      else if (block.kind === 'list') out.push(`- **${md(block.label)}:**`, ...block.items.map((item) => `  - ${value(item)}`));
      else out.push('', value(block.value), '');
    }
  }
  out.push('', `> **${md(d.banner)}**`, '');
  return out.join('\n');
}

/** The page's Content-Security-Policy: nothing may load or run; inline styles only (no images either). */
const DRAFT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const DRAFT_CSS = `
body { margin: 0; background: #f4f5f7; color: #1a1a1a; font: 15px/1.5 system-ui, sans-serif; }
.draft { max-width: 46rem; margin: 1.5rem auto; padding: 2rem 2.5rem; background: #fff; border-top: 8px solid #8a1111; }
.confidential { margin: 0 0 1rem; padding: .4rem .8rem; background: #fbd5d5; color: #5c0b0b; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; }
h1 { font-size: 1.5rem; line-height: 1.25; }
h2 { font-size: 1.05rem; border-bottom: 1px solid #d0d5dc; padding-bottom: .2rem; margin-top: 1.6rem; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: #555; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid #d0d5dc; }
th[scope="col"] { color: #555; font-weight: 600; }
td.source { color: #555; font-size: .85rem; }
td ul { margin: 0; padding-left: 1.1rem; }
.gap { background: #fff1bf; color: #6b5200; font-style: italic; padding: 0 .2rem; }
@media print { body { background: #fff; } .draft { margin: 0; border-top-width: 4px; } }
`;

/**
 * The draft's body as HTML: the confidentiality banner first, then the title, the meta lines and
 * the sections. Every value is escaped; gaps are marked by their words ("[noch offen: …]"), not
 * by colour alone. The editor's preview shows exactly this inside its page.
 */
export function renderDraftArticle(d: DraftDocument): string {
  const e = escapeHtml;
  const value = (v: DraftValue) => (isGap(v) ? `<span class="gap">${e(show(v, d.locale))}</span>` : e(v));
  const body: string[] = [`<p class="confidential" role="note">${e(d.banner)}</p>`, `<h1>${e(d.title)}</h1>`];
  if (d.meta.length > 0) body.push('<dl>' + d.meta.map((m) => `<dt>${e(m.label)}</dt><dd>${value(m.value)}</dd>`).join('') + '</dl>');
  for (const section of d.sections) {
    body.push(`<section><h2>${e(section.heading)}</h2>`);
    let fields: string[] = [];
    let rows: string[] = [];
    const flush = () => {
      if (fields.length > 0) body.push(`<dl>${fields.join('')}</dl>`);
      if (rows.length > 0) {
        const head = `<thead><tr><th scope="col">${e(d.columns.number)}</th><th scope="col">${e(d.columns.item)}</th><th scope="col">${e(d.columns.content)}</th><th scope="col">${e(d.columns.source)}</th></tr></thead>`;
        body.push(`<table>${head}<tbody>${rows.join('')}</tbody></table>`);
      }
      fields = [];
      rows = [];
    };
    for (const block of section.blocks) {
      if (block.kind === 'item') {
        if (fields.length > 0) flush();
        const content = block.values.length === 1 ? value(block.values[0]!) : `<ul>${block.values.map((v) => `<li>${value(v)}</li>`).join('')}</ul>`;
        rows.push(`<tr><td>${e(block.number)}</td><th scope="row">${e(block.label)}</th><td>${content}</td><td class="source">${e(block.source)}</td></tr>`);
        continue;
      }
      if (rows.length > 0) flush();
      if (block.kind === 'field') fields.push(`<dt>${e(block.label)}</dt><dd>${value(block.value)}</dd>`);
      else if (block.kind === 'list') fields.push(`<dt>${e(block.label)}</dt><dd><ul>${block.items.map((i) => `<li>${value(i)}</li>`).join('')}</ul></dd>`);
      else {
        flush();
        body.push(`<p>${value(block.value)}</p>`);
      }
    }
    flush();
    body.push('</section>');
  }
  return `<article class="draft" lang="${d.locale}">${body.join('\n')}</article>`;
}

function writeHtml(d: DraftDocument): string {
  return [
    ...pageHead({ lang: d.locale, title: `${d.banner.split(/[–—:]/)[0]!.trim()}: ${d.title}`, css: DRAFT_CSS, csp: DRAFT_CSP, noindex: true }),
    '<body>',
    `<main>${renderDraftArticle(d)}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
