/**
 * The public channels over the publication model: status page, Atom feed (parsed by a real feed
 * reader library, @rowanmanning/feed-parser), social posts (lengths checked against X's own
 * counting library, twitter-text) and the registry that lists them.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import twitter from 'twitter-text';
import { stringify } from 'yaml';
import { parseReport } from '../../src/core';
import { buildModel } from '../../src/core/render';
import { renderAtom, escapeXml } from '../../src/core/render/atom';
import { OUTPUTS, PUBLIC_OUTPUTS } from '../../src/core/render/outputs';
import { countChars, renderSocial, socialPosts, POST_SEPARATOR } from '../../src/core/render/social';
import { renderStatusPageHtml, renderStatusPageText } from '../../src/core/render/statusPage';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'incidents');
const source = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const NOW = Date.parse('2023-11-07T12:00:00Z');
const model = (text: string) => buildModel(parseReport(text), { now: NOW });
const DE = source('2023-10-30-suedwestfalen-it.md');
const EN = source('2023-10-30-municipal-it-provider.en.md');
const RESOLVED = source('2022-12-01-drensteinfurt.md');
// A real top-level domain: twitter-text counts only URLs under known TLDs as 23.
const LINK = 'https://www.kreis-soest.de/notfallseite/';

/** A report with an attack string in every public field. */
function hostileReport(payload: string, extra: Record<string, unknown> = {}): string {
  const data = {
    schema: 'incident-report/v1',
    id: `x${payload}`,
    title: `T ${payload}`,
    lang: 'de',
    status: 'identified',
    severity: 'major',
    organization: `Org ${payload}`,
    organization_about: `About ${payload}`,
    timezone: 'Europe/Berlin',
    affected_organizations: [`AO ${payload}`],
    affected_services: [{ name: `S ${payload}`, status: 'major_outage', workaround: `W ${payload}` }],
    timestamps: { started_at: '2023-10-30T01:01:00+01:00', detected_at: '2023-10-30T02:00:00+01:00', published_at: '2023-10-30T08:00:00+01:00' },
    data_loss: { occurred: 'unknown', exfiltration: 'under_investigation', personal_data: 'unknown', statement: `Statement ${payload}` },
    authorities: [{ name: `A ${payload}`, role: 'law_enforcement' }],
    updates: [{ at: '2023-10-30T09:00:00+01:00', text: `U ${payload}` }],
    contacts: [{ role: 'hotline', name: `C ${payload}`, phone: `+49 1 ${payload}`, email: `e${payload}@x.example`, hours: `H ${payload}` }],
    ...extra,
  };
  return `---\n${stringify(data)}---\n\n## Pressemitteilung\n\nLead ${payload}\n`;
}

const XML_ATTACKS = [
  ']]></content><entry><id>evil</id></entry><content>',
  '</title><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>',
  '&amp; &lt; &#x0; & < > " \' <!-- --> <![CDATA[x]]>',
  '<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
  'ctl\u0001\u0008\u000b\u001f\ufffe\uffff\ud800 end',
];

describe('output registry', () => {
  it('lists every public channel and confidential draft with its formats, the default first', () => {
    assert.deepEqual(
      OUTPUTS.map((o) => [o.id, o.audience, o.formats.join('|'), o.multi]),
      [
        ['press-release', 'public', 'html|text', false],
        ['status-page', 'public', 'html|text', true],
        ['atom', 'public', 'xml', true],
        ['social', 'public', 'text|json', true],
        ['gdpr-art33', 'confidential', 'text|html|md', false],
        ['gdpr-art33-controller', 'confidential', 'text|html|md', false],
        ['gdpr-art34', 'confidential', 'text|html|md', false],
        ['nis2-early-warning', 'confidential', 'text|html|md', false],
        ['nis2-notification', 'confidential', 'text|html|md', false],
        ['nis2-progress-report', 'confidential', 'text|html|md', false],
        ['nis2-final-report', 'confidential', 'text|html|md', false],
      ],
    );
    assert.deepEqual(PUBLIC_OUTPUTS, OUTPUTS.filter((o) => o.audience === 'public'));
  });
});

describe('atom feed', () => {
  const models = [model(DE), model(EN)];
  const xml = renderAtom(models, { link: LINK });
  const feed = parseFeed(xml);

  it('parses in a real feed reader library with feed metadata from the reports', () => {
    assert.equal(feed.language, 'de');
    assert.equal(feed.url, LINK);
    assert.equal(feed.self, `${LINK}feed.xml`);
    assert.equal(feed.title, 'Kreis Soest, Südwestfalen-IT (municipal IT service provider): Notfallseite');
    assert.deepEqual(feed.authors.map((a) => a.name), ['Kreis Soest, Südwestfalen-IT (municipal IT service provider)']);
  });

  it('has one entry per update, newest first, with its time as RFC 3339 with offset', () => {
    assert.equal(feed.items.length, 7 + 6);
    const times = feed.items.map((item) => item.updated!.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    for (const match of xml.matchAll(/<updated>([^<]+)<\/updated>/g)) assert.match(match[1]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    const first = feed.items[0]!;
    assert.equal(first.title, 'Kreis Soest: Update vom Montag, 6. November 2023, 11:00 Uhr');
    assert.equal(first.content, 'Es handelt sich um Erpressungssoftware; Kontakt zu den Tätern besteht nicht. 72 Kommunen sind betroffen, das BSI unterstützt den Dienstleister.');
    assert.equal(first.id, 'tag:incident-report.invalid,2023-10-30:2023-10-30-kreis-soest-sit/updates/20231106T100000Z');
    assert.ok(xml.includes('<entry xml:lang="en">'), 'each entry in its report language');
  });

  it('keeps entry ids stable when the file is re-rendered or edited elsewhere', () => {
    const ids = (text: string) => parseFeed(renderAtom([model(text)])).items.map((i) => i.id);
    const before = ids(DE);
    assert.equal(new Set(before).size, before.length, 'ids are unique');
    assert.deepEqual(ids(DE), before);
    // Another title, another public text, a new update appended and the same instant written in UTC.
    const edited = DE.replace('title: Cyberangriff', 'title: Neuer Titel – Cyberangriff')
      .replace('Nach einem Cyberangriff', 'Wegen eines Cyberangriffs')
      .replace('  - at: 2023-10-30T08:40:00+01:00', '  - at: 2023-10-30T07:40:00Z')
      .replace('iocs:', '  - at: 2023-11-07T09:00:00+01:00\n    text: Neu.\niocs:');
    const after = ids(edited);
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after.slice(1), before);
  });

  it('escapes every report value: hostile XML stays text and the feed still parses', () => {
    for (const attack of XML_ATTACKS) {
      const text = renderAtom([model(hostileReport(attack))]);
      const parsed = parseFeed(text);
      // XML 1.0 cannot carry these; the model folds white space (\v) in update text to a space.
      const clean = attack.replace(/[\u0001-\u0008\u000b\u001f\ufffe\uffff\ud800]/g, '');
      const cleanText = attack.replace(/\u000b/g, ' ').replace(/[\u0001-\u0008\u001f\ufffe\uffff\ud800]/g, '');
      assert.equal(parsed.items.length, 1, attack);
      if (attack.includes('&amp;')) {
        // feed-parser decodes entities in text once more (lenient, like many readers): check the XML itself.
        assert.ok(text.includes('<title type="text">Org &amp;amp; &amp;lt; &amp;#x0; &amp; &lt; &gt; &quot; &apos; &lt;!-- --&gt; &lt;![CDATA[x]]&gt;: Update'), text);
      } else {
        assert.equal(parsed.items[0]!.title, `Org ${clean}: Update vom Montag, 30. Oktober 2023, 9:00 Uhr`);
        assert.equal(parsed.items[0]!.content, `U ${cleanText}`);
      }
      assert.ok(!/<(?:script|entry><id>evil|!DOCTYPE)/.test(text.replace(/&lt;/g, '')), attack);
    }
    assert.equal(escapeXml('a\u0000b\ud800c&<>"\''), 'abc&amp;&lt;&gt;&quot;&apos;');
  });
});

describe('social posts', () => {
  it('writes one current-state post and one per update, newest first, separated by --- lines', () => {
    const text = renderSocial([model(DE)], { link: LINK });
    const posts = text.trimEnd().split(`\n${POST_SEPARATOR}\n`);
    assert.equal(posts.length, 1 + 7);
    assert.equal(
      posts[0],
      'Kreis Soest – aktueller Stand: Ausfall: Kfz-Zulassung und Führerscheinstelle, Ausländerbehörde, Online-Terminvergabe. Teilweise ausgefallen: E-Mail, Internetauftritt des Kreises.\n' +
        'Bürgertelefon: +49 2921 30-4400 (Mo–Do 8:00–16:00 Uhr, Fr 8:00–13:00 Uhr)\n' +
        LINK,
    );
    assert.equal(
      posts[1],
      'Kreis Soest, 6.11.2023, 11:00 Uhr: Es handelt sich um Erpressungssoftware; Kontakt zu den Tätern besteht nicht. 72 Kommunen sind betroffen, das BSI unterstützt den Dienstleister.\n' +
        'Bürgertelefon: +49 2921 30-4400 (Mo–Do 8:00–16:00 Uhr, Fr 8:00–13:00 Uhr)\n' +
        LINK,
    );
    assert.ok(posts[7]!.startsWith('Kreis Soest, 30.10.2023, 8:40 Uhr: Die Kreisverwaltung ist online nicht erreichbar'));
  });

  it('writes in the report language and says what works again once resolved', () => {
    const [state] = socialPosts(model(EN));
    assert.ok(state!.text.startsWith('Südwestfalen-IT (municipal IT service provider) – current status: '), state!.text);
    assert.ok(state!.text.includes('\nHotline: +49 271 5000-500'));
    const [resolved] = socialPosts(model(RESOLVED));
    assert.ok(resolved!.text.includes('Der Vorfall ist behoben.'), resolved!.text);
    assert.ok(!/Ausfall|ausgefallen/.test(resolved!.text), 'restored services are not listed as closed');
  });

  it('counts as X does (checked with twitter-text): a URL is 23, an umlaut one, an emoji, a CJK character or "…" two; every post fits', () => {
    for (const text of [DE, EN, RESOLVED]) {
      for (const post of socialPosts(model(text), { link: LINK, hashtags: ['Cyberangriff'] })) {
        assert.equal(post.chars, twitter.parseTweet(post.text).weightedLength, post.text);
        assert.ok(post.chars <= 280 && twitter.parseTweet(post.text).valid, post.text);
      }
    }
    assert.equal(countChars(`ä ${LINK}${'x'.repeat(200)}`), 2 + 23);
    // An emoji sequence (skin tone, flag, family) is one grapheme to Mastodon and two to X: two, so it fits both.
    assert.equal(countChars('👍🏽🇩🇪👩‍👩‍👧ü'), 7);
    assert.equal(countChars('漢字 … € © e\u0301'), 2 + 2 + 1 + 2 + 1 + 2 + 1 + 1 + 1 + 1);
  });

  it('keeps posts with emoji and CJK text within X\'s limit, not only within Mastodon\'s grapheme count', () => {
    const report = hostileReport('', {
      contacts: [{ role: 'hotline', phone: '+49 2921 30-4400' }],
      updates: [
        { at: '2023-10-30T09:00:00+01:00', text: '⚠️ Warnung 🚨 '.repeat(30).trim() },
        { at: '2023-10-30T10:00:00+01:00', text: '漢字のテキスト'.repeat(30) },
      ],
    });
    const posts = socialPosts(model(report), { link: LINK });
    for (const post of posts) {
      assert.equal(post.chars, twitter.parseTweet(post.text).weightedLength, post.text);
      assert.ok(twitter.parseTweet(post.text).valid, `${twitter.parseTweet(post.text).weightedLength}: ${post.text}`);
    }
    assert.equal(
      posts[1]!.text,
      `Org, 30.10.2023, 10:00 Uhr: ${'漢字のテキスト'.repeat(13)}漢字のテキス…\nBürgertelefon: +49 2921 30-4400\n${LINK}`,
    );
    assert.equal(posts[2]!.text, `Org, 30.10.2023, 9:00 Uhr: ${'⚠️ Warnung 🚨 '.repeat(14).trim()}…\nBürgertelefon: +49 2921 30-4400\n${LINK}`);
  });

  it('adds hashtags only when configured, never invents them', () => {
    assert.ok(!renderSocial([model(DE)]).includes('#'));
    const tagged = socialPosts(model(DE), { hashtags: ['#Soest', 'Cyberangriff'] });
    assert.ok(tagged[1]!.text.endsWith('#Soest #Cyberangriff'), tagged[1]!.text);
  });

  it('shortens over-long text at a word with "…" and never exceeds --max-chars', () => {
    const words = 'Wort '.repeat(2000).trim();
    for (const max of [60, 280, 500]) {
      for (const post of socialPosts(model(hostileReport(words)), { maxChars: max, link: LINK, hashtags: ['Soest'] })) {
        assert.ok(post.chars <= max, `${post.chars} > ${max}: ${post.text}`);
        assert.ok(post.shortened);
      }
    }
    const long = hostileReport('', { updates: [{ at: '2023-10-30T09:00:00+01:00', text: words }] });
    const [, update] = socialPosts(model(long), { maxChars: 500, link: LINK });
    assert.match(update!.text, /^Org, 30\.10\.2023, 9:00 Uhr: Wort( Wort)*…\nBürgertelefon: \+49 1\nhttps:\/\/www\.kreis-soest\.de\/notfallseite\/$/);
    assert.equal(update!.chars, countChars(update!.text));
    // Long words and URLs in the text itself are cut too.
    const [, url] = socialPosts(model(hostileReport(`https://example.com/${'a'.repeat(400)} ${'ü'.repeat(600)}`)), { maxChars: 100 });
    assert.ok(url!.chars <= 100, url!.text);
  });

  it('never repeats a sentence within a post: not the organisation the post opens with, not the contact line, not its own text', () => {
    // A member report's title starts with its organisation (the template writes it so); the post opens with it already.
    const member = hostileReport('', { organization: 'Stadt Werne', title: 'Stadt Werne: Bürgerbüro geschlossen', affected_services: [{ name: 'Bürgerbüro', status: 'major_outage' }] });
    const [state] = socialPosts(model(member));
    assert.equal(state!.text, 'Stadt Werne – aktueller Stand: Bürgerbüro geschlossen. Ausfall: Bürgerbüro.\nBürgertelefon: +49 1 (H)');
    // A resolved report whose headline says what the resolved post says; an update that repeats itself and the contact.
    const resolved = hostileReport('', {
      title: 'Der Vorfall ist behoben',
      status: 'resolved',
      timestamps: { started_at: '2023-10-30T01:01:00+01:00', detected_at: '2023-10-30T02:00:00+01:00', resolved_at: '2023-10-31T08:00:00+01:00', published_at: '2023-10-31T09:00:00+01:00' },
      affected_services: [{ name: 'Bürgerbüro', status: 'operational' }],
      contacts: [{ role: 'hotline', phone: '+49 2921 30-4400' }],
      updates: [{ at: '2023-10-31T09:00:00+01:00', text: 'Das Bürgerbüro ist wieder geöffnet. Bürgertelefon: +49 2921 30-4400. Das Bürgerbüro ist wieder geöffnet.' }],
    });
    const posts = socialPosts(model(resolved));
    assert.deepEqual(
      posts.map((p) => p.text),
      [
        'Org – aktueller Stand: Der Vorfall ist behoben. Verfügbar: Bürgerbüro.\nBürgertelefon: +49 2921 30-4400',
        'Org, 31.10.2023, 9:00 Uhr: Das Bürgerbüro ist wieder geöffnet.\nBürgertelefon: +49 2921 30-4400',
      ],
    );
    // Every post of the examples: no sentence twice.
    for (const text of [DE, EN, RESOLVED, member, resolved]) {
      for (const post of socialPosts(model(text), { link: LINK })) {
        const sentences = post.text.split(/(?<=[.!?])\s+|\n/).map((x) => x.replace(/[.!?]$/, '').trim().toLowerCase()).filter(Boolean);
        assert.equal(new Set(sentences).size, sentences.length, post.text);
      }
    }
  });

  it('keeps control characters and a separator line out of a post', () => {
    const posts = socialPosts(model(hostileReport('\n---\n\u0007x\u202e')));
    for (const post of posts) {
      assert.ok(!post.text.split('\n').includes('---'), post.text);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(post.text), post.text);
    }
  });
});

describe('status page', () => {
  const html = renderStatusPageHtml([model(DE), model(RESOLVED)]);
  const text = renderStatusPageText([model(DE), model(RESOLVED)]);

  it('shows per organisation first how to reach it, then each service with state and workaround', () => {
    const soest = html.indexOf('<h2 id="org-0">Kreis Soest</h2>');
    const reach = html.indexOf('So erreichen Sie uns', soest);
    const incident = html.indexOf('<h3>Cyberangriff auf die Südwestfalen-IT', soest);
    assert.ok(soest > 0 && soest < reach && reach < incident);
    assert.ok(html.includes('<span class="phone">Telefon: <a href="tel:+492921304400">+49 2921 30-4400</a></span>'));
    assert.ok(html.includes('<tr><th scope="row">Kfz-Zulassung und Führerscheinstelle</th><td><span class="state state-major_outage">Ausfall</span></td><td>Gebuchte Termine werden nachgeholt; vor einem Besuch bitte anrufen.</td></tr>'));
    assert.ok(html.includes('<p class="restoration">Voraussichtliche Wiederherstellung: derzeit nicht absehbar</p>'));
    assert.ok(text.includes('* Bürgertelefon: Bürgertelefon der Kreisverwaltung\n  Telefon: +49 2921 30-4400\n'));
  });

  it('lists the newest updates first with their time and links the feed', () => {
    const updates = html.slice(html.indexOf('<h2 id="updates-heading">'));
    assert.ok(updates.includes('<p><a href="feed.xml" type="application/atom+xml">Meldungen als Feed abonnieren (Atom)</a></p>'));
    const times = [...updates.matchAll(/<time datetime="([^"]+)">Update vom/g)].map((m) => Date.parse(m[1]!));
    assert.equal(times.length, 7 + 6);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok(html.includes('<link rel="alternate" type="application/atom+xml" href="feed.xml"'));
    assert.ok(html.includes('<p class="as-of">Stand: <time datetime="2023-11-06T11:00:00+01:00">Montag, 6. November 2023, 11:00 Uhr</time></p>'));
  });

  it('moves resolved incidents to "recently resolved"', () => {
    assert.ok(!html.includes('<h3>Drensteinfurt'));
    assert.match(html, /<h2 id="resolved-heading">Kürzlich behoben<\/h2><ul>\n<li><strong>Stadt Drensteinfurt<\/strong>: [^<]+ – Behoben: <time datetime="2022-12-09T16:00:00\+01:00">/);
    assert.ok(text.includes('Kürzlich behoben\n================\n- Stadt Drensteinfurt: '));
  });

  it('closes with the organisation, how to reach its hotline and "Stand", for citizens, not developers', () => {
    const footer = html.slice(html.indexOf('<footer'));
    assert.equal(
      footer,
      '<footer class="site-footer">' +
        '<p><strong>Kreis Soest</strong> · Bürgertelefon: <a href="tel:+492921304400">+49 2921 30-4400</a></p>' +
        '<p><strong>Stadt Drensteinfurt</strong> · Bürgertelefon: <a href="tel:+492508995200">+49 2508 995-200</a></p>' +
        '<p>Stand: <time datetime="2023-11-06T11:00:00+01:00">Montag, 6. November 2023, 11:00 Uhr</time></p>' +
        '</footer>\n</body>\n</html>',
    );
    assert.ok(text.endsWith('\n\n--\nKreis Soest · Bürgertelefon: +49 2921 30-4400\nStadt Drensteinfurt · Bürgertelefon: +49 2508 995-200\nStand: Montag, 6. November 2023, 11:00 Uhr\n'), text.slice(-300));
    assert.ok(!/JavaScript|drucken|prints/.test(html + text));
    // Without a hotline the emergency contact, else the press office; an English report's words are marked as English.
    const en = renderStatusPageHtml([model(DE), model(EN)]);
    assert.ok(en.includes('<p lang="en"><strong>Südwestfalen-IT (municipal IT service provider)</strong> · Hotline: <a href="tel:+492715000500">+49 271 5000-500</a></p>'), en.slice(en.indexOf('<footer')));
    const pressOnly = renderStatusPageText([model(hostileReport('', { contacts: [{ role: 'press', email: 'presse@stadt.example' }] }))]);
    assert.ok(pressOnly.endsWith('--\nOrg · Pressestelle: presse@stadt.example\nStand: Montag, 30. Oktober 2023, 9:00 Uhr\n'), pressOnly);
  });

  it('is self-contained: the release CSP, no scripts, nothing loaded', () => {
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(!/<script|<img|<iframe|src=|@import|url\(/i.test(html));
  });

  it('escapes every report value', () => {
    const attack = '<img src=x onerror=alert(1)>"\'&';
    const page = renderStatusPageHtml([model(hostileReport(attack))]);
    assert.ok(!page.includes('<img'), 'no raw tag');
    assert.ok(page.includes('Org &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
    assert.ok(page.includes('W &lt;img src=x'));
  });
});

describe('every public output', () => {
  it('drops the controls that reorder how text is shown (bidi overrides, embeddings, isolates), also written as entities', () => {
    // U+202E shows "04.03.02.01" as "10.20.30.40": what a reader sees would not be what was written and checked.
    const payload = 'Lage \u202e04.03.02.01\u202c und \u2066Stand\u2069 \u202aA\u202b';
    const report = hostileReport(payload).replace(/^Lead .*$/m, 'Lead &#x202E;04.03.02.01 &#x2067;ok&#x2069;');
    const models = [model(report)];
    for (const output of PUBLIC_OUTPUTS) {
      if (!('formats' in output) || output.audience !== 'public') continue;
      for (const format of output.formats) {
        const rendered = (output as { render: (m: typeof models, f: string, o: object) => string }).render(models, format, { link: LINK });
        assert.doesNotMatch(rendered, /[\u202a-\u202e\u2066-\u2069]|&#x(?:202[A-Ea-e]|206[6-9]);|&#(?:82(?:3[4-8])|8294|8295|8296|8297);/, `${output.id} ${format}`);
        assert.ok(rendered.includes('Lage 04.03.02.01 und Stand A'), `${output.id} ${format} keeps the text around them`);
      }
    }
  });
});
