// The language server's latency, measured by a protocol client (vscode-languageserver's own
// client-side JSON-RPC over the server's stdio), as an editor sees it: `incident-report lsp --stdio`
// started → `initialize` answered (ready); a report opened → its first diagnostics; an edit → the
// diagnostics of the edited version (the server waits the core's debounce, VALIDATE_DEBOUNCE_MS,
// before it lints, like the extension).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node';
import { ROOT } from './generate.mjs';

const BIN = path.join(ROOT, 'bin', 'incident-report.js');
const REPORT = path.join(ROOT, 'examples', 'incidents', '2023-10-30-suedwestfalen-it.md');

/** One session: a fresh server, `edits` edits of the report. Times in ms (performance.now). */
export async function lspSession(edits = 20) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const waiting = [];
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    for (const waiter of waiting.splice(0)) if (!waiter(params, at)) waiting.push(waiter);
  });
  connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
  connection.listen();
  const uri = pathToFileURL(REPORT).href;
  const diagnosticsOf = (version) => new Promise((resolve) => waiting.push((params, at) => params.uri === uri && params.version === version && (resolve(at), true)));
  try {
    await connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ROOT).href, workspaceFolders: null, capabilities: {} });
    const ready = performance.now() - startedAt;
    await connection.sendNotification(lsp.InitializedNotification.type, {});
    const text = readFileSync(REPORT, 'utf8');
    const opened = diagnosticsOf(1);
    const openAt = performance.now();
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const firstDiagnostic = (await opened) - openAt;
    // Typing into the title: one character inserted per edit, each waited for.
    const line = text.split('\n').findIndex((l) => l.startsWith('title:'));
    const edit = [];
    for (let version = 2; version < edits + 2; version++) {
      const published = diagnosticsOf(version);
      const at = performance.now();
      await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: 'x' }],
      });
      edit.push((await published) - at);
    }
    await connection.sendRequest(lsp.ShutdownRequest.type);
    await connection.sendNotification(lsp.ExitNotification.type);
    return { ready, firstDiagnostic, edit };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}
