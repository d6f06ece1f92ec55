import type { Localized, RawFinding } from '../shared/types';
import type { Rule } from './rule';

const BY_CODE: Record<string, Localized> = {
  BAD_INDENT: {
    en: 'Wrong indentation: nested fields must be indented further than their parent, list items consistently.',
    de: 'Falsche Einrückung: Verschachtelte Felder müssen weiter eingerückt sein als ihr übergeordnetes Feld, Listeneinträge einheitlich.',
  },
  MISSING_CHAR: {
    en: 'A closing character is missing (a quote, `]` or `}`).',
    de: 'Ein schließendes Zeichen fehlt (ein Anführungszeichen, `]` oder `}`).',
  },
  MULTILINE_IMPLICIT_KEY: {
    en: 'A key must fit on one line: add the missing `:` or quote text that contains `: `.',
    de: 'Ein Schlüssel muss in eine Zeile passen: Den fehlenden `:` ergänzen oder Text mit `: ` in Anführungszeichen setzen.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    en: 'A nested block cannot be used as a key: check the indentation and the `:` after each key.',
    de: 'Ein verschachtelter Block kann kein Schlüssel sein: Einrückung und den `:` nach jedem Schlüssel prüfen.',
  },
  TAB_AS_INDENT: {
    en: 'Tabs cannot indent YAML: use spaces.',
    de: 'Tabulatoren dürfen YAML nicht einrücken: Leerzeichen verwenden.',
  },
  BAD_ALIAS: { en: 'An alias (`*name`) refers to no anchor.', de: 'Ein Alias (`*name`) verweist auf keinen Anker.' },
};

/** The `yaml-syntax` rule; its `docs` are rendered to docs/rules/yaml-syntax.md by `npm run generate`. */
export const yamlSyntaxRule: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: {
    en: 'The frontmatter is well-formed YAML 1.2.',
    de: 'Die Frontmatter ist wohlgeformtes YAML 1.2.',
  },
  docs: {
    checks: [
      'The frontmatter must be well-formed YAML 1.2. Each parser error is reported where the parser places it; while the YAML is broken no schema or domain findings are invented from a half-parsed document. Alias bombs ("billion laughs") are refused here too.',
    ],
  },
  check(ctx) {
    const { yamlErrors, frontmatter, text, dataError } = ctx.report;
    if (frontmatter.kind !== 'yaml') return [];
    const base = frontmatter.contentOffset;
    // Later errors are mostly the parser recovering from the first one: report that one only.
    const findings: RawFinding[] = yamlErrors.slice(0, 1).map((error) => {
      let offset = base + error.pos[0];
      let endOffset = base + error.pos[1];
      // Zero-width or line-break-only ranges are invisible in an editor: widen them to the character there.
      if (endOffset <= offset || /^\r?\n?$/.test(text.slice(offset, endOffset))) {
        endOffset = Math.min(text.length, offset + 1);
        if (/[\r\n]/.test(text.charAt(offset)) && offset > base) {
          offset -= 1;
          endOffset = offset + 1;
        }
      }
      if (error.code === 'DUPLICATE_KEY') {
        // The parser marks one character; the whole key is what the author must change.
        const key = /^[^:\r\n]*?(?=\s*:)/.exec(text.slice(offset))?.[0] ?? '';
        if (key) endOffset = offset + key.length;
        return {
          ruleId: this.id,
          message: ctx.t(
            {
              en: 'Duplicate key `{key}`: each field may appear only once in its mapping; remove or merge one of them.',
              de: 'Doppelter Schlüssel `{key}`: Jedes Feld darf in seiner Zuordnung nur einmal vorkommen; eines entfernen oder zusammenführen.',
            },
            { key: key.trim().replace(/^["']|["']$/g, '') },
          ),
          offset,
          endOffset,
          path: null,
        };
      }
      if (/call stack/i.test(error.message)) {
        return {
          ruleId: this.id,
          message: ctx.t({
            en: 'The frontmatter is nested too deeply to be read: flatten it.',
            de: 'Die Frontmatter ist zu tief verschachtelt, um gelesen zu werden: Flacher aufbauen.',
          }),
          offset,
          endOffset,
          path: null,
        };
      }
      const known = BY_CODE[error.code];
      const detail = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
      const message = known
        ? ctx.t(known)
        : ctx.t({ en: 'YAML syntax error: {detail}.', de: 'YAML-Syntaxfehler: {detail}.' }, { detail });
      return { ruleId: this.id, message, offset, endOffset, path: null };
    });
    if (dataError) {
      findings.push({
        ruleId: this.id,
        message: ctx.t(
          dataError.kind === 'depth'
            ? {
                en: 'The frontmatter is nested too deeply to be read: flatten it.',
                de: 'Die Frontmatter ist zu tief verschachtelt, um gelesen zu werden: Flacher aufbauen.',
              }
            : {
                en: 'The frontmatter expands too many aliases (`*name`) and was not read: write the values out.',
                de: 'Die Frontmatter erweitert zu viele Aliasse (`*name`) und wurde nicht gelesen: Die Werte ausschreiben.',
              },
        ),
        offset: frontmatter.open.offset,
        endOffset: frontmatter.open.endOffset,
        path: null,
      });
    }
    return findings;
  },
};
