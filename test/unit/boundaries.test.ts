import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { disposeAll } from '../../src/extension/disposables';

/** The extension reaches the engine through one door: `src/core/index.ts`, and `EngineService`. */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

describe('one door into the engine', () => {
  it('the extension imports nothing of the engine past src/core/index.ts', () => {
    const past: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+core\/[^']+)'/g)) past.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    assert.deepEqual(past, []);
  });

  it('the language server imports nothing of the engine past src/core/index.ts either', () => {
    const past: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'lsp'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+core\/[^']+)'/g)) past.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    assert.deepEqual(past, []);
  });

  it('the CLI imports nothing of the engine past src/core/index.ts either', () => {
    const past: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'cli'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+core\/[^']+)'/g)) past.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    assert.deepEqual(past, []);
  });

  it('only EngineService decides what is a report and lints it', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      if (file.endsWith('engine.ts')) continue;
      const text = readFileSync(file, 'utf8');
      if (/\b(isIncidentReport|createLinter)\b/.test(text)) offenders.push(relative(ROOT, file));
      if (/\blinter\.lint\(/.test(text)) offenders.push(relative(ROOT, file) + ' (linter.lint)');
    }
    assert.deepEqual(offenders, []);
  });
});

describe('disposeAll', () => {
  it('disposes each entry once and empties the list', () => {
    const calls: string[] = [];
    const list = ['a', 'b'].map((name) => ({ dispose: () => void calls.push(name) }));
    disposeAll(list);
    disposeAll(list);
    assert.deepEqual(calls, ['a', 'b']);
    assert.equal(list.length, 0);
  });
});
