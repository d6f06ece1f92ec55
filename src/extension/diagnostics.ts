import * as vscode from 'vscode';
import { decodeUtf8, LintScheduler, NotUtf8Error, t, withoutBom, type Finding, type Severity } from '../core';
import { DIAGNOSTIC_SOURCE, NOT_UTF8_CODE } from './constants';
import { disposeAll } from './disposables';
import type { EngineService } from './engine';

/** Error, warning and information counts of one document's diagnostics. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** What linting one unopened file from disk found. */
export interface FileLintOutcome {
  /** False when the file is not an incident report (it then has no diagnostics). */
  isReport: boolean;
  counts: DiagnosticCounts;
}

/**
 * The diagnostics of incident reports, shared by the status bar and the commands. Owns the
 * DiagnosticCollection; every update goes through it so `onDidChange` fires for each URI.
 */
export interface DiagnosticsService extends vscode.Disposable {
  readonly collection: vscode.DiagnosticCollection;
  /** Fires with the URI whose diagnostics were set or cleared. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** Lints an open document now (cancelling a pending debounced run) and publishes the result. */
  validate(document: vscode.TextDocument): Promise<void>;
  /**
   * Lints a file from disk without opening it (workspace linting). Its diagnostics then survive
   * closing an editor on it, because they describe the file, not an editor.
   */
  lintFile(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<FileLintOutcome>;
  /** Error/warning/info counts of the diagnostics published for `uri`. */
  counts(uri: vscode.Uri): DiagnosticCounts;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Publishes the engine's findings as diagnostics for incident reports (and only for them): on
 * open, while typing (debounced, unless `validate.onType` is off), on save, and after any change
 * of settings, trust or schema (EngineService.onDidChange).
 */
export function registerDiagnostics(context: vscode.ExtensionContext, engine: EngineService): DiagnosticsService {
  const service = new Diagnostics(context.extensionUri, engine);
  context.subscriptions.push(service);
  return service;
}

class Diagnostics implements DiagnosticsService {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Debounce and run numbers per URI (the core's, as in the language server): a stale run is dropped. */
  private readonly scheduler = new LintScheduler();
  /** URIs whose diagnostics came from workspace linting: they outlive the editor. */
  private readonly fromWorkspace = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly engine: EngineService,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((document) => void this.validate(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.validate(document)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.onClose(document)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.clear(uri, true))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri }) => this.clear(oldUri, true))),
      engine.onDidChange(() => void this.revalidateAll()),
      engine.family.onDidChangeFamily((uris) => this.onFamilyChange(uris)),
    );
    for (const document of vscode.workspace.textDocuments) void this.validate(document);
  }

  async validate(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = this.scheduler.begin(key);
    if (document.isClosed) return;
    if (!this.engine.isReport(document)) {
      // A file that stops being a report loses its diagnostics.
      this.clear(document.uri, true);
      return;
    }
    const version = document.version;
    let result;
    try {
      result = await this.engine.lint(document);
    } catch (error) {
      console.error(`incident-report: linting ${key} failed`, error);
      return;
    }
    // Dropped when the text moved on, the document closed, or a newer run started meanwhile.
    if (!this.scheduler.isCurrent(key, run) || document.isClosed || document.version !== version) return;
    if (!result) {
      this.clear(document.uri, true);
      return;
    }
    // A finding suppressed with a reason is no problem any more: the hover on its directive shows it.
    const findings = result.findings.filter((finding) => !finding.suppressed);
    this.publish(
      document.uri,
      findings.map((finding) =>
        this.toDiagnostic(finding, new vscode.Range(document.positionAt(finding.offset), document.positionAt(finding.endOffset)), document.uri),
      ),
    );
  }

  async lintFile(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<FileLintOutcome> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open) {
      // The editor's text is newer than the file on disk: lint that, and keep it past closing.
      this.fromWorkspace.add(key);
      await this.validate(open);
      return { isReport: this.engine.isReport(open), counts: this.counts(uri) };
    }
    const run = this.scheduler.begin(key);
    const bytes = await vscode.workspace.fs.readFile(uri);
    let text: string;
    try {
      // Strictly UTF-8, as the CLI reads it; the BOM dropped, so offsets match TextDocument.getText().
      text = withoutBom(decodeUtf8(bytes)).text;
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error;
      return this.notUtf8(uri, run, error);
    }
    if (token?.isCancellationRequested) return { isReport: false, counts: this.counts(uri) };
    const result = await this.engine.lintText(uri, text);
    if (!result) {
      if (this.scheduler.isCurrent(key, run)) this.clear(uri, true);
      return { isReport: false, counts: zero() };
    }
    const findings = result.findings.filter((finding) => !finding.suppressed);
    // An editor opened on the file meanwhile owns its diagnostics now.
    if (!this.scheduler.isCurrent(key, run)) return { isReport: true, counts: this.counts(uri) };
    this.fromWorkspace.add(key);
    this.publish(
      uri,
      // Lines and columns are 1-based UTF-16 positions, the same as VS Code's (0-based) ones.
      findings.map((finding) =>
        this.toDiagnostic(finding, new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1), uri),
      ),
    );
    return { isReport: true, counts: this.counts(uri) };
  }

  /**
   * An unopened file that is not UTF-8: a report is refused with one error where it stops being
   * UTF-8, in the CLI's words (`lint` exits 2 on it); read leniently, every umlaut was U+FFFD and
   * it could come out clean. Another Markdown file (a Latin-1 README) is no report, as in the CLI.
   */
  private notUtf8(uri: vscode.Uri, run: number, error: NotUtf8Error): FileLintOutcome {
    const current = this.scheduler.isCurrent(uri.toString(), run);
    if (!this.engine.isReportText(uri, error.lenientText)) {
      if (current) this.clear(uri, true);
      return { isReport: false, counts: zero() };
    }
    // An editor opened on the file meanwhile owns its diagnostics now.
    if (!current) return { isReport: true, counts: this.counts(uri) };
    this.fromWorkspace.add(uri.toString());
    const at = new vscode.Position(error.line - 1, error.column - 1);
    // In the language of the report's findings (`incidentReport.locale`, else VS Code's), as the CLI's `lint`.
    const message = t(this.engine.settings(uri).locale, error.text);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = NOT_UTF8_CODE;
    this.publish(uri, [diagnostic]);
    return { isReport: true, counts: this.counts(uri) };
  }

  counts(uri: vscode.Uri): DiagnosticCounts {
    const counts = zero();
    for (const diagnostic of this.collection.get(uri) ?? []) {
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
    return counts;
  }

  private toDiagnostic(finding: Finding, range: vscode.Range, uri: vscode.Uri): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: this.ruleDocs(finding.ruleId) };
    if (finding.related?.length) {
      // Related files are URI paths on the same file system as the report (see FamilyService).
      diagnostic.relatedInformation = finding.related.map(
        (related) =>
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(uri.with({ path: related.file }), new vscode.Range(related.line - 1, related.column - 1, related.endLine - 1, related.endColumn - 1)),
            related.message,
          ),
      );
    }
    return diagnostic;
  }

  /**
   * A parent (or a member known to a parent) changed: lint the reports that depend on it again —
   * open ones as if they had been edited (debounced), workspace-lint results from their files.
   */
  private onFamilyChange(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const key = uri.toString();
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
      if (open) {
        this.schedule(open);
      } else if (this.fromWorkspace.has(key)) {
        // Coalesced: workspace linting announces a parent once per member it meets.
        this.scheduler.schedule(key, () => void this.lintFile(uri).catch(() => this.clear(uri, true)));
      }
    }
  }

  /** The rule's documentation, shipped inside the extension (docs/rules is part of the .vsix). */
  private ruleDocs(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    if (event.contentChanges.length === 0 || document.languageId !== 'markdown') return;
    if (!this.engine.settings(document.uri).validateOnType) return;
    this.schedule(document);
  }

  /** Lints `document` after the debounce delay (a newer request restarts the delay). */
  private schedule(document: vscode.TextDocument): void {
    this.scheduler.schedule(document.uri.toString(), () => void this.validate(document));
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.scheduler.begin(key);
    this.engine.forget(document.uri);
    if (!this.fromWorkspace.has(key)) {
      this.clear(document.uri, false);
      return;
    }
    // Workspace linting put these here: they stay, but describe the file on disk again (the editor
    // may have closed with unsaved changes).
    if (document.uri.scheme === 'untitled') {
      this.clear(document.uri, true);
      return;
    }
    try {
      await this.lintFile(document.uri);
    } catch {
      this.clear(document.uri, true);
    }
  }

  private async revalidateAll(): Promise<void> {
    const open = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      open.add(document.uri.toString());
      void this.validate(document);
    }
    // Settings also change what workspace linting found in unopened files.
    for (const key of [...this.fromWorkspace]) {
      if (open.has(key)) continue;
      try {
        await this.lintFile(vscode.Uri.parse(key));
      } catch {
        this.clear(vscode.Uri.parse(key), true);
      }
    }
  }

  private publish(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    this.collection.set(uri, diagnostics);
    this.changed.fire(uri);
  }

  /** Removes a URI's diagnostics; `forget` also drops its workspace-lint origin. */
  private clear(uri: vscode.Uri, forget: boolean): void {
    const key = uri.toString();
    if (forget) this.fromWorkspace.delete(key);
    if (!this.collection.has(uri)) return;
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.scheduler.dispose();
    disposeAll(this.disposables);
  }
}

function zero(): DiagnosticCounts {
  return { errors: 0, warnings: 0, infos: 0 };
}
