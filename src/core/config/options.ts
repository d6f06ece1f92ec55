/**
 * The rules' options wherever a value comes from: the project file, the command line and the
 * editors' settings read and check it here, each by the option's own `OptionSpec` (declared once,
 * in its rule), so the words and the limits are the same everywhere.
 */
import { RULE_OPTIONS, type OptionProblem, type OptionSpec, type RuleOptionValues } from '../rules';
import type { Localized } from '../shared/types';

/** The names of the rules' options, in rule order. */
export const RULE_OPTION_NAMES = RULE_OPTIONS.map((option) => option.name) as ReadonlyArray<keyof RuleOptionValues>;

/** The option called `name`, if a rule declares one. */
export function ruleOption(name: string): OptionSpec | undefined {
  return RULE_OPTIONS.find((option) => option.name === name);
}

/** A default of `''` or `0`: the settings UI's "not set" (the built-in value), not a value of the project file or the command line. */
function unsetValue(option: OptionSpec): unknown {
  const value = option.schema.default;
  return value === '' || value === 0 ? value : undefined;
}

/** True for a setting that means "not set": missing, or a default of `''` or `0`. */
export function isUnsetSetting(option: OptionSpec, value: unknown): boolean {
  return value === undefined || value === null || (unsetValue(option) !== undefined && value === unsetValue(option));
}

/** What is wrong with a value of the option (nothing when it can be used). */
export function checkOption(option: OptionSpec, value: unknown): OptionProblem[] {
  if (option.check) return option.check(value);
  const type = option.schema.type;
  const problems = typeProblems(type, option.schema.items, value);
  if (problems.length > 0 || Array.isArray(value)) return problems;
  return unsetValue(option) !== undefined && value === unsetValue(option) ? [{ says: { en: `must not be ${JSON.stringify(value)} (leave it out for the default)`, de: `darf nicht ${JSON.stringify(value)} sein (für den Standard weglassen)` } }] : [];
}

function typeProblems(type: unknown, items: unknown, value: unknown): OptionProblem[] {
  const says = (en: string, de: string): OptionProblem[] => [{ says: { en: `must be ${en}`, de: `muss ${de} sein` } }];
  switch (type) {
    case 'string':
      return typeof value === 'string' ? [] : says('a string', 'ein String');
    case 'integer':
      return Number.isSafeInteger(value) ? [] : says('a whole number', 'eine ganze Zahl');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : says('a number', 'eine Zahl');
    case 'boolean':
      return typeof value === 'boolean' ? [] : says('true or false', 'true oder false');
    case 'array': {
      if (!Array.isArray(value)) return says('a list', 'eine Liste');
      const itemType = (items as { type?: unknown } | undefined)?.type;
      return value.flatMap((entry: unknown, item) => typeProblems(itemType, undefined, entry).map((problem) => ({ at: [item], message: 'says' in problem ? { en: `every entry ${problem.says.en}`, de: `jeder Eintrag ${problem.says.de}` } : problem.message })));
    }
    default:
      return [];
  }
}

/** A problem as one message: `"maxSize" must be …` (`subject` names the option where it came from). */
export function describeProblem(problem: OptionProblem, subject: string): Localized {
  return 'says' in problem ? { en: `${subject} ${problem.says.en}`, de: `${subject} ${problem.says.de}` } : problem.message;
}

/**
 * The option's schema as `.incident-report.json` takes it: the settings schema without VS Code's own
 * keywords, and without a default of `''` or `0`, which there would not be a value but "not set".
 */
export function projectFileSchema(option: OptionSpec): Record<string, unknown> {
  const { default: value, ...rest } = withoutEditorKeywords(option.schema) as Record<string, unknown>;
  const unset = unsetValue(option);
  return unset === undefined ? { ...rest, ...(value === undefined ? {} : { default: value }) } : { ...rest, not: { const: unset } };
}

/** VS Code's own keywords of a settings schema (`scope`, `patternErrorMessage`, …), which a JSON Schema validator does not know. */
const EDITOR_KEYWORDS = new Set(['scope', 'order', 'patternErrorMessage', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage']);

function withoutEditorKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutEditorKeywords);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !EDITOR_KEYWORDS.has(key)).map(([key, value]) => [key, withoutEditorKeywords(value)]));
}

/** A command-line value as the option's type: a number from digits, a list from a repeated flag. */
export function optionFromFlag(option: OptionSpec, raw: string | readonly string[]): unknown {
  if (Array.isArray(raw) || option.schema.type === 'array') return Array.isArray(raw) ? [...raw] : [raw];
  const text = raw as string;
  return (option.schema.type === 'integer' || option.schema.type === 'number') && /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The rules' options set in `source` (a project file's values, a settings layer): a `LintOptions` part. */
export function ruleOptionValues(source: RuleOptionValues): RuleOptionValues {
  const values: Record<string, unknown> = {};
  for (const name of RULE_OPTION_NAMES) if (source[name] !== undefined) values[name] = source[name];
  return values as RuleOptionValues;
}
