import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MODULE = join(__dirname, '..', '..', 'bin', 'v8-tiering.js');

/** The flags bin/v8-tiering.js hands to V8 in a fresh Node process started with `execArgv` and `env`. */
function flagsSet(execArgv: string[], env: Record<string, string> = {}): string[] {
  const script = `
    const v8 = require('node:v8');
    const set = [];
    v8.setFlagsFromString = (flag) => set.push(flag);
    require(${JSON.stringify(MODULE)}).tuneForBatchRuns();
    process.stdout.write(JSON.stringify(set));
  `;
  const { INCIDENT_REPORT_V8_DEFAULTS: _ignored, NODE_OPTIONS: _options, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [...execArgv, '-e', script], { encoding: 'utf8', env: { ...inherited, ...env } });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

// The values were measured on V8 11 (Node 20); any other V8 keeps its defaults.
const MEASURED = /^11\./.test(process.versions.v8);
const when = (flags: string[]) => (MEASURED ? flags : []);

describe('V8 tiering of the CLI (bin/v8-tiering.js)', () => {
  it(`sets a later optimization and less inlining for a batch run (V8 ${process.versions.v8})`, () => {
    assert.deepStrictEqual(flagsSet([]), when(['--interrupt-budget=300000', '--max-inlined-bytecode-size-cumulative=200']));
  });

  it('leaves a flag the user gave to node, in either spelling', () => {
    assert.deepStrictEqual(flagsSet(['--interrupt-budget=1000']), when(['--max-inlined-bytecode-size-cumulative=200']));
    assert.deepStrictEqual(flagsSet(['--max_inlined_bytecode_size_cumulative=50']), when(['--interrupt-budget=300000']));
  });

  it('keeps V8 defaults with INCIDENT_REPORT_V8_DEFAULTS=1', () => {
    assert.deepStrictEqual(flagsSet([], { INCIDENT_REPORT_V8_DEFAULTS: '1' }), []);
  });
});
