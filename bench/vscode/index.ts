/**
 * Latency benchmark inside a real VS Code, loaded as `extensionTestsPath` by
 * scripts/vscode-server-test.mjs (bench/vscode.mjs prepares the workspace and runs it; bundled to
 * bench/.build/vscode-bench.js by bench/build.mjs). Not a test: it measures and logs one line
 * `BENCH_RESULT {json}`, and fails only when a diagnostic never arrives.
 *
 * Every time is `performance.now()` from just before the action (opening the document, applying
 * the edit) to the `vscode.languages.onDidChangeDiagnostics` event after which the extension's
 * diagnostics for that document are the expected ones.
 *
 * The workspace holds incidents/typical-<n>.md (the ~7 KB example with one placeholder in the
 * public text: exactly one warning) and incidents/large.md (~1 MB, likewise one warning), and for
 * the member opens incidents/families/<n>/{provider,member}.md and incidents/flat/<n>/member.md
 * (the member without `parent:`; see bench/vscode.mjs).
 */
import * as vscode from 'vscode';

const SOURCE = 'incident-report';
const EDIT_LINE = 'TODO: Zitat der Landrätin ergänzen.\n';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.[name];
}

/** Milliseconds from the action to the diagnostics, and from the document event VS Code sent for it. */
interface Timing {
  /** From just before the action to the matching diagnostics event. */
  total: number;
  /**
   * From just before the action until `getDiagnostics` (polled every millisecond) returns the
   * expected diagnostics: the moment the extension set them, which is also when VS Code sends them
   * to the window. The event above comes later: the extension host fires `onDidChangeDiagnostics`
   * through a DebounceEmitter with a 50 ms delay (extHostDiagnostics.ts).
   */
  polled: number | null;
  /** From `onDidOpenTextDocument` / `onDidChangeTextDocument` of the document in this extension host to `polled`. */
  fromEvent: number | null;
  /** Absolute `performance.now()` of the document event and of the expected diagnostics being set. */
  eventAt: number | null;
  setAt: number | null;
}

/**
 * Times an action until the first diagnostics event after which `accept` holds for `uri`.
 * Subscribes before `action` runs, so no event is missed; the clock starts right before `action`.
 */
async function timeUntil(
  uri: vscode.Uri,
  accept: (d: vscode.Diagnostic[]) => boolean,
  action: () => Thenable<unknown>,
  timeoutMs = 30_000,
): Promise<Timing> {
  const key = uri.toString();
  let eventAt: number | null = null;
  const documentEvents = [
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (eventAt === null && document.uri.toString() === key) eventAt = performance.now();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (eventAt === null && event.document.uri.toString() === key && event.contentChanges.length > 0) eventAt = performance.now();
    }),
  ];
  let done = false;
  const arrived = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching diagnostics for ${uri.fsPath} within ${timeoutMs} ms (now: ${ours(uri).length})`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (done || !event.uris.some((u) => u.toString() === key)) return;
      if (!accept(ours(uri))) return;
      const at = performance.now();
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      resolve(at);
    });
  });
  let polledAt: number | null = null;
  const poll = setInterval(() => {
    if (polledAt === null && accept(ours(uri))) polledAt = performance.now();
  }, 1);
  const start = performance.now();
  try {
    await action();
    const at = await arrived;
    return {
      total: at - start,
      polled: polledAt === null ? null : polledAt - start,
      fromEvent: eventAt === null ? null : (polledAt ?? at) - eventAt,
      eventAt,
      setAt: polledAt ?? at,
    };
  } finally {
    clearInterval(poll);
    documentEvents.forEach((d) => d.dispose());
  }
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Inserts or removes the placeholder line in the public section: one more or one less warning. */
function toggleEdit(editor: vscode.TextEditor, insert: boolean): Thenable<boolean> {
  const document = editor.document;
  const heading = document.getText().search(/^## (Pressemitteilung|Press release)\s*$/m);
  if (heading < 0) throw new Error(`${document.uri.fsPath} has no public section`);
  const line = document.positionAt(heading).line + 2;
  return editor.edit((edit) => {
    if (insert) edit.insert(new vscode.Position(line, 0), EDIT_LINE);
    else edit.delete(new vscode.Range(line, 0, line + 1, 0));
  });
}

async function measureEdits(editor: vscode.TextEditor, count: number, warmup: number): Promise<Timing[]> {
  const uri = editor.document.uri;
  const base = ours(uri).length;
  const times: Timing[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const insert = i % 2 === 0;
    const expected = insert ? base + 1 : base;
    const ms = await timeUntil(uri, (d) => d.length === expected, () => toggleEdit(editor, insert));
    if (i >= warmup) times.push(ms);
    // A pause like a typist's, longer than the debounce, so every edit is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return times;
}

/** A member's first diagnostics with its parent checked: they include the family finding (see bench/vscode.mjs). */
const withFamilyFinding = (d: vscode.Diagnostic[]) => d.some((x) => (x.code as { value?: string } | undefined)?.value === 'family-shared-facts');

/**
 * Opens pair 1 as a warm-up, then pairs 2 … count + 1: the member (a fresh parent each time) and the
 * same file without `parent:`, the order alternating from pair to pair so that drift hits both alike.
 */
async function measureMemberOpens(root: vscode.Uri, count: number): Promise<Array<{ member: Timing; flat: Timing }>> {
  const member = (i: number) => vscode.Uri.joinPath(root, 'incidents', 'families', String(i), 'member.md');
  const flat = (i: number) => vscode.Uri.joinPath(root, 'incidents', 'flat', String(i), 'member.md');
  const hasOne = (d: vscode.Diagnostic[]) => d.length > 0;
  const pairs: Array<{ member: Timing; flat: Timing }> = [];
  for (let i = 1; i <= count + 1; i++) {
    const timeMember = () => timeUntil(member(i), withFamilyFinding, () => open(member(i)));
    const timeFlat = () => timeUntil(flat(i), hasOne, () => open(flat(i)));
    let pair: { member: Timing; flat: Timing };
    if (i % 2 === 0) {
      const m = await timeMember();
      pair = { member: m, flat: await timeFlat() };
    } else {
      const f = await timeFlat();
      pair = { member: await timeMember(), flat: f };
    }
    if (i > 1) pairs.push(pair);
    const parent = vscode.Uri.joinPath(root, 'incidents', 'families', String(i), 'provider.md');
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === parent.toString())) {
      throw new Error(`${parent.fsPath} was opened as a document: the member must find its parent without it`);
    }
  }
  return pairs;
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the benchmark needs its workspace folder');
  const file = (name: string) => vscode.Uri.joinPath(folder.uri, 'incidents', name);
  const extensionId = env('EXT_TEST_EXTENSION_ID') ?? 'incident-report.incident-report';
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not installed`);
  const opens = Number(env('BENCH_OPENS') ?? 10);
  const edits = Number(env('BENCH_EDITS') ?? 20);
  const largeEdits = Number(env('BENCH_LARGE_EDITS') ?? 6);

  const result: Record<string, unknown> = { activeBeforeOpen: extension.isActive };
  const hasOne = (d: vscode.Diagnostic[]) => d.length > 0;

  // 1. The very first report opened in this window: activation included.
  let editor: vscode.TextEditor | undefined;
  result.firstOpen = await timeUntil(file('typical-1.md'), hasOne, async () => {
    editor = await open(file('typical-1.md'));
  });
  result.activeAfterOpen = extension.isActive;
  // Where the first open's time went: VS Code until the bundle was loaded, then activation, then
  // the first lint and publishing (all on the extension host's clock).
  const timing = (extension.exports as { timing?: { moduleLoadedAt: number; activateStart: number; activateEnd: number; steps?: Record<string, number> } } | undefined)?.timing;
  const first = result.firstOpen as Timing;
  if (timing && first.eventAt !== null && first.setAt !== null && !result.activeBeforeOpen) {
    result.firstOpenSplit = {
      untilLoaded: timing.moduleLoadedAt - first.eventAt,
      untilActivate: timing.activateStart - timing.moduleLoadedAt,
      activate: timing.activateEnd - timing.activateStart,
      untilSet: first.setAt - timing.activateEnd,
      activateSteps: timing.steps ?? {},
    };
  }

  // 2. Opening further reports with the extension running.
  const warmOpens: Timing[] = [];
  for (let i = 2; i <= opens + 1; i++) warmOpens.push(await timeUntil(file(`typical-${i}.md`), hasOne, () => open(file(`typical-${i}.md`))));
  result.warmOpen = warmOpens;

  // 3. Edits to the typical report.
  editor = await open(file('typical-1.md'));
  result.edit = await measureEdits(editor, edits, 2);

  // 4. The ~1 MB report: open, then edit.
  result.largeOpen = await timeUntil(file('large.md'), hasOne, () => open(file('large.md')), 60_000);
  const large = await open(file('large.md'));
  result.largeEdit = await measureEdits(large, largeEdits, 1);

  // 5. A member report opened (its parent read through workspace.fs, never opened in an editor)
  //    against the same file without `parent:`, interleaved in alternating order.
  const memberOpens = Number(env('BENCH_MEMBER_OPENS') ?? 0);
  if (memberOpens > 0) {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    result.memberOpen = await measureMemberOpens(folder.uri, memberOpens);
  }

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}
