import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `incident-report lint` shares large runs with worker threads (src/cli/workerPool.ts). Whatever the
 * number of threads, the output, the messages on stderr and the exit code must be the same as a
 * sequential run's. Runs the built CLI (npm run build first; `npm test` does).
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');

function cli(args: string[], cwd: string, jobs: number) {
  const result = spawnSync(process.execPath, [BIN, ...(args[0] === 'lint' ? [...args, '--jobs', String(jobs)] : args)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI lint with worker threads', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'incident-report-workers-'));
    const sources = [
      ...readdirSync(join(ROOT, 'examples/incidents')).map((f) => join(ROOT, 'examples/incidents', f)),
      join(ROOT, 'examples/broken/broken.incident.md'),
    ].map((f) => readFileSync(f, 'utf8'));
    mkdirSync(join(dir, 'reports', 'incidents'), { recursive: true });
    // Enough files for a worker (≥ 250 per worker), valid and broken interleaved.
    for (let i = 0; i < 320; i++) {
      const text = sources[i % sources.length]!.replace(/^id: (.*)$/m, `id: $1-${i}`);
      writeFileSync(join(dir, 'reports', 'incidents', `r-${String(i).padStart(3, '0')}.md`), text);
    }
    // Found below a directory but no report: skipped; and a name that does not exist: an I/O problem.
    writeFileSync(join(dir, 'reports', 'notes.md'), '# Meeting notes\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['stylish', 'json']) {
    it(`gives the same ${format} output, stderr and exit code as one thread`, () => {
      const args = ['lint', '--format', format, 'reports', 'missing.md'];
      const one = cli(args, dir, 1);
      const two = cli(args, dir, 2);
      assert.equal(one.code, 2);
      assert.equal(two.code, one.code);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.stdout, one.stdout);
      if (format === 'json') {
        // Every report in path order, then the missing file; the notes file is no report and is left out.
        const files = (JSON.parse(two.stdout) as Array<{ file: string }>).map((r) => r.file);
        const reports = Array.from({ length: 320 }, (_, i) => `reports/incidents/r-${String(i).padStart(3, '0')}.md`);
        assert.deepEqual(files, [...reports, 'missing.md']);
      }
    });
  }
});
