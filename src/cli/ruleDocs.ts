import { RULES, t, type Locale } from '../core';
import { ruleHelpUri } from './packageInfo';

/** Help for a rule as SARIF wants it: its description and a link to its full documentation on GitHub. */
export function docsFor(ruleId: string, locale: Locale): { text: string; markdown: string } {
  const rule = RULES.find((r) => r.id === ruleId);
  const description = rule ? rule.description[locale] : ruleId;
  const where = `docs/rules/${ruleId}.md`;
  const uri = ruleHelpUri(ruleId);
  const more = t(locale, { en: 'Details:', de: 'Ausführlich:' });
  return { text: `${description} ${more} ${uri}`, markdown: `${description}\n\n${more} [${where}](${uri})` };
}
