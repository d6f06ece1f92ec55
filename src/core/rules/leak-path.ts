import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/** The `leak-path` rule; its `docs` are rendered to docs/rules/leak-path.md by `npm run generate`. */
export const leakPathRule: Rule = {
  id: 'leak-path',
  defaultSeverity: 'error',
  blocksApproval: true,
  description: {
    en: 'No file system path appears in the public text.',
    de: 'Im öffentlichen Text steht kein Dateipfad.',
  },
  docs: {
    checks: [
      'No file system path in the published text: Windows (`C:\\Daten\\…`), UNC (`\\\\server\\share`) or Unix (`/var/log/…`, `~/…`). A Unix path must start after white space or an opening bracket and either begin at a well-known root (`/etc`, `/var`, `/home`, …) or have two segments, so URLs (`https://…/a/b`), dates (30/10/2023), units (km/h) and "und/oder" are not paths. Error: paths reveal server names, shares and internal structure.',
    ],
  },
  check(ctx) {
    return leakFindings(ctx, this.id, 'path', (hit) =>
      ctx.t(
        {
          en: 'File system path `{text}` {where}: paths reveal server names, shares and internal structure and must not be published.',
          de: 'Dateipfad `{text}` {where}: Pfade verraten Servernamen, Freigaben und interne Strukturen und dürfen nicht veröffentlicht werden.',
        },
        { text: hit.text, where: whereText(ctx, hit) },
      ),
    );
  },
};
