import * as vscode from 'vscode';
import {
  completionOffers,
  COMPLETION_TRIGGER_CHARACTERS,
  decodeUtf8,
  parseReport,
  t,
  serviceNamesFromCatalog,
  serviceNamesOfReport,
  withoutBom,
  type CompletionOffer,
  type CompletionOfferKind,
} from '../core';
import { LANGUAGE_ID } from './constants';
import { disposeAll } from './disposables';
import { fileReason } from './files';
import type { EngineService } from './engine';

/** Characters after which completion opens by itself: `key:`, `key: `, `- `. */
export const TRIGGER_CHARACTERS = COMPLETION_TRIGGER_CHARACTERS;

/**
 * Completion in the frontmatter of incident reports: the keys valid at the cursor (minus those
 * present), enum values with their plain words, "now" for date-time fields, and service names
 * from a catalog file and from the other reports in the workspace.
 */
export function registerCompletion(context: vscode.ExtensionContext, engine: EngineService): void {
  const services = new ServiceNames(engine);
  context.subscriptions.push(
    services,
    vscode.languages.registerCompletionItemProvider(
      { language: LANGUAGE_ID },
      new FrontmatterCompletion(engine, services),
      ...TRIGGER_CHARACTERS,
    ),
  );
}

const KINDS: Record<CompletionOfferKind, vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  constant: vscode.CompletionItemKind.Constant,
  value: vscode.CompletionItemKind.Value,
};

/** Maps the core's offers (core/editor/completionOffers.ts) to VS Code's completion items. */
class FrontmatterCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly engine: EngineService,
    private readonly services: ServiceNames,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    trigger: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.engine.isReport(document)) return undefined;
    const { linter } = await this.engine.linterFor(document.uri);
    // The document of this version, parsed once for the lint, hover and Enter too (read after the
    // wait: the text may have changed meanwhile).
    const report = this.engine.parsed(document);
    if (!report) return undefined;
    const settings = this.engine.settings(document.uri);
    const offers = await completionOffers(report, document.offsetAt(position), {
      info: linter.schema.info,
      locale: settings.locale,
      timeZone: settings.timeZone,
      now: Date.now(),
      serviceNames: () => this.services.names(document),
      ...(trigger.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter && trigger.triggerCharacter ? { triggerCharacter: trigger.triggerCharacter } : {}),
    });
    if (!offers || token.isCancellationRequested) return undefined;
    return offers.map((offer) => toItem(document, position, offer));
  }
}

function toItem(document: vscode.TextDocument, position: vscode.Position, offer: CompletionOffer): vscode.CompletionItem {
  const item = new vscode.CompletionItem(offer.kind === 'property' ? { label: offer.label, description: offer.description } : offer.label, KINDS[offer.kind]);
  const start = document.positionAt(offer.range.offset);
  const replacing = new vscode.Range(start, document.positionAt(offer.range.endOffset));
  // Values: Tab/Enter may insert (up to the cursor) or replace the whole value; keys replace the partial key.
  item.range = offer.kind === 'property' ? replacing : { inserting: new vscode.Range(start, position), replacing };
  if (offer.detail !== undefined) item.detail = offer.detail;
  if (offer.documentation !== undefined) item.documentation = new vscode.MarkdownString(offer.documentation);
  item.insertText = offer.snippet ? new vscode.SnippetString(offer.insertText) : offer.insertText;
  item.filterText = offer.filterText;
  item.sortText = offer.sortText;
  if (offer.preselect) item.preselect = true;
  if (offer.retrigger) item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

/**
 * Service names for completion: from the catalog file of `incidentReport.servicesCatalog` (YAML or
 * JSON, a list of names or of `{name}`) and from the `affected_services` of every other report in
 * the workspace. Files are read once and re-read when they change on disk; open reports count
 * with their unsaved text.
 */
class ServiceNames implements vscode.Disposable {
  private catalogs = new Map<string, Promise<string[]>>();
  private readonly catalogWatchers: vscode.Disposable[] = [];
  private readonly reports = new Map<string, string[]>();
  private scan: Promise<void> | undefined;
  private watching = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly engine: EngineService) {
    // Settings (the catalog path, `files`) changed: start over.
    this.disposables.push(engine.onDidChange(() => this.reset()));
  }

  /** Watches the workspace's Markdown files from the first service-name completion on (not at activation). */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readReport(uri)),
      watcher.onDidChange((uri) => void this.readReport(uri)),
      watcher.onDidDelete((uri) => this.reports.delete(uri.toString())),
    );
  }

  /** Names from the catalog, and from other reports (open ones with their current text). */
  async names(document: vscode.TextDocument): Promise<{ catalog: string[]; reports: string[] }> {
    const catalog = await this.catalog(document.uri);
    this.watch();
    this.scan ??= this.scanWorkspace();
    await this.scan;
    const own = document.uri.toString();
    const open = new Map<string, string[]>();
    for (const other of vscode.workspace.textDocuments) {
      const key = other.uri.toString();
      if (key === own || other.languageId !== LANGUAGE_ID || !this.engine.isReport(other)) continue;
      const parsed = this.engine.parsed(other);
      open.set(key, parsed ? serviceNamesOfReport(parsed) : []);
    }
    const reports = new Set<string>();
    for (const [key, names] of this.reports) if (key !== own && !open.has(key)) names.forEach((name) => reports.add(name));
    for (const names of open.values()) names.forEach((name) => reports.add(name));
    return { catalog, reports: [...reports].sort((a, b) => a.localeCompare(b)) };
  }

  private catalog(uri: vscode.Uri): Promise<string[]> {
    const { servicesCatalog: path, locale } = this.engine.settings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    if (!path || !folder) return Promise.resolve([]);
    const catalogUri = vscode.Uri.joinPath(folder.uri, path);
    const key = catalogUri.toString();
    let names = this.catalogs.get(key);
    if (!names) {
      names = readText(catalogUri).then((text) => {
        if (typeof text === 'string') return serviceNamesFromCatalog(text);
        // Said once per reading, as the language server says it: a catalog that is not UTF-8 offered
        // its names with U+FFFD for every umlaut, a mistyped path none at all, without a word.
        // The reason in the report's language (`incidentReport.locale`, else VS Code's), as the findings.
        const why = t(locale, fileReason(text));
        void vscode.window.showWarningMessage(vscode.l10n.t('Incident Report: the services catalog {0} cannot be used ({1}); completion offers no names from it.', path, why));
        return [];
      });
      this.catalogs.set(key, names);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path));
      const forget = () => this.catalogs.delete(key);
      this.catalogWatchers.push(watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget));
    }
    return names;
  }

  private async scanWorkspace(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return;
    try {
      const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', 2000);
      await Promise.all(files.map((uri) => this.readReport(uri)));
    } catch (error) {
      // Some virtual file systems cannot search: completion then offers the catalog only.
      console.warn('incident-report: cannot search the workspace for reports', error);
    }
  }

  private async readReport(uri: vscode.Uri): Promise<void> {
    const text = await readText(uri);
    const key = uri.toString();
    // A report that is not UTF-8 offers no names (it is refused when it is linted or opened).
    const report = typeof text === 'string' ? parseReport(text) : null;
    if (report === null || !this.engine.isReportText(uri, report)) {
      this.reports.delete(key);
      return;
    }
    this.reports.set(key, serviceNamesOfReport(report));
  }

  private reset(): void {
    this.catalogs = new Map();
    disposeAll(this.catalogWatchers);
    this.reports.clear();
    this.scan = undefined;
  }

  dispose(): void {
    this.reset();
    disposeAll(this.disposables);
  }
}

/** A file's text (strictly UTF-8, BOM dropped), or why it cannot be had (a `NotUtf8Error`, a `vscode.FileSystemError`). */
async function readText(uri: vscode.Uri): Promise<string | Error> {
  try {
    return withoutBom(decodeUtf8(await vscode.workspace.fs.readFile(uri))).text;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
