import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The SARIF that `lint --format sarif` prints passes the official validator, `Sarif.Multitool
 * validate` from @microsoft/sarif-multitool (a .NET binary shipped inside the npm package), with no
 * error and no warning. The binary must run: when it cannot (e.g. libicu missing), this test fails
 * and says why, it never skips.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');

function validatorBinary(): string {
  // The package's index.js resolves the platform package (@microsoft/sarif-multitool-linux, …).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const binary = require('@microsoft/sarif-multitool') as string;
  assert.ok(existsSync(binary), `the SARIF validator is not installed at ${binary}: run npm ci`);
  return binary;
}

interface ValidatorResult {
  ruleId: string;
  level?: string;
  message: { text?: string };
  locations?: Array<{ physicalLocation?: { region?: { startLine?: number } } }>;
}

/** Runs the validator on `file`; returns what it found at level error or warning, as readable lines. */
function validate(file: string, dir: string): string[] {
  const out = join(dir, 'validation.sarif');
  const run = spawnSync(validatorBinary(), ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--quiet'], {
    encoding: 'utf8',
    // .NET without ICU aborts unless told to run invariant; we want it to fail loudly instead.
    env: { PATH: process.env.PATH ?? '', HOME: dir, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000,
  });
  const detail = `\nexit ${run.status ?? run.signal}\nstdout: ${run.stdout}\nstderr: ${run.stderr}${run.error ? `\nerror: ${run.error.message}` : ''}\n(the binary needs libicu: apt-get install libicu72 — .ci/run does)`;
  assert.equal(run.status, 0, `Sarif.Multitool could not run${detail}`);
  assert.ok(existsSync(out), `Sarif.Multitool wrote no output${detail}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: Array<{ results?: ValidatorResult[]; invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }> }>;
  };
  const validation = log.runs[0]!;
  assert.equal(validation.invocations?.[0]?.executionSuccessful, true, `the validator did not finish: ${JSON.stringify(validation.invocations)}`);
  return (validation.results ?? [])
    .filter((r) => (r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning')
    .map((r) => `${r.level ?? 'warning'} ${r.ruleId} line ${r.locations?.[0]?.physicalLocation?.region?.startLine ?? '?'}: ${r.message.text ?? ''}`);
}

describe('SARIF and the official validator (Sarif.Multitool validate)', function () {
  this.timeout(180_000);

  it('accepts the SARIF of a run with findings inside and outside the working directory, a complex key and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-sarif-'));
    const work = join(dir, 'repo');
    mkdirSync(join(work, 'incidents'), { recursive: true });
    copyFileSync(join(ROOT, 'examples/broken/broken.incident.md'), join(work, 'incidents', 'broken report.md'));
    writeFileSync(join(work, 'incidents', 'complex.md'), '---\nschema: incident-report/v1\n? [a, b]\n: 1\n---\n\n# Intern\n');
    const outside = join(dir, 'elsewhere.incident.md');
    copyFileSync(join(ROOT, 'examples/broken/broken.incident.md'), outside);

    for (const locale of ['en', 'de']) {
      const lint = spawnSync(process.execPath, [BIN, 'lint', '--format', 'sarif', '--locale', locale, 'incidents', outside, 'missing.md'], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
      });
      assert.equal(lint.status, 2, lint.stderr);
      const sarif = JSON.parse(lint.stdout);
      const uris = new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)));
      // Inside: relative to %SRCROOT%; outside: an absolute file: URI without a base.
      assert.deepEqual([...uris].sort(), [
        JSON.stringify({ uri: `file://${outside}` }),
        JSON.stringify({ uri: 'incidents/broken%20report.md', uriBaseId: '%SRCROOT%' }),
        JSON.stringify({ uri: 'incidents/complex.md', uriBaseId: '%SRCROOT%' }),
      ].sort());
      const file = join(dir, `lint-${locale}.sarif`);
      writeFileSync(file, lint.stdout);
      assert.deepEqual(validate(file, dir), [], `locale ${locale}`);
    }
  });

  it('accepts the SARIF of a family run: findings with relatedLocations in the parent, inside and outside the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-sarif-'));
    const work = join(dir, 'repo');
    const fixtures = join(ROOT, 'test', 'fixtures');
    // A member whose facts differ from its parent (family-shared-facts): each finding points into the parent.
    mkdirSync(join(work, 'provider'), { recursive: true });
    mkdirSync(join(work, 'kommunen'), { recursive: true });
    copyFileSync(join(fixtures, 'family-shared-facts', 'parent.md'), join(work, 'provider', '2023-10-30-sit.md'));
    copyFileSync(join(fixtures, 'family-shared-facts', 'input.md'), join(work, 'kommunen', 'werne.md'));
    // The same member outside the working directory: its parent is then outside too.
    mkdirSync(join(dir, 'provider'), { recursive: true });
    mkdirSync(join(dir, 'kommunen'), { recursive: true });
    copyFileSync(join(fixtures, 'family-shared-facts', 'parent.md'), join(dir, 'provider', '2023-10-30-sit.md'));
    copyFileSync(join(fixtures, 'family-shared-facts', 'input.md'), join(dir, 'kommunen', 'werne.md'));

    const lint = spawnSync(process.execPath, [BIN, 'lint', '--format', 'sarif', '--locale', 'en', 'provider', 'kommunen', join(dir, 'kommunen', 'werne.md')], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
    });
    assert.equal(lint.status, 1, lint.stderr);
    const sarif = JSON.parse(lint.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }> }> }>;
    };
    const related = sarif.runs[0]!.results.flatMap((r) =>
      (r.relatedLocations ?? []).map((l) => `${r.ruleId} ${l.physicalLocation.artifactLocation.uriBaseId ?? '-'} ${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`),
    );
    assert.deepEqual([...new Set(related)].sort(), [
      `family-shared-facts %SRCROOT% provider/2023-10-30-sit.md:20`,
      `family-shared-facts %SRCROOT% provider/2023-10-30-sit.md:9`,
      `family-shared-facts - file://${join(dir, 'provider', '2023-10-30-sit.md')}:20`,
      `family-shared-facts - file://${join(dir, 'provider', '2023-10-30-sit.md')}:9`,
    ]);
    const file = join(dir, 'family.sarif');
    writeFileSync(file, lint.stdout);
    assert.deepEqual(validate(file, dir), []);
  });

  it('accepts the SARIF of findings suppressed in source with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-sarif-'));
    mkdirSync(join(dir, 'incidents'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'suppression', 'input.md'), join(dir, 'incidents', 'suppressed.md'));
    const lint = spawnSync(process.execPath, [BIN, 'lint', '--format', 'sarif', '--now', '2026-01-01T00:00:00Z', 'incidents'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
    });
    assert.equal(lint.status, 0, lint.stdout);
    const sarif = JSON.parse(lint.stdout) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification: string }> }> }> };
    const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions);
    assert.deepEqual(
      suppressed.map((r) => [r.ruleId, r.suppressions]),
      [
        ['leak-ip', [{ kind: 'inSource', justification: '2001:db8::42 is the documentation address the vendor prints on its public status page' }]],
        ['leak-ip', [{ kind: 'inSource', justification: 'the police published this address themselves in their warning of 30 October' }]],
      ],
    );
    const file = join(dir, 'suppressed.sarif');
    writeFileSync(file, lint.stdout);
    assert.deepEqual(validate(file, dir), []);
  });

  it('reports what is wrong (the validator really runs): a SARIF with the old faults fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-sarif-'));
    const bad = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: { driver: { name: 'incident-report', rules: [{ id: 'schema', name: 'schema', shortDescription: { text: 'Schema.' } }] } },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
          results: [
            {
              ruleId: 'schema',
              ruleIndex: 0,
              level: 'error',
              message: { text: 'Broken.' },
              locations: [{ physicalLocation: { artifactLocation: { uri: '/tmp/x.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }],
            },
          ],
        },
      ],
    };
    const file = join(dir, 'bad.sarif');
    writeFileSync(file, JSON.stringify(bad, null, 2));
    const found = validate(file, dir).map((line) => line.split(' ').slice(0, 2).join(' '));
    assert.deepEqual([...new Set(found)].sort(), ['error SARIF1004', 'warning SARIF1001', 'warning SARIF2005']);
  });
});
