import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/**
 * **leak-hostname** — no internal host name in the published text: names under an internal domain
 * (setting `internalDomains`, default `.intern`, `.internal`, `.local`, `.lan`, `.corp`,
 * `.localdomain`) and machine names that the report's internal sections mention (three or more
 * labels such as `vpn02.stadt.de`; `www.…`, bare domains and file names are not taken from there,
 * so the public web site may appear in both parts). An e-mail address under an internal domain
 * (`admin@rathaus.example.intern`) is reported here too, listed contact or not: it names an internal
 * system. Error: system names help attackers.
 */
export const leakHostnameRule: Rule = {
  id: 'leak-hostname',
  defaultSeverity: 'error',
  description: {
    en: 'No internal host name (internal domain, or named in the internal sections) appears in the public text.',
    de: 'Im öffentlichen Text steht kein interner Hostname (interne Domain oder in den internen Abschnitten genannt).',
  },
  check(ctx) {
    return leakFindings(ctx, this.id, 'hostname', (hit) =>
      hit.detail === 'internal-email'
        ? ctx.t(
            {
              en: 'E-mail address `{text}` under the internal domain `{domain}` {where}: internal addresses name internal systems and must not be published. Give a public contact address instead.',
              de: 'E-Mail-Adresse `{text}` unter der internen Domain `{domain}` {where}: Interne Adressen nennen interne Systeme und dürfen nicht veröffentlicht werden. Stattdessen eine öffentliche Kontaktadresse angeben.',
            },
            { text: hit.text, domain: hit.domain ?? '', where: whereText(ctx, hit) },
          )
        : hit.detail === 'internal-domain'
        ? ctx.t(
            {
              en: 'Internal host name `{text}` (domain `{domain}`) {where}: names of internal systems help attackers map the network and must not be published.',
              de: 'Interner Hostname `{text}` (Domain `{domain}`) {where}: Namen interner Systeme helfen Angreifern, das Netz auszukundschaften, und dürfen nicht veröffentlicht werden.',
            },
            { text: hit.text, domain: hit.domain ?? '', where: whereText(ctx, hit) },
          )
        : ctx.t(
            {
              en: 'Host name `{text}` {where} is named in the internal part of this report: it identifies an internal system and must not be published.',
              de: 'Hostname `{text}` {where} wird im internen Teil dieses Berichts genannt: Er bezeichnet ein internes System und darf nicht veröffentlicht werden.',
            },
            { text: hit.text, where: whereText(ctx, hit) },
          ),
    );
  },
};
