#!/usr/bin/env node
// Checks the first minute of `npm start` as a new user sees it: runs scripts/start.mjs (server
// mode, no build: run `npm run build` first) on a temporary playground, opens the URL it prints in
// headless Chromium and waits until the workbench shows the broken example report in the first
// editor group, its press-release preview in the second, and its findings in the Problems panel,
// with no welcome page, no chat and no question about a git repository, and that Enter in the
// report's frontmatter keeps the YAML indentation of a list item (a real key press). Then it stops
// start.mjs with Ctrl-C (SIGINT) and checks that the tracked examples/ are unchanged.
//
//   node scripts/start-check.mjs [--screenshot out.png] [--timeout 90]
//
// Exit code 0 when everything was seen, 1 otherwise (with what was seen instead).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TAG = 'start-check';
const REPORT = 'broken/broken.incident.md';

const { values } = parseArgs({ options: { screenshot: { type: 'string' }, timeout: { type: 'string' } } });
const timeoutMs = Number(values.timeout ?? 90) * 1000;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-report-start-check-'));
const playground = path.join(temp, 'playground');
const screenshot = path.resolve(values.screenshot ?? path.join(temp, 'start.png'));
const trackedBefore = fs.readFileSync(path.join(ROOT, 'examples', REPORT));

/** A row of the Problems panel with one of our findings ("…incident-reportschema[Ln 8, Col 1]"). */
const isFinding = (row) => /incident-report[a-z-]+\[Ln \d+, Col \d+\]$/.test(row);

let start;
let browser;
let startExited;
const failures = [];

/** Ends start.mjs the way a user does (Ctrl-C), then its whole process group whatever happened. */
async function stopStart() {
  if (!start) return;
  try {
    process.kill(-start.pid, 'SIGINT');
  } catch {
    /* gone */
  }
  const ended = await Promise.race([startExited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
  if (!ended) failures.push('start.mjs did not exit within 10 s of Ctrl-C');
  try {
    process.kill(-start.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

async function main() {
  start = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--server', '--no-build', '--playground', playground], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  startExited = new Promise((resolve) => start.once('exit', resolve));
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start.mjs printed no URL within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = /^\s+(http:\/\/\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    start.stdout.on('data', onData);
    start.stderr.on('data', onData);
    startExited.then((code) => reject(new Error(`start.mjs exited (${code}) before printing a URL`)));
  }).catch((error) => {
    console.error(output.trim());
    throw error;
  });
  if (!output.includes(`\n  ${playground}\n`)) failures.push(`start.mjs did not say where the scratch copy is (${playground})`);
  if (!fs.readFileSync(path.join(playground, REPORT)).equals(trackedBefore)) failures.push('the playground holds no copy of the example');

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  /** What the workbench shows, read from its DOM. */
  const seen = () =>
    page.evaluate(() => {
      const visible = (element) => Boolean(element && element.getClientRects().length && getComputedStyle(element).visibility !== 'hidden');
      const groups = [...document.querySelectorAll('.editor-group-container')].map((group) =>
        [...group.querySelectorAll('.tabs-container .tab')].map((tab) => ({
          // "broken.incident.md, Editor Group 1": the name as shown, without the group.
          label: (tab.getAttribute('aria-label') ?? '').replace(/, Editor Group \d+.*$/, ''),
          active: tab.classList.contains('active'),
        })),
      );
      const problems = document.querySelector('.markers-panel');
      return {
        groups,
        problemsVisible: visible(problems),
        problemRows: problems ? [...problems.querySelectorAll('.monaco-list-row')].map((row) => row.textContent ?? '') : [],
        secondarySideBarVisible: visible(document.querySelector('.part.auxiliarybar')),
        notifications: [...document.querySelectorAll('.notifications-toasts .notification-toast')].filter(visible).map((t) => t.textContent ?? ''),
      };
    });
  const ready = (state) =>
    state.groups.length >= 2 &&
    state.groups[1].some((tab) => tab.label.includes('broken.incident.md')) &&
    state.problemRows.some(isFinding);

  const deadline = Date.now() + timeoutMs;
  let state = await seen();
  while (!ready(state) && Date.now() < deadline) {
    await page.waitForTimeout(500);
    state = await seen();
  }
  // The preview renders in a webview (an iframe of its own): wait for the release's headline there.
  const previewShown = async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes('Ausfall im Standesamt')) return true;
    }
    return false;
  };
  let preview = await previewShown();
  while (!preview && Date.now() < deadline) {
    await page.waitForTimeout(500);
    preview = await previewShown();
  }
  if (!preview) failures.push('the preview does not show the press release');
  // A moment for anything that would pop up late (a welcome tab, a git question).
  await page.waitForTimeout(2000);
  state = await seen();
  await page.screenshot({ path: screenshot });

  const [first = [], second = []] = state.groups;
  const labels = state.groups.map((group) => group.map((tab) => tab.label));
  if (state.groups.length !== 2) failures.push(`expected two editor groups, saw ${JSON.stringify(labels)}`);
  if (first.length !== 1 || first[0].label !== 'broken.incident.md' || !first[0].active) {
    failures.push(`first group: expected only the active tab broken.incident.md, saw ${JSON.stringify(first)}`);
  }
  if (second.length !== 1 || !second[0].label.endsWith(': broken.incident.md')) {
    failures.push(`second group: expected only the press-release preview of broken.incident.md, saw ${JSON.stringify(second)}`);
  }
  if (!state.problemsVisible) failures.push('the Problems panel is not visible');
  const findings = state.problemRows.filter(isFinding);
  if (findings.length < 5) failures.push(`expected the broken report's findings in the Problems panel, saw ${JSON.stringify(state.problemRows)}`);
  if (state.secondarySideBarVisible) failures.push('the secondary side bar (chat) is visible');
  // A question about a parent git repository fails; other toasts (e.g. "extension host is
  // unresponsive" on a loaded machine) are only reported.
  const gitPrompts = state.notifications.filter((text) => /\bgit\b|repositor/i.test(text));
  if (gitPrompts.length) failures.push(`a git question is shown: ${JSON.stringify(gitPrompts)}`);
  else if (state.notifications.length) console.log(`${TAG}: notifications shown: ${JSON.stringify(state.notifications)}`);
  // A user's first keystrokes: Enter after `  - name: Standesamt` (line 13) in the frontmatter
  // continues the list item under `name` (src/extension/indentation.ts): the cursor lands in column 5.
  const cursor = () => page.locator('[id="status.editor.selection"]').first().textContent({ timeout: 5000 });
  await page.keyboard.press('Control+G');
  await page.keyboard.type('13');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  // The status bar follows the cursor a moment later on a loaded machine: wait for it to say line 13.
  let position = await cursor();
  for (const until = Date.now() + 5000; !/Ln 13, Col 21/.test(position ?? '') && Date.now() < until; ) {
    await page.waitForTimeout(100);
    position = await cursor();
  }
  if (!/Ln 13, Col 21/.test(position ?? '')) failures.push(`could not go to the end of line 13: the status bar says "${position}"`);
  // Right after opening, before the frontmatter is tokenized as embedded YAML, an Enter has been
  // seen to get no onEnter rule (2 columns); it is undone and pressed again, and said so.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.keyboard.press('Enter');
    const until = Date.now() + 5000;
    while (!/Ln 14,/.test(position ?? '') && Date.now() < until) position = await cursor();
    if (/Ln 14, Col 5\b/.test(position ?? '') || attempt === 3) break;
    console.log(`${TAG}: Enter ${attempt} after "  - name: Standesamt" gave "${position}": undone, pressed again`);
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(1000);
    await page.keyboard.press('End');
    position = await cursor();
  }
  if (!/Ln 14, Col 5\b/.test(position ?? '')) failures.push(`Enter after "  - name: Standesamt" should indent 4 columns (Ln 14, Col 5), the status bar says "${position}"`);
  console.log(`${TAG}: editor groups ${JSON.stringify(labels)}; ${findings.length} findings in the Problems panel; screenshot ${screenshot}`);
}

let code = 0;
try {
  await main();
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  await browser?.close().catch(() => {});
  await stopStart();
  if (!fs.readFileSync(path.join(ROOT, 'examples', REPORT)).equals(trackedBefore)) failures.push(`examples/${REPORT} changed`);
  // The screenshot stays when it was asked for; everything else goes.
  if (values.screenshot) fs.rmSync(playground, { recursive: true, force: true });
  else fs.rmSync(temp, { recursive: true, force: true });
}
for (const failure of failures) console.error(`${TAG}: FAILED: ${failure}`);
if (failures.length) code = 1;
else console.log(`${TAG}: PASSED: npm start opens on the broken report, its problems and its preview`);
process.exit(code);
