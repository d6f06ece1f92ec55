import type { RawFinding } from '../shared/types';
import type { Rule } from './rule';

/** The `public-section` rule; its `docs` are rendered to docs/rules/public-section.md by `npm run generate`. */
export const publicSectionRule: Rule = {
  id: 'public-section',
  defaultSeverity: 'warning',
  description: {
    en: 'The body has one public section headed “Pressemitteilung” or “Press release”.',
    de: 'Der Text hat einen öffentlichen Abschnitt mit der Überschrift „Pressemitteilung“ oder „Press release“.',
  },
  docs: {
    checks: [
      'The body has exactly one public section, headed `Pressemitteilung` or `Press release` (any level). Without one the press release shows the facts alone; a second one is never published.',
    ],
  },
  check(ctx) {
    const { report } = ctx;
    if (report.frontmatter.kind !== 'yaml' || !ctx.data) return [];
    const section = report.publicBounds;
    if (!section && report.bodyError) {
      return [
        {
          ruleId: this.id,
          message: ctx.t({
            en: 'The text below the frontmatter is nested too deeply to be read, so its public section cannot be found: flatten the nesting.',
            de: 'Der Text unter der Frontmatter ist zu tief verschachtelt, um gelesen zu werden; sein öffentlicher Abschnitt ist nicht auffindbar: Die Verschachtelung verringern.',
          }),
          ...report.frontmatter.close,
          path: null,
        },
      ];
    }
    if (!section) {
      return [
        {
          ruleId: this.id,
          message: ctx.t({
            en: 'No public section: add a heading `## Press release` (or `## Pressemitteilung`) with the text for the public; until then the press release shows the facts alone.',
            de: 'Kein öffentlicher Abschnitt: Eine Überschrift `## Pressemitteilung` (oder `## Press release`) mit dem Text für die Öffentlichkeit ergänzen; bis dahin zeigt die Pressemitteilung nur die Fakten.',
          }),
          ...report.frontmatter.close,
          path: null,
        },
      ];
    }
    return section.duplicates.map<RawFinding>(({ offset, endOffset }) => ({
      ruleId: this.id,
      message: ctx.t({
        en: 'A second public section is never published: merge it into the first one.',
        de: 'Ein zweiter öffentlicher Abschnitt wird nie veröffentlicht: Mit dem ersten zusammenführen.',
      }),
      offset,
      endOffset,
      path: null,
    }));
  },
};
