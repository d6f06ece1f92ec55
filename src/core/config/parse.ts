import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { describeSyntax, position, SYNTAX_DE } from '../shared/jsonSyntax';
import { withoutBom } from '../shared/bom';
import { t } from '../shared/i18n';
import { RULE_IDS } from '../rules';
import { closest } from '../shared/similar';
import { checkTimeZone, timeZoneProblem } from '../shared/timeZoneNames';
import type { Locale, Localized } from '../shared/types';
import { checkOption, describeProblem, ruleOption } from './options';
import type { OptionProblem } from '../rules';
import { CONFIG_KEYS, type ConfigKey, type ConfigProblem, type ProjectConfig } from './types';

const LEVELS = ['error', 'warning', 'info', 'off'] as const;

/** A configuration file that cannot be used: every problem with its position. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** The file as the user knows it (a path or URI). */
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
    /** The `locale` the file sets, when that part of it is valid: a German configuration's problems are told in German. */
    readonly locale?: Locale,
  ) {
    super(problems.map((p) => `${source}:${p.line}:${p.column}: ${p.message.en}`).join('\n'));
  }

  /** `file:line:col: message` per problem, in `locale`. */
  describe(locale: Locale): string {
    return this.problems.map((p) => `${this.source}:${p.line}:${p.column}: ${t(locale, p.message)}`).join('\n');
  }
}

/**
 * Reads the text of a `.incident-report.json`: strict JSON (no comments, no trailing commas), an
 * object with only the known keys, each value checked (rule ids and levels, domain suffixes, a
 * regular expression that compiles, an IANA zone, …). Throws {@link ConfigError} listing every
 * problem with its line and column; `source` names the file in those messages.
 */
export function parseProjectConfig(text: string, source: string): ProjectConfig {
  const input = withoutBom(text).text;
  const syntax: ParseError[] = [];
  const root = parseTree(input, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const problems: ConfigProblem[] = [];
  const report = (offset: number, length: number, message: Localized) => problems.push({ message, offset, length, ...position(input, offset, length) });
  // The first syntax error only: the ones after it are mostly its echoes.
  for (const error of syntax.slice(0, 1)) {
    report(error.offset, error.length, {
      en: `not valid JSON: ${describeSyntax(printParseErrorCode(error.error))}`,
      de: `kein gültiges JSON: ${SYNTAX_DE[printParseErrorCode(error.error)] ?? describeSyntax(printParseErrorCode(error.error))}`,
    });
  }
  if (problems.length > 0 || !root) {
    // What the parser read of a German file up to the error is German: its `locale` still chooses the words.
    const locale = root?.type === 'object' ? findNodeAtLocation(root, ['locale'])?.value : undefined;
    throw new ConfigError(
      source,
      problems.length > 0 ? problems : [{ message: { en: 'the file is empty', de: 'die Datei ist leer' }, offset: 0, length: 0, line: 1, column: 1, endColumn: 1 }],
      locale === 'de' || locale === 'en' ? locale : undefined,
    );
  }
  if (root.type !== 'object') {
    report(root.offset, root.length, { en: 'the configuration must be a JSON object `{ … }`', de: 'die Konfiguration muss ein JSON-Objekt `{ … }` sein' });
    throw new ConfigError(source, problems);
  }

  const config: ProjectConfig = {};
  const seen = new Set<string>();
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const at = (node: Node, message: Localized) => report(node.offset, node.length, message);
    if (seen.has(key)) {
      at(keyNode, { en: `"${key}" is given twice`, de: `"${key}" steht doppelt` });
      continue;
    }
    seen.add(key);
    if (key === '$schema') {
      if (valueNode.type !== 'string') at(valueNode, { en: '"$schema" must be a string', de: '"$schema" muss ein String sein' });
      continue;
    }
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, CONFIG_KEYS);
      at(keyNode, {
        en: `unknown setting "${key}"${guess ? `: did you mean "${guess}"?` : `; known: ${CONFIG_KEYS.join(', ')}`}`,
        de: `unbekannte Einstellung "${key}"${guess ? `: meinten Sie "${guess}"?` : `; bekannt: ${CONFIG_KEYS.join(', ')}`}`,
      });
      continue;
    }
    readValue(key as ConfigKey, valueNode, config, at);
  }
  if (problems.length > 0) throw new ConfigError(source, problems, config.locale);
  return config;
}

type Report = (node: Node, message: Localized) => void;

function readValue(key: ConfigKey, node: Node, config: ProjectConfig, at: Report): void {
  const mustBe = (what: Localized) => at(node, { en: `"${key}" must be ${what.en}`, de: `"${key}" muss ${what.de} sein` });
  switch (key) {
    case 'rules': {
      if (node.type !== 'object') return mustBe({ en: 'an object of rule → level', de: 'ein Objekt aus Regel → Stufe' });
      const rules: NonNullable<ProjectConfig['rules']> = {};
      for (const property of node.children ?? []) {
        const [ruleNode, levelNode] = property.children ?? [];
        if (!ruleNode || !levelNode) continue;
        const id = String(ruleNode.value);
        if (!RULE_IDS.includes(id)) {
          const guess = closest(id, RULE_IDS);
          at(ruleNode, {
            en: `unknown rule "${id}"${guess ? `: did you mean "${guess}"?` : ''}`,
            de: `unbekannte Regel "${id}"${guess ? `: meinten Sie "${guess}"?` : ''}`,
          });
        } else if (levelNode.type !== 'string' || !(LEVELS as readonly string[]).includes(levelNode.value as string)) {
          at(levelNode, {
            en: `the level of rule "${id}" must be "error", "warning", "info" or "off"`,
            de: `die Stufe der Regel "${id}" muss "error", "warning", "info" oder "off" sein`,
          });
        } else {
          rules[id] = levelNode.value as (typeof LEVELS)[number];
        }
      }
      config.rules = rules;
      return;
    }
    case 'files':
    case 'ignores': {
      if (node.type !== 'array') return mustBe({ en: 'a list of strings', de: 'eine Liste von Strings' });
      const values: string[] = [];
      for (const item of node.children ?? []) {
        if (item.type !== 'string' || item.value === '') {
          at(item, { en: `every entry of "${key}" must be a non-empty string`, de: `jeder Eintrag von "${key}" muss ein nicht leerer String sein` });
        } else {
          values.push(item.value as string);
        }
      }
      config[key] = values;
      return;
    }
    case 'schema':
    case 'servicesCatalog': {
      if (node.type !== 'string' || node.value === '') return mustBe({ en: 'a non-empty string (a path relative to this file)', de: 'ein nicht leerer String (ein Pfad relativ zu dieser Datei)' });
      config[key] = node.value as string;
      return;
    }
    case 'locale': {
      if (node.value !== 'de' && node.value !== 'en') return mustBe({ en: '"de" or "en"', de: '"de" oder "en"' });
      config.locale = node.value;
      return;
    }
    case 'timeZone': {
      if (node.type !== 'string') return mustBe({ en: 'an IANA time zone such as "Europe/Berlin"', de: 'eine IANA-Zeitzone wie "Europe/Berlin"' });
      const zone = node.value as string;
      const check = checkTimeZone(zone);
      // The same words as the report's `timezone` finding, with the closest zone named.
      if (!check.ok) return at(node, { en: `"timeZone": ${timeZoneProblem(zone, check, 'en')}`, de: `"timeZone": ${timeZoneProblem(zone, check, 'de')}` });
      config.timeZone = zone;
      return;
    }
    default: {
      // A rule's option: checked by its own declaration, in the same words as on the command line.
      const option = ruleOption(key);
      if (!option) return;
      const value: unknown = getNodeValue(node);
      const problems = checkOption(option, value);
      for (const problem of problems) at(problemNode(node, problem), describeProblem(problem, `"${key}"`));
      if (problems.length === 0) (config as Record<string, unknown>)[key] = value;
    }
  }
}

/** Where in the value a problem is: the node at its path (its key with `key`), else the value. */
function problemNode(node: Node, problem: OptionProblem): Node {
  if (!('at' in problem)) return node;
  const found = findNodeAtLocation(node, [...problem.at]);
  if (!found) return node;
  return problem.key ? (found.parent?.children?.[0] ?? found) : found;
}
