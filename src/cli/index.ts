import { main } from './main';

main(process.argv.slice(2), process.env, Boolean(process.stdout.isTTY)).then(({ stdout, stderr, exitCode }) => {
  if (stderr) process.stderr.write(stderr);
  // Exit only once stdout has drained: large JSON or SARIF output must not be cut off in a pipe.
  process.stdout.write(stdout, () => process.exit(exitCode));
});
