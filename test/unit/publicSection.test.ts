import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseReport } from '../../src/core/report/parse';
import { boundsOf, findPublicSection, NEEDS_PARSER, needsParser, scanPublicBounds } from '../../src/core/report/publicSection';

/**
 * Linting finds the public section by a line scan; rendering uses the CommonMark syntax tree. The
 * scan may decline (`undefined`), but whenever it answers it must give what the tree gives.
 */
function agrees(text: string): boolean {
  const report = parseReport(text);
  const scanned = scanPublicBounds(report.text, report.bodyOffset);
  if (scanned === undefined) return false;
  assert.deepStrictEqual(scanned, boundsOf(findPublicSection(report.body, report.text)), JSON.stringify(text));
  return true;
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const documents = [
  ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name, 'input.md')),
  ...readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(EXAMPLES, name)),
].map((file) => readFileSync(file, 'utf8'));

const FRONTMATTER = '---\ntitle: x\n---\n';

// Lines that make or hide headings in CommonMark, and ordinary ones.
const bodyLine = fc.constantFrom(
  '## Pressemitteilung', '# Press release', '### Press Release:', '## Pressemitteilung ##', '## Pressemitteilung #', '##Pressemitteilung',
  '## Press release  ', '#\tPress release', '## **Pressemitteilung**', '## Press\\ release', '## Interne Notizen', '# Timeline', '### Details',
  '#### Tiefer', '####### Zu tief', '#', '# #', '## ', 'Pressemitteilung', '=====', '-----', '---', '***', '- Liste', '  - eingerückt',
  '1. Punkt', '> Zitat', '> ## Pressemitteilung', '  ## Pressemitteilung', '    ## Pressemitteilung', '\t## Pressemitteilung',
  '```', '~~~', '<!-- Kommentar', '-->', '<div>', '</div>', '', '', 'Text mit 10.0.0.1 und `Code`.', 'Noch ein Absatz.', '\r',
  '[ref]: https://example.org', '| a | b |',
);
const body = fc
  .record({ lines: fc.array(bodyLine, { maxLength: 14 }), crlf: fc.boolean() })
  .map(({ lines, crlf }) => lines.join(crlf ? '\r\n' : '\n'));

describe('public section by line scan', () => {
  it('agrees with the syntax tree on every fixture and example', () => {
    let answered = 0;
    for (const text of documents) if (agrees(text)) answered++;
    // The scan must answer for most real reports, or linting pays for the parser after all.
    assert.ok(answered >= documents.length - 5, `the scan answered for only ${answered} of ${documents.length}`);
  });

  it('agrees with the syntax tree on generated bodies', () => {
    let answered = 0;
    fc.assert(
      fc.property(body, (text) => {
        if (agrees(FRONTMATTER + text)) answered++;
      }),
      { numRuns: 3000, seed: 20221201 },
    );
    assert.ok(answered > 500, `the scan answered for only ${answered} of 3000`);
  });

  it('finds the section, its end and a second public heading', () => {
    const text = `${FRONTMATTER}# Bericht\n\n## Pressemitteilung ##\n\nText.\n\n### Einzelheiten\n\nMehr.\n\n## Intern\n\n## Press release\n`;
    const start = text.indexOf('## Pressemitteilung');
    assert.deepStrictEqual(scanPublicBounds(text, FRONTMATTER.length), {
      offset: start,
      contentOffset: start + '## Pressemitteilung ##'.length,
      endOffset: text.indexOf('## Intern'),
      duplicates: [{ offset: text.indexOf('## Press release'), endOffset: text.length - 1 }],
    });
  });

  it('leaves fenced code, HTML, setext headings, indented headings and inline markup to the parser', () => {
    for (const text of ['```\n## Pressemitteilung\n```', '<!--\n## Pressemitteilung\n-->', 'Pressemitteilung\n===', '- a\n\n  ## Pressemitteilung', '## *Pressemitteilung*']) {
      assert.equal(scanPublicBounds(FRONTMATTER + text, FRONTMATTER.length), undefined, text);
    }
  });

  it('tests for markup the scan leaves to the parser exactly as the one pattern does (needsParser = NEEDS_PARSER)', () => {
    const same = (text: string) => assert.equal(needsParser(text), NEEDS_PARSER.test(text), JSON.stringify(text));
    for (const text of documents) same(parseReport(text).text.slice(parseReport(text).bodyOffset));
    fc.assert(fc.property(body, same), { numRuns: 3000, seed: 20231101 });
    // Every character the patterns name, and every line break a multiline `^` knows.
    const markupChar = fc.constantFrom(' ', ' ', ' ', '\t', '\n', '\r', '\u2028', '\u2029', '`', '~', '<', '=', '-', '#', '>', '*', '+', 'a');
    let needing = 0;
    fc.assert(
      fc.property(fc.array(markupChar, { maxLength: 24 }).map((chars) => chars.join('')), (text) => {
        same(text);
        if (NEEDS_PARSER.test(text)) needing++;
      }),
      { numRuns: 20000, seed: 2028 },
    );
    // Not vacuous: both answers occur often.
    assert.ok(needing > 2000 && needing < 18000, `${needing} of 20000 need the parser`);
    same('-'.repeat(3) + '\n' + '>'.repeat(200));
    same('x\n' + '*'.repeat(199) + '\n');
  });
});
