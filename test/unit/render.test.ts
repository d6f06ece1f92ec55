import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/core';
import fc from 'fast-check';
import { renderPressRelease } from '../../src/core/render';
import { wrap } from '../../src/core/render/text';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'incidents');
const load = (name: string) => parseReport(readFileSync(join(EXAMPLES, name), 'utf8'));
const NOW = Date.parse('2023-11-07T12:00:00Z');

/** The update headings in the order they appear. */
function headingsIn(output: string, pattern: RegExp): string[] {
  return [...output.matchAll(pattern)].map((m) => m[0]);
}

/** Values that live only in internal sections or internal fields of the examples. */
const INTERNAL_DE = [
  'Interne Analyse', 'Zeitleiste (intern)', 'fw01.kreis-soest.intern', 'mx-out.swit.intern', 'dc01.swit.intern', '10.20.30.40',
  'INC-2023-4711', 'INC-2023-4718', 'IOCs an der Firewall',
  // iocs
  '544c3f9cb24ed72dcd5c77cf710c812bfdfbc8e9649a63285ef14ea9f89ca16e', 'cdn-sit-update.example', '203.0.113.77',
  // authorities' references
  'KS-KRISE-2023-017', 'KS-DS-2023-042',
  // approval
  'Leitung Krisenstab Kreis Soest',
];
const INTERNAL_EN = [
  'Internal analysis', 'Technical notes', 'esx07.swit.intern', 'vpn02.swit.intern', '10.20.0.1', 'INC-2023-4723',
  'ac373edb91b671e05405ab742ca6a6b87a81cdbe02cf76ad79e3edf68c7196cc', 'a953ee1bc0dec37c326513a291c38092', 'sync-citkomm-backup.example', '198.51.100.23',
  'SIT-CR-2023-001', 'SIT-DP-2023-014', 'Management board, Südwestfalen-IT',
];

describe('renderPressRelease: German report (Kreis Soest)', () => {
  const { html, text, locale } = renderPressRelease(load('2023-10-30-suedwestfalen-it.md'), { now: NOW });

  it('writes German from `lang`', () => {
    assert.equal(locale, 'de');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="de">/);
    assert.ok(text.startsWith('PRESSEMITTEILUNG · Kreis Soest\n'));
  });

  it('has the headline, and "Ort, Datum –" opens the lead as in a press office release', () => {
    assert.ok(html.includes('<h1>Cyberangriff auf die Südwestfalen-IT – Einschränkungen in der Kreisverwaltung Soest</h1>'));
    assert.ok(html.includes('<div class="lead"><p><span class="dateline"><span class="place">Kreis Soest</span>, <time datetime="2023-11-06T11:00:00+01:00">6. November 2023</time> –</span> Nach einem Cyberangriff auf die Südwestfalen-IT,'));
    assert.ok(text.includes('\nKreis Soest, 6. November 2023 – Nach einem Cyberangriff auf die\nSüdwestfalen-IT,'));
    assert.ok(text.includes('\nCyberangriff auf die Südwestfalen-IT – Einschränkungen in der Kreisverwaltung Soest\n===='));
  });

  it('states status and severity in a press office\'s words, claiming no more than the state means', () => {
    // `identified` during forensics: the attack is confirmed, not its cause; `major` is no alarm bell.
    assert.ok(html.includes('<dt>Stand der Bearbeitung</dt><dd>Angriff bestätigt, Auswirkungen werden eingegrenzt</dd><dt>Auswirkungen</dt><dd>deutliche Einschränkungen</dd><dt>Art des Vorfalls</dt><dd>Angriff mit Erpressungssoftware (Ransomware)</dd>'));
    assert.ok(text.includes('Stand der Bearbeitung: Angriff bestätigt, Auswirkungen werden\n  eingegrenzt\nAuswirkungen: deutliche Einschränkungen\n'));
    assert.ok(!html.includes('Ursache erkannt') && !text.includes('Ursache erkannt'));
  });

  it('leads with the first paragraph of the public section', () => {
    const lead = text.indexOf('Nach einem Cyberangriff auf die');
    assert.ok(lead > 0 && lead < text.indexOf('Betroffene Dienste'));
  });

  it('goes lead, body, then the structured facts, then contacts: the order of a press office release', () => {
    const order = (page: string, marks: string[]) => marks.map((mark) => [mark, page.indexOf(mark)] as const);
    const inOrder = (found: ReadonlyArray<readonly [string, number]>) => {
      for (const [mark, at] of found) assert.ok(at > 0, `missing: ${mark}`);
      assert.deepEqual([...found].sort((a, b) => a[1] - b[1]).map(([m]) => m), found.map(([m]) => m));
    };
    inOrder(order(html, ['class="lead"', 'Der Angriff auf den Dienstleister begann', '<h2>Auf einen Blick</h2>', '<h2>Betroffene Dienste</h2>', 'Daten und Datenschutz</h2>', '<h2>Beteiligte Behörden</h2>', '<h2>Aktualisierungen</h2>', '<h2>Kontakt</h2>', '<footer>']));
    inOrder(order(text, ['Kreis Soest, 6. November 2023 –', 'Der Angriff auf den Dienstleister begann', 'Auf einen Blick\n', 'Betroffene Dienste\n', 'DATEN UND DATENSCHUTZ', 'Beteiligte Behörden\n', 'Aktualisierungen\n', 'Kontakt\n', '\n--\nQuelle']));
  });

  it('names the authorities by what they do, not by an internal code', () => {
    assert.ok(html.includes('<section class="authorities"><h2>Beteiligte Behörden</h2><dl class="facts"><dt>Ermittlungen</dt><dd>Polizeipräsidium Dortmund; Zentral- und Ansprechstelle Cybercrime NRW (ZAC NRW), Staatsanwaltschaft Köln</dd><dt>Datenschutzaufsicht</dt><dd>Landesbeauftragte für Datenschutz und Informationsfreiheit NRW (LDI NRW)</dd></dl></section>'));
    assert.ok(!html.includes('Polizei oder Staatsanwaltschaft') && !text.includes('Polizei oder Staatsanwaltschaft'));
    assert.ok(text.includes('Ermittlungen: Polizeipräsidium Dortmund; Zentral- und Ansprechstelle\n  Cybercrime NRW (ZAC NRW), Staatsanwaltschaft Köln\n'));
  });

  it('lists services with localized states and workarounds', () => {
    assert.ok(html.includes('<li><strong>Kfz-Zulassung und Führerscheinstelle</strong><span class="state state-major_outage">Ausfall</span><span class="detail">Ausweichmöglichkeit: Gebuchte Termine werden nachgeholt; vor einem Besuch bitte anrufen.</span></li>'));
    assert.ok(html.includes('<strong>E-Mail</strong><span class="state state-partial_outage">teilweise ausgefallen</span>'));
    assert.ok(html.includes('<strong>Telefonanlage</strong><span class="state state-operational">verfügbar</span>'));
    assert.ok(text.includes('- Kfz-Zulassung und Führerscheinstelle: Ausfall\n  Ausweichmöglichkeit: Gebuchte Termine werden nachgeholt; vor einem\n  Besuch bitte anrufen.'));
    assert.ok(text.includes('- E-Mail: teilweise ausgefallen\n'));
  });

  it('gives the expected restoration', () => {
    assert.ok(html.includes('<p class="restoration">Voraussichtliche Wiederherstellung: derzeit nicht absehbar</p>'));
    assert.ok(text.includes('\nVoraussichtliche Wiederherstellung: derzeit nicht absehbar\n'));
  });

  it('always shows the data-loss statement, prominently', () => {
    assert.ok(html.includes('<section class="data-loss" aria-labelledby="data-loss-heading"><h2 id="data-loss-heading">Daten und Datenschutz</h2>\n<p class="statement">Ob beim Angriff auf den Dienstleister Daten abgeflossen sind, prüfen die Ermittlungsbehörden noch.</p>'));
    assert.ok(html.includes('<dt>Stand der Untersuchung</dt><dd>Noch untersucht wird, ob Daten abgeflossen sind, ob sie zerstört oder unbrauchbar gemacht wurden und ob personenbezogene Daten betroffen sind.</dd>'));
    assert.ok(text.includes('DATEN UND DATENSCHUTZ\n=====================\n\nOb beim Angriff auf den Dienstleister Daten abgeflossen sind, prüfen die\nErmittlungsbehörden noch.'));
  });

  it('orders the updates newest first with localized headings', () => {
    const expected = [
      'Update vom Montag, 6. November 2023, 11:00 Uhr',
      'Update vom Donnerstag, 2. November 2023, 11:30 Uhr',
      'Update vom Dienstag, 31. Oktober 2023, 9:00 Uhr',
      'Update vom Montag, 30. Oktober 2023, 16:00 Uhr',
      'Update vom Montag, 30. Oktober 2023, 13:20 Uhr',
      'Update vom Montag, 30. Oktober 2023, 9:50 Uhr',
      'Update vom Montag, 30. Oktober 2023, 8:40 Uhr',
    ];
    assert.deepEqual(headingsIn(html, /Update vom [^<]+/g), expected);
    assert.deepEqual(headingsIn(text, /Update vom [^\n]+/g), expected);
    assert.ok(html.includes('<article><h3><time datetime="2023-11-06T11:00:00+01:00">Update vom Montag, 6. November 2023, 11:00 Uhr</time></h3><p>Es handelt sich um Erpressungssoftware;'));
  });

  it('lists press, hotline with hours, and the DPO because personal data may be affected', () => {
    assert.ok(html.includes('<li><span class="role">Pressestelle</span><strong>Katrin Ebbinghaus, Pressestelle Kreis Soest</strong><br>Telefon: <a href="tel:+492921304410">+49 2921 30-4410</a><br>E-Mail: <a href="mailto:presse@kreis-soest.example">presse@kreis-soest.example</a><br>Erreichbar: Mo–Fr 8:00–17:00 Uhr</li>'));
    assert.ok(html.includes('<span class="role">Bürgertelefon</span><strong>Bürgertelefon der Kreisverwaltung</strong><br>Telefon: <a href="tel:+49292130440">+49 2921 30-4400</a>'.replace('30440"', '304400"')));
    assert.ok(html.includes('Erreichbar: Mo–Do 8:00–16:00 Uhr, Fr 8:00–13:00 Uhr'));
    assert.ok(html.includes('datenschutz@kreis-soest.example'));
    assert.ok(text.includes('- Bürgertelefon: Bürgertelefon der Kreisverwaltung\n  Telefon: +49 2921 30-4400\n  Erreichbar: Mo–Do 8:00–16:00 Uhr, Fr 8:00–13:00 Uhr'));
  });

  it('closes with a source line naming the organisation', () => {
    assert.ok(html.includes('<footer>\n<p class="source">Quelle: Kreis Soest</p>'));
    assert.ok(text.includes('\n--\nQuelle: Kreis Soest\nStand: Montag, 6. November 2023, 11:00 Uhr\n'));
  });

  it('never contains internal sections, iocs, authority references or approval', () => {
    for (const secret of INTERNAL_DE) {
      assert.ok(!html.includes(secret), `html contains ${secret}`);
      assert.ok(!text.includes(secret), `text contains ${secret}`);
    }
    // The authorities' names are public, their case numbers are not.
    assert.ok(html.includes('Polizeipräsidium Dortmund'));
  });

  it('is a self-contained page: CSP, inline styles with print rules, no scripts, no remote loads', () => {
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.includes('@media print'));
    assert.ok(!/<script|<link|<img|<iframe|src=/i.test(html));
  });
});

describe('renderPressRelease: English report (Südwestfalen-IT)', () => {
  const { html, text, locale } = renderPressRelease(load('2023-10-30-municipal-it-provider.en.md'), { locale: 'de', now: NOW });

  it('writes English from `lang` even when German is asked for', () => {
    assert.equal(locale, 'en');
    assert.match(html, /<html lang="en">/);
    assert.ok(text.startsWith('PRESS RELEASE · Südwestfalen-IT (municipal IT service provider)\n'));
  });

  it('has headline, dateline, status and severity', () => {
    assert.ok(html.includes('<h1>Ransomware attack on the data centres of Südwestfalen-IT</h1>'));
    // Without `location` the dateline names the organisation.
    assert.ok(html.includes('<span class="dateline"><span class="place">Südwestfalen-IT (municipal IT service provider)</span>, <time datetime="2023-11-06T10:00:00+01:00">6 November 2023</time> –</span> '));
    assert.ok(html.includes('<dt>Status</dt><dd>attack confirmed, its effects are being contained</dd><dt>Impact</dt><dd>severe disruption of essential services</dd>'));
    assert.ok(text.includes('\nSüdwestfalen-IT (municipal IT service provider), 6 November 2023 –\nSüdwestfalen-IT, the IT service provider'));
  });

  it('orders the updates newest first with English headings', () => {
    const expected = [
      'Update — Monday, 6 November 2023, 10:00 am',
      'Update — Friday, 3 November 2023, 12:00 pm',
      'Update — Wednesday, 1 November 2023, 5:00 pm',
      'Update — Monday, 30 October 2023, 6:00 pm',
      'Update — Monday, 30 October 2023, 1:00 pm',
      'Update — Monday, 30 October 2023, 9:30 am',
    ];
    assert.deepEqual(headingsIn(html, /Update — [^<]+/g), expected);
    assert.deepEqual(headingsIn(text, /Update — [^\n]+/g), expected);
  });

  it('states service states, the statement and the contacts in English', () => {
    assert.ok(html.includes('<strong>E-mail relay for member municipalities</strong><span class="state state-partial_outage">partial outage</span><span class="detail">In the meantime: Inbound mail'));
    assert.ok(html.includes('<span class="state state-degraded_performance">degraded performance</span>'));
    assert.ok(html.includes('<p class="statement">Systems holding personal data of residents were encrypted; whether any data was copied out is still being investigated with the authorities.</p>'));
    assert.ok(html.includes('<dt>People affected (estimate)</dt><dd>about 1,700,000</dd>'));
    // occurred: yes without breach_type: destroyed or unusable, never "lost" for what may have been copied.
    assert.ok(html.includes('<dt>Where the investigation stands</dt><dd>Data was destroyed or made unusable. Personal data is affected. We are still investigating whether data has been stolen.</dd>'));
    assert.ok(html.includes('<span class="role">Press office</span><strong>Jonas Hellweg, Communications</strong>'));
    assert.ok(html.includes('<span class="role">Hotline</span><strong>Crisis hotline for member municipalities</strong><br>Phone: <a href="tel:+492715000500">+49 271 5000-500</a><br>Hours: daily 07:00–20:00</li>'));
    assert.ok(html.includes('<span class="role">Data protection officer</span>'), 'personal data affected: the DPO is published');
    assert.ok(text.includes('\nExpected restoration: not yet known\n'));
    assert.ok(text.includes('\n--\nSource: Südwestfalen-IT (municipal IT service provider)\n'));
  });

  it('never contains internal sections, iocs, authority references or approval', () => {
    for (const secret of INTERNAL_EN) {
      assert.ok(!html.includes(secret), `html contains ${secret}`);
      assert.ok(!text.includes(secret), `text contains ${secret}`);
    }
  });
});

describe('renderPressRelease: resolved report (Drensteinfurt)', () => {
  const { html, text } = renderPressRelease(load('2022-12-01-drensteinfurt.md'), { now: NOW });

  it('shows restoration times and the resolution', () => {
    assert.ok(html.includes('<dt>Behoben</dt><dd><time datetime="2022-12-09T16:00:00+01:00">Freitag, 9. Dezember 2022, 16:00 Uhr</time></dd>'));
    assert.ok(text.includes('  Wieder verfügbar seit: Freitag, 9. Dezember 2022, 12:00 Uhr'));
  });

  it('leaves the DPO out when no personal data is affected', () => {
    assert.ok(!html.includes('Datenschutzbeauftragte'));
  });

  it('keeps the gateway address of the internal notes out', () => {
    assert.ok(!html.includes('10.8.0.1') && !text.includes('10.8.0.1'));
    assert.ok(!html.includes('vpn01.drensteinfurt.intern'));
  });
});

const MINIMAL = (extra: string, body: string) => `---
schema: incident-report/v1
id: t
title: Störung im Bürgerbüro
lang: de
status: investigating
severity: minor
organization: Stadt Beispiel
affected_services:
  - name: Bürgerbüro
    status: partial_outage
    x-internal-note: GEHEIM-SERVICE-NOTIZ
timestamps:
  started_at: 2023-03-26T00:30:00Z
  detected_at: 2023-03-26T01:30:00Z
  published_at: 2023-03-26T02:30:00+05:30
data_loss:
  occurred: no
  exfiltration: no_indication
  personal_data: no
  statement: Es gibt keinen Hinweis auf einen Datenabfluss.
contacts:
  - role: press
    email: presse@beispiel.example
  - role: emergency
    name: Leitstelle
    phone: "112"
x-approval-notes: GEHEIM-X-KEY
${extra}---
${body}`;

describe('renderPressRelease: edge cases', () => {
  it('renders a report without public section with the facts alone and says so', () => {
    const { html, text, hasPublicSection } = renderPressRelease(parseReport(MINIMAL('', '\n## Interne Analyse\n\nNur intern: GEHEIM-INTERN.\n')), { now: NOW });
    assert.equal(hasPublicSection, false);
    assert.ok(html.includes('<p class="notice" role="note">Für diesen Bericht gibt es noch keinen öffentlichen Text (Abschnitt „Pressemitteilung“). Diese Fassung zeigt nur die Fakten.</p>'));
    assert.ok(text.includes('[Für diesen Bericht gibt es noch keinen öffentlichen Text (Abschnitt'));
    // The dateline stands alone, without the dash that would open a lead.
    assert.ok(html.includes('<div class="lead"><p><span class="dateline"><span class="place">'));
    assert.ok(!html.includes(' –</span>'));
    assert.ok(html.includes('Es gibt keinen Hinweis auf einen Datenabfluss.'));
    assert.ok(!html.includes('GEHEIM') && !text.includes('GEHEIM'), 'no internal section, no x-* keys');
  });

  it('shows times in the offset written when there is no timezone, and in the zone when there is one', () => {
    const noZone = renderPressRelease(parseReport(MINIMAL('', '')), { now: NOW });
    assert.ok(noZone.html.includes('<dt>Beginn</dt><dd><time datetime="2023-03-26T00:30:00Z">Sonntag, 26. März 2023, 0:30 Uhr</time></dd>'));
    assert.ok(noZone.html.includes('<time datetime="2023-03-26T02:30:00+05:30">26. März 2023</time>'));
    assert.ok(noZone.text.includes('Stand: Sonntag, 26. März 2023, 2:30 Uhr'));
    // Europe/Berlin switches to summer time at 01:00 UTC that night.
    const berlin = renderPressRelease(parseReport(MINIMAL('timezone: Europe/Berlin\n', '')), { now: NOW });
    assert.ok(berlin.html.includes('Sonntag, 26. März 2023, 1:30 Uhr'), 'started 00:30Z = 01:30 CET');
    assert.ok(berlin.html.includes('Sonntag, 26. März 2023, 3:30 Uhr'), 'detected 01:30Z = 03:30 CEST');
    const ny = renderPressRelease(parseReport(MINIMAL('timezone: America/New_York\n', '')), { now: NOW });
    assert.ok(ny.html.includes('Samstag, 25. März 2023, 20:30 Uhr'));
  });

  it('prints a year below 100 as written, never as 19xx', () => {
    // Date.UTC reads the years 0–99 as 1900–1999: 0023 became Tuesday, 30 October 1923.
    const report = MINIMAL('', '').replace('started_at: 2023-03-26T00:30:00Z', 'started_at: 0023-10-30T01:01:00+01:00');
    const { html, text } = renderPressRelease(parseReport(report), { now: NOW });
    assert.ok(html.includes('<dt>Beginn</dt><dd><time datetime="0023-10-30T01:01:00+01:00">Montag, 30. Oktober 0023, 1:01 Uhr</time></dd>'), html);
    assert.ok(text.includes('\nBeginn: Montag, 30. Oktober 0023, 1:01 Uhr\n'), text);
  });

  it('names the offset of a time in the hour repeated when summer time ends, and only there', () => {
    // Europe/Berlin shows 2:00–2:59 twice on 29 October 2023: first in summer time (UTC+2), then in winter time (UTC+1).
    const extra =
      'timezone: Europe/Berlin\nupdates:\n  - at: 2023-10-29T02:30:00+02:00\n    text: Erste Meldung.\n  - at: 2023-10-29T02:30:00+01:00\n    text: Zweite Meldung.\n  - at: 2023-10-29T03:30:00+01:00\n    text: Dritte Meldung.\n';
    const { html, text } = renderPressRelease(parseReport(MINIMAL(extra, '')), { now: NOW });
    assert.deepEqual(headingsIn(text, /Update vom [^\n]+/g), [
      'Update vom Sonntag, 29. Oktober 2023, 3:30 Uhr',
      'Update vom Sonntag, 29. Oktober 2023, 2:30 Uhr (UTC+1)',
      'Update vom Sonntag, 29. Oktober 2023, 2:30 Uhr (UTC+2)',
    ]);
    assert.ok(html.includes('<time datetime="2023-10-29T02:30:00+01:00">Update vom Sonntag, 29. Oktober 2023, 2:30 Uhr (UTC+1)</time>'), html);
    // The hour skipped in spring exists once: no offset.
    assert.ok(text.includes('\nBeginn: Sonntag, 26. März 2023, 1:30 Uhr\nEntdeckt: Sonntag, 26. März 2023, 3:30 Uhr\n'), text);
  });

  it('closes with the boilerplate from organization_about, after the contacts', () => {
    const about = 'Die Stadt Beispiel hat rund 12.000 Einwohnerinnen & Einwohner <b>und</b> ein Bürgerbüro.';
    const { html, text } = renderPressRelease(parseReport(MINIMAL(`organization_about: ${JSON.stringify(about)}\n`, '\n## Pressemitteilung\n\nText.\n')), { now: NOW });
    assert.ok(html.includes('<section class="about"><h2>Über Stadt Beispiel</h2><p>Die Stadt Beispiel hat rund 12.000 Einwohnerinnen &amp; Einwohner &lt;b&gt;und&lt;/b&gt; ein Bürgerbüro.</p></section>'));
    assert.ok(html.indexOf('<h2>Kontakt</h2>') < html.indexOf('<section class="about">'));
    assert.ok(text.includes('Über Stadt Beispiel\n-------------------\nDie Stadt Beispiel hat rund 12.000 Einwohnerinnen & Einwohner <b>und</b>\nein Bürgerbüro.\n'), text);
    assert.ok(!renderPressRelease(parseReport(MINIMAL('', '')), { now: NOW }).html.includes('class="about"'), 'no boilerplate without the field');
  });

  it('lists the emergency contact and escapes every value', () => {
    const report = MINIMAL('', '\n## Pressemitteilung\n\nText.\n').replace('title: Störung im Bürgerbüro', `title: "<script>alert(1)</script> & \\"quotes\\" 'single'"`);
    const { html, text } = renderPressRelease(parseReport(report), { now: NOW });
    assert.ok(html.includes('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;</h1>'));
    assert.ok(!html.includes('<script>'));
    assert.ok(text.includes(`<script>alert(1)</script> & "quotes" 'single'`), 'the text version is plain text, not HTML');
    assert.ok(html.includes('<span class="role">Notfallkontakt</span><strong>Leitstelle</strong><br>Telefon: <a href="tel:112">112</a>'));
  });

  it('sanitizes the public Markdown: raw HTML dropped, only http(s)/mailto/tel links, no images, headings below the title', () => {
    const body = `
## Pressemitteilung

Erster Absatz mit [Link](https://beispiel.example/info) und [böse](javascript:alert(1)) und [relativ](/intern/x).

<script>alert(1)</script>
<img src=x onerror=alert(2)>

### Hintergrund

![Bild](https://tracker.example/pixel.png) [Mail](mailto:presse@beispiel.example) [Tel](tel:+49123) <b onclick="x()">fett</b>

## Interne Notizen

GEHEIM-INTERN
`;
    const { html, text } = renderPressRelease(parseReport(MINIMAL('', body)), { now: NOW });
    assert.ok(html.includes('<a href="https://beispiel.example/info" rel="noopener noreferrer nofollow">Link</a> und böse und relativ.'));
    assert.ok(!/javascript:|onerror|onclick|<script|<img|tracker\.example|\/intern\/x/i.test(html));
    assert.ok(html.includes('<h2>Hintergrund</h2>'));
    assert.ok(html.includes('<a href="mailto:presse@beispiel.example" rel="noopener noreferrer nofollow">Mail</a>'));
    assert.ok(html.includes('<a href="tel:+49123" rel="noopener noreferrer nofollow">Tel</a>'));
    assert.ok(!html.includes('GEHEIM') && !text.includes('GEHEIM'));
    assert.ok(text.replace(/\s+/g, ' ').includes('Erster Absatz mit Link <https://beispiel.example/info> und böse und relativ.'));
    assert.ok(!text.includes('javascript:'));
  });

  it('keeps a paragraph under its heading when the public section opens with a heading: the dateline stands alone', () => {
    const body = '\n## Pressemitteilung\n\n### Was ist passiert?\n\n- Angriff am Montag\n\nDas Bürgerbüro ist geschlossen.\n';
    const { html, text } = renderPressRelease(parseReport(MINIMAL('', body)), { now: NOW });
    assert.ok(
      html.includes(
        '<div class="lead"><p><span class="dateline"><span class="place">Stadt Beispiel</span>, <time datetime="2023-03-26T02:30:00+05:30">26. März 2023</time></span></p></div>\n' +
          '<section class="body"><h2>Was ist passiert?</h2>\n<ul>\n<li>Angriff am Montag</li>\n</ul>\n<p>Das Bürgerbüro ist geschlossen.</p></section>',
      ),
      html,
    );
    assert.ok(text.includes('\n\nStadt Beispiel, 26. März 2023\n\nWas ist passiert?\n-----------------\n\n- Angriff am Montag\n\nDas Bürgerbüro ist geschlossen.\n\n'), text);
    // A comment (a suppression directive) before the opening paragraph does not stop it from leading.
    const commented = renderPressRelease(parseReport(MINIMAL('', '\n## Pressemitteilung\n\n<!-- Kommentar -->\n\nErster Absatz.\n\n### Mehr\n')), { now: NOW });
    assert.ok(commented.text.includes('\n\nStadt Beispiel, 26. März 2023 – Erster Absatz.\n\nMehr\n----\n'), commented.text);
  });

  it('keeps the bullets of nested lists and the markers of quotes in the text version', () => {
    const body =
      '\n## Pressemitteilung\n\nErster Absatz.\n\n- Rathaus\n  - Bürgerbüro\n    - Standesamt\n- Schulen\n\n  Zweiter Absatz der Schulen\n\n1. > Zitat im Punkt\n   > - Liste im Zitat\n2. ## Überschrift im Punkt\n';
    const { text, html } = renderPressRelease(parseReport(MINIMAL('', body)), { now: NOW });
    assert.ok(
      text.includes(
        // The first list is loose (a blank line inside an item, as in the HTML's paragraphs), its sublist and the second list tight.
        '– Erster Absatz.\n\n- Rathaus\n\n  - Bürgerbüro\n    - Standesamt\n\n- Schulen\n\n  Zweiter Absatz der Schulen\n\n' +
          '1. > Zitat im Punkt\n   > - Liste im Zitat\n2. Überschrift im Punkt\n\nAuf einen Blick\n',
      ),
      text,
    );
    assert.ok(html.includes('<ul>\n<li>\n<p>Rathaus</p>\n<ul>\n<li>Bürgerbüro\n<ul>\n<li>Standesamt</li>\n</ul>\n</li>\n</ul>\n</li>'), html);
  });

  it('keeps a tight list tight and a quote one quote in the text version (items had blank lines between them, and a quote of two paragraphs read as two quotes)', () => {
    const body = '\n## Pressemitteilung\n\nErster Absatz.\n\n> Wir arbeiten daran.\n>\n> Bitte haben Sie Geduld.\n\nGeschlossen sind:\n\n- Bürgerbüro\n- Standesamt\n\n1. Friedhofsamt\n2. Bibliothek\n\n- Locker.\n\n- Auch locker.\n';
    const { text } = renderPressRelease(parseReport(MINIMAL('', body)), { now: NOW });
    assert.ok(
      text.includes(
        '– Erster Absatz.\n\n> Wir arbeiten daran.\n>\n> Bitte haben Sie Geduld.\n\nGeschlossen sind:\n\n- Bürgerbüro\n- Standesamt\n\n1. Friedhofsamt\n2. Bibliothek\n\n- Locker.\n\n- Auch locker.\n\nAuf einen Blick\n',
      ),
      text,
    );
  });

  it('never throws on a broken report', () => {
    for (const input of ['', 'no frontmatter', '---\n- a list\n---\n', '---\ntitle: [unclosed\n---\n', '---\nupdates: 5\ncontacts: {}\naffected_services: [1, null, {name: 3}]\n---\n']) {
      const { html, text } = renderPressRelease(parseReport(input), { now: NOW });
      assert.match(html, /<\/html>\n$/);
      assert.ok(text.length > 0);
    }
  });
});

describe('text outputs: line breaks', () => {
  const { text } = renderPressRelease(load('2023-10-30-suedwestfalen-it.md'), { now: NOW });

  it('never breaks between a number and its unit, nor inside a phone number', () => {
    assert.ok(
      text.includes('\nDer Angriff auf den Dienstleister begann in der Nacht zum Montag gegen\n1 Uhr. Um Schaden abzuwenden, wurden dessen Rechenzentren vom Netz\n'),
      text,
    );
    assert.ok(text.includes('\nFragen der Presse beantwortet Katrin Ebbinghaus unter +49 2921 30-4410\noder presse@kreis-soest.example. Das Bürgertelefon ist unter\n+49 2921 30-4400 erreichbar.\n'), text);
  });

  it('keeps dates, times, units, legal references, e-mail addresses and URLs on one line', () => {
    const line = (n: number) => 'x'.repeat(n);
    // Each item starts a few columns before the end of a 40-column line: the old wrapper split every one of them.
    const cases: Array<[string, string]> = [
      ['+49 2921 30-4400', `${line(28)} +49 2921 30-4400 erreichbar`],
      ['(02921) 30 44 00', `${line(30)} (02921) 30 44 00`],
      ['Montag, 30. Oktober 2023', `${line(25)} Montag, 30. Oktober 2023 wieder`],
      ['Monday, 30 October 2023', `${line(25)} Monday, 30 October 2023 again`],
      ['October 30, 2023', `${line(30)} October 30, 2023`],
      ['8:30 – 12:30 Uhr', `${line(30)} 8:30 – 12:30 Uhr`],
      ['3:55 pm', `${line(34)} 3:55 pm`],
      ['72 Stunden', `innerhalb ${line(24)} 72 Stunden nach Kenntnis`],
      ['§ 32 BSIG', `nach ${line(31)} § 32 BSIG`],
      ['10 %', `${line(37)} 10 % der Fälle`],
    ];
    for (const [item, input] of cases) {
      const wrapped = wrap(input, '', '', 40);
      assert.ok(wrapped.split('\n').some((l) => l.includes(item.replace(/ BSIG$/, ''))), `${item} broken in:\n${wrapped}`);
      assert.equal(wrapped.replace(/\n/g, ' '), input, 'no word lost or added');
    }
    // Addresses have no spaces: they are never broken, however long.
    const url = `https://www.kreis-soest.de/${'a'.repeat(60)}`;
    assert.equal(wrap(`Siehe ${url} oder presse@kreis-soest.example.`, '', '', 40), `Siehe\n${url}\noder presse@kreis-soest.example.`);
    // A kept unit longer than a line is still broken at its spaces (never worse than without keeping).
    assert.equal(wrap('0800 111 222 333 444 555', '', '', 10), '0800 111\n222 333\n444 555');
  });

  it('breaks only at spaces outside kept items, never loses a word, and keeps every generated phone number, date and time whole (property)', () => {
    const digits = (min: number, max: number) => fc.integer({ min: 10 ** (min - 1), max: 10 ** max - 1 }).map(String);
    const phone = fc.tuple(fc.constantFrom('+49 ', '0', '+1 '), digits(2, 4), digits(2, 4), fc.constantFrom(' ', '-'), digits(2, 4)).map(([a, b, c, sep, d]) => `${a}${b} ${c}${sep}${d}`);
    const date = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('Januar', 'Oktober', 'März'), fc.integer({ min: 2000, max: 2030 })).map(([d, m, y]) => `${d}. ${m} ${y}`);
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom('', ':00', ':30')).map(([h, m]) => `${h}${m} Uhr`);
    const word = fc.stringMatching(/^[a-zäöü]{1,12}$/);
    const kept = fc.oneof(phone, date, time);
    const token = fc.oneof({ arbitrary: word, weight: 4 }, { arbitrary: kept, weight: 1 });
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 40 }), fc.integer({ min: 30, max: 72 }), (tokens, width) => {
        const input = tokens.join(' ');
        const wrapped = wrap(input, '', '', width);
        assert.equal(wrapped.replace(/\n/g, ' '), input);
        const lines = wrapped.split('\n');
        for (const item of tokens.filter((t) => t.includes(' '))) {
          assert.ok(lines.some((l) => l.includes(item)), `${JSON.stringify(item)} broken:\n${wrapped}`);
        }
        // Every word and kept item is shorter than the narrowest width here: no line may overflow.
        for (const l of lines) assert.ok(l.length <= width, `${l.length} > ${width}: ${l}`);
      }),
      { numRuns: 500 },
    );
  });
});
