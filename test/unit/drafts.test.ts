import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, renderPressRelease } from '../../src/core';
import { CONFIDENTIAL_OUTPUTS, OUTPUTS, PUBLIC_OUTPUTS, findOutput } from '../../src/core/render/outputs';
import { buildModel } from '../../src/core/render/model';

/**
 * The confidential drafts for authorities: their required contents in both languages, the
 * confidentiality marking, visible gaps for missing facts, and that they never become public.
 */
const FULL = readFileSync(join(__dirname, '..', 'fixtures', 'authority-drafts', 'input.md'), 'utf8');
const NOW = Date.parse('2023-11-01T20:00:00+01:00');

function render(id: string, text: string, format = 'text', forceLocale?: 'de' | 'en'): string {
  const output = findOutput(id);
  assert.ok(output && output.audience === 'confidential', `${id} is a confidential output`);
  return output.render([parseReport(text)], format, { now: NOW, ...(forceLocale ? { forceLocale } : {}) });
}

/** A bare report: required fields only, nothing for the authority yet. */
const BARE = [
  '---',
  'schema: incident-report/v1',
  'id: bare',
  'title: Störung',
  'lang: en',
  'status: investigating',
  'severity: major',
  'organization: Town of Werne',
  'affected_services: []',
  'timestamps:',
  '  started_at: 2023-10-30T01:00:00+01:00',
  '  detected_at: 2023-10-30T02:00:00+01:00',
  '  published_at: 2023-10-30T03:00:00+01:00',
  'data_loss:',
  '  occurred: unknown',
  '  exfiltration: under_investigation',
  '  personal_data: yes',
  '  statement: Whether data was taken is being investigated.',
  'contacts: []',
  '---',
  '',
].join('\n');

describe('drafts: registry', () => {
  it('lists the public channels as public outputs and the five drafts as confidential', () => {
    assert.deepEqual(PUBLIC_OUTPUTS.map((o) => o.id), ['press-release', 'status-page', 'atom', 'social']);
    assert.deepEqual(CONFIDENTIAL_OUTPUTS.map((o) => o.id), ['gdpr-art33', 'gdpr-art34', 'nis2-early-warning', 'nis2-notification', 'nis2-final-report']);
    assert.deepEqual(OUTPUTS.map((o) => o.audience), ['public', 'public', 'public', 'public', 'confidential', 'confidential', 'confidential', 'confidential', 'confidential']);
    for (const output of CONFIDENTIAL_OUTPUTS) assert.deepEqual(output.formats, ['text', 'html', 'md']);
  });

  it('every draft is marked confidential in every format and language', () => {
    for (const output of CONFIDENTIAL_OUTPUTS) {
      for (const format of output.formats) {
        assert.match(render(output.id, FULL, format), /Vertraulich/, `${output.id} ${format} de`);
        assert.match(render(output.id, FULL, format, 'en'), /Confidential/, `${output.id} ${format} en`);
      }
    }
  });
});

describe('drafts: gdpr-art33', () => {
  it('German: controller and DPO, timeline, nature, data and people, consequences, measures as a gap, phased notification', () => {
    const text = render('gdpr-art33', FULL);
    for (const expected of [
      'Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)',
      'Verantwortlicher: Kommunal-IT Musterland AöR',
      'Datenschutzbeauftragte(r) / Anlaufstelle: Datenschutzbeauftragte der Kommunal-IT, E-Mail datenschutz@kommunal-it.example',
      'Kenntnis erlangt: Montag, 30. Oktober 2023, 7:30 Uhr',
      'Beginn der Verletzung: Montag, 30. Oktober 2023, 1:01 Uhr',
      'Entdeckt: Montag, 30. Oktober 2023, 2:15 Uhr',
      'Eingedämmt: [noch offen: wann die Verletzung eingedämmt wurde (noch nicht erfasst)]',
      'Meldung fällig (72 Stunden nach Kenntnisnahme): Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden)',
      'Art: Ransomware-Angriff',
      '  - Meldedaten (Name, Anschrift, Geburtsdatum)',
      'Ungefähre Zahl der Datensätze: [noch offen: ungefähre Zahl der Datensätze]',
      'Ungefähre Zahl der Personen: rund 120.000',
      'Wahrscheinliche Folgen: Betrugsversuche mit Namen und Anschriften sind möglich.',
      'Maßnahmen: [noch offen: ergriffene oder vorgeschlagene Maßnahmen einschließlich Abmilderung (Art. 33 Abs. 3 lit. d)]',
      'Meldung in Schritten (Art. 33 Abs. 4)',
      '  - ob Daten abgeflossen sind (wird untersucht)',
      '  - ungefähre Zahl der Datensätze',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    assert.ok(!text.includes('Gründe für die Verzögerung'), 'not late: no delay section');
  });

  it('English (--locale overrides the report language) with the same structure', () => {
    const text = render('gdpr-art33', FULL, 'text', 'en');
    for (const expected of [
      'Notification of a personal data breach to the supervisory authority (GDPR Art. 33)',
      'Controller: Kommunal-IT Musterland AöR',
      'Data protection officer / contact point: Datenschutzbeauftragte der Kommunal-IT, e-mail datenschutz@kommunal-it.example',
      'Became aware: Monday, 30 October 2023, 7:30 am',
      'Notification due (72 hours after becoming aware): Thursday, 2 November 2023, 7:30 am (11 hours left)',
      'Approximate number of people: about 120,000',
      'Phased notification (Art. 33(4))',
      'Measures: [to be completed: measures taken or proposed, incl. mitigation (Art. 33(3)(d))]',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
  });

  it('a late notification carries the delay reason, or a gap for it', () => {
    const late = FULL.replace('  risk: high\n', '  risk: high\n  authority_notified_at: 2023-11-03T10:00:00+01:00\n');
    assert.match(render('gdpr-art33', late), /Gründe für die Verzögerung \(Art\. 33 Abs\. 1\)\n-+\n\[noch offen: warum die Meldung später als nach 72 Stunden erfolgt\]/);
    const reasoned = late.replace('  risk: high\n', '  risk: high\n  delay_reason: Die betroffenen Daten ließen sich erst nach der Forensik bestimmen.\n');
    assert.match(render('gdpr-art33', reasoned), /Gründe für die Verzögerung \(Art\. 33 Abs\. 1\)\n-+\nDie betroffenen Daten ließen sich erst nach der Forensik bestimmen\./);
  });

  it('a bare report shows every missing fact as a gap and invents nothing', () => {
    const text = render('gdpr-art33', BARE);
    for (const expected of [
      'Data protection officer / contact point: [to be completed: name and contact details of the data protection officer or another contact point (Art. 33(3)(b))]',
      'Became aware: Monday, 30 October 2023, 2:00 am (time of detection; aware_at not recorded)',
      'Categories of personal data: [to be completed: categories of personal data, incl. special categories (Art. 9)]',
      'Approximate number of people: [to be completed: approximate number of people affected]',
      'Likely consequences: [to be completed: likely consequences for the people affected (Art. 33(3)(c))]',
      'Risk assessment: [to be completed: risk assessment]',
      'Type: [to be completed: type of incident]',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    // Not yet late against "now" (due 2 November, 2:00 am): no delay section.
    assert.ok(!text.includes('why the notification comes later'));
  });
});

describe('drafts: gdpr-art34', () => {
  it('tells the people affected in plain language with the Art. 34(2) contents, in German and English', () => {
    const de = render('gdpr-art34', FULL);
    for (const expected of [
      'Information über eine Verletzung des Schutzes Ihrer personenbezogenen Daten (Art. 34 DSGVO)',
      'Was ist passiert?',
      'Am Montag, 30. Oktober 2023, 2:15 Uhr hat Kommunal-IT Musterland AöR festgestellt',
      'Was kann das für Sie bedeuten?\n------------------------------\nBetrugsversuche mit Namen und Anschriften sind möglich.',
      'Was tun wir?\n------------\n[noch offen: was wir getan haben und tun, und was Sie selbst tun können]',
      'Datenschutzbeauftragte(r): Datenschutzbeauftragte der Kommunal-IT, E-Mail datenschutz@kommunal-it.example',
    ]) {
      assert.ok(de.includes(expected), `missing: ${expected}\n---\n${de}`);
    }
    const en = render('gdpr-art34', FULL, 'text', 'en');
    for (const expected of ['Information about a breach of your personal data (GDPR Art. 34)', 'What this can mean for you', 'Who can answer your questions', 'Confidential draft']) {
      assert.ok(en.includes(expected), `missing: ${expected}`);
    }
    assert.ok(!de.includes('BSI-2023-4711') && !de.includes('203.0.113.45'), 'no internal references in the notice to citizens');
  });
});

describe('drafts: NIS2', () => {
  it('early warning: suspected malicious cause and cross-border impact, with the stage clock', () => {
    const text = render('nis2-early-warning', FULL);
    for (const expected of [
      'Frühe Erstmeldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. a NIS2, § 32 BSIG)',
      'Einrichtung: Kommunal-IT Musterland AöR',
      'Ansprechperson für die Meldestelle: Krisenstab Kommunal-IT, Telefon +49 2921 000099',
      'Fällig: Dienstag, 31. Oktober 2023, 7:30 Uhr',
      'Abgegeben: Montag, 30. Oktober 2023, 18:00 Uhr',
      'Verdacht auf rechtswidrige oder böswillige Ursache: ja',
      'Mögliche grenzüberschreitende Auswirkungen: nein',
      'Aktenzeichen der Meldestelle: BSI-2023-4711',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    const en = render('nis2-early-warning', BARE.replace('contacts: []', 'nis2:\n  applies: yes\ncontacts: []'), 'text');
    assert.ok(en.includes('Suspected unlawful or malicious cause: [to be completed: whether an unlawful or malicious act is suspected]'));
    assert.ok(en.includes('Possible cross-border impact: [to be completed: whether the incident can have a cross-border impact]'));
  });

  it('notification: first assessment of severity and impact, and the IoCs', () => {
    const text = render('nis2-notification', FULL, 'text', 'en');
    for (const expected of [
      'Incident notification (NIS2 Art. 23(4)(b), § 32 BSIG)',
      'Due: Thursday, 2 November 2023, 7:30 am (11 hours left)',
      'Early warning sent: Monday, 30 October 2023, 6:00 pm',
      'First assessment of severity and impact',
      'Severity: critical',
      '  - 203.0.113.45',
      '  - update-check.example.net',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
  });

  it('final report: due one month after the notification; a progress report while unresolved', () => {
    const notified = FULL.replace('  suspected_malicious: yes', '  notification_at: 2023-11-01T10:00:00+01:00\n  suspected_malicious: yes');
    const text = render('nis2-final-report', notified);
    for (const expected of [
      'Abschlussmeldung (Art. 23 Abs. 4 lit. d NIS2, § 32 BSIG)',
      'Fällig: Freitag, 1. Dezember 2023, 10:00 Uhr (noch 29 Tagen)'.replace('Tagen', 'Tage'),
      'Fortschrittsbericht',
      'Grundursache: [noch offen: Art der Bedrohung oder Grundursache, die den Vorfall wahrscheinlich ausgelöst hat]',
      'Getroffene und laufende Abhilfemaßnahmen: [noch offen: getroffene und laufende Abhilfemaßnahmen]',
      'Grenzüberschreitende Auswirkungen: nein',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    assert.ok(render('nis2-final-report', FULL).includes('Fällig: [noch offen: einen Monat nach der Meldung (nis2.notification_at nicht erfasst)]'));
  });
});

describe('drafts: formats', () => {
  const hostile = FULL.replace('Ransomware-Angriff auf den kommunalen IT-Dienstleister', '<script>alert(1)</script> *fett* [x](http://evil.example)');

  it('HTML is a self-contained page that escapes every value and marks gaps', () => {
    const html = render('gdpr-art33', hostile, 'html');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="de">/);
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
    assert.ok(html.includes('<p class="confidential" role="note">Vertraulich'));
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('<span class="gap">[noch offen: ungefähre Zahl der Datensätze]</span>'));
  });

  it('Markdown escapes report values so they cannot add markup', () => {
    const md = render('gdpr-art33', hostile, 'md');
    assert.ok(md.startsWith('> **Vertraulich'));
    assert.ok(md.includes('\\<script\\>alert(1)\\</script\\> \\*fett\\* \\[x\\](http://evil.example)'));
    assert.ok(md.includes('## 1\\. Verantwortlicher und Anlaufstelle') || md.includes('## 1. Verantwortlicher und Anlaufstelle'));
  });
});

describe('publication model: Art. 34(2) contents', () => {
  it('likely consequences and the DPO are public only with disproportionate_effort; measures never, public_measures always', () => {
    const withMeasures = FULL.replace('  art34_exemption:', '  measures: Konten gesperrt, Strafanzeige erstattet.\n  art34_exemption:');
    const release = renderPressRelease(parseReport(withMeasures), { now: NOW });
    for (const out of [release.html, release.text.replace(/\s+/g, ' ')]) {
      assert.ok(out.includes('Information für die Betroffenen') || out.includes('INFORMATION FÜR DIE BETROFFENEN'), 'the public communication has its own section');
      assert.ok(out.includes('Betrugsversuche mit Namen und Anschriften sind möglich.'));
      assert.ok(out.includes('Die betroffenen Systeme sind vom Netz getrennt'), 'public_measures are printed');
      assert.ok(out.includes('Seien Sie misstrauisch bei Anrufen'), 'the advice is printed');
      assert.ok(out.includes('datenschutz@kommunal-it.example'));
      assert.ok(!out.includes('Konten gesperrt'), 'measures stay internal, for the authorities');
    }
    const art34 = buildModel(parseReport(withMeasures)).art34!;
    assert.deepEqual(
      { ...art34, contacts: art34.contacts.map((c) => c.email) },
      {
        nature: 'Daten wurden zerstört oder unbrauchbar gemacht. Personenbezogene Daten sind betroffen. Ob Daten abgeflossen sind, wird noch untersucht.',
        categories: ['Meldedaten (Name, Anschrift, Geburtsdatum)'],
        subjects: 'rund 120.000',
        consequences: 'Betrugsversuche mit Namen und Anschriften sind möglich.',
        measures: 'Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut; die Polizei ermittelt.',
        advice: 'Seien Sie misstrauisch bei Anrufen, Briefen und E-Mails, die sich auf den Angriff beziehen.',
        contacts: ['datenschutz@kommunal-it.example'],
      },
    );

    const internal = withMeasures.replace('  art34_exemption: disproportionate_effort\n', '  art34_exemption: encrypted\n');
    const plain = renderPressRelease(parseReport(internal), { now: NOW });
    for (const out of [plain.text.replace(/\s+/g, ' '), plain.html]) {
      assert.ok(!out.includes('Betrugsversuche'), 'likely_consequences stays internal');
      assert.ok(!out.includes('Konten gesperrt'), 'measures stay internal');
      assert.ok(!out.includes('BSI-2023-4711'), 'the BSI reference stays internal');
      assert.ok(out.includes('Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut'), 'public_measures are public in every release');
      assert.ok(!out.includes('Information für die Betroffenen') && !out.includes('INFORMATION FÜR DIE BETROFFENEN'));
    }
    assert.equal(buildModel(parseReport(internal)).art34, null);
  });
});

describe('leak rules: Art. 34(2) contents', () => {
  it('scan likely_consequences only when published, public_measures always, measures never', async () => {
    const { createLinter } = await import('../../src/core');
    const linter = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => NOW });
    const ips = (text: string) => linter.lint(text).findings.filter((f) => f.ruleId === 'leak-ip').map((f) => `${f.line}:${f.column} ${f.path}`);
    const leaky = FULL.replace('  art34_exemption:', '  measures: Firewall 10.20.30.40 neu konfiguriert.\n  art34_exemption:');
    assert.deepEqual(ips(leaky), [], 'measures are internal even with a public communication');
    const consequences = FULL.replace('Betrugsversuche mit Namen und Anschriften sind möglich.', 'Betrug über 10.20.30.40 möglich.');
    assert.deepEqual(ips(consequences), ['29:36 /data_loss/likely_consequences']);
    assert.deepEqual(ips(consequences.replace('art34_exemption: disproportionate_effort', 'art34_exemption: encrypted')), []);
    const publicMeasures = FULL.replace('und werden neu aufgebaut', 'und 10.20.30.40 wird neu aufgebaut');
    assert.deepEqual(ips(publicMeasures), ['30:71 /data_loss/public_measures']);
    assert.deepEqual(ips(publicMeasures.replace('art34_exemption: disproportionate_effort', 'art34_exemption: encrypted')), ['30:71 /data_loss/public_measures']);
  });
});

