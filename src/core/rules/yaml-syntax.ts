import type { Document, YAMLError } from 'yaml';
import type { Localized, RawFinding } from '../shared/types';
import { openBefore, quoteFix, unresolvedAlias, valueOnLine, type LineValue } from './yaml-mistakes';
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

/**
 * The mistakes behind the commonest errors in what authors write: text that YAML reads as something
 * else because of its first character or a `: ` inside it, and a quote or bracket never closed.
 */
const EXPLAINED = {
  startsWith: {
    en: 'A value cannot start with {char} in YAML: put the whole value in quotes.',
    de: 'Ein Wert kann in YAML nicht mit {char} beginnen: Den ganzen Wert in Anführungszeichen setzen.',
  },
  listLeftover: {
    en: 'A value that starts with `[` is read as a list, and the text after its `]` is left over: put the whole value in quotes.',
    de: 'Ein Wert, der mit `[` beginnt, wird als Liste gelesen, und der Text nach ihrem `]` bleibt übrig: Den ganzen Wert in Anführungszeichen setzen.',
  },
  mapLeftover: {
    en: 'A value that starts with `{` is read as a mapping, and the text after its `}` is left over: put the whole value in quotes.',
    de: 'Ein Wert, der mit `{` beginnt, wird als Zuordnung gelesen, und der Text nach ihrer `}` bleibt übrig: Den ganzen Wert in Anführungszeichen setzen.',
  },
  quoteLeftover: {
    en: 'Text follows the closing quote, so the quotes do not enclose the whole value: put the whole value in quotes.',
    de: 'Nach dem schließenden Anführungszeichen folgt noch Text, die Anführungszeichen umschließen also nicht den ganzen Wert: Den ganzen Wert in Anführungszeichen setzen.',
  },
  aliasText: {
    en: 'A value that starts with `*` is read as an alias (`*name`): put the whole value in quotes.',
    de: 'Ein Wert, der mit `*` beginnt, wird als Alias (`*name`) gelesen: Den ganzen Wert in Anführungszeichen setzen.',
  },
  colonInValue: {
    en: 'The value contains a `:` that YAML reads as the start of another field: put the whole value in quotes.',
    de: 'Der Wert enthält einen `:`, den YAML als Beginn eines weiteren Feldes liest: Den ganzen Wert in Anführungszeichen setzen.',
  },
  unresolvedAlias: {
    en: 'The alias `*{name}` refers to no anchor `&{name}`: if the `*` is part of the text, put the whole value in quotes.',
    de: 'Der Alias `*{name}` verweist auf keinen Anker `&{name}`: Wenn das `*` zum Text gehört, den ganzen Wert in Anführungszeichen setzen.',
  },
  unclosedList: {
    en: 'The `[` here opens a list that is never closed with `]`: close it, or put the whole value in quotes if the `[` is part of the text.',
    de: 'Das `[` hier öffnet eine Liste, die nie mit `]` geschlossen wird: Sie schließen oder, wenn das `[` zum Text gehört, den ganzen Wert in Anführungszeichen setzen.',
  },
  unclosedMap: {
    en: 'The `{` here opens a mapping that is never closed with `}`: close it, or put the whole value in quotes if the `{` is part of the text.',
    de: 'Die `{` hier öffnet eine Zuordnung, die nie mit `}` geschlossen wird: Sie schließen oder, wenn die `{` zum Text gehört, den ganzen Wert in Anführungszeichen setzen.',
  },
  missingColon: {
    en: 'This line is not a field: write `key: value`, with a `:` and a space after the key.',
    de: 'Diese Zeile ist kein Feld: `schlüssel: wert` schreiben, mit `:` und einem Leerzeichen nach dem Schlüssel.',
  },
  unclosedQuote: {
    en: 'The quote `{char}` here is never closed: add the closing `{char}` at the end of the value.',
    de: 'Das Anführungszeichen `{char}` hier wird nie geschlossen: Das schließende `{char}` am Ende des Werts ergänzen.',
  },
} satisfies Record<string, Localized>;

/** A parser error read as the mistake behind it: where to show it, what to say and the value to quote. */
interface Explained {
  offset: number;
  endOffset: number;
  message: Localized;
  values?: Record<string, string>;
  quote?: LineValue;
}

/** The known mistake behind `error`, or `null` when the parser's own words are the best there are. */
function explain(error: YAMLError, doc: Document, source: string): Explained | null {
  const pos = error.pos[0];
  const onLine = (value: LineValue | null, message: Localized, values?: Record<string, string>): Explained | null =>
    value && { offset: value.offset, endOffset: value.endOffset, message, ...(values ? { values } : {}), quote: value };
  switch (error.code) {
    case 'BAD_SCALAR_START':
      return onLine(valueOnLine(doc, source, pos), EXPLAINED.startsWith, { char: source.charAt(pos) });
    case 'UNEXPECTED_TOKEN': {
      // Text left over after a complete value on the same line: the first character says which kind.
      const value = valueOnLine(doc, source, pos);
      if (!value) return null;
      const first = value.text.charAt(0);
      // A character that cannot start a value at all (`]x`, `- x`, `|x`).
      if (value.offset === pos ? ']}-'.includes(first) : '|>'.includes(first)) return onLine(value, EXPLAINED.startsWith, { char: first });
      if (value.offset >= pos) return null;
      if (first === '[') return onLine(value, EXPLAINED.listLeftover);
      if (first === '{') return onLine(value, EXPLAINED.mapLeftover);
      if (first === '"' || first === "'") return onLine(value, EXPLAINED.quoteLeftover);
      if (first === '*') return onLine(value, EXPLAINED.aliasText);
      return null;
    }
    case 'BAD_ALIAS': {
      const value = valueOnLine(doc, source, pos);
      return value?.text.startsWith('*') && /empty string/.test(error.message) ? onLine(value, EXPLAINED.aliasText) : null;
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const value = valueOnLine(doc, source, pos);
      if (!value) return null;
      // `@Stadt: x`, `` `A: ``, `*A[:` fail on their `:` too, but their first character is the mistake to name.
      const first = value.text.charAt(0);
      if (first === '*') return onLine(value, EXPLAINED.aliasText);
      if ('@`%|>]},!&'.includes(first)) return onLine(value, EXPLAINED.startsWith, { char: first });
      return /:(?:\s|$)/.test(value.text) ? onLine(value, EXPLAINED.colonInValue) : null;
    }
    case 'BAD_INDENT': {
      // "Flow sequence/map in block collection must be … end with a ]/}": reported at the next key.
      if (!/^Flow (sequence|map)/.test(error.message)) return null;
      const open = openBefore(doc, pos, 'flow');
      if (!open) return null;
      const message = source.charAt(open.offset) === '[' ? EXPLAINED.unclosedList : EXPLAINED.unclosedMap;
      const value = valueOnLine(doc, source, open.offset);
      return { offset: open.offset, endOffset: value?.offset === open.offset ? value.endOffset : open.endOffset, message };
    }
    case 'MISSING_CHAR': {
      // A line without `: ` as the last of a mapping (a key being typed before the closing `---`):
      // no closing character is missing there.
      if (/^Implicit map keys need to be followed by map values/.test(error.message) && error.pos[1] > pos) {
        return { offset: pos, endOffset: error.pos[1], message: EXPLAINED.missingColon };
      }
      if (!/quote/.test(error.message)) return null;
      const open = openBefore(doc, pos, 'quote');
      if (!open) return null;
      const value = valueOnLine(doc, source, open.offset);
      const char = source.charAt(open.offset);
      return { offset: open.offset, endOffset: value?.offset === open.offset ? value.endOffset : open.endOffset, message: EXPLAINED.unclosedQuote, values: { char } };
    }
    default:
      return null;
  }
}

/** The `yaml-syntax` rule; its `docs` are rendered to docs/rules/yaml-syntax.md by `npm run generate`. */
export const yamlSyntaxRule: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: {
    en: 'The frontmatter is well-formed YAML 1.2.',
    de: 'Die Frontmatter ist wohlgeformtes YAML 1.2.',
  },
  docs: {
    examples: ['yaml-title-bracket', 'yaml-syntax-error', 'duplicate-key', 'alias-bomb'],
    checks: [
      'The frontmatter must be well-formed YAML 1.2. Each parser error is reported where the parser places it; while the YAML is broken no schema or domain findings are invented from a half-parsed document. Alias bombs ("billion laughs") are refused here too.',
      'The commonest mistakes are named as such, at the value to change: text that YAML reads as something else (a title starting with `[`, `{`, `*`, `@` or a backtick, a `: ` inside a value, text after a closing quote) gets the quick fix "Put the value in quotes"; a quote, `[` or `{` that is never closed is shown where it opens, not where the parser gave up.',
    ],
  },
  check(ctx) {
    const { yamlErrors, frontmatter, text, dataError, yaml } = ctx.report;
    if (frontmatter.kind !== 'yaml') return [];
    const base = frontmatter.contentOffset;
    // Later errors are mostly the parser recovering from the first one: report that one only.
    const findings: RawFinding[] = yamlErrors.slice(0, 1).map((error) => {
      const known = yaml ? explain(error, yaml.doc, yaml.source) : null;
      if (known) {
        const { quote } = known;
        return {
          ruleId: this.id,
          message: ctx.t(known.message, known.values),
          offset: base + known.offset,
          endOffset: base + known.endOffset,
          path: null,
          // Only a value on one line: quoting the first line of a longer one would break what follows.
          ...(quote && !quote.continues ? { fix: quoteFix(base + quote.offset, base + quote.endOffset, quote.text) } : {}),
        };
      }
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
      const byCode = BY_CODE[error.code];
      const detail = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
      const message = byCode
        ? ctx.t(byCode)
        : ctx.t({ en: 'YAML syntax error: {detail}.', de: 'YAML-Syntaxfehler: {detail}.' }, { detail });
      return { ruleId: this.id, message, offset, endOffset, path: null };
    });
    const alias = dataError?.kind === 'unresolved' && yaml ? unresolvedAlias(yaml.doc) : null;
    if (alias && yaml) {
      // Mostly text that starts with `*` (Markdown emphasis in a title): shown at the alias, with the quote fix.
      const value = valueOnLine(yaml.doc, yaml.source, alias.offset);
      const quote = value && value.offset === alias.offset && !value.continues ? value : null;
      findings.push({
        ruleId: this.id,
        message: ctx.t(EXPLAINED.unresolvedAlias, { name: alias.name }),
        offset: base + alias.offset,
        endOffset: base + (value?.offset === alias.offset ? value.endOffset : alias.endOffset),
        path: null,
        ...(quote ? { fix: quoteFix(base + quote.offset, base + quote.endOffset, quote.text) } : {}),
      });
    } else if (dataError) {
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
