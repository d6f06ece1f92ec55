import { strict as assert } from 'node:assert';
import { bundledCompiledSchema } from '../../src/core';
import { completionContext, completionOffers, hoverContent, hoverTarget, parseReport, serviceNamesFromCatalog, serviceNamesOfReport } from '../../src/core';

/**
 * Completion and hover contexts: the cursor is marked with `¦` in each fixture, which is removed
 * before the context is computed at its offset.
 */

const info = bundledCompiledSchema().info;

function at(marked: string, eol = '\n') {
  const text = marked.replace(/\n/g, eol);
  const offset = text.indexOf('¦');
  assert.ok(offset !== -1, 'no cursor marker');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

function context(marked: string, eol = '\n') {
  const { text, offset } = at(marked, eol);
  return completionContext(parseReport(text), offset, info);
}

const REPORT = `---
schema: incident-report/v1
id: x
status: investigating
affected_services:
  - name: Bürgerbüro
    status: major_outage
timestamps:
  started_at: 2024-03-01T08:00:00+01:00
updates:
- at: 2024-03-01T12:00:00+01:00
  text: |
    Erste Meldung.
---

Body text: here
`;

/** REPORT with the cursor marker inserted at the start of line `line` (0-based) + `col`, or replacing a line. */
function withCursorLine(lineIndex: number, replacement: string): string {
  const lines = REPORT.split('\n');
  lines[lineIndex] = replacement;
  return lines.join('\n');
}

describe('completion context', () => {
  it('a new root key on an empty line', () => {
    const ctx = context(withCursorLine(4, '¦\naffected_services:'));
    assert.equal(ctx?.kind, 'key');
    assert.equal(ctx.pointer, '');
    assert.deepEqual(ctx.kind === 'key' && [...ctx.existingKeys].sort(), ['affected_services', 'id', 'schema', 'status', 'timestamps', 'updates']);
  });

  it('a new root key on an empty first line, above the keys', () => {
    const { text, offset } = at('---\n¦\nid: x\n---\n');
    assert.deepEqual(completionContext(parseReport(text), offset, info), { kind: 'key', pointer: '', existingKeys: ['id'], prefix: '', range: { offset: 4, endOffset: 4 }, hasColon: false, needsSpace: false, column: 0 });
  });

  it('a partial root key, with the range covering the word', () => {
    const { text, offset } = at(withCursorLine(3, 'sta¦tus: investigating'));
    const ctx = completionContext(parseReport(text), offset, info);
    assert.ok(ctx && ctx.kind === 'key');
    assert.equal(ctx.prefix, 'sta');
    assert.equal(text.slice(ctx.range.offset, ctx.range.endOffset), 'status');
    assert.equal(ctx.hasColon, true);
    assert.ok(!ctx.existingKeys.includes('status'));
  });

  it('a partial key above another key: only its own line counts, and it has no colon yet', () => {
    // To `yaml` this is one key over two lines (`sev status: …`), with an error.
    const { text, offset } = at(withCursorLine(3, 'sev¦\nstatus: investigating'));
    const ctx = completionContext(parseReport(text), offset, info);
    assert.ok(ctx && ctx.kind === 'key');
    assert.deepEqual([ctx.pointer, ctx.prefix, text.slice(ctx.range.offset, ctx.range.endOffset), ctx.hasColon], ['', 'sev', 'sev', false]);
  });

  it('a key of a nested mapping', () => {
    const ctx = context(withCursorLine(8, '  started_at: 2024-03-01T08:00:00+01:00\n  de¦'));
    assert.ok(ctx && ctx.kind === 'key');
    assert.equal(ctx.pointer, '/timestamps');
    assert.deepEqual(ctx.existingKeys, ['started_at']);
    assert.equal(ctx.prefix, 'de');
    assert.equal(ctx.column, 2);
  });

  it('a key of a list item, on the item’s second line and on a new item', () => {
    const second = context(withCursorLine(6, '    status: major_outage\n    ¦'));
    assert.ok(second && second.kind === 'key');
    assert.equal(second.pointer, '/affected_services/0');
    assert.deepEqual([...second.existingKeys].sort(), ['name', 'status']);
    const fresh = context(withCursorLine(6, '    status: major_outage\n  - ¦'));
    assert.ok(fresh && fresh.kind === 'key');
    assert.equal(fresh.pointer, '/affected_services/1');
    assert.deepEqual(fresh.existingKeys, []);
    const bare = context(withCursorLine(6, '    status: major_outage\n  -¦'));
    assert.ok(bare && bare.kind === 'key' && bare.needsSpace);
    assert.equal(bare.pointer, '/affected_services/1');
  });

  it('a list at the key’s own column (`updates:` then `- at:`)', () => {
    const ctx = context(withCursorLine(12, '    Erste Meldung.\n- ¦'));
    assert.ok(ctx && ctx.kind === 'key');
    assert.equal(ctx.pointer, '/updates/1');
  });

  it('a value after `key: `, after `key:` and in a list item', () => {
    const value = context(withCursorLine(3, 'status: inv¦estigating # comment'));
    assert.ok(value && value.kind === 'value');
    assert.equal(value.pointer, '/status');
    assert.equal(value.prefix, 'inv');
    assert.equal(value.needsSpace, false);
    const { text, offset } = at(withCursorLine(3, 'status: inv¦estigating # comment'));
    const range = (completionContext(parseReport(text), offset, info) as { range: { offset: number; endOffset: number } }).range;
    assert.equal(text.slice(range.offset, range.endOffset), 'investigating');

    const colon = context(withCursorLine(6, '    status:¦'));
    assert.ok(colon && colon.kind === 'value' && colon.needsSpace);
    assert.equal(colon.pointer, '/affected_services/0/status');

    const name = context(withCursorLine(5, '  - name: ¦'));
    assert.ok(name && name.kind === 'value');
    assert.equal(name.pointer, '/affected_services/0/name');

    const org = context(withCursorLine(2, 'affected_organizations:\n  - Kreis Soest\n  - Stadt W¦'));
    assert.ok(org && org.kind === 'value');
    assert.equal(org.pointer, '/affected_organizations/1');
    assert.equal(org.prefix, 'Stadt W');
  });

  it('the first key of an empty frontmatter, and a word typed there (no key above it)', () => {
    const empty = at('---\n¦\n---\n');
    assert.deepEqual(completionContext(parseReport(empty.text), empty.offset, info), { kind: 'key', pointer: '', existingKeys: [], prefix: '', range: { offset: 4, endOffset: 4 }, hasColon: false, needsSpace: false, column: 0 });
    const word = at('---\nsta¦\n---\n');
    assert.deepEqual(completionContext(parseReport(word.text), word.offset, info), { kind: 'key', pointer: '', existingKeys: [], prefix: 'sta', range: { offset: 4, endOffset: 7 }, hasColon: false, needsSpace: false, column: 0 });
    const inside = at('---\nst¦a\n---\n', '\r\n');
    assert.deepEqual(completionContext(parseReport(inside.text), inside.offset, info), { kind: 'key', pointer: '', existingKeys: [], prefix: 'st', range: { offset: 5, endOffset: 8 }, hasColon: false, needsSpace: false, column: 0 });
    const comment = at('---\n# a new report\n¦\n---\n');
    assert.deepEqual(completionContext(parseReport(comment.text), comment.offset, info), { kind: 'key', pointer: '', existingKeys: [], prefix: '', range: { offset: 19, endOffset: 19 }, hasColon: false, needsSpace: false, column: 0 });
    // No key goes into a text that is more than one word, nor into a second line of one.
    assert.equal(context('---\nsta tus¦\n---\n'), null);
    assert.equal(context('---\nsta\ntus¦\n---\n'), null);
  });

  it('nothing past a flow mapping’s or list’s closing bracket or comma: no range spans their punctuation', () => {
    for (const marked of ['key: {a: 1, }¦', 'key: {a: 1}¦', 'key: {a: 1, ¦}', 'key: {a: }¦', 'key: ¦{a: 1}', 'key: {}¦', 'key: {¦}', 'key: [¦]', 'key: [a, b]¦', 'key: [a, ¦]', 'key: [a, {b: 1}]¦', 'key: {a: 1,\n  b: 2}¦', 'key:\n  - {a: 1}¦', 'key: {a: "x"} ¦']) {
      assert.equal(context(`---\n${marked}\n---\n`), null, marked);
    }
    // Inside them, the value at the cursor is still completed, over its own text only.
    const inside = at('---\nstatus: {a: 1, b: inv¦}\n---\n');
    assert.deepEqual(completionContext(parseReport(inside.text), inside.offset, info), { kind: 'value', pointer: '/status/b', prefix: 'inv', range: { offset: 22, endOffset: 25 }, needsSpace: false });
    const item = at('---\nkey: [a, b¦]\n---\n');
    assert.deepEqual(completionContext(parseReport(item.text), item.offset, info), { kind: 'value', pointer: '/key/1', prefix: 'b', range: { offset: 13, endOffset: 14 }, needsSpace: false });
    const empty = at('---\nkey: {a: ¦}\n---\n');
    assert.deepEqual(completionContext(parseReport(empty.text), empty.offset, info), { kind: 'value', pointer: '/key/a', prefix: '', range: { offset: 13, endOffset: 13 }, needsSpace: false });
    // After a plain value in block style the blanks typed after it still belong to it.
    const after = at('---\nstatus: inv ¦\n---\n');
    assert.deepEqual(completionContext(parseReport(after.text), after.offset, info), { kind: 'value', pointer: '/status', prefix: 'inv ', range: { offset: 12, endOffset: 16 }, needsSpace: false });
  });

  it('works with CRLF', () => {
    const ctx = context(withCursorLine(8, '  started_at: 2024-03-01T08:00:00+01:00\n  ¦'), '\r\n');
    assert.ok(ctx && ctx.kind === 'key');
    assert.equal(ctx.pointer, '/timestamps');
    assert.deepEqual(ctx.existingKeys, ['started_at']);
  });

  it('nothing outside the frontmatter, in comments or in block scalars', () => {
    assert.equal(context(REPORT.replace('Body text', 'Body¦ text')), null);
    assert.equal(context(REPORT.replace('---\n\nBody', '--¦-\n\nBody')), null);
    assert.equal(context(withCursorLine(3, 'status: investigating # a com¦ment')), null);
    assert.equal(context(withCursorLine(12, '    Erste¦ Meldung.')), null);
  });
});

describe('hover target', () => {
  it('a key and its pointer', () => {
    const { text, offset } = at(withCursorLine(6, '    sta¦tus: major_outage'));
    const target = hoverTarget(parseReport(text), offset);
    assert.deepEqual(target && { kind: target.kind, pointer: target.pointer, text: target.text }, { kind: 'key', pointer: '/affected_services/0/status', text: 'status' });
    assert.equal(text.slice(target!.range.offset, target!.range.endOffset), 'status');
  });

  it('a value', () => {
    const { text, offset } = at(withCursorLine(6, '    status: major_out¦age # comment'));
    const target = hoverTarget(parseReport(text), offset);
    assert.deepEqual(target && { kind: target.kind, pointer: target.pointer, text: target.text }, { kind: 'value', pointer: '/affected_services/0/status', text: 'major_outage' });
  });

  it('a nested key under a list at the key’s column', () => {
    const { text, offset } = at(withCursorLine(11, '  te¦xt: |'));
    assert.equal(hoverTarget(parseReport(text), offset)?.pointer, '/updates/0/text');
  });
});

describe('service names', () => {
  it('from a YAML or JSON catalog', () => {
    assert.deepEqual(serviceNamesFromCatalog('- Kfz-Zulassung\n- name: Bürgerbüro\n- {name: Standesamt}\n- 42\n'), ['Kfz-Zulassung', 'Bürgerbüro', 'Standesamt']);
    assert.deepEqual(serviceNamesFromCatalog('{"services": ["E-Mail", {"name": "Website"}]}'), ['E-Mail', 'Website']);
    assert.deepEqual(serviceNamesFromCatalog('not: [valid'), []);
  });

  it('from a report’s frontmatter', () => {
    assert.deepEqual(serviceNamesOfReport(parseReport(REPORT)), ['Bürgerbüro']);
    assert.deepEqual(serviceNamesOfReport(parseReport('# no frontmatter')), []);
  });
});

describe('a controller\'s own figures (data_loss.controllers[])', () => {
  const marked = `---
schema: incident-report/v1
data_loss:
  role: processor
  controllers:
    - name: Stadt Werne
      subjects_approx: 30000
      ¦
---
`;
  const { text, offset } = at(marked);

  it('are offered as keys of a controller, with their titles from the schema', async () => {
    const offers = await completionOffers(text, offset, { info, locale: 'en', timeZone: undefined, now: 0, serviceNames: async () => ({ catalog: [], reports: [] }) });
    assert.deepEqual(
      offers?.map((o) => [o.label, o.description]),
      [
        ['notified_at', 'Controller notified at'],
        ['records_approx', "Approximate number of this controller's records"],
        ['data_categories', "This controller's data categories"],
        ['subject_categories', "This controller's categories of people affected"],
      ],
    );
  });

  it('are explained on hover, in German too', () => {
    const hover = hoverContent(text, text.indexOf('subjects_approx') + 2, { info, locale: 'de', timeZone: undefined, now: 0 });
    assert.equal(
      hover?.documentation,
      '**Ungefähre Zahl der betroffenen Personen dieses Verantwortlichen** · `data_loss.controllers[0].subjects_approx` · optional\n\nGeschätzte Zahl der betroffenen Personen, deren Daten die Organisation für diesen Verantwortlichen verarbeitet: sein Anteil an data\\_loss\\.subjects\\_approx, das den gesamten Vorfall zählt\\. Steht in der Information an diesen Verantwortlichen \\(Angabe 5\\.2\\) statt der Zahl des gesamten Vorfalls\\. Intern\\.\n\n**Beispiel:** `1200`',
    );
  });
});
