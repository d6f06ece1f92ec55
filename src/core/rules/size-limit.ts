import type { Rule } from './rule';

/** Default largest document the engine parses, in UTF-16 code units (about 2 MB of text). */
export const DEFAULT_MAX_SIZE = 2 * 1024 * 1024;

/** The `size-limit` rule; its `docs` are rendered to docs/rules/size-limit.md by `npm run generate`. */
export const sizeLimitRule: Rule = {
  id: 'size-limit',
  defaultSeverity: 'error',
  description: {
    en: 'Documents above the size limit are not checked: an error, so they cannot pass or be published unchecked.',
    de: 'Dokumente über der Größengrenze werden nicht geprüft: ein Fehler, damit sie nicht ungeprüft durchgehen oder veröffentlicht werden.',
  },
  docs: {
    checks: [
      'A document larger than the configured limit (default 2 MB) is not parsed at all, so nothing in it is checked: one error says so instead of freezing the editor or a CI job on a huge or binary file. It is an error because an unchecked report must never look clean: lint exits 1 (and `--max-warnings 0` cannot pass it), and `render` refuses to print its release.',
      'Raise the limit for genuinely large reports with the option below.',
    ],
  },
  options: [
    {
      name: 'maxSize',
      schema: { type: 'integer', default: 0, minimum: 0 },
      description: {
        en: 'Largest report that is checked, in characters. `0`: the default, 2097152 (about 2 MB). A larger report is not checked and gets a `size-limit` error; its preview and export refuse to show unchecked text. Same as the CLI option `--max-size`.',
        de: 'Größter Bericht, der geprüft wird, in Zeichen. `0`: der Standard, 2097152 (etwa 2 MB). Ein größerer Bericht wird nicht geprüft und erhält einen `size-limit`-Fehler; Vorschau und Export zeigen ungeprüften Text nicht an. Entspricht der CLI-Option `--max-size`.',
      },
      summary: 'largest report that is checked, in characters',
      defaultText: '`0` (2097152, about 2 MB)',
      cli: { flag: '--max-size', argument: 'N', help: ['largest report checked, in characters (default: 2097152);', 'a larger one is an error (size-limit), never skipped silently'] },
      check: (value) => (Number.isSafeInteger(value) && (value as number) >= 1 ? [] : [{ says: { en: 'must be a whole number of characters ≥ 1', de: 'muss eine ganze Zahl von Zeichen ≥ 1 sein' } }]),
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
            en: 'This document has {size} characters, more than the limit of {limit}: it was not checked, so nothing in it may be published. Split it, or raise the limit (CLI `--max-size`, setting `incidentReport.maxSize`).',
            de: 'Dieses Dokument hat {size} Zeichen, mehr als die Grenze von {limit}: Es wurde nicht geprüft, also darf nichts daraus veröffentlicht werden. Aufteilen oder die Grenze erhöhen (CLI `--max-size`, Einstellung `incidentReport.maxSize`).',
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
