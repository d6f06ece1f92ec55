/**
 * VS Code's entry point for the restricted-mode suite (out/test/integration.restricted.js): the
 * extension in a workspace that is NOT trusted. scripts/test-integration.mjs starts this run with
 * workspace trust enabled (`--workspace-trust`) on test/integration/workspace-restricted.
 */
import { runSuites } from './index';

export function run(): Promise<void> {
  return runSuites(() => import('../restricted'));
}
