import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, parseReport, type Finding, type Locale } from '../../src/core';
import { applyEdits, diffEdit, fixAllText, fixEdits, safeEdits, type FixAction, type FixOptions } from '../../src/core/linter/fixes';
import { DATA_LOSS_TEMPLATES } from '../../src/core/templates/dataLoss';
import { yamlScalar } from '../../src/core/yaml';

/**
 * The fix engine on fixture texts: every test applies the edits and compares the whole resulting
 * text, so "the rest stays untouched" is part of each assertion.
 */

const NOW = Date.parse('2024-03-02T10:15:42Z'); // 11:15 in Europe/Berlin
const OPTIONS: FixOptions = { locale: 'en', now: NOW, timeZone: 'Europe/Berlin' };

const VALID = [
  '---',
  'schema: incident-report/v1',
  'id: 2024-03-stadt-beispiel',
  'title: Stadt Beispiel – Online-Dienste gestört',
  'lang: de',
  'status: investigating',
  'severity: major',
  'organization: Stadt Beispiel',
  'timezone: Europe/Berlin',
  'affected_services:',
  '  - name: Bürgerbüro',
  '    status: major_outage',
  'timestamps:',
  '  started_at: 2024-03-01T08:00:00+01:00',
  '  detected_at: 2024-03-01T09:00:00+01:00',
  '  published_at: 2024-03-01T12:00:00+01:00',
  'data_loss:',
  '  occurred: unknown',
  '  exfiltration: under_investigation',
  '  personal_data: unknown',
  '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.',
  'contacts:',
  '  - role: press',
  '    name: Pressestelle',
  '    email: presse@beispiel.example',
  'nis2:',
  '  entity: not_covered',
  'updates:',
  '  - at: 2024-03-01T12:00:00+01:00',
  '    text: Erste Meldung.',
  '---',
  '',
  '# Bericht',
  '',
  '## Pressemitteilung',
  '',
  'Die Stadt informiert.',
  '',
];

// The fixture is fresh (personal data unknown, 72 hours not over): gdpr-notification would suggest a
// precautionary notification, which these tests of quick fixes are not about.
const linter = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => NOW, rules: { 'gdpr-notification': 'off' } });

/** The lines joined with `eol`. */
function doc(lines: readonly string[], eol = '\n'): string {
  return lines.join(eol);
}

/** `lines` with the line that equals `match` replaced by `replacement` (none = removed). */
function replaceLine(lines: readonly string[], match: string, ...replacement: string[]): string[] {
  const index = lines.indexOf(match);
  assert.ok(index !== -1, `fixture has no line ${JSON.stringify(match)}`);
  return [...lines.slice(0, index), ...replacement, ...lines.slice(index + 1)];
}

/** `lines` with `added` inserted after the line that equals `after`. */
function insertAfter(lines: readonly string[], after: string, ...added: string[]): string[] {
  const index = lines.indexOf(after);
  assert.ok(index !== -1, `fixture has no line ${JSON.stringify(after)}`);
  return [...lines.slice(0, index + 1), ...added, ...lines.slice(index + 1)];
}

/** The one finding at `path` (optionally of `ruleId`). */
function findingAt(text: string, path: string, ruleId?: string): Finding {
  const matches = linter.lint(text).findings.filter((f) => f.path === path && (!ruleId || f.ruleId === ruleId) && f.fix);
  assert.equal(matches.length, 1, `expected one fixable finding at ${path}, got ${matches.length}`);
  return matches[0]!;
}

function actionsFor(text: string, path: string, options: FixOptions = OPTIONS, ruleId?: string): FixAction[] {
  const finding = findingAt(text, path, ruleId);
  return fixEdits(linter.lint(text).report, finding, options);
}

function apply(text: string, action: FixAction): string {
  return applyEdits(text, action.edits);
}

/** Asserts the fixed text is valid for `path`: the finding is gone. */
function assertFixed(text: string, path: string): void {
  const left = linter.lint(text).findings.filter((f) => f.path === path && f.ruleId !== 'placeholder');
  assert.deepEqual(left.map((f) => f.message), [], `findings left at ${path}`);
}

describe('fixes', () => {
  it('the fixture is a valid report', () => {
    assert.deepEqual(linter.lint(doc(VALID)).findings, []);
  });

  describe('insert-key', () => {
    it('inserts a missing root field after the field before it in schema order, one fix per allowed value, none preferred', () => {
      const broken = replaceLine(VALID, 'severity: major');
      const actions = actionsFor(doc(broken), '/severity');
      // Which one is a fact only the author knows: never the first value as if they had chosen it.
      assert.deepEqual(
        actions.map((action) => [action.title, action.isPreferred, action.safe]),
        ['critical', 'major', 'minor', 'none'].map((value) => [`Add \`severity: ${value}\``, false, false]),
      );
      const fixed = apply(doc(broken), actions[1]!);
      assert.equal(fixed, doc(insertAfter(broken, 'status: investigating', 'severity: major')));
      assertFixed(fixed, '/severity');
      assert.deepEqual(actionsFor(doc(broken), '/severity', { ...OPTIONS, locale: 'de' }).map((action) => action.title)[0], '`severity: critical` ergänzen');
    });

    it('keeps CRLF line endings', () => {
      const broken = replaceLine(VALID, 'organization: Stadt Beispiel');
      const text = doc(broken, '\r\n');
      const [action] = actionsFor(text, '/organization');
      const fixed = apply(text, action!);
      assert.equal(fixed, doc(insertAfter(broken, 'severity: major', 'organization: <Herausgebende Organisation>'), '\r\n'));
      assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF crept in');
      assertFixed(fixed, '/organization');
    });

    it('inserts a field at the top when no field precedes it in schema order', () => {
      const broken = [VALID[0]!, ...replaceLine(VALID.slice(1), 'schema: incident-report/v1')];
      // `id` is required; remove it and `schema` so nothing comes before it.
      const text = doc(replaceLine(broken, 'id: 2024-03-stadt-beispiel'));
      const [action] = actionsFor(text, '/id');
      const fixed = apply(text, action!);
      assert.equal(fixed, doc(insertAfter(replaceLine(broken, 'id: 2024-03-stadt-beispiel'), '---', 'id: <Berichtskennung>')));
    });

    it('inserts a visible fill-in for free text, never an example that reads like a fact', () => {
      const broken = replaceLine(VALID, 'title: Stadt Beispiel – Online-Dienste gestört');
      const [action] = actionsFor(doc(broken), '/title');
      const fixed = apply(doc(broken), action!);
      assert.equal(
        fixed,
        doc(insertAfter(broken, 'id: 2024-03-stadt-beispiel', 'title: <Überschrift>')),
      );
      assertFixed(fixed, '/title');
    });

    it('inserts a missing field of a sequence item at the item’s indentation', () => {
      const broken = replaceLine(VALID, '    status: major_outage');
      const actions = actionsFor(doc(broken), '/affected_services/0/status');
      assert.deepEqual(
        actions.map((a) => a.title),
        ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'].map((value) => `Add \`affected_services[0].status: ${value}\``),
      );
      const fixed = apply(doc(broken), actions[3]!);
      assert.equal(fixed, doc(insertAfter(broken, '  - name: Bürgerbüro', '    status: major_outage')));
      assertFixed(fixed, '/affected_services/0/status');
    });

    it('inserts the first field of a sequence item right after the dash', () => {
      const broken = replaceLine(VALID, '  - name: Bürgerbüro', '  - status: major_outage');
      const text = doc(replaceLine(broken, '    status: major_outage'));
      const [action] = actionsFor(text, '/affected_services/0/name');
      const fixed = apply(text, action!);
      assert.equal(fixed, doc(replaceLine(broken, '    status: major_outage').map((l) => l === '  - status: major_outage' ? '  - name: <Name des Dienstes>\n    status: major_outage' : l)));
      assertFixed(fixed, '/affected_services/0/name');
    });

    it('follows the document’s own indentation (4 spaces)', () => {
      const four = VALID.map((line) => line.replace(/^( +)/, (m) => ' '.repeat(m.length + 2)));
      assert.deepEqual(linter.lint(doc(four)).findings, []);
      const broken = replaceLine(four, '    published_at: 2024-03-01T12:00:00+01:00');
      const [action] = actionsFor(doc(broken), '/timestamps/published_at');
      const fixed = apply(doc(broken), action!);
      assert.equal(fixed, doc(insertAfter(broken, '    detected_at: 2024-03-01T09:00:00+01:00', '    published_at: 2024-03-02T11:15:00+01:00')));
      assertFixed(fixed, '/timestamps/published_at');
    });

    it('inserts a whole missing `timestamps` block with its required fields, set to now', () => {
      const broken = VALID.filter((line) => !/^( {2}(started|detected|published)_at|timestamps):/.test(line));
      const [action] = actionsFor(doc(broken), '/timestamps');
      assert.equal(action!.title, 'Add `timestamps` with its required fields');
      const fixed = apply(doc(broken), action!);
      assert.equal(
        fixed,
        doc(
          insertAfter(
            broken,
            '    status: major_outage',
            'timestamps:',
            '  started_at: 2024-03-02T11:15:00+01:00',
            '  detected_at: 2024-03-02T11:15:00+01:00',
            '  published_at: 2024-03-02T11:15:00+01:00',
          ),
        ),
      );
      assertFixed(fixed, '/timestamps');
    });

    it('inserts a missing list with one complete item', () => {
      const broken = VALID.filter((line) => !/^(contacts:| {2}- role: press| {4}(name: Pressestelle|email: presse@))/.test(line));
      const [action] = actionsFor(doc(broken), '/contacts');
      const fixed = apply(doc(broken), action!);
      assert.equal(fixed, doc(insertAfter(broken, '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.', 'contacts:', '  - role: press')));
      assertFixed(fixed, '/contacts');
    });

    it('inserts the resolution time the rule suggests', () => {
      const text = doc(replaceLine(VALID, 'status: investigating', 'status: resolved'));
      const [action] = actionsFor(text, '/timestamps/resolved_at', OPTIONS, 'resolved-needs-time');
      const fixed = apply(text, action!);
      assert.equal(
        fixed,
        doc(insertAfter(replaceLine(VALID, 'status: investigating', 'status: resolved'), '  detected_at: 2024-03-01T09:00:00+01:00', '  resolved_at: 2024-03-02T11:15:00+01:00')),
      );
    });

    it('appends into a flow mapping', () => {
      const lines = VALID.filter((line) => !/^ {2}(started|detected|published)_at:/.test(line)).map((line) =>
        line === 'timestamps:' ? 'timestamps: {started_at: 2024-03-01T08:00:00+01:00, detected_at: 2024-03-01T09:00:00+01:00}' : line,
      );
      const [action] = actionsFor(doc(lines), '/timestamps/published_at');
      const fixed = apply(doc(lines), action!);
      assert.equal(
        fixed,
        doc(
          replaceLine(
            lines,
            'timestamps: {started_at: 2024-03-01T08:00:00+01:00, detected_at: 2024-03-01T09:00:00+01:00}',
            'timestamps: {started_at: 2024-03-01T08:00:00+01:00, detected_at: 2024-03-01T09:00:00+01:00, published_at: 2024-03-02T11:15:00+01:00}',
          ),
        ),
      );
      assertFixed(fixed, '/timestamps/published_at');
    });

    it('works when the closing fence is the last line without a line break', () => {
      const broken = replaceLine(VALID.slice(0, VALID.indexOf('---', 1) + 1), '    text: Erste Meldung.');
      const text = doc(broken); // ends with "---", no newline
      assert.ok(text.endsWith('\n---'));
      const [action] = actionsFor(text, '/updates/0/text');
      const fixed = apply(text, action!);
      assert.equal(
        fixed,
        doc(insertAfter(broken, '  - at: 2024-03-01T12:00:00+01:00', '    text: <Text>')),
      );
    });

    it('keeps a trailing comment on the line it follows', () => {
      const lines = replaceLine(
        replaceLine(VALID, 'status: investigating', 'status: investigating # still open'),
        'severity: major',
      );
      const [action] = actionsFor(doc(lines), '/severity');
      assert.equal(apply(doc(lines), action!), doc(insertAfter(lines, 'status: investigating # still open', 'severity: critical')));
    });

    it('appends into a flow mapping before a comment that ends its last line, not inside it (found by fixProperties)', () => {
      const flow = 'timestamps: {started_at: 2024-03-01T08:00:00+01:00, detected_at: 2024-03-01T09:00:00+01:00 # local time';
      const lines = VALID.filter((line) => !/^ {2}(started|detected|published)_at:/.test(line)).flatMap((line) => (line === 'timestamps:' ? [flow, '  }'] : [line]));
      const [action] = actionsFor(doc(lines), '/timestamps/published_at');
      const fixed = apply(doc(lines), action!);
      assert.equal(fixed, doc(replaceLine(lines, flow, 'timestamps: {started_at: 2024-03-01T08:00:00+01:00, detected_at: 2024-03-01T09:00:00+01:00, published_at: 2024-03-02T11:15:00+01:00 # local time')));
      assertFixed(fixed, '/timestamps/published_at');
    });

    it('never inserts a key the mapping has already, with a value a rule could not read (found by fixProperties)', () => {
      const lines = replaceLine(VALID, '  entity: not_covered', '  entity: important', '  significant: yes', '  early_warning_at: 2024-03-01T20:00:00+01:00', '  notification_at: 2024-03-03T10:00:00+01::00');
      const late = createLinter({ locale: 'en', timeZone: 'Europe/Berlin', now: () => Date.parse('2024-04-20T10:00:00Z'), rules: { 'gdpr-notification': 'off' } });
      const result = late.lint(doc(lines));
      assert.deepEqual(
        result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.path} ${f.fix?.kind ?? '-'}`),
        ['30:20 nis2-reporting /nis2/notification_at insert-key', '30:20 schema /nis2/notification_at -'],
      );
      // `notification_at: <now>` below the unreadable one would be a duplicate key: the schema's finding says what to correct.
      assert.deepEqual(fixEdits(result.report, result.findings[0]!, OPTIONS), []);
    });

    it('offers nothing while the YAML has syntax errors', () => {
      const text = doc(replaceLine(replaceLine(VALID, 'severity: major'), 'organization: Stadt Beispiel', 'organization: [Stadt'));
      const report = linter.lint(text).report;
      const fake: Finding = {
        ruleId: 'schema', severity: 'error', message: '', offset: 0, endOffset: 3, line: 1, column: 1, endLine: 1, endColumn: 4, path: '/severity',
        fix: { kind: 'insert-key', parentPath: '', key: 'severity', placeholder: 'critical' },
      };
      assert.deepEqual(fixEdits(report, fake, OPTIONS), []);
    });
  });

  describe('replace-value', () => {
    it('offers every allowed value, the closest one preferred and safe', () => {
      const text = doc(replaceLine(VALID, 'status: investigating', 'status: resolvd'));
      const actions = actionsFor(text, '/status');
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred, a.safe]),
        [
          ['Change to `resolved`', true, true],
          ['Change to `investigating`', false, false],
          ['Change to `identified`', false, false],
          ['Change to `monitoring`', false, false],
        ],
      );
      assert.equal(apply(text, actions[0]!), doc(replaceLine(VALID, 'status: investigating', 'status: resolved')));
      assert.equal(apply(text, actions[2]!), doc(replaceLine(VALID, 'status: investigating', 'status: identified')));
    });

    it('prefers nothing when no allowed value is close', () => {
      const text = doc(replaceLine(VALID, '    status: major_outage', '    status: closed # in German: geschlossen'));
      const actions = actionsFor(text, '/affected_services/0/status');
      assert.equal(actions.length, 5);
      assert.ok(actions.every((a) => !a.isPreferred && !a.safe));
      assert.equal(apply(text, actions[3]!), doc(replaceLine(VALID, '    status: major_outage', '    status: major_outage # in German: geschlossen')));
    });

    it('replaces a YAML boolean by the word it stood for', () => {
      const text = doc(replaceLine(VALID, '  occurred: unknown', '  occurred: false'), '\r\n');
      const [preferred] = actionsFor(text, '/data_loss/occurred');
      assert.deepEqual([preferred!.title, preferred!.isPreferred, preferred!.safe], ['Change to `no`', true, true]);
      assert.equal(apply(text, preferred!), doc(replaceLine(VALID, '  occurred: unknown', '  occurred: no'), '\r\n'));
    });

    it('renames a misspelt key', () => {
      const text = doc(replaceLine(VALID, 'severity: major', 'severty: major'));
      const actions = actionsFor(text, '/severty');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Rename to `severity`', true, true]]);
      assert.equal(apply(text, actions[0]!), doc(VALID));
    });

    it('never renames a key to one that is already there: a duplicate key is invalid YAML (found by fixProperties)', () => {
      const text = doc(insertAfter(VALID, 'severity: major', 'severty: minor'));
      const findings = linter.lint(text).findings;
      assert.deepEqual(
        findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.path} ${f.message} ${f.fix === undefined}`),
        ['8:1-8:8 schema /severty `severty` is not a field of an incident report: remove it, or start your own fields with `x-`. true'],
      );
      // Nor does the fix engine, whoever asks it to.
      const report = linter.lint(text).report;
      const rename: Finding = { ...findings[0]!, fix: { kind: 'replace-value', offset: findings[0]!.offset, endOffset: findings[0]!.endOffset, values: ['severity', 'status'], preferred: 'severity' } };
      assert.deepEqual(fixEdits(report, rename, OPTIONS).map((a) => [a.title, a.isPreferred, a.safe]), []);
    });

    it('replaces a block scalar without joining the next line to it, keeping a comment on its header (found by fixProperties)', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = doc(replaceLine(VALID, 'status: investigating', 'status: |-', '  resolvd'), eol);
        const [finding] = linter.lint(text).findings;
        assert.equal(`${finding!.line}:${finding!.column}-${finding!.endLine}:${finding!.endColumn} ${finding!.path}`, '6:9-7:10 /status');
        const [preferred] = actionsFor(text, '/status');
        assert.equal(apply(text, preferred!), doc(replaceLine(VALID, 'status: investigating', 'status: resolved'), eol));
        assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), doc(replaceLine(VALID, 'status: investigating', 'status: resolved'), eol));
      }
      const commented = doc(replaceLine(VALID, 'status: investigating', 'status: >- # typed on the phone', '  resolvd'));
      assert.equal(apply(commented, actionsFor(commented, '/status')[0]!), doc(replaceLine(VALID, 'status: investigating', 'status: resolved # typed on the phone')));
    });

    it('never changes a list item to a value another item of the list has (found by fixProperties)', () => {
      const text = doc(insertAfter(VALID, '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.', '  breach_type:', '    - confidentiality', '    - integrty'));
      const actions = actionsFor(text, '/data_loss/breach_type/1');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Change to `integrity`', true, true], ['Change to `availability`', false, false]]);
    });

    it('adds the UTC offset to a timestamp without one (German title)', () => {
      const text = doc(replaceLine(VALID, '  detected_at: 2024-03-01T09:00:00+01:00', '  detected_at: 2024-03-01T09:00:00'));
      const actions = actionsFor(text, '/timestamps/detected_at', { ...OPTIONS, locale: 'de' }, 'timestamp-timezone');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['UTC-Versatz ergänzen: `2024-03-01T09:00:00+01:00`', true, true]]);
      assert.equal(apply(text, actions[0]!), doc(VALID));
    });
  });

  describe('data_loss variants', () => {
    const withoutBlock = VALID.filter((line) => !/^(data_loss:| {2}(occurred|exfiltration|personal_data|statement):)/.test(line));

    for (const lang of ['de', 'en'] as Locale[]) {
      it(`inserts a whole data_loss block in each variant, in the report language (${lang})`, () => {
        const lines = replaceLine(withoutBlock, 'lang: de', `lang: ${lang}`);
        const actions = actionsFor(doc(lines), '/data_loss');
        assert.deepEqual(
          actions.map((a) => a.title),
          ['Add `data_loss`: no data loss', 'Add `data_loss`: data loss suspected', 'Add `data_loss`: data loss confirmed', 'Add `data_loss`: under investigation'],
        );
        assert.ok(actions.every((a) => !a.safe && !a.isPreferred));
        actions.forEach((action, i) => {
          const template = DATA_LOSS_TEMPLATES[i]!;
          const fixed = apply(doc(lines), action);
          assert.equal(
            fixed,
            doc(
              insertAfter(
                lines,
                '  published_at: 2024-03-01T12:00:00+01:00',
                'data_loss:',
                `  occurred: ${template.occurred}`,
                `  exfiltration: ${template.exfiltration}`,
                `  personal_data: ${template.personal_data}`,
                `  statement: ${template.statement[lang]}`,
              ),
            ),
          );
          assertFixed(fixed, '/data_loss');
          assertFixed(fixed, '/data_loss/statement');
        });
      });
    }

    it('when only the statement is missing, prefers the variant matching the facts and inserts just the sentence', () => {
      const lines = replaceLine(
        replaceLine(replaceLine(VALID, '  occurred: unknown', '  occurred: no'), '  exfiltration: under_investigation', '  exfiltration: no_indication'),
        '  personal_data: unknown',
        '  personal_data: no',
      );
      const broken = replaceLine(lines, '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.');
      const actions = actionsFor(doc(broken), '/data_loss/statement', { ...OPTIONS, locale: 'de' });
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred]),
        [
          ['Aussage ergänzen: kein Datenabfluss', true],
          ['`data_loss` setzen auf: Datenabfluss vermutet', false],
          ['`data_loss` setzen auf: Datenabfluss bestätigt', false],
          ['`data_loss` setzen auf: wird untersucht', false],
        ],
      );
      assert.equal(apply(doc(broken), actions[0]!), doc(insertAfter(broken, '  personal_data: no', `  statement: ${DATA_LOSS_TEMPLATES[0]!.statement.de}`)));
      const suspected = apply(doc(broken), actions[1]!);
      assert.equal(
        suspected,
        doc(
          insertAfter(
            replaceLine(replaceLine(replaceLine(broken, '  occurred: no', '  occurred: unknown'), '  exfiltration: no_indication', '  exfiltration: suspected'), '  personal_data: no', '  personal_data: unknown'),
            '  personal_data: unknown',
            `  statement: ${DATA_LOSS_TEMPLATES[1]!.statement.de}`,
          ),
        ),
      );
    });

    it('never sets a fact another field repeats through an alias (found by fixProperties)', () => {
      // `expected_restoration: *u` repeats `occurred`: a variant with `occurred: no` would make it `no` too.
      const lines = replaceLine(
        replaceLine(replaceLine(VALID, '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.'), '  occurred: unknown', '  occurred: &u unknown'),
        'contacts:',
        'expected_restoration: *u',
        'contacts:',
      );
      const actions = actionsFor(doc(lines), '/data_loss/statement');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
        ['Set `data_loss` to: data loss suspected', false],
        ['Add the statement: under investigation', true],
      ]);
      for (const action of actions) assert.equal((parseReport(apply(doc(lines), action)).data as { expected_restoration: unknown }).expected_restoration, 'unknown');
    });

    it('keeps other data_loss fields when setting a variant', () => {
      const lines = insertAfter(replaceLine(VALID, '  statement: Ob Daten abgeflossen sind, wird derzeit geprüft.'), '  personal_data: unknown', '  records_approx: 1000 # estimate');
      const actions = actionsFor(doc(lines), '/data_loss/statement');
      const investigating = actions.find((a) => a.title.includes('under investigation'))!;
      assert.equal(investigating.isPreferred, true);
      assert.equal(apply(doc(lines), investigating), doc(insertAfter(lines, '  personal_data: unknown', `  statement: ${DATA_LOSS_TEMPLATES[3]!.statement.de}`)));
    });
  });

  describe('nis2-scope', () => {
    it('keeps the comments written between `applies:` and its value when the answers take its place (found by fixProperties)', () => {
      const lines = replaceLine(VALID, '  entity: not_covered', '  applies: # asked the legal office', '    unknown');
      const actions = actionsFor(doc(lines), '/nis2/applies', OPTIONS, 'nis2-reporting');
      const notCovered = actions.find((a) => a.title === 'Answer NIS2: entity: not_covered')!;
      assert.equal(apply(doc(lines), notCovered), doc(replaceLine(VALID, '  entity: not_covered', '  # asked the legal office', '  entity: not_covered')));
      const block = doc(replaceLine(VALID, '  entity: not_covered', '  applies: |- # asked the legal office', '    unknown'));
      const important = actionsFor(block, '/nis2/applies', OPTIONS, 'nis2-reporting').find((a) => a.title === 'Answer NIS2: entity: important, significant: unknown')!;
      assert.equal(apply(block, important), doc(replaceLine(VALID, '  entity: not_covered', '  # asked the legal office', '  entity: important', '  significant: unknown')));
    });
  });

  describe('sort-updates', () => {
    const UPDATES = [
      'updates:',
      '  # first notice',
      '  - at: 2024-03-01T14:00:00+01:00 # afternoon',
      '    text: Zweite Meldung.',
      '',
      '  - at: 2024-03-01T12:00:00+01:00',
      '    text: Erste Meldung.',
      '  # correction, same minute as the one below',
      '  - at: 2024-03-01T13:00:00+01:00',
      '    text: |',
      '      Dritte Meldung,',
      '      zweizeilig.',
      '  - at: 2024-03-01T12:00:00Z',
      '    text: Vierte Meldung.',
    ];
    const lines = [...VALID.slice(0, VALID.indexOf('updates:')), ...UPDATES, ...VALID.slice(VALID.indexOf('---', 1))];

    for (const eol of ['\n', '\r\n']) {
      it(`moves whole items with their comments, stable for equal times (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
        const text = doc(lines, eol);
        const finding = linter.lint(text).findings.find((f) => f.fix?.kind === 'sort-updates')!;
        assert.ok(finding, 'no sort-updates finding');
        const actions = fixEdits(linter.lint(text).report, finding, OPTIONS);
        assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Sort `updates` chronologically', true, true]]);
        const expected = [
          ...VALID.slice(0, VALID.indexOf('updates:')),
          'updates:',
          '  - at: 2024-03-01T12:00:00+01:00',
          '    text: Erste Meldung.',
          '',
          '  # correction, same minute as the one below',
          '  - at: 2024-03-01T13:00:00+01:00',
          '    text: |',
          '      Dritte Meldung,',
          '      zweizeilig.',
          '  - at: 2024-03-01T12:00:00Z',
          '    text: Vierte Meldung.',
          '  # first notice',
          '  - at: 2024-03-01T14:00:00+01:00 # afternoon',
          '    text: Zweite Meldung.',
          ...VALID.slice(VALID.indexOf('---', 1)),
        ];
        const fixed = apply(text, actions[0]!);
        assert.equal(fixed, doc(expected, eol));
        assert.equal(linter.lint(fixed).findings.filter((f) => f.fix?.kind === 'sort-updates').length, 0);
      });
    }

    it('moves the items in the document\'s line ending when one CRLF line stands in an LF file (it put bare LFs into a CRLF document)', () => {
      const text = doc(lines, '\n').replace('  - at: 2024-03-01T12:00:00Z\n', '  - at: 2024-03-01T12:00:00Z\r\n');
      const finding = linter.lint(text).findings.find((f) => f.fix?.kind === 'sort-updates')!;
      const [action] = fixEdits(linter.lint(text).report, finding, OPTIONS);
      const edit = action!.edits[0]!;
      assert.deepEqual(edit.newText.split('\r\n').slice(0, 3), ['  - at: 2024-03-01T12:00:00+01:00', '    text: Erste Meldung.', '']);
      assert.ok(!/(^|[^\r])\n/.test(edit.newText), JSON.stringify(edit.newText));
    });

    it('keeps an item whose time cannot be read in its place', () => {
      const text = doc([
        ...VALID.slice(0, VALID.indexOf('updates:')),
        'updates:',
        '  - at: 2024-03-01T14:00:00+01:00',
        '    text: B',
        '  - at: sometime',
        '    text: X',
        '  - at: 2024-03-01T13:00:00+01:00',
        '    text: A',
        ...VALID.slice(VALID.indexOf('---', 1)),
      ]);
      const report = linter.lint(text).report;
      const [action] = fixEdits(report, { ...findingStub(), fix: { kind: 'sort-updates' } }, OPTIONS);
      assert.equal(
        apply(text, action!),
        doc([
          ...VALID.slice(0, VALID.indexOf('updates:')),
          'updates:',
          '  - at: 2024-03-01T13:00:00+01:00',
          '    text: A',
          '  - at: sometime',
          '    text: X',
          '  - at: 2024-03-01T14:00:00+01:00',
          '    text: B',
          ...VALID.slice(VALID.indexOf('---', 1)),
        ]),
      );
    });

    it('offers no sort that would move an alias above its anchor: every fix is read back, and fix all leaves the text readable', () => {
      const text = doc([
        ...VALID.slice(0, VALID.indexOf('updates:')),
        'updates:',
        '  - at: 2024-03-01T14:00:00+01:00',
        '    text: &same Das Bürgerbüro bleibt geschlossen.',
        '  - at: 2024-03-01T12:00:00+01:00',
        '    text: *same',
        ...VALID.slice(VALID.indexOf('---', 1)),
      ]);
      const { report, findings } = linter.lint(text);
      const finding = findings.find((f) => f.fix?.kind === 'sort-updates')!;
      assert.equal(finding.message, 'updates[1].at (2024-03-01T12:00:00+01:00) is older than the update before it (2024-03-01T14:00:00+01:00): list updates in chronological order.');
      assert.deepEqual(fixEdits(report, finding, OPTIONS), []);
      assert.equal(fixAllText(text, (input) => linter.lint(input), OPTIONS), text);
    });

    it('offers nothing when the updates are already in order', () => {
      const report = linter.lint(doc(VALID)).report;
      assert.deepEqual(fixEdits(report, { ...findingStub(), fix: { kind: 'sort-updates' } }, OPTIONS), []);
    });
  });

  describe('write-count (count-format)', () => {
    for (const [written, fixed] of [['41.000', '41000'], ['"41,000"', '41000'], ['1.200.000', '1200000'], ["'41 000'", '41000']] as const) {
      it(`writes ${written} as ${fixed}: preferred, never applied unasked`, () => {
        const text = doc(insertAfter(VALID, '  personal_data: unknown', `  subjects_approx: ${written}`));
        const actions = actionsFor(text, '/data_loss/subjects_approx', OPTIONS, 'count-format');
        assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [[`Write \`${fixed}\``, true, false]]);
        const out = apply(text, actions[0]!);
        assert.equal(out, doc(insertAfter(VALID, '  personal_data: unknown', `  subjects_approx: ${fixed}`)));
        assertFixed(out, '/data_loss/subjects_approx');
        assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), text, 'fix all leaves the number to the author');
      });
    }

    it('offers nothing for a fraction: a count has none', () => {
      const text = doc(insertAfter(VALID, '  personal_data: unknown', '  subjects_approx: 41.5'));
      const finding = linter.lint(text).findings.find((f) => f.ruleId === 'count-format')!;
      assert.equal(finding.fix, undefined);
      assert.deepEqual(linter.lint(text).findings.filter((f) => f.ruleId === 'schema').map((f) => f.path), [], 'reported once, by count-format');
    });
  });

  describe('restate-count (claim-count)', () => {
    const withCount = (sentence: string, lang: 'de' | 'en' = 'de') => {
      const lines = insertAfter(VALID, '  personal_data: unknown', '  subjects_approx: 41000');
      const body = lang === 'de' ? lines : replaceLine(replaceLine(lines, 'lang: de', 'lang: en'), '## Pressemitteilung', '## Press release');
      return doc(replaceLine(body, 'Die Stadt informiert.', sentence));
    };
    const cases: Array<[string, string, 'de' | 'en', string]> = [
      ['Betroffen sind rund 50.000 Einwohnerinnen und Einwohner.', 'Betroffen sind rund 41.000 Einwohnerinnen und Einwohner.', 'de', 'rund 41.000'],
      ['Über 1.000 Bürgerinnen und Bürger sind betroffen.', 'Rund 41.000 Bürgerinnen und Bürger sind betroffen.', 'de', 'Rund 41.000'],
      ['Daten von Hunderten Betroffenen wurden kopiert.', 'Daten von rund 41.000 Betroffenen wurden kopiert.', 'de', 'rund 41.000'],
      ['Thousands of residents are affected, not hundreds of residents.', 'Thousands of residents are affected, not hundreds of residents.', 'en', ''],
      ['Hundreds of residents are affected.', 'About 41,000 residents are affected.', 'en', 'About 41,000'],
      ['Data of more than 1,000 people was copied.', 'Data of about 41,000 people was copied.', 'en', 'about 41,000'],
    ];
    for (const [sentence, fixed, lang, value] of cases) {
      it(`${lang}: "${sentence}"`, () => {
        const text = withCount(sentence, lang);
        const findings = linter.lint(text).findings.filter((f) => f.ruleId === 'claim-count');
        if (!value) {
          assert.deepEqual(findings, [], 'a count that holds (and a negated one) is no finding');
          return;
        }
        assert.equal(findings.length, 1);
        const actions = fixEdits(linter.lint(text).report, findings[0]!, OPTIONS);
        assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [[`Give the number of the facts: “${value}”`, true, false]]);
        const out = apply(text, actions[0]!);
        assert.equal(out, withCount(fixed, lang));
        assert.deepEqual(linter.lint(out).findings.filter((f) => f.ruleId === 'claim-count'), []);
        assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), text, 'fix all never changes what is published');
      });
    }

    it('offers none where the grammar would break ("Tausende von Bürgern") or the fact is missing', () => {
      const text = doc(insertAfter(VALID, '  personal_data: unknown', '  subjects_approx: 450')).replace('Die Stadt informiert.', 'Tausende von Bürgern sind betroffen.');
      const [finding] = linter.lint(text).findings.filter((f) => f.ruleId === 'claim-count');
      assert.ok(finding && finding.fix === undefined);
      const missing = doc(VALID).replace('Die Stadt informiert.', 'Rund 5.000 Personen sind betroffen.');
      const [warning] = linter.lint(missing).findings.filter((f) => f.ruleId === 'claim-count');
      assert.equal(warning?.severity, 'warning');
      assert.equal(warning?.fix, undefined);
    });
  });

  describe('fix all', () => {
    it('applies exactly the safe fixes of the broken example', () => {
      const input = readFileSync(join(__dirname, '..', '..', 'examples', 'broken', 'broken.incident.md'), 'utf8');
      const fixed = fixAllText(input, (text) => linter.lint(text), OPTIONS);
      const expected = input
        .replace('severty: major', 'severity: major')
        .replace('detected_at: 2023-10-30T06:45:00 ', 'detected_at: 2023-10-30T06:45:00+01:00 ')
        .replace('occurred: false', 'occurred: no')
        .replace(
          /( {2}- at: 2023-10-30T10:30:00\+01:00\n.*\n)( {2}- at: 2023-10-30T09:15:00\+01:00.*\n.*\n)/,
          (_, first: string, second: string) => second + first,
        );
      assert.notEqual(expected, input);
      assert.equal(fixed, expected);
      // What is left needs the author: placeholders, facts, the press contact.
      const report = linter.lint(fixed);
      assert.deepEqual(safeEdits(report.report, report.findings, OPTIONS), []);
    });

    it('keeps a BOM and CRLF', () => {
      const text = '\uFEFF' + doc(replaceLine(VALID, 'status: investigating', 'status: resolvd'), '\r\n');
      const expected = '\uFEFF' + doc(replaceLine(VALID, 'status: investigating', 'status: resolved'), '\r\n');
      assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), expected);
    });

    it('never inserts placeholders', () => {
      const text = doc(replaceLine(VALID, 'severity: major'));
      assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), text);
    });
  });

  describe('replace-value: a timestamp near miss written in RFC 3339', () => {
    it('rewrites `30.10.2023, 8:00 Uhr` and `+0100` exactly; fix all does it unasked', () => {
      const text = doc(
        replaceLine(replaceLine(VALID, '  started_at: 2024-03-01T08:00:00+01:00', '  started_at: 1.3.2024, 8:00 Uhr'), '  detected_at: 2024-03-01T09:00:00+01:00', '  detected_at: 2024-03-01T09:00:00+0100'),
      );
      const actions = actionsFor(text, '/timestamps/started_at');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Change to `2024-03-01T08:00:00+01:00`', true, true]]);
      assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), doc(VALID));
    });
  });

  describe('quote-value (yaml-syntax)', () => {
    const TITLE = 'title: Stadt Beispiel – Online-Dienste gestört';
    const cases = [
      ['[Update] Online-Dienste gestört', '4:8-4:39', 'A value that starts with `[` is read as a list, and the text after its `]` is left over: put the whole value in quotes.'],
      ['{Info} Online-Dienste gestört', '4:8-4:37', 'A value that starts with `{` is read as a mapping, and the text after its `}` is left over: put the whole value in quotes.'],
      ['"Cyberangriff" auf die Stadt', '4:8-4:36', 'Text follows the closing quote, so the quotes do not enclose the whole value: put the whole value in quotes.'],
      ['*Eilmeldung* Online-Dienste gestört', '4:8-4:43', 'A value that starts with `*` is read as an alias (`*name`): put the whole value in quotes.'],
      // Found by the property below: its `:` fails it too, but the `*` is the mistake to name.
      ['*Eilmeldung: Online-Dienste gestört', '4:8-4:43', 'A value that starts with `*` is read as an alias (`*name`): put the whole value in quotes.'],
      ['*Eilmeldung', '4:8-4:19', 'The alias `*Eilmeldung` refers to no anchor `&Eilmeldung`: if the `*` is part of the text, put the whole value in quotes.'],
      ['@Stadt Online-Dienste gestört', '4:8-4:37', 'A value cannot start with @ in YAML: put the whole value in quotes.'],
      ['@Stadt: Online-Dienste gestört', '4:8-4:38', 'A value cannot start with @ in YAML: put the whole value in quotes.'],
      ['Update: Online-Dienste gestört', '4:8-4:38', 'The value contains a `:` that YAML reads as the start of another field: put the whole value in quotes.'],
      ['- Online-Dienste gestört -', '4:8-4:34', 'A value cannot start with - in YAML: put the whole value in quotes.'],
    ] as const;
    for (const [written, range, message] of cases) {
      it(`${written}: said at the value, quoted by the fix (preferred, never applied unasked)`, () => {
        const text = doc(replaceLine(VALID, TITLE, `title: ${written}  `));
        const findings = linter.lint(text).findings;
        assert.deepEqual(
          findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`),
          [`${range} yaml-syntax ${message}`],
        );
        const actions = fixEdits(linter.lint(text).report, findings[0]!, OPTIONS);
        assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [[`Put the value in quotes: \`${JSON.stringify(written)}\``, true, false]]);
        const out = apply(text, actions[0]!);
        assert.equal(out, doc(replaceLine(VALID, TITLE, `title: ${JSON.stringify(written)}  `)));
        assert.deepEqual(linter.lint(out).findings, []);
        assert.equal(fixAllText(text, (t) => linter.lint(t), OPTIONS), text, 'fix all leaves it to the author');
      });
    }

    it('points at a quote or bracket that is never closed, where it opens (no fix: what was meant is unclear)', () => {
      for (const [written, message] of [
        ['"Online-Dienste gestört', 'The quote `"` here is never closed: add the closing `"` at the end of the value.'],
        ['[Update Online-Dienste gestört', 'The `[` here opens a list that is never closed with `]`: close it, or put the whole value in quotes if the `[` is part of the text.'],
        ['{Update Online-Dienste gestört', 'The `{` here opens a mapping that is never closed with `}`: close it, or put the whole value in quotes if the `{` is part of the text.'],
      ] as const) {
        const findings = linter.lint(doc(replaceLine(VALID, TITLE, `title: ${written}`))).findings;
        assert.deepEqual(
          findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message} ${f.fix === undefined}`),
          [`4:8-4:${8 + written.length} ${message} true`],
        );
      }
    });

    it('offers no fix for a value that may go on in the next line', () => {
      const text = doc(replaceLine(VALID, TITLE, 'title: [Update] Online-Dienste', '  gestört'));
      const finding = linter.lint(text).findings.find((f) => f.ruleId === 'yaml-syntax')!;
      assert.equal(finding.message, 'A value that starts with `[` is read as a list, and the text after its `]` is left over: put the whole value in quotes.');
      assert.equal(finding.fix, undefined);
    });

    it('property: text that YAML misreads for its start or a `: ` is quoted back to exactly what was written, in a mapping or a list', () => {
      const starts = ['[Update] ', '{Info} ', '*Eil* ', '*', '@', '`', '%', '"Zitat" ', "'Zitat' ", ']', '}', '- ', '|', 'Lage: '];
      const rest = fc
        .tuple(
          fc.constantFrom(...'AbcÄöß'), // not a digit: `|1` is a block scalar's indentation indicator
          fc.string({ unit: fc.constantFrom(...'abc XYZ äüß 09.,;:!?-–„“"\\\'#@*[]{}()/&%'), maxLength: 30 }),
        )
        .map(([first, more]) => first + more);
      fc.assert(
        fc.property(fc.constantFrom(...starts), rest, fc.constantFrom('title', 'list item', 'first key of a nested mapping'), (start, tail, where) => {
          // As a list item, `- A` is a nested list and `Lage: A` a mapping: both are valid YAML there.
          fc.pre(!(where === 'list item' && (start === '- ' || start === 'Lage: ')));
          const written = start + tail;
          const lines =
            where === 'list item'
              ? insertAfter(VALID, '    status: major_outage', `  - ${written}`)
              : where === 'title'
                ? replaceLine(VALID, TITLE, `title: ${written}`)
                : insertAfter(VALID, 'data_loss:', `  note: ${written}`);
          const text = doc(lines);
          const finding = linter.lint(text).findings.find((f) => f.ruleId === 'yaml-syntax');
          assert.ok(finding?.fix?.kind === 'quote-value', `no quote fix for ${JSON.stringify(written)}: ${finding?.message}`);
          const [action] = fixEdits(linter.lint(text).report, finding, OPTIONS);
          const fixed = parseReport(apply(text, action!));
          assert.deepEqual(fixed.yamlErrors, []);
          const data = fixed.data as { title: unknown; affected_services: unknown[]; data_loss: { note?: unknown } };
          const value = where === 'list item' ? data.affected_services[1] : where === 'title' ? data.title : data.data_loss.note;
          assert.equal(value, written.trimEnd());
        }),
        { numRuns: 1000, seed: 4711 },
      );
    });
  });

  describe('quote-value (yaml-comment-in-value)', () => {
    const TITLE = 'title: Stadt Beispiel – Online-Dienste gestört';

    it('keeps `#3` in the title: the warning names the comment, the fix quotes the whole value', () => {
      const text = doc(replaceLine(VALID, TITLE, 'title: Lagebericht #3 zu den Online-Diensten  # Stand: Montag'));
      const findings = linter.lint(text).findings;
      assert.deepEqual(
        findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.path} ${f.message}`),
        ['4:8-4:19 warning yaml-comment-in-value /title `#3 …` starts a YAML comment, so the value ends before it (“Lagebericht”): put the whole value in quotes if the comment belongs to the text.'],
      );
      const actions = fixEdits(linter.lint(text).report, findings[0]!, OPTIONS);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Put the value in quotes: `"Lagebericht #3 zu den Online-Diensten  # Stand: Montag"`', true, false]]);
      const out = apply(text, actions[0]!);
      assert.equal(out, doc(replaceLine(VALID, TITLE, 'title: "Lagebericht #3 zu den Online-Diensten  # Stand: Montag"')));
      assert.deepEqual(linter.lint(out).findings, []);
    });

    it('leaves a comment with a space after `#`, a quoted value and a `#` inside a word alone', () => {
      for (const line of ['title: Stadt Beispiel # noch offen', 'title: "Stadt Beispiel" #2', 'title: Stadt Beispiel C#', 'title: Stadt https://example.org/#top']) {
        assert.deepEqual(linter.lint(doc(replaceLine(VALID, TITLE, line))).findings.map((f) => f.ruleId), [], line);
      }
    });

    it('property: whatever follows ` #word` on the line, the fix gives the value exactly as written', () => {
      const word = fc.string({ unit: fc.constantFrom(...'abcÄß019-_.'), minLength: 1, maxLength: 8 });
      const tail = fc.string({ unit: fc.constantFrom(...'ab äß 09.,;!?-–„“"\\\'#@*[]{}()/&%:'), maxLength: 20 });
      fc.assert(
        fc.property(word, word, tail, fc.boolean(), (before, tag, rest, inList) => {
          const written = `Stadt ${before} #${tag}${rest}`;
          const lines = inList ? insertAfter(VALID, '    status: major_outage', `  - ${written}`) : replaceLine(VALID, TITLE, `title: ${written}`);
          const text = doc(lines);
          const finding = linter.lint(text).findings.find((f) => f.ruleId === 'yaml-comment-in-value');
          assert.ok(finding?.fix?.kind === 'quote-value', `no quote fix for ${JSON.stringify(written)}`);
          assert.equal(finding.path, inList ? '/affected_services/1' : '/title');
          const [action] = fixEdits(linter.lint(text).report, finding, OPTIONS);
          const fixed = parseReport(apply(text, action!));
          const data = fixed.data as { title: unknown; affected_services: unknown[] };
          assert.equal(inList ? data.affected_services[1] : data.title, written.trimEnd());
        }),
        { numRuns: 1000, seed: 4711 },
      );
    });
  });

  describe('html-as-text (public-html)', () => {
    it('writes a pasted HTML block as its text: preferred, never applied unasked; a script is no text', () => {
      const text = doc([...VALID, '', '<p>Die <b>Bürgerbüros</b> bleiben &amp; sind geschlossen.</p>', '', '- <div>', '  Notfälle: <script>alert(1)</script>Servicenummer.', '  </div>']);
      const { report, findings } = linter.lint(text);
      const html = findings.filter((f) => f.ruleId === 'public-html');
      assert.deepEqual(html.map((f) => f.message), [
        'HTML in the public text is never published: “Die Bürgerbüros bleiben &amp; sind gesc…” would be missing from every output. Write it as Markdown.',
        'HTML in the public text is never published: “Notfälle: Servicenummer.” would be missing from every output. Write it as Markdown.',
      ]);
      const actions = fixEdits(report, html[0]!, OPTIONS);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.safe]), [['Write it as Markdown: “Die Bürgerbüros bleiben &amp; sind gesc…”', true, false]]);
      let fixed = apply(text, actions[0]!);
      fixed = apply(fixed, fixEdits(linter.lint(fixed).report, linter.lint(fixed).findings.find((f) => f.ruleId === 'public-html')!, OPTIONS)[0]!);
      assert.equal(fixed, doc([...VALID, '', 'Die Bürgerbüros bleiben &amp; sind geschlossen.', '', '- Notfälle: Servicenummer.']));
      assert.deepEqual(linter.lint(fixed).findings.filter((f) => f.ruleId === 'public-html'), []);
      assert.equal(fixAllText(text, (input) => linter.lint(input), OPTIONS), text, 'fix all never publishes hidden text unasked');
    });
  });

  describe('helpers', () => {
    it('diffEdit gives the smallest single edit', () => {
      assert.equal(diffEdit('abc', 'abc'), null);
      assert.deepEqual(diffEdit('status: resolvd\n', 'status: resolved\n'), { offset: 14, endOffset: 14, newText: 'e' });
      const before = 'a\r\nb\r\n';
      const after = 'a\r\nx\r\nb\r\n';
      const edit = diffEdit(before, after)!;
      assert.equal(applyEdits(before, [edit]), after);
    });

    it('applyEdits refuses overlapping edits', () => {
      assert.throws(() => applyEdits('abcdef', [{ offset: 0, endOffset: 3, newText: '' }, { offset: 2, endOffset: 4, newText: '' }]));
    });

    it('yamlScalar quotes only what YAML would misread', () => {
      assert.equal(yamlScalar('no'), 'no');
      assert.equal(yamlScalar('major_outage'), 'major_outage');
      assert.equal(yamlScalar('2023-10-30T01:01:00+01:00'), '2023-10-30T01:01:00+01:00');
      assert.equal(yamlScalar('Foo: Bar'), '"Foo: Bar"');
      assert.equal(yamlScalar('#1 GmbH'), '"#1 GmbH"');
      assert.equal(yamlScalar('123'), '"123"');
      assert.equal(yamlScalar('true'), '"true"');
      assert.equal(yamlScalar(''), '""');
      assert.equal(yamlScalar(5000), '5000');
      // An alias or an anchor as text (a name typed as `*a` or `&Co`) is quoted, never a crash.
      assert.equal(yamlScalar('*a'), '"*a"');
      assert.equal(yamlScalar('&Co'), '"&Co"');
      assert.equal(yamlScalar('!tag x'), '"!tag x"');
    });
  });
});

function findingStub(): Finding {
  return { ruleId: 'chronology', severity: 'error', message: '', offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1, path: '/updates' };
}
