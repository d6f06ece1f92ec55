import type { Rule } from './rule';
import { recordItems } from '../report/fields';

/** The `press-contact` rule; its `docs` are rendered to docs/rules/press-contact.md by `npm run generate`. */
export const pressContactRule: Rule = {
  id: 'press-contact',
  defaultSeverity: 'warning',
  description: {
    en: 'At least one contact has the role `press`.',
    de: 'Mindestens ein Kontakt hat die Rolle `press`.',
  },
  docs: {
    checks: [
      'Journalists need someone to call: at least one contact has `role: press`.',
    ],
  },
  check(ctx) {
    const contacts = ctx.data?.contacts;
    if (!Array.isArray(contacts) || contacts.length === 0) return [];
    if (recordItems(contacts).some((contact) => contact.role === 'press')) return [];
    return [
      {
        ruleId: this.id,
        message: ctx.t({
          en: 'contacts: no press contact; add one with `role: press` so journalists know whom to ask.',
          de: 'contacts: kein Pressekontakt; einen Kontakt mit `role: press` ergänzen, damit die Presse weiß, wen sie fragen kann.',
        }),
        ...ctx.at('/contacts', 'key'),
        path: '/contacts',
      },
    ];
  },
};
