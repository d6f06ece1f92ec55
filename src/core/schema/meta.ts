import type { Locale, Localized } from '../shared/types';
import { parsePointer } from '../yaml/pointer';

/** A JSON Schema as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** What the schema says about one field, in a form hover, completion and messages can use. */
export interface FieldInfo {
  title?: string;
  description?: string;
  hint?: string;
  examples: unknown[];
  enum?: unknown[];
  enumDescriptions?: Record<string, string>;
  const?: unknown;
  type?: string | string[];
  format?: string;
  /** Property names a mapping at this pointer may hold, with their own info (for completion). */
  properties?: Record<string, JsonSchema>;
  required: string[];
  isArray: boolean;
}

/**
 * Answers "what does the schema say about the field at this pointer", following `$ref`
 * (local and to registered `$id`s), `allOf`/`anyOf` and `items`. Works with the bundled schema and
 * with an organisation's schema that extends it.
 */
export class SchemaInfo {
  private readonly byId = new Map<string, JsonSchema>();
  /**
   * What each schema pulls in (see {@link expand}) and each `patternProperties` pattern compiled:
   * worked out on first use and kept with this (immutable) schema, like a compiled validator, not
   * again for every field of every report.
   */
  private readonly expansions = new WeakMap<JsonSchema, Map<JsonSchema, ReadonlyArray<{ schema: JsonSchema; base: JsonSchema }>>>();
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(
    readonly root: JsonSchema,
    related: readonly JsonSchema[] = [],
  ) {
    for (const schema of [root, ...related]) {
      if (typeof schema.$id === 'string') this.byId.set(schema.$id, schema);
    }
  }

  /** The schemas that apply to the value at `pointer` (several when combined with allOf/$ref). */
  schemasAt(pointer: string): JsonSchema[] {
    return this.applicable(pointer).map((c) => c.schema);
  }

  /**
   * The `type` the schema declares for the value at `pointer` (the first of the schemas that
   * apply, as {@link fieldInfo} reads it), without building the rest of the field's information:
   * rules ask this for every value they look at.
   */
  typeAt(pointer: string): string | string[] | undefined {
    for (const { schema } of this.applicable(pointer)) {
      if (schema.type !== undefined) return schema.type as string | string[];
    }
    return undefined;
  }

  /** {@link schemasAt} with the document each schema's `$ref`s resolve in. */
  private applicable(pointer: string): ReadonlyArray<{ schema: JsonSchema; base: JsonSchema }> {
    let current = this.expanded(this.root, this.root);
    for (const segment of parsePointer(pointer)) {
      const next: Array<{ schema: JsonSchema; base: JsonSchema }> = [];
      const index = /^\d+$/.test(segment);
      for (const { schema, base } of current) {
        const props = schema.properties as Record<string, JsonSchema> | undefined;
        if (props && isSchema(props[segment])) append(next, this.expanded(props[segment], base));
        const patterns = schema.patternProperties as Record<string, JsonSchema> | undefined;
        if (patterns) {
          for (const pattern in patterns) {
            const sub = patterns[pattern];
            if (isSchema(sub) && this.matches(pattern, segment)) append(next, this.expanded(sub, base));
          }
        }
        if (index && isSchema(schema.items)) append(next, this.expanded(schema.items, base));
      }
      current = next;
      if (current.length === 0) return current;
    }
    return current;
  }

  /** Field information for hover, completion and messages, in `locale`. */
  fieldInfo(pointer: string, locale: Locale): FieldInfo | null {
    const schemas = this.schemasAt(pointer);
    if (schemas.length === 0) return null;
    const info: FieldInfo = { examples: [], required: [], isArray: false };
    for (const schema of schemas) {
      const de = locale === 'de' ? ((schema['x-i18n'] as { de?: JsonSchema } | undefined)?.de ?? {}) : {};
      info.title ??= str(de.title) ?? str(schema.title);
      info.description ??= str(de.description) ?? str(schema.description);
      info.hint ??= localized(schema['x-hint'], locale);
      if (Array.isArray(schema.examples) && info.examples.length === 0) info.examples = schema.examples;
      if (Array.isArray(schema.enum)) info.enum ??= schema.enum;
      if ('const' in schema) info.const ??= schema.const;
      info.type ??= schema.type as string | string[] | undefined;
      info.format ??= str(schema.format);
      if (schema.type === 'array' || 'items' in schema) info.isArray = true;
      const enumDescriptions = schema['x-enumDescriptions'] as Record<string, Localized> | undefined;
      if (enumDescriptions && !info.enumDescriptions) {
        info.enumDescriptions = Object.fromEntries(
          Object.entries(enumDescriptions).map(([value, text]) => [value, text[locale] ?? text.en]),
        );
      }
      if (isSchema(schema.properties)) {
        info.properties = { ...(schema.properties as Record<string, JsonSchema>), ...info.properties };
      }
      if (Array.isArray(schema.required)) info.required.push(...(schema.required as string[]));
    }
    return info;
  }

  /** {@link expand} of `schema` under `base`, worked out once. */
  private expanded(schema: JsonSchema, base: JsonSchema): ReadonlyArray<{ schema: JsonSchema; base: JsonSchema }> {
    let byBase = this.expansions.get(schema);
    if (!byBase) this.expansions.set(schema, (byBase = new Map()));
    let expansion = byBase.get(base);
    if (!expansion) byBase.set(base, (expansion = this.expand(schema, base)));
    return expansion;
  }

  /** Whether a property name matches a `patternProperties` pattern (one that is no valid expression matches nothing). */
  private matches(pattern: string, name: string): boolean {
    let compiled = this.patterns.get(pattern);
    if (compiled === undefined) {
      try {
        compiled = new RegExp(pattern, 'u');
      } catch {
        compiled = null;
      }
      this.patterns.set(pattern, compiled);
    }
    return compiled !== null && compiled.test(name);
  }

  /** The schema itself plus everything it pulls in through `$ref`, `allOf` and `anyOf`. */
  private expand(schema: JsonSchema, base: JsonSchema, seen = new Set<JsonSchema>()): Array<{ schema: JsonSchema; base: JsonSchema }> {
    if (seen.has(schema)) return [];
    seen.add(schema);
    const out = [{ schema, base }];
    if (typeof schema.$ref === 'string') {
      const target = this.resolveRef(schema.$ref, base);
      if (target) out.push(...this.expand(target.schema, target.base, seen));
    }
    for (const keyword of ['allOf', 'anyOf'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list)) for (const sub of list) if (isSchema(sub)) out.push(...this.expand(sub, base, seen));
    }
    return out;
  }

  private resolveRef(ref: string, base: JsonSchema): { schema: JsonSchema; base: JsonSchema } | null {
    const hash = ref.indexOf('#');
    const id = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const document = id ? this.byId.get(id) : base;
    if (!document) return null;
    let node: unknown = document;
    for (const segment of parsePointer(fragment)) {
      if (!node || typeof node !== 'object') return null;
      node = (node as Record<string, unknown>)[segment];
    }
    return isSchema(node) ? { schema: node, base: document } : null;
  }
}

/** Appends `items` to `list` one by one: no spread arguments for every schema of every segment. */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function localized(value: unknown, locale: Locale): string | undefined {
  if (!isSchema(value)) return undefined;
  return str(value[locale]) ?? str(value.en);
}
