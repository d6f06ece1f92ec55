import { basename } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAME,
  COMPLETION_TRIGGER_CHARACTERS,
  completionOffers,
  diffEdit,
  hoverContent,
  hoverMarkdown,
  quickFixes,
  reportLinks,
  SETTINGS_SECTION,
  t,
  toLocale,
  type ConfigError,
  type ConfigProblem,
  type Locale,
  type ParsedReport,
  withoutBom,
} from '../core';
import { ClientSettings } from './clientSettings';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, offsetAt, positionAt, toCompletionItem, toQuickFix, toTextEdit } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { LspEngine, type ServerOptions } from './engine';
import { RENDER_COMMAND, renderCommand } from './render';
import { ServiceNames } from './serviceNames';
import { showWarning } from './showWarning';
import { canonicalUri, fileUri, filePath } from './uris';

declare const __VERSION__: string;

/**
 * `incident-report lsp --stdio`: the Language Server Protocol server, built on
 * `vscode-languageserver` (the protocol, its JSON-RPC and the process lifecycle are the library's:
 * `exit` ends the process with 0 after `shutdown`, else 1; so does a closed stdin and, with the
 * `processId` of `initialize`, a parent that died). Every decision is the core's, as in the VS Code
 * extension: what is a report and how it is configured, findings, fixes, completion, hover.
 */
export function startLanguageServer(options: ServerOptions): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let engine!: LspEngine;
  let publisher!: DiagnosticsPublisher;
  let services!: ServiceNames;
  let watchesFiles = false;
  let registersConfiguration = false;
  let followsFolders = false;
  let displayLocale: Locale = 'en';
  let clientSettings!: ClientSettings;
  /** `.incident-report.json` files (URIs) with problems shown: what was last said about them. */
  const configProblems = new Map<string, string>();
  const openByKey = () => new Map(documents.all().map((document) => [canonicalUri(document.uri), document] as const));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = folderPaths(params);
    displayLocale = toLocale(params.locale);
    const canAsk = params.capabilities.workspace?.configuration === true;
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    clientSettings = new ClientSettings(connection, canAsk, params.initializationOptions, options.customSchema, displayLocale);
    engine = new LspEngine({
      options,
      settings: clientSettings,
      displayLocale,
      clientLocale: params.locale ? displayLocale : undefined,
      folders: () => folders,
      openDocument: (key) => openByKey().get(key),
      familyChanged: (keys) => publisher.familyChanged(keys),
      configProblems: (file, error) => showConfigProblems(file, error),
      warn: (message) => showWarning(connection, message),
    });
    publisher = new DiagnosticsPublisher(connection, documents, engine);
    services = new ServiceNames(() => folders, (uri, text) => engine.isReport(uri, text), (message) => showWarning(connection, message), displayLocale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS] },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [RENDER_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'incident-report', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
    };
  });

  connection.onInitialized(() => {
    // Parents, the project file, schemas and catalogs change outside the editor too.
    if (watchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{json,yaml,yml}' }],
      });
    }
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (!followsFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders = folders.filter((folder) => !event.removed.some((removed) => filePath(removed.uri) === folder));
      for (const added of event.added) {
        const path = filePath(added.uri);
        if (path !== null) folders.push(path);
      }
      startOver();
    });
  });

  /** Settings, the project file or a schema changed: read everything again and lint every open document. */
  const startOver = () => {
    engine.invalidate();
    services.reset();
    publisher.revalidateAll();
  };

  const showConfigProblems = (file: string, error: ConfigError | null) => {
    const uri = fileUri(file);
    if (!error) {
      if (configProblems.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    // Also as a message, once per set of problems: Neovim, Helix and others show the diagnostics of
    // a file only while it is open, and the reports are then checked without the file.
    const described = error.describe('en');
    if (configProblems.get(uri) !== described) {
      configProblems.set(uri, described);
      showWarning(connection, configUnusable(displayLocale, engine.label(file), error.problems));
    }
    const diagnostics: Diagnostic[] = error.problems.map((problem) => ({
      range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.endColumn - 1 } },
      severity: 1,
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: `${t(displayLocale, problem.message)} (${t(displayLocale, IGNORED_FILE)})`,
    }));
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  connection.onDidChangeConfiguration((change) => {
    clientSettings.changed(change.settings);
    startOver();
  });

  /** Files changed on disk (as the client reports them, or as the server found them): re-read what depends on them. */
  const filesChanged = (changes: ReadonlyArray<{ uri: string; type: FileChangeType }>) => {
    let configChanged = false;
    for (const change of changes) {
      const path = filePath(change.uri);
      if (path === null) continue;
      services.fileChanged(path);
      if (basename(path) === CONFIG_FILE_NAME || engine.watchedFiles.has(path)) configChanged = true;
      // A deleted project file is read by no one again: nothing would clear the problems shown on it.
      if (change.type === FileChangeType.Deleted && basename(path) === CONFIG_FILE_NAME) showConfigProblems(path, null);
      const key = canonicalUri(change.uri);
      if (change.type === FileChangeType.Deleted) engine.family.removed(key);
      else engine.family.changed(key);
    }
    if (configChanged) startOver();
    return configChanged;
  };

  connection.onDidChangeWatchedFiles(({ changes }) => void filesChanged(changes));

  /**
   * A client that watches no files for the server (no dynamic registration: Neovim 0.7, Sublime)
   * never says that the project file, a schema, the catalog or an unopened parent changed: the
   * server looks itself (modification times, see LspEngine.changedOnDisk) when a report is opened,
   * edited (at most once a second) or saved. `true` when everything is linted again because of it.
   */
  let lastLook = 0;
  const lookAtDisk = async (uri: string): Promise<boolean> => {
    if (watchesFiles) return false;
    lastLook = Date.now();
    try {
      const changed = await engine.changedOnDisk(uri);
      return filesChanged(changed.map(({ path, deleted }) => ({ uri: fileUri(path), type: deleted ? FileChangeType.Deleted : FileChangeType.Changed })));
    } catch (error) {
      connection.console.error(`incident-report: looking for changed files failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return false;
    }
  };

  documents.onDidOpen(({ document }) => void lookAtDisk(document.uri).then((relinted) => (relinted ? undefined : publisher.validate(document))));
  documents.onDidChangeContent(({ document }) => {
    // TextDocuments announces an opened document as changed too: it was linted on open.
    if (document.version === openedVersion.get(document.uri)) return;
    engine.family.changed(canonicalUri(document.uri));
    // A change on disk re-lints everything (this document too); the edit's own lint is debounced anyway.
    if (Date.now() - lastLook >= 1000) void lookAtDisk(document.uri);
    void publisher.edited(document);
  });
  const openedVersion = new Map<string, number>();
  documents.onDidOpen(({ document }) => {
    openedVersion.set(document.uri, document.version);
    // Its members read it from disk so far; the editor's text (a restored unsaved buffer) may differ.
    engine.family.changed(canonicalUri(document.uri));
  });
  documents.onDidSave(({ document }) => {
    engine.family.changed(canonicalUri(document.uri));
    void lookAtDisk(document.uri).then((relinted) => (relinted ? undefined : publisher.validate(document)));
  });
  documents.onDidClose(({ document }) => {
    openedVersion.delete(document.uri);
    publisher.closed(document.uri);
    engine.forget(document.uri);
    // The file on disk is the parent again (the editor may have closed with unsaved changes).
    engine.family.changed(canonicalUri(document.uri));
  });

  connection.onCodeAction(async (params) => guard('codeAction', () => codeActions(params), []));

  const codeActions = async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !(await engine.isReport(document.uri, document.getText()))) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    // As VS Code's `only.contains`: `source`, `source.fixAll` and the kind itself ask for fix all.
    if (only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`))) {
      // fixAll keeps a BOM; the edit is computed without it, in the core's offsets, like every other.
      const change = diffEdit(withoutBom(document.getText()).text, withoutBom(await engine.fixAll(document)).text);
      if (change) actions.push({ title: t(displayLocale, FIX_ALL_TITLE), kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [toTextEdit(document, change)] } } });
    }
    if (!only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '')) {
      const ours = params.context.diagnostics.filter((diagnostic): diagnostic is Diagnostic & { message: string } => diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.message === 'string');
      if (ours.length === 0) return actions;
      const result = await engine.lint(document);
      if (!result) return actions;
      const keyed = ours.map((diagnostic) => ({
        diagnostic,
        ruleId: String(diagnostic.code),
        message: diagnostic.message,
        offset: offsetAt(document, diagnostic.range.start),
        endOffset: offsetAt(document, diagnostic.range.end),
      }));
      for (const { fix, diagnostics } of quickFixes(result.report, result.findings, keyed, await engine.fixOptions(document.uri))) {
        actions.push(toQuickFix(document, fix, diagnostics.map((entry) => entry.diagnostic)));
      }
    }
    return actions;
  };

  connection.onCompletion(async (params) =>
    guard('completion', async () => {
      const document = documents.get(params.textDocument.uri);
      const open = document && (await engine.openReport(document));
      if (!document || !open) return null;
      const { report, linter, settings: configured } = open;
      const own = canonicalUri(document.uri);
      const offers = await completionOffers(report, offsetAt(document, params.position), {
        info: linter.schema.info,
        locale: configured.settings.locale,
        timeZone: configured.settings.timeZone,
        now: Date.now(),
        serviceNames: async () => {
          const others = new Map<string, ParsedReport | string>();
          for (const [key, other] of openByKey()) others.set(key, (await engine.parsed(other)) ?? other.getText());
          return services.names(own, configured.catalogFile, others);
        },
        ...(params.context?.triggerCharacter ? { triggerCharacter: params.context.triggerCharacter } : {}),
      });
      return offers && offers.map((offer) => toCompletionItem(document, offer));
    }, null),
  );

  connection.onHover(async (params) =>
    guard('hover', async () => {
      const document = documents.get(params.textDocument.uri);
      const open = document && (await engine.openReport(document));
      if (!document || !open) return null;
      const { report, linter, settings: configured } = open;
      const content = hoverContent(report, offsetAt(document, params.position), {
        info: linter.schema.info,
        locale: configured.settings.locale,
        timeZone: configured.settings.timeZone,
        now: Date.now(),
        findings: () => (engine.lastResult(document) ?? linter.lint(document.getText())).findings,
      });
      if (!content) return null;
      return {
        contents: { kind: 'markdown' as const, value: hoverMarkdown(content) },
        range: { start: positionAt(document, content.range.offset), end: positionAt(document, content.range.endOffset) },
      };
    }, null),
  );

  connection.onDocumentLinks(async (params) =>
    guard('documentLink', async () => {
      const document = documents.get(params.textDocument.uri);
      // A document that is no file (`untitled:`) has no folder a relative `parent` path could start from.
      const path = document && filePath(document.uri);
      const open = document && path !== null && path !== undefined && (await engine.openReport(document));
      if (!document || !open) return [];
      return reportLinks(open.report, path!, open.settings.settings.locale).map((link) => ({
        range: { start: positionAt(document, link.range.offset), end: positionAt(document, link.range.endOffset) },
        target: fileUri(link.path),
        tooltip: link.tooltip,
      }));
    }, []),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== RENDER_COMMAND) throw new Error(`unknown command ${params.command}; this server runs ${RENDER_COMMAND}`);
    return renderCommand(params.arguments, !options.customSchema);
  });

  connection.onShutdown(() => publisher?.dispose());

  /** A handler that fails logs why and answers `fallback`: bad input never ends the server. */
  async function guard<T>(name: string, run: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      connection.console.error(`incident-report: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  documents.listen(connection);
  connection.listen();
  return connection;
}

const FIX_ALL_TITLE = { en: 'Fix all safe problems (Incident Report)', de: 'Alle sicheren Probleme beheben (Vorfallsbericht)' };
const IGNORED_FILE = { en: 'the file is ignored until this is fixed', de: 'die Datei wird ignoriert, bis das behoben ist' };

/** How many problems of a broken `.incident-report.json` its warning names; the rest are counted. */
const CONFIG_PROBLEMS_SHOWN = 3;

/**
 * The message about a `.incident-report.json` that cannot be used, naming its problems as the CLI
 * prints them (`line:col: message`), the first few and "… and N more": it named only the first, so
 * a user who fixed that one was told again, about the next.
 */
function configUnusable(locale: Locale, label: string, problems: readonly ConfigProblem[]): string {
  const named = problems.slice(0, CONFIG_PROBLEMS_SHOWN).map((problem) => `${problem.line}:${problem.column}: ${t(locale, problem.message)}`);
  const rest = problems.length - named.length;
  if (rest > 0) named.push(t(locale, { en: '… and {n} more', de: '… und {n} weitere' }, { n: rest }));
  const list = named.join('; ');
  return t(locale, {
    en: `Incident Report: ${label} cannot be used (${list}); reports are checked without it until it is fixed.`,
    de: `Vorfallsbericht: ${label} kann nicht verwendet werden (${list}); Berichte werden ohne sie geprüft, bis sie korrigiert ist.`,
  });
}

/** The workspace folders of `initialize` as paths (`rootUri` for older clients). */
function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePath).filter((path): path is string => path !== null);
}
