/**
 * The formats of the bundled validator: ajv-formats' full formats, with `date-time` and `date`
 * remembered per text. Every report has a dozen or more timestamps, and ajv-formats splits and
 * matches each anew on every lint (a quarter of all memory a large CLI run allocated went to it);
 * the same timestamps come back on every keystroke and across the reports of a family. Both checks
 * are pure functions of the text, so a remembered answer is the answer.
 *
 * scripts/gen-schema-validator.mjs points the generated code here instead of at ajv-formats.
 */
import { fullFormats as ajvFullFormats } from 'ajv-formats/dist/formats';
import { BoundedCache } from '../shared/memo';

type FormatCheck = { validate: (text: string) => boolean; compare?: unknown };

function remembered(format: unknown): FormatCheck {
  const original = format as FormatCheck;
  const answers = new BoundedCache<string, boolean>(4096);
  return { ...original, validate: (text) => answers.get(text, () => original.validate(text)) };
}

/** ajv-formats' `fullFormats`, the date checks remembered. */
export const fullFormats: typeof ajvFullFormats = {
  ...ajvFullFormats,
  'date-time': remembered(ajvFullFormats['date-time']) as (typeof ajvFullFormats)['date-time'],
  date: remembered(ajvFullFormats.date) as (typeof ajvFullFormats)['date'],
};
