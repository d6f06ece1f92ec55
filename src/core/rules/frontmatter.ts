import type { Rule } from './rule';

/** The `frontmatter` rule; its `docs` are rendered to docs/rules/frontmatter.md by `npm run generate`. */
export const frontmatterRule: Rule = {
  id: 'frontmatter',
  defaultSeverity: 'error',
  description: {
    en: 'The report starts with YAML frontmatter between `---` lines that holds a mapping of fields.',
    de: 'Der Bericht beginnt mit YAML-Frontmatter zwischen `---`-Zeilen, die eine Zuordnung von Feldern enthält.',
  },
  docs: {
    checks: [
      'The report\'s facts live in YAML frontmatter between `---` lines at the very top. Reports a file without frontmatter, TOML frontmatter (`+++`), an opening `---` that is never closed (pointing at a `...` line that was meant to close it: YAML ends a document there, Markdown tools do not end frontmatter), and frontmatter that is empty or not a mapping of fields.',
    ],
  },
  check(ctx) {
    const { frontmatter, text, yamlErrors, data, dataError } = ctx.report;
    const finding = (message: { en: string; de: string }, offset: number, endOffset: number) => [
      { ruleId: this.id, message: ctx.t(message), offset, endOffset, path: null },
    ];
    switch (frontmatter.kind) {
      case 'none': {
        const firstLineEnd = text.search(/\r?\n|$/);
        return finding(
          {
            en: 'No frontmatter: start the report with a line `---`, its fields (`id`, `title`, `status`, …) and another line `---`.',
            de: 'Keine Frontmatter: Den Bericht mit einer Zeile `---`, seinen Feldern (`id`, `title`, `status`, …) und einer weiteren Zeile `---` beginnen.',
          },
          0,
          firstLineEnd,
        );
      }
      case 'toml':
        return finding(
          {
            en: 'TOML frontmatter (`+++`) is not supported: write the fields as YAML between `---` lines.',
            de: 'TOML-Frontmatter (`+++`) wird nicht unterstützt: Die Felder als YAML zwischen `---`-Zeilen schreiben.',
          },
          frontmatter.offset,
          frontmatter.endOffset,
        );
      case 'unclosed': {
        // `...` ends a YAML document, but not frontmatter (see src/core/frontmatter.ts): say so where it stands.
        const dotsLine = /^\.\.\.[ \t]*\r?$/gm;
        dotsLine.lastIndex = frontmatter.contentOffset;
        const dots = dotsLine.exec(text);
        if (dots) {
          return finding(
            {
              en: 'The frontmatter is closed with `...`, which Markdown tools (remark, Jekyll, Hugo, GitHub) do not accept: write `---` instead.',
              de: 'Die Frontmatter endet mit `...`, das Markdown-Werkzeuge (remark, Jekyll, Hugo, GitHub) nicht anerkennen: Stattdessen `---` schreiben.',
            },
            dots.index,
            dots.index + 3,
          );
        }
        return finding(
          {
            en: 'The frontmatter is not closed: add a line `---` after its last field.',
            de: 'Die Frontmatter ist nicht geschlossen: Nach dem letzten Feld eine Zeile `---` einfügen.',
          },
          frontmatter.open.offset,
          frontmatter.open.endOffset,
        );
      }
      case 'yaml': {
        if (yamlErrors.length > 0 || dataError) return [];
        if (data === null || data === undefined) {
          return finding(
            {
              en: 'The frontmatter is empty: write the report’s fields (`id`, `title`, `status`, …) between the `---` lines.',
              de: 'Die Frontmatter ist leer: Die Felder des Berichts (`id`, `title`, `status`, …) zwischen die `---`-Zeilen schreiben.',
            },
            frontmatter.open.offset,
            frontmatter.open.endOffset,
          );
        }
        if (typeof data !== 'object' || Array.isArray(data)) {
          return finding(
            {
              en: 'The frontmatter must be a mapping of fields (`id: …`, `title: …`), not a list or a single value.',
              de: 'Die Frontmatter muss eine Zuordnung von Feldern sein (`id: …`, `title: …`), keine Liste und kein Einzelwert.',
            },
            frontmatter.open.offset,
            frontmatter.open.endOffset,
          );
        }
        return [];
      }
    }
  },
};
