import type { Locale, Localized } from './types';

/** Picks the text for `locale` and fills `{name}` placeholders. */
export function t(locale: Locale, text: Localized, values: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Normalises a locale tag such as `de-AT` or `en_US.UTF-8` to a supported locale (English otherwise). */
export function toLocale(tag: string | undefined | null): Locale {
  return tag && /^de(?:[-_.@]|$)/i.test(tag.trim()) ? 'de' : 'en';
}

/** Joins values as an inline-code list: `a`, `b` or `c` / `a`, `b` oder `c`. */
export function listValues(locale: Locale, values: readonly string[]): string {
  const quoted = values.map((v) => '`' + v + '`');
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted.pop()!;
  return quoted.join(', ') + (locale === 'de' ? ' oder ' : ' or ') + last;
}

/** Shows a value from the report in a message, shortened so one finding stays one line. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? oneLine.slice(0, 39) + '…' : oneLine;
}

/** The field name users know: `data_loss.statement`, `affected_services[0].status`. */
export function fieldName(pointer: string | null): string {
  if (!pointer) return 'frontmatter';
  let name = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    name += /^\d+$/.test(segment) ? `[${segment}]` : (name ? '.' : '') + segment;
  }
  return name || 'frontmatter';
}
