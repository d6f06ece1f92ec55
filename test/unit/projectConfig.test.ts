import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  DEFAULT_INTERNAL_DOMAINS,
  DEFAULT_REPORT_GLOBS,
  lintOptionsFrom,
  mergeConfigs,
  parseProjectConfig,
  RULE_IDS,
  RULE_OPTIONS,
  withTrust,
} from '../../src/core';
import { CONFIG_KEYS, RESTRICTED_CONFIG_KEYS } from '../../src/core/config';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'incident-report-config.schema.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** The problems of an invalid configuration as `line:col message` (English), or [] when it is valid. */
function problems(text: string): string[] {
  try {
    parseProjectConfig(text, CONFIG_FILE_NAME);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => `${p.line}:${p.column} ${p.message.en}`);
  }
}

describe('project configuration (.incident-report.json)', () => {
  it('ends each problem\'s mark on its line (endColumn): the value\'s end, the line\'s end before a CR, one character at least where there is one', () => {
    const marks = (text: string) => {
      try {
        parseProjectConfig(text, CONFIG_FILE_NAME);
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError, String(error));
        return error.problems.map((p) => `${p.line}:${p.column}-${p.endColumn}`);
      }
    };
    assert.deepEqual(marks('{ "locale": "xx" }'), ['1:13-17']);
    assert.deepEqual(marks('{ "locale": "de",\n'), ['2:1-1']);
    assert.deepEqual(marks('{ "locale": "de", }'), ['1:19-20']);
    assert.deepEqual(marks('\uFEFF[\r\n  "rules"\r\n]\r\n'), ['1:1-2']);
    assert.deepEqual(marks('{ "locale": "xx\r\n}'), ['1:13-16']);
    assert.deepEqual(marks(''), ['1:1-1']);
  });

  it('reads every setting', () => {
    const text = JSON.stringify({
      $schema: './schemas/incident-report-config.schema.json',
      rules: { placeholder: 'off', 'leak-ticket': 'error' },
      internalDomains: ['.intern', '.corp.example'],
      ticketPattern: '\\bACME-\\d+\\b',
      schema: 'config/org.schema.json',
      servicesCatalog: 'services.yaml',
      files: ['reports/**/*.md'],
      ignores: ['reports/archive/**'],
      maxSize: 500000,
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    assert.deepEqual(parseProjectConfig(text, CONFIG_FILE_NAME), {
      rules: { placeholder: 'off', 'leak-ticket': 'error' },
      internalDomains: ['.intern', '.corp.example'],
      ticketPattern: '\\bACME-\\d+\\b',
      schema: 'config/org.schema.json',
      servicesCatalog: 'services.yaml',
      files: ['reports/**/*.md'],
      ignores: ['reports/archive/**'],
      maxSize: 500000,
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    assert.deepEqual(parseProjectConfig('\uFEFF{}', CONFIG_FILE_NAME), {});
  });

  it('accepts the example in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Configuration file[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'README has no configuration example');
    assert.deepEqual(problems(example), []);
    assert.equal(validate(JSON.parse(example)), true);
  });

  it('names every problem with its line and column', () => {
    const text = [
      '{',
      '  "rules": { "leak-ipp": "off", "schema": "fatal" },',
      '  "internalDomains": ["intern", 3],',
      '  "ticketPattern": "INC-(",',
      '  "maxSize": 1.5,',
      '  "locale": "fr",',
      '  "timeZone": "Europe/Berl",',
      '  "fles": [],',
      '  "files": "x",',
      '  "colour": true,',
      '  "ignores": ["archive/**", "", 3, null],',
      '  "ignors": []',
      '}',
    ].join('\n');
    assert.deepEqual(problems(text), [
      '2:14 unknown rule "leak-ipp": did you mean "leak-ip"?',
      '2:43 the level of rule "schema" must be "error", "warning", "info" or "off"',
      '3:23 "intern" is no domain suffix: start it with a dot, e.g. ".intern"',
      '3:33 every entry of "internalDomains" must be a non-empty string',
      '4:20 "ticketPattern" is not a valid regular expression: Invalid regular expression: /INC-(/g: Unterminated group',
      '5:14 "maxSize" must be a whole number of characters ≥ 1',
      '6:13 "locale" must be "de" or "en"',
      '7:15 "timeZone": `Europe/Berl` is no IANA time zone this runtime knows. Did you mean Europe/Berlin?',
      '8:3 unknown setting "fles": did you mean "files"?',
      '9:12 "files" must be a list of strings',
      '10:3 unknown setting "colour"; known: rules, schema, servicesCatalog, files, ignores, locale, timeZone, requireApproval, internalDomains, ticketPattern, maxSize',
      '11:29 every entry of "ignores" must be a non-empty string',
      '11:33 every entry of "ignores" must be a non-empty string',
      '11:36 every entry of "ignores" must be a non-empty string',
      '12:3 unknown setting "ignors": did you mean "ignores"?',
    ]);
    assert.deepEqual(problems('{\n  "ignores": "archive/**"\n}'), ['2:14 "ignores" must be a list of strings']);
  });

  it('refuses what is not a JSON object, with the place of the first syntax error', () => {
    assert.deepEqual(problems('{\n  "rules": {},\n}'), ['3:1 not valid JSON: property name expected']);
    assert.deepEqual(problems('{ // comment\n}'), ['1:3 not valid JSON: invalid comment token']);
    assert.deepEqual(problems('[]'), ['1:1 the configuration must be a JSON object `{ … }`']);
    assert.deepEqual(problems(''), ['1:1 not valid JSON: value expected']);
    assert.deepEqual(problems('{"locale": "de", "locale": "en"}'), ['1:18 "locale" is given twice']);
  });

  it('says it in German too, as file:line:col lines', () => {
    try {
      parseProjectConfig('{"locale": "fr"}', 'repo/.incident-report.json');
      assert.fail('no error');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.describe('de'), 'repo/.incident-report.json:1:12: "locale" muss "de" oder "en" sein');
      assert.equal(error.message, 'repo/.incident-report.json:1:12: "locale" must be "de" or "en"');
    }
    try {
      parseProjectConfig('{"ignores": [""]}', 'repo/.incident-report.json');
      assert.fail('no error');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.describe('de'), 'repo/.incident-report.json:1:14: jeder Eintrag von "ignores" muss ein nicht leerer String sein');
    }
  });

  it('layers: later wins, rules merge rule by rule', () => {
    const file = { rules: { placeholder: 'off', schema: 'warning' }, locale: 'de', ticketPattern: 'A-\\d+', maxSize: 10 } as const;
    const flags = { rules: { schema: 'error' }, locale: 'en' } as const;
    assert.deepEqual(mergeConfigs(file, undefined, flags), {
      rules: { placeholder: 'off', schema: 'error' },
      locale: 'en',
      ticketPattern: 'A-\\d+',
      maxSize: 10,
    });
    assert.deepEqual(mergeConfigs({ locale: 'de' }, { locale: undefined }), { locale: 'de' });
    assert.deepEqual(lintOptionsFrom(mergeConfigs(file, flags)), {
      locale: 'en',
      rules: { placeholder: 'off', schema: 'error' },
      ticketPattern: 'A-\\d+',
      maxSize: 10,
    });
  });

  it('drops schema and ticketPattern when the workspace is not trusted', () => {
    const config = { schema: 'org.json', ticketPattern: 'A-\\d+', rules: { placeholder: 'off' as const }, servicesCatalog: 's.yaml' };
    assert.deepEqual(withTrust(config, false), { rules: { placeholder: 'off' }, servicesCatalog: 's.yaml' });
    assert.equal(withTrust(config, true), config);
    // The same keys VS Code restricts as settings.
    assert.deepEqual(
      manifest.capabilities.untrustedWorkspaces.restrictedConfigurations,
      RESTRICTED_CONFIG_KEYS.map((key) => `incidentReport.${key}`),
    );
  });
});

describe('schemas/incident-report-config.schema.json', () => {
  it('is contributed for .incident-report.json (jsonValidation)', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: CONFIG_FILE_NAME, url: './schemas/incident-report-config.schema.json' }]);
  });

  it('describes exactly the keys, rules and defaults the engine knows', () => {
    assert.deepEqual(Object.keys(schema.properties), ['$schema', ...CONFIG_KEYS]);
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
    assert.deepEqual(schema.properties.internalDomains.default, [...DEFAULT_INTERNAL_DOMAINS]);
    assert.deepEqual(schema.properties.files.default, [...DEFAULT_REPORT_GLOBS]);
    assert.deepEqual(schema.properties.ignores.default, []);
  });

  it('holds every option a rule declares, with its type and the restriction of untrusted workspaces', () => {
    for (const option of RULE_OPTIONS) {
      assert.ok((CONFIG_KEYS as readonly string[]).includes(option.name), `rule option ${option.name} is missing from the configuration file (src/core/config, the config schema)`);
      assert.equal(schema.properties[option.name].type, option.schema.type, option.name);
      assert.equal((RESTRICTED_CONFIG_KEYS as readonly string[]).includes(option.name), option.restricted === true, `${option.name}: restricted`);
    }
  });

  it('agrees with the engine on what is valid', () => {
    const samples: unknown[] = [
      {},
      { rules: { placeholder: 'off' } },
      { rules: { placeholder: 'never' } },
      { rules: { 'no-such-rule': 'off' } },
      { internalDomains: ['.intern'] },
      { internalDomains: ['intern'] },
      { internalDomains: '.intern' },
      { files: ['a/**/*.md'] },
      { files: [''] },
      { ignores: ['archive/**'] },
      { ignores: [''] },
      { ignores: 'archive/**' },
      { ignores: [3] },
      { maxSize: 1 },
      { maxSize: 0 },
      { maxSize: 2.5 },
      { locale: 'de' },
      { locale: 'fr' },
      { schema: '' },
      { schema: 'x.json' },
      { servicesCatalog: 7 },
      { requireApproval: true },
      { requireApproval: false },
      { requireApproval: { roles: ['press', 'it'] } },
      { requireApproval: { roles: ['press', 'press'] } },
      { requireApproval: { roles: [] } },
      { requireApproval: { roles: ['mayor'] } },
      { requireApproval: { role: ['press'] } },
      { requireApproval: {} },
      { requireApproval: 'yes' },
      { unknown: 1 },
      [],
      'text',
    ];
    for (const sample of samples) {
      const text = JSON.stringify(sample);
      assert.equal(problems(text).length === 0, validate(sample), `${text}: engine ${problems(text).join('; ') || 'accepts'}, schema ${validate(sample) ? 'accepts' : 'refuses'}`);
    }
  });
});
