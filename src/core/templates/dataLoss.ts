import type { Locale, Localized } from '../shared/types';

/** The four situations a report's `data_loss` block can describe. */
export type DataLossVariant = 'none' | 'suspected' | 'confirmed' | 'investigating';

/** The `data_loss` fields of one variant, plus its public sentence per language. */
export interface DataLossTemplate {
  variant: DataLossVariant;
  /** Short name of the variant for quick-fix titles and snippet choices. */
  label: Localized;
  occurred: 'yes' | 'no' | 'unknown';
  exfiltration: 'confirmed' | 'suspected' | 'no_indication' | 'under_investigation';
  personal_data: 'yes' | 'no' | 'unknown';
  /** The published sentence (at least 20 characters, as the schema requires). */
  statement: Localized;
}

/**
 * The data-loss variants, in the order they are offered. `personal_data` stays `unknown` except for
 * "no loss": confirming that data left the building does not yet say whose data it was, and a
 * template must not assert more than the author knows (a `yes` also triggers the GDPR rule).
 */
export const DATA_LOSS_TEMPLATES: readonly DataLossTemplate[] = [
  {
    variant: 'none',
    label: { en: 'no data loss', de: 'kein Datenabfluss' },
    occurred: 'no',
    exfiltration: 'no_indication',
    personal_data: 'no',
    statement: {
      en: 'According to what we know so far, no data was lost or taken from our systems.',
      de: 'Nach derzeitigem Kenntnisstand sind keine Daten verloren gegangen oder aus unseren Systemen abgeflossen.',
    },
  },
  {
    variant: 'suspected',
    label: { en: 'data loss suspected', de: 'Datenabfluss vermutet' },
    occurred: 'unknown',
    exfiltration: 'suspected',
    personal_data: 'unknown',
    statement: {
      en: 'There are signs that data may have been taken from our systems. We are checking this and will inform those affected.',
      de: 'Es gibt Hinweise darauf, dass Daten aus unseren Systemen abgeflossen sein könnten. Wir prüfen das und informieren die Betroffenen.',
    },
  },
  {
    variant: 'confirmed',
    label: { en: 'data loss confirmed', de: 'Datenabfluss bestätigt' },
    occurred: 'yes',
    exfiltration: 'confirmed',
    personal_data: 'unknown',
    statement: {
      en: 'Unauthorised persons have copied data from our systems. We are determining which data is affected and will inform those concerned directly.',
      de: 'Unbefugte haben Daten aus unseren Systemen kopiert. Wir klären, um welche Daten es sich handelt, und informieren die Betroffenen direkt.',
    },
  },
  {
    variant: 'investigating',
    label: { en: 'under investigation', de: 'wird untersucht' },
    occurred: 'unknown',
    exfiltration: 'under_investigation',
    personal_data: 'unknown',
    statement: {
      en: 'Whether any data was lost or taken is still being investigated. We will report as soon as we know more.',
      de: 'Ob Daten verloren gegangen oder abgeflossen sind, wird derzeit untersucht. Wir berichten, sobald wir mehr wissen.',
    },
  },
];

/** The `data_loss` fields of a variant in schema order, with the statement in `lang`. */
export function dataLossFields(template: DataLossTemplate, lang: Locale): Array<[key: string, value: string]> {
  return [
    ['occurred', template.occurred],
    ['exfiltration', template.exfiltration],
    ['personal_data', template.personal_data],
    ['statement', template.statement[lang]],
  ];
}
