import * as vscode from 'vscode';
import {
  createLinter,
  DEFAULT_MAX_SIZE,
  fixAllText,
  systemTimeZone,
  type FixOptions,
  hasReportMarker,
  isIgnoredPath,
  isIncidentReport,
  isReportPath,
  parseReport,
  type ParsedReport,
  lintOptionsOfSettings,
  resolveEditorSettings,
  SchemaLoadError,
  toLocale,
  type Linter,
  type LintOptions,
  type LintResult,
  type ResolvedSettings,
  type SettingKey,
  type SettingProblem,
  decodeUtf8,
  notValidJson,
  t,
  withoutBom,
} from '../core';
import { Settings } from './constants';
import { FamilyService } from './family';
import { fileReason } from './files';
import { disposeAll } from './disposables';
import { ProjectConfigs } from './projectConfig';

/** The settings of a folder and a setting that cannot be used: decided by the core for every editor. */
export type { ResolvedSettings, SettingProblem };

interface FolderEngine {
  linter: Linter;
  settings: ResolvedSettings;
}

/**
 * The one place where the extension talks to the core engine: resolves settings per workspace
 * folder, loads a custom schema (only in a trusted workspace), keeps one linter per configuration
 * and caches lint results per document version. Adapters (diagnostics, code actions, completion,
 * hover, preview) all ask it, so a text is linted once per configuration.
 */
export class EngineService implements vscode.Disposable {
  private readonly engines = new Map<string, Promise<FolderEngine>>();
  /**
   * The last result per document, reused only for the same document object at the same version,
   * the same linter and the same family state. Not by URI and version alone: a document closed and
   * opened again is a new object whose versions count from the start. (No text comparison: building
   * a large document's text on every request is what the cache saves.)
   */
  private readonly cache = new Map<string, { document: vscode.TextDocument; version: number; linter: Linter; family: number; result: LintResult }>();
  /**
   * Each open document parsed once per version (as yaml-language-server keeps its documents): the
   * lint, completion, hover, Enter and the service-name scan all read this one parse. Keyed like
   * {@link cache}: the same document object at the same version.
   */
  private readonly parses = new Map<string, { document: vscode.TextDocument; version: number; report: ParsedReport | null }>();
  /** Parents and members of the reports linted here (see FamilyService). */
  readonly family = new FamilyService();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.family];
  private schemaWatcher: vscode.FileSystemWatcher | undefined;
  private readonly projectConfigs = new ProjectConfigs();
  private readonly settingsCache = new Map<string, ResolvedSettings>();

  /** Fires after settings, trust or a custom schema changed: re-validate everything. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      this.projectConfigs,
      this.projectConfigs.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Settings.section)) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    );
    this.watchSchemas();
  }

  /** Settles when the workspace folders' `.incident-report.json` files have been read (tests wait on it). */
  get projectConfigReady(): Promise<void> {
    return this.projectConfigs.ready;
  }

  /**
   * Settings for the folder holding `uri` (or the window when it has none): the folder's
   * `.incident-report.json` (without `schema` and `ticketPattern` in an untrusted workspace), with
   * every setting the user set explicitly (user, workspace or folder level) on top; `rules` merge
   * rule by rule.
   */
  settings(uri: vscode.Uri | undefined): ResolvedSettings {
    // Asked on every keystroke (isReport): resolved once per folder until settings, trust or the file change.
    const folderKey = (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString()) ?? '';
    let resolved = this.settingsCache.get(folderKey);
    if (!resolved) {
      resolved = this.resolveSettings(uri);
      this.settingsCache.set(folderKey, resolved);
    }
    return resolved;
  }

  private resolveSettings(uri: vscode.Uri | undefined): ResolvedSettings {
    const config = vscode.workspace.getConfiguration(Settings.section, uri);
    // Only what the user set (user, workspace or folder level) counts; VS Code itself ignores
    // restricted workspace settings when untrusted (`get` then returns the user's or the default).
    const explicit = (key: SettingKey): unknown => {
      const inspected = config.inspect(key);
      const set = inspected !== undefined && [inspected.globalValue, inspected.workspaceValue, inspected.workspaceFolderValue].some((v) => v !== undefined);
      return set ? config.get(key) : undefined;
    };
    return resolveEditorSettings(this.projectConfigs.get(uri), vscode.workspace.isTrusted, explicit, toLocale(vscode.env.language));
  }

  /** True when the document is an incident report (a path matching `incidentReport.files`, or the marker) and not ignored (`incidentReport.ignores`). */
  isReport(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') return false;
    const path = relativePath(document.uri);
    const settings = this.settings(document.uri);
    if (isIgnoredPath(path, settings.ignores)) return false;
    if (isReportPath(path, settings.files)) return true;
    const report = this.parsed(document);
    // A document too large to parse: its marker is looked for at its start only.
    return report ? hasReportMarker(report) : isIncidentReport(document.getText(), null);
  }

  /** True when `text` (or its parse), the content of the file at `uri` (not open in an editor), is an incident report. */
  isReportText(uri: vscode.Uri, text: string | ParsedReport): boolean {
    const settings = this.settings(uri);
    return isIncidentReport(text, relativePath(uri), settings.files, settings.ignores);
  }

  /**
   * The document parsed, once per version; `null` when it is larger than the size limit (the lint
   * then reports just that, and the editor's features stay silent rather than parse it on every key).
   */
  parsed(document: vscode.TextDocument): ParsedReport | null {
    const key = document.uri.toString();
    const cached = this.parses.get(key);
    if (cached && cached.document === document && cached.version === document.version) return cached.report;
    const text = document.getText();
    const report = text.length > (this.settings(document.uri).maxSize ?? DEFAULT_MAX_SIZE) ? null : parseReport(text);
    this.parses.set(key, { document, version: document.version, report });
    return report;
  }

  /** The linter for `uri`'s folder, with its custom schema loaded (falls back to the bundled one). */
  linterFor(uri: vscode.Uri): Promise<FolderEngine> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = (folder?.uri.toString() ?? '') + '#' + this.generation;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = this.buildEngine(uri, folder);
      this.engines.set(key, engine);
    }
    return engine;
  }

  /**
   * Lints a document (cached per document version, linter and family state). `null` when the document is not an
   * incident report.
   */
  async lint(document: vscode.TextDocument): Promise<LintResult | null> {
    if (!this.isReport(document)) return null;
    const { linter } = await this.linterFor(document.uri);
    // Its parents first (read through workspace.fs, once until they change), then the sync lint.
    await this.family.load(document.uri, this.parsed(document) ?? document.getText());
    return this.lintWith(linter, document);
  }

  /**
   * Lints the text of a file that is not open in an editor (workspace linting), with its family
   * (not cached: files on disk have no version). `null` when it is not an incident report.
   */
  async lintText(uri: vscode.Uri, text: string): Promise<LintResult | null> {
    if (!this.isReportText(uri, text)) return null;
    const { linter } = await this.linterFor(uri);
    const result = linter.lint(text, await this.family.load(uri, text));
    this.family.record(uri, result);
    return result;
  }

  /** Options of the fix engine: fix titles follow the report locale (`incidentReport.locale`), like the diagnostics. */
  async fixOptions(document: vscode.TextDocument): Promise<FixOptions> {
    const settings = this.settings(document.uri);
    const { linter } = await this.linterFor(document.uri);
    return { locale: settings.locale, schema: linter.schema.info, timeZone: settings.timeZone ?? systemTimeZone() };
  }

  /** The document's text with every safe fix applied (repeated until none is left). */
  async fixAll(document: vscode.TextDocument): Promise<string> {
    const { linter } = await this.linterFor(document.uri);
    return fixAllText(document.getText(), (input) => linter.lint(input), await this.fixOptions(document));
  }

  /** Forgets the cached parse and result of a closed document. */
  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.parses.delete(uri.toString());
  }

  /**
   * The last lint result of a document, even of an older version, without linting (`null` when it
   * was never linted): for views that refresh on an event and must not lint on their own.
   */
  lastResult(document: vscode.TextDocument): LintResult | null {
    return this.cache.get(document.uri.toString())?.result ?? null;
  }

  /**
   * Lints an incident report now with a linter already resolved by `linterFor` (cached per version,
   * linter and family state; parents not yet loaded are left out): for providers that need the
   * findings synchronously once they hold the folder's real linter.
   */
  lintWith(linter: Linter, document: vscode.TextDocument): LintResult {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    const family = this.family.stamp(document.uri);
    if (cached && cached.document === document && cached.version === document.version && cached.linter === linter && cached.family === family) return cached.result;
    const result = linter.lint(this.parsed(document) ?? document.getText(), this.family.contextNow(document.uri));
    this.cache.set(key, { document, version: document.version, linter, family, result });
    this.family.record(document.uri, result);
    return result;
  }

  private lintOptions(settings: ResolvedSettings): LintOptions {
    return lintOptionsOfSettings(settings);
  }

  private async buildEngine(uri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): Promise<FolderEngine> {
    await this.projectConfigs.ready;
    const settings = this.settings(uri);
    const options = this.lintOptions(settings);
    // A workspace schema is compiled to code by Ajv: never do that in an untrusted workspace.
    if (settings.schemaPath && folder && vscode.workspace.isTrusted) {
      const schemaUri = vscode.Uri.joinPath(folder.uri, settings.schemaPath);
      let text: string | undefined;
      try {
        const bytes = await vscode.workspace.fs.readFile(schemaUri);
        // Strictly UTF-8 (as the CLI and the language server read it); a BOM dropped, as TextDecoder dropped it.
        text = withoutBom(decodeUtf8(bytes)).text;
        const schema = JSON.parse(text) as unknown;
        return { linter: createLinter({ ...options, schema }), settings };
      } catch (error) {
        // In the report's language (`incidentReport.locale`, else VS Code's), in the language server's words.
        const reason = t(
          settings.locale,
          error instanceof SchemaLoadError
            ? error.text
            : error instanceof SyntaxError && text !== undefined
              ? notValidJson(error, text)
              : error instanceof vscode.FileSystemError
                ? fileReason(error)
                : fileReason(error, { en: String(error), de: String(error) }),
        );
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Incident Report: the schema {0} cannot be used ({1}); the bundled schema is used instead.', settings.schemaPath, reason),
        );
      }
    }
    return { linter: createLinter(options), settings };
  }

  private invalidate(): void {
    this.settingsCache.clear();
    this.generation++;
    this.engines.clear();
    this.cache.clear();
    this.watchSchemas();
    this.changed.fire();
  }

  private watchSchemas(): void {
    this.schemaWatcher?.dispose();
    this.schemaWatcher = undefined;
    const paths = new Set(
      (vscode.workspace.workspaceFolders ?? []).map((folder) => this.settings(folder.uri).schemaPath).filter(Boolean),
    );
    if (paths.size === 0) return;
    const pattern = paths.size === 1 ? `**/${[...paths][0]}` : `**/{${[...paths].join(',')}}`;
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    watcher.onDidChange(() => this.invalidate());
    watcher.onDidCreate(() => this.invalidate());
    watcher.onDidDelete(() => this.invalidate());
    this.schemaWatcher = watcher;
  }

  dispose(): void {
    this.schemaWatcher?.dispose();
    disposeAll(this.disposables);
  }
}

/** The path globs are matched against: workspace-relative when possible, else the full path. */
export function relativePath(uri: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(uri, false);
  return relative.replace(/\\/g, '/');
}
