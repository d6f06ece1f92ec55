import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/** The `leak-ioc` rule; its `docs` are rendered to docs/rules/leak-ioc.md by `npm run generate`. */
export const leakIocRule: Rule = {
  id: 'leak-ioc',
  defaultSeverity: 'error',
  blocksApproval: true,
  description: {
    en: 'No indicator of compromise listed in `iocs` appears in the public text.',
    de: 'Kein unter `iocs` aufgeführter Kompromittierungsindikator steht im öffentlichen Text.',
  },
  docs: {
    checks: [
      'No value listed in `iocs` appears in the published text (whole tokens, case-insensitive; for `sha256:…`-style entries the bare hash too). Indicators are shared with CERTs and investigators only: publishing them warns the attackers and can point to other victims. Error. An indicator that is also an IP address or host name is reported once, by this rule.',
    ],
  },
  check(ctx) {
    return leakFindings(ctx, this.id, 'ioc', (hit) =>
      ctx.t(
        {
          en: '`{text}` {where} is an indicator of compromise listed in `iocs`: indicators are shared only with CERTs and investigators; publishing them warns the attackers.',
          de: '`{text}` {where} ist ein unter `iocs` aufgeführter Kompromittierungsindikator: Indikatoren gehen nur an CERTs und Ermittler; veröffentlicht warnen sie die Angreifer.',
        },
        { text: hit.text, where: whereText(ctx, hit) },
      ),
    );
  },
};
