import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The shape of the source tree: no import cycle anywhere in `src/`, and inside the engine no arrow
 * up, each folder of `src/core/` importing only the folders its `index.ts` names ("May import: …").
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const CORE = join(SRC, 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The files of `src/` that `file` imports (type-only imports and re-exports included: they tie modules as much). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName.replace(/\.js$/, ''));
    const target = [base + '.ts', join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target) found.push(target);
  }
  return found;
}

/** The import graph of `src/`. */
function importGraph(): Map<string, string[]> {
  return new Map(sources(SRC).map((file) => [file, importsOf(file)]));
}

/** The strongly connected components with more than one file (or a file importing itself): every import cycle. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.map((f) => relative(ROOT, f)).sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The folder of `src/core/` a file belongs to (`''` for the door, `src/core/index.ts`). */
function coreFolder(file: string): string {
  const parts = relative(CORE, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '';
}

/** Each engine folder's "May import:" line from its `index.ts` opening comment. */
function declaredImports(): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>();
  for (const folder of readdirSync(CORE).filter((name) => statSync(join(CORE, name)).isDirectory())) {
    const indexFile = join(CORE, folder, 'index.ts');
    const text = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '';
    const line = /May import: ([^\n]*)/.exec(text);
    assert.ok(line, `src/core/${folder}/index.ts says in its opening comment what the folder may import ("May import: …")`);
    declared.set(folder, new Set(line[1]!.split('(')[0]!.replace(/[.]$/, '').split(/[,\s]+/).filter((word) => /^[a-z]+$/.test(word) && word !== 'nothing' && word !== 'and')));
  }
  return declared;
}

describe('source layout', () => {
  it('has no import cycle in src/', () => {
    assert.deepEqual(importCycles(importGraph()), []);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      [join(ROOT, 'a.ts'), [join(ROOT, 'b.ts')]],
      [join(ROOT, 'b.ts'), [join(ROOT, 'c.ts')]],
      [join(ROOT, 'c.ts'), [join(ROOT, 'a.ts')]],
      [join(ROOT, 'd.ts'), [join(ROOT, 'd.ts')]],
      [join(ROOT, 'e.ts'), [join(ROOT, 'a.ts')]],
    ]);
    assert.deepEqual(importCycles(graph), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('engine folders import only the folders their index.ts declares, and those declarations have no cycle', () => {
    const declared = declaredImports();
    const known = new Set(declared.keys());
    for (const [folder, allowed] of declared) {
      for (const name of allowed) assert.ok(known.has(name), `src/core/${folder}/index.ts may import "${name}", which is no folder of src/core`);
    }
    const upward: string[] = [];
    for (const [file, targets] of importGraph()) {
      if (!file.startsWith(CORE + '/')) continue;
      const from = coreFolder(file);
      for (const target of targets) {
        const to = coreFolder(target);
        if (!target.startsWith(CORE + '/')) upward.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}, outside the engine`);
        else if (to === '' && from !== '') upward.push(`${relative(ROOT, file)} imports the door src/core/index.ts`);
        else if (from !== '' && to !== from && !declared.get(from)!.has(to)) upward.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} (${from} may import: ${[...declared.get(from)!].join(', ') || 'nothing'})`);
      }
    }
    assert.deepEqual(upward, []);
    const folderGraph = new Map([...declared].map(([folder, allowed]) => [join(CORE, folder), [...allowed].map((name) => join(CORE, name))]));
    assert.deepEqual(importCycles(folderGraph), []);
  });
});
