import type { Finding, RawFinding } from '../shared/types';
import type { Rule, RuleContext } from './rule';
import { DIRECTIVE_KEYWORD, UNSUPPRESSIBLE_RULES, type Directive, type DirectivePart } from '../report/directives';
import { closest } from '../shared/similar';

/** The `suppression` rule; its `docs` are rendered to docs/rules/suppression.md by `npm run generate`. */
export const suppressionRule: Rule = {
  id: 'suppression',
  defaultSeverity: 'error',
  description: {
    en: 'Inline suppressions name rules that may be suppressed, give a reason and suppress something.',
    de: 'Unterdrückungen im Text nennen unterdrückbare Regeln, geben einen Grund an und unterdrücken etwas.',
  },
  docs: {
    checks: [
      'A finding that a rule gets wrong can be suppressed where it is, with a reason, instead of switching the rule off for every report. In the Markdown body, an HTML comment on the line before covers the findings that start on the next line: `<!-- incident-report-disable-next-line leak-ip, leak-path -- REASON -->`. In the frontmatter, a YAML comment on the line before a key (or a `- ` list item) covers the findings in that entry, its value included: `# incident-report-disable-next-line placeholder -- REASON`.',
      'A suppressed finding no longer blocks publication and stays visible: `--format json` gives it `"suppressed": {"justification": REASON}`, SARIF `"suppressions": [{"kind": "inSource", "justification": REASON}]`, the stylish summary counts it, and in VS Code the hover on the directive lists it. Directives and their reasons never appear in any output.',
      'On the directive\'s own line, this rule reports an error for a directive without a reason (it then suppresses nothing), an unknown rule, a rule that cannot be suppressed (`schema`, `yaml-syntax`, `size-limit`, `frontmatter`: facts that are wrong, or text that was never checked) and a misspelt directive; and a warning for a directive (or one of its rules) that suppresses nothing.',
    ],
    examples: ['suppression', 'suppression-errors'],
  },
  check: () => [],
  review(ctx, findings) {
    const problems: RawFinding[] = [];
    for (const directive of ctx.directives) problems.push(...directiveProblems(ctx, directive, findings));
    return problems;
  },
};

function at(ctx: RuleContext, part: DirectivePart | Directive, message: RawFinding['message'], severity?: 'warning'): RawFinding {
  return { ruleId: suppressionRule.id, message, offset: part.offset, endOffset: part.endOffset, path: null, ...(severity ? { severity } : {}) };
}

function directiveProblems(ctx: RuleContext, directive: Directive, findings: readonly Finding[]): RawFinding[] {
  if (directive.keyword.text !== DIRECTIVE_KEYWORD) {
    return [
      at(
        ctx,
        directive.keyword,
        ctx.t(
          {
            en: '`{word}` is not a directive: write `{keyword} RULE -- REASON`.',
            de: '`{word}` ist keine Anweisung: `{keyword} REGEL -- GRUND` schreiben.',
          },
          { word: directive.keyword.text, keyword: DIRECTIVE_KEYWORD },
        ),
      ),
    ];
  }
  const problems: RawFinding[] = [];
  if (directive.rules.length === 0) {
    problems.push(
      at(ctx, directive.keyword, ctx.t({ en: 'The directive names no rule: write `{keyword} RULE -- REASON`.', de: 'Die Anweisung nennt keine Regel: `{keyword} REGEL -- GRUND` schreiben.' }, { keyword: DIRECTIVE_KEYWORD })),
    );
  }
  for (const rule of directive.rules) {
    if (UNSUPPRESSIBLE_RULES.has(rule.text)) {
      problems.push(
        at(
          ctx,
          rule,
          ctx.t(
            rule.text === 'approval-current'
              ? {
                  en: '`{rule}` cannot be suppressed: a sign-off is given by people, not by a comment. Approve the release instead.',
                  de: '`{rule}` lässt sich nicht unterdrücken: Eine Freigabe erteilen Menschen, kein Kommentar. Stattdessen das Release freigeben.',
                }
              : {
                  en: '`{rule}` cannot be suppressed: its findings are facts that are wrong or text that was never checked. Correct the report instead.',
                  de: '`{rule}` lässt sich nicht unterdrücken: Die Befunde sind falsche Angaben oder nie geprüfter Text. Stattdessen den Bericht berichtigen.',
                },
            { rule: rule.text },
          ),
        ),
      );
    } else if (!ctx.ruleIds.includes(rule.text)) {
      const guess = closest(rule.text, ctx.ruleIds);
      problems.push(
        at(
          ctx,
          rule,
          guess
            ? ctx.t({ en: '`{rule}` is not a rule. Did you mean `{guess}`?', de: '`{rule}` ist keine Regel. Gemeint ist wohl `{guess}`.' }, { rule: rule.text, guess })
            : ctx.t({ en: '`{rule}` is not a rule (see `incident-report --help` or docs/rules/).', de: '`{rule}` ist keine Regel (siehe docs/rules/).' }, { rule: rule.text }),
        ),
      );
    }
  }
  if (directive.reason === null) {
    problems.push(
      at(
        ctx,
        directive,
        ctx.t({
          en: 'The directive gives no reason, so it suppresses nothing: add ` -- ` and why the finding is wrong here.',
          de: 'Die Anweisung nennt keinen Grund und unterdrückt daher nichts: ` -- ` und den Grund anfügen, warum der Befund hier falsch ist.',
        }),
      ),
    );
    return problems;
  }
  if (directive.placement !== 'ok') {
    problems.push(
      at(
        ctx,
        directive,
        directive.placement === 'trailing'
          ? ctx.t({
              en: 'The directive suppresses nothing: put it on a line of its own, right before the key.',
              de: 'Die Anweisung unterdrückt nichts: Sie gehört in eine eigene Zeile direkt vor dem Schlüssel.',
            })
          : ctx.t({
              en: 'The directive suppresses nothing: nothing follows it on the next line.',
              de: 'Die Anweisung unterdrückt nichts: In der nächsten Zeile folgt nichts.',
            }),
        'warning',
      ),
    );
    return problems;
  }
  for (const rule of directive.rules) {
    if (!ctx.ruleIds.includes(rule.text) || UNSUPPRESSIBLE_RULES.has(rule.text)) continue;
    const used = findings.some((finding) => finding.ruleId === rule.text && finding.suppressed?.line === directive.line);
    if (used) continue;
    problems.push(
      at(
        ctx,
        rule,
        ctx.t(
          directive.where === 'body'
            ? { en: '`{rule}` finds nothing on the next line: the directive suppresses nothing for it.', de: '`{rule}` findet in der nächsten Zeile nichts: Die Anweisung unterdrückt dafür nichts.' }
            : { en: '`{rule}` finds nothing in the entry below: the directive suppresses nothing for it.', de: '`{rule}` findet im folgenden Eintrag nichts: Die Anweisung unterdrückt dafür nichts.' },
          { rule: rule.text },
        ),
        'warning',
      ),
    );
  }
  return problems;
}
