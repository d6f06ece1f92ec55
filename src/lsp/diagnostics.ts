import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LintScheduler } from '../core';
import { bomLength, toDiagnostic } from './convert';
import type { LspEngine } from './engine';
import { canonicalUri } from './uris';

/**
 * Pushes diagnostics of open incident reports (and only of them): on open and save at once, after
 * an edit once the core's debounce delay has passed (core's LintScheduler) (unless `validate.onType` is off), and when a
 * report's family or the configuration changed. A run overtaken by a newer one is dropped.
 */
export class DiagnosticsPublisher {
  /** Debounce and run numbers per URI (the core's, as in the extension): a stale run is dropped. */
  private readonly scheduler = new LintScheduler();
  /** Documents that have diagnostics published (to clear them when they stop being reports). */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: LspEngine,
  ) {}

  /** Lints `document` now (cancelling a pending debounced run) and publishes the result. */
  async validate(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const run = this.scheduler.begin(uri);
    const version = document.version;
    let result;
    try {
      result = await this.engine.lint(document);
    } catch (error) {
      this.connection.console.error(`incident-report: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    // Dropped when the text moved on, the document closed, or a newer run started meanwhile.
    if (!this.scheduler.isCurrent(uri, run) || this.documents.get(uri)?.version !== version) return;
    if (!result) return this.clear(uri);
    this.published.add(uri);
    // A finding suppressed with a reason is no problem any more (as in VS Code; lint's JSON lists it as suppressed).
    const bom = bomLength(document);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: result.findings.filter((finding) => !finding.suppressed).map((finding) => toDiagnostic(finding, bom)) });
  }

  /** An edit: lint after the debounce delay, when the settings let linting follow typing. */
  async edited(document: TextDocument): Promise<void> {
    const { settings } = await this.engine.settingsFor(document.uri);
    if (settings.validateOnType) this.schedule(document.uri);
  }

  /** Lints the open document at `uri` after the debounce delay (a newer request restarts the delay). */
  schedule(uri: string): void {
    this.scheduler.schedule(uri, () => {
      const document = this.documents.get(uri);
      if (document) void this.validate(document);
    });
  }

  /** Reports whose family changed (canonical URIs): lint the open ones again, debounced. */
  familyChanged(keys: readonly string[]): void {
    const wanted = new Set(keys);
    for (const document of this.documents.all()) if (wanted.has(canonicalUri(document.uri))) this.schedule(document.uri);
  }

  /** Everything may have changed (settings, configuration file, schema): lint every open document again. */
  revalidateAll(): void {
    for (const document of this.documents.all()) void this.validate(document);
  }

  /** A document closed: its diagnostics go (they describe the editor's text, not the file). */
  closed(uri: string): void {
    this.scheduler.begin(uri);
    this.clear(uri);
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    this.scheduler.dispose();
  }
}
