import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLinter, type Finding } from '../../src/core';
import { RULE_IDS } from '../../src/core/rules';

/**
 * The sentence corpus of the claim-* rules (test/claims/corpus.yaml): every sentence is linted in
 * the public section of a report built from its facts; precision and recall over the corpus must be
 * at least 0.95, and every flagged sentence is flagged at its exact range.
 */

interface FactSet {
  status: string;
  data_loss: Record<string, string | number>;
  expected_restoration?: string;
  services: string[];
}
type Row = [lang: 'de' | 'en', facts: string, expect: string, text: string, trap?: 'trap'];
interface Corpus {
  facts: Record<string, FactSet>;
  sentences: Row[];
}

const corpus = parse(readFileSync(join(__dirname, '..', 'claims', 'corpus.yaml'), 'utf8')) as Corpus;
const CLAIM_RULES = ['claim-count', 'claim-data-loss', 'claim-restoration', 'claim-risk', 'claim-status'];
const linter = createLinter({
  now: () => Date.parse('2023-11-06T12:00:00Z'),
  rules: Object.fromEntries(RULE_IDS.filter((id) => !CLAIM_RULES.includes(id)).map((id) => [id, 'off' as const])),
});

/** A report with the facts and the sentence as its public text. */
function report(lang: 'de' | 'en', facts: FactSet, sentence: string): string {
  const services = facts.services.map((status, i) => `  - name: Dienst ${i + 1}\n    status: ${status}`).join('\n');
  const dl = Object.entries(facts.data_loss).map(([key, value]) => `  ${key}: ${value}`).join('\n');
  return [
    '---',
    'schema: incident-report/v1',
    'id: corpus',
    'title: Corpus',
    `lang: ${lang}`,
    `status: ${facts.status}`,
    ...(facts.expected_restoration ? [`expected_restoration: ${facts.expected_restoration}`] : []),
    'affected_services:',
    services,
    'data_loss:',
    dl,
    '  statement: Siehe unten.',
    '---',
    '',
    lang === 'de' ? '## Pressemitteilung' : '## Press release',
    '',
    sentence,
    '',
  ].join('\n');
}

/** The label a finding stands for, in the corpus's terms. */
function label(finding: Finding): string {
  if (finding.ruleId === 'claim-data-loss') return finding.severity;
  return finding.ruleId.replace('claim-', '');
}

describe('claim corpus (precision and recall)', () => {
  const rows = corpus.sentences.map(([lang, factsName, expect, text, trap]) => {
    const facts = corpus.facts[factsName];
    assert.ok(facts, `unknown fact set ${factsName}`);
    const doc = report(lang, facts, text);
    const findings = linter.lint(doc).findings.filter((f) => CLAIM_RULES.includes(f.ruleId));
    return { lang, factsName, expect, text, trap: trap === 'trap', doc, findings, got: findings.map(label) };
  });

  it('holds at least 120 sentences in both languages, about half of them traps, and at least 60 about numbers', () => {
    assert.ok(rows.length >= 120, `${rows.length} sentences`);
    // Number sentences: claims of a count, and traps with a number or "Tausende" that make none.
    const numbers = rows.filter((r) => r.expect === 'count' || (r.expect === 'none' && ['leak', 'small', 'uncounted'].includes(r.factsName) && /\d|hundert|tausend|hundreds|thousands/i.test(r.text)));
    assert.ok(numbers.length >= 60, `${numbers.length} number sentences`);
    assert.ok(rows.filter((r) => r.lang === 'de').length >= 40 && rows.filter((r) => r.lang === 'en').length >= 40);
    const traps = rows.filter((r) => r.trap).length / rows.length;
    assert.ok(traps > 0.4 && traps < 0.6, `traps ${traps}`);
    for (const row of rows) assert.equal(row.trap, row.expect === 'none', `only sentences without a finding are traps: ${row.text}`);
  });

  it('reaches precision and recall of at least 0.95 (table printed)', () => {
    const labels = ['error', 'warning', 'status', 'restoration', 'count', 'risk'];
    const stats = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
    const byLang = new Map(['de', 'en'].map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
    const wrong: string[] = [];
    for (const row of rows) {
      const lang = byLang.get(row.lang)!;
      for (const got of new Set(row.got)) {
        if (got === row.expect) {
          stats.get(got)!.tp++;
          lang.tp++;
        } else {
          stats.get(got)!.fp++;
          lang.fp++;
          wrong.push(`FP ${got} [${row.factsName}] ${row.text}`);
        }
      }
      if (row.expect !== 'none' && !row.got.includes(row.expect)) {
        stats.get(row.expect)!.fn++;
        lang.fn++;
        wrong.push(`FN ${row.expect} [${row.factsName}] ${row.text}`);
      }
    }
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    const line = (name: string, s: { tp: number; fp: number; fn: number }) =>
      `| ${name.padEnd(24)} | ${String(s.tp).padStart(3)} | ${String(s.fp).padStart(3)} | ${String(s.fn).padStart(3)} | ${ratio(s.tp, s.tp + s.fp).toFixed(3)} | ${ratio(s.tp, s.tp + s.fn).toFixed(3)} |`;
    const total = [...stats.values()].reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
    const names: Record<string, string> = {
      error: 'claim-data-loss (error)',
      warning: 'claim-data-loss (warning)',
      status: 'claim-status',
      restoration: 'claim-restoration',
      count: 'claim-count',
      risk: 'claim-risk',
    };
    const table = [
      `${rows.length} sentences (${rows.filter((r) => r.lang === 'de').length} German, ${rows.filter((r) => r.lang === 'en').length} English), ${rows.filter((r) => r.trap).length} traps`,
      '',
      '| finding                  |  TP |  FP |  FN | precision | recall |',
      '|--------------------------|----:|----:|----:|----------:|-------:|',
      ...labels.map((l) => line(names[l]!, stats.get(l)!)),
      line('German', byLang.get('de')!),
      line('English', byLang.get('en')!),
      line('**all**', total),
    ].join('\n');
    console.log(`\n${table}\n${wrong.length ? '\n' + wrong.join('\n') + '\n' : ''}`);
    // The rule docs show this very table (copy it into the `docs` of claim-data-loss.ts and claim-count.ts, then `npm run generate`).
    for (const rule of ['claim-data-loss', 'claim-count']) {
      const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule}.md`), 'utf8');
      assert.ok(doc.includes(table), `docs/rules/${rule}.md shows the current precision/recall table`);
    }
    assert.ok(ratio(total.tp, total.tp + total.fp) >= 0.95, `precision ${ratio(total.tp, total.tp + total.fp)}`);
    assert.ok(ratio(total.tp, total.tp + total.fn) >= 0.95, `recall ${ratio(total.tp, total.tp + total.fn)}`);
  });

  it('flags each claim at its exact range: the sentence, or the date for a restoration', () => {
    for (const row of rows.filter((r) => r.expect !== 'none')) {
      const finding = row.findings.find((f) => label(f) === row.expect);
      if (!finding) continue; // counted as a miss above
      const flagged = row.doc.slice(finding.offset, finding.endOffset);
      if (row.expect === 'restoration') assert.ok(row.text.includes(flagged) && /\d/.test(flagged) && flagged.length <= 16, `${flagged} in ${row.text}`);
      else assert.equal(flagged, row.text);
      assert.equal(finding.path, null);
    }
  });
});
