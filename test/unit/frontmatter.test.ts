import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  bundledCompiledSchema,
  completionContext,
  hoverTarget,
  indentUnit,
  DEFAULT_REPORT_GLOBS,
  isIgnoredPath,
  isIncidentReport,
  locateFrontmatter,
  parseReport,
  reportTimeZone,
  serviceNamesOfReport,
} from '../../src/core';

/**
 * One frontmatter locator (src/core/frontmatter.ts) for every caller: only a `---` line closes the
 * frontmatter, a `...` line is YAML content. Each caller is asked about the same documents, so a
 * caller with its own idea of the end fails here.
 */

const info = bundledCompiledSchema().info;

/** `...` in the middle, the real end further down: everything up to `---` is frontmatter. */
const DOTS_INSIDE = ['---', 'schema: incident-report/v1', 'id: x', '...', 'timezone: Europe/Berlin', 'stat', '---', '', 'Body: text', ''].join('\n');
/** Closed only by `...`: no closed frontmatter at all. */
const DOTS_ONLY = ['---', 'schema: incident-report/v1', 'affected_services:', '  - name: Bürgerbüro', '...', '', 'Body', ''].join('\n');
const DASHES = DOTS_ONLY.replace('\n...\n', '\n---\n');

/** The closing fence the plain way, line by line (what `locateFrontmatter` jumps to instead). */
function closingFenceByLines(text: string): number | null {
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return null;
  for (let start = firstBreak + 1; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (/^---[ \t]*$/.test(text.slice(start, end).replace(/\r$/, ''))) return start;
    if (newline === -1) break;
    start = newline + 1;
  }
  return null;
}

describe('frontmatter locator', () => {
  it('finds the same closing fence as a line-by-line search, on generated texts', () => {
    const piece = fc.constantFrom('---', '--', '----', '---x', ' ---', '...', 'a: 1', '', ' ', '\t', '\r', '\n', '\r\n', '- x', '-', '#');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = '---\n' + pieces.join('');
        const located = locateFrontmatter(text);
        const expected = closingFenceByLines(text);
        assert.equal(located.kind === 'yaml' ? located.close.offset : null, expected, JSON.stringify(text));
        if (located.kind === 'yaml') assert.equal(located.source, text.slice(4, expected!));
      }),
      { numRuns: 20000, seed: 2911 },
    );
  });

  it('closes only at `---` (also with CRLF and trailing blanks)', () => {
    const located = locateFrontmatter(DOTS_INSIDE);
    assert.equal(located.kind, 'yaml');
    assert.ok(located.kind === 'yaml' && located.source.includes('timezone: Europe/Berlin'));
    assert.equal(locateFrontmatter(DOTS_ONLY).kind, 'unclosed');
    const crlf = locateFrontmatter('---  \r\nid: x\r\n--- \r\nbody');
    assert.deepEqual(crlf.kind === 'yaml' && [crlf.source, crlf.close], ['id: x\r\n', { offset: 14, endOffset: 17 }]);
    assert.equal(locateFrontmatter('+++\nid = 1\n+++\n').kind, 'toml');
    assert.equal(locateFrontmatter('# no frontmatter\n').kind, 'none');
  });

  it('parser: `...` is YAML content, a report closed by `...` only is unclosed', () => {
    assert.equal(parseReport(DOTS_INSIDE).frontmatter.kind, 'yaml');
    assert.equal(parseReport(DOTS_ONLY).frontmatter.kind, 'unclosed');
    assert.deepEqual(parseReport(DASHES).data, { schema: 'incident-report/v1', affected_services: [{ name: 'Bürgerbüro' }] });
  });

  it('report detection: the marker counts in the frontmatter only, wherever `---` ends it', () => {
    assert.equal(isIncidentReport(['---', 'title: x', '...', 'schema: incident-report/v1', '---', ''].join('\n'), null), true);
    assert.equal(isIncidentReport(['---', 'title: x', '---', 'schema: incident-report/v1', ''].join('\n'), null), false);
    assert.equal(isIncidentReport('\uFEFF---\r\nschema: "incident-report/v1" # marker\r\n---\r\n', null), true);
  });

  it('report detection: a path the configuration ignores is no report, by path or marker; others are unchanged', () => {
    const marked = '---\nschema: incident-report/v1\n---\n';
    const ignores = ['archive/**', '**/broken/*.md'];
    assert.equal(isIncidentReport(marked, 'archive/2019/old.md', DEFAULT_REPORT_GLOBS, ignores), false);
    assert.equal(isIncidentReport('# text\n', 'archive/incidents/old.md', DEFAULT_REPORT_GLOBS, ignores), false);
    assert.equal(isIncidentReport(marked, 'examples/broken/x.md', DEFAULT_REPORT_GLOBS, ignores), false);
    assert.equal(isIncidentReport(marked, 'examples/broken/deeper/x.md', DEFAULT_REPORT_GLOBS, ignores), true);
    assert.equal(isIncidentReport('# text\n', 'incidents/new.md', DEFAULT_REPORT_GLOBS, ignores), true);
    assert.equal(isIncidentReport(marked, null, DEFAULT_REPORT_GLOBS, ignores), true);
    assert.equal(isIgnoredPath('archive\\2019\\old.md', ignores), true);
    assert.equal(isIgnoredPath('.archive/old.md', ['*/old.md']), true, 'dot: true, as for files');
    assert.equal(isIgnoredPath('archive/old.md', []), false);
    // `archive/` is the folder, as in .gitignore (it matched nothing before).
    assert.equal(isIgnoredPath('archive/2019/old.md', ['archive/']), true);
    assert.equal(isIgnoredPath('archived.md', ['archive/']), false);
  });

  it('completion: a key after `...` is still in the frontmatter, the body after `---` is not', () => {
    const offset = DOTS_INSIDE.indexOf('stat') + 4;
    const context = completionContext(parseReport(DOTS_INSIDE), offset, info);
    assert.deepEqual(context && [context.kind, context.pointer, context.prefix], ['key', '', 'stat']);
    assert.equal(completionContext(parseReport(DOTS_INSIDE), DOTS_INSIDE.indexOf('Body:') + 5, info), null);
  });

  it('hover: a key after `...` is a field', () => {
    const target = hoverTarget(parseReport(DOTS_INSIDE), DOTS_INSIDE.indexOf('timezone') + 2);
    assert.deepEqual(target && [target.kind, target.pointer], ['key', '/timezone']);
    assert.equal(hoverTarget(parseReport(DOTS_INSIDE), DOTS_INSIDE.indexOf('Body:') + 1), null);
  });

  it('service names of other reports: read only from frontmatter closed by `---`', () => {
    assert.deepEqual(serviceNamesOfReport(parseReport(DASHES)), ['Bürgerbüro']);
    assert.deepEqual(serviceNamesOfReport(parseReport('\uFEFF' + DASHES)), ['Bürgerbüro']);
    assert.deepEqual(serviceNamesOfReport(parseReport(DOTS_ONLY)), []);
  });

  it('time zone and indentation for completion: read up to `---`, past `...`', () => {
    assert.equal(reportTimeZone(parseReport(DOTS_INSIDE)), 'Europe/Berlin');
    assert.equal(reportTimeZone(parseReport(['---', 'id: x', '---', 'timezone: Europe/Berlin', ''].join('\n'))), undefined);
    assert.equal(indentUnit(parseReport(['---', 'a:', '...', '    b: 1', '---', '  body', ''].join('\n'))), 4);
    assert.equal(indentUnit(parseReport(['---', 'a: 1', '---', '   body', ''].join('\n'))), 2);
  });
});
