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
// Like require('../out/cli.js'), with V8's code cache (compile-cache.js).
require('./compile-cache.js').runMain(require('node:path').join(__dirname, '..', 'out', 'cli.js'));
