#!/usr/bin/env node
'use strict';
// The CLI is bundled to out/cli.js by `npm run build`. Node ≥ 22 keeps its compiled code between runs.
require('node:module').enableCompileCache?.();
try {
  require.resolve('../out/cli.js');
} catch {
  process.stderr.write('incident-report: out/cli.js is missing; run "npm run build" first\n');
  process.exit(2);
}
require('../out/cli.js');
