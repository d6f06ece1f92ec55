/**
 * The forms behind the drafts: each draft lists the items its form asks for, in the form's order,
 * every item with the report fields it is filled from and the legal source that asks for it. The
 * draft shows them as the form's table (a value, or a visible gap); `npm run generate` writes the
 * same definitions to docs/drafts/<draft>.md, so the documentation cannot drift from the drafts.
 */
import type { Localized } from '../../shared/types';
import { getIn } from '../../report/fields';
import type { DraftContext } from './context';
import type { DraftBlock, DraftDocument, DraftSection, DraftValue } from './document';

/** One item of a form. */
export interface FormItem {
  /** "1.3": the item's place in the form. */
  number: string;
  label: Localized;
  /** The report fields it is filled from (as documented, e.g. `contacts[role=dpo]`); empty when no field holds it. */
  fields: readonly string[];
  /** The provision or form that asks for it. */
  source: Localized;
  /** The item's content from the facts, or a gap; several values are listed. */
  value(ctx: DraftContext): DraftValue | DraftValue[];
}

/** A section of a form. */
export interface FormSection {
  heading: Localized;
  items: readonly FormItem[];
  /** A note above the table (documentation only), e.g. when the section is shown. */
  note?: Localized;
}

/** A form: what one draft asks for, for the docs and the tests. */
export interface DraftForm {
  id: string;
  title: Localized;
  /** Where the form's layout comes from. */
  basis: Localized;
  sections: readonly FormSection[];
}

/** The table's column headings. */
export const COLUMNS: Record<keyof DraftDocument['columns'], Localized> = {
  number: { en: 'No.', de: 'Nr.' },
  item: { en: 'Item', de: 'Angabe' },
  content: { en: 'Content', de: 'Inhalt' },
  source: { en: 'Source', de: 'Grundlage' },
};

/** The column headings in the draft's language. */
export function columns(ctx: DraftContext): DraftDocument['columns'] {
  return { number: ctx.t(COLUMNS.number), item: ctx.t(COLUMNS.item), content: ctx.t(COLUMNS.content), source: ctx.t(COLUMNS.source) };
}

/** One item as a block of the draft. */
export function itemBlock(ctx: DraftContext, item: FormItem): DraftBlock {
  const value = item.value(ctx);
  const values = Array.isArray(value) ? value : [value];
  return { kind: 'item', number: item.number, label: ctx.t(item.label), values, source: ctx.t(item.source) };
}

/** A form section as a section of the draft, with blocks before or after its table. */
export function formSection(ctx: DraftContext, section: FormSection, extra: { before?: DraftBlock[]; after?: DraftBlock[] } = {}): DraftSection {
  return { heading: ctx.t(section.heading), blocks: [...(extra.before ?? []), ...section.items.map((item) => itemBlock(ctx, item)), ...(extra.after ?? [])] };
}

/** Shorthand for a localized text. */
export const L = (en: string, de: string): Localized => ({ en, de });

/**
 * An item holding one text field of the report (`data_loss.measures`): its text, or a gap naming
 * what is missing. Most items of the forms are of this kind.
 */
export function textItem(number: string, label: Localized, field: string, source: Localized, missing: Localized): FormItem {
  const path = field.split('.');
  return { number, label, fields: [field], source, value: (ctx) => ctx.textOr(getIn(ctx.data, path), missing) };
}
