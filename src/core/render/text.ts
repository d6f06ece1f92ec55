/**
 * The press release as plain text for e-mail: the same content and order as the HTML page,
 * paragraphs wrapped at 72 columns, headings underlined (readable in any mail client).
 */
import type { Art34Notice, ContactEntry, Fact, PressReleaseModel } from './model';
import { label } from './labels';
import { markdownToBlocks, type TextBlock } from './markdown';
import { draftBannerText } from './draft';
import { BIDI_CONTROLS } from './page';
import type { Locale } from '../shared/types';
import { unbreakableUnits } from './keepTogether';

/** Line width of the text version (the classic e-mail width). */
export const TEXT_WIDTH = 72;

// Control characters other than tab and line feed would garble a mail client or a terminal.
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(BIDI_CONTROLS, '');
}

/**
 * Wraps `text` at `width`, prefixing the first line with `first` and the others with `rest`. A line
 * never breaks inside a phone number, date, time or number with its unit (see keepTogether.ts),
 * unless that unit is too long for a line of its own.
 */
export function wrap(text: string, first = '', rest = first, width = TEXT_WIDTH): string {
  const lines: string[] = [];
  for (const hardLine of clean(text).split('\n')) {
    let line = '';
    for (const unit of unbreakableUnits(hardLine)) {
      const room = width - (lines.length === 0 ? first : rest).length;
      for (const word of unit.length > room ? unit.split(' ') : [unit]) {
        const prefix = lines.length === 0 ? first : rest;
        if (line && prefix.length + line.length + 1 + word.length > width) {
          lines.push(prefix + line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
    }
    lines.push((lines.length === 0 ? first : rest) + line);
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** A heading of the text versions: one clean line, underlined with `char` (the press release's and the status page's). */
export function heading(text: string, char = '-'): string {
  const line = clean(text).replace(/\s+/g, ' ').trim();
  return `${line}\n${char.repeat(Math.min(TEXT_WIDTH, Math.max(3, [...line].length)))}`;
}

function fact(f: Fact, indent = ''): string {
  return wrap(`${f.label}: ${f.value}`, indent, indent + '  ');
}

/**
 * The public section's blocks as text: a blank line between blocks, none between the items of a
 * tight list, and `>` on the blank line between two paragraphs of one quote (a bare blank line
 * there ended the quote and began another).
 */
function blocks(list: readonly TextBlock[]): string {
  let out = '';
  list.forEach((b, i) => {
    let text: string;
    if (b.pre) text = clean(b.text).split('\n').map((line, n) => (n === 0 ? b.first : b.rest) + line).join('\n');
    // A heading inside a list or quote keeps its bullet or marker: underlined, it would lose them.
    else if (b.heading && !b.first && !b.rest) text = heading(b.text);
    else text = wrap(b.text, b.first, b.rest);
    if (i > 0) out += b.tight ? '\n' : `\n${quoteMarks(list[i - 1]!.rest, b.first)}\n`;
    out += text;
  });
  return out;
}

/** The quote markers two neighbouring blocks share (`>`, `> >`; none outside a quote): what the line between them carries. */
function quoteMarks(before: string, after: string): string {
  let common = 0;
  while (common < before.length && common < after.length && before[common] === after[common]) common++;
  const shared = before.slice(0, common);
  return shared.slice(0, shared.lastIndexOf('>') + 1);
}

/** A contact's phone, e-mail and hours as indented lines. */
export function contactLinesText(c: ContactEntry, L: (key: Parameters<typeof label>[1]) => string, indent = '  '): string[] {
  const lines: string[] = [];
  if (c.phone) lines.push(wrap(`${L('phone')}: ${c.phone}`, indent, indent + '  '));
  if (c.email) lines.push(wrap(`${L('email')}: ${c.email}`, indent, indent + '  '));
  if (c.hours) lines.push(wrap(`${L('hours')}: ${c.hours}`, indent, indent + '  '));
  return lines;
}

/**
 * The public communication under Art. 34(3)(c) GDPR as text (see `art34Html`): heading, intro and
 * the Art. 34(2) contents; `pointer` adds the line that sends readers to the status page.
 */
export function art34Text(notice: Art34Notice, locale: PressReleaseModel['locale'], pointer?: { link: string | undefined }): string {
  const L = (key: Parameters<typeof label>[1]) => label(locale, key);
  const what = [notice.nature, notice.categories.length > 0 ? `${L('categories')}: ${notice.categories.join(', ')}.` : null, notice.subjects ? `${L('subjects')}: ${notice.subjects}.` : null]
    .filter((part): part is string => part !== null)
    .join(' ');
  const out = [heading(L('art34Heading').toUpperCase(), '='), wrap(L('art34Intro'))];
  const items: string[] = [];
  if (what) items.push(fact({ label: L('art34What'), value: what }));
  if (notice.consequences) items.push(fact({ label: L('art34Consequences'), value: notice.consequences }));
  if (notice.measures) items.push(fact({ label: L('measures'), value: notice.measures }));
  if (notice.advice) items.push(fact({ label: L('advice'), value: notice.advice }));
  if (notice.contacts.length > 0) {
    const contacts = notice.contacts.map((c) => [wrap(c.name ?? c.role, '- ', '  '), ...contactLinesText(c, L, '  ')].join('\n'));
    items.push(`${L('art34Contact')}:\n${contacts.join('\n')}`);
  }
  out.push(items.join('\n'));
  if (pointer) out.push(wrap(pointer.link ? `${L('art34StatusPage')}: ${pointer.link}` : `${L('art34StatusPage')}.`));
  return out.join('\n\n');
}

/**
 * Renders the model as plain text; `link` is the status page's address (for an Art. 34
 * communication), `draft` puts the draft banner on top.
 */
export function renderText(model: PressReleaseModel, options: { link?: string; draft?: boolean } = {}): string {
  const L = (key: Parameters<typeof label>[1]) => label(model.locale, key);
  const out: string[] = [];
  if (options.draft) out.push(draftBannerText(model.locale));

  out.push(model.organization ? `${L('kind').toUpperCase()} · ${clean(model.organization)}` : L('kind').toUpperCase());
  out.push(heading(model.title, '='));
  if (model.whatsNew && model.whatsNew.items.length > 0) out.push(whatsNewText(model.locale, model.whatsNew.items));

  if (!model.hasPublicSection) out.push(wrap(`[${L('noPublicSection')}]`));
  // "Ort, Datum –" opens the lead, as a press office writes it.
  const dateline = model.dateline.place ? `${model.dateline.place}, ${model.dateline.date}` : model.dateline.date;
  const lead = model.lead ? markdownToBlocks([model.lead]) : [];
  const first = lead[0];
  if (first && !first.pre && !first.heading) {
    out.push(wrap(`${dateline} – ${first.text}`, first.first, first.rest), blocks(lead.slice(1)));
  } else {
    out.push(wrap(dateline), blocks(lead));
  }

  out.push(blocks(markdownToBlocks(model.rest)));

  const glance = model.facts.map((f) => fact(f));
  if (model.affectedOrganizations.length > 0) {
    glance.push(fact({ label: L('affectedOrganizations'), value: model.affectedOrganizations.join('; ') }));
  }
  if (glance.length > 0) out.push(`${heading(L('atAGlance'))}\n${glance.join('\n')}`);

  if (model.services.length > 0) {
    const items = model.services.map((s) => {
      const lines = [wrap(s.state ? `${s.name}: ${s.state}` : s.name, '- ', '  ')];
      if (s.workaround) lines.push(wrap(`${L('workaround')}: ${s.workaround}`, '  ', '  '));
      if (s.restoredAt) lines.push(fact(s.restoredAt, '  '));
      return lines.join('\n');
    });
    out.push(`${heading(L('services'))}\n${items.join('\n')}`);
  }
  if (model.expectedRestoration) out.push(fact(model.expectedRestoration));

  const loss = [heading(L('dataLoss').toUpperCase(), '='), wrap(model.dataLoss.statement ?? L('noStatement'))];
  if (model.dataLoss.advice) loss.push(wrap(`${L('advice')}: ${model.dataLoss.advice}`));
  const lossFacts = model.dataLoss.facts.map((f) => fact(f));
  if (model.dataLoss.categories.length > 0) lossFacts.push(fact({ label: L('categories'), value: model.dataLoss.categories.join(', ') }));
  if (lossFacts.length > 0) loss.push(lossFacts.join('\n'));
  out.push(loss.join('\n\n'));
  if (model.art34) out.push(art34Text(model.art34, model.locale, { link: options.link }));

  if (model.authorityGroups.length > 0) {
    out.push(`${heading(L('authorities'))}\n${model.authorityGroups.map((g) => fact({ label: g.label, value: g.names.join('; ') })).join('\n')}`);
  }

  if (model.updates.length > 0) {
    out.push(heading(L('updates')));
    for (const u of model.updates) out.push([wrap(u.heading), ...u.paragraphs.map((p) => wrap(p))].join('\n'));
  }

  if (model.contacts.length > 0) {
    const items = model.contacts.map((c) => {
      const lines = [wrap(c.name ? `${c.role}: ${c.name}` : c.role, '- ', '  '), ...contactLinesText(c, L)];
      if (c.dataProtection && c.roleKey !== 'dpo') lines.push(wrap(L('dataProtectionContact'), '  ', '    '));
      return lines.join('\n');
    });
    out.push(`${heading(L('contacts'))}\n${items.join('\n')}`);
  }

  if (model.about || model.address) {
    const title = L('about').replace('{org}', model.organization ?? L('organizationFallback'));
    const about = [model.about ? wrap(model.about) : '', model.address ? wrap(`${L('address')}: ${model.address}`) : ''].filter(Boolean);
    out.push(`${heading(title)}\n${about.join('\n\n')}`);
  }

  const footer = [wrap(`${L('source')}: ${model.source}`)];
  if (model.asOf) footer.push(fact(model.asOf));
  out.push(`--\n${footer.join('\n')}`);
  return out.filter((block) => block.trim() !== '').join('\n\n') + '\n';
}

/** The "Was ist neu" / "What's new" box as text: a heading and one wrapped item per change. */
export function whatsNewText(locale: Locale, items: readonly string[]): string {
  return `${heading(label(locale, 'whatsNew'))}\n${items.map((item) => wrap(`- ${item}`, '', '  ')).join('\n')}`;
}
