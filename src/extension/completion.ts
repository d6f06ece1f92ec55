import * as vscode from 'vscode';
import {
  completionContext,
  FIELD_DOC_TEXT,
  fieldDocumentation,
  formatInZone,
  formatOffset,
  formatPointer,
  indentUnit,
  isDateTimeField,
  isRecord,
  reportTimeZone,
  serviceNamesFromCatalog,
  serviceNamesOfReport,
  systemTimeZone,
  t,
  timeZoneOffers,
  yamlScalar,
  zoneOffsetMinutes,
  type FieldInfo,
  type KeyCompletionContext,
  type Locale,
  type SchemaInfo,
  type ValueCompletionContext,
} from '../core';
import { LANGUAGE_ID } from './constants';
import { disposeAll } from './disposables';
import type { EngineService } from './engine';

/** Characters after which completion opens by itself: `key:`, `key: `, `- `. */
export const TRIGGER_CHARACTERS = [':', ' ', '-'];

const SERVICE_NAME = /^\/affected_services\/\d+\/name$/;
const TIME_ZONE = '/timezone';

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
    const text = document.getText();
    const offset = document.offsetAt(position);
    const { linter } = await this.engine.linterFor(document.uri);
    const info = linter.schema.info;
    const context = completionContext(text, offset, info);
    if (!context || token.isCancellationRequested) return undefined;
    const locale = this.engine.settings(document.uri).locale;
    if (context.kind === 'key') {
      // A space typed for indentation should not pop up the key list; after `- ` it should.
      if (trigger.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter && trigger.triggerCharacter === ' ') {
        const before = document.lineAt(position.line).text.slice(0, position.character);
        if (!/-[ \t]+$/.test(before)) return undefined;
      }
      return keyItems(document, context, info, locale);
    }
    return this.valueItems(document, text, position, context, info, locale);
  }

  private async valueItems(
    document: vscode.TextDocument,
    text: string,
    position: vscode.Position,
    context: ValueCompletionContext,
    info: SchemaInfo,
    locale: Locale,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const field = info.fieldInfo(context.pointer, locale);
    if (!field) return undefined;
    const range = {
      inserting: new vscode.Range(document.positionAt(context.range.offset), position),
      replacing: new vscode.Range(document.positionAt(context.range.offset), document.positionAt(context.range.endOffset)),
    };
    const lead = context.needsSpace ? ' ' : '';
    const items: vscode.CompletionItem[] = [];
    const add = (value: string, kind: vscode.CompletionItemKind, detail: string | undefined, sort: number) => {
      const item = new vscode.CompletionItem(value, kind);
      item.insertText = lead + yamlScalar(value);
      item.filterText = lead + value;
      item.range = range;
      if (detail) item.detail = detail;
      item.sortText = String(sort).padStart(4, '0');
      items.push(item);
      return item;
    };

    (field.enum ?? []).forEach((value, index) => {
      const item = add(String(value), vscode.CompletionItemKind.EnumMember, field.enumDescriptions?.[String(value)], index);
      item.documentation = new vscode.MarkdownString(fieldDocumentation(field, context.pointer, locale, info, { brief: true }));
    });
    if (field.const !== undefined && !(field.enum ?? []).includes(field.const)) {
      add(String(field.const), vscode.CompletionItemKind.Constant, field.title, 50);
    }
    if (isDateTimeField(info, context.pointer)) {
      const zone = reportTimeZone(text) ?? this.engine.settings(document.uri).timeZone ?? systemTimeZone();
      const now = Date.now();
      const nowText = formatInZone(now - (now % 60_000), zone);
      const item = add(nowText, vscode.CompletionItemKind.Value, t(locale, FIELD_DOC_TEXT.now, { zone }), 0);
      item.preselect = true;
      if (info.schemasAt(context.pointer).some((schema) => schema.format === 'date')) {
        add(nowText.slice(0, 10), vscode.CompletionItemKind.Value, t(locale, FIELD_DOC_TEXT.today, { zone }), 1);
      }
    }
    if (context.pointer === TIME_ZONE) {
      // Only zones the runtime knows, those where the report's language is spoken first: a list of
      // our own also keeps VS Code's word completion from offering what was typed ("Europe/Berl").
      const data = this.engine.lintNow(document)?.report.data;
      const reportLang = isRecord(data) && (data.lang === 'de' || data.lang === 'en') ? data.lang : locale;
      const now = Date.now();
      timeZoneOffers(reportLang).forEach((offer, index) => {
        const offset = formatOffset(zoneOffsetMinutes(offer.zone, now));
        add(offer.zone, vscode.CompletionItemKind.Value, t(locale, offer.regional ? FIELD_DOC_TEXT.regionalZone : FIELD_DOC_TEXT.zoneOffset, { offset }), index);
      });
    }
    if (SERVICE_NAME.test(context.pointer)) {
      const { catalog, reports } = await this.services.names(document);
      const taken = new Set(serviceNamesOfReport(text));
      let sort = 100;
      for (const name of catalog) if (!taken.has(name)) add(name, vscode.CompletionItemKind.Value, t(locale, FIELD_DOC_TEXT.catalog), sort++);
      for (const name of reports) {
        if (!taken.has(name) && !catalog.includes(name)) add(name, vscode.CompletionItemKind.Value, t(locale, FIELD_DOC_TEXT.otherReports), sort++);
      }
    }
    return items;
  }
}

function keyItems(document: vscode.TextDocument, context: KeyCompletionContext, info: SchemaInfo, locale: Locale): vscode.CompletionItem[] {
  const mapping = info.fieldInfo(context.pointer, locale);
  if (!mapping?.properties) return [];
  const present = new Set(context.existingKeys);
  const range = new vscode.Range(document.positionAt(context.range.offset), document.positionAt(context.range.endOffset));
  const unit = indentUnit(document.getText());
  const items: vscode.CompletionItem[] = [];
  Object.keys(mapping.properties).forEach((key, index) => {
    if (present.has(key)) return;
    const pointer = context.pointer + formatPointer([key]);
    const field = info.fieldInfo(pointer, locale);
    if (!field) return;
    const required = mapping.required.includes(key);
    const item = new vscode.CompletionItem({ label: key, description: field.title }, vscode.CompletionItemKind.Property);
    item.detail = required ? `${field.title ?? key} (${t(locale, FIELD_DOC_TEXT.required)})` : field.title;
    item.documentation = new vscode.MarkdownString(fieldDocumentation(field, pointer, locale, info, { brief: true }));
    item.range = range;
    item.filterText = (context.needsSpace ? ' ' : '') + key;
    // Required fields first, then the schema's order (which is the order of a good report).
    item.sortText = `${required ? 0 : 1}${String(index).padStart(3, '0')}`;
    item.insertText = context.hasColon ? key : insertion(document, key, field, context, unit);
    if (!context.hasColon && (field.enum || isDateTimeField(info, pointer) || SERVICE_NAME.test(pointer))) {
      // Values are one keystroke away: open the list of allowed values right after `key: `.
      item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
    }
    items.push(item);
  });
  return items;
}

/**
 * What choosing a key inserts: `key: ` for a value, a block opener for a mapping or a list. VS Code
 * indents every new line of a snippet like the cursor's line, so the snippet only adds what goes
 * beyond that: the dash of a list item (`- key`) and one nesting step.
 */
function insertion(document: vscode.TextDocument, key: string, field: FieldInfo, context: KeyCompletionContext, unit: number): string | vscode.SnippetString {
  const lead = context.needsSpace ? ' ' : '';
  const line = document.lineAt(document.positionAt(context.range.offset).line).text;
  const lineIndent = /^ */.exec(line)![0].length;
  const nested = ' '.repeat(Math.max(0, context.column - lineIndent) + unit);
  if (field.isArray) return new vscode.SnippetString(`${lead}${key}:\n${nested}- $0`);
  if (field.type === 'object' || field.properties) return new vscode.SnippetString(`${lead}${key}:\n${nested}$0`);
  return `${lead}${key}: `;
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
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly engine: EngineService) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readReport(uri)),
      watcher.onDidChange((uri) => void this.readReport(uri)),
      watcher.onDidDelete((uri) => this.reports.delete(uri.toString())),
      // Settings (the catalog path, `files`) changed: start over.
      engine.onDidChange(() => this.reset()),
    );
  }

  /** Names from the catalog, and from other reports (open ones with their current text). */
  async names(document: vscode.TextDocument): Promise<{ catalog: string[]; reports: string[] }> {
    const catalog = await this.catalog(document.uri);
    this.scan ??= this.scanWorkspace();
    await this.scan;
    const own = document.uri.toString();
    const open = new Map<string, string[]>();
    for (const other of vscode.workspace.textDocuments) {
      const key = other.uri.toString();
      if (key === own || other.languageId !== LANGUAGE_ID || !this.engine.isReport(other)) continue;
      open.set(key, serviceNamesOfReport(other.getText()));
    }
    const reports = new Set<string>();
    for (const [key, names] of this.reports) if (key !== own && !open.has(key)) names.forEach((name) => reports.add(name));
    for (const names of open.values()) names.forEach((name) => reports.add(name));
    return { catalog, reports: [...reports].sort((a, b) => a.localeCompare(b)) };
  }

  private catalog(uri: vscode.Uri): Promise<string[]> {
    const path = this.engine.settings(uri).servicesCatalog;
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    if (!path || !folder) return Promise.resolve([]);
    const catalogUri = vscode.Uri.joinPath(folder.uri, path);
    const key = catalogUri.toString();
    let names = this.catalogs.get(key);
    if (!names) {
      names = readText(catalogUri).then((text) => (text === null ? [] : serviceNamesFromCatalog(text)));
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
    if (text === null || !this.engine.isReportText(uri, text)) {
      this.reports.delete(key);
      return;
    }
    this.reports.set(key, serviceNamesOfReport(text));
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

/** A file's text (UTF-8, BOM dropped), or `null` when it cannot be read. */
async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}
