/**
 * Releases (issue 26): the canonical JSON of the publication model, its fingerprint, the release
 * gate and what changed between two releases.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Document, isMap, parse, visit } from 'yaml';
import {
  buildModel,
  canonicalJson,
  createLinter,
  currentRelease,
  isRecord,
  parseReleaseJson,
  parseReport,
  PUBLIC_OUTPUTS,
  publishVerdict,
  releaseChanges,
  releaseModel,
  sha256Hex,
  type ReleaseModel,
} from '../../src/core';
import { FIXTURE_NOW, fixtureCases } from './fixtureFormat';
import { baseReport, pointerOf, reportText, setIn, stringLeaves } from './schemaLeaves';
import { documents } from './yamlArbitraries';
import { countsAsMeant } from './countsAsMeant';

/** `text` with its frontmatter written anew from its data: keys reversed at every level, in `options`' style. */
function restyled(text: string, options: Record<string, unknown>): string | null {
  const report = parseReport(text);
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml' || report.yamlErrors.length > 0 || !isRecord(report.data)) return null;
  const doc = new Document(report.data, { version: '1.2' });
  visit(doc, { Map: (_, node) => void (isMap(node) && node.items.reverse()) });
  const yaml = doc.toString(options);
  assert.deepStrictEqual(parse(yaml, { version: '1.2' }), report.data, 'the restyled frontmatter holds other data');
  return text.slice(0, report.bomLength + fm.contentOffset) + yaml + text.slice(report.bomLength + fm.close.offset);
}

const STYLES: Array<Record<string, unknown>> = [
  {},
  { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { collectionStyle: 'flow' },
  { defaultStringType: 'BLOCK_LITERAL', defaultKeyType: 'PLAIN' },
  { defaultStringType: 'BLOCK_FOLDED', defaultKeyType: 'PLAIN', lineWidth: 30, minContentWidth: 0 },
  { indent: 4, indentSeq: false },
];

describe('release model: canonical JSON', () => {
  const inputs = [...fixtureCases().map((c) => ({ name: c.name, text: c.input })), ...documents.filter((f) => f.includes('examples')).map((f) => ({ name: f, text: readFileSync(f, 'utf8') }))];

  it('is the same for every key order and YAML style of the same facts (fixtures and examples)', () => {
    let compared = 0;
    // A count written 41.000 is released as the 41000 meant; written anew from YAML's data it would be 41.
    const linter = createLinter({ now: () => FIXTURE_NOW });
    for (const input of inputs) {
      const json = currentRelease(parseReport(input.text)).json;
      const meant = countsAsMeant(input.text, linter.lint(input.text).findings);
      for (const style of STYLES) {
        const other = restyled(meant, style);
        if (other === null) continue;
        assert.equal(currentRelease(parseReport(other)).json, json, `${input.name} in ${JSON.stringify(style)}`);
        compared++;
      }
    }
    assert.ok(compared > 300, `only ${compared} comparisons`);
  });

  it('is the same with CRLF line breaks, and has sorted keys, two-space indentation and one final line break', () => {
    const { data, body } = baseReport();
    const text = reportText(data, body);
    const json = currentRelease(parseReport(text)).json;
    assert.equal(currentRelease(parseReport(text.replace(/\n/g, '\r\n'))).json, json);
    assert.match(json, /^\{\n  "fields": \{\n    "\/affected_organizations\/0": /);
    assert.ok(json.endsWith('}\n') && !json.endsWith('\n\n'));
    const keys = Object.keys(JSON.parse(json).fields as object);
    assert.deepEqual(keys, [...keys].sort());
  });

  it('reads back as the same model, and its fingerprint is the SHA-256 of the file', () => {
    const release = currentRelease(parseReport(reportText(baseReport().data, baseReport().body)));
    const parsed = parseReleaseJson(release.json);
    assert.ok('model' in parsed);
    assert.equal(canonicalJson(parsed.model), release.json);
    assert.match(release.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(release.fingerprint, sha256Hex(release.json));
    // Known answer (FIPS 180-2): SHA-256 of "abc".
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.deepEqual(parseReleaseJson('{"format": "other"}'), { problem: 'not a release file (its "format" is not "incident-report-release/1")' });
  });

  it('names why a file is no release in German and English, as findings do', () => {
    const problem = (text: string, locale: 'de' | 'en') => {
      const parsed = parseReleaseJson(text, locale);
      return 'problem' in parsed ? parsed.problem : null;
    };
    assert.equal(problem('{"format": "other"}', 'de'), 'keine Release-Datei (ihr "format" ist nicht "incident-report-release/1")');
    assert.equal(problem('{"format": "other"}', 'en'), 'not a release file (its "format" is not "incident-report-release/1")');
    assert.equal(problem('{"format": "incident-report-release/1", "fields": []}', 'de'), '"fields" ist kein Objekt aus Texten und Zahlen');
    assert.equal(problem('{"format": "incident-report-release/1", "fields": []}', 'en'), '"fields" is not an object of texts and numbers');
    assert.match(problem('{', 'de')!, /^kein gültiges JSON \(.+\)$/);
    assert.match(problem('{', 'en')!, /^not valid JSON \(.+\)$/);
  });

  it('names an empty file and a release of another format version as such (they were "not valid JSON (Unexpected end of JSON input)" and "not a release file")', () => {
    const problem = (text: string, locale: 'de' | 'en') => {
      const parsed = parseReleaseJson(text, locale);
      return 'problem' in parsed ? parsed.problem : null;
    };
    assert.equal(problem('', 'en'), 'the file is empty');
    assert.equal(problem(' \n', 'de'), 'die Datei ist leer');
    assert.equal(
      problem('{"format": "incident-report-release/2", "fields": {}}', 'en'),
      'a release file of format "incident-report-release/2", which this version of incident-report cannot read (it reads "incident-report-release/1"): update incident-report',
    );
    assert.equal(
      problem('{"format": "incident-report-release/2"}', 'de'),
      'eine Release-Datei im Format "incident-report-release/2", das diese Version von incident-report nicht lesen kann (sie liest "incident-report-release/1"): incident-report aktualisieren',
    );
    // A JSON array or another file is still no release file.
    assert.equal(problem('[]', 'en'), 'not a release file (its "format" is not "incident-report-release/1")');
  });

  it('leaves suppression directives out of the public section (they are never published)', () => {
    const { data, body } = baseReport();
    const plain = reportText(data, body);
    const withDirective = plain.replace(/(## Pressemitteilung\n\n)/, '$1<!-- incident-report-disable-next-line leak-ip -- Beispieladresse aus der Dokumentation -->\n');
    assert.notEqual(withDirective, plain);
    assert.equal(releaseModel(parseReport(withDirective)).public_section, releaseModel(parseReport(plain)).public_section);
  });

  it('leaves every HTML comment out of the public section: no output prints one, and a note in it stayed in the release file', () => {
    const { data, body } = baseReport();
    const plain = reportText(data, body);
    const blocks = plain.replace(/(## Pressemitteilung\n\n)/, '$1<!-- Zahl mit Herrn Meier (0171 5550123) klären -->\n\n').replace(/$/, '\n\n<!--\nNoch offen: Rückruf Landrat\n-->\n');
    // At the end of a line: the line's trailing space is no content either.
    const inline = blocks.replace(/(## Pressemitteilung\n\n[\s\S]*?)\.\n/, '$1. <!-- Quelle: Ticket INC-2023-4711 -->\n');
    assert.equal((inline.match(/<!--/g) ?? []).length, 3);
    const release = currentRelease(parseReport(inline));
    assert.ok(!/Meier|INC-2023|Landrat|<!--/.test(release.json), release.model.public_section ?? '');
    assert.equal(release.json, currentRelease(parseReport(plain)).json);
    // Every output prints the same with and without the notes: they are no part of what is approved.
    assert.equal(outputs(blocks), outputs(plain));
  });
});

/** Fields no public output may print, whatever they hold (as in test/unit/publish.test.ts). */
const INTERNAL_BY_DESIGN = [/^\/iocs\//, /^\/authorities\/\d+\/reference$/, /^\/approvals?(\/|$)/, /^\/data_loss\/delay_reason$/, /^\/data_loss\/measures$/, /^\/data_loss\/art34_reason$/, /\/x-[^/]*$/];

/** Every public output in every format, rendered from the publication model. */
function outputs(text: string): string {
  const report = parseReport(text);
  const options = { now: FIXTURE_NOW };
  return PUBLIC_OUTPUTS.flatMap((output) => output.formats.map((format) => output.render([buildModel(report, options)], format, options))).join('\n\u0000\n');
}

describe('release fingerprint: changes with every public field and with no internal one', function () {
  this.timeout(300_000);
  const { data, body } = baseReport();
  const base = reportText(data, body);
  const baseFingerprint = currentRelease(parseReport(base)).fingerprint;
  const baseOutputs = outputs(base);
  const leaves = stringLeaves();
  // Text a writer may type: letters, digits, punctuation, never blank (a blank value is no text).
  const value = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9 .,:;!?()\/@+-]{1,40}$/).filter((v) => v.trim() !== '');

  it('enumerates the schema, internal fields included', () => {
    assert.ok(leaves.length > 80, `${leaves.length} leaves`);
    assert.ok(leaves.some((leaf) => INTERNAL_BY_DESIGN.some((re) => re.test(pointerOf(leaf)))));
    assert.ok(leaves.some((leaf) => pointerOf(leaf) === '/approvals/0/by'));
  });

  it('property: any field changed so that an output prints something else changes the fingerprint; an internal field never does', () => {
    let printed = 0;
    let internal = 0;
    fc.assert(
      fc.property(fc.constantFrom(...leaves), value, (leaf, planted) => {
        const changed = structuredClone(data);
        setIn(changed, leaf, planted);
        const text = reportText(changed, body);
        const fingerprint = currentRelease(parseReport(text)).fingerprint;
        const pointer = pointerOf(leaf);
        if (INTERNAL_BY_DESIGN.some((re) => re.test(pointer))) {
          internal++;
          assert.equal(fingerprint, baseFingerprint, `${pointer} is internal, yet changing it changed the fingerprint`);
        }
        if (outputs(text) !== baseOutputs) {
          printed++;
          assert.notEqual(fingerprint, baseFingerprint, `${pointer} = ${JSON.stringify(planted)} changed a public output but not the fingerprint`);
        }
      }),
      { numRuns: 400, seed: 2026 },
    );
    assert.ok(printed > 100 && internal > 10, `not vacuous: ${printed} printed, ${internal} internal`);
  });

  it('every field that a public output prints changes the fingerprint (each leaf once)', () => {
    const missed: string[] = [];
    for (const leaf of leaves) {
      const changed = structuredClone(data);
      setIn(changed, leaf, 'Geänderter Wert 4711');
      const text = reportText(changed, body);
      if (outputs(text).includes('Geänderter Wert 4711') && currentRelease(parseReport(text)).fingerprint === baseFingerprint) missed.push(pointerOf(leaf));
    }
    assert.deepEqual(missed, []);
  });

  it('the public section changes it; the internal sections never do', () => {
    const internalEdit = base.replace(/## Pressemitteilung/, 'Ein interner Satz über 10.20.30.40 mehr.\n\n## Pressemitteilung');
    assert.notEqual(internalEdit, base);
    assert.equal(currentRelease(parseReport(internalEdit)).fingerprint, baseFingerprint);
    const publicEdit = `${base.trimEnd()}\n\nEin neuer öffentlicher Satz.\n`;
    assert.notEqual(currentRelease(parseReport(publicEdit)).fingerprint, baseFingerprint);
  });

  it("the public heading's level changes it exactly when it changes an output: the section's own headings are printed relative to it", () => {
    assert.match(base, /\n## Pressemitteilung\n/);
    const deeper = (text: string) => text.replace('\n## Pressemitteilung\n', '\n### Pressemitteilung\n');
    // No heading inside the section: the level prints nothing, and the approval stays current.
    assert.equal(outputs(deeper(base)), baseOutputs);
    assert.equal(currentRelease(parseReport(deeper(base))).json, currentRelease(parseReport(base)).json);
    // "#### Ablauf" under "## Pressemitteilung" is printed as <h3>, under "### Pressemitteilung" as <h2>.
    const withHeading = `${base.trimEnd()}\n\n#### Ablauf\n\nDie Systeme wurden getrennt.\n`;
    const html = (text: string) => PUBLIC_OUTPUTS.find((o) => o.id === 'press-release')!.render([buildModel(parseReport(text), { now: FIXTURE_NOW })], 'html', { now: FIXTURE_NOW });
    assert.match(html(withHeading), /<h3>Ablauf<\/h3>/);
    assert.match(html(deeper(withHeading)), /<h2>Ablauf<\/h2>/);
    const before = currentRelease(parseReport(withHeading));
    const after = currentRelease(parseReport(deeper(withHeading)));
    assert.equal(before.model.public_section, after.model.public_section);
    assert.notEqual(after.fingerprint, before.fingerprint);
    assert.deepEqual([before.model.public_heading_level, after.model.public_heading_level], [2, 3]);
    // `changes` names it (a change of form: the words are the same).
    assert.deepEqual(
      releaseChanges(before.model, after.model).map((c) => [c.path, c.before, c.after, c.formOnly ?? false, c.text.de, c.text.en]),
      [['/public_section', null, null, true, 'Die Pressemitteilung: Ebene der Überschriften geändert (Pressemitteilung als Überschrift der Ebene 2 → 3)', 'The press release: heading levels changed (press release heading at level 2 → 3)']],
    );
    // The file reads back as written.
    const parsed = parseReleaseJson(after.json);
    assert.ok('model' in parsed);
    assert.equal(canonicalJson(parsed.model), after.json);
  });
});

const BASE_RELEASE: ReleaseModel = {
  format: 'incident-report-release/1',
  lang: 'de',
  timezone: 'Europe/Berlin',
  public_notice: false,
  fields: {
    '/status': 'identified',
    '/severity': 'major',
    '/title': 'Störung im Rathaus',
    '/affected_services/0/name': 'Bürgerbüro',
    '/affected_services/0/status': 'major_outage',
    '/affected_services/0/workaround': 'Termine per Telefon. Formulare liegen aus.',
    '/affected_services/1/name': 'Kfz-Zulassung',
    '/affected_services/1/status': 'partial_outage',
    '/expected_restoration': 'unknown',
    '/updates/0/at': '2023-10-30T10:00:00+01:00',
    '/updates/0/text': 'Das Bürgerbüro bleibt geschlossen.',
    '/data_loss/occurred': 'unknown',
    '/data_loss/statement': 'Ob Daten abgeflossen sind, wird geprüft. Die Polizei ermittelt.',
    '/contacts/0/role': 'press',
    '/contacts/0/name': 'Pressestelle',
    '/contacts/0/phone': '+49 2389 1',
    '/affected_organizations/0': 'Stadt Werne',
  },
  public_section: 'Die Stadt ist eingeschränkt erreichbar.\n\nWir informieren fortlaufend.',
};

/** The changes from the base release to one with `fields` changed (`undefined` removes a field). */
function changesWith(fields: Record<string, string | number | undefined>, rest: Partial<ReleaseModel> = {}) {
  const after: ReleaseModel = { ...BASE_RELEASE, ...rest, fields: { ...BASE_RELEASE.fields } };
  for (const [path, v] of Object.entries(fields)) {
    if (v === undefined) delete after.fields[path];
    else after.fields[path] = v;
  }
  return releaseChanges(BASE_RELEASE, after).map((c) => ({ path: c.path, before: c.before, after: c.after, de: c.text.de, en: c.text.en }));
}

describe('changes between two releases, for every field kind', () => {
  it('nothing changed: no changes', () => {
    assert.deepEqual(releaseChanges(BASE_RELEASE, BASE_RELEASE), []);
  });

  it('the status and other values: before → after', () => {
    assert.deepEqual(changesWith({ '/status': 'monitoring', '/severity': 'minor' }), [
      { path: '/status', before: 'identified', after: 'monitoring', de: 'Der Status hat sich geändert: Vorfall bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht', en: 'The status changed: incident confirmed, its effects are being contained → recovery under way, operations are being monitored' },
      { path: '/severity', before: 'major', after: 'minor', de: 'Der Schweregrad hat sich geändert: deutliche Einschränkungen → geringe Einschränkungen', en: 'The severity changed: significant disruption → minor disruption' },
    ]);
  });

  it('the status of an attack in the words of its release: "Angriff bestätigt", on each side its own kind', () => {
    const attack = (type: string | undefined, status: string): ReleaseModel => {
      const fields: Record<string, string | number> = { ...BASE_RELEASE.fields, '/status': status };
      if (type === undefined) delete fields['/incident_type'];
      else fields['/incident_type'] = type;
      return { ...BASE_RELEASE, fields };
    };
    const status = (before: ReleaseModel, after: ReleaseModel) => releaseChanges(before, after).filter((c) => c.path === '/status').map((c) => [c.text.de, c.text.en]);
    assert.deepEqual(status(attack('ransomware', 'identified'), attack('ransomware', 'monitoring')), [
      ['Der Status hat sich geändert: Angriff bestätigt, Auswirkungen werden eingegrenzt → Wiederherstellung läuft, der Betrieb wird überwacht', 'The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored'],
    ]);
    // Investigated as an outage, then confirmed as an attack: each release's own words.
    assert.deepEqual(status(attack(undefined, 'investigating'), attack('intrusion', 'identified')), [
      ['Der Status hat sich geändert: wird untersucht → Angriff bestätigt, Auswirkungen werden eingegrenzt', 'The status changed: under investigation → attack confirmed, its effects are being contained'],
    ]);
  });

  it("a service's state, restoration and workaround (sentence by sentence)", () => {
    assert.deepEqual(
      changesWith({
        '/affected_services/0/status': 'operational',
        '/affected_services/0/restored_at': '2023-10-31T09:30:00+01:00',
        '/affected_services/0/workaround': 'Termine per Telefon. Formulare gibt es online.',
      }),
      [
        { path: '/affected_services/0/status', before: 'major_outage', after: 'operational', de: 'Dienst „Bürgerbüro“: Status Ausfall → verfügbar', en: 'Service “Bürgerbüro”: status major outage → operational' },
        {
          path: '/affected_services/0/workaround',
          before: 'Formulare liegen aus.',
          after: 'Formulare gibt es online.',
          de: 'Dienst „Bürgerbüro“: Ausweichmöglichkeit: Satz geändert „Formulare liegen aus.“ → „Formulare gibt es online.“',
          en: 'Service “Bürgerbüro”: workaround: sentence changed “Formulare liegen aus.” → “Formulare gibt es online.”',
        },
        { path: '/affected_services/0/restored_at', before: null, after: '2023-10-31T09:30:00+01:00', de: 'Dienst „Bürgerbüro“ ist wieder verfügbar (seit 31.10.2023, 9:30 Uhr)', en: 'Service “Bürgerbüro” is available again (since 31 Oct 2023, 9:30 am)' },
      ],
    );
  });

  it('services are matched by name: one inserted before the others is new, not a rename of each', () => {
    const after: ReleaseModel = {
      ...BASE_RELEASE,
      fields: Object.fromEntries(
        Object.entries(BASE_RELEASE.fields).map(([path, v]) => [path.replace(/^\/affected_services\/(\d+)/, (_, i: string) => `/affected_services/${Number(i) + 1}`), v]),
      ),
    };
    after.fields['/affected_services/0/name'] = 'E-Mail';
    after.fields['/affected_services/0/status'] = 'major_outage';
    delete after.fields['/affected_services/2/name'];
    delete after.fields['/affected_services/2/status'];
    assert.deepEqual(
      releaseChanges(BASE_RELEASE, after).map((c) => [c.path, c.before, c.after, c.text.de]),
      [
        ['/affected_services/0', null, 'E-Mail', 'Neu: Dienst „E-Mail“ (Status: Ausfall)'],
        ['/affected_services/1', 'Kfz-Zulassung', null, 'Entfällt: Dienst „Kfz-Zulassung“'],
      ],
    );
  });

  it('a new update, and a changed update text', () => {
    assert.deepEqual(changesWith({ '/updates/1/at': '2023-10-31T08:00:00+01:00', '/updates/1/text': 'Das Bürgerbüro öffnet wieder.' }), [
      { path: '/updates/1', before: null, after: 'Das Bürgerbüro öffnet wieder.', de: 'Neue Meldung vom 31.10.2023, 8:00 Uhr: „Das Bürgerbüro öffnet wieder.“', en: 'New update of 31 Oct 2023, 8:00 am: “Das Bürgerbüro öffnet wieder.”' },
    ]);
    assert.deepEqual(changesWith({ '/updates/0/text': 'Das Bürgerbüro bleibt bis Freitag geschlossen.' }).map((c) => [c.path, c.before, c.after]), [
      ['/updates/0/text', 'Das Bürgerbüro bleibt geschlossen.', 'Das Bürgerbüro bleibt bis Freitag geschlossen.'],
    ]);
  });

  it('the data-loss statement sentence by sentence, and the data-loss facts', () => {
    assert.deepEqual(changesWith({ '/data_loss/statement': 'Ob Daten abgeflossen sind, wird geprüft. Die Polizei ermittelt. Betroffene werden informiert.', '/data_loss/occurred': 'yes' }), [
      {
        path: '/data_loss/occurred',
        before: 'unknown',
        after: 'yes',
        de: 'Die Angabe zum Datenverlust hat sich geändert: noch unklar, ob Daten verloren gegangen sind → Daten sind verloren gegangen',
        en: 'The statement on data loss changed: not yet known whether data was lost → data was lost',
      },
      { path: '/data_loss/statement', before: null, after: 'Betroffene werden informiert.', de: 'Die Erklärung zum Datenverlust: neuer Satz „Betroffene werden informiert.“', en: 'The statement on data loss: new sentence “Betroffene werden informiert.”' },
    ]);
  });

  it('contacts: a changed phone number, a new contact, named by the label the release prints (it said "Kontakt hotline")', () => {
    assert.deepEqual(changesWith({ '/contacts/0/phone': '+49 2389 2', '/contacts/1/role': 'hotline', '/contacts/1/phone': '+49 800 1' }).map((c) => [c.path, c.before, c.after, c.de, c.en]), [
      ['/contacts/0/phone', '+49 2389 1', '+49 2389 2', 'Pressestelle („Pressestelle“): Telefon +49 2389 1 → +49 2389 2', 'Press office (“Pressestelle”): phone +49 2389 1 → +49 2389 2'],
      ['/contacts/1', null, 'hotline', 'Neu: Bürgertelefon', 'New: Hotline'],
    ]);
    // A role no output knows is shown as written.
    assert.deepEqual(changesWith({ '/contacts/1/role': 'mayor' }).map((c) => [c.de, c.en]), [['Neu: Kontakt mayor', 'New: Contact mayor']]);
  });

  it('an authority\'s role in the words the release prints as its heading', () => {
    const police = (role: string): ReleaseModel => ({ ...BASE_RELEASE, fields: { ...BASE_RELEASE.fields, '/authorities/0/name': 'Polizeipräsidium Dortmund', '/authorities/0/role': role } });
    assert.deepEqual(
      releaseChanges(police('law_enforcement'), police('cert')).map((c) => [c.path, c.text.de, c.text.en]),
      [['/authorities/0/role', 'Behörde „Polizeipräsidium Dortmund“: Rolle Ermittlungen → Unterstützung bei der IT-Sicherheit', 'Authority “Polizeipräsidium Dortmund”: role Criminal investigation → IT security support']],
    );
  });

  it('the expected restoration, a count, lists of names, language, time zone and the public notice', () => {
    assert.deepEqual(
      changesWith({ '/expected_restoration': '2023-11-03', '/data_loss/subjects_approx': 1200, '/affected_organizations/0': 'Stadt Lünen' }, { public_notice: true }).map((c) => [c.path, c.before, c.after, c.en]),
      [
        ['/expected_restoration', 'unknown', '2023-11-03', 'The expected restoration changed: unknown → 3 Nov 2023'],
        ['/data_loss/subjects_approx', null, 1200, 'The number of people affected is new: 1200'],
        ['/public_notice', false, true, 'The release is now a public communication under Art. 34 GDPR.'],
        ['/affected_organizations/0', null, 'Stadt Lünen', 'Affected organisations: added “Stadt Lünen”'],
        ['/affected_organizations/0', 'Stadt Werne', null, 'Affected organisations: removed “Stadt Werne”'],
      ],
    );
    assert.deepEqual(changesWith({}, { lang: 'en', timezone: 'UTC' }).map((c) => [c.path, c.before, c.after]), [
      ['/lang', 'de', 'en'],
      ['/timezone', 'Europe/Berlin', 'UTC'],
    ]);
  });

  it('the public section sentence by sentence: new, changed and removed sentences', () => {
    assert.deepEqual(changesWith({}, { public_section: 'Die Stadt ist wieder erreichbar.\n\nWir informieren fortlaufend. Danke für Ihre Geduld.' }).map((c) => [c.path, c.before, c.after, c.de]), [
      ['/public_section', 'Die Stadt ist eingeschränkt erreichbar.', 'Die Stadt ist wieder erreichbar.', 'Die Pressemitteilung: Satz geändert „Die Stadt ist eingeschränkt erreichbar.“ → „Die Stadt ist wieder erreichbar.“'],
      ['/public_section', null, 'Danke für Ihre Geduld.', 'Die Pressemitteilung: neuer Satz „Danke für Ihre Geduld.“'],
    ]);
    assert.deepEqual(changesWith({}, { public_section: 'Wir informieren fortlaufend.' }).map((c) => [c.path, c.before, c.after]), [['/public_section', 'Die Stadt ist eingeschränkt erreichbar.', null]]);
  });

  it('a removed title is named as removed', () => {
    assert.deepEqual(changesWith({ '/title': undefined }).map((c) => c.de), ['Die Überschrift entfällt (bisher: „Störung im Rathaus“)']);
  });
});

describe('release gate: approval-current joins the publish verdict', () => {
  const approved = readFileSync('test/fixtures/approval-valid/input.md', 'utf8');
  const lint = (text: string, requireApproval?: boolean | { roles: Array<'press' | 'it' | 'dpo' | 'lead'> }) =>
    createLinter({ now: () => FIXTURE_NOW, timeZone: 'Europe/Berlin', ...(requireApproval !== undefined ? { requireApproval } : {}) }).lint(text);
  const gate = (text: string, requireApproval?: boolean | { roles: Array<'press' | 'it' | 'dpo' | 'lead'> }) => {
    const result = lint(text, requireApproval);
    return { verdict: publishVerdict(result), approval: result.findings.filter((f) => f.ruleId === 'approval-current').map((f) => `${f.severity} ${f.path}`) };
  };
  const edited = approved.replace('status: identified', 'status: monitoring');

  it('without requireApproval a current approval, a stale one or none never blocks', () => {
    assert.deepEqual(gate(approved), { verdict: gate(approved).verdict, approval: [] });
    assert.equal(gate(approved).verdict.publishable, true);
    assert.deepEqual(gate(edited).approval, ['warning /approvals/0/fingerprint']);
    assert.equal(gate(edited).verdict.publishable, true);
    const none = readFileSync('test/fixtures/valid-report/input.md', 'utf8');
    assert.deepEqual(gate(none).approval, []);
  });

  it('with requireApproval: missing, stale and incomplete approvals block; a current, complete one does not', () => {
    const none = readFileSync('test/fixtures/valid-report/input.md', 'utf8');
    for (const [text, required, expected] of [
      [none, true, ['error /approvals']],
      [edited, true, ['error /approvals/0/fingerprint']],
      [approved, { roles: ['press', 'it'] }, ['error /approvals/0']],
    ] as const) {
      const { verdict, approval } = gate(text, required as never);
      assert.deepEqual(approval, expected);
      assert.equal(verdict.publishable, false);
      assert.deepEqual(verdict.blockers.map((b) => b.finding.ruleId), ['approval-current']);
    }
    assert.equal(gate(approved, true).verdict.publishable, true);
    assert.equal(gate(approved, { roles: ['press'] }).verdict.publishable, true);
  });

  it('an internal edit keeps the approval current', () => {
    const internal = approved.replace('Der Angriff traf den Dienstleister in der Nacht.', 'Der Angriff traf den Dienstleister in der Nacht über 10.0.0.7.').replace('nis2:', 'iocs:\n  - 198.51.100.23\nnis2:');
    assert.notEqual(internal, approved);
    assert.deepEqual(gate(internal, true).approval, []);
  });

  it('a directive cannot suppress the release gate', () => {
    const suppressed = edited.replace('approvals:', '# incident-report-disable-next-line approval-current -- wir veröffentlichen trotzdem\napprovals:');
    const result = lint(suppressed, true);
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.suppressed ? 'suppressed' : 'open'}`).sort(), ['approval-current error open', 'suppression error open']);
  });
});
