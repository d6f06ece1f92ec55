import { strict as assert } from 'node:assert';
import { createLinter, parseReport } from '../../src/core';
import { newReportTemplate, placeSuggestion, reportId, slugify, yamlString } from '../../src/core/templates/report';
import { memberList } from '../../src/core/templates/member';
import { appendUpdate } from '../../src/core/templates/update';
import { newMemberTemplate } from '../../src/core/templates/member';
import { DATA_LOSS_TEMPLATES } from '../../src/core/templates/dataLoss';

/** 2024-03-31T01:30:27Z: the night Europe/Berlin switches to summer time. */
const NOW = Date.UTC(2024, 2, 31, 1, 30, 27);

describe('newReportTemplate', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`(${lang}) lints with placeholder warnings only (and the precautionary GDPR and the NIS2 notes)`, () => {
      const text = newReportTemplate({ lang, organization: 'Stadt Werne', id: reportId('Stadt Werne', NOW, 'Europe/Berlin'), now: NOW, timeZone: 'Europe/Berlin' });
      const { findings, report } = createLinter({ locale: lang, now: () => NOW + 60_000 }).lint(text);
      assert.deepEqual([...new Set(findings.map((f) => `${f.ruleId}/${f.severity}`))], ['placeholder/warning', 'gdpr-notification/info', 'nis2-reporting/info']);
      // title, service, workaround, contact name, phone, update text, public TODO; personal data
      // is still unknown within the 72 hours, so a precautionary notification is suggested; and
      // `nis2.entity: unknown` asks whether NIS2 covers the organisation for this major incident.
      assert.equal(findings.length, 9);
      const data = report.data as Record<string, any>;
      assert.equal(data.id, '2024-03-31-stadt-werne');
      assert.equal(data.lang, lang);
      assert.equal(data.organization, 'Stadt Werne');
      assert.equal(data.timestamps.started_at, '2024-03-31T03:30:00+02:00');
      assert.equal(data.updates[0].at, '2024-03-31T03:30:00+02:00');
      assert.ok(report.publicSection, 'has a public section');
    });
  }

  it('quotes organisations YAML would misread', () => {
    for (const organization of ['yes', 'Foo: Bar', '#1 GmbH', '0815', '"Quoted" e.V.', 'null']) {
      const text = newReportTemplate({ lang: 'en', organization, id: 'x', now: NOW, timeZone: 'UTC' });
      assert.equal((parseReport(text).data as Record<string, unknown>).organization, organization);
    }
    assert.equal(yamlString('Stadt Werne'), 'Stadt Werne');
    assert.equal(yamlString('yes'), '"yes"');
  });
});

describe('location: the place of the dateline', () => {
  it('is written after the organisation when given, and left out when empty', () => {
    const base = { lang: 'de' as const, organization: 'Stadt Werne', id: 'x', now: NOW, timeZone: 'Europe/Berlin' };
    assert.match(newReportTemplate({ ...base, location: 'Werne' }), /\norganization: Stadt Werne\nlocation: Werne\ntimezone:/);
    assert.doesNotMatch(newReportTemplate({ ...base, location: ' ' }), /location:/);
    assert.equal((parseReport(newReportTemplate({ ...base, location: 'Wickede (Ruhr)' })).data as Record<string, unknown>).location, 'Wickede (Ruhr)');
  });

  it('is suggested from the organisation only when its name gives the place away', () => {
    assert.equal(placeSuggestion('Stadt Werne'), 'Werne');
    assert.equal(placeSuggestion('Gemeinde Wickede (Ruhr)'), 'Wickede (Ruhr)');
    assert.equal(placeSuggestion('Kreisverwaltung Soest'), 'Soest');
    assert.equal(placeSuggestion('Große Kreisstadt Lindenau'), 'Lindenau');
    assert.equal(placeSuggestion('Town of Lindenau'), 'Lindenau');
    assert.equal(placeSuggestion('Lindenau City Council'), 'Lindenau');
    assert.equal(placeSuggestion('Südwestfalen-IT'), '');
    assert.equal(placeSuggestion('Stadtwerke Werne GmbH'), '');
  });

  it('comes from `Organisation | Ort` lines of a member list', () => {
    assert.deepEqual(memberList('Stadt Werne | Werne\n- Stadt Lünen\n# Kommentar\nStadt Werne | Anders\n'), [
      { organization: 'Stadt Werne', location: 'Werne' },
      { organization: 'Stadt Lünen', location: null },
    ]);
  });
});

describe('template sentences', () => {
  const PARENT = {
    lang: 'de',
    organization: 'Kreis Soest',
    status: 'identified',
    data_loss: { occurred: 'unknown', exfiltration: 'under_investigation', personal_data: 'unknown', statement: 'Ob Daten abgeflossen sind, wird derzeit untersucht.' },
  };
  const member = (lang: 'de' | 'en', parent: Record<string, unknown> = PARENT) =>
    newMemberTemplate({ parent: { ...parent, lang }, parentRef: '../kreis.md', organization: 'Stadt Werne', id: 'm', now: NOW, timeZone: 'Europe/Berlin' });

  /**
   * Where an organisation's name may stand in a template: as the value of a field, as a label before a
   * colon, in brackets, after "Quelle:"/"Source:", or in a contact's name. Anywhere else German would
   * need an article or a case ending ("Nach Angaben von Kreis Soest" for "des Kreises Soest").
   */
  const UNINFLECTED = /(?:^(?:title|organization|name): "?<?|\(|(?:Quelle|Source|source): |<Pressestelle |<Press office )$/;

  it('name an organisation only where no article or case ending is needed, in every template and language', () => {
    for (const lang of ['de', 'en'] as const) {
      const texts = [member(lang), member(lang, { ...PARENT, organization: 'Stadt Werne' }), newReportTemplate({ lang, organization: 'Kreis Soest', id: 'r', now: NOW, timeZone: 'Europe/Berlin' })];
      for (const text of texts) {
        for (const name of ['Kreis Soest', 'Stadt Werne']) {
          for (const m of text.matchAll(new RegExp(name, 'g'))) {
            const lineStart = text.lastIndexOf('\n', m.index) + 1;
            const before = text.slice(lineStart, m.index).trimStart();
            assert.match(before, UNINFLECTED, `"${name}" after "${before}" in:\n${text.split('\n').find((l, i, all) => all.slice(0, i + 1).join('\n').length >= m.index)}`);
          }
        }
      }
    }
  });

  it('give the member the parent\'s facts with their source, and leave the relation to the parent for the author to write', () => {
    const de = member('de');
    assert.match(de, /^ {2}statement: "Ob Daten abgeflossen sind, wird derzeit untersucht\. \(Quelle: Kreis Soest\)"$/m);
    assert.ok(
      de.endsWith(
        '## Pressemitteilung\n\n' +
          'Ein Vorfall bei <unserem IT-Dienstleister> (Kreis Soest) wirkt sich auch auf unsere Dienstleistungen aus. <Was über Beginn, Art und Daten bekannt ist> (Quelle: Kreis Soest).\n\n' +
          '<Welche Dienstleistungen eingeschränkt sind und wie Bürgerinnen und Bürger uns erreichen>\n',
      ),
      de,
    );
    const en = member('en');
    assert.match(en, /^ {2}statement: "Ob Daten abgeflossen sind, wird derzeit untersucht\. \(Source: Kreis Soest\)"$/m);
    assert.ok(en.includes('\nAn incident at <our IT service provider> (Kreis Soest) also affects our services. <What is known about start, kind and data> (source: Kreis Soest).\n'), en);
    // Without a parent organisation or statement the author is asked for both.
    const bare = member('de', { lang: 'de' });
    assert.match(bare, /^ {2}statement: "<Aussage zum Datenverlust> \(Quelle: <Name des Dienstleisters>\)"$/m);
  });

  it('mark the member\'s detected_at as the time the report was started, for the author to check (the deadlines run from it)', () => {
    assert.ok(member('de').includes('\n  detected_at: 2024-03-31T03:30:00+02:00 # wann wir vom Vorfall erfuhren: prüfen, die Fristen laufen ab hier\n'), member('de'));
    assert.ok(member('en').includes('\n  detected_at: 2024-03-31T03:30:00+02:00 # when we learned of the incident: check it, the deadlines run from here\n'), member('en'));
    // A comment, not a value: the report still reads the same time.
    assert.equal((parseReport(member('de')).data as { timestamps: { detected_at: string } }).timestamps.detected_at, '2024-03-31T03:30:00+02:00');
  });

  it('word the data-loss statements as a press office would', () => {
    assert.deepEqual(
      DATA_LOSS_TEMPLATES.map((t) => t.statement.de),
      [
        'Nach derzeitigem Kenntnisstand sind keine Daten verloren gegangen oder aus unseren Systemen abgeflossen.',
        'Es gibt Hinweise darauf, dass Daten aus unseren Systemen abgeflossen sein könnten. Wir prüfen das und informieren die Betroffenen.',
        'Unbefugte haben Daten aus unseren Systemen kopiert. Wir klären, um welche Daten es sich handelt, und informieren die Betroffenen direkt.',
        'Ob Daten verloren gegangen oder abgeflossen sind, wird derzeit untersucht. Wir berichten, sobald wir mehr wissen.',
      ],
    );
  });
});

describe('reportId / slugify', () => {
  it('transliterates and trims', () => {
    assert.equal(slugify('Südwestfalen-IT (Kommunaler IT-Dienstleister)'), 'suedwestfalen-it-kommunaler-it-dienstlei');
    assert.equal(slugify('Straße & Café'), 'strasse-cafe');
    assert.equal(reportId('   ', NOW, 'UTC'), '2024-03-31');
    assert.equal(reportId('Kreis Soest', NOW, 'America/New_York'), '2024-03-30-kreis-soest');
  });
});

describe('appendUpdate', () => {
  const AT = '2024-03-31T03:30:00+02:00';
  const apply = (text: string) => {
    const result = appendUpdate(text, AT);
    assert.equal(typeof result, 'object', `refused: ${String(result)}`);
    const r = result as Exclude<typeof result, string>;
    const out = text.slice(0, r.offset) + r.text + text.slice(r.endOffset);
    return { out, cursor: out.slice(0, r.cursorOffset) };
  };

  it('appends after the last entry with its indentation', () => {
    const text = '---\nid: a\nupdates:\n    - at: 2024-01-01T00:00:00Z\n      text: |\n        one\n\n        two\n# trailing comment\nlang: de\n---\nbody\n';
    const { out, cursor } = apply(text);
    assert.equal(
      out,
      '---\nid: a\nupdates:\n    - at: 2024-01-01T00:00:00Z\n      text: |\n        one\n\n        two\n    - at: 2024-03-31T03:30:00+02:00\n      text: \n# trailing comment\nlang: de\n---\nbody\n',
    );
    assert.ok(cursor.endsWith('      text: '));
  });

  it('handles column-0 entries and CRLF', () => {
    const { out } = apply('---\r\nupdates:\r\n- at: x\r\n  text: y\r\n---\r\n');
    assert.equal(out, '---\r\nupdates:\r\n- at: x\r\n  text: y\r\n- at: 2024-03-31T03:30:00+02:00\r\n  text: \r\n---\r\n');
  });

  it('creates the key before the closing fence', () => {
    const { out, cursor } = apply('---\nid: a\n---\n\n# T\n');
    assert.equal(out, '---\nid: a\nupdates:\n  - at: 2024-03-31T03:30:00+02:00\n    text: \n---\n\n# T\n');
    assert.equal(cursor, '---\nid: a\nupdates:\n  - at: 2024-03-31T03:30:00+02:00\n    text: ');
  });

  it('turns an empty flow list into a block list, keeping a comment', () => {
    assert.equal(apply('---\nupdates: [] # none yet\n---\n').out, '---\nupdates: # none yet\n  - at: 2024-03-31T03:30:00+02:00\n    text: \n---\n');
    assert.equal(apply('---\nupdates: []\n---\n').out, '---\nupdates:\n  - at: 2024-03-31T03:30:00+02:00\n    text: \n---\n');
    assert.equal(apply('---\nupdates:\n---\n').out, '---\nupdates:\n  - at: 2024-03-31T03:30:00+02:00\n    text: \n---\n');
  });

  it('refuses what it cannot extend', () => {
    assert.equal(appendUpdate('# no frontmatter\n', AT), 'no-frontmatter');
    assert.equal(appendUpdate('---\nupdates: [{at: x, text: y}]\n---\n', AT), 'not-a-list');
    assert.equal(appendUpdate('---\nupdates: text\n---\n', AT), 'not-a-list');
  });
});
