import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';

/** Default domain suffixes whose host names never belong in public text. */
export const DEFAULT_INTERNAL_DOMAINS: readonly string[] = ['.intern', '.internal', '.local', '.lan', '.corp', '.localdomain'];

/** The `leak-hostname` rule; its `docs` are rendered to docs/rules/leak-hostname.md by `npm run generate`. */
export const leakHostnameRule: Rule = {
  id: 'leak-hostname',
  defaultSeverity: 'error',
  blocksApproval: true,
  description: {
    en: 'No internal host name (internal domain, or named in the internal sections) appears in the public text.',
    de: 'Im öffentlichen Text steht kein interner Hostname (interne Domain oder in den internen Abschnitten genannt).',
  },
  docs: {
    checks: [
      'No internal host name in the published text: names under an internal domain (setting `internalDomains`, default `.intern`, `.internal`, `.local`, `.lan`, `.corp`, `.localdomain`) and machine names that the report\'s internal sections mention (three or more labels such as `vpn02.stadt.de`; `www.…`, bare domains and file names are not taken from there, so the public web site may appear in both parts). An e-mail address under an internal domain (`admin@rathaus.example.intern`) is reported here too, listed contact or not: it names an internal system. Error: system names help attackers.',
    ],
  },
  options: [
    {
      name: 'internalDomains',
      schema: {
        type: 'array',
        items: { type: 'string', pattern: '^\\.\\S+$', patternErrorMessage: '%config.internalDomains.pattern%' },
        default: [...DEFAULT_INTERNAL_DOMAINS],
      },
      description: {
        en: 'Domain suffixes of internal host names that must never appear in public text (the press release and public fields).',
        de: 'Domain-Endungen interner Hostnamen, die nie in öffentlichem Text (Pressemitteilung und öffentliche Felder) stehen dürfen.',
      },
      messages: {
        pattern: { en: 'A domain suffix starts with a dot, e.g. `.intern`.', de: 'Eine Domain-Endung beginnt mit einem Punkt, z. B. `.intern`.' },
      },
      summary: 'host-name suffixes that must not appear in public text',
      defaultText: DEFAULT_INTERNAL_DOMAINS.slice(0, 2).map((domain) => '`' + domain + '`').join(', ') + ', …',
      cli: { flag: '--internal-domain', argument: 'SUFFIX', help: ['internal domain suffix such as .intern (repeatable; replaces', 'the configured list)'] },
      check(value) {
        if (!Array.isArray(value)) return [{ says: { en: 'must be a list of strings', de: 'muss eine Liste von Strings sein' } }];
        return value.flatMap((entry: unknown, item) => {
          if (typeof entry !== 'string' || entry === '') {
            return [{ at: [item], message: { en: 'every entry of "internalDomains" must be a non-empty string', de: 'jeder Eintrag von "internalDomains" muss ein nicht leerer String sein' } }];
          }
          if (!/^\.\S+$/.test(entry)) {
            return [{ at: [item], message: { en: `"${entry}" is no domain suffix: start it with a dot, e.g. ".intern"`, de: `"${entry}" ist keine Domain-Endung: mit einem Punkt beginnen, z. B. ".intern"` } }];
          }
          return [];
        });
      },
    },
  ],
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
