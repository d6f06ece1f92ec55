import * as assert from 'node:assert/strict';
import { createLinter, type Finding } from '../../src/core';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  emailMatches,
  emailMatchesByPattern,
  hostMatches,
  hostMatchesByPattern,
  iocFilter,
  ipv6Candidates,
  ipv6CandidatesByPattern,
  isIPv6,
  unixPathMatches,
  unixPathMatchesByPattern,
} from '../../src/core/rules/leak-scan';
import { documents } from './yamlArbitraries';

const NOW = () => Date.parse('2023-11-01T12:00:00Z');

/** Lints and keeps the leak findings only. */
function leaks(text: string, options: Parameters<typeof createLinter>[0] = {}): Finding[] {
  return createLinter({ now: NOW, ...options }).lint(text).findings.filter((f) => f.ruleId.startsWith('leak-'));
}

/** 1-based line:column range of the `nth` occurrence of `needle` in `text`, computed independently of the engine. */
function rangeOf(text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `fixture has no occurrence #${nth} of ${needle}`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
  };
  return `${pos(index)}-${pos(index + needle.length)}`;
}

const where = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${where(f)}`);

const REPORT = String.raw`---
schema: incident-report/v1
id: leak-test
title: Störung bei vpn02.stadt.intern
lang: de
status: investigating
severity: major
organization: Stadt Beispiel
timezone: Europe/Berlin
affected_services:
  - name: Bürgerbüro
    status: major_outage
    workaround: Termine per Telefon; Formulare liegen unter \\fs01\formulare bereit.
timestamps:
  started_at: 2023-10-30T01:00:00+01:00
  detected_at: 2023-10-30T02:00:00+01:00
  published_at: 2023-10-30T08:00:00+01:00
data_loss:
  occurred: unknown
  exfiltration: under_investigation
  personal_data: unknown
  statement: "Ob Daten über 192.0.2.15 abgeflossen sind, wird geprüft."
updates:
  - at: 2023-10-30T09:00:00+01:00
    text: Ticket INC-2023-4711 ist eröffnet, Version 2.4.1 läuft seit 15:55 Uhr.
iocs:
  - 198.51.100.23
  - evil-update.example
  - sha256:ac373edb91b671e05405ab742ca6a6b87a81cdbe02cf76ad79e3edf68c7196cc
contacts:
  - role: press
    name: Pressestelle
    email: presse@stadt.example
---

## Interne Analyse

Gateway 10.0.0.1, fe80::1 und mail01.stadt.example, dazu ` + '`dc01.stadt.intern`' + String.raw`, Log in /var/log/vpn.log.
Mail an admin@stadt.example, Ticket INC-2023-4711, Verbindung zu evil-update.example und 198.51.100.23.
Export unter C:\Daten\export.csv und \\fs01\formulare.

## Pressemitteilung

Die Stadt prüft ihre Systeme. Der Angriff lief über 10.0.0.1 und 2001:db8::42.
Der Server mail01.stadt.example ist getrennt; Rückfragen an admin@stadt.example.
Zugriffe von 198.51.100.23 und evil-update.example wurden blockiert.
Die Datei mit dem Hash ac373edb91b671e05405ab742ca6a6b87a81cdbe02cf76ad79e3edf68c7196cc ist gelöscht.
Protokolle: /var/log/vpn.log und C:\Daten\export.csv (Ticket INC-2023-4711).
Kontakt: presse@stadt.example. Infos unter https://www.stadt.example/aktuelles/cyberangriff.

## Anhang (intern)

Nochmals intern: 10.0.0.1, dc01.stadt.intern, /var/log/vpn.log, INC-2023-4723.
`;

describe('leak rules', () => {
  const findings = leaks(REPORT);
  const publicStart = REPORT.indexOf('## Pressemitteilung');
  const after = REPORT.lastIndexOf('## Anhang');
  const inPublicSection = (needle: string, nth = 0) => {
    // nth occurrence counted from the start of the public section
    const offset = REPORT.indexOf(needle, publicStart);
    let index = offset;
    for (let i = 0; i < nth; i++) index = REPORT.indexOf(needle, index + 1);
    return rangeOf(REPORT, needle, REPORT.slice(0, index).split(needle).length - 1);
  };

  it('flags an IPv4 address in the public section at its exact range', () => {
    const f = findings.find((x) => x.ruleId === 'leak-ip' && x.offset > publicStart && x.message.includes('10.0.0.1'));
    assert.ok(f, summary(findings).join('\n'));
    assert.equal(where(f), inPublicSection('10.0.0.1'));
    assert.equal(where(f), '44:53-44:61');
    assert.equal(f.severity, 'error');
    assert.equal(f.path, null);
    assert.match(f.message, /IP address `10\.0\.0\.1` in the public text/);
  });

  it('flags an IPv6 address', () => {
    const f = findings.find((x) => x.ruleId === 'leak-ip' && x.message.includes('2001:db8::42'));
    assert.ok(f);
    assert.equal(where(f), inPublicSection('2001:db8::42'));
  });

  it('flags a host name under an internal domain in the title (frontmatter scalar range)', () => {
    const f = findings.find((x) => x.ruleId === 'leak-hostname' && x.path === '/title');
    assert.ok(f, summary(findings).join('\n'));
    assert.equal(where(f), rangeOf(REPORT, 'vpn02.stadt.intern'));
    assert.equal(where(f), '4:20-4:38');
    assert.match(f.message, /Internal host name `vpn02\.stadt\.intern` \(domain `\.intern`\) in title/);
  });

  it('flags a host name that the internal sections mention', () => {
    const f = findings.find((x) => x.ruleId === 'leak-hostname' && x.offset > publicStart);
    assert.ok(f);
    assert.equal(where(f), inPublicSection('mail01.stadt.example'));
    assert.match(f.message, /named in the internal part/);
  });

  it('flags an e-mail address that is not a contact, as a warning, and not the contact address', () => {
    const emails = findings.filter((x) => x.ruleId === 'leak-email');
    assert.deepEqual(emails.map(where), [inPublicSection('admin@stadt.example')]);
    assert.equal(emails[0]!.severity, 'warning');
  });

  it('flags IOCs (IP, domain, bare hash) once, as IOCs, not again as IP addresses', () => {
    const iocs = findings.filter((x) => x.ruleId === 'leak-ioc');
    assert.deepEqual(iocs.map(where), [
      inPublicSection('198.51.100.23'),
      inPublicSection('evil-update.example'),
      inPublicSection('ac373edb91b671e05405ab742ca6a6b87a81cdbe02cf76ad79e3edf68c7196cc'),
    ]);
    const ip = findings.filter((x) => x.ruleId === 'leak-ip' && x.message.includes('198.51.100.23'));
    assert.deepEqual(ip, []);
  });

  it('flags ticket IDs in the public section and in updates[].text', () => {
    const tickets = findings.filter((x) => x.ruleId === 'leak-ticket');
    assert.deepEqual(
      tickets.map((t) => [where(t), t.path, t.severity]),
      [
        [rangeOf(REPORT, 'INC-2023-4711', 0), '/updates/0/text', 'warning'],
        [inPublicSection('INC-2023-4711'), null, 'warning'],
      ],
    );
    assert.match(tickets[0]!.message, /in updates\[0\]\.text/);
  });

  it('flags Unix, Windows and UNC paths', () => {
    const paths = findings.filter((x) => x.ruleId === 'leak-path');
    assert.deepEqual(
      paths.map((p) => [where(p), p.path]),
      [
        [rangeOf(REPORT, String.raw`\\fs01\formulare`, 0), '/affected_services/0/workaround'],
        [inPublicSection('/var/log/vpn.log'), null],
        [inPublicSection(String.raw`C:\Daten\export.csv`), null],
      ],
    );
  });

  it('flags an IP address in data_loss.statement', () => {
    const f = findings.find((x) => x.path === '/data_loss/statement');
    assert.ok(f);
    assert.equal(f.ruleId, 'leak-ip');
    assert.equal(where(f), rangeOf(REPORT, '192.0.2.15'));
  });

  it('reports nothing in the internal sections, the iocs list or other internal fields', () => {
    const internal = findings.filter((f) => f.path === null && (f.offset < publicStart || f.offset >= after));
    assert.deepEqual(summary(internal), []);
    const iocsLine = REPORT.slice(0, REPORT.indexOf('contacts:')).split('\n').length;
    assert.ok(findings.every((f) => f.path !== null || f.line > iocsLine));
    assert.ok(findings.every((f) => f.path === null || !f.path.startsWith('/iocs')));
  });

  it('has exactly the expected findings (nothing more)', () => {
    assert.equal(findings.length, 14, summary(findings).join('\n'));
  });

  it('gives German messages', () => {
    const de = leaks(REPORT, { locale: 'de' }).find((f) => f.ruleId === 'leak-ip');
    assert.match(de!.message, /^IP-Adresse `192\.0\.2\.15` in data_loss\.statement: Eine Adresse sagt Lesern nichts/);
  });

  it('words the IP message by the kind of address: internal network, or a public one that belongs in iocs', () => {
    const messages = (address: string) =>
      leaks(REPORT.replace('192.0.2.15', address)).filter((f) => f.ruleId === 'leak-ip' && f.path === '/data_loss/statement').map((f) => f.message);
    for (const internal of ['10.1.2.3', '172.20.0.9', '192.168.178.1', 'fd12:3456::1']) {
      assert.deepEqual(messages(internal), [
        `Internal IP address \`${internal}\` in data_loss.statement: addresses reveal the internal network to attackers and must not be published. Describe the system in plain words instead.`,
      ]);
    }
    for (const external of ['185.220.101.7', '2a01:4f8::1']) {
      assert.deepEqual(messages(external), [
        `IP address \`${external}\` in data_loss.statement: an address means nothing to readers and must not be published. Describe it in words (“a server abroad”); an attacker’s address belongs in \`iocs\`.`,
      ]);
    }
  });

  it('respects the configured internal domains and ticket pattern', () => {
    const custom = leaks(REPORT, { internalDomains: ['.example'], ticketPattern: 'NOPE-\\d+' });
    assert.ok(custom.some((f) => f.ruleId === 'leak-hostname' && f.message.includes('(domain `.example`)')));
    assert.ok(!custom.some((f) => f.ruleId === 'leak-ticket'));
    assert.ok(!custom.some((f) => f.path === '/title'), 'vpn02.stadt.intern is no longer internal');
  });

  it('survives an invalid ticket pattern', () => {
    assert.ok(!leaks(REPORT, { ticketPattern: '(' }).some((f) => f.ruleId === 'leak-ticket'));
  });

  it('reports an IOC-IP as an IP address when leak-ioc is off', () => {
    const ips = leaks(REPORT, { rules: { 'leak-ioc': 'off' } }).filter((f) => f.ruleId === 'leak-ip');
    assert.ok(ips.some((f) => where(f) === inPublicSection('198.51.100.23')));
  });
});

describe('leak rules: values read without positions first', () => {
  // The scan reads the published values as data and builds the YAML document only on a hit: these
  // cases prove the shortcut misses nothing that the source text has.
  const base = REPORT.replace(/^title: .*$/m, 'title: Störung')
    .replace(/^  statement: .*$/m, '  statement: Wird geprüft.')
    .replace(/^    workaround: .*$/m, '    workaround: Termine per Telefon.')
    .replace(/^    text: .*$/m, '    text: Das Bürgerbüro bleibt geschlossen.');

  it('starts from values without any leak', () => {
    assert.deepEqual(leaks(base).filter((f) => f.path !== null), []);
  });

  it('finds an address next to an escape in a double-quoted value, at its source range', () => {
    const text = base.replace('title: Störung', 'title: "Server 192.0.2.99\\u0020im Netz"');
    assert.ok(text.includes('"Server 192.0.2.99\\u0020im Netz"'));
    const ip = leaks(text).filter((f) => f.path === '/title');
    assert.deepEqual(summary(ip), [`leak-ip ${rangeOf(text, '192.0.2.99')}`]);
  });

  it('reads a value as it is published: an escape inside an address hides nothing, and one that makes it text finds nothing', () => {
    // `\x39` is "9": the published title names 192.0.2.99; no exact place in the source, so the whole value.
    const hidden = base.replace('title: Störung', 'title: "Server 192.0.2.9\\x39"');
    assert.deepEqual(summary(leaks(hidden).filter((f) => f.path === '/title')), [`leak-ip ${rangeOf(hidden, '"Server 192.0.2.9\\x39"')}`]);
    // `\u0041` is "A": the published title reads "192.0.2.99A", as if written plainly.
    const glued = base.replace('title: Störung', 'title: "Server 192.0.2.99\\u0041"');
    const plain = base.replace('title: Störung', 'title: Server 192.0.2.99A');
    assert.deepEqual(leaks(glued).filter((f) => f.path === '/title').map((f) => f.message), leaks(plain).filter((f) => f.path === '/title').map((f) => f.message));
  });

  it('finds an address in a folded multi-line value, at its source range', () => {
    const text = base.replace('title: Störung', 'title: Störung im Netz\n  bei 192.0.2.99 und\n  im Rathaus');
    assert.deepEqual(summary(leaks(text).filter((f) => f.path === '/title')), [`leak-ip ${rangeOf(text, '192.0.2.99')}`]);
  });

  it('reads a version number broken over lines as a version, in values and in the public text alike', () => {
    const text = base
      .replace('title: Störung', 'title: Störung nach Update auf Version\n  10.2.0.1 des Clients')
      .replace('## Pressemitteilung\n', '## Pressemitteilung\n\nWir haben die Software auf Version\n10.2.0.1 aktualisiert.\n');
    assert.deepEqual(leaks(text).filter((f) => text.slice(f.offset, f.endOffset) === '10.2.0.1'), []);
    // Control: the same number without the word is an address.
    const control = text.replace('Version\n10.2.0.1', 'Adresse\n10.2.0.1');
    assert.deepEqual(summary(leaks(control).filter((f) => control.slice(f.offset, f.endOffset) === '10.2.0.1')), [
      `leak-ip ${rangeOf(control, '10.2.0.1', 1)}`,
    ]);
  });
});

describe('leak rules: no false positives', () => {
  const CLEAN = `---
schema: incident-report/v1
id: clean
title: "Stadt Beispiel: Störung der Version 2.4.1 behoben (Stand 30.10.2023, 15:55 Uhr)"
lang: de
status: resolved
severity: minor
organization: Stadt Beispiel
affected_services:
  - name: Online-Terminvergabe
    status: operational
    workaround: Termine Mo–Fr 8:00–17:00 Uhr unter Tel. +49 2389 000-100, 24/7 per Online-Formular.
timestamps:
  started_at: 2023-10-30T01:00:00+01:00
  detected_at: 2023-10-30T02:00:00+01:00
  published_at: 2023-10-30T08:00:00+01:00
  resolved_at: 2023-10-30T12:00:00+01:00
data_loss:
  occurred: no
  exfiltration: no_indication
  personal_data: no
  statement: Es gibt keinen Hinweis auf einen Datenabfluss; rund 1.700.000 Datensätze wurden am 30/10/2023 geprüft.
updates:
  - at: 2023-10-30T12:00:00+01:00
    text: Um 12:30:00 Uhr lief wieder alles, Firmware 10.2.0.1 ist eingespielt (v1.2.3.4), IPv6 und IPv4 sind unverändert.
contacts:
  - role: press
    email: presse@stadt-beispiel.example
---

## Interne Notizen

Das Update kam über die Webseite www.stadt-beispiel.example und die Datei bericht.final.pdf.

## Pressemitteilung

Version 1.2.3 läuft seit dem 30.10.2023 um 15:55 Uhr (bzw. 15.55 Uhr, 15:55:00), am 30/10/2023 und 2023-10-30.
Infos unter https://www.stadt-beispiel.example/aktuelles/cyberangriff/index.html und
[unserer Seite](https://stadt-beispiel.example/a/b/c) oder <https://stadt-beispiel.example/x/y>; Fragen an
presse@stadt-beispiel.example bzw. mailto:presse@stadt-beispiel.example. Tempo 50 km/h, und/oder, 1/2, 24/7,
z. B. Kap. 3.1.2, § 3 Abs. 1, ca. 1.700.000 Personen, Uhrzeit 8:00–17:00, Verhältnis 3:2, Node.js, bericht.final.pdf,
www.stadt-beispiel.example, Mo/Di, Ein-/Ausgang, std::vector, Ratio 12:30:45, ISBN 978-3-16-148410-0.
`;

  it('flags nothing in versions, times, dates, URLs, contact addresses and prose', () => {
    assert.deepEqual(summary(leaks(CLEAN)), []);
  });

  it('tells IPv6 addresses from times and MAC addresses', () => {
    for (const ok of ['2001:db8::42', 'fe80::1%eth0', '::1', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.0.2.1']) {
      assert.ok(isIPv6(ok), ok);
    }
    for (const no of ['15:55', '15:55:00', '00:1A:2B:3C:4D:5E', '::', '12::30', '1:2:3']) assert.ok(!isIPv6(no), no);
  });
});

describe('leak rules: host names searched only around a dot, addresses only at an @, IPv6 around two colons, paths at a slash', () => {
  const same = (text: string) => {
    assert.deepEqual([...hostMatches(text)], hostMatchesByPattern(text), JSON.stringify(text));
    assert.deepEqual([...emailMatches(text)], emailMatchesByPattern(text), JSON.stringify(text));
    assert.deepEqual([...ipv6Candidates(text)], ipv6CandidatesByPattern(text), JSON.stringify(text));
    assert.deepEqual(unixPathMatches(text), unixPathMatchesByPattern(text), JSON.stringify(text));
  };

  it('finds what the pattern finds on the whole text of every fixture and example', () => {
    let hosts = 0;
    let emails = 0;
    let ipv6 = 0;
    let paths = 0;
    for (const file of documents) {
      const text = readFileSync(file, 'utf8');
      same(text);
      hosts += hostMatchesByPattern(text).length;
      emails += emailMatchesByPattern(text).length;
      ipv6 += ipv6CandidatesByPattern(text).length;
      paths += unixPathMatchesByPattern(text).length;
    }
    assert.ok(hosts > 100 && emails > 50 && ipv6 > 0 && paths > 0, `only ${hosts} host names, ${emails} addresses, ${ipv6} IPv6 candidates and ${paths} paths in the fixtures`);
  });

  it('finds what the pattern finds on generated text', () => {
    const piece = fc.constantFrom('a', 'Z', '0', '9', '.', '-', '_', ' ', '\n', '@', 'ä', 'fs01', 'intern', 'example.', '.de', 'x-', '..', '/', ':', '%', '+', 'a@b.de', '@@', '@x.', '::', 'fe80', ':1:', '%eth0', '10:16:00', '192.0.2.1', '~', '$HOME', '$HOM', '](', '(', '"', '„', '=', '//', '/etc', '~/', 'a/b');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), same), { numRuns: 20000, seed: 1105 });
  });
});

describe('leak rules: the indicator filter', () => {
  // Characters whose case mappings are special: Kelvin sign, dotted and dotless i, long s, sharp s,
  // final sigma, a ligature, and letters that change length when lower-cased.
  const tricky = ['K', 'k', '\u212A', 'İ', 'ı', 'i', 'I', 'ſ', 's', 'S', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'ﬀ', 'ǅ', 'Ω', '\u2126', 'ä', 'Ä', 'a', 'A', '0', '9', ':', '.', '-', ' ', '/', '[', ']', '(', '*', '\\', '$'];
  const text = (maxLength: number) => fc.array(fc.constantFrom(...tricky), { minLength: 0, maxLength }).map((chars) => chars.join(''));

  it('matches wherever the lower-cased text holds an indicator (it may match more, never less)', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(text(5).filter((ioc) => ioc.length >= 1), { minLength: 1, maxLength: 3 }), text(24), (raw, source) => {
        const iocs = raw.map((ioc) => ioc.toLowerCase());
        const lower = source.toLowerCase();
        if (iocs.some((ioc) => lower.includes(ioc))) {
          found++;
          // The scan does not filter a text with `İ` (lower-cased to two characters).
          assert.ok(source.includes('İ') || iocFilter(iocs).test(source), `${JSON.stringify(iocs)} in ${JSON.stringify(source)}`);
        }
      }),
      { numRuns: 30000, seed: 4311 },
    );
    assert.ok(found > 2000, `only ${found} generated texts held an indicator`);
  });

  it('takes indicators with pattern characters literally', () => {
    assert.ok(iocFilter(['a.b[1]$(x)*']).test('see A.B[1]$(X)*'));
    assert.ok(!iocFilter(['a.b']).test('axb'));
  });
});
