import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ART33_FORM, ART33_NOTICE_FORM, ART34_FORM, NIS2_FORMS, parseReport, renderPressRelease, type DraftDocument } from '../../src/core';
import { CONFIDENTIAL_OUTPUTS, OUTPUTS, PUBLIC_OUTPUTS, findOutput, type ConfidentialOutput } from '../../src/core/render/outputs';
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

/** Every fact every form asks for, filled (German): no item of any draft may show a gap for it. */
const COMPLETE = FULL.replace('lang: de\n', 'lang: de\norganization_address: Am Markt 1, 59494 Soest\naffected_organizations:\n  - Stadt Werne\n')
  .replace('    workaround: Dringende Fälle werden auf Papier bearbeitet.\n', '    workaround: Dringende Fälle werden auf Papier bearbeitet.\n    restored_at: 2023-11-02T12:00:00+01:00\n')
  .replace('  published_at: 2023-10-30T16:00:00+01:00\n', '  contained_at: 2023-10-30T09:00:00+01:00\n  published_at: 2023-10-30T16:00:00+01:00\n')
  .replace('  subjects_approx: 120000\n', '  subjects_approx: 120000\n  records_approx: 240000\n  authority_notified_at: 2023-11-01T18:00:00+01:00\n  authority_reference: LDI-2023-04711\n  role: both\n  controllers:\n    - name: Stadt Werne\n      notified_at: 2023-10-30T12:00:00+01:00\n  breach_type:\n    - availability\n  special_categories: no\n  subject_categories:\n    - Einwohnerinnen und Einwohner\n  social_data: no\n  risk_reason: Meldedaten erlauben gezielte Betrugsversuche.\n  subjects_informed_how: public\n  measures: Konten gesperrt, Strafanzeige erstattet.\n')
  .replace('  applies: yes\n', '  entity: important\n  significant: yes\n  aware_at: 2023-10-30T02:15:00+01:00\n  notification_at: 2023-11-01T10:00:00+01:00\n  progress_report_at: 2023-11-30T10:00:00+01:00\n  handled_at: 2023-11-10T17:00:00+01:00\n  final_report_at: 2023-11-30T12:00:00+01:00\n  root_cause: Zugang über ein VPN-Konto ohne zweiten Faktor.\n  mitigation: Netze getrennt, Systeme neu aufgesetzt.\n')
  .replace('authorities:', 'authorities:')
  .replace('contacts:\n', 'authorities:\n  - name: Polizeipräsidium Dortmund\n    role: law_enforcement\ncontacts:\n  - role: authority_contact\n    name: Jana Beispiel\n    function: Informationssicherheitsbeauftragte\n    phone: +49 2921 000100\n    email: isb@kommunal-it.example\n  - role: hotline\n    name: Bürgertelefon\n    phone: +49 2921 000010\n');

/** Items a bare report still answers (a default, a computed value or "none recorded"), per form: every other item is a gap. */
const ANSWERED_WHEN_BARE: Record<string, string[]> = {
  'gdpr-art33': ['1.1', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.5', '2.6', '2.7', '3.1', '4.1', '5.3', '5.4', '5.5', '9.1'],
  'gdpr-art33-controller': ['1.1', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.5', '2.6', '2.7', '2.8', '3.1', '4.1', '5.3', '5.4', '5.5', '9.1'],
  'gdpr-art34': ['1'],
  'nis2-early-warning': ['1.1', '1.2', '1.3', '1.5', '1.6', '1.7', '1.8', '2.1'],
  'nis2-notification': ['1.1', '1.2', '1.3', '1.5', '1.6', '1.7', '1.9', '2.2', '3.1', '3.3', '3.4', '3.6', '4.1'],
  'nis2-progress-report': ['1.1', '1.2', '1.3', '1.5', '1.7', '2.2', '3.1', '3.3', '3.4', '3.6'],
  'nis2-final-report': ['1.1', '1.2', '1.3', '1.5', '1.7', '2.1', '3.1', '3.3', '3.4', '3.6'],
};

/** The items of a draft as `number → values` (gaps as their text), in order. */
function itemsOf(document: DraftDocument): Array<{ number: string; label: string; values: Array<string | { gap: string }> }> {
  return document.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'item')).map((b) => b as { number: string; label: string; values: Array<string | { gap: string }> });
}

function draftOf(id: string, text: string, locale: 'de' | 'en', now = NOW): DraftDocument {
  const output = findOutput(id);
  assert.ok(output && output.audience === 'confidential');
  return output.draft(parseReport(text), { now, forceLocale: locale });
}

describe('drafts: registry', () => {
  it('lists the public channels as public outputs and the seven drafts as confidential', () => {
    assert.deepEqual(PUBLIC_OUTPUTS.map((o) => o.id), ['press-release', 'status-page', 'atom', 'social']);
    assert.deepEqual(CONFIDENTIAL_OUTPUTS.map((o) => o.id), ['gdpr-art33', 'gdpr-art33-controller', 'gdpr-art34', 'nis2-early-warning', 'nis2-notification', 'nis2-progress-report', 'nis2-final-report']);
    for (const output of CONFIDENTIAL_OUTPUTS) assert.deepEqual(output.formats, ['text', 'html', 'md']);
    assert.deepEqual([ART33_FORM, ART33_NOTICE_FORM, ART34_FORM, ...NIS2_FORMS].map((f) => f.id), CONFIDENTIAL_OUTPUTS.map((o) => o.id));
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

describe('drafts: every form item, in the form\'s order, filled and as a gap, in both languages', () => {
  const COMPLETE_NOW = Date.parse('2023-12-20T12:00:00+01:00');
  for (const form of [ART33_FORM, ART33_NOTICE_FORM, ART34_FORM, ...NIS2_FORMS]) {
    for (const locale of ['de', 'en'] as const) {
      it(`${form.id} (${locale})`, () => {
        const expected = form.sections.flatMap((section) => section.items.map((item) => ({ number: item.number, label: item.label[locale] })));
        // Filled: every item of the form, in its order, none a gap.
        const full = itemsOf(draftOf(form.id, COMPLETE, locale, COMPLETE_NOW));
        assert.deepEqual(full.map((i) => [i.number, i.label]), expected.map((i) => [i.number, i.label]));
        // An item no report field holds (measures before the incident) stays a gap for the author to fill in the form.
        const fieldless = new Set(form.sections.flatMap((s) => s.items.filter((item) => item.fields.length === 0).map((item) => item.number)));
        for (const item of full) {
          const filled = item.values.length > 0 && item.values.every((v) => typeof v === 'string');
          assert.equal(filled, !fieldless.has(item.number), `${form.id} ${item.number}: ${JSON.stringify(item.values)}`);
        }
        // Bare: the same items (a first notification has no reference section), each a gap unless answered by default.
        const bare = itemsOf(draftOf(form.id, BARE_ALL, locale));
        const firstNotification = expected.filter((i) => !i.number.startsWith('0.'));
        assert.deepEqual(bare.map((i) => [i.number, i.label]), firstNotification.map((i) => [i.number, i.label]));
        const answered = bare.filter((i) => i.values.every((v) => typeof v === 'string')).map((i) => i.number);
        assert.deepEqual(answered, ANSWERED_WHEN_BARE[form.id]);
      });
    }
  }
});

/** The bare report with an answered NIS2 block, so the NIS2 drafts have a clock. */
const BARE_ALL = BARE.replace('contacts: []', 'nis2:\n  applies: yes\ncontacts: []');

describe('drafts: gdpr-art33', () => {
  it('German: the form\'s items with their values and gaps, and the phased notification', () => {
    const text = render('gdpr-art33', FULL);
    for (const expected of [
      'Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)',
      '1.1 Name des Verantwortlichen (beim Auftragsverarbeiter: des Auftragsverarbeiters): Kommunal-IT Musterland AöR',
      '1.3 Datenschutzbeauftragte(r) oder sonstige Anlaufstelle: Datenschutzbeauftragte der Kommunal-IT, E-Mail datenschutz@kommunal-it.example',
      '1.4 Meldende Person: [noch offen: Name, Funktion und Kontaktdaten der meldenden Person (Kontakt authority_contact)]',
      '2.3 Kenntnis von der Verletzung: Montag, 30. Oktober 2023, 7:30 Uhr',
      '2.1 Beginn der Verletzung: Montag, 30. Oktober 2023, 1:01 Uhr',
      '2.2 Entdeckt: Montag, 30. Oktober 2023, 2:15 Uhr',
      '2.4 Eingedämmt: [noch offen: wann die Verletzung eingedämmt wurde (noch nicht erfasst)]',
      '2.6 Meldung fällig: Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden)',
      '3.2 Art des Vorfalls: Ransomware-Angriff',
      '4.2 Kategorien personenbezogener Daten: Meldedaten (Name, Anschrift, Geburtsdatum)',
      '4.5 Ungefähre Zahl der Datensätze: [noch offen: ungefähre Zahl der Datensätze]',
      '5.2 Ungefähre Zahl der Personen: rund 120.000',
      '7.1 Wahrscheinliche Folgen: Betrugsversuche mit Namen und Anschriften sind möglich.',
      '8.1 Maßnahmen einschließlich Abmilderung: [noch offen: ergriffene oder vorgeschlagene Maßnahmen einschließlich Abmilderung]',
      '10. Meldung in Schritten (Art. 33 Abs. 4)',
      'Dies ist eine Erstmeldung.',
      '  - ob Daten abgeflossen sind (wird untersucht)',
      '  - ungefähre Zahl der Datensätze',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
  });

  it('English (--locale overrides the report language) with the same structure', () => {
    const text = render('gdpr-art33', FULL, 'text', 'en');
    for (const expected of [
      'Notification of a personal data breach to the supervisory authority (GDPR Art. 33)',
      '1.3 Data protection officer or other contact point: Datenschutzbeauftragte der Kommunal-IT, e-mail datenschutz@kommunal-it.example',
      '2.3 Became aware of the breach: Monday, 30 October 2023, 7:30 am',
      '2.6 Notification due: Thursday, 2 November 2023, 7:30 am (11 hours left)',
      '5.2 Approximate number of people: about 120,000',
      '10. Phased notification (Art. 33(4))',
      '8.1 Measures, incl. mitigation: [to be completed: measures taken or proposed, incl. mitigation]',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
  });

  it('a late notification asks for the delay reason, or shows it', () => {
    const late = FULL.replace('  risk: high\n', '  risk: high\n  authority_notified_at: 2023-11-03T10:00:00+01:00\n');
    assert.ok(render('gdpr-art33', late).includes('2.7 Gründe für eine Verzögerung: [noch offen: warum die Meldung später als nach 72 Stunden erfolgt (delay_reason)]'));
    const reasoned = late.replace('  risk: high\n', '  risk: high\n  delay_reason: Die betroffenen Daten ließen sich erst nach der Forensik bestimmen.\n');
    assert.ok(render('gdpr-art33', reasoned).includes('2.7 Gründe für eine Verzögerung: Die betroffenen Daten ließen sich erst nach der Forensik bestimmen.'));
    assert.ok(render('gdpr-art33', FULL).includes('2.7 Gründe für eine Verzögerung: nicht erforderlich (binnen 72 Stunden)'));
  });

  it('after the first notification: a follow-up with the file number and the first notification; --initial renders the first one again, never calling it new', () => {
    const sent = FULL.replace('  risk: high\n', '  risk: high\n  authority_notified_at: 2023-11-01T18:00:00+01:00\n  authority_reference: LDI-2023-04711\n');
    const follow = render('gdpr-art33', sent, 'text', 'en');
    assert.ok(follow.includes('Follow-up notification of a personal data breach to the supervisory authority (GDPR Art. 33(4))'));
    assert.ok(follow.includes('0.1 File number of the supervisory authority: LDI-2023-04711'));
    assert.ok(follow.includes('0.2 First notification sent: Wednesday, 1 November 2023, 6:00 pm'));
    assert.ok(follow.includes('This follow-up supplements the first notification of Wednesday, 1 November 2023, 6:00 pm with the facts as they now stand.'));
    const initial = (findOutput('gdpr-art33') as ConfidentialOutput).render([parseReport(sent)], 'text', { now: NOW, initial: true });
    assert.ok(initial.startsWith('*** Vertraulich'));
    assert.ok(initial.includes('Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)'));
    for (const out of [follow, initial, render('gdpr-art33', sent)]) {
      assert.ok(!out.includes('Dies ist eine Erstmeldung') && !out.includes('This is a first notification'), out);
    }
    // The file number recorded only with the data protection authority (authorities[].reference, printed in 9.1) fills 0.1, named.
    const listed = sent.replace('  authority_reference: LDI-2023-04711\n', '').replace('contacts:\n', 'authorities:\n  - name: Polizei Soest\n    role: law_enforcement\n    reference: ST-0815\n  - name: LDI NRW\n    role: data_protection\n    notified_at: 2023-11-01T18:00:00+01:00\n    reference: LDI-2023-04711\ncontacts:\n');
    assert.ok(render('gdpr-art33', listed).includes('\n0.1 Aktenzeichen der Aufsichtsbehörde: LDI-2023-04711 (unter authorities erfasst: LDI NRW)\n'));
    // Two data protection authorities with file numbers: which one is meant is not known, so the gap stays.
    const two = listed.replace('contacts:\n', 'contacts:\n').replace('    reference: LDI-2023-04711\n', '    reference: LDI-2023-04711\n  - name: BayLfD\n    role: data_protection\n    reference: BayLfD-77\n');
    assert.ok(render('gdpr-art33', two).includes('\n0.1 Aktenzeichen der Aufsichtsbehörde: [noch offen: das Aktenzeichen, das die Behörde der Erstmeldung gegeben hat (data_loss.authority_reference)]\n'));
    // Without the file number the follow-up shows the gap.
    assert.ok(render('gdpr-art33', sent.replace('  authority_reference: LDI-2023-04711\n', '')).includes('0.1 Aktenzeichen der Aufsichtsbehörde: [noch offen: das Aktenzeichen, das die Behörde der Erstmeldung gegeben hat (data_loss.authority_reference)]'));
  });

  it('a processor renders the notice to its controllers (Art. 33(2)), with no 72 hours, addressed to one controller', () => {
    const processor = FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n      notified_at: 2023-10-30T12:00:00+01:00\n    - name: Gemeinde Wickede (Ruhr)\n');
    const notice = (id: string, controller?: string) => (findOutput(id) as ConfidentialOutput).render([parseReport(processor)], 'text', { now: NOW, ...(controller !== undefined ? { controller } : {}) });
    // gdpr-art33 of a processor is this notice, as gdpr-art33-controller is.
    assert.equal(notice('gdpr-art33'), notice('gdpr-art33-controller'));
    const text = notice('gdpr-art33-controller', 'Gemeinde Wickede (Ruhr)');
    assert.ok(text.includes('Information des Verantwortlichen über eine Verletzung des Schutzes personenbezogener Daten (Art. 33 Abs. 2 DSGVO)'));
    assert.ok(text.includes('\nAn: Gemeinde Wickede (Ruhr)\n'), text);
    // "wir (…)": the organisation's name reads right with or without an article ("Stadt …"); the
    // notice speaks to the one controller it goes to.
    assert.ok(text.includes('Als Auftragsverarbeiter informieren wir (Kommunal-IT Musterland AöR) Sie als Verantwortlichen (Gemeinde Wickede (Ruhr)) über eine Verletzung des Schutzes der personenbezogenen Daten, die wir in Ihrem Auftrag verarbeiten (Art. 33 Abs. 2 DSGVO), damit Sie Ihre Aufsichtsbehörde benachrichtigen können (Art. 33 Abs. 1).'), text);
    // The data and people are the whole incident's: the other controllers' too.
    assert.ok(text.includes('Die Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall, nicht nur auf die in Ihrem Auftrag verarbeiteten Daten.'), text);
    assert.ok(text.includes('\n1.6 Verantwortlicher, an den diese Information geht: Gemeinde Wickede (Ruhr)\n'), text);
    // One controller never learns of the others, nor of whom the processor has not told yet.
    assert.ok(!text.includes('Stadt Werne') && !text.includes('noch nicht informiert'), text);
    assert.ok(text.includes('2.6 Meldung fällig: an jeden Verantwortlichen unverzüglich nach Kenntnisnahme (Art. 33 Abs. 2)'));
    assert.ok(!text.includes('DSGVO-Meldung: fällig'));
    // Several controllers and none chosen: the addressee is a gap naming them, one notice each.
    const open = notice('gdpr-art33-controller');
    const gap = '[noch offen: an welchen Verantwortlichen diese Information geht (eine Information je Verantwortlichem): Stadt Werne; Gemeinde Wickede (Ruhr)]';
    assert.ok(open.includes(`\nAn: ${gap}\n`) && open.includes(`\n1.6 Verantwortlicher, an den diese Information geht: ${gap}\n`), open);
    // A name that is no controller of the report is a gap naming it, never a notice to it.
    const unknown = notice('gdpr-art33-controller', 'Stadt Unna');
    assert.ok(unknown.includes('\nAn: [noch offen: an welchen Verantwortlichen diese Information geht: „Stadt Unna“ steht nicht unter data_loss.controllers (Stadt Werne; Gemeinde Wickede (Ruhr))]\n'), unknown);
    // The only controller needs no choosing.
    const one = render('gdpr-art33-controller', FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n'), 'text', 'en');
    assert.ok(one.includes('\nTo: Stadt Werne\n') && one.includes('As processor, we (Kommunal-IT Musterland AöR) inform you as controller (Stadt Werne) of a breach of the personal data we process on your behalf (Art. 33(2) GDPR), so that you can notify your supervisory authority (Art. 33(1)).'), one);
    assert.ok(!one.includes('whole incident'), one);
  });

  it('role both gets the notification to its supervisory authority and the notice to its controllers', () => {
    const both = FULL.replace('  risk: high\n', '  risk: high\n  role: both\n  controllers:\n    - name: Stadt Werne\n');
    const art33 = render('gdpr-art33', both);
    assert.equal(art33.split('\n')[2], 'Meldung einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 DSGVO)');
    assert.ok(art33.includes('DSGVO-Meldung: fällig bis Donnerstag, 2. November 2023, 7:30 Uhr'), art33);
    assert.ok(art33.includes('\n1.6 Verantwortliche, in deren Auftrag verarbeitet wird: Stadt Werne, noch nicht informiert\n'), art33);
    const notice = render('gdpr-art33-controller', both);
    assert.equal(notice.split('\n')[2], 'Information des Verantwortlichen über eine Verletzung des Schutzes personenbezogener Daten (Art. 33 Abs. 2 DSGVO)');
    assert.ok(notice.includes('\nAn: Stadt Werne\n'), notice);
    assert.ok(notice.includes('1.5 Rolle für die betroffenen Daten: Auftragsverarbeiter'), notice);
    assert.ok(notice.includes('2.6 Meldung fällig: an jeden Verantwortlichen unverzüglich nach Kenntnisnahme (Art. 33 Abs. 2)'), notice);
    assert.ok(notice.includes('2.7 Gründe für eine Verzögerung: entfällt (Art. 33 Abs. 2: unverzüglich, keine feste Stundenfrist)'), notice);
    // Its own data is in the same report: the counts are the whole incident's.
    assert.ok(notice.includes('beziehen sich auf den gesamten Vorfall'), notice);
    assert.ok(!notice.includes('DSGVO-Meldung: fällig') && !notice.includes('Erstmeldung'), notice);
    // A controller alone has no controllers to inform: the notice says so instead of inventing one.
    const controller = render('gdpr-art33-controller', FULL, 'text', 'en');
    assert.ok(controller.includes('Not due: data_loss.role is controller, so no processor notice goes to a controller (Art. 33(2)); for data processed on behalf of others set data_loss.role to processor or both and list the controllers.'), controller);
  });

  it('the notice says when the controller it goes to was told (its notified_at), else a gap naming it; with several controllers the counts say they are the whole incident\'s', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    const processor = FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  records_approx: 240000\n  controllers:\n    - name: Stadt Werne\n      notified_at: 2023-10-30T12:00:00+01:00\n    - name: Gemeinde Wickede (Ruhr)\n');
    const notice = (text: string, controller?: string, locale?: 'en') => (findOutput('gdpr-art33-controller') as ConfidentialOutput).render([parseReport(text)], 'text', { now: NOW, ...(controller !== undefined ? { controller } : {}), ...(locale ? { forceLocale: locale } : {}) });
    assert.equal(line(notice(processor, 'Stadt Werne'), '2.8'), '2.8 Information an diesen Verantwortlichen: Montag, 30. Oktober 2023, 12:00 Uhr');
    assert.equal(line(notice(processor, 'Stadt Werne', 'en'), '2.8'), '2.8 This controller informed: Monday, 30 October 2023, 12:00 pm');
    const wickede = notice(processor, 'Gemeinde Wickede (Ruhr)');
    assert.equal(line(wickede, '2.8'), '2.8 Information an diesen Verantwortlichen: [noch offen: wann Gemeinde Wickede (Ruhr) informiert wurde (data_loss.controllers[].notified_at; beim Versand dieser Information festhalten)]');
    assert.equal(line(notice(processor, 'Gemeinde Wickede (Ruhr)', 'en'), '2.8'), '2.8 This controller informed: [to be completed: when Gemeinde Wickede (Ruhr) was informed (data_loss.controllers[].notified_at; record it when this notice is sent)]');
    // Nobody chosen among several: which one is open (1.6), so is when it was told.
    assert.equal(line(notice(processor), '2.8'), '2.8 Information an diesen Verantwortlichen: [noch offen: wann dieser Verantwortliche informiert wurde (data_loss.controllers[].notified_at); an welchen, siehe 1.6]');
    // Written but unreadable: a gap naming the value, never "not informed".
    assert.equal(line(notice(processor.replace('notified_at: 2023-10-30T12:00:00+01:00', 'notified_at: gestern'), 'Stadt Werne'), '2.8'), '2.8 Information an diesen Verantwortlichen: [noch offen: wann Stadt Werne informiert wurde: data_loss.controllers[].notified_at „gestern“ ist kein Zeitpunkt mit Offset]');
    // The counts are the whole incident's where other controllers are in the report: never copied as this controller's own.
    assert.equal(line(wickede, '4.5'), '4.5 Ungefähre Zahl der Datensätze: rund 240.000 (gesamter Vorfall, nicht nur die in Ihrem Auftrag verarbeiteten Daten)');
    assert.equal(line(wickede, '5.2'), '5.2 Ungefähre Zahl der Personen: rund 120.000 (gesamter Vorfall, nicht nur die in Ihrem Auftrag verarbeiteten Daten)');
    assert.equal(line(notice(processor, 'Stadt Werne', 'en'), '5.2'), '5.2 Approximate number of people: about 120,000 (the whole incident, not only the data processed on your behalf)');
    // The only controller: the counts are its own.
    const only = notice(processor.replace('    - name: Gemeinde Wickede (Ruhr)\n', ''));
    assert.equal(line(only, '5.2'), '5.2 Ungefähre Zahl der Personen: rund 120.000');
    // A count not given stays the gap it was.
    assert.equal(line(notice(processor.replace('  records_approx: 240000\n', ''), 'Stadt Werne'), '4.5'), '4.5 Ungefähre Zahl der Datensätze: [noch offen: ungefähre Zahl der Datensätze]');
  });

  it('the notice carries the controller\'s own figures where its entry gives them (no "whole incident" mark), else the whole incident\'s, marked', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    const intro = (text: string) => text.split('\n').find((l) => l.startsWith('Die Angabe') || l.startsWith('Item') || l.includes('sections 4 and 5') || l.includes('Abschnitte 4 und 5'));
    const processor = FULL.replace(
      '  risk: high\n',
      '  risk: high\n  role: processor\n  records_approx: 240000\n  subject_categories:\n    - Einwohnerinnen und Einwohner\n    - Beschäftigte\n  controllers:\n' +
        '    - name: Stadt Werne\n      notified_at: 2023-10-30T12:00:00+01:00\n      subjects_approx: 30000\n      records_approx: 60000\n      data_categories:\n        - Meldedaten (Name, Anschrift, Geburtsdatum)\n      subject_categories:\n        - Beschäftigte\n' +
        '    - name: Gemeinde Wickede (Ruhr)\n      subjects_approx: 12000\n',
    );
    const notice = (text: string, controller: string, locale: 'de' | 'en') => (findOutput('gdpr-art33-controller') as ConfidentialOutput).render([parseReport(text)], 'text', { now: NOW, controller, forceLocale: locale });
    // All four of its own: no item is marked, the intro names them.
    const werne = notice(processor, 'Stadt Werne', 'de');
    assert.equal(intro(werne), 'Die Angaben 4.2, 4.5, 5.1 und 5.2 betreffen die in Ihrem Auftrag verarbeiteten Daten; die übrigen Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall.');
    assert.equal(line(werne, '4.2'), '4.2 Kategorien personenbezogener Daten: Meldedaten (Name, Anschrift, Geburtsdatum)');
    assert.equal(line(werne, '4.5'), '4.5 Ungefähre Zahl der Datensätze: rund 60.000');
    assert.equal(line(werne, '5.1'), '5.1 Kategorien betroffener Personen: Beschäftigte');
    assert.equal(line(werne, '5.2'), '5.2 Ungefähre Zahl der Personen: rund 30.000');
    const werneEn = notice(processor, 'Stadt Werne', 'en');
    assert.equal(intro(werneEn), 'Items 4.2, 4.5, 5.1 and 5.2 are those of the data processed on your behalf; the other data and people in sections 4 and 5 are those of the whole incident.');
    assert.equal(line(werneEn, '4.5'), '4.5 Approximate number of records: about 60,000');
    assert.equal(line(werneEn, '5.1'), '5.1 Categories of people: Beschäftigte');
    assert.equal(line(werneEn, '5.2'), '5.2 Approximate number of people: about 30,000');
    // Only its count of people: the rest is the whole incident's, the count of records marked.
    const wickede = notice(processor, 'Gemeinde Wickede (Ruhr)', 'de');
    assert.equal(intro(wickede), 'Die Angabe 5.2 betrifft die in Ihrem Auftrag verarbeiteten Daten; die übrigen Angaben zu Daten und Personen (Abschnitte 4 und 5) beziehen sich auf den gesamten Vorfall, nicht nur auf die in Ihrem Auftrag verarbeiteten Daten.');
    assert.equal(line(wickede, '4.5'), '4.5 Ungefähre Zahl der Datensätze: rund 240.000 (gesamter Vorfall, nicht nur die in Ihrem Auftrag verarbeiteten Daten)');
    assert.ok(wickede.includes('\n5.1 Kategorien betroffener Personen:\n  - Einwohnerinnen und Einwohner\n  - Beschäftigte\n5.2 '), wickede);
    assert.equal(line(wickede, '5.2'), '5.2 Ungefähre Zahl der Personen: rund 12.000');
    const wickedeEn = notice(processor, 'Gemeinde Wickede (Ruhr)', 'en');
    assert.equal(intro(wickedeEn), 'Item 5.2 is that of the data processed on your behalf; the other data and people in sections 4 and 5 are those of the whole incident, not only the data processed on your behalf.');
    assert.equal(line(wickedeEn, '4.5'), '4.5 Approximate number of records: about 240,000 (the whole incident, not only the data processed on your behalf)');
    assert.equal(line(wickedeEn, '5.2'), '5.2 Approximate number of people: about 12,000');
    // Its own count written but unreadable: a gap naming it, never the whole incident's in its place.
    const unreadable = notice(processor.replace('      subjects_approx: 30000\n', '      subjects_approx: ca. 30.000\n'), 'Stadt Werne', 'de');
    assert.equal(line(unreadable, '5.2'), '5.2 Ungefähre Zahl der Personen: [noch offen: ungefähre Zahl der betroffenen Personen: data_loss.controllers[0].subjects_approx „ca. 30.000“ ist keine ganze Zahl]');
  });

  it('an answer "unknown" is a gap naming its field (data_loss.occurred, incident_type, data_loss.risk), once in the list of what is still open', () => {
    const unknown = FULL.replace('  occurred: yes', '  occurred: unknown').replace('incident_type: ransomware', 'incident_type: unknown').replace('  risk: high', '  risk: unknown');
    const de = render('gdpr-art33', unknown);
    assert.ok(de.includes('3.4 Datenverlust und Datenabfluss:\n  - [noch offen: ob Daten verloren gingen (data_loss.occurred)]\n  - möglicher Datenabfluss wird geprüft\n'), de);
    assert.ok(de.includes('\n3.2 Art des Vorfalls: [noch offen: Art des Vorfalls (incident_type)]\n'), de);
    assert.ok(de.includes('\n7.2 Risikobewertung: [noch offen: Risikobewertung (data_loss.risk)]\n'), de);
    assert.equal(de.split('\n').filter((l) => l.includes('ob Daten verloren gingen')).length, 2, de);
    assert.ok(de.includes('\n  - ob Daten verloren gingen (data_loss.occurred)\n'), de);
    const en = render('gdpr-art33', unknown.replace('  exfiltration: under_investigation\n', ''), 'text', 'en');
    assert.ok(en.includes('3.4 Data lost or exfiltrated:\n  - [to be completed: whether data was lost (data_loss.occurred)]\n  - [to be completed: whether data was exfiltrated (data_loss.exfiltration)]\n'), en);
    assert.ok(en.includes('\n3.2 Type of incident: [to be completed: type of incident (incident_type)]\n') && en.includes('\n7.2 Risk assessment: [to be completed: risk assessment (data_loss.risk)]\n'), en);
    assert.ok(render('nis2-notification', unknown.replace('  exfiltration: under_investigation\n', ''), 'text', 'en').includes('\n3.4 Data exfiltration: [to be completed: whether data was exfiltrated (data_loss.exfiltration)]\n'));
  });

  it('2.6 and 2.7 say why no notification is due, case by case; personal data unknown runs the 72 hours as a precaution; a processor has no 72 hours', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    const unknown = render('gdpr-art33', FULL.replace('  personal_data: yes', '  personal_data: unknown'));
    assert.equal(line(unknown, '2.6'), '2.6 Meldung fällig: Donnerstag, 2. November 2023, 7:30 Uhr (noch 11 Stunden), vorsorglich: Ob personenbezogene Daten betroffen sind, ist noch offen; was noch nicht bekannt ist, kann schrittweise nachgereicht werden (Art. 33 Abs. 4)');
    assert.equal(line(unknown, '2.7'), '2.7 Gründe für eine Verzögerung: nicht erforderlich (binnen 72 Stunden)');
    // Past the 72 hours, a precautionary notification asks for the reasons for the delay like any other.
    const lateUnknown = render('gdpr-art33', FULL.replace('  personal_data: yes', '  personal_data: unknown').replace('  risk: high\n', '  risk: high\n  authority_notified_at: 2023-11-03T10:00:00+01:00\n'), 'text', 'en');
    assert.equal(line(lateUnknown, '2.7'), '2.7 Reasons for a delay: [to be completed: why the notification comes later than 72 hours (delay_reason)]');
    const no = render('gdpr-art33', FULL.replace('  personal_data: yes', '  personal_data: no'), 'text', 'en');
    assert.equal(line(no, '2.6'), '2.6 Notification due: not applicable: no personal data is affected');
    assert.equal(line(no, '2.7'), '2.7 Reasons for a delay: not applicable (no notification deadline runs, see 2.6)');
    const none = render('gdpr-art33', FULL.replace('  risk: high', '  risk: none'));
    assert.equal(line(none, '2.6'), '2.6 Meldung fällig: entfällt: Die Verletzung führt voraussichtlich nicht zu einem Risiko für die betroffenen Personen (Art. 33 Abs. 1); die Begründung ist die Dokumentation nach Art. 33 Abs. 5 (7.3)');
    const processor = render('gdpr-art33', FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n'), 'text', 'en');
    assert.equal(line(processor, '2.7'), '2.7 Reasons for a delay: not applicable (Art. 33(2): without undue delay, no fixed hours)');
  });

  it('an aware_at that is written but unreadable is a gap naming it, never "not recorded"; the clock runs from detection meanwhile', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    for (const value of ['gestern früh', '2023-10-31']) {
      const text = render('gdpr-art33', FULL.replace('  aware_at: 2023-10-30T07:30:00+01:00', `  aware_at: ${value}`));
      assert.equal(line(text, '2.3'), `2.3 Kenntnis von der Verletzung: [noch offen: wann die Organisation Kenntnis von der Verletzung erlangt hat: data_loss.aware_at „${value}“ ist kein Zeitpunkt mit Offset; bis zur Korrektur laufen die 72 Stunden ab der Entdeckung, Montag, 30. Oktober 2023, 2:15 Uhr]`);
      assert.equal(line(text, '2.6'), '2.6 Meldung fällig: Donnerstag, 2. November 2023, 2:15 Uhr (noch 6 Stunden)');
      const warning = render('nis2-early-warning', FULL.replace('  applies: yes', `  applies: yes\n  aware_at: ${value}`), 'text', 'en');
      assert.equal(line(warning, '1.5'), `1.5 Became aware of the significant incident: [to be completed: when the entity became aware of the significant incident: nis2.aware_at "${value}" is not a date and time with its offset; until it is corrected, the deadlines run from the detection, Monday, 30 October 2023, 2:15 am]`);
    }
    // Not written at all: the detection, said as such.
    assert.equal(line(render('gdpr-art33', FULL.replace('  aware_at: 2023-10-30T07:30:00+01:00\n', '')), '2.3'), '2.3 Kenntnis von der Verletzung: Montag, 30. Oktober 2023, 2:15 Uhr (Zeitpunkt der Entdeckung; aware_at nicht erfasst)');
  });

  it('an authority_notified_at that is written but unreadable is a gap naming it, never a silent "first notification" nor "overdue"', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    for (const value of ['gestern', '2023-11-01']) {
      const text = render('gdpr-art33', FULL.replace('  risk: high\n', `  risk: high\n  authority_notified_at: ${value}\n`));
      assert.ok(text.includes('Folgemeldung (ergänzende Meldung) einer Verletzung des Schutzes personenbezogener Daten an die Aufsichtsbehörde (Art. 33 Abs. 4 DSGVO)'), text);
      assert.ok(!text.includes('Dies ist eine Erstmeldung') && !text.includes('überfällig'), text);
      assert.equal(line(text, '0.2'), `0.2 Erstmeldung abgegeben am: [noch offen: wann die Erstmeldung abging: data_loss.authority_notified_at „${value}“ ist kein Zeitpunkt mit Offset]`);
      assert.equal(line(text, '2.6'), `2.6 Meldung fällig: [noch offen: ob die Meldung fristgerecht war (fällig Donnerstag, 2. November 2023, 7:30 Uhr): data_loss.authority_notified_at „${value}“ ist kein Zeitpunkt mit Offset]`);
      assert.ok(text.includes('\nDiese Folgemeldung ergänzt die Erstmeldung (Datum: siehe 0.2) um den aktuellen Stand. Folgendes wird ohne unangemessene weitere Verzögerung nachgereicht:\n'), text);
      // Past the 72 hours whether it was late is open too: the reason is asked for "if it did".
      const later = (findOutput('gdpr-art33') as ConfidentialOutput).render([parseReport(FULL.replace('  risk: high\n', `  risk: high\n  authority_notified_at: ${value}\n`))], 'text', { now: Date.parse('2023-11-05T12:00:00+01:00'), forceLocale: 'en' });
      assert.equal(line(later, '2.7'), `2.7 Reasons for a delay: [to be completed: why the notification came later than 72 hours, if it did (delay_reason): data_loss.authority_notified_at "${value}" is not a date and time with its offset]`);
      assert.ok(!later.includes('This is a first notification'), later);
    }
  });

  it('4.1 answers yes or no (it repeated its label), and 5.3 tells "not required" (Art. 34(3)(a), (b)) from "not individually" (c)', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    assert.equal(line(render('gdpr-art33', FULL), '4.1'), '4.1 Personenbezogene Daten betroffen: ja');
    assert.equal(line(render('gdpr-art33', FULL.replace('  personal_data: yes', '  personal_data: no'), 'text', 'en'), '4.1'), '4.1 Personal data affected: no');
    assert.equal(line(render('gdpr-art33', FULL.replace('  personal_data: yes', '  personal_data: unknown')), '4.1'), '4.1 Personenbezogene Daten betroffen: [noch offen: ob personenbezogene Daten betroffen sind]');
    assert.equal(line(render('gdpr-art33', FULL), '5.3'), '5.3 Benachrichtigung der Betroffenen (Art. 34): nicht einzeln, denn einzelne Benachrichtigung wäre unverhältnismäßig: stattdessen öffentliche Bekanntmachung (Art. 34 Abs. 3 lit. c)');
    const encrypted = FULL.replace('art34_exemption: disproportionate_effort', 'art34_exemption: encrypted');
    assert.equal(line(render('gdpr-art33', encrypted), '5.3'), '5.3 Benachrichtigung der Betroffenen (Art. 34): nicht erforderlich, denn die Daten waren für Unbefugte unlesbar, etwa verschlüsselt (Art. 34 Abs. 3 lit. a)');
    const mitigated = FULL.replace('art34_exemption: disproportionate_effort', 'art34_exemption: mitigated');
    assert.equal(line(render('gdpr-art33', mitigated, 'text', 'en'), '5.3'), '5.3 People informed (Art. 34): not required, because later measures mean the high risk is no longer likely (Art. 34(3)(b))');
  });

  it('9.1 lists the other authorities, never the data protection authority this notification goes to', () => {
    const authorities = 'authorities:\n  - name: Polizei Soest\n    role: law_enforcement\n    reference: ST-0815\n  - name: LDI NRW\n    role: data_protection\n    notified_at: 2023-11-01T18:00:00+01:00\n    reference: LDI-2023-04711\ncontacts:\n';
    const withAuthorities = FULL.replace('contacts:\n', authorities);
    assert.ok(render('gdpr-art33', withAuthorities).includes('\n9.1 Weitere beteiligte Behörden: Polizei Soest (Polizei oder Staatsanwaltschaft; Az. ST-0815)\n'));
    // Two data protection authorities: the one with the notification's file number is the recipient.
    const two = withAuthorities.replace('  risk: high\n', '  risk: high\n  authority_reference: LDI-2023-04711\n').replace('contacts:\n', '  - name: BayLfD\n    role: data_protection\ncontacts:\n');
    assert.ok(render('gdpr-art33', two, 'text', 'en').includes('\n9.1 Other authorities involved:\n  - Polizei Soest (police or public prosecutor; ref. ST-0815)\n  - BayLfD (data protection authority)\n9.2'));
    // A processor's notice goes to its controllers: the data protection authority is another authority there.
    const processor = withAuthorities.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n');
    assert.ok(render('gdpr-art33', processor).includes('\n  - LDI NRW (Datenschutzaufsichtsbehörde; informiert am Mittwoch, 1. November 2023, 18:00 Uhr; Az. LDI-2023-04711)\n'));
  });

  it('the contact point is the DPO, else the contact marked data_protection: yes (Art. 33(3)(b)), in the Art. 33 and Art. 34 drafts', () => {
    const marked = FULL.replace('  - role: dpo\n    name: Datenschutzbeauftragte der Kommunal-IT\n    email: datenschutz@kommunal-it.example\n', '  - role: hotline\n    name: Bürgertelefon Datenschutz\n    phone: +49 2921 000010\n    data_protection: yes\n');
    assert.ok(render('gdpr-art33', marked).includes('\n1.3 Datenschutzbeauftragte(r) oder sonstige Anlaufstelle: Bürgertelefon Datenschutz, Telefon +49 2921 000010\n'));
    assert.ok(render('gdpr-art34', marked).includes('\n6 Wer beantwortet Ihre Fragen? Ansprechstelle für Datenschutzfragen: Bürgertelefon Datenschutz, Telefon +49 2921 000010\n'));
    assert.ok(render('gdpr-art34', marked, 'text', 'en').includes('\n6 Who can answer your questions: Contact point for data protection questions: Bürgertelefon Datenschutz, phone +49 2921 000010\n'));
    // Neither: the gap.
    const neither = marked.replace('    data_protection: yes\n', '');
    assert.ok(render('gdpr-art33', neither).includes('\n1.3 Datenschutzbeauftragte(r) oder sonstige Anlaufstelle: [noch offen: Name und Kontaktdaten der/des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle (Kontakt dpo)]\n'));
  });

  it('the person reporting is the authority_contact', () => {
    const text = render('gdpr-art33', COMPLETE, 'text', 'en');
    assert.ok(text.includes('1.4 Person reporting: Jana Beispiel, Informationssicherheitsbeauftragte, phone +49 2921 000100, e-mail isb@kommunal-it.example'));
  });
});

describe('drafts: gdpr-art34', () => {
  it('tells the people affected in plain language with the Art. 34(2) contents, in German and English', () => {
    const de = render('gdpr-art34', COMPLETE);
    for (const expected of [
      'Information über eine Verletzung des Schutzes Ihrer personenbezogenen Daten (Art. 34 DSGVO)',
      '1 Was ist passiert?\n  - Am Montag, 30. Oktober 2023, 2:15 Uhr haben wir (Kommunal-IT Musterland AöR) festgestellt, dass personenbezogene Daten, die bei uns über Sie gespeichert sind, von einem Sicherheitsvorfall betroffen sind',
      '3 Was kann das für Sie bedeuten? Betrugsversuche mit Namen und Anschriften sind möglich.',
      '4 Was tun wir? Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut; die Polizei ermittelt.',
      '5 Was können Sie jetzt tun? Seien Sie misstrauisch bei Anrufen, Briefen und E-Mails, die sich auf den Angriff beziehen.',
      '  - Datenschutzbeauftragte(r): Datenschutzbeauftragte der Kommunal-IT, E-Mail datenschutz@kommunal-it.example',
      '  - Hotline: Bürgertelefon, Telefon +49 2921 000010',
    ]) {
      assert.ok(de.includes(expected), `missing: ${expected}\n---\n${de}`);
    }
    const en = render('gdpr-art34', FULL, 'text', 'en');
    for (const expected of ['Information about a breach of your personal data (GDPR Art. 34)', '3 What this can mean for you', '6 Who can answer your questions', 'Confidential draft']) {
      assert.ok(en.includes(expected), `missing: ${expected}`);
    }
    assert.ok(!de.includes('BSI-2023-4711') && !de.includes('203.0.113.45') && !de.includes('Jana Beispiel'), 'no internal references and no authority contact in the notice to citizens');
  });

  it('reads right with any organisation name, and the hotline hours follow its number without a comma', () => {
    const town = COMPLETE.replace('organization: Kommunal-IT Musterland AöR', 'organization: Stadt Lindenau').replace('    phone: +49 2921 000010\n', '    phone: +49 2921 000010\n    hours: Mo–Fr 8:00–18:00 Uhr\n');
    const de = render('gdpr-art34', town);
    assert.ok(de.includes('\n  - Am Montag, 30. Oktober 2023, 2:15 Uhr haben wir (Stadt Lindenau) festgestellt, dass personenbezogene Daten, die bei uns über Sie gespeichert sind, von einem Sicherheitsvorfall betroffen sind: Ransomware-Angriff auf den kommunalen IT-Dienstleister.\n'), de);
    assert.ok(de.includes('\n  - Hotline: Bürgertelefon, Telefon +49 2921 000010 (Mo–Fr 8:00–18:00 Uhr)\n'), de);
    assert.ok(render('gdpr-art34', town, 'text', 'en').includes('\n  - Hotline: Bürgertelefon, phone +49 2921 000010 (Mo–Fr 8:00–18:00 Uhr)\n'));
    assert.ok(!de.includes('hat Stadt Lindenau'), de);
  });

  it('"What we are doing" is public_measures, never the internal measures (its internal references stay with the authority)', () => {
    const internal = FULL.replace('  public_measures: Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut; die Polizei ermittelt.\n', '  measures: Wartungskonto gesperrt (Ticket INC-2023-1190), Leak-Seite beim Hoster gemeldet.\n  public_measures: Der missbrauchte Zugang ist gesperrt; die Polizei ermittelt.\n');
    for (const format of ['text', 'html', 'md']) {
      const out = render('gdpr-art34', internal, format);
      assert.ok(!out.includes('INC-2023-1190') && !out.includes('Leak-Seite'), `${format}: ${out}`);
    }
    assert.ok(render('gdpr-art34', internal).includes('\n4 Was tun wir? Der missbrauchte Zugang ist gesperrt; die Polizei ermittelt.\n'));
    // Only the internal account: a gap naming the public field, not the internal text.
    const only = internal.replace('  public_measures: Der missbrauchte Zugang ist gesperrt; die Polizei ermittelt.\n', '');
    assert.ok(render('gdpr-art34', only, 'text', 'en').includes('\n4 What we are doing: [to be completed: what we have done and are doing, as the people affected may read it (data_loss.public_measures; data_loss.measures stays internal)]\n'));
    // The authority still gets the full account.
    assert.ok(render('gdpr-art33', internal).includes('\n8.1 Maßnahmen einschließlich Abmilderung: Wartungskonto gesperrt (Ticket INC-2023-1190), Leak-Seite beim Hoster gemeldet.\n'));
  });

  it('its first line says whether the notice is required and why: never a notice that reads as due when it is not', () => {
    const first = (text: string) => text.split('\n').find((l) => l.startsWith('Benachrichtigung erforderlich: ') || l.startsWith('Notice required: '));
    assert.equal(first(render('gdpr-art34', FULL)), 'Benachrichtigung erforderlich: ja, als öffentliche Bekanntmachung statt einzelner Benachrichtigungen (Art. 34 Abs. 3 lit. c DSGVO): voraussichtlich hohes Risiko');
    assert.equal(first(render('gdpr-art34', FULL.replace('  art34_exemption: disproportionate_effort\n', ''))), 'Benachrichtigung erforderlich: ja, unverzüglich: voraussichtlich hohes Risiko für die betroffenen Personen (Art. 34 Abs. 1 DSGVO)');
    assert.equal(first(render('gdpr-art34', FULL.replace('  risk: high', '  risk: risk'))), 'Benachrichtigung erforderlich: nein: Das Risiko für die betroffenen Personen ist nicht hoch (Bewertung: ein Risiko für die betroffenen Personen); Art. 34 Abs. 1 DSGVO verlangt die Benachrichtigung nur bei voraussichtlich hohem Risiko. Dieser Entwurf dient nur einer freiwilligen Information.');
    assert.equal(first(render('gdpr-art34', FULL.replace('  risk: high', '  risk: none'), 'text', 'en')), 'Notice required: no: the risk to the people affected is not high (assessed: unlikely to result in a risk to people); Art. 34(1) GDPR requires the notice only for a likely high risk. This draft is for a voluntary notice only.');
    assert.equal(first(render('gdpr-art34', FULL.replace('art34_exemption: disproportionate_effort', 'art34_exemption: encrypted'), 'text', 'en')), 'Notice required: no: the data were unintelligible to others, e.g. encrypted (Art. 34(3)(a)); then the notice is not required. This draft is for a voluntary notice only.');
    assert.equal(first(render('gdpr-art34', FULL.replace('art34_exemption: disproportionate_effort', 'art34_exemption: mitigated'))), 'Benachrichtigung erforderlich: nein: nachträgliche Maßnahmen beseitigen das hohe Risiko (Art. 34 Abs. 3 lit. b); dann ist die Benachrichtigung nicht erforderlich. Dieser Entwurf dient nur einer freiwilligen Information.');
    assert.equal(first(render('gdpr-art34', FULL.replace('  risk: high', '  risk: unknown'))), 'Benachrichtigung erforderlich: [noch offen: ob die Benachrichtigung erforderlich ist: nur bei voraussichtlich hohem Risiko, und das Risiko ist noch nicht bewertet (data_loss.risk)]');
    // It is the first line under the title.
    assert.ok(render('gdpr-art34', FULL.replace('  risk: high', '  risk: none')).includes('=\n\nBenachrichtigung erforderlich: nein: '));
  });

  it('a processor has no Art. 34 duty of its own: the first line says the notice is each controller\'s, and the sender is the controller', () => {
    const first = (text: string) => text.split('\n').find((l) => l.startsWith('Benachrichtigung erforderlich: ') || l.startsWith('Notice required: '));
    const from = (text: string) => text.split('\n').find((l) => l.startsWith('Absender: ') || l.startsWith('From: '));
    const processor = FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n    - name: Gemeinde Nordkirchen\n');
    const de = render('gdpr-art34', processor);
    assert.equal(first(de), 'Benachrichtigung erforderlich: nicht durch uns als Auftragsverarbeiter: Die Betroffenen benachrichtigt jeder Verantwortliche (Art. 34 Abs. 1 DSGVO): Stadt Werne; Gemeinde Nordkirchen. Wir unterstützen sie dabei (Art. 28 Abs. 3 lit. f DSGVO); dieser Entwurf dient ihnen als Vorlage.');
    assert.equal(from(de), 'Absender: [noch offen: der Verantwortliche, der benachrichtigt (Stadt Werne; Gemeinde Nordkirchen), nicht Kommunal-IT Musterland AöR als Auftragsverarbeiter]');
    const en = render('gdpr-art34', processor.replace('    - name: Gemeinde Nordkirchen\n', ''), 'text', 'en');
    assert.equal(first(en), 'Notice required: not by us as processor: each controller tells the people affected (Art. 34(1) GDPR): Stadt Werne. We assist them (Art. 28(3)(f) GDPR); this draft is a template for them.');
    assert.equal(from(en), 'From: [to be completed: the controller giving the notice (Stadt Werne), not Kommunal-IT Musterland AöR as processor]');
    // Without named controllers the controller is open; role both is a controller too and keeps its own duty.
    assert.equal(first(render('gdpr-art34', FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n'), 'text', 'en')), 'Notice required: [to be completed: which controllers tell the people affected (data_loss.controllers): the notice is each controller\'s duty (Art. 34(1) GDPR), not ours as processor]');
    assert.equal(first(render('gdpr-art34', processor.replace('role: processor', 'role: both'))), 'Benachrichtigung erforderlich: ja, als öffentliche Bekanntmachung statt einzelner Benachrichtigungen (Art. 34 Abs. 3 lit. c DSGVO): voraussichtlich hohes Risiko');
    assert.equal(from(render('gdpr-art34', processor.replace('role: processor', 'role: both'))), 'Absender: Kommunal-IT Musterland AöR');
  });

  it('a processor\'s Art. 34 draft speaks as the controller throughout: its processor found the breach, its measures are named as the processor\'s, and the contact point is the controller\'s, a gap', () => {
    const item = (text: string, number: string) => text.split('\n').filter((l, i, all) => l.startsWith(`${number} `) || (l.startsWith('  - ') && all.slice(0, i).reverse().find((p) => !p.startsWith('  - '))?.startsWith(`${number} `))).join('\n');
    const processor = FULL.replace('  risk: high\n', '  risk: high\n  role: processor\n  controllers:\n    - name: Stadt Werne\n    - name: Gemeinde Nordkirchen\n').replace('contacts:\n', 'contacts:\n  - role: hotline\n    name: Servicedesk Kommunal-IT\n    phone: +49 2921 000010\n');
    const de = render('gdpr-art34', processor);
    assert.equal(item(de, '1'), [
      '1 Was ist passiert?',
      '  - Am Montag, 30. Oktober 2023, 2:15 Uhr hat unser Auftragsverarbeiter (Kommunal-IT Musterland AöR) festgestellt, dass personenbezogene Daten, die er in unserem Auftrag über Sie verarbeitet, von einem Sicherheitsvorfall betroffen sind: Ransomware-Angriff auf den kommunalen IT-Dienstleister.',
      '  - Systeme mit Meldedaten wurden verschlüsselt; ob Daten abgeflossen sind, wird untersucht.',
    ].join('\n'));
    assert.equal(item(de, '4'), '4 Was tun wir? Maßnahmen unseres Auftragsverarbeiters (Kommunal-IT Musterland AöR): Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut; die Polizei ermittelt.');
    assert.equal(item(de, '6'), '6 Wer beantwortet Ihre Fragen? [noch offen: Name und Kontaktdaten der/des Datenschutzbeauftragten des Verantwortlichen (Stadt Werne; Gemeinde Nordkirchen), nicht die des Auftragsverarbeiters Kommunal-IT Musterland AöR]');
    // Nothing speaks as the processor: not its "we", not its DPO, not its service desk as the controller's.
    for (const processorVoice of ['wir (Kommunal-IT', 'bei uns', 'Datenschutzbeauftragte der Kommunal-IT', 'Servicedesk Kommunal-IT']) assert.ok(!de.includes(processorVoice), `${processorVoice}\n---\n${de}`);
    const en = render('gdpr-art34', processor.replace('  personal_data: yes', '  personal_data: unknown'), 'text', 'en');
    assert.equal(item(en, '1').split('\n')[1], '  - On Monday, 30 October 2023, 2:15 am, our processor (Kommunal-IT Musterland AöR) found a security incident: Ransomware-Angriff auf den kommunalen IT-Dienstleister. Personal data it processes about you on our behalf may be affected; whether it is, is still being investigated.');
    assert.equal(item(en, '4'), '4 What we are doing: Measures taken by our processor (Kommunal-IT Musterland AöR): Die betroffenen Systeme sind vom Netz getrennt und werden neu aufgebaut; die Polizei ermittelt.');
    assert.equal(item(en, '6'), '6 Who can answer your questions: [to be completed: name and contact details of the controller\'s data protection officer (Stadt Werne; Gemeinde Nordkirchen), not those of the processor Kommunal-IT Musterland AöR]');
    // A controller's own notice is unchanged.
    const own = render('gdpr-art34', FULL);
    assert.ok(own.includes('haben wir (Kommunal-IT Musterland AöR) festgestellt, dass personenbezogene Daten, die bei uns über Sie gespeichert sind,') && own.includes('6 Wer beantwortet Ihre Fragen? Datenschutzbeauftragte(r): Datenschutzbeauftragte der Kommunal-IT'), own);
  });

  it('asserts no more than the facts: personal data unknown is "may be affected", no is a gap (issue 21, defect 6)', () => {
    const unknown = render('gdpr-art34', FULL.replace('  personal_data: yes', '  personal_data: unknown'));
    assert.ok(unknown.includes('haben wir (Kommunal-IT Musterland AöR) einen Sicherheitsvorfall festgestellt: Ransomware-Angriff auf den kommunalen IT-Dienstleister. Personenbezogene Daten, die bei uns über Sie gespeichert sind, können betroffen sein; ob das so ist, wird noch untersucht.'), unknown);
    assert.ok(!unknown.includes('festgestellt, dass personenbezogene Daten'));
    const none = render('gdpr-art34', FULL.replace('  personal_data: yes', '  personal_data: no'), 'text', 'en');
    assert.ok(none.includes('[to be completed: whether personal data is affected at all (data_loss.personal_data is not yes)'), none);
  });
});

describe('drafts: NIS2', () => {
  it('early warning: entity, scope, the authority contact (never a hotline), the clock from nis2.aware_at', () => {
    const text = render('nis2-early-warning', COMPLETE.replace('  aware_at: 2023-10-30T02:15:00+01:00\n', '  aware_at: 2023-10-30T06:00:00+01:00\n'));
    for (const expected of [
      'Frühe Erstmeldung eines erheblichen Sicherheitsvorfalls (Art. 23 Abs. 4 lit. a NIS2, § 32 Abs. 1 Nr. 1 BSIG)',
      '1.1 Einrichtung: Kommunal-IT Musterland AöR',
      '1.2 Besonders wichtige oder wichtige Einrichtung: wichtige Einrichtung',
      '1.3 Erheblicher Sicherheitsvorfall: erheblicher Sicherheitsvorfall',
      '1.4 Ansprechperson für die Meldestelle: Jana Beispiel, Informationssicherheitsbeauftragte, Telefon +49 2921 000100, E-Mail isb@kommunal-it.example',
      '1.5 Kenntnis vom erheblichen Sicherheitsvorfall: Montag, 30. Oktober 2023, 6:00 Uhr',
      '1.6 Fällig: Dienstag, 31. Oktober 2023, 6:00 Uhr',
      '1.7 Abgegeben: Montag, 30. Oktober 2023, 18:00 Uhr',
      '2.2 Verdacht auf rechtswidrige oder böswillige Ursache: ja',
      '2.3 Mögliche grenzüberschreitende Auswirkungen: nein',
      '1.8 Aktenzeichen der Meldestelle: BSI-2023-4711',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    // The full fixture has an emergency line and no authority contact: a gap, never the emergency or hotline number.
    const gapText = render('nis2-early-warning', FULL, 'text', 'en');
    assert.ok(gapText.includes('1.4 Contact person for the reporting office: [to be completed: name, function and reachability of the person the authorities deal with (an authority_contact contact)]'));
    assert.ok(!gapText.includes('+49 2921 000099'));
  });

  it('notification: severity and impact from the facts (services with outage, organisations, exfiltration, people) and the IoCs', () => {
    const text = render('nis2-notification', COMPLETE, 'text', 'en');
    for (const expected of [
      'Incident notification (NIS2 Art. 23(4)(b), § 32(1) no. 2 BSIG)',
      '1.6 Due: Thursday, 2 November 2023, 2:15 am',
      '2.1 Early warning sent: Monday, 30 October 2023, 6:00 pm',
      '3.1 Severity (internal scale): critical – critical impact (the report\'s own scale; whether the incident is significant: 1.3)',
      '3.2 Services affected and outage: Fachverfahren Meldewesen: major outage, out for 3 days, restored Thursday, 2 November 2023, 12:00 pm',
      '3.3 Organisations affected: Stadt Werne',
      '3.4 Data exfiltration: possible data exfiltration under investigation',
      '3.5 People affected (approximate): about 120,000',
      '  - 203.0.113.45',
      '  - update-check.example.net',
      '4.2 Mitigation applied and ongoing: Netze getrennt, Systeme neu aufgesetzt.',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}\n---\n${text}`);
    }
    // "seit" takes the dative: "seit 2 Tagen", never "seit 2 Tage".
    const ongoing = render('nis2-notification', FULL);
    assert.ok(ongoing.includes('\n3.2 Betroffene Dienste und Ausfalldauer: Fachverfahren Meldewesen: Ausfall, seit 2 Tagen beeinträchtigt\n'), ongoing);
    assert.ok(render('nis2-notification', FULL, 'text', 'en').includes('\n3.2 Services affected and outage: Fachverfahren Meldewesen: major outage, affected for 2 days so far\n'));
    // The GDPR measures are not borrowed.
    assert.ok(!render('nis2-notification', COMPLETE).includes('Konten gesperrt'));
  });

  it('a late early warning or notification says it was late and by how much, and asks for the reason; an unreadable sent time is a gap naming it', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    const late = FULL.replace('  early_warning_at: 2023-10-30T18:00:00+01:00', '  early_warning_at: 2023-10-31T10:30:00+01:00\n  notification_at: 2023-11-02T09:00:00+01:00');
    const warning = render('nis2-early-warning', late);
    assert.equal(line(warning, '1.6'), '1.6 Fällig: Dienstag, 31. Oktober 2023, 2:15 Uhr');
    assert.equal(line(warning, '1.7'), '1.7 Abgegeben: Dienstag, 31. Oktober 2023, 10:30 Uhr, verspätet: 8 Stunden nach Fristablauf (siehe 1.6)');
    assert.equal(line(warning, '1.9'), '1.9 Gründe für eine Verzögerung: [noch offen: warum sie später als nach 24 Stunden erfolgt (nis2.delay_reason)]');
    const notification = render('nis2-notification', late, 'text', 'en');
    assert.equal(line(notification, '1.7'), '1.7 Sent: Thursday, 2 November 2023, 9:00 am, late: 6 hours after the deadline (see 1.6)');
    assert.equal(line(notification, '1.9'), '1.9 Reasons for a delay: [to be completed: why it comes later than 72 hours (nis2.delay_reason)]');
    const reasoned = render('nis2-notification', late.replace('  suspected_malicious: yes', '  delay_reason: Die Erheblichkeit stand erst nach der Auswertung der Protokolle fest.\n  suspected_malicious: yes'));
    assert.equal(line(reasoned, '1.9'), '1.9 Gründe für eine Verzögerung: Die Erheblichkeit stand erst nach der Auswertung der Protokolle fest.');
    // In time: said so; not sent and past the deadline: the reason is asked for as well.
    assert.equal(line(render('nis2-early-warning', FULL), '1.9'), '1.9 Gründe für eine Verzögerung: nicht erforderlich (binnen 24 Stunden)');
    assert.equal(line(render('nis2-early-warning', FULL), '1.7'), '1.7 Abgegeben: Montag, 30. Oktober 2023, 18:00 Uhr');
    assert.equal(line(render('nis2-notification', FULL), '1.9'), '1.9 Gründe für eine Verzögerung: nicht erforderlich (binnen 72 Stunden)');
    assert.equal(line(render('nis2-notification', FULL, 'text', 'en', ), '1.6'), '1.6 Due: Thursday, 2 November 2023, 2:15 am (6 hours left)');
    // The monthly reports have no 1.9 (§ 193 BGB may move their end; see the README).
    assert.equal(line(render('nis2-final-report', late), '1.9'), undefined);
    // Written but unreadable: neither "not yet" nor "overdue".
    const unreadable = render('nis2-early-warning', FULL.replace('  early_warning_at: 2023-10-30T18:00:00+01:00', '  early_warning_at: gestern'));
    assert.equal(line(unreadable, '1.6'), '1.6 Fällig: Dienstag, 31. Oktober 2023, 2:15 Uhr (ob sie eingehalten wurde: siehe 1.7)');
    assert.equal(line(unreadable, '1.7'), '1.7 Abgegeben: [noch offen: wann sie abging: nis2.early_warning_at „gestern“ ist kein Zeitpunkt mit Offset]');
    assert.equal(line(unreadable, '1.9'), '1.9 Gründe für eine Verzögerung: [noch offen: warum sie später als nach 24 Stunden erfolgte, falls ja (nis2.delay_reason): siehe 1.7]');
  });

  it('a deadline in the hour summer time repeats names its offset: 2:15 Uhr happens twice that night', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    // Detected 2:15 CEST on Saturday: the 24 hours end at the first 2:15 on Sunday (UTC+2), an hour before the second.
    const text = FULL.replace('  started_at: 2023-10-30T01:01:00+01:00\n  detected_at: 2023-10-30T02:15:00+01:00\n', '  started_at: 2023-10-28T01:01:00+02:00\n  detected_at: 2023-10-28T02:15:00+02:00\n');
    const warning = render('nis2-early-warning', text);
    assert.equal(line(warning, '1.5'), '1.5 Kenntnis vom erheblichen Sicherheitsvorfall: Samstag, 28. Oktober 2023, 2:15 Uhr (Zeitpunkt der Entdeckung; nis2.aware_at nicht erfasst)');
    assert.equal(line(warning, '1.6'), '1.6 Fällig: Sonntag, 29. Oktober 2023, 2:15 Uhr (UTC+2)');
    assert.equal(line(render('nis2-early-warning', text, 'text', 'en'), '1.6'), '1.6 Due: Sunday, 29 October 2023, 2:15 am (UTC+2)');
  });

  it('the report\'s severity is named as its own scale, never as the legal "erheblich" next to 1.3', () => {
    const line = (text: string, number: string) => text.split('\n').find((l) => l.startsWith(`${number} `));
    const notSignificant = FULL.replace('severity: critical', 'severity: major').replace('  applies: yes', '  entity: important\n  significant: no');
    const de = render('nis2-notification', notSignificant);
    assert.equal(line(de, '1.3'), '1.3 Erheblicher Sicherheitsvorfall: nicht erheblich');
    assert.equal(line(de, '3.1'), '3.1 Schweregrad (interne Einstufung): major – schwerwiegend (Einstufung des Berichts; ob der Vorfall erheblich ist: 1.3)');
    assert.ok(!/\n3\.\d[^\n]*: erheblich/.test(de), de);
    assert.equal(line(render('nis2-final-report', notSignificant, 'text', 'en'), '3.1'), '3.1 Severity (internal scale): major – serious impact (the report\'s own scale; whether the incident is significant: 1.3)');
    assert.equal(line(render('nis2-progress-report', FULL.replace('severity: critical', 'severity: minor')), '3.1'), '3.1 Schweregrad (interne Einstufung): minor – gering (Einstufung des Berichts; ob der Vorfall erheblich ist: 1.3)');
  });

  it('counts as their author wrote them: 41.000 is rund 41.000 (never the 41 YAML read), "1,200,000" is rund 1.200.000, a fraction or an estimate in words is a gap naming it (issue 22, defect 1)', () => {
    const counts = (subjects: string, records: string) =>
      COMPLETE.replace('  subjects_approx: 120000\n', `  subjects_approx: ${subjects}\n`).replace('  records_approx: 240000\n', `  records_approx: ${records}\n`);
    const written = counts('41.000', '"1,200,000"');
    const art33 = render('gdpr-art33', written);
    assert.ok(art33.includes('5.2 Ungefähre Zahl der Personen: rund 41.000\n'), art33);
    assert.ok(art33.includes('4.5 Ungefähre Zahl der Datensätze: rund 1.200.000\n'), art33);
    assert.ok(render('nis2-notification', written, 'text', 'en').includes('3.5 People affected (approximate): about 41,000\n'));
    // What is written but is no whole number is a gap that names it: the author's estimate is never dropped for a bare "open".
    const unreadable = render('gdpr-art33', counts('41.5', '"1,2 Mio."'));
    assert.ok(unreadable.includes('5.2 Ungefähre Zahl der Personen: [noch offen: ungefähre Zahl der betroffenen Personen: data_loss.subjects_approx „41.5“ ist keine ganze Zahl]\n'), unreadable);
    assert.ok(unreadable.includes('4.5 Ungefähre Zahl der Datensätze: [noch offen: ungefähre Zahl der Datensätze: data_loss.records_approx „1,2 Mio.“ ist keine ganze Zahl]\n'), unreadable);
    const estimates = counts('ca. 12.000', '10000-15000');
    const english = render('gdpr-art33', estimates, 'text', 'en');
    assert.ok(english.includes('5.2 Approximate number of people: [to be completed: approximate number of people affected: data_loss.subjects_approx "ca. 12.000" is not a whole number]\n'), english);
    assert.ok(english.includes('4.5 Approximate number of records: [to be completed: approximate number of records: data_loss.records_approx "10000-15000" is not a whole number]\n'), english);
    assert.ok(render('nis2-notification', estimates).includes('3.5 Betroffene Personen (ungefähr): [noch offen: wie viele Personen ungefähr betroffen sind: data_loss.subjects_approx „ca. 12.000“ ist keine ganze Zahl]\n'));
    // Not written at all: the gap as before.
    assert.ok(render('gdpr-art33', COMPLETE.replace('  records_approx: 240000\n', '')).includes('4.5 Ungefähre Zahl der Datensätze: [noch offen: ungefähre Zahl der Datensätze]\n'));
  });

  it('an entity not covered by NIS2 gets no open question whether the incident is significant, and each draft says no report is required', () => {
    const line = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start));
    const notCovered = FULL.replace('  applies: yes', '  entity: not_covered');
    for (const stage of ['nis2-early-warning', 'nis2-notification', 'nis2-progress-report', 'nis2-final-report']) {
      const de = render(stage, notCovered);
      assert.equal(line(de, 'Meldepflicht'), 'Meldepflicht (§ 32 BSIG): nein: Die Einrichtung ist nicht von NIS2 erfasst (nis2.entity: not_covered). Dieser Entwurf dient nur einer freiwilligen Meldung (Art. 30 NIS2).', stage);
      assert.equal(line(de, '1.3 '), '1.3 Erheblicher Sicherheitsvorfall: entfällt: Die Einrichtung ist nicht von NIS2 erfasst (1.2)', stage);
      assert.equal(line(de, '1.6 '), '1.6 Fällig: keine Meldung fällig: Die Einrichtung ist nicht von NIS2 erfasst (nis2.entity: not_covered)', stage);
      assert.ok(!de.includes('ob der Vorfall erheblich ist (nis2.significant)'), de);
    }
    const en = render('nis2-early-warning', notCovered, 'text', 'en');
    assert.equal(line(en, 'Report required'), 'Report required (§ 32 BSIG): no: the entity is not covered by NIS2 (nis2.entity: not_covered). This draft is for a voluntary report only (NIS2 Art. 30).');
    assert.equal(line(en, '1.3 '), '1.3 Significant incident: not applicable: the entity is not covered by NIS2 (1.2)');
    // An answer given stays the answer.
    assert.equal(line(render('nis2-early-warning', notCovered.replace('  entity: not_covered', '  entity: not_covered\n  significant: yes')), '1.3 '), '1.3 Erheblicher Sicherheitsvorfall: erheblicher Sicherheitsvorfall');
    // Covered, but not significant; or applies: no: not required either, each with its reason.
    assert.equal(line(render('nis2-notification', FULL.replace('  applies: yes', '  entity: important\n  significant: no')), 'Meldepflicht'), 'Meldepflicht (§ 32 BSIG): nein: Der Vorfall ist nicht erheblich (nis2.significant: no). Dieser Entwurf dient nur einer freiwilligen Meldung (Art. 30 NIS2).');
    assert.equal(line(render('nis2-notification', FULL.replace('  applies: yes', '  applies: no'), 'text', 'en'), 'Report required'), 'Report required (§ 32 BSIG): no: NIS2 does not apply (nis2.applies: no). This draft is for a voluntary report only (NIS2 Art. 30).');
    // Due or suspected: no such line, the clock decides.
    assert.equal(line(render('nis2-early-warning', FULL), 'Meldepflicht'), undefined);
    assert.equal(line(render('nis2-early-warning', FULL.replace('  applies: yes', '  entity: important\n  significant: unknown')), 'Meldepflicht'), undefined);
  });

  it('no report required: nothing in the four drafts reads as a missed or pending report (1.7 said "noch nicht", 1.8 and 2.1 were gaps)', () => {
    const lines = (text: string, starts: string[]) => starts.map((start) => text.split('\n').find((l) => l.startsWith(start)));
    const unsent = FULL.replace('  early_warning_at: 2023-10-30T18:00:00+01:00\n', '').replace('  reference: BSI-2023-4711\n', '');
    const SENT_DE = 'nicht abgegeben: nicht erforderlich (siehe 1.6)';
    const SENT_EN = 'not sent: not required (see 1.6)';
    const REFERENCE_DE = '1.8 Aktenzeichen der Meldestelle: keines (keine Meldepflicht; die Meldestelle vergibt es zu einer eingegangenen Meldung)';
    const REFERENCE_EN = '1.8 Reference of the reporting office: none (no report required; the reporting office gives one to a report it receives)';
    const earlier: Record<string, { de: string; en: string } | undefined> = {
      'nis2-early-warning': undefined,
      'nis2-notification': { de: `2.1 Frühe Erstmeldung abgegeben: ${SENT_DE}`, en: `2.1 Early warning sent: ${SENT_EN}` },
      'nis2-progress-report': { de: `2.1 Meldung abgegeben: ${SENT_DE}`, en: `2.1 Notification sent: ${SENT_EN}` },
      'nis2-final-report': undefined,
    };
    // 1.6 gives the answer that makes it not due (it said "NIS2 does not apply" of a covered entity's incident that is not significant).
    const WHY: Record<string, { de: string; en: string }> = {
      '  entity: not_covered': { de: 'Die Einrichtung ist nicht von NIS2 erfasst (nis2.entity: not_covered)', en: 'the entity is not covered by NIS2 (nis2.entity: not_covered)' },
      '  entity: important\n  significant: no': { de: 'Der Vorfall ist nicht erheblich (nis2.significant: no)', en: 'the incident is not significant (nis2.significant: no)' },
      '  applies: no': { de: 'NIS2 gilt nicht (nis2.applies: no)', en: 'NIS2 does not apply (nis2.applies: no)' },
    };
    for (const answers of Object.keys(WHY)) {
      const report = unsent.replace('  applies: yes', answers);
      for (const stage of Object.keys(earlier)) {
        const de = render(stage, report, 'text', 'de');
        const en = render(stage, report, 'text', 'en');
        const second = earlier[stage] ? ['2.1 '] : [];
        assert.deepEqual(lines(de, ['1.6 ', '1.7 ', '1.8 ', ...second]), [`1.6 Fällig: keine Meldung fällig: ${WHY[answers]!.de}`, `1.7 Abgegeben: ${SENT_DE}`, REFERENCE_DE, ...(earlier[stage] ? [earlier[stage]!.de] : [])], `${stage} ${answers}`);
        assert.deepEqual(lines(en, ['1.6 ', '1.7 ', '1.8 ', ...second]), [`1.6 Due: no report due: ${WHY[answers]!.en}`, `1.7 Sent: ${SENT_EN}`, REFERENCE_EN, ...(earlier[stage] ? [earlier[stage]!.en] : [])], `${stage} ${answers}`);
        for (const text of [de, en]) assert.ok(!/noch nicht\n|not yet\n|nis2\.reference\)|nis2\.early_warning_at\)|nis2\.notification_at\)/.test(text), text);
      }
    }
    // A voluntary report that was sent keeps its time and reference; one written but unreadable stays a gap.
    const voluntary = FULL.replace('  applies: yes', '  entity: not_covered');
    assert.deepEqual(lines(render('nis2-notification', voluntary), ['1.8 ', '2.1 ']), ['1.8 Aktenzeichen der Meldestelle: BSI-2023-4711', '2.1 Frühe Erstmeldung abgegeben: Montag, 30. Oktober 2023, 18:00 Uhr']);
    const unreadable = voluntary.replace('early_warning_at: 2023-10-30T18:00:00+01:00', 'early_warning_at: gestern');
    assert.deepEqual(lines(render('nis2-notification', unreadable), ['2.1 ']), ['2.1 Frühe Erstmeldung abgegeben: [noch offen: wann die frühe Erstmeldung abging (nis2.early_warning_at)]']);
    // While a report is due, the gaps stay.
    assert.deepEqual(lines(render('nis2-progress-report', unsent), ['1.7 ', '1.8 ', '2.1 ']), [
      '1.7 Abgegeben: noch nicht',
      '1.8 Aktenzeichen der Meldestelle: [noch offen: das Aktenzeichen der Meldestelle (nis2.reference)]',
      '2.1 Meldung abgegeben: [noch offen: wann die Meldung abging (nis2.notification_at)]',
    ]);
  });

  it('applies: no is an answer, not an open question (issue 21, defect 2)', () => {
    const no = render('nis2-early-warning', FULL.replace('  applies: yes', '  applies: no'));
    assert.ok(no.includes('1.2 Besonders wichtige oder wichtige Einrichtung: NIS2 gilt nicht (nis2.applies: no)'));
    assert.ok(no.includes('1.6 Fällig: keine Meldung fällig: NIS2 gilt nicht (nis2.applies: no)'));
    assert.ok(!no.includes('noch offen: ob die Einrichtung unter NIS2 fällt'));
  });

  it('the final report while the incident is ongoing points to the progress report; after handling it is due a month later', () => {
    const notified = FULL.replace('  suspected_malicious: yes', '  notification_at: 2023-11-01T10:00:00+01:00\n  suspected_malicious: yes');
    const progress = render('nis2-progress-report', notified);
    assert.ok(progress.includes('Fortschrittsmeldung (Art. 23 Abs. 4 lit. e NIS2, § 32 Abs. 2 BSIG)'));
    assert.ok(progress.includes('1.6 Fällig: Freitag, 1. Dezember 2023, 24:00 Uhr (noch 30 Tage)'), progress);
    const final = render('nis2-final-report', notified);
    assert.ok(final.includes('1.6 Fällig: einen Monat nach Abschluss der Bearbeitung (nis2.handled_at, sonst timestamps.resolved_at): Der Vorfall wird noch bearbeitet, daher ist zuerst eine Fortschrittsmeldung fällig'), final);
    const handled = notified.replace('  suspected_malicious: yes', '  handled_at: 2023-11-20T17:00:00+01:00\n  suspected_malicious: yes');
    assert.ok(render('nis2-final-report', handled).includes('1.6 Fällig: Freitag, 1. Dezember 2023, 24:00 Uhr (noch 30 Tage)'));
    assert.ok(render('nis2-progress-report', handled).includes('1.6 Fällig: nicht erforderlich: Der Vorfall war binnen des Monats nach der Meldung bearbeitet'));
    assert.ok(render('nis2-final-report', FULL).includes('1.6 Fällig: [noch offen: einen Monat nach der Meldung (nis2.notification_at nicht erfasst)]'));
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
    assert.ok(html.includes('<th scope="col">Nr.</th><th scope="col">Angabe</th><th scope="col">Inhalt</th><th scope="col">Grundlage</th>'));
    assert.ok(html.includes('<td class="source">Art. 33 Abs. 3 lit. a DSGVO</td>'));
  });

  it('Markdown escapes report values so they cannot add markup', () => {
    const md = render('gdpr-art33', hostile, 'md');
    assert.ok(md.startsWith('> **Vertraulich'));
    assert.ok(md.includes('\\<script\\>alert(1)\\</script\\> \\*fett\\* \\[x\\](http://evil.example)'));
    assert.ok(md.includes('| Nr. | Angabe | Inhalt | Grundlage |'));
    assert.ok(md.includes('| 4.5 | Ungefähre Zahl der Datensätze | \\[noch offen: ungefähre Zahl der Datensätze\\] | Art. 33 Abs. 3 lit. a DSGVO |'), md);
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

