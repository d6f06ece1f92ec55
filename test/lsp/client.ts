/**
 * A Language Server Protocol client for tests and the bench: `vscode-languageserver`'s own
 * client-side JSON-RPC (`createProtocolConnection` over the server's stdio), talking to the built
 * `incident-report lsp --stdio` (npm run build first; `npm test` does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

const BIN = join(__dirname, '..', '..', 'bin', 'incident-report.js');

export interface ClientOptions {
  /** The workspace folder (also the server's working directory). */
  folder: string;
  /** Answers `workspace/configuration` (section `incidentReport`); unset: the client cannot answer it. */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  args?: string[];
  /** `processId` sent in `initialize` (default: this process). */
  processId?: number | null;
  /** The `locale` of `initialize` (default: en); `null`: none sent. */
  locale?: string | null;
  /** False: the client watches no files for the server (no dynamic registration, as Neovim 0.7). */
  watchesFiles?: boolean;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications as sent (type 1 error, 2 warning, 3 info, 4 log); their text is in `logs` too. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  /** `window/showMessageRequest` requests (a choice asked of the user; Neovim prompts for it). */
  readonly messageRequests: string[] = [];
  private waiters: Array<() => void> = [];
  initializeResult!: InitializeResult;
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => void this.logs.push(params.message));
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      this.shownMessages.push({ type: params.type, message: params.message });
    });
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.logs.push(params.message);
      this.messageRequests.push(params.message);
      return null;
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Starts the server and runs `initialize` / `initialized`. */
  static async start(options: ClientOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...(options.args ?? [])], {
      cwd: options.folder,
      env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    if (options.settings) {
      const answer = options.settings;
      connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => answer(item.scopeUri)));
    }
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: uri(options.folder),
      workspaceFolders: [{ uri: uri(options.folder), name: 'workspace' }],
      ...(options.locale === null ? {} : { locale: options.locale ?? 'en' }),
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.settings !== undefined, didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? true } },
        textDocument: { publishDiagnostics: { relatedInformation: true }, completion: { completionItem: { snippetSupport: true } } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Opens a document (languageId markdown, version 1). */
  async open(path: string, text: string): Promise<string> {
    const documentUri = uri(path);
    this.diagnostics.delete(documentUri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: documentUri, languageId: 'markdown', version: 1, text } });
    return documentUri;
  }

  /** Waits until diagnostics for `documentUri` arrive that satisfy `accept` (default: any). */
  async waitForDiagnostics(documentUri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(documentUri);
      if (current && accept(current)) return current;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${documentUri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** `shutdown`, then `exit`: resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server however it is (after a test failed). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** The `file:` URI of a path. */
export function uri(path: string): string {
  return pathToFileURL(path).href;
}
