/**
 * Publish safety by construction: what any public output prints is exactly what the leak check
 * scans. For every string leaf of the schema (enumerated from the schema, so new fields are covered)
 * and for the internal and public sections, one at a time, an internal IPv4 address and an internal
 * host name are planted in a rich report; every registered public output is rendered in every
 * format. Wherever the planted text appears in an output, a `leak-*` finding must cover its exact
 * source range; fields that are internal by design must never appear in any output.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedFields, publishedFieldsDoc, readmeWithTable } from '../../scripts/published-fields';
import { buildModel, createLinter, PUBLIC_OUTPUTS, type Finding } from '../../src/core';
import { baseReport, fieldPattern, pointerOf, reportText, setIn, stringLeaves } from './schemaLeaves';

const IP = '10.20.99.41';
const HOST = 'srv-dc01.rathaus.intern';
const PLANT = `Planted ${IP} and ${HOST} here`;
const NOW = Date.parse('2023-11-08T12:00:00Z');

/** Fields that must never reach any output, whatever they hold. */
const INTERNAL_BY_DESIGN = [
  /^\/iocs\//,
  /^\/authorities\/\d+\/reference$/,
  /^\/approval(\/|$)/,
  /^\/data_loss\/delay_reason$/,
  // For the authorities, even with a public communication (it prints public_measures instead).
  /^\/data_loss\/measures$/,
  /^\/data_loss\/art34_reason$/,
  /\/x-[^/]*$/,
];

/** Fields a release prints (with the base report's values around them): the test must see them, or it proves nothing. */
const MUST_BE_PRINTED = [
  '/title',
  '/organization',
  '/affected_organizations/0',
  '/affected_services/0/name',
  '/affected_services/0/workaround',
  '/data_loss/statement',
  '/data_loss/data_categories/0',
  '/data_loss/advice',
  '/organization_address',
  '/authorities/0/name',
  '/updates/0/text',
  '/contacts/0/name',
  '/contacts/0/phone',
  '/contacts/0/email',
  '/contacts/0/hours',
  '/location',
  '/data_loss/public_measures',
];

/** Printed only in a public communication under Art. 34(3)(c) GDPR (the `art34` variant of the base report). */
const MUST_BE_PRINTED_IN_ART34 = ['/data_loss/likely_consequences', '/data_loss/public_measures', '/data_loss/advice', '/location'];

interface Case {
  name: string;
  /** Pointer of the planted field, `null` for the body. */
  path: string | null;
  text: string;
  /** Never printed whatever it holds (beyond {@link INTERNAL_BY_DESIGN}). */
  internal?: boolean;
}

/** The contact the authorities deal with: every one of its fields is internal, whatever the role's other contacts publish. */
const AUTHORITY_CONTACT_KEYS = ['name', 'function', 'phone', 'email', 'hours', 'x-planted'];

/**
 * The base report as it is, or (`art34`) with a public communication replacing individual notice
 * (`art34_exemption: disproportionate_effort`), which makes `likely_consequences` public.
 */
function base(variant: 'plain' | 'art34'): { data: Record<string, unknown>; body: string } {
  const report = baseReport();
  if (variant === 'art34') setIn(report.data, ['data_loss', 'art34_exemption'], 'disproportionate_effort');
  return report;
}

function cases(variant: 'plain' | 'art34'): Case[] {
  const list: Case[] = [];
  const prefix = variant === 'art34' ? 'Art. 34 communication: ' : '';
  for (const leaf of stringLeaves()) {
    const { data, body } = base(variant);
    // The exemption itself stays what makes this variant.
    if (variant === 'art34' && pointerOf(leaf) === '/data_loss/art34_exemption') continue;
    setIn(data, leaf, PLANT);
    list.push({ name: prefix + fieldPattern(leaf), path: pointerOf(leaf), text: reportText(data, body) });
  }
  if (variant === 'art34') return list;
  for (const key of AUTHORITY_CONTACT_KEYS) {
    const { data, body } = baseReport();
    const contacts = data.contacts as Array<Record<string, unknown>>;
    // Filled like a published contact, with the planted text in one field.
    const contact: Record<string, unknown> = { role: 'authority_contact', name: 'Jana Beispiel', function: 'Informationssicherheitsbeauftragte', phone: '+49 2921 000100', email: 'isb@kreis-soest.example', hours: 'rund um die Uhr' };
    contact[key] = PLANT;
    contacts.unshift(contact);
    list.push({ name: `contacts[] (role authority_contact).${key}`, path: `/contacts/0/${key}`, text: reportText(data, body), internal: true });
  }
  const { data, body } = base(variant);
  const internal = body.indexOf('\n## Interne');
  assert.ok(internal > 0, 'the base report has an internal section');
  list.push({ name: 'internal section', path: 'internal', text: reportText(data, body.slice(0, internal + 1) + `${PLANT}\n\n` + body.slice(internal + 1)) });
  const pub = body.indexOf('\n## Pressemitteilung');
  assert.ok(pub > 0, 'the base report has a public section');
  const lineEnd = body.indexOf('\n', pub + 1);
  list.push({ name: 'public section', path: null, text: reportText(data, body.slice(0, lineEnd + 1) + `\n${PLANT}\n` + body.slice(lineEnd + 1)) });
  return list;
}

/** Every public output in every format, from the publication model alone. */
function renderAll(model: ReturnType<typeof buildModel>): Array<{ id: string; out: string }> {
  return PUBLIC_OUTPUTS.flatMap((output) =>
    output.formats.map((format) => ({ id: `${output.id}/${format}`, out: output.render([model], format, { now: NOW }) })),
  );
}

describe('publication model: every public output prints only what the leak rules scan', () => {
  const linter = createLinter({ now: () => NOW });
  const all = [...cases('plain'), ...cases('art34')];
  const printed = new Set<string>();
  const printedInArt34 = new Set<string>();

  it('enumerates the schema (string leaves, x-* keys) and has public outputs to render', () => {
    assert.ok(all.length >= 40, `only ${all.length} cases`);
    assert.ok(PUBLIC_OUTPUTS.some((o) => o.id === 'press-release'));
  });

  for (const c of all) {
    it(`${c.name}: planted text is flagged at its exact range wherever an output prints it`, () => {
      const { report, findings, unchecked } = linter.lint(c.text);
      assert.equal(unchecked, undefined);
      const outputs = renderAll(buildModel(report, { now: NOW }));
      const internal = c.internal === true || c.path === 'internal' || (c.path !== null && INTERNAL_BY_DESIGN.some((re) => re.test(c.path!)));
      for (const needle of [IP, HOST]) {
        const at = c.text.indexOf(needle);
        assert.ok(at > 0 && c.text.lastIndexOf(needle) === at, `${needle} is planted exactly once`);
        const shownIn = outputs.filter((o) => o.out.includes(needle)).map((o) => o.id);
        if (internal) {
          assert.deepEqual(shownIn, [], `${c.name} is internal by design but ${shownIn.join(', ')} print it`);
          continue;
        }
        if (shownIn.length === 0) continue;
        (c.name.startsWith('Art. 34') ? printedInArt34 : printed).add(c.path ?? 'body');
        const covering = findings.filter(
          (f: Finding) => f.ruleId.startsWith('leak-') && f.offset === at && f.endOffset === at + needle.length && f.path === (c.path === 'internal' ? null : c.path),
        );
        assert.equal(
          covering.length,
          1,
          `${shownIn.join(', ')} print ${needle} from ${c.name}, but no leak finding covers ${at}-${at + needle.length}; leak findings: ${JSON.stringify(findings.filter((f) => f.ruleId.startsWith('leak-')).map((f) => [f.ruleId, f.path, f.offset, f.endOffset]))}`,
        );
        assert.equal(covering[0]!.severity, 'error');
      }
    });
  }

  it('saw the planted text printed from every field a release is known to print (the test is not vacuous)', () => {
    for (const path of [...MUST_BE_PRINTED, 'body']) assert.ok(printed.has(path), `${path} never appeared in an output`);
    for (const path of MUST_BE_PRINTED_IN_ART34) assert.ok(printedInArt34.has(path), `${path} never appeared in the outputs of an Art. 34 communication`);
    assert.ok(!printed.has('/data_loss/likely_consequences'), 'likely_consequences is internal without a public communication');
  });
});

describe('published-fields table (README.md, docs/published-fields.md)', () => {
  it('is generated from the publication model and up to date (npm run generate)', () => {
    const root = join(__dirname, '..', '..');
    assert.equal(readFileSync(join(root, 'docs', 'published-fields.md'), 'utf8'), publishedFieldsDoc());
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.equal(readmeWithTable(readme), readme);
  });

  it('lists the fields a release prints as published and the internal ones as never printed', () => {
    const rows = new Map(publishedFields().map((r) => [r.field, r.published]));
    for (const field of ['organization', 'authorities[].name', 'contacts[].hours', 'data_loss.statement']) assert.equal(rows.get(field), true, field);
    for (const field of ['iocs[]', 'authorities[].reference', 'approval.approved_by', 'data_loss.delay_reason', 'x-*']) assert.equal(rows.get(field), false, field);
  });
});
