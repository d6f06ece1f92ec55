import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, parseReport, renderPressRelease } from '../../src/core';
import { dataLossSentences, INCIDENT_TYPE_WORDS, SEVERITY_WORDS, statusWords, STATUS_WORDS, WORDING_VALUES, type DataLossFacts } from '../../src/core/render/wording';
import { renderStatusPageHtml, renderStatusPageText } from '../../src/core/render/statusPage';
import { publicWordingDoc } from '../../scripts/public-wording';

/** Every combination of the data-loss facts the public wording is made of. */
function everyCombination(): DataLossFacts[] {
  const list: DataLossFacts[] = [];
  const types = WORDING_VALUES.breachType;
  const subsets = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => types.filter((_, i) => mask & (1 << i)));
  for (const occurred of [...WORDING_VALUES.occurred, null])
    for (const exfiltration of [...WORDING_VALUES.exfiltration, null])
      for (const personalData of [...WORDING_VALUES.personalData, null])
        for (const breachTypes of subsets) for (const open of [true, false]) list.push({ occurred, exfiltration, personalData, breachTypes, open });
  return list;
}

describe('public wording of the data-loss facts (every combination, both languages)', () => {
  const all = everyCombination().map((facts) => ({ facts, sentences: dataLossSentences(facts) }));

  it('never calls data lost: copied data still exists, and destroyed data is said so', () => {
    for (const { facts, sentences } of all) {
      for (const s of sentences) {
        assert.doesNotMatch(s.de, /verloren/i, JSON.stringify(facts));
        assert.doesNotMatch(s.en, /\blost\b|\bloss\b/i, JSON.stringify(facts));
      }
    }
  });

  it('says what happened: copied for a confirmed exfiltration, and never "destroyed" when only the copying is known', () => {
    for (const { facts, sentences } of all) {
      const de = sentences.map((s) => s.de).join(' ');
      const en = sentences.map((s) => s.en).join(' ');
      if (facts.exfiltration === 'confirmed') {
        assert.match(de, /Daten sind abgeflossen\. Unbefugte haben sie kopiert\./);
        assert.match(en, /Data has been stolen: unauthorised persons copied it\./);
        if (facts.breachTypes.length === 0 && facts.occurred === 'yes') assert.doesNotMatch(de, /zerstört/, 'the copying explains the loss');
      }
      if (facts.breachTypes.includes('integrity')) assert.match(de, /Daten wurden unbefugt verändert\./);
      if (facts.occurred === 'yes' && facts.exfiltration !== 'confirmed' && (facts.breachTypes.length === 0 || facts.breachTypes.includes('availability'))) {
        assert.match(de, /Daten wurden zerstört oder unbrauchbar gemacht\./);
      }
    }
  });

  it('says "so far" for a negative answer while the incident is open, and only then', () => {
    for (const { facts, sentences } of all) {
      const de = sentences.map((s) => s.de).join(' ');
      const hedged = /Bislang|Nach bisherigen Erkenntnissen/.test(de);
      const negative = facts.exfiltration === 'no_indication' || facts.occurred === 'no' || facts.personalData === 'no';
      const availabilityOnly = facts.occurred === 'no' && facts.breachTypes.includes('availability') && facts.exfiltration !== 'no_indication' && facts.personalData !== 'no';
      if (!facts.open) assert.ok(!hedged, de);
      else if (negative && !availabilityOnly) assert.ok(hedged, de);
    }
  });

  it('asks every open question once, in one sentence at the end', () => {
    for (const { facts, sentences } of all) {
      const open = [
        facts.exfiltration === 'under_investigation',
        facts.occurred === 'unknown',
        facts.personalData === 'unknown',
      ].filter(Boolean).length;
      const questions = sentences.filter((s) => /untersucht/.test(s.de));
      assert.equal(questions.length, open > 0 ? 1 : 0, JSON.stringify(facts));
      if (open > 0) assert.equal(sentences[sentences.length - 1], questions[0]);
      if (open > 0) assert.equal((questions[0]!.de.match(/\bob\b|\bOb\b/g) ?? []).length, open, questions[0]!.de);
    }
  });

  it('writes whole sentences, the same number in German and English', () => {
    for (const { sentences } of all) {
      for (const s of sentences) {
        assert.match(s.de, /^[A-ZÄÖÜ].*[.]$/u);
        assert.match(s.en, /^[A-Z].*[.]$/u);
      }
    }
  });
});

describe('public wording of status, severity and incident type', () => {
  it('claims no more than the state: identified is no "cause identified", critical no alarm', () => {
    for (const type of [null, 'ransomware', 'outage', 'unknown']) {
      assert.doesNotMatch(statusWords('identified', type, 'de')!, /Ursache/);
      assert.doesNotMatch(statusWords('identified', type, 'en')!, /cause/);
    }
    assert.equal(statusWords('identified', 'ransomware', 'de'), 'Angriff bestätigt, Auswirkungen werden eingegrenzt');
    assert.equal(statusWords('identified', 'outage', 'de'), 'Vorfall bestätigt, Auswirkungen werden eingegrenzt');
    assert.equal(statusWords('monitoring', null, 'en'), 'recovery under way, operations are being monitored');
    for (const text of Object.values(SEVERITY_WORDS)) assert.doesNotMatch(`${text.de} ${text.en}`, /kritisch|critical|alarm/i);
    assert.doesNotMatch(`${INCIDENT_TYPE_WORDS.ransomware!.de} ${INCIDENT_TYPE_WORDS.ransomware!.en}`, /Daten|data/i, 'the type says nothing about the data');
    assert.deepEqual(Object.keys(STATUS_WORDS), ['investigating', 'identified', 'monitoring', 'resolved']);
  });

  it('is documented in docs/public-wording.md (npm run generate)', () => {
    assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'public-wording.md'), 'utf8'), publicWordingDoc());
  });
});

/** The Lindenau report of issue 22: copied data, a place for the dateline. */
const LINDENAU = (dataLoss: string, extra = '') => `---
schema: incident-report/v1
id: 2026-04-22-lindenau
title: Cyberangriff auf die Stadtverwaltung Lindenau
lang: de
status: identified
severity: critical
incident_type: ransomware
organization: Stadt Lindenau
${extra}timezone: Europe/Berlin
affected_services:
  - name: Bürgerbüro
    status: major_outage
timestamps:
  started_at: 2026-04-20T02:10:00+02:00
  detected_at: 2026-04-20T07:30:00+02:00
  published_at: 2026-04-22T10:00:00+02:00
data_loss:
${dataLoss}
contacts:
  - role: press
    name: Pressestelle Stadt Lindenau
    phone: +49 3000 000000
---

## Pressemitteilung

Die Stadtverwaltung Lindenau ist nach einem Cyberangriff nur eingeschränkt erreichbar.
`;
const COPIED = '  occurred: yes\n  exfiltration: confirmed\n  personal_data: yes\n  statement: Die Täter haben Daten aus dem Meldewesen kopiert.\n  subjects_approx: 41000';

describe('rendered wording (press release and status page)', () => {
  it('dates the release from `location`: "Lindenau, 22. April 2026 –" (defect 5)', () => {
    const { html, text } = renderPressRelease(parseReport(LINDENAU(COPIED, 'location: Lindenau\n')), { now: 0 });
    assert.ok(html.includes('<span class="dateline"><span class="place">Lindenau</span>, <time datetime="2026-04-22T10:00:00+02:00">22. April 2026</time> –</span> Die Stadtverwaltung'));
    assert.ok(text.includes('\nLindenau, 22. April 2026 – Die Stadtverwaltung Lindenau ist nach einem\n'));
    // The letterhead still names the organisation.
    assert.ok(text.startsWith('PRESSEMITTEILUNG · Stadt Lindenau\n'));
  });

  it('without `location` the dateline names the organisation, as before', () => {
    const { text } = renderPressRelease(parseReport(LINDENAU(COPIED)), { now: 0 });
    assert.ok(text.includes('\nStadt Lindenau, 22. April 2026 – Die Stadtverwaltung'));
  });

  it('publishes copied data as copied, not as lost, in every public output (defect 3)', () => {
    const report = parseReport(LINDENAU(COPIED, 'location: Lindenau\n'));
    const { html, text } = renderPressRelease(report, { now: 0 });
    const model = buildModel(report, { now: 0 });
    const status = [renderStatusPageHtml([model]), renderStatusPageText([model])];
    for (const out of [html, text, ...status]) assert.doesNotMatch(out, /verloren/);
    assert.ok(html.includes('<dt>Stand der Untersuchung</dt><dd>Daten sind abgeflossen. Unbefugte haben sie kopiert. Personenbezogene Daten sind betroffen.</dd>'));
    assert.ok(html.includes('<dt>Betroffene Personen (geschätzt)</dt><dd>rund 41.000</dd>'));
    assert.ok(html.includes('<dt>Stand der Bearbeitung</dt><dd>Angriff bestätigt, Auswirkungen werden eingegrenzt</dd><dt>Auswirkungen</dt><dd>starke Einschränkungen zentraler Dienste</dd>'));
    for (const out of status) assert.ok(out.replace(/\s+/g, ' ').includes('Stand der Bearbeitung: Angriff bestätigt, Auswirkungen werden eingegrenzt'));
  });

  it('prints a count written 41.000 or "41,000" as the 41,000 its author meant, never "rund 41" (defect 1); a fraction not at all', () => {
    const written = (count: string) => renderPressRelease(parseReport(LINDENAU(COPIED.replace('subjects_approx: 41000', `subjects_approx: ${count}`))), { now: 0 }).html;
    assert.ok(written('41.000').includes('<dt>Betroffene Personen (geschätzt)</dt><dd>rund 41.000</dd>'));
    assert.ok(written('41000').includes('<dt>Betroffene Personen (geschätzt)</dt><dd>rund 41.000</dd>'));
    assert.ok(written('"41,000"').includes('<dt>Betroffene Personen (geschätzt)</dt><dd>rund 41.000</dd>'), 'text with thousands groups is the number count-format\'s fix writes');
    assert.ok(!written('41.5').includes('Betroffene Personen'), 'an unreadable count is not printed');
  });

  it('English: the same facts in English words', () => {
    const en = LINDENAU(COPIED, 'location: Lindenau\n').replace('lang: de', 'lang: en').replace('## Pressemitteilung', '## Press release');
    const { html, text } = renderPressRelease(parseReport(en), { now: 0 });
    assert.ok(html.includes('<span class="place">Lindenau</span>, <time datetime="2026-04-22T10:00:00+02:00">22 April 2026</time> –'));
    assert.ok(html.includes('<dt>Where the investigation stands</dt><dd>Data has been stolen: unauthorised persons copied it. Personal data is affected.</dd>'));
    assert.ok(html.includes('<dt>Status</dt><dd>attack confirmed, its effects are being contained</dd><dt>Impact</dt><dd>severe disruption of essential services</dd>'));
    assert.doesNotMatch(text, /\blost\b|\bloss\b/i);
  });
});
