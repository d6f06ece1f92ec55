import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { decodeUtf8, parseReport, t, type Locale, serviceNamesFromCatalog, serviceNamesOfReport, type ParsedReport } from '../core';
import { describeIoError } from '../cli/ioError';
import { canonicalUri, fileUri } from './uris';

/** The most Markdown files a workspace folder is searched for service names (as the extension's 2000). */
const MAX_FILES = 2000;

/**
 * Service names for completion, as the extension offers them: from the catalog file
 * (`servicesCatalog`) and from `affected_services` of every other report in the workspace folders.
 * Files are read once and again when the client reports a change (`didChangeWatchedFiles`); open
 * reports count with their unsaved text. Files are read strictly as UTF-8, as the CLI reads them: a
 * Latin-1 catalog or report offered its names with U+FFFD for every umlaut.
 */
export class ServiceNames {
  private readonly catalogs = new Map<string, Promise<string[]>>();
  private readonly reports = new Map<string, string[]>();
  private scan: Promise<void> | undefined;

  constructor(
    private readonly folders: () => readonly string[],
    /** True when a file's text is an incident report (the engine decides). */
    private readonly isReport: (uri: string, input: string | ParsedReport) => Promise<boolean>,
    /** Shows the user why a catalog is not used. */
    private readonly warn: (message: string) => void,
    /** The language of that message (the client's). */
    private readonly locale: Locale = 'en',
  ) {}

  /** Names from the catalog, and from other reports (`open`: canonical URI → the open report, parsed or its text). */
  async names(own: string, catalogFile: string | null, open: ReadonlyMap<string, string | ParsedReport>): Promise<{ catalog: string[]; reports: string[] }> {
    const catalog = catalogFile ? await this.catalog(catalogFile) : [];
    this.scan ??= this.scanFolders();
    await this.scan;
    const names = new Set<string>();
    for (const [key, list] of this.reports) if (key !== own && !open.has(key)) list.forEach((name) => names.add(name));
    for (const [key, report] of open) if (key !== own && (await this.isReport(key, report))) serviceNamesOfReport(report).forEach((name) => names.add(name));
    return { catalog, reports: [...names].sort((a, b) => a.localeCompare(b)) };
  }

  /** A file changed on disk (or was created or deleted). */
  fileChanged(path: string): void {
    this.catalogs.delete(path);
    if (path.toLowerCase().endsWith('.md') && this.scan) void this.readReport(path);
  }

  /** Settings changed: start over. */
  reset(): void {
    this.catalogs.clear();
    this.reports.clear();
    this.scan = undefined;
  }

  private catalog(path: string): Promise<string[]> {
    let names = this.catalogs.get(path);
    if (!names) {
      names = this.readCatalog(path);
      this.catalogs.set(path, names);
    }
    return names;
  }

  private async readCatalog(path: string): Promise<string[]> {
    let text: string;
    try {
      text = decodeUtf8(await readFile(path));
    } catch (error) {
      // Said once per reading: a catalog that is not UTF-8 offered its names with U+FFFD for every
      // umlaut, a mistyped path none at all, without a word.
      this.warn(
        t(
          this.locale,
          {
            en: 'Incident Report: the services catalog {path} cannot be used ({why}); completion offers no names from it.',
            de: 'Vorfallsbericht: Der Dienstekatalog {path} kann nicht verwendet werden ({why}); die Vervollständigung bietet keine Namen daraus an.',
          },
          { path, why: describeIoError(error, this.locale) },
        ),
      );
      return [];
    }
    return serviceNamesFromCatalog(text);
  }

  private async scanFolders(): Promise<void> {
    for (const folder of this.folders()) {
      try {
        const files = await glob('**/*.md', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
        await Promise.all(files.slice(0, MAX_FILES).map((file) => this.readReport(file)));
      } catch {
        // A folder that cannot be searched: completion offers the catalog and open reports only.
      }
    }
  }

  private async readReport(path: string): Promise<void> {
    const key = canonicalUri(fileUri(path));
    let text: string;
    try {
      // A report that is not UTF-8 offers no names (lint refuses it when it is linted or opened).
      text = decodeUtf8(await readFile(path));
    } catch {
      this.reports.delete(key);
      return;
    }
    const report = parseReport(text);
    if (await this.isReport(key, report)) this.reports.set(key, serviceNamesOfReport(report));
    else this.reports.delete(key);
  }
}
