import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real editor that is not VS Code: Neovim (Debian's `neovim`, installed by .ci/run), headless,
 * with its built-in LSP client against `incident-report lsp --stdio` (test/neovim/lsp.lua, written
 * for the 0.7 API). It must run: without `nvim` this fails, it never skips.
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

interface NeovimResult {
  version: string;
  error?: string;
  diagnostics: NeovimDiagnostic[];
  actions: string[];
  line8: string;
  after_fix: NeovimDiagnostic[];
  completion: Array<{ label: string; newText?: string; detail?: string }>;
  hover: string;
  press_contact_before: boolean;
  press_contact_after: boolean;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

describe('language server in Neovim (built-in LSP client, headless)', function () {
  this.timeout(120_000);
  let folder: string;
  let result: NeovimResult;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'ir-nvim-'));
    cpSync(join(ROOT, 'examples'), folder, { recursive: true });
    const resultFile = join(folder, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test', 'neovim', 'lsp.lua')}`], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', HOME: folder, TZ: 'Europe/Berlin', LANG: 'C', IR_WORKSPACE: folder, IR_BIN: BIN, IR_RESULT: resultFile },
      encoding: 'utf8',
      timeout: 110_000,
    });
    assert.equal(run.error, undefined, `nvim could not be run (is Debian's neovim installed?): ${String(run.error)}`);
    result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    assert.equal(result.error, undefined, `${result.error}\n${run.stderr}`);
    assert.equal(run.status, 0, run.stderr);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('runs the Neovim the test is written for', () => {
    assert.match(result.version, /^0\.\d+\.\d+$/);
    console.log(`      (Neovim ${result.version})`);
  });

  it('shows the diagnostics lint --format json reports (vim.diagnostic.get)', () => {
    const cli = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', 'broken/broken.incident.md'], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
      encoding: 'utf8',
    });
    const findings = (JSON.parse(cli.stdout) as Array<{ findings: Array<{ ruleId: string; severity: keyof typeof SEVERITY; message: string; line: number; column: number; endLine: number; endColumn: number }> }>)[0]!.findings;
    const expected = findings
      .map((f) => ({ lnum: f.line - 1, col: f.column - 1, end_lnum: f.endLine - 1, end_col: f.endColumn - 1, severity: SEVERITY[f.severity], message: f.message, source: 'incident-report', code: f.ruleId }))
      .sort((a, b) => a.lnum - b.lnum || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    assert.ok(expected.length >= 10);
    assert.deepEqual(result.diagnostics, expected);
  });

  it('applies the quick fix with vim.lsp.util.apply_workspace_edit, and the server lints the edited buffer again', () => {
    assert.deepEqual(result.actions, ['Rename to `severity`']);
    assert.equal(result.line8, 'severity: major                         # unknown key "severty" (typo; the required "severity" is therefore missing)');
    assert.ok(!result.after_fix.some((d) => d.message.includes('severty') || d.message.startsWith('`severity` is missing')), JSON.stringify(result.after_fix));
    // The rest stays where it was; with `severity: major` readable, the NIS2 question comes up.
    const gone = (d: NeovimDiagnostic) => d.message.startsWith('`severty`') || d.message.startsWith('`severity` is missing');
    assert.deepEqual(result.after_fix.filter((d) => d.code !== 'nis2-reporting'), result.diagnostics.filter((d) => !gone(d) && d.code !== 'nis2-reporting'));
    assert.deepEqual(result.after_fix.filter((d) => d.code === 'nis2-reporting').map((d) => [d.lnum, d.severity]), [[7, 3]]);
  });

  it('completes a key being typed (the client filters by what was typed)', () => {
    assert.deepEqual(
      result.completion.filter((item) => item.label.startsWith('organization_a')).map((item) => [item.label, item.newText]),
      [
        ['organization_about', 'organization_about: '],
        ['organization_address', 'organization_address: '],
      ],
    );
    assert.ok(!result.completion.some((item) => item.label === 'organization'), 'a key the report has is not offered');
  });

  it('shows the field documentation on hover', () => {
    assert.match(result.hover, /^\*\*Language\*\* · `lang` · required/);
  });

  it('follows a project file changed on disk when the buffer is written (Neovim 0.7 sends no workspace/didChangeWatchedFiles)', () => {
    assert.deepEqual([result.press_contact_before, result.press_contact_after], [true, false]);
  });
});
