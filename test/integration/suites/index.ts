/**
 * Integration suites, registered by side effect: the runner (../runner) installs mocha's BDD
 * globals and then imports this module, so every suite module must be imported from here
 * (statically: there is no filesystem globbing, the whole tree is bundled into one file per host).
 *
 *   import './commands';
 *   import './diagnostics';
 *
 * Placeholder: a trivial smoke suite until the real ones land.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { isWebWorkerHost, testEnv } from '../runner';
// Extension platform (issue 3): diagnostics, settings, status bar, commands — in this order, since
// the commands suite expects archive/unopened.incident.md never to have been linted before.
import './diagnostics';
import './settings';
import './statusBar';
import './commands';
// Press release (issue 4): preview and export.
import './preview';
// Editing (issue 3): quick fixes, completion, hover, snippets. Their fixture reports are created
// at run time and removed again (see editingFixtures.ts), so the suites above never see them.
import './codeActions';
import './completion';
import './hover';
import './snippets';
// The first minute (issue 10): Enter in frontmatter.
import './indentation';
// Claims (issue 11): the qualifier quick fix.
import './claims';
import './stress';
// Incident families (issue 14): reports written under families/ at run time and removed again.
import './families';
// Configuration (issue 10): .incident-report.json; creates and removes its files itself.
import './projectConfig';
// Authority notifications (issue 13): deadline clock, hover on timestamps, confidential drafts.
import './authority';
// One verdict before anything goes public (issue 20): preview banner, export as draft, suppressions.
import './verdict';
// Releases and sign-off (issue 26): Approve Release…, the stale warning, the preview's release line.
import './releases';

/** publisher.name of the extension under test (set by scripts/vscode-server-test.mjs and test-electron.mjs). */
const EXTENSION_ID = testEnv('EXT_TEST_EXTENSION_ID') ?? 'incident-report.incident-report';

describe('smoke', () => {
  it('runs inside VS Code', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.ok(vscode.version.length > 0, 'vscode.version is empty');
  });

  it(`has the extension under test (${EXTENSION_ID})`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    assert.ok(ext.isActive, `extension ${EXTENSION_ID} did not activate`);
  });

  it('runs in the expected extension host', () => {
    const expected = testEnv('EXT_TEST_HOST'); // node | web, set by the scripts/*test*.mjs launchers
    if (!expected) return;
    assert.strictEqual(isWebWorkerHost() ? 'web' : 'node', expected);
  });
});
