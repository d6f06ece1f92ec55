/**
 * The emergency status page ("Notfallseite" / "Service status") for one or several reports, built
 * from publication models only. Per organisation: how to reach it (first, because that is what people
 * look for), then every open incident with the state of each service, its workaround and
 * restoration time, and the expected restoration. Below: the newest updates first, with a link to
 * the feed, and a short "recently resolved" list.
 *
 * HTML: one self-contained page with the press release's CSP (no scripts, nothing loaded), readable
 * on paper. Text: the same content, wrapped at 72 columns.
 */
import { citizenContact, type ContactEntry, type Fact, type PressReleaseModel, type UpdateEntry } from './model';
import { label, type LABELS } from './labels';
import { art34Html, whatsNewHtml } from './html';
import { escapeHtml as e, pageHead } from './page';
import { FEED_FILE } from './atom';
import type { OutputOptions } from './outputOptions';
import { art34Text, heading as underline, whatsNewText, wrap } from './text';
import { DRAFT_CSS, draftBannerHtml, draftBannerText, NOINDEX_META } from './draft';
import type { Locale } from '../shared/types';

type LabelKey = keyof typeof LABELS;

/** Styles of the status page: high contrast, large contact details, clean print. */
export const STATUS_CSS = `
:root { color-scheme: light; --accent: #1d4e89; --muted: #4a4a4a; --rule: #c8cdd4; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1a1a1a; font: 16px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; }
.whats-new { border: 2px solid var(--accent); background: #fff; padding: .4rem 1rem; margin: 1rem 0; }
.whats-new h2 { margin: .4rem 0; }
.site-header, main, .site-footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
.site-header { padding-top: 1.5rem; }
.kicker { margin: 0; font-weight: 700; font-size: .85rem; letter-spacing: .1em; text-transform: uppercase; color: var(--accent); }
h1 { font-size: 1.8rem; line-height: 1.2; margin: .3rem 0 .4rem; }
.as-of { margin: 0 0 1rem; color: var(--muted); }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .6rem; color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.organization { background: #fff; border: 1px solid var(--rule); border-radius: .4rem; padding: .2rem 1.2rem 1rem; margin: 1rem 0; }
.reach { background: #e8f0fb; border-left: 6px solid var(--accent); padding: .6rem 1rem; margin: .8rem 0; }
.reach h3 { margin-top: .2rem; }
.reach ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
.reach .role { font-weight: 700; }
.reach .phone { font-size: 1.25rem; font-weight: 700; }
.incident-status { margin: .2rem 0 .6rem; color: var(--muted); }
caption { text-align: left; font-weight: 700; padding: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); }
thead th { font-size: .85rem; color: var(--muted); }
tbody th { font-weight: 700; }
.state { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 700; font-size: .85rem; background: #e8eaed; color: #1a1a1a; white-space: nowrap; }
.state-major_outage { background: #fbd5d5; color: #8a1111; }
.state-partial_outage { background: #fde6c8; color: #7a3e00; }
.state-degraded_performance { background: #fff1bf; color: #5c4600; }
.state-under_maintenance { background: #dde7f7; color: #1d4e89; }
.state-operational { background: #d7f0dc; color: #17602a; }
.restoration { font-weight: 700; }
.statement { border-left: 4px solid #c25e00; background: #fff4e5; padding: .4rem .8rem; }
.art34 { border: 2px solid #c25e00; background: #fff; padding: .2rem 1rem .6rem; margin: .8rem 0; }
.art34 h4 { margin: .6rem 0 .3rem; font-size: 1.05rem; }
.art34 .facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.art34 .facts dt { font-weight: 700; }
.art34 .facts dd { margin: 0; }
.updates ol, .resolved ul { list-style: none; padding: 0; margin: 0; }
.updates li { background: #fff; border: 1px solid var(--rule); border-radius: .4rem; padding: .6rem 1rem; margin: 0 0 .6rem; }
.updates .when { display: block; font-weight: 700; }
.updates .about { display: block; color: var(--muted); font-size: .9rem; }
.updates p { margin: .3rem 0 0; }
.resolved li { padding: .3rem 0; border-bottom: 1px solid var(--rule); }
a { color: var(--accent); }
.site-footer { padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .organization, .updates li { border-color: #999; break-inside: avoid; }
  .state, .reach, .statement { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
`;

/** The reports of one organisation, open and resolved. */
interface OrganizationGroup {
  name: string;
  open: PressReleaseModel[];
  resolved: PressReleaseModel[];
  contacts: ContactEntry[];
}

function groupByOrganization(models: readonly PressReleaseModel[]): OrganizationGroup[] {
  const groups: OrganizationGroup[] = [];
  for (const model of models) {
    const name = model.organization ?? model.source;
    let group = groups.find((g) => g.name === name);
    if (!group) groups.push((group = { name, open: [], resolved: [], contacts: [] }));
    (model.statusKey === 'resolved' ? group.resolved : group.open).push(model);
    for (const contact of model.contacts) {
      // The same desk listed in two reports is shown once.
      const same = (c: ContactEntry) => c.roleKey === contact.roleKey && c.name === contact.name && c.phone === contact.phone && c.email === contact.email;
      if (!group.contacts.some(same)) group.contacts.push(contact);
    }
  }
  return groups;
}

/** Every update of every report, newest first, with the report it belongs to. */
function allUpdates(models: readonly PressReleaseModel[]): Array<{ model: PressReleaseModel; update: UpdateEntry }> {
  return models
    .flatMap((model, m) => model.updates.map((update, u) => ({ model, update, order: m * 100_000 + (model.updates.length - u) })))
    .sort((a, b) => {
      const ea = a.update.epochMs ?? Number.NEGATIVE_INFINITY;
      const eb = b.update.epochMs ?? Number.NEGATIVE_INFINITY;
      return ea === eb ? b.order - a.order : eb > ea ? 1 : -1;
    })
    .map(({ model, update }) => ({ model, update }));
}

/** "As of": the newest time any report states, its publication or its latest update. */
function asOf(models: readonly PressReleaseModel[], locale: Locale): Fact | null {
  let best: { epoch: number; fact: Fact } | null = null;
  const consider = (epoch: number | null, value: string | null, datetime: string | null) => {
    if (epoch === null || value === null || (best && best.epoch >= epoch)) return;
    best = { epoch, fact: { label: label(locale, 'asOf'), value, ...(datetime ? { datetime } : {}) } };
  };
  for (const model of models) {
    consider(model.publishedEpochMs, model.asOf?.value ?? null, model.asOf?.datetime ?? null);
    for (const update of model.updates) consider(update.epochMs, update.when, update.datetime);
  }
  return (best as { fact: Fact } | null)?.fact ?? models.find((m) => m.asOf)?.asOf ?? null;
}

function pageLocale(models: readonly PressReleaseModel[], options: OutputOptions): Locale {
  return models[0]?.locale ?? options.locale ?? 'en';
}

function timeHtml(fact: Fact): string {
  return fact.datetime ? `<time datetime="${e(fact.datetime)}">${e(fact.value)}</time>` : e(fact.value);
}

/** `lang` attribute for a part whose language differs from the page's. */
function langAttr(model: PressReleaseModel, locale: Locale): string {
  return model.locale === locale ? '' : ` lang="${model.locale}"`;
}

function contactsHtml(contacts: readonly ContactEntry[], L: (key: LabelKey) => string, headingId: string): string {
  if (contacts.length === 0) return '';
  const items = contacts.map((c) => {
    const lines: string[] = [`<span class="role">${e(c.role)}${c.name ? `: ${e(c.name)}` : ''}</span>`];
    if (c.phone) lines.push(`<span class="phone">${L('phone')}: ${c.phoneHref ? `<a href="${e(c.phoneHref)}">${e(c.phone)}</a>` : e(c.phone)}</span>`);
    if (c.email) lines.push(`${L('email')}: ${c.emailLinkable ? `<a href="mailto:${e(c.email)}">${e(c.email)}</a>` : e(c.email)}`);
    if (c.hours) lines.push(`${L('hours')}: ${e(c.hours)}`);
    return `<li>${lines.join('<br>')}</li>`;
  });
  // A plain block, not a labelled region: every organisation has one, and landmarks must differ by name.
  return `<div class="reach"><h3 id="${headingId}">${L('reachUs')}</h3><ul>${items.join('')}</ul></div>`;
}

/**
 * The footer a citizen reads last, on screen and on paper: who publishes, how to reach them (the
 * hotline, else the emergency contact, else the press office) and how current the page is.
 */
interface FooterLine {
  organization: string;
  contact: ContactEntry | undefined;
  /** The language of the contact's role word (its report's). */
  locale: Locale | undefined;
}

function footerLines(groups: readonly OrganizationGroup[]): FooterLine[] {
  return groups.map((group) => ({
    organization: group.name,
    contact: citizenContact(group.contacts),
    locale: (group.open[0] ?? group.resolved[0])?.locale,
  }));
}

function footerHtml(groups: readonly OrganizationGroup[], locale: Locale, stamp: Fact | null): string {
  const lines = footerLines(groups).map(({ organization, contact, locale: lineLocale }) => {
    const parts = [`<strong>${e(organization)}</strong>`];
    if (contact?.phone) parts.push(`${e(contact.role)}: ${contact.phoneHref ? `<a href="${e(contact.phoneHref)}">${e(contact.phone)}</a>` : e(contact.phone)}`);
    else if (contact?.email) parts.push(`${e(contact.role)}: ${contact.emailLinkable ? `<a href="mailto:${e(contact.email)}">${e(contact.email)}</a>` : e(contact.email)}`);
    return `<p${lineLocale && lineLocale !== locale ? ` lang="${lineLocale}"` : ''}>${parts.join(' · ')}</p>`;
  });
  if (stamp) lines.push(`<p>${e(stamp.label)}: ${timeHtml(stamp)}</p>`);
  return lines.length > 0 ? `<footer class="site-footer">${lines.join('')}</footer>` : '';
}

function footerText(groups: readonly OrganizationGroup[], stamp: Fact | null): string {
  const lines = footerLines(groups).map(({ organization, contact }) => {
    const reach = contact?.phone ?? contact?.email;
    return wrap(reach ? `${organization} · ${contact!.role}: ${reach}` : organization);
  });
  if (stamp) lines.push(wrap(`${stamp.label}: ${stamp.value}`));
  return `--\n${lines.join('\n')}`;
}

function incidentHtml(model: PressReleaseModel, locale: Locale, id: string): string {
  // Labels in the report's own language: an English report on a German page reads English throughout.
  const L = (key: LabelKey) => e(label(model.locale, key));
  const parts = [`<article class="incident"${langAttr(model, locale)}>`, `<h3>${e(model.title)}</h3>`];
  const status = [model.statusText, model.startedAt ? `${e(model.startedAt.label)}: ${timeHtml(model.startedAt)}` : null].filter(Boolean);
  if (model.statusText) status[0] = `${L('status')}: ${e(model.statusText)}`;
  if (status.length > 0) parts.push(`<p class="incident-status">${status.join(' · ')}</p>`);
  if (model.services.length > 0) {
    parts.push(`<table><caption>${L('services')}</caption><thead><tr><th scope="col">${L('service')}</th><th scope="col">${L('state')}</th><th scope="col">${L('workaround')}</th></tr></thead><tbody>`);
    for (const s of model.services) {
      const state = s.state ? `<span class="state${s.stateKey ? ` state-${s.stateKey}` : ''}">${e(s.state)}</span>` : '';
      const detail = [s.workaround ? e(s.workaround) : '', s.restoredAt ? `${e(s.restoredAt.label)}: ${timeHtml(s.restoredAt)}` : ''].filter(Boolean).join('<br>');
      parts.push(`<tr><th scope="row">${e(s.name)}</th><td>${state}</td><td>${detail}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  if (model.expectedRestoration) parts.push(`<p class="restoration">${e(model.expectedRestoration.label)}: ${timeHtml(model.expectedRestoration)}</p>`);
  if (model.dataLoss.statement) parts.push(`<p class="statement">${e(model.dataLoss.statement)}</p>`);
  if (model.dataLoss.advice) parts.push(`<p class="advice"><strong>${L('advice')}:</strong> ${e(model.dataLoss.advice)}</p>`);
  // The status page is the prominent website notice of a public communication under Art. 34(3)(c) GDPR.
  if (model.art34) parts.push(art34Html(model.art34, model.locale, id, undefined, 4));
  parts.push('</article>');
  return parts.join('\n');
}

/** What the page shows, without the page around it. */
function statusParts(models: readonly PressReleaseModel[], options: OutputOptions) {
  const locale = pageLocale(models, options);
  const L = (key: LabelKey) => e(label(locale, key));
  const groups = groupByOrganization(models);
  const names = groups.map((g) => g.name);
  const heading = names.length > 0 ? names.join(', ') : label(locale, 'unnamedOrg');
  const feedHref = options.feedHref ?? FEED_FILE;
  const stamp = asOf(models, locale);
  const body: string[] = [];

  groups.forEach((group, index) => {
    body.push(`<section class="organization" aria-labelledby="org-${index}">`, `<h2 id="org-${index}">${e(group.name)}</h2>`);
    const groupLocale = (group.open[0] ?? group.resolved[0])?.locale ?? locale;
    const GL = (key: LabelKey) => e(label(groupLocale, key));
    body.push(contactsHtml(group.contacts, GL, `reach-${index}`).replace('<div class="reach">', `<div class="reach"${groupLocale === locale ? '' : ` lang="${groupLocale}"`}>`));
    if (group.open.length === 0) body.push(`<p>${GL('noOpenIncident')}</p>`);
    group.open.forEach((model, i) => body.push(incidentHtml(model, locale, `art34-${index}-${i}`)));
    body.push('</section>');
  });

  const updates = allUpdates(models);
  body.push('<section class="updates" aria-labelledby="updates-heading">', `<h2 id="updates-heading">${L('latestUpdates')}</h2>`);
  body.push(`<p><a href="${e(feedHref)}" type="application/atom+xml">${L('subscribeFeed')}</a></p>`);
  if (updates.length === 0) body.push(`<p>${L('noUpdates')}</p>`);
  else {
    body.push('<ol>');
    for (const { model, update } of updates) {
      const when = update.datetime ? `<time datetime="${e(update.datetime)}">${e(update.heading)}</time>` : e(update.heading);
      const about = models.length > 1 ? `<span class="about">${e(model.organization ?? model.source)}: ${e(model.title)}</span>` : '';
      body.push(`<li${langAttr(model, locale)}><span class="when">${when}</span>${about}${update.paragraphs.map((p) => `<p>${e(p)}</p>`).join('')}</li>`);
    }
    body.push('</ol>');
  }
  body.push('</section>');

  const resolved = groups.flatMap((g) => g.resolved);
  if (resolved.length > 0) {
    body.push('<section class="resolved" aria-labelledby="resolved-heading">', `<h2 id="resolved-heading">${L('recentlyResolved')}</h2><ul>`);
    for (const model of resolved) {
      const when = model.resolvedAt ? ` – ${e(model.resolvedAt.label)}: ${timeHtml(model.resolvedAt)}` : '';
      body.push(`<li${langAttr(model, locale)}><strong>${e(model.organization ?? model.source)}</strong>: ${e(model.title)}${when}</li>`);
    }
    body.push('</ul></section>');
  }
  return { locale, L, heading, feedHref, stamp, body, groups };
}

/** The status page as a fragment (for hosts that bring their own page: the editor preview). */
export function renderStatusPageFragment(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  const { locale, L, heading, stamp, body, groups } = statusParts(models, options);
  return [
    '<article class="status-page">',
    `<h1>${L('statusPage')}: ${e(heading)}</h1>`,
    stamp ? `<p class="as-of">${e(stamp.label)}: ${timeHtml(stamp)}</p>` : '',
    ...body,
    footerHtml(groups, locale, stamp),
    '</article>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The status page as a self-contained HTML page. */
export function renderStatusPageHtml(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  const { locale, L, heading, feedHref, stamp, body, groups } = statusParts(models, options);
  return [
    ...pageHead({
      lang: locale,
      title: `${options.draft ? label(locale, 'draftMarker') + ' ' : ''}${label(locale, 'statusPage')}: ${heading}`,
      css: STATUS_CSS + (options.draft ? DRAFT_CSS : ''),
      noindex: options.draft,
      extra: [`<link rel="alternate" type="application/atom+xml" href="${e(feedHref)}" title="${L('latestUpdates')}">`],
    }),
    '<body>',
    '<header class="site-header">',
    options.draft ? draftBannerHtml(locale) : '',
    `<h1>${L('statusPage')}: ${e(heading)}</h1>`,
    stamp ? `<p class="as-of">${e(stamp.label)}: ${timeHtml(stamp)}</p>` : '',
    '</header>',
    '<main>',
    whatsNewOfPage(models, locale, whatsNewHtml),
    ...body,
    '</main>',
    footerHtml(groups, locale, stamp),
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The status page as plain text (72 columns). */
export function renderStatusPageText(models: readonly PressReleaseModel[], options: OutputOptions = {}): string {
  const locale = pageLocale(models, options);
  const L = (key: LabelKey) => label(locale, key);
  const groups = groupByOrganization(models);
  const out: string[] = [underline(`${L('statusPage')}: ${groups.map((g) => g.name).join(', ') || L('unnamedOrg')}`, '#')];
  if (options.draft) out.unshift(draftBannerText(locale));
  const stamp = asOf(models, locale);
  if (stamp) out.push(wrap(`${stamp.label}: ${stamp.value}`));
  const whatsNew = whatsNewOfPage(models, locale, whatsNewText);
  if (whatsNew) out.push(whatsNew);

  for (const group of groups) {
    out.push(underline(group.name, '='));
    if (group.contacts.length > 0) {
      const lines = group.contacts.map((c) =>
        [
          wrap(c.name ? `${c.role}: ${c.name}` : c.role, '* ', '  '),
          c.phone ? wrap(`${L('phone')}: ${c.phone}`, '  ', '    ') : '',
          c.email ? wrap(`${L('email')}: ${c.email}`, '  ', '    ') : '',
          c.hours ? wrap(`${L('hours')}: ${c.hours}`, '  ', '    ') : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      out.push(`${underline(L('reachUs'), '-')}\n${lines.join('\n')}`);
    }
    if (group.open.length === 0) out.push(wrap(L('noOpenIncident')));
    for (const model of group.open) {
      const block = [underline(model.title, '-')];
      if (model.statusText) block.push(wrap(`${L('status')}: ${model.statusText}`));
      for (const s of model.services) {
        block.push(wrap(s.state ? `${s.name}: ${s.state}` : s.name, '- ', '  '));
        if (s.workaround) block.push(wrap(`${L('workaround')}: ${s.workaround}`, '  ', '  '));
        if (s.restoredAt) block.push(wrap(`${s.restoredAt.label}: ${s.restoredAt.value}`, '  ', '  '));
      }
      if (model.expectedRestoration) block.push(wrap(`${model.expectedRestoration.label}: ${model.expectedRestoration.value}`));
      if (model.dataLoss.statement) block.push(wrap(model.dataLoss.statement));
      if (model.dataLoss.advice) block.push(wrap(`${L('advice')}: ${model.dataLoss.advice}`));
      if (model.art34) block.push('', art34Text(model.art34, model.locale));
      out.push(block.join('\n'));
    }
  }

  const updates = allUpdates(models);
  const feed = options.feedHref ?? FEED_FILE;
  out.push(`${underline(L('latestUpdates'), '=')}\n${wrap(`${L('subscribeFeed')}: ${feed}`)}`);
  if (updates.length === 0) out.push(wrap(L('noUpdates')));
  for (const { model, update } of updates) {
    const lines = [wrap(update.heading)];
    if (models.length > 1) lines.push(wrap(`(${model.organization ?? model.source}: ${model.title})`));
    lines.push(...update.paragraphs.map((p) => wrap(p)));
    out.push(lines.join('\n'));
  }
  const resolved = groups.flatMap((g) => g.resolved);
  if (resolved.length > 0) {
    const lines = resolved.map((m) => wrap(`${m.organization ?? m.source}: ${m.title}${m.resolvedAt ? ` (${m.resolvedAt.label}: ${m.resolvedAt.value})` : ''}`, '- ', '  '));
    out.push(`${underline(L('recentlyResolved'), '=')}\n${lines.join('\n')}`);
  }
  out.push(footerText(groups, stamp));
  return out.join('\n\n') + '\n';
}

/**
 * The "What's new" box at the top of a status page: the changes of every report that has them
 * (`--whats-new`), each line led by the report's headline when the page shows several; '' without.
 */
function whatsNewOfPage(models: readonly PressReleaseModel[], locale: Locale, box: (locale: Locale, items: readonly string[]) => string): string {
  const withChanges = models.filter((model) => model.whatsNew && model.whatsNew.items.length > 0);
  if (withChanges.length === 0) return '';
  const items = withChanges.flatMap((model) => model.whatsNew!.items.map((item) => (models.length > 1 ? `${model.title}: ${item}` : item)));
  return box(locale, items);
}
