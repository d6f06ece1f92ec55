// The main job for now: lint the examples with the built CLI (clean ones must pass, the broken one
// shows its findings in English and German).
import { spawnSync } from 'node:child_process';

const cli = (args, { expect } = {}) => {
  console.log(`\n$ incident-report ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['bin/incident-report.js', ...args], { stdio: 'inherit' });
  if (expect !== undefined && result.status !== expect) {
    console.error(`expected exit code ${expect}, got ${result.status}`);
    process.exit(1);
  }
  return result.status;
};

cli(['lint', 'examples/incidents'], { expect: 0 });
cli(['lint', 'examples/broken'], { expect: 1 });
cli(['lint', '--locale', 'de', 'examples/broken'], { expect: 1 });

