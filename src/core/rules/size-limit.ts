import type { Rule } from './rule';

/** Default largest document the engine parses, in UTF-16 code units (about 2 MB of text). */
export const DEFAULT_MAX_SIZE = 2 * 1024 * 1024;

/** The `size-limit` rule; its `docs` are rendered to docs/rules/size-limit.md by `npm run generate`. */
export const sizeLimitRule: Rule = {
  id: 'size-limit',
  defaultSeverity: 'info',
  description: {
    en: 'Documents above the size limit are skipped with a note instead of being parsed.',
    de: 'Dokumente über der Größengrenze werden mit einem Hinweis übersprungen statt gelesen.',
  },
  docs: {
    checks: [
      'A document longer than the size limit (default 2,097,152 UTF-16 code units, about 2 MB of text) is not parsed at all: one info finding on the first line says so, instead of freezing the editor or a CI job on a huge or binary file. What was not checked is never reported as clean. Raise the limit with the option below for genuinely large reports.',
    ],
  },
  options: [
    {
      name: 'maxSize',
      schema: { type: 'number', minimum: 1, default: DEFAULT_MAX_SIZE },
      description: {
        en: 'Largest document that is checked, in UTF-16 code units (about characters). A larger one gets a single `size-limit` note instead of findings.',
        de: 'Größtes Dokument, das geprüft wird, in UTF-16-Codeeinheiten (etwa Zeichen). Ein größeres erhält statt Befunden nur einen Hinweis `size-limit`.',
      },
      summary: 'largest document that is checked, in UTF-16 code units',
      defaultText: '`2097152` (2 MB)',
    },
  ],
  check: () => [],
  precheck(text, ctx) {
    if (text.length <= ctx.maxSize) return null;
    const firstLineEnd = text.search(/\r?\n|$/);
    return [
      {
        ruleId: this.id,
        message: ctx.t(
          {
            en: 'This document has {size} characters, more than the limit of {limit}: it was not checked. Split it, or raise the size limit.',
            de: 'Dieses Dokument hat {size} Zeichen, mehr als die Grenze von {limit}: Es wurde nicht geprüft. Aufteilen oder die Größengrenze erhöhen.',
          },
          { size: text.length, limit: ctx.maxSize },
        ),
        offset: 0,
        endOffset: Math.min(firstLineEnd, 200),
        path: null,
      },
    ];
  },
};
