/**
 * The press release as a self-contained HTML page: inline CSS (screen and print), no scripts, a
 * Content-Security-Policy that forbids every load except inline styles and `data:` images, and every
 * report value escaped. Markdown from the public section arrives already sanitized (see markdown.ts).
 */
import type { Art34Notice, ContactEntry, Fact, PressReleaseModel } from './model';
import { label } from './labels';
import { markdownToHtml } from './markdown';
import { DRAFT_CSS, draftBannerHtml } from './draft';
import { escapeHtml, pageHead } from './page';
import type { Locale } from '../shared/types';

const e = escapeHtml;

/** Styles of the exported page: readable on screen, clean on paper. */
export const PAGE_CSS = `
:root { color-scheme: light; --accent: #1d4e89; --muted: #555; --rule: #d0d5dc; --alert-bg: #fff4e5; --alert-border: #c25e00; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1a1a1a; font: 16px/1.55 Georgia, "Times New Roman", serif; }
.press-release { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.press-release header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; font: 600 .8rem/1.2 system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); }
.dateline { font-weight: 700; }
.letterhead { letter-spacing: .06em; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .6rem 0 1rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; color: var(--accent); margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
h3, h4, h5, h6 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 1.3rem 0 .4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; font: .9rem/1.4 system-ui, sans-serif; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.lead { font-size: 1.12rem; font-weight: 600; }
.whats-new { border: 2px solid var(--accent); padding: .4rem 1rem; margin: 0 0 1.5rem; font: .95rem/1.45 system-ui, sans-serif; }
.whats-new h2 { margin: .4rem 0; border: 0; }
.notice { border: 1px dashed var(--alert-border); background: var(--alert-bg); padding: .75rem 1rem; font: .95rem/1.45 system-ui, sans-serif; }
.services { list-style: none; padding: 0; margin: 0; }
.services li { padding: .55rem 0; border-bottom: 1px solid var(--rule); }
.services .state { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border-radius: .25rem; font: 600 .78rem/1.6 system-ui, sans-serif; background: #e8eaed; }
.state-major_outage { background: #fbd5d5 !important; color: #8a1111; }
.state-partial_outage { background: #fde6c8 !important; color: #7a3e00; }
.state-degraded_performance { background: #fff1bf !important; color: #6b5200; }
.state-under_maintenance { background: #dde7f7 !important; color: #1d4e89; }
.state-operational { background: #d7f0dc !important; color: #17602a; }
.services .detail { display: block; font-size: .95rem; color: #333; }
.data-loss { border-left: 6px solid var(--alert-border); background: var(--alert-bg); padding: .9rem 1.2rem; margin: 1.5rem 0; }
.data-loss h2 { margin-top: 0; border: 0; color: #7a3e00; }
.data-loss .statement { font-size: 1.08rem; font-weight: 700; margin: 0 0 .6rem; }
.data-loss .facts { margin-top: .4rem; }
.restoration { font: 600 1rem/1.4 system-ui, sans-serif; }
.art34 { border: 2px solid var(--alert-border); padding: .9rem 1.2rem; margin: 1.5rem 0; }
.art34 h2 { margin-top: 0; border: 0; }
.updates article { margin: 0 0 1rem; }
.updates h3 { color: var(--accent); }
.contacts { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
.contacts .role { font: 600 .8rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); display: block; }
.about p { font-size: .95rem; }
.press-release footer { margin-top: 2rem; padding-top: .8rem; border-top: 1px solid var(--rule); font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); }
a { color: var(--accent); }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: #333; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
pre { white-space: pre-wrap; background: #f4f5f7; padding: .6rem; }
table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: .25rem .5rem; }
@media print {
  @page { margin: 18mm 20mm; }
  body { background: #fff; font-size: 11pt; }
  .press-release { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  h2, h3 { break-after: avoid; }
  .services li, .updates article, .contacts li, .data-loss { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
  .data-loss, .notice { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function time(fact: Fact): string {
  return fact.datetime ? `<time datetime="${e(fact.datetime)}">${e(fact.value)}</time>` : e(fact.value);
}

function factList(facts: readonly Fact[], className = 'facts'): string {
  if (facts.length === 0) return '';
  return `<dl class="${className}">${facts.map((f) => `<dt>${e(f.label)}</dt><dd>${time(f)}</dd>`).join('')}</dl>`;
}

/** "Kreis Soest, 30. Oktober 2023 –": the dateline that opens the lead, as a press office writes it. */
function datelineHtml(model: PressReleaseModel, dash: boolean): string {
  const date = model.dateline.datetime
    ? `<time datetime="${e(model.dateline.datetime)}">${e(model.dateline.date)}</time>`
    : e(model.dateline.date);
  const place = model.dateline.place ? `<span class="place">${e(model.dateline.place)}</span>, ` : '';
  return `<span class="dateline">${place}${date}${dash ? ' –' : ''}</span>`;
}

/** Phone and e-mail of a contact as HTML lines, linked where they can be. */
export function contactLinesHtml(c: ContactEntry, L: (key: Parameters<typeof label>[1]) => string): string[] {
  const lines: string[] = [];
  if (c.phone) lines.push(`${L('phone')}: ${c.phoneHref ? `<a href="${e(c.phoneHref)}">${e(c.phone)}</a>` : e(c.phone)}`);
  if (c.email) lines.push(`${L('email')}: ${c.emailLinkable ? `<a href="mailto:${e(c.email)}">${e(c.email)}</a>` : e(c.email)}`);
  if (c.hours) lines.push(`${L('hours')}: ${e(c.hours)}`);
  return lines;
}

/**
 * The public communication under Art. 34(3)(c) GDPR as an HTML section: what happened, the likely
 * consequences, the measures, the advice and whom to ask, in that order (Art. 34(2)). `pointer` adds
 * the line that sends readers to the status page (the press release has it; the page itself not).
 */
export function art34Html(notice: Art34Notice, locale: PressReleaseModel['locale'], id: string, pointer?: { link: string | undefined }, level = 2): string {
  const L = (key: Parameters<typeof label>[1]) => e(label(locale, key));
  const what = [notice.nature, notice.categories.length > 0 ? `${label(locale, 'categories')}: ${notice.categories.join(', ')}.` : null, notice.subjects ? `${label(locale, 'subjects')}: ${notice.subjects}.` : null]
    .filter((part): part is string => part !== null)
    .map(e)
    .join(' ');
  const items: Array<[string, string]> = [];
  if (what) items.push([L('art34What'), what]);
  if (notice.consequences) items.push([L('art34Consequences'), e(notice.consequences)]);
  if (notice.measures) items.push([L('measures'), e(notice.measures)]);
  if (notice.advice) items.push([L('advice'), e(notice.advice)]);
  if (notice.contacts.length > 0) {
    items.push([L('art34Contact'), notice.contacts.map((c) => [c.name ? `<strong>${e(c.name)}</strong>` : e(c.role), ...contactLinesHtml(c, L)].join('<br>')).join('<br>')]);
  }
  const parts = [`<section class="art34" aria-labelledby="${id}">`, `<h${level} id="${id}">${L('art34Heading')}</h${level}>`, `<p>${L('art34Intro')}</p>`];
  parts.push(`<dl class="facts">${items.map(([dt, dd]) => `<dt>${dt}</dt><dd>${dd}</dd>`).join('')}</dl>`);
  if (pointer) {
    const link = pointer.link && /^https?:\/\//i.test(pointer.link) ? `: <a href="${e(pointer.link)}">${e(pointer.link)}</a>` : '.';
    parts.push(`<p class="status-page-pointer">${L('art34StatusPage')}${link}</p>`);
  }
  parts.push('</section>');
  return parts.join('');
}

/**
 * The release as an `<article>` fragment (for the editor preview, which brings its own CSP and
 * styles), in the order of a press office's release: headline; "Ort, Datum –" opening the lead; the
 * body; the structured facts (at a glance, services, restoration, data-loss box, authorities,
 * updates); the contacts (press first) and the boilerplate about the organisation.
 */
export function renderArticle(model: PressReleaseModel, options: { link?: string } = {}): string {
  const L = (key: Parameters<typeof label>[1]) => e(label(model.locale, key));
  const parts: string[] = [];

  parts.push('<article class="press-release">', '<header>');
  parts.push(`<p class="kicker">${L('kind')}${model.organization ? ` · <span class="letterhead">${e(model.organization)}</span>` : ''}</p>`);
  parts.push(`<h1>${e(model.title)}</h1>`);
  parts.push('</header>');
  if (model.whatsNew && model.whatsNew.items.length > 0) parts.push(whatsNewHtml(model.locale, model.whatsNew.items));

  if (!model.hasPublicSection) parts.push(`<p class="notice" role="note">${L('noPublicSection')}</p>`);
  const lead = model.lead ? markdownToHtml([model.lead], model.publicDepth) : '';
  if (lead.startsWith('<p>')) parts.push(`<div class="lead"><p>${datelineHtml(model, true)} ${lead.slice(3)}</div>`);
  else parts.push(`<div class="lead"><p>${datelineHtml(model, false)}</p>${lead}</div>`);

  const rest = markdownToHtml(model.rest, model.publicDepth);
  if (rest) parts.push(`<section class="body">${rest}</section>`);

  const glance = [...model.facts];
  if (model.affectedOrganizations.length > 0) {
    glance.push({ label: label(model.locale, 'affectedOrganizations'), value: model.affectedOrganizations.join('; ') });
  }
  if (glance.length > 0) parts.push(`<section class="at-a-glance"><h2>${L('atAGlance')}</h2>${factList(glance)}</section>`);

  if (model.services.length > 0) {
    parts.push(`<section class="affected-services"><h2>${L('services')}</h2><ul class="services">`);
    for (const s of model.services) {
      const cls = s.stateKey ? ` state-${s.stateKey}` : '';
      let item = `<li><strong>${e(s.name)}</strong>${s.state ? `<span class="state${cls}">${e(s.state)}</span>` : ''}`;
      if (s.workaround) item += `<span class="detail">${L('workaround')}: ${e(s.workaround)}</span>`;
      if (s.restoredAt) item += `<span class="detail">${e(s.restoredAt.label)}: ${time(s.restoredAt)}</span>`;
      parts.push(item + '</li>');
    }
    parts.push('</ul></section>');
  }
  if (model.expectedRestoration) {
    parts.push(`<p class="restoration">${e(model.expectedRestoration.label)}: ${time(model.expectedRestoration)}</p>`);
  }

  parts.push(`<section class="data-loss" aria-labelledby="data-loss-heading"><h2 id="data-loss-heading">${L('dataLoss')}</h2>`);
  parts.push(`<p class="statement">${e(model.dataLoss.statement ?? label(model.locale, 'noStatement'))}</p>`);
  if (model.dataLoss.advice) parts.push(`<p class="advice"><strong>${L('advice')}:</strong> ${e(model.dataLoss.advice)}</p>`);
  const lossFacts = [...model.dataLoss.facts];
  if (model.dataLoss.categories.length > 0) {
    lossFacts.push({ label: label(model.locale, 'categories'), value: model.dataLoss.categories.join(', ') });
  }
  parts.push(factList(lossFacts), '</section>');
  if (model.art34) parts.push(art34Html(model.art34, model.locale, 'art34-heading', { link: options.link }));

  if (model.authorityGroups.length > 0) {
    const groups = model.authorityGroups.map((g) => ({ label: g.label, value: g.names.join('; ') }));
    parts.push(`<section class="authorities"><h2>${L('authorities')}</h2>${factList(groups)}</section>`);
  }

  if (model.updates.length > 0) {
    parts.push(`<section class="updates"><h2>${L('updates')}</h2>`);
    for (const u of model.updates) {
      const heading = u.datetime ? `<time datetime="${e(u.datetime)}">${e(u.heading)}</time>` : e(u.heading);
      parts.push(`<article><h3>${heading}</h3>${u.paragraphs.map((p) => `<p>${e(p)}</p>`).join('')}</article>`);
    }
    parts.push('</section>');
  }

  if (model.contacts.length > 0) {
    parts.push(`<section class="contact"><h2>${L('contacts')}</h2><ul class="contacts">`);
    for (const c of model.contacts) {
      const lines: string[] = [];
      if (c.name) lines.push(`<strong>${e(c.name)}</strong>`);
      lines.push(...contactLinesHtml(c, L));
      if (c.dataProtection && c.roleKey !== 'dpo') lines.push(L('dataProtectionContact'));
      parts.push(`<li><span class="role">${e(c.role)}</span>${lines.join('<br>')}</li>`);
    }
    parts.push('</ul></section>');
  }

  if (model.about || model.address) {
    const heading = label(model.locale, 'about').replace('{org}', model.organization ?? label(model.locale, 'organizationFallback'));
    const about = model.about ? `<p>${e(model.about)}</p>` : '';
    const address = model.address ? `<p class="address">${L('address')}: ${e(model.address)}</p>` : '';
    parts.push(`<section class="about"><h2>${e(heading)}</h2>${about}${address}</section>`);
  }

  parts.push('<footer>');
  parts.push(`<p class="source">${L('source')}: ${e(model.source)}</p>`);
  if (model.asOf) parts.push(`<p class="as-of">${e(model.asOf.label)}: ${time(model.asOf)}</p>`);
  parts.push('</footer>', '</article>');
  return parts.join('\n');
}

/**
 * The complete page around {@link renderArticle}; `draft` marks it as a draft (banner on top,
 * `noindex`, the draft marker before the title).
 */
export function renderPage(model: PressReleaseModel, article = renderArticle(model), draft = false): string {
  return [
    ...pageHead({
      lang: model.locale,
      title: `${draft ? label(model.locale, 'draftMarker') + ' ' : ''}${label(model.locale, 'kind')}: ${model.title}`,
      css: PAGE_CSS + (draft ? DRAFT_CSS : ''),
      noindex: draft,
    }),
    '<body>',
    // The page's one landmark: without it, screen readers have nothing to jump to (axe: landmark-one-main, region).
    '<main>',
    ...(draft ? [draftBannerHtml(model.locale)] : []),
    article,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The "Was ist neu" / "What's new" box: the changes since the previous release, escaped. */
export function whatsNewHtml(locale: Locale, items: readonly string[]): string {
  return `<section class="whats-new" aria-label="${e(label(locale, 'whatsNew'))}"><h2>${e(label(locale, 'whatsNew'))}</h2><ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul></section>`;
}
