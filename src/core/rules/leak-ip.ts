import type { Rule } from './rule';
import { leakFindings, whereText } from './leak-scan';
import { isInternalAddress } from './ip-ranges';

/** The `leak-ip` rule; its `docs` are rendered to docs/rules/leak-ip.md by `npm run generate`. */
export const leakIpRule: Rule = {
  id: 'leak-ip',
  defaultSeverity: 'error',
  blocksApproval: true,
  description: {
    en: 'No IP address appears in the public text.',
    de: 'Im öffentlichen Text steht keine IP-Adresse.',
  },
  docs: {
    checks: [
      'No IPv4 or IPv6 address in the published text: the public section and every field that a public output prints (see [what is published](../published-fields.md)). Addresses map the network for an attacker and say nothing to citizens. Version numbers (1.2.3, "Version 10.0.1.2"), times (15:55, 15:55:00) and dates are not addresses. Error: an address in a press release cannot be taken back. The message says which kind it is: a private address reveals the internal network; a public one (often the attackers\') is no help to readers and belongs in `iocs`.',
    ],
  },
  check(ctx) {
    return leakFindings(ctx, this.id, 'ip', (hit) =>
      isInternalAddress(hit.text)
        ? ctx.t(
            {
              en: 'Internal IP address `{text}` {where}: addresses reveal the internal network to attackers and must not be published. Describe the system in plain words instead.',
              de: 'Interne IP-Adresse `{text}` {where}: Adressen verraten Angreifern das interne Netz und dürfen nicht veröffentlicht werden. Das System stattdessen in einfachen Worten beschreiben.',
            },
            { text: hit.text, where: whereText(ctx, hit) },
          )
        : ctx.t(
            {
              en: 'IP address `{text}` {where}: an address means nothing to readers and must not be published. Describe it in words (“a server abroad”); an attacker’s address belongs in `iocs`.',
              de: 'IP-Adresse `{text}` {where}: Eine Adresse sagt Lesern nichts und darf nicht veröffentlicht werden. In Worten beschreiben („ein Server im Ausland“); die Adresse eines Angreifers gehört in `iocs`.',
            },
            { text: hit.text, where: whereText(ctx, hit) },
          ),
    );
  },
};
