import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/core';
import { DATA_LOSS_TEMPLATES } from '../../src/core/templates/dataLoss';
import { buildSnippets, snippetsFile, type Snippet } from '../../scripts/snippets';

/**
 * The snippets file is generated (npm run generate) and every snippet, expanded as VS Code
 * would with its default choices, fits into a report without schema errors.
 */

const FILE = join(__dirname, '..', '..', 'snippets', 'incident-report.code-snippets');
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '01',
  CURRENT_HOUR: '10',
  CURRENT_MINUTE: '30',
  CURRENT_TIMEZONE_OFFSET: '+01:00',
};
const linter = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => Date.parse('2024-06-01T00:00:00Z') });

/** A snippet's text with variables resolved, placeholders at their defaults and choices at their first value. */
function expand(snippet: Snippet): string {
  return snippet.body
    .join('\n')
    .replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => VARIABLES[name] ?? assert.fail(`unknown variable ${name}`))
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, text: string) => text.replace(/\\(.)/g, '$1'))
    .replace(/\$\d+/g, '');
}

const BASE = [
  '---',
  'schema: incident-report/v1',
  'id: 2024-03-base',
  'title: Stadt Beispiel – Online-Dienste gestört',
  'lang: de',
  'status: investigating',
  'severity: major',
  'organization: Stadt Beispiel',
  'affected_services:',
  '  - name: Bürgerbüro',
  '    status: major_outage',
  'timestamps:',
  '  started_at: 2024-03-01T08:00:00+01:00',
  '  detected_at: 2024-03-01T09:00:00+01:00',
  '  published_at: 2024-03-01T10:00:00+01:00',
  'data_loss:',
  '  occurred: unknown',
  '  exfiltration: under_investigation',
  '  personal_data: unknown',
  '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.',
  'contacts:',
  '  - role: hotline',
  '    phone: +49 000',
  'updates:',
  '  - at: 2024-03-01T10:00:00+01:00',
  '    text: Erste Meldung.',
  '---',
  '',
  '## Pressemitteilung',
  '',
  'Die Stadt informiert.',
  '',
];

/** BASE with `lines` inserted (indented by `indent`) after the line `after`. */
function into(after: string, lines: string, indent = '  '): string {
  const index = BASE.indexOf(after);
  assert.ok(index !== -1);
  const added = lines.split('\n').map((line) => indent + line);
  return [...BASE.slice(0, index + 1), ...added, ...BASE.slice(index + 1)].join('\n');
}

/**
 * Findings other than the `<…>` fill-ins the snippets leave on purpose (and, for BASE, its missing
 * press contact unless `pressContact` is set). Infos are no problems: they are the questions a
 * report leaves open (a precautionary GDPR notification, whether NIS2 applies), not broken YAML.
 */
function problems(text: string, pressContact = false): string[] {
  return linter
    .lint(text)
    .findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'placeholder' && (pressContact || f.ruleId !== 'press-contact'))
    .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}

describe('snippets', () => {
  const snippets = buildSnippets();

  it('the snippets file is up to date (npm run generate)', () => {
    assert.equal(readFileSync(FILE, 'utf8'), snippetsFile());
  });

  it('has the report in both languages, an update, a service, 4 data-loss variants per language and a press contact', () => {
    assert.deepEqual(Object.keys(snippets), [
      'Incident report (German)',
      'Incident report (English)',
      'Incident update entry',
      'Affected service',
      ...['German', 'English'].flatMap((language) => DATA_LOSS_TEMPLATES.map((t) => `Data loss: ${t.label.en} (${language})`)),
      'Press contact (German)',
      'Press contact (English)',
    ]);
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });

  for (const name of ['Incident report (German)', 'Incident report (English)']) {
    it(`${name} expands to a report whose only problems are the fill-ins`, () => {
      const text = expand(snippets[name]!);
      const lang = name.includes('German') ? 'de' : 'en';
      assert.match(text, new RegExp(`^lang: ${lang}$`, 'm'));
      assert.match(text, /^ {2}started_at: 2024-03-01T10:30:00\+01:00$/m);
      // The e-mail fill-in is no address yet: the schema says so, next to the placeholder warning.
      assert.deepEqual(
        problems(text).map((p) => p.replace(/^\d+:\d+ /, '')),
        [`schema contacts[0].email: \`${lang === 'de' ? '<E-Mail-Adresse>' : '<e-mail address>'}\` is not a valid e-mail address.`],
      );
      const placeholders = linter.lint(text).findings.filter((f) => f.ruleId === 'placeholder');
      assert.ok(placeholders.length >= 8, `only ${placeholders.length} fill-ins flagged`);
    });
  }

  it('an update entry fits below `updates:`', () => {
    assert.deepEqual(problems(into('    text: Erste Meldung.', expand(snippets['Incident update entry']!))), []);
  });

  it('an affected service fits below `affected_services:`', () => {
    assert.deepEqual(problems(into('    status: major_outage', expand(snippets['Affected service']!))), []);
  });

  for (const language of ['German', 'English']) {
    it(`a press contact (${language}) fits below \`contacts:\``, () => {
      const text = into('    phone: +49 000', expand(snippets[`Press contact (${language})`]!));
      // The press-contact finding of BASE is gone; the e-mail fill-in is no address yet.
      assert.deepEqual(problems(text, true).map((p) => p.replace(/^\d+:\d+ /, '')), [
        `schema contacts[1].email: \`${language === 'German' ? '<E-Mail-Adresse>' : '<e-mail address>'}\` is not a valid e-mail address.`,
      ]);
    });

    for (const template of DATA_LOSS_TEMPLATES) {
      it(`data loss "${template.label.en}" (${language}) replaces the data_loss block`, () => {
        const block = expand(snippets[`Data loss: ${template.label.en} (${language})`]!);
        assert.ok(block.includes(template.statement[language === 'German' ? 'de' : 'en']));
        const start = BASE.indexOf('data_loss:');
        const text = [...BASE.slice(0, start), block, ...BASE.slice(start + 5)].join('\n');
        assert.deepEqual(problems(text), []);
      });
    }
  }
});
