import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from './formats';
import { RE2JS } from 're2js';
import bundledSchema from '../../../schemas/incident-report.schema.json';
// Validation code of the bundled schema generated ahead of time (npm run gen:validator): compiling
// it with Ajv would cost every process (CLI, worker, extension host) ~90 ms at start-up.
import validateBundled from './generated/bundledValidator';
import { SchemaInfo, type JsonSchema } from './meta';
import type { Localized } from '../shared/types';

/** The schema shipped with the extension (`schemas/incident-report.schema.json`). */
export const BUNDLED_SCHEMA = bundledSchema as JsonSchema;

/** Annotation keywords our schemas carry for hover, completion and messages. */
export const ANNOTATION_KEYWORDS = ['x-i18n', 'x-hint', 'x-enumDescriptions'] as const;

/**
 * Ajv options of every schema: custom ones compiled here, and the bundled one, whose code
 * scripts/gen-schema-validator.mjs generates with the same options (a unit test checks they agree),
 * so that errors of both read alike.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true } as const;

/** A validation function: Ajv's, compiled at run time, or the one generated for the bundled schema. */
export interface SchemaValidateFunction {
  (data: unknown): boolean;
  /** Errors of the last call; `null` (or absent) when it passed. */
  errors?: ErrorObject[] | null;
}

/** A compiled schema: validation plus the metadata lookups built on the same schema. */
export interface CompiledSchema {
  validate: SchemaValidateFunction;
  info: SchemaInfo;
  /** True for the bundled schema. */
  bundled: boolean;
}

/**
 * Why a custom schema could not be used: `text` in both languages, `message` its English. Ajv's own
 * description of an invalid schema (JSON Pointers and keywords) stays as Ajv words it in both.
 */
export class SchemaLoadError extends Error {
  override readonly name = 'SchemaLoadError';
  readonly text: Localized;

  constructor(text: Localized) {
    super(text.en);
    this.text = text;
  }
}

/** Ajv's reason for refusing a schema, with its own start ("schema is invalid: …") in German too. */
function ajvReason(message: string): Localized {
  const invalid = /^schema is invalid: /.exec(message);
  return { en: message, de: invalid ? `das Schema ist ungültig: ${message.slice(invalid[0].length)}` : message };
}

let customAjv: Ajv2020 | null = null;
let bundled: CompiledSchema | null = null;
const custom = new Map<string, CompiledSchema>();

/**
 * Regular expressions of custom schemas run on RE2 (linear time): a pattern written by anyone with
 * access to the workspace must not be able to hang the editor with catastrophic backtracking.
 */
function linearRegExp(pattern: string): { test(input: string): boolean; toString(): string } {
  const compiled = RE2JS.compile(pattern);
  // Ajv caches compiled patterns by `toString()`: it must differ per pattern.
  return { test: (input: string) => compiled.matcher(input).find(), toString: () => `/${pattern}/` };
}

// One Ajv for the process, only for custom schemas (it caches compiled code); they get RE2.
function sharedAjv(): Ajv2020 {
  if (!customAjv) {
    customAjv = new Ajv2020({ ...AJV_OPTIONS, code: { regExp: linearRegExp as never } });
    addFormats(customAjv);
    // The same `date-time` as the bundled schema's: RFC 3339 offsets only (see formats.ts).
    customAjv.addFormat('date-time', fullFormats['date-time'] as never);
    customAjv.addVocabulary([...ANNOTATION_KEYWORDS]);
    // So that custom schemas can `$ref` the bundled one by its `$id`.
    customAjv.addSchema(BUNDLED_SCHEMA);
  }
  return customAjv;
}

/** The bundled schema with its validation code generated ahead of time (no Ajv compilation). */
export function bundledCompiledSchema(): CompiledSchema {
  bundled ??= { validate: validateBundled, info: new SchemaInfo(BUNDLED_SCHEMA), bundled: true };
  return bundled;
}

/**
 * Compiles an organisation's own schema (cached by content). It may `$ref` the bundled schema by its
 * `$id`. Throws {@link SchemaLoadError} with a readable reason when the schema is invalid.
 */
export function compileCustomSchema(schema: unknown): CompiledSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new SchemaLoadError({ en: 'the schema must be a JSON object', de: 'das Schema muss ein JSON-Objekt sein' });
  }
  const key = JSON.stringify(schema);
  const cached = custom.get(key);
  if (cached) return cached;
  const instance = sharedAjv();
  // A custom schema that reuses the bundled `$id` would collide with the registered one.
  const own = { ...(schema as JsonSchema) };
  if (own.$id === BUNDLED_SCHEMA.$id) delete own.$id;
  // Ajv keeps schemas by `$id`: an edited schema with the same `$id` replaces the earlier one.
  if (typeof own.$id === 'string' && instance.getSchema(own.$id)) instance.removeSchema(own.$id);
  let validate: ValidateFunction;
  try {
    validate = instance.compile(own);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SchemaLoadError(
      /regexp|Perl syntax/i.test(message)
        ? {
            en: `a pattern uses features that cannot run in linear time (lookaround or backreferences): ${message}`,
            de: `ein Muster (pattern) nutzt Mittel, die nicht in linearer Zeit laufen (Lookaround oder Rückverweise): ${message}`,
          }
        : ajvReason(message),
    );
  }
  const compiled: CompiledSchema = { validate, info: new SchemaInfo(own, [BUNDLED_SCHEMA]), bundled: false };
  custom.set(key, compiled);
  return compiled;
}

/**
 * Runs a compiled schema and returns Ajv's raw errors (empty when valid). Not copied: Ajv's code
 * hands every call a new array, so the next validation leaves these as they are.
 */
export function runSchema(schema: CompiledSchema, data: unknown): readonly ErrorObject[] {
  return schema.validate(data) ? [] : (schema.validate.errors ?? []);
}
