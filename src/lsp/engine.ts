import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  createLinter,
  decodeUtf8,
  familyEntry,
  FamilyTracker,
  fixAllText,
  isIncidentReport,
  lintOptionsOfSettings,
  resolveEditorSettings,
  notValidJson,
  SchemaLoadError,
  t,
  SettingKeys,
  systemTimeZone,
  withoutBom,
  type FixOptions,
  type Linter,
  type LintResult,
  type Locale,
  type Localized,
  parseReport,
  type ParsedReport,
  type ResolvedSettings,
} from '../core';
import { UsageError } from '../cli/args';
import { ConfigFinder, type LoadedConfig } from '../cli/config';
import { ioReason } from '../cli/ioError';
import { pathInside } from '../cli/paths';
import type { ClientSettings } from './clientSettings';
import { canonicalUri, filePath, fileUri, uriPath } from './uris';

/** How the server was started. */
export interface ServerOptions {
  /** False with `--no-custom-schema`: `schema` and `ticketPattern` are never used. */
  customSchema: boolean;
}

/** What the engine needs from the server around it. */
export interface EngineHost {
  options: ServerOptions;
  settings: ClientSettings;
  displayLocale: Locale;
  /** The language the client asked for (initialize's `locale`), if it said one: its warnings speak it, else the document's configuration's. */
  clientLocale: Locale | undefined;
  /** The workspace folders as file system paths. */
  folders(): readonly string[];
  /** The open document of a canonical URI. */
  openDocument(key: string): TextDocument | undefined;
  /** Reports whose family changed (canonical URIs): lint them again. */
  familyChanged(keys: string[]): void;
  /** A `.incident-report.json` could not be used: show why (an empty list clears it). */
  configProblems(file: string, error: ConfigError | null): void;
  warn(message: string): void;
}

/** The settings of one document and where its relative paths start. */
export interface DocumentSettings {
  settings: ResolvedSettings;
  /** The folder `files` and `ignores` globs are matched in: the `.incident-report.json`'s, else the workspace folder's. */
  base: string;
  /** The workspace folder holding the document (or its own folder). */
  folder: string;
  /** The schema file in use (absolute), if any. */
  schemaFile: string | null;
  /** The services catalog (absolute), if any. */
  catalogFile: string | null;
}

/**
 * The engine behind the language server, the server's counterpart of the extension's
 * `EngineService`: the configuration of a document exactly as the CLI finds it (the nearest
 * `.incident-report.json` in its folder or above) with the editor's explicit settings on top
 * (core's `resolveEditorSettings`, as in VS Code), one linter per configuration, lint results
 * cached per document version, and the family of each report (core's `FamilyTracker`).
 */
export class LspEngine {
  private finder = new ConfigFinder(null);
  private readonly linters = new Map<string, Promise<Linter>>();
  private readonly cache = new Map<string, { version: number; linter: Linter; family: number; result: LintResult }>();
  private readonly parses = new Map<string, { version: number; report: ParsedReport | null }>();
  /** Files the configuration depends on (schemas, catalogs): a change to one starts over. */
  readonly watchedFiles = new Set<string>();
  /**
   * For clients that watch no files for the server: what each file the lints depend on looked like
   * on disk (see {@link changedOnDisk}), taken before it was read, so a change after the read is seen.
   */
  private readonly onDisk = new Map<string, string>();
  /** Parents read from disk (not from an open editor), by path. */
  private readonly diskParents = new Set<string>();
  /** Warnings about the configuration shown since it was last read: each once (it is looked up on every lint). */
  private readonly warned = new Set<string>();
  readonly family: FamilyTracker;

  constructor(private readonly host: EngineHost) {
    this.family = new FamilyTracker(
      {
        path: uriPath,
        withPath: (key, path) => (filePath(key) !== null ? fileUri(path) : key),
        label: (key) => this.label(uriPath(key)),
        read: (key) => this.readFamilyEntry(key),
      },
      (keys) => host.familyChanged(keys),
    );
  }

  /** The settings of the document at `uri`. */
  async settingsFor(uri: string): Promise<DocumentSettings> {
    const path = uriPath(uri);
    const folder = this.folderOf(path);
    const loaded = await this.configFor(path, folder);
    const explicit = await this.host.settings.explicit(uri);
    const settings = resolveEditorSettings(loaded.config, this.host.options.customSchema, explicit, this.host.displayLocale);
    // A path set in the editor is the workspace folder's (as in VS Code), one from the file the file's folder's.
    const from = (key: string, value: string): string | null => (value ? resolve(explicit(key as never) !== undefined ? folder : loaded.base, value) : null);
    return {
      settings,
      base: loaded.file ? loaded.base : folder,
      folder,
      schemaFile: from(SettingKeys.schema, settings.schemaPath),
      catalogFile: from(SettingKeys.servicesCatalog, settings.servicesCatalog),
    };
  }

  /** True when the text (or parse) at `uri` is an incident report (a path matching `files`, or the marker) and not ignored (`ignores`). */
  async isReport(uri: string, input: string | ParsedReport): Promise<boolean> {
    const { settings, base } = await this.settingsFor(uri);
    return isIncidentReport(input, relative(base, uriPath(uri)).split(sep).join('/'), settings.files, settings.ignores);
  }

  /**
   * The open document parsed, once per version (as yaml-language-server keeps its documents): the
   * lint, completion, hover and the service-name scan read this one parse. `null` when it is larger
   * than its linter's size limit (the lint then reports just that).
   */
  async parsed(document: TextDocument): Promise<ParsedReport | null> {
    const key = canonicalUri(document.uri);
    const cached = this.parses.get(key);
    if (cached && cached.version === document.version) return cached.report;
    const { linter } = await this.linterFor(document.uri);
    const text = document.getText();
    const report = text.length > linter.maxSize ? null : parseReport(text);
    // The text may have moved on while the linter loaded: keep only what belongs to its version.
    if (document.getText() === text) this.parses.set(key, { version: document.version, report });
    return report;
  }

  /** An open incident report parsed at its current version, with its linter and settings; `null` for any other document. */
  async openReport(document: TextDocument): Promise<{ report: ParsedReport; linter: Linter; settings: DocumentSettings } | null> {
    const report = await this.parsed(document);
    if (!report || !(await this.isReport(document.uri, report))) return null;
    const { linter, document: settings } = await this.linterFor(document.uri);
    return { report, linter, settings };
  }

  /** The linter for the document at `uri` (its custom schema loaded; the bundled one when it cannot be). */
  async linterFor(uri: string): Promise<{ linter: Linter; document: DocumentSettings }> {
    const document = await this.settingsFor(uri);
    const options = lintOptionsOfSettings(document.settings);
    const key = JSON.stringify([options, document.schemaFile]);
    let linter = this.linters.get(key);
    if (!linter) {
      linter = this.buildLinter(document, options);
      this.linters.set(key, linter);
    }
    return { linter: await linter, document };
  }

  /** Lints an open document with its family (cached per version). `null` when it is not an incident report. */
  async lint(document: TextDocument): Promise<LintResult | null> {
    const text = document.getText();
    const input = (await this.parsed(document)) ?? text;
    if (!(await this.isReport(document.uri, input))) return null;
    const { linter } = await this.linterFor(document.uri);
    const key = canonicalUri(document.uri);
    // A document that is no file (`untitled:`) has no folder a `parent` path could start from: it is
    // linted without path, so the core says the parent was not checked (the tracker would resolve
    // every path of it to the document itself, a cycle that is not there).
    const context = filePath(key) === null ? { label: this.label(uriPath(key)) } : await this.family.load(key, input);
    const cached = this.cache.get(key);
    const family = this.family.stamp(key);
    if (cached && cached.version === document.version && cached.linter === linter && cached.family === family) return cached.result;
    const result = linter.lint(input, context);
    this.cache.set(key, { version: document.version, linter, family, result });
    this.family.record(key, result);
    return result;
  }

  /** Options of the fix engine, as the extension's. */
  async fixOptions(uri: string): Promise<FixOptions> {
    const { linter, document } = await this.linterFor(uri);
    return { locale: document.settings.locale, schema: linter.schema.info, timeZone: document.settings.timeZone ?? systemTimeZone() };
  }

  /** The document's text with every safe fix applied (repeated until none is left). */
  async fixAll(document: TextDocument): Promise<string> {
    const { linter } = await this.linterFor(document.uri);
    return fixAllText(document.getText(), (input) => linter.lint(input), await this.fixOptions(document.uri));
  }

  /** The cached result of the document's current version, if it was linted. */
  lastResult(document: TextDocument): LintResult | null {
    const cached = this.cache.get(canonicalUri(document.uri));
    return cached && cached.version === document.version ? cached.result : null;
  }

  /** Forgets a closed document's parse and result. */
  forget(uri: string): void {
    this.cache.delete(canonicalUri(uri));
    this.parses.delete(canonicalUri(uri));
  }

  /** Settings, a configuration file or a schema changed: everything is read again. */
  invalidate(): void {
    this.finder = new ConfigFinder(null);
    this.linters.clear();
    this.cache.clear();
    this.parses.clear();
    this.watchedFiles.clear();
    this.warned.clear();
  }

  /** Shows `message` unless it was shown since the configuration was last read. */
  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.host.warn(message);
  }

  /** How messages name a file: relative to its workspace folder. */
  label(path: string): string {
    const inside = pathInside(this.folderOf(path), path);
    return inside ? inside.split(sep).join('/') : path;
  }

  /** The workspace folder holding `path` (the innermost), else the file's own folder. */
  folderOf(path: string): string {
    let best: string | null = null;
    for (const folder of this.host.folders()) {
      if (pathInside(folder, path) !== null && (best === null || folder.length > best.length)) best = folder;
    }
    return best ?? dirname(path);
  }

  private async configFor(path: string, folder: string): Promise<LoadedConfig> {
    try {
      const loaded = await this.finder.forTarget(path);
      if (loaded.file) this.host.configProblems(loaded.file, null);
      return loaded;
    } catch (error) {
      // An invalid file is ignored as a whole, as in VS Code; its problems are shown on it.
      if (error instanceof ConfigError) this.host.configProblems(resolve(error.source), error);
      else {
        // A file that cannot be read (not UTF-8, no permission): in the client's language, the file's own being unknown.
        const locale = this.host.clientLocale ?? this.host.displayLocale;
        const problem = error instanceof UsageError ? t(locale, error.text) : error instanceof Error ? error.message : String(error);
        this.warnOnce(t(locale, { en: 'Incident Report: {problem}', de: 'Vorfallsbericht: {problem}' }, { problem }));
      }
      return { file: null, base: folder, config: {} };
    }
  }

  private async buildLinter(document: DocumentSettings, options: ReturnType<typeof lintOptionsOfSettings>): Promise<Linter> {
    if (document.catalogFile) {
      this.watchedFiles.add(document.catalogFile);
      // Before the catalog is read (by completion, later): a change after this is a change.
      await this.remember(document.catalogFile);
    }
    if (!document.schemaFile) return createLinter(options);
    this.watchedFiles.add(document.schemaFile);
    await this.remember(document.schemaFile);
    let text: string | undefined;
    try {
      // Strictly UTF-8, as the CLI reads it: a Latin-1 schema is refused with the same words.
      text = decodeUtf8(await readFile(document.schemaFile));
      const schema = JSON.parse(text) as unknown;
      return createLinter({ ...options, schema });
    } catch (error) {
      const locale = this.host.clientLocale ?? document.settings.locale;
      const reason: Localized =
        error instanceof SchemaLoadError
          ? error.text
          : error instanceof SyntaxError && text !== undefined
            ? notValidJson(error, text)
            : ioReason(error);
      this.host.warn(
        t(
          locale,
          {
            en: 'Incident Report: the schema {file} cannot be used ({reason}); the bundled schema is used instead.',
            de: 'Vorfallsbericht: Das Schema {file} kann nicht verwendet werden ({reason}); stattdessen gilt das mitgelieferte Schema.',
          },
          { file: document.schemaFile, reason: t(locale, reason) },
        ),
      );
      return createLinter(options);
    }
  }

  private async readFamilyEntry(key: string): Promise<ReturnType<typeof familyEntry>> {
    const path = uriPath(key);
    const label = this.label(path);
    const open = this.host.openDocument(key);
    if (open) return familyEntry(path, open.getText(), null, label);
    this.diskParents.add(path);
    await this.remember(path);
    try {
      // A UTF-8 BOM is dropped, as editors drop it. Strictly UTF-8, as the CLI reads it: a Latin-1
      // parent got U+FFFD for every umlaut here, while lint refused it ("not UTF-8 text: …").
      return familyEntry(path, withoutBom(decodeUtf8(await readFile(path))).text, null, label);
    } catch (error) {
      // The CLI's words, so the server's findings equal `lint`'s.
      return familyEntry(path, null, ioReason(error), label);
    }
  }

  /**
   * The files the lint of the document at `uri` depends on that changed on disk since they were
   * read: every `.incident-report.json` it could find (its folder and those above, created and
   * deleted ones too), the schema and catalog in use, and the parents read from disk. For clients
   * that send no `workspace/didChangeWatchedFiles` (Neovim 0.7, no dynamic registration of file
   * watchers): the server then compares modification times when a report is opened, edited or saved
   * (a few `stat` calls) instead of watching the disk itself, which is fragile (editors save by
   * renaming, inotify has limits, network drives report nothing).
   */
  async changedOnDisk(uri: string): Promise<Array<{ path: string; deleted: boolean }>> {
    const path = filePath(canonicalUri(uri));
    const candidates: string[] = [];
    for (let folder = path === null ? null : dirname(path); folder !== null; ) {
      candidates.push(join(folder, CONFIG_FILE_NAME));
      const up = dirname(folder);
      folder = up === folder ? null : up;
    }
    const changed: Array<{ path: string; deleted: boolean }> = [];
    for (const file of new Set([...candidates, ...this.watchedFiles, ...this.diskParents])) {
      const before = this.onDisk.get(file);
      const now = await stamp(file);
      this.onDisk.set(file, now);
      // A path seen for the first time is taken as it is: it is read after this (config files are
      // looked up by the lint that follows), or was remembered before it was read.
      if (before !== undefined && before !== now) changed.push({ path: file, deleted: now === ABSENT });
    }
    return changed;
  }

  /** Notes how `path` looks on disk now, before it is read (see {@link changedOnDisk}). */
  private async remember(path: string): Promise<void> {
    this.onDisk.set(path, await stamp(path));
  }
}

const ABSENT = 'absent';

/** What changes when a file is written, replaced or deleted: modification time, size and inode. */
async function stamp(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.mtimeMs}:${info.size}:${info.ino}`;
  } catch {
    return ABSENT;
  }
}
