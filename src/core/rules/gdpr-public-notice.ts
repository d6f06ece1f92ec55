import type { Localized, RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { isRecord } from '../report/fields';
import { art34Contents } from '../render/model';
import { selectPublication } from '../render/publication';
import { publishesArt34Contents } from '../compliance/art34';

/** The `gdpr-public-notice` rule; its `docs` are rendered to docs/rules/gdpr-public-notice.md by `npm run generate`. */
export const gdprPublicNoticeRule: Rule = {
  id: 'gdpr-public-notice',
  defaultSeverity: 'error',
  description: {
    en: 'A public communication that replaces telling each person (GDPR Art. 34(3)(c)) carries every Art. 34(2) content and goes out through an effective channel.',
    de: 'Eine öffentliche Bekanntmachung anstelle der einzelnen Benachrichtigung (DSGVO Art. 34 Abs. 3 lit. c) enthält alle Angaben nach Art. 34 Abs. 2 und erscheint auf einem wirksamen Weg.',
  },
  docs: {
    checks: [
      'With `data_loss.art34_exemption: disproportionate_effort` the people affected are not told one by one: a public communication "whereby the data subjects are informed in an equally effective manner" replaces it (Art. 34(3)(c) GDPR). The status page and the press release then carry it, in a section "Information für die Betroffenen" / "Information for the people affected", and the press release points to the status page (`render --link URL` gives its address).',
      'It must carry the Art. 34(2) contents; each one missing is an **error** (so `render` refuses the report and CI fails), reported where the field belongs:\n\n- the nature of the breach in plain language: what happened to the data (`data_loss.breach_type`, or `exfiltration: confirmed`/`suspected`, or `occurred: yes`; "is being examined" says nothing about the nature) and which data (`data_loss.data_categories`);\n- a contact point for data protection questions: the data protection officer (a `dpo` contact; public bodies must have one, Art. 37(1)(a)), or another contact marked `data_protection: yes`, with a phone number or e-mail address;\n- the likely consequences (`data_loss.likely_consequences`, published only in this case);\n- the measures as the public is told them (`data_loss.public_measures`: `measures` stays internal, for the authorities) and what the people affected can do themselves (`data_loss.advice`).',
      '**Warnings** on the channel (`data_loss.art34_channel`): none recorded; or only `press_release`, which on its own does not reach the people affected as effectively as telling each of them (EDPB Guidelines 9/2022 on personal data breach notification, on Art. 34(3)(c)). A prominent notice on the website (the status page), in the Amtsblatt or in print, letters or e-mail are effective channels. And a warning when `data_loss.art34_reason` does not say why telling each person would be disproportionate: the authority will ask, and the Art. 33 draft prints it.',
    ],
  },
  check(ctx) {
    const loss = ctx.data?.data_loss;
    if (!isRecord(loss) || !publishesArt34Contents(ctx.data)) return [];
    const findings: RawFinding[] = [];
    const publication = selectPublication(ctx.report);
    // In the language the outputs are written in (the report's `lang`, else the UI's), as the model reads it.
    const art34 = art34Contents(publication, publication.lang === 'de' || publication.lang === 'en' ? publication.lang : ctx.locale);
    const intro = ctx.t({
      en: 'With art34_exemption: disproportionate_effort, a public communication replaces telling each person (GDPR Art. 34(3)(c)) and must carry the Art. 34(2) contents',
      de: 'Bei art34_exemption: disproportionate_effort ersetzt eine öffentliche Bekanntmachung die einzelne Benachrichtigung (DSGVO Art. 34 Abs. 3 lit. c) und muss die Angaben nach Art. 34 Abs. 2 enthalten',
    });
    const missing = (path: string, what: Localized, fixKey?: string) => {
      findings.push({
        ruleId: this.id,
        message: `${intro}${ctx.t(what)}`,
        ...ctx.at(path),
        path,
        ...(fixKey ? { fix: { kind: 'insert-key' as const, parentPath: '/data_loss', key: fixKey, placeholder: '' } } : {}),
      });
    };
    if (!art34?.nature) {
      missing('/data_loss/breach_type', {
        en: ': it does not say what happened to the data. Record it in data_loss.breach_type (confidentiality, integrity, availability), or set exfiltration or occurred once known; "is being examined" tells the people affected nothing about the nature of the breach.',
        de: ': Sie sagt nicht, was mit den Daten geschehen ist. Das in data_loss.breach_type festhalten (confidentiality, integrity, availability) oder exfiltration bzw. occurred setzen, sobald es bekannt ist; „wird untersucht“ sagt den Betroffenen nichts über die Art der Verletzung.',
      });
    }
    if (!art34 || art34.categories.length === 0) {
      missing('/data_loss/data_categories', {
        en: ': it does not say which data is affected. List the kinds of data in data_loss.data_categories.',
        de: ': Sie sagt nicht, welche Daten betroffen sind. Die Datenarten in data_loss.data_categories aufzählen.',
      });
    }
    if (!art34 || art34.contacts.length === 0) {
      missing('/contacts', {
        en: ': it names no contact point for data protection questions. Add the data protection officer (role dpo; public bodies must have one) with a phone number or e-mail address, or mark another contact with data_protection: yes.',
        de: ': Sie nennt keine Anlaufstelle für Fragen zum Datenschutz. Die oder den Datenschutzbeauftragten (Rolle dpo; öffentliche Stellen müssen eine/n haben) mit Telefonnummer oder E-Mail-Adresse ergänzen oder einen anderen Kontakt mit data_protection: yes markieren.',
      });
    }
    if (!art34?.consequences) {
      missing('/data_loss/likely_consequences', {
        en: ': the likely consequences for the people affected are missing (data_loss.likely_consequences).',
        de: ': Es fehlen die wahrscheinlichen Folgen für die Betroffenen (data_loss.likely_consequences).',
      }, 'likely_consequences');
    }
    if (!art34?.measures) {
      missing('/data_loss/public_measures', {
        en: ': the measures are missing. Write them as the public may read them in data_loss.public_measures (data_loss.measures stays internal, for the authorities).',
        de: ': Es fehlen die Maßnahmen. Sie so, wie die Öffentlichkeit sie lesen darf, in data_loss.public_measures schreiben (data_loss.measures bleibt intern, für die Behörden).',
      }, 'public_measures');
    }
    if (!art34?.advice) {
      missing('/data_loss/advice', {
        en: ': the advice is missing: what the people affected can do themselves (data_loss.advice).',
        de: ': Es fehlt der Rat, was die Betroffenen selbst tun können (data_loss.advice).',
      }, 'advice');
    }
    findings.push(...channelFindings(ctx, loss));
    if (typeof loss.art34_reason !== 'string' || loss.art34_reason.trim() === '') {
      findings.push({
        ruleId: this.id,
        severity: 'warning',
        message: ctx.t({
          en: 'data_loss.art34_reason does not say why telling each person affected would take disproportionate effort (GDPR Art. 34(3)(c)): the supervisory authority will ask, and the Art. 33 draft prints it.',
          de: 'data_loss.art34_reason sagt nicht, warum die einzelne Benachrichtigung der Betroffenen unverhältnismäßig wäre (DSGVO Art. 34 Abs. 3 lit. c): Die Aufsichtsbehörde wird danach fragen, und der Entwurf nach Art. 33 druckt es.',
        }),
        ...ctx.at('/data_loss/art34_reason'),
        path: '/data_loss/art34_reason',
        fix: { kind: 'insert-key', parentPath: '/data_loss', key: 'art34_reason', placeholder: '' },
      });
    }
    return findings;
  },
};

/** Warnings on `art34_channel`: none recorded, or a press release alone. */
function channelFindings(ctx: RuleContext, loss: Record<string, unknown>): RawFinding[] {
  const channels = Array.isArray(loss.art34_channel) ? loss.art34_channel.filter((c): c is string => typeof c === 'string') : [];
  if (channels.length === 0) {
    return [{
      ruleId: gdprPublicNoticeRule.id,
      severity: 'warning',
      message: ctx.t({
        en: 'data_loss.art34_channel does not say where the public communication appears. It must reach the people affected as effectively as telling each of them: a prominent notice on the website (the status page: website_notice), in the Amtsblatt or in print, letters or e-mail.',
        de: 'data_loss.art34_channel sagt nicht, wo die öffentliche Bekanntmachung erscheint. Sie muss die Betroffenen so wirksam erreichen wie eine einzelne Benachrichtigung: ein deutlicher Hinweis auf der Website (der Notfallseite: website_notice), im Amtsblatt oder in der Presse, Briefe oder E-Mails.',
      }),
      ...ctx.at('/data_loss/art34_channel'),
      path: '/data_loss/art34_channel',
    }];
  }
  if (channels.every((channel) => channel === 'press_release')) {
    return [{
      ruleId: gdprPublicNoticeRule.id,
      severity: 'warning',
      message: ctx.t({
        en: 'A press release alone is not an effective public communication under GDPR Art. 34(3)(c) (EDPB Guidelines 9/2022 on personal data breach notification): add a prominent notice on the website (the status page: website_notice), in the Amtsblatt, letters or e-mail to data_loss.art34_channel.',
        de: 'Eine Pressemitteilung allein ist keine wirksame öffentliche Bekanntmachung nach DSGVO Art. 34 Abs. 3 lit. c (EDPB-Leitlinien 9/2022 zur Meldung von Datenschutzverletzungen): einen deutlichen Hinweis auf der Website (der Notfallseite: website_notice), im Amtsblatt, Briefe oder E-Mails in data_loss.art34_channel ergänzen.',
      }),
      ...ctx.at('/data_loss/art34_channel'),
      path: '/data_loss/art34_channel',
    }];
  }
  return [];
}
