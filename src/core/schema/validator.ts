import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import bundledSchema from '../../../schemas/incident-report.schema.json';
import { SchemaInfo, type JsonSchema } from './meta';

/** The schema shipped with the extension (`schemas/incident-report.schema.json`). */
export const BUNDLED_SCHEMA = bundledSchema as JsonSchema;

/** Annotation keywords our schemas carry for hover, completion and messages. */
export const ANNOTATION_KEYWORDS = ['x-i18n', 'x-hint', 'x-enumDescriptions'] as const;

/** A compiled schema: validation plus the metadata lookups built on the same schema. */
export interface CompiledSchema {
  validate: ValidateFunction;
  info: SchemaInfo;
  /** True for the bundled schema. */
  bundled: boolean;
}

/** Why a custom schema could not be used. */
export class SchemaLoadError extends Error {
  override readonly name = 'SchemaLoadError';
}

let bundledAjv: Ajv2020 | null = null;
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

function newAjv(regExp?: typeof linearRegExp): Ajv2020 {
  const instance = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    ...(regExp ? { code: { regExp: regExp as never } } : {}),
  });
  addFormats(instance);
  instance.addVocabulary([...ANNOTATION_KEYWORDS]);
  // Registered in both so that custom schemas can `$ref` the bundled one by its `$id`.
  instance.addSchema(BUNDLED_SCHEMA);
  return instance;
}

// One Ajv per kind for the process: Ajv caches compiled code. The bundled schema is ours and uses
// native regular expressions; custom schemas get RE2.
function sharedAjv(kind: 'bundled' | 'custom'): Ajv2020 {
  if (kind === 'bundled') return (bundledAjv ??= newAjv());
  return (customAjv ??= newAjv(linearRegExp));
}

/** The bundled schema, compiled once per process. */
export function bundledCompiledSchema(): CompiledSchema {
  if (!bundled) {
    const instance = sharedAjv('bundled');
    const validate = instance.getSchema(BUNDLED_SCHEMA.$id as string);
    if (!validate) throw new Error('bundled schema failed to register');
    bundled = { validate, info: new SchemaInfo(BUNDLED_SCHEMA), bundled: true };
  }
  return bundled;
}

/**
 * Compiles an organisation's own schema (cached by content). It may `$ref` the bundled schema by its
 * `$id`. Throws {@link SchemaLoadError} with a readable reason when the schema is invalid.
 */
export function compileCustomSchema(schema: unknown): CompiledSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new SchemaLoadError('the schema must be a JSON object');
  }
  const key = JSON.stringify(schema);
  const cached = custom.get(key);
  if (cached) return cached;
  const instance = sharedAjv('custom');
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
        ? `a pattern uses features that cannot run in linear time (lookaround or backreferences): ${message}`
        : message,
    );
  }
  const compiled: CompiledSchema = { validate, info: new SchemaInfo(own, [BUNDLED_SCHEMA]), bundled: false };
  custom.set(key, compiled);
  return compiled;
}

/** Runs a compiled schema and returns Ajv's raw errors (empty when valid). */
export function runSchema(schema: CompiledSchema, data: unknown): ErrorObject[] {
  return schema.validate(data) ? [] : [...(schema.validate.errors ?? [])];
}
