import type { ErrorObject } from 'ajv';
import type { Locale, Localized, RawFinding } from '../shared/types';
import { fieldName, listValues, showValue, t } from '../shared/i18n';
import { formatPointer } from '../yaml/pointer';
import { parseDateTime } from '../shared/time';
import { meantDateTime } from '../shared/meantDateTime';
import { closest } from '../shared/similar';
import type { SchemaInfo } from './meta';
import { localizeAjvMessage } from './ajvMessages';

/** The rule id under which schema violations are reported. */
export const SCHEMA_RULE_ID = 'schema';

/** What the mapper needs from the report to place and word findings. */
export interface SchemaFindingContext {
  locale: Locale;
  info: SchemaInfo;
  /** Document range for the field at a pointer (value, or the key for `prefer: 'key'`). */
  rangeOf(pointer: string, prefer?: 'value' | 'key'): { offset: number; endOffset: number };
  /** Rules that take over particular schema errors (so one problem gives one finding). */
  enabledRules: ReadonlySet<string>;
  /** The zone a timestamp written without offset is meant in (the report's, else the configured one). */
  timeZone: string;
}

const M = {
  required: { en: '`{field}` is missing: {hint}.', de: '`{field}` fehlt: {hint}.' },
  unknownKey: {
    en: '`{key}` is not a field of {parent}: remove it, or start your own fields with `x-`.',
    de: '`{key}` ist kein Feld {parent}: Entfernen oder eigene Felder mit `x-` beginnen.',
  },
  didYouMean: {
    en: '`{key}` is not a field of {parent}: did you mean `{name}`?',
    de: '`{key}` ist kein Feld {parent}: Meinten Sie `{name}`?',
  },
  reportRoot: { en: 'an incident report', de: 'eines Vorfallberichts' },
  nestedParent: { en: '`{name}`', de: 'von `{name}`' },
  enum: { en: '{field}: `{value}` is not allowed; write {allowed}.', de: '{field}: `{value}` ist nicht erlaubt; zulässig sind {allowed}.' },
  yesNoBoolean: {
    en: '{field}: write `{word}` as a word, not `{value}` — YAML 1.2 reads `{value}` as a boolean; allowed are {allowed}.',
    de: '{field}: `{word}` als Wort schreiben, nicht `{value}` – YAML 1.2 liest `{value}` als Wahrheitswert; zulässig sind {allowed}.',
  },
  const: { en: '{field}: write `{expected}` here.', de: '{field}: hier muss `{expected}` stehen.' },
  type: { en: '{field}: expected {expected}, found {actual}: {hint}.', de: '{field}: erwartet wird {expected}, gefunden {actual}: {hint}.' },
  dateTime: {
    en: '{field}: `{value}` is not a valid date-time; {hint}.',
    de: '{field}: `{value}` ist kein gültiger Zeitpunkt; {hint}.',
  },
  dateTimeMeant: {
    en: '{field}: `{value}` is not a valid date-time; write `{meant}`.',
    de: '{field}: `{value}` ist kein gültiger Zeitpunkt; `{meant}` schreiben.',
  },
  date: { en: '{field}: `{value}` is not a valid date (YYYY-MM-DD).', de: '{field}: `{value}` ist kein gültiges Datum (JJJJ-MM-TT).' },
  email: { en: '{field}: `{value}` is not a valid e-mail address.', de: '{field}: `{value}` ist keine gültige E-Mail-Adresse.' },
  format: { en: '{field}: `{value}` is not a valid {format}; {hint}.', de: '{field}: `{value}` ist kein gültiges Format {format}; {hint}.' },
  pattern: { en: '{field}: `{value}` is not in the required form; {hint}.', de: '{field}: `{value}` hat nicht die verlangte Form; {hint}.' },
  empty: { en: '{field} is empty: {hint}.', de: '{field} ist leer: {hint}.' },
  tooShort: {
    en: '{field} is too short ({length} of at least {limit} characters): {hint}.',
    de: '{field} ist zu kurz ({length} von mindestens {limit} Zeichen): {hint}.',
  },
  tooFewItems: { en: '{field}: {hint}.', de: '{field}: {hint}.' },
  minimum: { en: '{field}: write a number of at least {limit}.', de: '{field}: eine Zahl von mindestens {limit} angeben.' },
  maximum: { en: '{field}: write a number of at most {limit}.', de: '{field}: eine Zahl von höchstens {limit} angeben.' },
  anyOf: { en: '{field}: `{value}` is not valid; {hint}.', de: '{field}: `{value}` ist nicht gültig; {hint}.' },
  generic: { en: '{field}: {message}.', de: '{field}: {message}.' },
  fallbackHint: { en: 'see the field documentation', de: 'siehe die Beschreibung des Feldes' },
} satisfies Record<string, Localized>;

const TYPE_NAMES: Record<string, Localized> = {
  string: { en: 'text', de: 'Text' },
  number: { en: 'a number', de: 'eine Zahl' },
  integer: { en: 'a whole number', de: 'eine ganze Zahl' },
  boolean: { en: 'true/false', de: 'true/false' },
  object: { en: 'a mapping of fields', de: 'eine Zuordnung von Feldern' },
  array: { en: 'a list', de: 'eine Liste' },
  null: { en: 'an empty value', de: 'einen leeren Wert' },
};

// When several keywords fail on one value, the first in this order says it best.
const VALUE_KEYWORD_ORDER = ['enum', 'const', 'type', 'format', 'pattern', 'minLength', 'minItems', 'minimum', 'maximum'];

/**
 * Turns Ajv's errors into findings: one per problem, at the range the user must edit, worded
 * in the domain (field name + what to write) rather than in JSON Schema terms.
 */
export function schemaFindings(errors: readonly ErrorObject[], ctx: SchemaFindingContext): RawFinding[] {
  const kept = dropBranchNoise(errors);
  const findings: RawFinding[] = [];
  const seenValueErrors = new Map<string, ErrorObject>();

  for (const error of kept) {
    if (error.keyword === 'required') {
      findings.push(missingField(error, ctx));
    } else if (error.keyword === 'additionalProperties') {
      findings.push(unknownKey(error, ctx));
    } else if (error.keyword === 'unevaluatedProperties') {
      findings.push(unknownKey(error, ctx, (error.params as { unevaluatedProperty: string }).unevaluatedProperty));
    } else {
      const previous = seenValueErrors.get(error.instancePath);
      if (!previous || rank(error) < rank(previous)) seenValueErrors.set(error.instancePath, error);
    }
  }
  for (const error of seenValueErrors.values()) {
    const finding = valueFinding(error, ctx);
    if (finding) findings.push(finding);
  }
  return findings;
}

function rank(error: ErrorObject): number {
  const index = VALUE_KEYWORD_ORDER.indexOf(error.keyword);
  return index === -1 ? VALUE_KEYWORD_ORDER.length : index;
}

/** Keeps one error per `anyOf`/`oneOf`: the errors of its failed branches are noise to the author. */
function dropBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter(
    (e) => !combinators.some((c) => c !== e && e.schemaPath.startsWith(c.schemaPath + '/')),
  );
}

function missingField(error: ErrorObject, ctx: SchemaFindingContext): RawFinding {
  const key = (error.params as { missingProperty: string }).missingProperty;
  const path = error.instancePath + formatPointer([key]);
  const info = ctx.info.fieldInfo(path, ctx.locale);
  const range = ctx.rangeOf(path);
  return {
    ruleId: SCHEMA_RULE_ID,
    message: t(ctx.locale, M.required, { field: fieldName(path), hint: info?.hint ?? t(ctx.locale, M.fallbackHint) }),
    ...range,
    path,
    fix: { kind: 'insert-key', parentPath: error.instancePath, key, placeholder: placeholderFor(info?.examples[0]) },
  };
}

function placeholderFor(example: unknown): string {
  if (example === undefined) return '';
  return typeof example === 'string' ? example : JSON.stringify(example);
}

function unknownKey(error: ErrorObject, ctx: SchemaFindingContext, name?: string): RawFinding {
  const key = name ?? (error.params as { additionalProperty: string }).additionalProperty;
  const path = error.instancePath + formatPointer([key]);
  const range = ctx.rangeOf(path, 'key');
  // A field the mapping has already is no suggestion: renaming to it would write a duplicate key,
  // which is invalid YAML (`severty: minor` beside `severity: major`).
  const present = error.data !== null && typeof error.data === 'object' ? Object.keys(error.data) : [];
  const known = Object.keys(ctx.info.fieldInfo(error.instancePath, ctx.locale)?.properties ?? {}).filter((name) => !present.includes(name));
  const suggestion = closest(key, known);
  const parent =
    error.instancePath === '' ? t(ctx.locale, M.reportRoot) : t(ctx.locale, M.nestedParent, { name: fieldName(error.instancePath) });
  return {
    ruleId: SCHEMA_RULE_ID,
    message: t(ctx.locale, suggestion ? M.didYouMean : M.unknownKey, { key, parent, name: suggestion ?? '' }),
    ...range,
    path,
    ...(suggestion ? { fix: { kind: 'replace-value' as const, ...range, values: [suggestion], preferred: suggestion } } : {}),
  };
}

function valueFinding(error: ErrorObject, ctx: SchemaFindingContext): RawFinding | null {
  const path = error.instancePath;
  const value = error.data;
  const range = ctx.rangeOf(path);
  const field = fieldName(path);
  const info = ctx.info.fieldInfo(path, ctx.locale);
  const hint = info?.hint ?? t(ctx.locale, M.fallbackHint);
  const base = { ruleId: SCHEMA_RULE_ID, ...range, path };
  const { locale } = ctx;

  // `type` and `enum` often fail together; the enum's list of allowed values helps more.
  const allowed = info?.enum?.map(String);
  if ((error.keyword === 'enum' || error.keyword === 'type') && allowed && allowed.length > 0) {
    if (typeof value === 'boolean' && allowed.includes('yes') && allowed.includes('no')) {
      const word = value ? 'yes' : 'no';
      return {
        ...base,
        message: t(locale, M.yesNoBoolean, { field, word, value: String(value), allowed: listValues(locale, allowed) }),
        fix: { kind: 'replace-value', ...range, values: allowed, preferred: word },
      };
    }
    const preferred = typeof value === 'string' ? closest(value, allowed) : undefined;
    return {
      ...base,
      message: t(locale, M.enum, { field, value: showValue(value), allowed: listValues(locale, allowed) }),
      fix: { kind: 'replace-value', ...range, values: allowed, ...(preferred ? { preferred } : {}) },
    };
  }

  switch (error.keyword) {
    case 'const': {
      const expected = String((error.params as { allowedValue: unknown }).allowedValue);
      return {
        ...base,
        message: t(locale, M.const, { field, expected }),
        fix: { kind: 'replace-value', ...range, values: [expected], preferred: expected },
      };
    }
    case 'type': {
      const expected = [(error.params as { type: string | string[] }).type].flat().map((name) => TYPE_NAMES[name]?.[locale] ?? name);
      return {
        ...base,
        message: t(locale, M.type, { field, expected: expected.join('/'), actual: describeType(value, locale), hint }),
      };
    }
    case 'format': {
      const format = (error.params as { format: string }).format;
      if (format === 'date-time') {
        // A wall-clock time without offset is the timestamp-timezone rule's finding, with a fix.
        const parsed = parseDateTime(value);
        if (parsed && !parsed.offset && ctx.enabledRules.has('timestamp-timezone')) return null;
        // A near miss (`30.10.2023 01:01 Uhr`, no seconds, `MEZ`) says what to write, as a fix.
        const meant = typeof value === 'string' ? meantDateTime(value, ctx.timeZone) : null;
        if (meant) {
          return {
            ...base,
            message: t(locale, M.dateTimeMeant, { field, value: showValue(value), meant }),
            fix: { kind: 'replace-value', ...range, values: [meant], preferred: meant },
          };
        }
        return { ...base, message: t(locale, M.dateTime, { field, value: showValue(value), hint }) };
      }
      if (format === 'date') return { ...base, message: t(locale, M.date, { field, value: showValue(value) }) };
      if (format === 'email') return { ...base, message: t(locale, M.email, { field, value: showValue(value) }) };
      return { ...base, message: t(locale, M.format, { field, value: showValue(value), format, hint }) };
    }
    case 'pattern':
      // A `timezone` that is no zone name is the timezone-name rule's finding, with the closest zone.
      if (path === '/timezone' && typeof value === 'string' && ctx.enabledRules.has('timezone-name')) return null;
      return { ...base, message: t(locale, M.pattern, { field, value: showValue(value), hint }) };
    case 'minLength': {
      const limit = (error.params as { limit: number }).limit;
      const length = typeof value === 'string' ? [...value].length : 0;
      return {
        ...base,
        message: length === 0 ? t(locale, M.empty, { field, hint }) : t(locale, M.tooShort, { field, length, limit, hint }),
      };
    }
    case 'minItems':
      return { ...base, message: t(locale, M.tooFewItems, { field, hint }) };
    case 'minimum':
      return { ...base, message: t(locale, M.minimum, { field, limit: (error.params as { limit: number }).limit }) };
    case 'maximum':
      return { ...base, message: t(locale, M.maximum, { field, limit: (error.params as { limit: number }).limit }) };
    case 'anyOf':
    case 'oneOf':
      return { ...base, message: t(locale, M.anyOf, { field, value: showValue(value), hint }) };
    default:
      return { ...base, message: t(locale, M.generic, { field, message: localizeAjvMessage(error, locale) }) };
  }
}

function describeType(value: unknown, locale: Locale): string {
  if (value === null) return TYPE_NAMES.null![locale];
  if (Array.isArray(value)) return TYPE_NAMES.array![locale];
  if (typeof value === 'number') return (Number.isInteger(value) ? TYPE_NAMES.integer! : TYPE_NAMES.number!)[locale];
  return (TYPE_NAMES[typeof value] ?? TYPE_NAMES.string!)[locale];
}
