import type { Rule } from './rule';

/** U+FFFD, what a decoder writes where it could not read a character. */
const REPLACEMENT = '\uFFFD';

/**
 * The `replacement-character` rule; its `docs` are rendered to docs/rules/replacement-character.md
 * by `npm run generate`. Hosts refuse a file that is not UTF-8 before it is linted (`not UTF-8
 * text`), but an editor decodes such a file itself and hands the engine its text: every umlaut of a
 * Latin-1 report is then U+FFFD, which was linted clean and could be published.
 */
export const replacementCharacterRule: Rule = {
  id: 'replacement-character',
  defaultSeverity: 'error',
  description: {
    en: 'The text holds no replacement character (�), the mark left where a character could not be read: a file opened in the wrong encoding is not published garbled.',
    de: 'Der Text enthält kein Ersatzzeichen (�), das Zeichen, das steht, wo ein Zeichen nicht gelesen werden konnte: Eine in der falschen Kodierung geöffnete Datei wird nicht verstümmelt veröffentlicht.',
  },
  docs: {
    checks: [
      'A report saved as Windows-1252 or Latin-1 and opened as UTF-8 reads "Stadt L�nen" for "Stadt Lünen": the editor put U+FFFD where it could not read a character. The CLI and closed files refuse such a file (`not UTF-8 text`); an editor that opened it anyway hands over its text, and this rule marks the first U+FFFD and counts them all.',
      'It is an error, so the text is not approved or published until it is reopened with its encoding (VS Code: "Reopen with Encoding"), saved as UTF-8 and checked.',
    ],
  },
  check(ctx) {
    const { text } = ctx.report;
    const first = text.indexOf(REPLACEMENT);
    if (first === -1) return [];
    let count = 0;
    for (let at = first; at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) count++;
    return [
      {
        ruleId: this.id,
        message: ctx.t(
          {
            en: 'The text holds {count} replacement character(s) (�), the first here: the mark left where a character could not be read. The file was probably saved as Windows-1252 or Latin-1 and opened as UTF-8. Reopen it with its encoding, save it as UTF-8 and check the text.',
            de: 'Der Text enthält {count} Ersatzzeichen (�), das erste hier: das Zeichen, das steht, wo ein Zeichen nicht gelesen werden konnte. Die Datei wurde wahrscheinlich als Windows-1252 oder Latin-1 gespeichert und als UTF-8 geöffnet. Sie mit ihrer Kodierung neu öffnen, als UTF-8 speichern und den Text prüfen.',
          },
          { count },
        ),
        offset: first,
        endOffset: first + 1,
        path: null,
      },
    ];
  },
};
