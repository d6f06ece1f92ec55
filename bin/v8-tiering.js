'use strict';
/**
 * V8's optimizing compiler settings for a CLI run, set before the bundle is loaded.
 *
 * Why: a `lint` of a folder lives a second or two. V8's defaults suit a long-running program: it
 * optimizes a function early and inlines generously, and that compilation runs on a background
 * thread. In a lint of 2,000 reports it cost about as much CPU as the linting itself, and each
 * worker thread compiles the same code again, so on two cores the workers fought the compilers and
 * gained nothing. Optimizing a little later (a larger interrupt budget) and inlining less makes
 * each compilation cheaper and skips functions that are only lukewarm; the optimized code is
 * hardly slower for this workload. Measured on the 2,000-report bench corpus with worker threads,
 * in interleaved pairs against V8's defaults: wall time 0.83 and 0.87 of the default (7 and 9 pairs).
 *
 * The flags are process-wide, so worker threads get them too. A value the user passed
 * (`node --interrupt-budget=… bin/incident-report.js`) is left alone; Node does not accept these
 * flags in NODE_OPTIONS. INCIDENT_REPORT_V8_DEFAULTS=1 keeps V8's defaults (for comparisons).
 */
const v8 = require('node:v8');

/**
 * The V8 versions these values were measured on (Node 20 has V8 11.3). Tiering changes between V8
 * versions, and V8 prints an error for a flag it no longer knows: other versions keep the defaults.
 */
const MEASURED_V8 = /^11\./;

/** Flag name → value. */
const TIERING = {
  'interrupt-budget': 300000,
  'max-inlined-bytecode-size-cumulative': 200,
};

/** True when the user gave `name` to node on the command line (V8 takes `-` and `_` alike). */
function setByUser(name) {
  const spellings = [name, name.replace(/-/g, '_')];
  return process.execArgv.some((arg) => spellings.some((spelling) => arg === `--${spelling}` || arg.startsWith(`--${spelling}=`)));
}

/** Applies {@link TIERING} (except what the user set) on a measured V8. The flags only change speed. */
function tuneForBatchRuns() {
  if (process.env.INCIDENT_REPORT_V8_DEFAULTS === '1' || !MEASURED_V8.test(process.versions.v8)) return;
  for (const [name, value] of Object.entries(TIERING)) {
    if (!setByUser(name)) v8.setFlagsFromString(`--${name}=${value}`);
  }
}

module.exports = { tuneForBatchRuns, TIERING };
