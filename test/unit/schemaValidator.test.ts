import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from '../../src/core/schema/formats';
import { parseDocument } from 'yaml';
import validateGenerated from '../../src/core/schema/generated/bundledValidator';
import { AJV_OPTIONS, ANNOTATION_KEYWORDS, BUNDLED_SCHEMA, bundledCompiledSchema, runSchema } from '../../src/core/schema/validator';

/**
 * The bundled schema's validation code is generated ahead of time (scripts/gen-schema-validator.mjs).
 * It must be up to date with the schema, and report exactly what Ajv compiling the schema at run
 * time (the options validator.ts used before, and still uses for custom schemas) would report.
 */
const ROOT = join(__dirname, '..', '..');
const GENERATED = join(ROOT, 'src/core/schema/generated');
const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(file);
      return entry.name.endsWith('.md') ? [file] : [];
    })
    .sort();
}

/** Frontmatter data of a Markdown file (YAML 1.2), or undefined when it has none or it does not parse. */
function frontmatterData(file: string): { data: unknown } | undefined {
  const match = FRONTMATTER.exec(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  const doc = parseDocument(match[1]!, { version: '1.2', uniqueKeys: true });
  if (doc.errors.length) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

function runtimeValidator() {
  const ajv = new Ajv2020({ ...AJV_OPTIONS });
  addFormats(ajv);
  // As for custom schemas (validator.ts): `date-time` with RFC 3339 offsets only.
  ajv.addFormat('date-time', fullFormats['date-time'] as never);
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  ajv.addSchema(BUNDLED_SCHEMA);
  const validate = ajv.getSchema(BUNDLED_SCHEMA.$id as string);
  assert.ok(validate, 'the bundled schema compiles at run time');
  return validate;
}

/** A valid report's data, to break one field at a time. */
function validReport(): Record<string, any> {
  const example = frontmatterData(join(ROOT, 'examples/incidents/2023-10-30-municipal-it-provider.en.md'));
  assert.ok(example, 'the English example has frontmatter');
  return structuredClone(example.data) as Record<string, any>;
}

describe('bundled schema validator (generated)', () => {
  it('is up to date with the schema (run npm run gen:validator)', async () => {
    // A computed specifier: the script is plain JavaScript without type declarations.
    const generator = await import(pathToFileURL(join(ROOT, 'scripts/gen-schema-validator.mjs')).href);
    assert.deepEqual(generator.AJV_OPTIONS, AJV_OPTIONS, 'the generator must use the Ajv options of validator.ts');
    assert.deepEqual(generator.ANNOTATION_KEYWORDS, [...ANNOTATION_KEYWORDS], 'the generator must use the keywords of validator.ts');
    const { js, dts } = generator.generateBundledValidator() as { js: string; dts: string };
    const again = generator.generateBundledValidator() as { js: string; dts: string };
    assert.ok(js === again.js && dts === again.dts, 'the generator is not deterministic');
    for (const [name, expected] of [['bundledValidator.js', js], ['bundledValidator.d.ts', dts]] as const) {
      const committed = readFileSync(join(GENERATED, name), 'utf8');
      assert.ok(
        committed === expected,
        `src/core/schema/generated/${name} is out of date with schemas/incident-report.schema.json: run npm run gen:validator`,
      );
    }
  });

  it('is the validator of the bundled schema (no Ajv compilation)', () => {
    const compiled = bundledCompiledSchema();
    assert.equal(compiled.validate, validateGenerated);
    assert.equal(compiled.bundled, true);
    assert.deepEqual(runSchema(compiled, validReport()), []);
  });

  describe('reports the same errors as Ajv compiling the schema at run time', () => {
    const runtime = runtimeValidator();
    const documents: { name: string; data: unknown }[] = [];
    const fixtures = join(ROOT, 'test/fixtures');
    for (const name of readdirSync(fixtures).sort()) {
      const parsed = frontmatterData(join(fixtures, name, 'input.md'));
      if (parsed) documents.push({ name: `test/fixtures/${name}/input.md`, ...parsed });
    }
    for (const file of markdownFiles(join(ROOT, 'examples'))) {
      const parsed = frontmatterData(file);
      if (parsed) documents.push({ name: relative(ROOT, file).replace(/\\/g, '/'), ...parsed });
    }
    const broken = (name: string, change: (report: Record<string, any>) => void) => {
      const report = validReport();
      change(report);
      documents.push({ name, data: report });
    };
    broken('wrong enum', (r) => (r.status = 'on-fire'));
    broken('missing required', (r) => {
      delete r.title;
      delete r.contacts;
    });
    broken('additional property', (r) => (r.colour = 'red'));
    broken('additional property in a nested object', (r) => (r.timestamps.detected_by = 'SOC'));
    broken('bad date-time', (r) => (r.timestamps.started_at = '2023-10-30 25:61'));
    broken('bad date-time type', (r) => (r.timestamps.detected_at = 20231030));
    broken('bad date', (r) => (r.expected_restoration = '2023-02-30'));
    broken('bad email', (r) => (r.contacts = [{ ...r.contacts?.[0], email: 'not an address' }]));
    broken('wrong types everywhere', (r) => {
      r.affected_services = 'mail';
      r.data_loss = [];
      r.updates = [{ at: null, text: '' }];
    });
    documents.push({ name: 'empty object', data: {} }, { name: 'null', data: null }, { name: 'array', data: [] }, { name: 'string', data: 'x' });

    for (const { name, data } of documents) {
      it(name, () => {
        const expectedValid = runtime(data);
        const expected: ErrorObject[] | null | undefined = runtime.errors;
        const actualValid = validateGenerated(data);
        assert.equal(actualValid, expectedValid, 'valid');
        // Every field: instancePath, schemaPath, keyword, params, message and (verbose) schema, parentSchema, data.
        assert.deepStrictEqual(validateGenerated.errors ?? null, expected ?? null);
      });
    }

    it('compared documents with errors (not vacuous)', () => {
      assert.ok(documents.length >= 20, `only ${documents.length} documents`);
      const withErrors = documents.filter(({ data }) => !runtime(data)).length;
      assert.ok(withErrors >= 10, `only ${withErrors} documents had errors`);
      for (const keyword of ['enum', 'required', 'additionalProperties', 'format', 'type']) {
        const name = documents.find(({ data }) => !runtime(data) && runtime.errors!.some((e) => e.keyword === keyword))?.name;
        assert.ok(name, `no document has a ${keyword} error`);
      }
    });
  });
});
