// Command-line options shared by the two integration-test runners (scripts/vscode-server-test.mjs
// and scripts/test-electron.mjs): same flags, same messages.
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Parses `--extension <dir> --tests <module> --workspace <dir> [--env KEY=VALUE ...] [-h]` plus the
 * runner's own `options` (node:util parseArgs format). Calls `usage(message)` (which exits) on any
 * mistake. The three paths come back absolute, `env` as an object.
 * @param {string[]} argv
 * @param {Record<string, { type: 'string' | 'boolean' }>} options
 * @param {(message?: string) => never} usage
 */
export function parseRunnerArgs(argv, options, usage) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        env: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        ...options,
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) usage();
  if (!values.extension || !values.tests || !values.workspace) usage('--extension, --tests and --workspace are required');
  const env = {};
  for (const pair of values.env ?? []) {
    const k = pair.indexOf('=');
    if (k <= 0) usage(`--env expects KEY=VALUE, got "${pair}"`);
    env[pair.slice(0, k)] = pair.slice(k + 1);
  }
  return {
    ...values,
    env,
    extension: path.resolve(values.extension),
    tests: path.resolve(values.tests),
    workspace: path.resolve(values.workspace),
  };
}
