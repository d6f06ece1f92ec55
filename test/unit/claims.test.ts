import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type Finding } from '../../src/core';
import { applyEdits, fixEdits } from '../../src/core/linter/fixes';
import { splitSentences } from '../../src/core/language/sentences';
import { BoundedCache } from '../../src/core/shared/memo';
import { analyseSentence, type CountClaim } from '../../src/core/language/claims';

const linter = createLinter({ now: () => Date.parse('2023-11-06T12:00:00Z') });
const claims = (text: string): Finding[] => linter.lint(text).findings.filter((f) => f.ruleId.startsWith('claim-'));
const where = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

describe('sentence splitting', () => {
  const split = (text: string, lang: 'de' | 'en') => splitSentences(text, lang).map((s) => s.text);

  it('ends no German sentence at an ordinal date or an abbreviation', () => {
    assert.deepEqual(
      split('Am 1. Dezember wurde z. B. der Server geprüft. Dr. Müller sagte, ca. 20 Rechner seien betroffen. Siehe Nr. 5 der Liste. Die Stadt (vgl. S. 3) prüft weiter.', 'de'),
      ['Am 1. Dezember wurde z. B. der Server geprüft.', 'Dr. Müller sagte, ca. 20 Rechner seien betroffen.', 'Siehe Nr. 5 der Liste.', 'Die Stadt (vgl. S. 3) prüft weiter.'],
    );
  });

  it('ends a German sentence at a time of day ("bis 18 Uhr."): "Uhr" is a word, no abbreviation', () => {
    assert.deepEqual(split('Das Bürgerbüro ist bis 18 Uhr geöffnet. Heute bis 18 Uhr. Das Standesamt öffnet am Montag.', 'de'), [
      'Das Bürgerbüro ist bis 18 Uhr geöffnet.',
      'Heute bis 18 Uhr.',
      'Das Standesamt öffnet am Montag.',
    ]);
  });

  it('ends no English sentence at a title or an abbreviation', () => {
    assert.deepEqual(split('Dr. Smith said e.g. the Mr. Jones server was hit. On Dec. 1 we found it. So far, no data was stolen.', 'en'), [
      'Dr. Smith said e.g. the Mr. Jones server was hit.',
      'On Dec. 1 we found it.',
      'So far, no data was stolen.',
    ]);
  });

  it('treats a line break as wrapping, a blank line and a list item as boundaries, and keeps offsets', () => {
    const text = 'Es gab bis zum 9.\nDezember Einschränkungen\n\n- Punkt eins\n- Punkt zwei. Und drei?';
    const sentences = splitSentences(text, 'de');
    assert.deepEqual(sentences.map((s) => s.text), ['Es gab bis zum 9.\nDezember Einschränkungen', '- Punkt eins', '- Punkt zwei.', 'Und drei?']);
    for (const s of sentences) assert.equal(text.slice(s.offset, s.endOffset), s.text);
  });
});

const REPORT = readFileSync(join(__dirname, '..', 'fixtures', 'claim-data-loss-open', 'input.md'), 'utf8');

describe('claim-data-loss: ranges and the qualifier fix', () => {
  it('places a denial in a quoted scalar, a folded scalar and the public section exactly', () => {
    const text = REPORT.replace('    text: The citizens\' office stays closed.', '    text: >-\n      The office stays closed.\n      Nothing was taken from our servers.');
    const found = claims(text);
    assert.deepEqual(
      found.map((f) => [f.path, text.slice(f.offset, f.endOffset)]),
      [
        ['/data_loss/statement', 'There was no data breach: the attack was stopped at the firewall.'],
        ['/updates/0/text', 'Nothing was taken from our servers.'],
        [null, 'No personal data was lost.'],
      ],
    );
  });

  for (const [name, input, before, after] of [
    ['English, in a double-quoted value', REPORT, '"There was no data breach: the attack', '"So far, there was no data breach: the attack'],
    ['English, in the public section', REPORT, 'No personal data was lost.', 'So far, no personal data was lost.'],
    [
      'German, after the finite verb and its pronoun, in a folded plain value',
      REPORT.replace('lang: en', 'lang: de').replace("    text: The citizens' office stays closed.", '    text: Das Bürgerbüro bleibt geschlossen. Einen Datenabfluss gibt\n      es nicht.'),
      'Einen Datenabfluss gibt\n      es nicht.',
      'Einen Datenabfluss gibt\n      es nach bisherigen Erkenntnissen nicht.',
    ],
    [
      'German, appended when no finite verb is near the start',
      REPORT.replace('lang: en', 'lang: de').replace('No personal data was lost.', 'Von dem Angriff auf die Server des Dienstleisters in Siegen unberührt blieben alle Daten.'),
      'unberührt blieben alle Daten.',
      'unberührt blieben alle Daten, so der bisherige Erkenntnisstand.',
    ],
  ] as const) {
    it(`inserts the qualifier (${name}); the warning is gone and the rest of the text unchanged`, () => {
      const result = linter.lint(input);
      const finding = result.findings.find((f) => f.ruleId === 'claim-data-loss' && input.slice(f.offset, f.endOffset).includes(before.replace(/^"/, '').slice(0, 12)));
      assert.ok(finding, `a finding for ${before}`);
      assert.equal(finding.severity, 'warning');
      const [action, ...others] = fixEdits(result.report, finding, { locale: 'en' });
      assert.equal(others.length, 0);
      assert.ok(action!.isPreferred && !action!.safe);
      assert.match(action!.title, /^Qualify the claim: “(So far, …|Nach bisherigen Erkenntnissen …)”$/);
      const fixed = applyEdits(input, action!.edits);
      assert.equal(fixed, input.replace(before, after));
      const still = claims(fixed).filter((f) => f.ruleId === 'claim-data-loss');
      assert.equal(still.length, claims(input).filter((f) => f.ruleId === 'claim-data-loss').length - 1);
      assert.deepEqual(linter.lint(fixed).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema'), []);
    });
  }

  it('offers no fix for a denial the facts contradict, and reports it as an error even when hedged', () => {
    const text = REPORT.replace('  occurred: no\n  exfiltration: no_indication\n  personal_data: no', '  occurred: yes\n  exfiltration: confirmed\n  personal_data: yes').replace(
      'No personal data was lost.',
      'So far, there is no indication that data was stolen.',
    );
    const found = claims(text).filter((f) => f.path === null);
    assert.deepEqual(found.map((f) => [f.severity, where(f), f.fix]), [['error', '45:83-45:135', undefined]]);
    assert.match(found[0]!.message, /the facts say data_loss\.personal_data: yes, data_loss\.exfiltration: confirmed\./);
  });

  it('says nothing about denials once the incident is resolved and the facts agree', () => {
    assert.deepEqual(claims(REPORT.replace('status: monitoring', 'status: resolved')), []);
  });
});

describe('claim-restoration: only the newest update is compared', () => {
  it('flags the date in the newest update, not the older forecast', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'claim-restoration', 'input.md'), 'utf8');
    assert.deepEqual(
      claims(text).map((f) => [f.ruleId, f.path, text.slice(f.offset, f.endOffset)]),
      [['claim-restoration', '/updates/1/text', '10. November']],
    );
    const unknown = text.replace('expected_restoration: 2023-11-17', 'expected_restoration: unknown');
    assert.deepEqual(
      claims(unknown).map((f) => text.slice(0, 0) + unknown.slice(f.offset, f.endOffset)),
      ['10. November', '17.11.2023'],
    );
  });
});

describe('claims memo', () => {
  it('gives the same text the findings of the report it is in, whatever was linted before', () => {
    // A date no other test uses, so that no earlier lint has analysed these sentences; the second
    // sentence makes the text worth analysing when only the data-loss words count.
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'claim-restoration', 'input.md'), 'utf8').replace(
      'bis zum 10. November.',
      'bis zum 12. November. Die Fachleute prüfen die Daten.',
    );
    const found = (t: string) => claims(t).map((f) => [f.ruleId, f.path, t.slice(f.offset, f.endOffset)]);
    // Resolved first: no restoration trigger, so the date sentence is not analysed for a date.
    const resolved = text.replace(/^status: .*$/m, 'status: resolved');
    assert.deepEqual(found(resolved).filter(([rule]) => rule === 'claim-restoration'), []);
    // The same sentences in an open report: the date is found.
    assert.deepEqual(found(text), [['claim-restoration', '/updates/1/text', '12. November']]);
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new BoundedCache<string, number>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, () => ++computed);
    assert.deepEqual([get('a'), get('b'), get('a'), get('c'), get('b'), get('a')], [1, 2, 1, 3, 2, 4]);
  });

  it('drops in the order the keys came, round after round', () => {
    const cache = new BoundedCache<string, string>(3);
    const computed: string[] = [];
    const get = (key: string) => cache.get(key, () => (computed.push(key), key.toUpperCase()));
    for (const key of 'abcdefgh') get(key);
    // Full after c: d drops a, e drops b, … h drops e; f, g, h are kept, e is computed again.
    assert.deepEqual(['f', 'g', 'h', 'e'].map(get), ['F', 'G', 'H', 'E']);
    assert.deepEqual(computed, [...'abcdefgh', 'e']);
    // e dropped f (the oldest): g and h are still kept.
    assert.deepEqual(['g', 'h'].map(get), ['G', 'H']);
    assert.equal(computed.length, 9);
  });
});

describe('counts: numbers read in the report\'s language', () => {
  const counts = (sentence: string, lang: 'de' | 'en') =>
    analyseSentence(sentence, lang)
      .filter((c): c is CountClaim => c.kind === 'count')
      .map((c) => `${c.qualifier} ${c.value}${c.range ? `..${c.range[1]}` : ''} ${c.subject} “${sentence.slice(c.offset, c.endOffset)}”`);

  it('German: "41.000" and "41 000" are forty-one thousand, "41,000" is forty-one, "1,2 Millionen" is 1.2 million', () => {
    assert.deepEqual(counts('Betroffen sind rund 41.000 Personen.', 'de'), ['about 41000 people “rund 41.000”']);
    assert.deepEqual(counts('Betroffen sind rund 41 000 Personen.', 'de'), ['about 41000 people “rund 41 000”']);
    assert.deepEqual(counts('Betroffen sind 41,000 Personen.', 'de'), ['exact 41 people “41,000”']);
    assert.deepEqual(counts('Abgeflossen sind rund 1,2 Millionen Datensätze.', 'de'), ['about 1200000 records “rund 1,2 Millionen”']);
    assert.deepEqual(counts('Abgeflossen sind knapp 1,2 Mio. Datensätze.', 'de'), ['nearly 1200000 records “knapp 1,2 Mio.”']);
  });

  it('English: "41,000" and "41 000" are forty-one thousand, "41.000" is forty-one, "1.2 million" is 1.2 million', () => {
    assert.deepEqual(counts('About 41,000 people are affected.', 'en'), ['about 41000 people “About 41,000”']);
    assert.deepEqual(counts('About 41 000 people are affected.', 'en'), ['about 41000 people “About 41 000”']);
    assert.deepEqual(counts('Data of 41.000 residents was leaked.', 'en'), ['exact 41 people “41.000”']);
    assert.deepEqual(counts('Around 1.2 million records were stolen.', 'en'), ['about 1200000 records “Around 1.2 million”']);
    assert.deepEqual(counts('Tens of thousands of residents are affected.', 'en'), ['vague 20000..1000000 people “Tens of thousands of”']);
  });

  it('reads the qualifier in front of the number, and a vague count for its range', () => {
    assert.deepEqual(counts('Mehr als 40.000 Personen sind betroffen.', 'de'), ['over 40000 people “Mehr als 40.000”']);
    assert.deepEqual(counts('Bis zu 45.000 Personen sind betroffen.', 'de'), ['upTo 45000 people “Bis zu 45.000”']);
    assert.deepEqual(counts('Daten von Tausenden Betroffenen wurden kopiert.', 'de'), ['vague 2000..1000000 people “Tausenden”']);
    assert.deepEqual(counts('Die Zahl der Betroffenen liegt bei rund 60.000.', 'de'), ['about 60000 people “rund 60.000”']);
    // "über" after a data noun is "about", not "more than".
    assert.deepEqual(counts('Informationen über 30.000 Bürgerinnen und Bürger wurden kopiert.', 'de'), ['exact 30000 people “30.000”']);
  });

  it('finds no count of people affected in populations, staff, phone numbers, dates, times or money', () => {
    for (const [sentence, lang] of [
      ['Die Stadt hat rund 41.000 Einwohner.', 'de'],
      ['Die Stadt mit ihren rund 50.000 Einwohnern ist nur eingeschränkt erreichbar.', 'de'],
      ['Rund 300 Beschäftigte arbeiten im Notbetrieb.', 'de'],
      ['Das Bürgertelefon ist unter 02389 780-100 erreichbar.', 'de'],
      ['Der Angriff begann am 30. Oktober 2023 gegen 13.20 Uhr.', 'de'],
      ['Die Täter fordern 50.000 Euro von 41.000 Einwohnern.', 'de'],
      ['Call +49 2389 780 100 if you have questions.', 'en'],
      ['The attackers demanded 50,000 euros.', 'en'],
      ['Whether more than 41,000 people are affected is being examined.', 'en'],
      ['Not all 41,000 residents are affected.', 'en'],
    ] as const) {
      assert.deepEqual(counts(sentence, lang), [], sentence);
    }
  });
});

describe('claim-risk and promises', () => {
  const kinds = (sentence: string, lang: 'de' | 'en' = 'de') => analyseSentence(sentence, lang).map((c) => (c.kind === 'no-risk' ? `no-risk/${c.about}${c.hedged ? '/hedged' : ''}` : c.kind === 'restoration-date' ? `date${c.promise ? '/promise' : ''}` : c.kind));

  it('finds denials of a risk or of consequences for people, not for things', () => {
    assert.deepEqual(kinds('Für die Bürgerinnen und Bürger besteht keine Gefahr.'), ['no-risk/risk']);
    assert.deepEqual(kinds('Nach derzeitigem Stand besteht für Sie kein Risiko.'), ['no-risk/risk/hedged']);
    assert.deepEqual(kinds('Für die Betroffenen entstehen keine Nachteile.'), ['no-risk/consequences']);
    assert.deepEqual(kinds('Die Trinkwasserversorgung ist nicht gefährdet.'), []);
    assert.deepEqual(kinds('There is no risk to residents.', 'en'), ['no-risk/risk']);
    assert.deepEqual(kinds('We cannot rule out a risk to the people affected.', 'en'), []);
  });

  it('reads a promise of a date as a date claim, not as "all services are back"', () => {
    assert.deepEqual(kinds('Wir garantieren, dass ab dem 4. Mai alle Dienste wieder laufen.'), ['date/promise']);
    assert.deepEqual(kinds('Ab dem 4. Mai laufen alle Dienste wieder.'), ['date']);
    assert.deepEqual(kinds('Alle Dienste laufen wieder.'), ['all-restored']);
    assert.deepEqual(kinds('We promise that all services are back on 4 December.', 'en'), ['date/promise']);
  });
});
