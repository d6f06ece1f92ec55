// docs/public-wording.md: what the public outputs say for `status`, `severity`, `incident_type`
// and every combination of the data-loss facts, generated from src/core/render/wording.ts by
// `npm run generate` (scripts/generated.ts); test/unit/generated.test.ts fails while it is stale.
import type { Localized } from '../src/core/shared/types';
import { dataLossSentences, INCIDENT_TYPE_WORDS, IDENTIFIED_ATTACK, SEVERITY_WORDS, STATUS_WORDS, WORDING_VALUES, type DataLossFacts } from '../src/core/render/wording';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const both = (sentences: readonly Localized[]) => [sentences.map((s) => s.de).join(' '), sentences.map((s) => s.en).join(' ')];

function wordTable(words: Readonly<Record<string, Localized>>, extra: Array<[string, Localized]> = []): string {
  const rows = [...Object.entries(words), ...extra].map(([value, text]) => `| ${value} | ${cell(text.de)} | ${cell(text.en)} |`);
  return ['| value | German | English |', '|---|---|---|', ...rows].join('\n');
}

function lossTable(open: boolean): string {
  const rows: string[] = [];
  for (const occurred of WORDING_VALUES.occurred) {
    for (const exfiltration of WORDING_VALUES.exfiltration) {
      const facts: DataLossFacts = { occurred, exfiltration, personalData: null, breachTypes: [], open };
      const [de, en] = both(dataLossSentences(facts));
      rows.push(`| ${occurred} | ${exfiltration} | ${cell(de!)} | ${cell(en!)} |`);
    }
  }
  return ['| occurred | exfiltration | German | English |', '|---|---|---|---|', ...rows].join('\n');
}

function personalTable(): string {
  const rows: string[] = [];
  for (const personalData of WORDING_VALUES.personalData) {
    for (const open of [true, false]) {
      const [de, en] = both(dataLossSentences({ occurred: null, exfiltration: null, personalData, breachTypes: [], open }));
      rows.push(`| ${personalData} | ${open ? 'open' : 'resolved'} | ${cell(de!)} | ${cell(en!)} |`);
    }
  }
  return ['| personal_data | incident | German | English |', '|---|---|---|---|', ...rows].join('\n');
}

/** Every non-empty set of breach types with each `occurred`, copying out under investigation. */
function breachTable(): string {
  const types = WORDING_VALUES.breachType;
  const subsets = [1, 2, 3, 4, 5, 6, 7].map((mask) => types.filter((_, i) => mask & (1 << i)));
  const rows: string[] = [];
  for (const breachTypes of subsets) {
    for (const occurred of WORDING_VALUES.occurred) {
      const [de, en] = both(dataLossSentences({ occurred, exfiltration: 'under_investigation', personalData: null, breachTypes, open: true }));
      rows.push(`| ${breachTypes.join(', ')} | ${occurred} | ${cell(de!)} | ${cell(en!)} |`);
    }
  }
  return ['| breach_type | occurred | German | English |', '|---|---|---|---|', ...rows].join('\n');
}

/** docs/public-wording.md as it should be. */
export function publicWordingDoc(): string {
  return `# Public wording of the facts

What the press release, the status page, the feed and the social posts say for the report's facts.
A press office reads these words before anything is published, so each says no more than the
value means. Generated from \`src/core/render/wording.ts\` by \`npm run generate\`; the schema's own
value descriptions (shown in hover and completion) explain a value to the author and are used in
public only for values this table does not know (an organisation's own schema may add some).

## Status (\`status\`, "Stand der Bearbeitung" / "Status")

\`identified\` is not "cause identified": while forensics runs, the attack path is not known, and a
release must not suggest it is. For an attack (\`incident_type\` ransomware, ddos, phishing or
intrusion) it says "Angriff bestätigt" / "attack confirmed", otherwise "Vorfall bestätigt" /
"incident confirmed". \`monitoring\` is recovery under way, not "solved".

${wordTable(STATUS_WORDS, [['identified (attack)', IDENTIFIED_ATTACK]])}

## Impact (\`severity\`, "Auswirkungen" / "Impact")

The disruption people notice, in the words a press office uses: "kritisch" / "critical impact" read
as an alarm and told nobody what to expect.

${wordTable(SEVERITY_WORDS)}

## Type of incident (\`incident_type\`)

What kind of incident, and nothing about the data: "ransomware: attackers encrypted data" would
contradict a data-loss box that says it is still being examined.

${wordTable(INCIDENT_TYPE_WORDS)}

## What happened to the data ("Stand der Untersuchung" / "Where the investigation stands")

Built from \`occurred\`, \`exfiltration\`, \`personal_data\` and, when given, \`breach_type\`, in this
order: what is known, then one sentence of what is still being investigated.

- **Copied is not lost.** Stolen data still exists: \`exfiltration: confirmed\` says "Daten sind
  abgeflossen. Unbefugte haben sie kopiert." / "Data has been stolen: unauthorised persons copied
  it.", as towns say it, never "Daten sind verloren gegangen". It names no one's systems: a town
  reporting an attack on its IT provider publishes the same words.
- **\`occurred: yes\`** says "destroyed or made unusable" (ransomware encrypting data), unless the
  copying explains the loss (\`exfiltration: confirmed\`) or \`breach_type\` names only confidentiality
  or integrity: then it adds nothing it does not know.
- **\`breach_type\`** makes it precise: \`confidentiality\` "Unbefugte hatten Zugriff auf Daten" (unless
  the copying is confirmed), \`integrity\` "Daten wurden unbefugt verändert", \`availability\` with
  \`occurred\` destroyed (\`yes\`), temporarily unavailable (\`no\`) or unavailable now (\`unknown\`).
- **"So far".** A negative answer carries "Bislang …" / "So far …" while the incident is open: the
  same rule the \`claim-data-loss\` rule applies to the public text.
- **One sentence for what is open.** Three "wird geprüft" in a row read like a form: the open
  questions are joined ("Noch untersucht wird, ob …, ob … und ob …").

With a public communication under Art. 34(3)(c) GDPR (\`art34_exemption: disproportionate_effort\`)
the same sentences open its "Was geschehen ist" / "What happened" line instead.

### Open incident (\`status\` other than \`resolved\`)

${lossTable(true)}

### Resolved incident

${lossTable(false)}

### Personal data

${personalTable()}

### With \`breach_type\` (copying out under investigation)

${breachTable()}
`;
}
