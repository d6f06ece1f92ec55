import { RULES, t, type Locale } from '../core';

/** Help for a rule as SARIF wants it: its description and where the full documentation lives. */
export function docsFor(ruleId: string, locale: Locale): { text: string; markdown: string } {
  const rule = RULES.find((r) => r.id === ruleId);
  const description = rule ? rule.description[locale] : ruleId;
  const where = `docs/rules/${ruleId}.md`;
  const more = t(locale, { en: 'Details:', de: 'Ausführlich:' });
  return { text: `${description} ${more} ${where}`, markdown: `${description}\n\n${more} [${where}](${where})` };
}
