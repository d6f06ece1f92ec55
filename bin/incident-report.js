#!/usr/bin/env node
'use strict';
// The CLI is bundled to out/cli.js by `npm run build`.
try {
  require.resolve('../out/cli.js');
} catch {
  process.stderr.write('incident-report: out/cli.js is missing; run "npm run build" first\n');
  process.exit(2);
}
require('./v8-tiering.js').tuneForBatchRuns();
require('../out/cli.js');
