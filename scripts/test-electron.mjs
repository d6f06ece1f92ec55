#!/usr/bin/env node
// Runs the integration-test module in desktop VS Code via @vscode/test-electron, for machines
// that can download VS Code. Same test module and flags as scripts/vscode-server-test.mjs:
//
//   node scripts/test-electron.mjs --extension <dir> --tests <compiled test module .js>
//        --workspace <dir> [--env KEY=VALUE ...] [--vscode-version stable|insiders|1.90.0]
//        [--vscode-executable <path to an installed VS Code>]
//
// Needs the devDependency @vscode/test-electron. On Linux without a display run it under
// `xvfb-run -a`. Where desktop VS Code cannot be downloaded, use scripts/vscode-server-test.mjs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRunnerArgs } from './runner-args.mjs';

const TAG = 'test-electron';
const started = Date.now();

function usage(message) {
  if (message) console.error(`${TAG}: ${message}`);
  console.error(
    'usage: node scripts/test-electron.mjs --extension <dir> --tests <test module .js> --workspace <dir>\n' +
      '       [--env KEY=VALUE ...] [--vscode-version <version>] [--vscode-executable <path>]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const values = parseRunnerArgs(
    argv,
    {
      'vscode-version': { type: 'string' },
      'vscode-executable': { type: 'string' },
      web: { type: 'boolean' },
      timeout: { type: 'string' },
      screenshot: { type: 'string' },
    },
    usage,
  );
  if (values.web) usage('--web is not supported by @vscode/test-electron: use node scripts/vscode-server-test.mjs --web');
  for (const flag of ['timeout', 'screenshot']) {
    if (values[flag] !== undefined) console.error(`${TAG}: --${flag} is only supported by scripts/vscode-server-test.mjs; ignored`);
  }
  return {
    extension: values.extension,
    tests: values.tests,
    workspace: values.workspace,
    env: values.env,
    version: values['vscode-version'] ?? (process.env.VSCODE_TEST_VERSION || undefined),
    executable: values['vscode-executable'] ? path.resolve(values['vscode-executable']) : undefined,
  };
}

function summary(code, detail) {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${TAG}: ${code === 0 ? 'PASSED' : 'FAILED'} (exit ${code}) in ${secs} s; desktop VS Code${detail ? `; ${detail}` : ''}`);
}

async function loadTestElectron() {
  // The project's devDependency first, then whatever the current directory can resolve.
  for (const base of [import.meta.url, pathToFileURL(path.join(process.cwd(), 'package.json')).href]) {
    try {
      const resolved = createRequire(base).resolve('@vscode/test-electron');
      return await import(pathToFileURL(resolved).href);
    } catch {
      /* try the next base */
    }
  }
  return undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const [what, p] of [['--extension', opts.extension], ['--tests', opts.tests]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} ${p} does not exist`);
  }
  fs.mkdirSync(opts.workspace, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(opts.extension, 'package.json'), 'utf8'));

  const te = await loadTestElectron();
  if (!te) {
    console.error(`${TAG}: @vscode/test-electron is not installed (npm install --save-dev @vscode/test-electron).`);
    console.error(`${TAG}: without it, run the same tests with: node scripts/vscode-server-test.mjs ${process.argv.slice(2).join(' ')}`);
    summary(1, '@vscode/test-electron missing');
    return 1;
  }
  const { runTests, downloadAndUnzipVSCode } = te.default?.runTests ? te.default : te;

  let vscodeExecutablePath = opts.executable;
  if (!vscodeExecutablePath) {
    console.log(`${TAG}: downloading desktop VS Code (${opts.version ?? 'stable'}) ...`);
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode(opts.version ? { version: opts.version } : {});
    } catch (err) {
      console.error(`${TAG}: could not download desktop VS Code: ${err?.message ?? err}`);
      console.error(
        `${TAG}: this machine cannot fetch VS Code; run the tests in the VS Code server build instead:\n` +
          `  node scripts/vscode-server-test.mjs ${process.argv.slice(2).join(' ')}`,
      );
      summary(1, 'download failed');
      return 1;
    }
  }

  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(`${TAG}: warning: no DISPLAY; desktop VS Code usually needs one (run under \`xvfb-run -a\`).`);
  }

  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: opts.extension,
      extensionTestsPath: opts.tests,
      extensionTestsEnv: {
        ...opts.env,
        EXT_TEST_HOST: 'node',
        EXT_TEST_EXTENSION_ID: `${manifest.publisher}.${manifest.name}`,
      },
      launchArgs: [opts.workspace, '--disable-extensions'],
    });
    summary(code);
    return code;
  } catch (err) {
    // TestRunFailedError carries VS Code's exit code; anything else is a launch problem.
    const code = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
    if (err?.name !== 'TestRunFailedError' && !/Test run failed/i.test(String(err?.message))) {
      console.error(`${TAG}: error: ${err?.stack ?? err}`);
    }
    summary(code, err?.signal ? `VS Code ended by ${err.signal}` : undefined);
    return code;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`${TAG}: error: ${err?.stack ?? err}`);
    summary(1, 'error');
    process.exit(1);
  },
);
