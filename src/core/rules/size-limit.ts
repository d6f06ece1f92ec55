import type { Rule } from './rule';

/** Default largest document the engine parses, in UTF-16 code units (about 2 MB of text). */
export const DEFAULT_MAX_SIZE = 2 * 1024 * 1024;

/**
 * **size-limit** — a document larger than the configured limit (default 2 MB) is not parsed at
 * all: one info finding says so instead of freezing the editor or a CI job on a huge or binary
 * file. Raise the limit (`incidentReport.maxSize`, CLI `--max-size`) for genuinely large reports.
 */
export const sizeLimitRule: Rule = {
  id: 'size-limit',
  defaultSeverity: 'info',
  description: {
    en: 'Documents above the size limit are skipped with a note instead of being parsed.',
    de: 'Dokumente über der Größengrenze werden mit einem Hinweis übersprungen statt gelesen.',
  },
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
