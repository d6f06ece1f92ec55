import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLinter, type Finding, type LintContext, type LintResult, type Linter } from '../../src/core';
import { applyEdits, fixAllText, fixEdits, safeEdits, type FixAction, type FixOptions } from '../../src/core/linter/fixes';
import { locate } from '../../src/core/yaml';
import { formatPointer, parsePointer } from '../../src/core/yaml/pointer';
import { FIXTURE_NOW, FIXTURE_ZONE, fixtureCases } from './fixtureFormat';
import { restyle, STYLES } from './yamlRestyle';

/**
 * Quick fixes are safe: for every fix offered for every finding (each alternative, not only the
 * preferred one) over every fixture, every example, mutations of them and their YAML-style
 * variants,
 * 1. the edits stay inside the document, cut no CRLF or surrogate pair, write the document's line
 *    ending, keep the BOM and fences, and what a fix removes is what it replaces (no comment or
 *    neighbouring text goes with it; a sort moves lines, it loses none);
 * 2. frontmatter that parsed without YAML errors still does, with no new `yaml-*` finding;
 * 3. the finding is gone (same rule at the same pointer), unless the fix leaves a visible fill-in
 *    that the `placeholder` rule reports;
 * 4. no fix adds an error of another rule, except the consequences of a fact the author chose
 *    (see {@link consequence});
 * 5. fix all converges (its own output offers no safe fix), raises no error count and loses no text.
 */

const FIX_OPTIONS: FixOptions = { locale: 'en', now: FIXTURE_NOW, timeZone: FIXTURE_ZONE };
const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** A document to fix: its text, how to lint it, and a name for messages. */
interface Case {
  name: string;
  text: string;
  linter: Linter;
  context: () => LintContext;
  /** Whether the `placeholder` rule is on (a fixture may switch it off). */
  placeholders: boolean;
}

/** A case as fast-check prints a counterexample: by its name (the text follows in the assertion message). */
function caseOf(name: string, text: string, linter: Linter, context: () => LintContext, placeholders = true): Case {
  return { name, text, linter, context, placeholders, [fc.toStringMethod]: () => name } as Case;
}

const exampleLinter = createLinter({ locale: 'en', timeZone: FIXTURE_ZONE, now: () => FIXTURE_NOW });
const fixtures: Case[] = fixtureCases().map((fixture) => caseOf(fixture.name, fixture.input, fixture.linter('en'), fixture.context, fixture.options.rules?.placeholder !== 'off'));
const examples: Case[] = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => caseOf(`examples/${name}`, readFileSync(join(EXAMPLES, name), 'utf8'), exampleLinter, () => ({})));
const all = [...fixtures, ...examples];

function lint(item: Case, text: string): LintResult {
  return item.linter.lint(text, item.context());
}

/** `rule pointer` of a finding: what "the same finding" means across an edit. */
function key(f: Finding): string {
  return `${f.ruleId} ${f.path ?? '-'}`;
}

/**
 * Errors a fix may bring about because the rules can now read a fact: the fact the author chose
 * with an alternative (`status: resolved` needs `resolved_at`: resolved-needs-time; a data-loss
 * variant or NIS2 answer starts the GDPR / NIS2 clocks: gdpr-*, nis2-reporting; a variant may
 * contradict the public text: claim-*; a time the author picks is checked against the others:
 * chronology, restoration-past; a member's facts against its parent's: family-*; an approval's
 * fingerprint, a fill-in included, against the release files: approval-current), or a fact that a
 * misspelt key or value hid (`subjcts_approx` renamed reveals that the public text says 50.000:
 * claim-count; `timestampps` renamed reveals an overdue NIS2 report). Each is the rule doing its
 * job on a fact it could not read before (`ics` renamed to `iocs` reveals an indicator in the public
 * text: leak-*). A rule about how the YAML is written (yaml-*, schema,
 * frontmatter, timestamp-timezone, timezone-name, count-format, suppression) is never such a
 * consequence: a fix that adds one of those broke something.
 */
function consequence(ruleId: string): boolean {
  return /^(resolved-needs-time|gdpr-.*|nis2-reporting|claim-.*|family-.*|chronology|restoration-past|approval-current|leak-.*)$/.test(ruleId);
}

/** Whether the edits cut a CRLF or a surrogate pair at one of their ends. */
function cutsAPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 0x0d && after === 0x0a) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function sortedLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').sort();
}

/** The pointer of the field a fix renames the finding's key to, `null` when it renames no key. */
function renamedTo(report: LintResult['report'], finding: Finding, action: FixAction): string | null {
  if (finding.fix?.kind !== 'replace-value' || !finding.path || !report.yaml || report.frontmatter.kind !== 'yaml' || action.edits.length !== 1) return null;
  const keyNode = locate(report.yaml.doc, finding.path)?.pair?.key as { range?: [number, number, number] } | null | undefined;
  const base = report.frontmatter.contentOffset;
  const edit = action.edits[0]!;
  if (!keyNode?.range || keyNode.range[0] + base !== edit.offset || keyNode.range[1] + base !== edit.endOffset) return null;
  const segments = parsePointer(finding.path);
  return formatPointer([...segments.slice(0, -1), edit.newText]);
}

/** Checks properties 1–4 for one fix of one finding; returns the fixed text. */
function checkFix(item: Case, input: string, before: LintResult, finding: Finding, action: FixAction): string {
  const report = before.report;
  const text = report.text;
  const bom = input.slice(0, input.length - text.length);
  const where = `${item.name}: ${finding.ruleId} ${finding.path} “${action.title}”`;

  // 1. The edits: inside the text, in order, not cutting pairs, in the document's line ending.
  let previous = 0;
  for (const edit of action.edits) {
    assert.ok(edit.offset >= previous && edit.offset <= edit.endOffset && edit.endOffset <= text.length, `${where}: edit ${edit.offset}-${edit.endOffset} out of order or range`);
    assert.ok(!cutsAPair(text, edit.offset) && !cutsAPair(text, edit.endOffset), `${where}: edit ${edit.offset}-${edit.endOffset} cuts a CRLF or surrogate pair`);
    if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(edit.newText), `${where}: a bare LF in a CRLF document: ${JSON.stringify(edit.newText)}`);
    else assert.ok(!edit.newText.includes('\r'), `${where}: a CR in an LF document: ${JSON.stringify(edit.newText)}`);
    previous = edit.endOffset;
  }
  const fixedText = applyEdits(text, action.edits);
  const fixed = bom + fixedText;
  // Byte-identical outside the edits: what applyEdits does, checked on the result.
  let cursor = 0;
  let delta = 0;
  for (const edit of action.edits) {
    assert.equal(fixedText.slice(cursor + delta, edit.offset + delta), text.slice(cursor, edit.offset), `${where}: text between edits changed`);
    delta += edit.newText.length - (edit.endOffset - edit.offset);
    cursor = edit.endOffset;
  }
  assert.equal(fixedText.slice(cursor + delta), text.slice(cursor), `${where}: text after the last edit changed`);

  // What a fix removes is what it replaces.
  const fix = finding.fix!;
  const removed = action.edits.map((edit) => text.slice(edit.offset, edit.endOffset));
  if (fix.kind === 'sort-updates') {
    assert.deepEqual(sortedLines(action.edits[0]!.newText), sortedLines(removed[0]!), `${where}: sorting lost or added lines`);
  } else if (fix.kind === 'insert-key') {
    // An insertion removes nothing; a data-loss variant replaces the four values (one line each) it sets.
    const variant = fix.key === 'data_loss' || fix.key === 'statement';
    assert.ok(removed.every((r) => r === '' || (variant && !/\n[ \t]*[\w-]+:/.test(r))), `${where}: an insertion removed ${JSON.stringify(removed)}`);
  } else if ('offset' in fix) {
    assert.deepEqual(action.edits.map((e) => [e.offset, e.endOffset]), [[fix.offset, fix.endOffset]], `${where}: edits beyond the range the fix names`);
  }
  // No comment is lost: one in the text an edit replaces is in its new text (a sort moves them, a quote keeps them as text).
  action.edits.forEach((edit, i) => {
    for (const comment of removed[i]!.match(/(?:^|[ \t\r\n])#[^\r\n]*/g) ?? []) {
      assert.ok(edit.newText.includes(comment.trim()), `${where}: lost the comment ${JSON.stringify(comment.trim())} of ${JSON.stringify(removed[i])}`);
    }
  });

  const after = lint(item, fixed);
  // A fix that makes a document pass the size limit (a fixture's limit is 100 characters) leaves it unchecked: nothing to compare.
  if (after.unchecked) return fixed;
  const fm = report.frontmatter;
  if (fm.kind === 'yaml') {
    // The fences stay, and so does the body when every edit is in the frontmatter.
    assert.equal(after.report.frontmatter.kind, 'yaml', `${where}: the frontmatter is gone:\n${fixed}`);
    if (action.edits.every((edit) => edit.endOffset <= fm.close.offset)) {
      const afterFm = after.report.frontmatter;
      assert.ok(afterFm.kind === 'yaml' && fixedText.slice(afterFm.close.offset) === text.slice(fm.close.offset), `${where}: the body changed`);
    }
  }

  // A renamed key brings its value into view: what the rules say about it now was hidden, not added.
  const renamed = renamedTo(report, finding, action);
  const revealed = (f: Finding) => renamed !== null && (f.path === renamed || (f.path?.startsWith(renamed + '/') ?? false));

  // 2. YAML that parsed still parses.
  if (report.yamlErrors.length === 0 && fm.kind === 'yaml') {
    assert.deepEqual(after.report.yamlErrors.map((e) => e.message), [], `${where}: new YAML errors:\n${fixed}`);
    const beforeYaml = new Set(before.findings.filter((f) => f.ruleId.startsWith('yaml-')).map(key));
    const newYaml = after.findings.filter((f) => f.ruleId.startsWith('yaml-') && !beforeYaml.has(key(f)) && !revealed(f));
    assert.deepEqual(newYaml.map(key), [], `${where}: new yaml-* findings:\n${fixed}`);
  }

  // 3. The finding is gone: a safe fix leaves nothing of its rule at the pointer; any other fix
  // may leave the rule saying something else about the value the author must now give (a
  // notification time inserted as "now" is late), never the same thing again.
  // An NIS2 answer `unknown` records that the question is open: by design the rule keeps asking it.
  const recordsUnknown = fix.kind === 'nis2-scope' && / unknown\b/.test(action.title);
  const still = recordsUnknown ? [] : after.findings.filter((f) => key(f) === key(finding) && (action.safe ? finding.path !== null || f.message === finding.message : f.message === finding.message));
  assert.deepEqual(still.map((f) => f.message), [], `${where}: the finding is still there:\n${fixed}`);
  // Every `<…>` fill-in the fix writes is one the placeholder rule reports (unless switched off): never silently "clean".
  let shift = 0;
  for (const edit of item.placeholders ? action.edits : []) {
    for (const fill of edit.newText.matchAll(/<[^<>\r\n]+>/g)) {
      const at = edit.offset + shift + fill.index!;
      const reported = after.findings.some((f) => f.ruleId === 'placeholder' && f.offset <= at && at < f.endOffset);
      assert.ok(reported, `${where}: the fill-in ${fill[0]} is not reported by the placeholder rule:\n${fixed}`);
    }
    shift += edit.newText.length - (edit.endOffset - edit.offset);
  }

  // 4. No new error of another rule, except a consequence of a chosen fact (never for a safe fix).
  // Broken YAML hides every rule about the data: a fix that repairs it reveals them, it adds none.
  if (report.yamlErrors.length > 0 || fm.kind !== 'yaml') return fixed;
  // Sorting moves updates: an error about an update stays the same error under its new index.
  const errorKey = (f: Finding) => (fix.kind === 'sort-updates' ? key(f).replace(/^(\S+ \/updates\/)\d+/, '$1*') : key(f));
  const beforeErrors = new Set(before.findings.filter((f) => f.severity === 'error').map(errorKey));
  const added = after.findings.filter((f) => f.severity === 'error' && !beforeErrors.has(errorKey(f)) && key(f) !== key(finding));
  // The schema checks the value a fix that is not safe writes: the text as written (quoted), a fill-in.
  const checksWritten = (f: Finding) => !action.safe && f.ruleId === 'schema' && f.path === finding.path;
  const unexpected = added.filter((f) => !consequence(f.ruleId) && !revealed(f) && !checksWritten(f));
  assert.deepEqual(unexpected.map((f) => `${key(f)}: ${f.message}`), [], `${where}: new errors:\n${fixed}`);
  return fixed;
}

/** Checks every fix of every finding of `input`; returns how many fixes were checked. */
function checkAllFixes(item: Case, input: string): number {
  const before = lint(item, input);
  let checked = 0;
  for (const finding of before.findings) {
    if (!finding.fix) continue;
    for (const action of fixEdits(before.report, finding, FIX_OPTIONS)) {
      checkFix(item, input, before, finding, action);
      checked++;
    }
  }
  return checked;
}

/** Property 5: fix all converges, raises no error count, keeps the body, the BOM and the line endings. */
function checkFixAll(item: Case, input: string): boolean {
  const fixed = fixAllText(input, (text) => lint(item, text), FIX_OPTIONS);
  const before = lint(item, input);
  const after = lint(item, fixed);
  const where = `${item.name}: fix all`;
  assert.deepEqual(safeEdits(after.report, after.findings, FIX_OPTIONS), [], `${where} leaves a safe fix:\n${fixed}`);
  assert.equal(fixAllText(fixed, (text) => lint(item, text), FIX_OPTIONS), fixed, `${where} is not idempotent`);
  // Fewer errors about how the report is written; errors about facts it made readable may appear (see consequence()).
  const written = (result: LintResult) => result.findings.filter((f) => f.severity === 'error' && !consequence(f.ruleId)).length;
  assert.ok(written(after) <= written(before), `${where} raised the errors from ${written(before)} to ${written(after)}:\n${fixed}`);
  assert.equal(fixed.charCodeAt(0) === 0xfeff, input.charCodeAt(0) === 0xfeff, `${where}: BOM`);
  const bareLf = (text: string) => text.match(/(^|[^\r])\n/g)?.length ?? 0;
  const crlf = (text: string) => text.match(/\r\n/g)?.length ?? 0;
  if (crlf(input) > 0) assert.ok(bareLf(fixed) <= bareLf(input), `${where}: a bare LF in a CRLF document`);
  else assert.equal(crlf(fixed), 0, `${where}: a CRLF in an LF document`);
  const fm = before.report.frontmatter;
  const fmAfter = after.report.frontmatter;
  if (fm.kind === 'yaml') {
    assert.ok(fmAfter.kind === 'yaml', `${where}: the frontmatter is gone`);
    assert.equal(after.report.text.slice(fmAfter.close.offset), before.report.text.slice(fm.close.offset), `${where}: the body changed`);
    if (before.report.yamlErrors.length === 0) assert.deepEqual(after.report.yamlErrors.map((e) => e.message), [], `${where}: new YAML errors`);
    // No text lost: every comment of the frontmatter is still there.
    const comments = (source: string) => source.split(/\r?\n/).flatMap((line) => line.match(/(?:^|\s)#.*$/)?.[0].trim() ?? []).sort();
    assert.deepEqual(comments(fmAfter.source), comments(fm.source), `${where}: comments changed`);
  }
  return fixed !== input;
}

/** A fixture or example with a line deleted, a key or value misspelt, an offset dropped or a value made a YAML boolean. */
const mutated = fc
  .record({
    item: fc.constantFrom(...all),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('delete-line', 'drop-char', 'double-char', 'drop-offset', 'boolean', 'swap-lines', 'insert'),
        at: fc.nat(),
        text: fc.constantFrom(':', '-', '  ', '#', ' #x', '<x>', 'TODO', '\r\n', '\n', 'ü', '"', '[', '41.000'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ item, edits }) => {
    let text = item.text;
    for (const edit of edits) {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const lines = text.split(eol);
      const line = edit.at % lines.length;
      const current = lines[line]!;
      switch (edit.kind) {
        case 'delete-line':
          lines.splice(line, 1);
          break;
        case 'drop-char':
        case 'double-char': {
          // Inside a word: a misspelt key or value.
          const words = [...current.matchAll(/[A-Za-z_]{3,}/g)];
          const word = words[edit.at % Math.max(words.length, 1)];
          if (!word) break;
          const at = word.index! + 1 + (edit.at % (word[0].length - 1));
          lines[line] = current.slice(0, at) + (edit.kind === 'double-char' ? current[at] : '') + current.slice(at + (edit.kind === 'drop-char' ? 1 : 0));
          break;
        }
        case 'drop-offset':
          lines[line] = current.replace(/(T\d\d:\d\d(?::\d\d)?)(?:[+-]\d\d:\d\d|Z)/, '$1');
          break;
        case 'boolean':
          lines[line] = current.replace(/^(\s*[\w-]+:) (unknown|no|yes)\b/, `$1 ${edit.at % 2 ? 'true' : 'false'}`);
          break;
        case 'swap-lines': {
          const other = (line + 1) % lines.length;
          [lines[line], lines[other]] = [lines[other]!, current];
          break;
        }
        case 'insert': {
          const at = edit.at % (current.length + 1);
          lines[line] = current.slice(0, at) + edit.text + current.slice(at);
          break;
        }
      }
      text = lines.join(eol);
    }
    return { item, text };
  });

describe('quick fixes are safe (properties)', function () {
  this.timeout(120_000);

  it('every fix of every finding of every fixture and example', () => {
    let checked = 0;
    for (const item of all) checked += checkAllFixes(item, item.text);
    assert.ok(checked > 100, `only ${checked} fixes checked`);
  });

  it('every fix of every finding of the fixtures and examples in other YAML styles', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.subarray([...STYLES], { minLength: 1, maxLength: 3 }), (item, styles) => {
        const restyled = restyle(item.text, styles);
        if (restyled !== null) checkAllFixes(item, restyled);
      }),
      { numRuns: 150, seed: 1789 },
    );
  });

  it('every fix of every finding of mutated fixtures and examples', () => {
    fc.assert(
      fc.property(mutated, ({ item, text }) => {
        checkAllFixes(item, text);
      }),
      { numRuns: 400, seed: 1848 },
    );
  });

  it('fix all converges, raises no error count and loses no text: fixtures and examples', () => {
    let changed = 0;
    for (const item of all) if (checkFixAll(item, item.text)) changed++;
    assert.ok(changed > 5, `fix all changed only ${changed} documents`);
  });

  it('fix all converges, raises no error count and loses no text: mutated and restyled', () => {
    fc.assert(
      fc.property(mutated, fc.subarray([...STYLES], { maxLength: 2 }), ({ item, text }, styles) => {
        checkFixAll(item, text);
        const restyled = styles.length > 0 ? restyle(text, styles) : null;
        if (restyled !== null) checkFixAll(item, restyled);
      }),
      { numRuns: 200, seed: 1990 },
    );
  });
});
