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

/**
 * RFC 3339 writes an offset with a colon (`+01:00`) or as `Z`. ajv-formats also takes `+0100` and
 * `+01`, which no rule could read: a report written that way passed the schema while every check
 * of its times (chronology, GDPR and NIS2 clocks) silently skipped it.
 */
const RFC3339_OFFSET = /(?:[Zz]|[+-]\d{2}:\d{2})$/;

function rfc3339Offset(format: unknown): FormatCheck {
  const original = format as FormatCheck;
  return { ...original, validate: (text) => RFC3339_OFFSET.test(text) && original.validate(text) };
}

/** ajv-formats' `fullFormats`, the date checks remembered, `date-time` with RFC 3339 offsets only. */
export const fullFormats: typeof ajvFullFormats = {
  ...ajvFullFormats,
  'date-time': remembered(rfc3339Offset(ajvFullFormats['date-time'])) as (typeof ajvFullFormats)['date-time'],
  date: remembered(ajvFullFormats.date) as (typeof ajvFullFormats)['date'],
};
