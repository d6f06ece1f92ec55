import * as vscode from 'vscode';
import {
  ART33_NOTICE_FORM,
  buildModel,
  CONFIDENTIAL_OUTPUTS,
  currentRelease,
  escapeHtml,
  isRecord,
  newestApprovals,
  OutputIds,
  PUBLIC_OUTPUTS,
  publishVerdict,
  readApprovals,
  readRelease,
  previousRelease,
  releaseChanges,
  renderDraftArticle,
  type ConfidentialOutput,
  type Finding,
  type Locale,
  type ParsedReport,
  type Verdict,
} from '../../core';
import type { Clock } from '../clock';
import { Commands } from '../constants';
import { disposeAll } from '../disposables';
import type { EngineService } from '../engine';
import { uiLanguage } from './export';
import { buildPreviewHtml, createNonce } from './html';
import { parseFromWebview, PREVIEW_VIEW_TYPE, type ConfidentialBanner, type DraftBanner, type PreviewOutputs, type PreviewStatus, type ReleasePanel, type ToWebview } from './protocol';
import { previewView, type PostLabels } from './views';
import { LastReadable } from './lastReadable';
import { readReleaseFile, releaseFileVersions, releaseLabel } from '../releaseFiles';

/** Re-render at most this often while typing (a throttle, not a debounce: long typing still updates). */
export const PREVIEW_THROTTLE_MS = 300;

/** The built-in command that reveals the Problems panel. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

/** What the preview shows now; returned by the internal `incidentReport._previewState` command for tests. */
export interface PreviewSnapshot {
  open: boolean;
  visible: boolean;
  /** The report shown. */
  uri: string | null;
  /** The document version last rendered. */
  version: number | null;
  /** The last sanitized article sent to the webview. */
  article: string | null;
  /** The last full HTML page given to the webview (rebuilt with a fresh nonce when the panel is (re)built). */
  html: string | null;
  status: PreviewStatus | null;
  /** Renders of the current panel so far (tests wait for it to grow). */
  renders: number;
  /** How many times the current panel's page itself was built. */
  pageBuilds: number;
  /** The output shown (an id of the output registry). */
  output: string;
  /** The social posts shown (when `output` is `social`), as the Copy buttons copy them. */
  posts: string[];
  /** The confidential banner while a draft for an authority is shown, else `null`. */
  confidential: ConfidentialBanner | null;
  /** The draft banner while the publish verdict blocks the public output shown, else `null`. */
  draft: DraftBanner | null;
  /** The panel's title. */
  title: string | null;
  /** The note above the output (e.g. the frontmatter's YAML error while the last readable version is shown), or `null`. */
  notice: string | null;
  /** The approval state and the changes since the last release, while a public output is shown. */
  release: ReleasePanel | null;
}

/** Options of exporting the draft the preview shows (the banner's button asks for everything). */
export interface ShownDraftExport {
  format?: string;
  target?: string;
  overwrite?: boolean;
}

const confidentialOutput = (id: string): ConfidentialOutput | undefined => CONFIDENTIAL_OUTPUTS.find((o) => o.id === id);

/** Words of the social-post view, in the UI language. */
function postLabels(): PostLabels {
  return {
    count: (chars, max) => vscode.l10n.t('{0} of {1} characters', chars, max),
    tooLong: vscode.l10n.t('too long'),
    shortened: vscode.l10n.t('shortened to fit'),
    copy: vscode.l10n.t('Copy'),
  };
}

/** The publish verdict and the counts for the status line (suppressed findings count for neither). */
export function previewStatus(findings: readonly Finding[], verdict: Verdict): PreviewStatus {
  const open = findings.filter((f) => !f.suppressed);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.filter((f) => f.severity === 'warning').length;
  return {
    errors,
    warnings,
    summary: verdict.publishable
      ? warnings === 0
        ? vscode.l10n.t('ready to publish')
        : vscode.l10n.t('Ready to publish; warnings: {0}', warnings)
      : vscode.l10n.t('Not ready to publish — blocking findings: {0} (errors: {1}, warnings: {2})', verdict.blockers.length, errors, warnings),
    problemsLabel: vscode.l10n.t('Show in Problems panel'),
  };
}

/**
 * Marks what is new or changed since the release compared with: each changed sentence or value, as
 * the sanitized article prints it (escaped), wrapped in `<mark class="ir-changed">`. Text that the
 * renderer reworded (dates, states in plain words) is listed by the toggle but not marked.
 */
export function highlightChanges(article: string, texts: readonly string[]): string {
  let out = article;
  for (const text of new Set(texts)) {
    const escaped = escapeHtml(text.replace(/\s+/g, ' ').trim());
    if (escaped.length < 3 || !out.includes(escaped)) continue;
    out = out.split(escaped).join(`<mark class="ir-changed">${escaped}</mark>`);
  }
  return out;
}

/**
 * The draft banner over a public output whose report the verdict blocks. All of it is extension
 * chrome, in VS Code's display language like the status line beside it: a German heading over an
 * English count read as two voices. The output's own marking ("[ENTWURF]" before posts and feed
 * entries, the banner of `render --draft`) stays in the report's language, as it is published.
 */
function draftBannerOf(verdict: Verdict): DraftBanner | null {
  if (verdict.publishable) return null;
  return {
    text: vscode.l10n.t('DRAFT – not for publication'),
    detail: vscode.l10n.t('Findings that block publication: {0}', verdict.blockers.length),
    problemsLabel: vscode.l10n.t('Show in Problems panel'),
  };
}

/**
 * The one press-release preview panel: renders the report it follows with the core renderer,
 * updates it (throttled) while the report is edited, follows the active incident report, and
 * comes back after a reload through the panel serializer.
 */
export class PressReleasePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private last: ToWebview | undefined;
  private lastVersion: number | null = null;
  /** The "Changes since release N" toggle and the "What's new" switch. */
  private showChanges = false;
  private whatsNew = false;
  private lastHtml: string | null = null;
  private renders = 0;
  private pageBuilds = 0;
  private output: string = OutputIds.pressRelease;
  /** The controller the processor's notice shown goes to (picked in "Open Confidential Draft…"), for this report only. */
  private controller: string | undefined;
  /** The posts of the last render: what "Copy" copies (the webview only says which one). */
  private posts: string[] = [];
  /** The last version of each report whose frontmatter could be read: shown while a YAML error lasts. */
  private readonly lastReadable = new LastReadable();
  private readonly rendered = new vscode.EventEmitter<PreviewSnapshot>();

  /** Fires after each render. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly engine: EngineService,
    private readonly clock: Clock,
  ) {
    this.disposables.push(
      // A draft states the time left: a new "now" (fixed or cleared) renders it again.
      clock.onDidChange(() => {
        if (confidentialOutput(this.output)) this.schedule();
      }),
      this.rendered,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && this.uri && event.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || editor.document.uri.toString() === this.uri?.toString()) return;
        if (this.engine.isReport(editor.document)) this.follow(editor.document.uri);
      }),
      // Settings, trust or schema changed: counts and enum words may differ.
      engine.onDidChange(() => this.schedule()),
    );
  }

  /** Opens (or reveals) the preview for `uri` in `column`. */
  show(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean): void {
    if (this.panel) {
      this.panel.reveal(column, preserveFocus);
      if (uri.toString() !== this.uri?.toString()) this.follow(uri);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.titleFor(uri), { viewColumn: column, preserveFocus }, this.options());
    this.adopt(panel, uri);
  }

  /** Takes over a panel (a new one, or one restored by the serializer after a reload). */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri | undefined): void {
    this.disposePanel();
    this.panel = panel;
    this.uri = uri;
    this.controller = undefined;
    // A panel restored after a reload shows the press release again: its title must say so.
    panel.title = this.titleFor(uri);
    this.renders = 0;
    this.pageBuilds = 0;
    panel.webview.options = this.options();
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          // A closed preview opens again on the press release, not on a draft for an authority.
          if (confidentialOutput(this.output)) this.output = OutputIds.pressRelease;
          this.disposePanel();
        }
      }),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
    void this.render(true);
  }

  /** A snapshot for tests. */
  snapshot(): PreviewSnapshot {
    return {
      open: this.panel !== undefined,
      visible: this.panel?.visible ?? false,
      uri: this.uri?.toString() ?? null,
      version: this.lastVersion,
      article: this.last?.article ?? null,
      html: this.lastHtml,
      status: this.last?.status ?? null,
      renders: this.renders,
      pageBuilds: this.pageBuilds,
      output: this.output,
      posts: [...this.posts],
      confidential: this.last?.confidential ?? null,
      draft: this.last?.draft ?? null,
      title: this.panel?.title ?? null,
      notice: this.last?.notice ?? null,
      release: this.last?.release ?? null,
    };
  }

  /** The confidential draft shown, its report and the controller it goes to (if one was picked). */
  get shownDraft(): { uri: vscode.Uri; id: string; controller?: string } | undefined {
    return this.panel && this.uri && confidentialOutput(this.output)
      ? { uri: this.uri, id: this.output, ...(this.controller !== undefined ? { controller: this.controller } : {}) }
      : undefined;
  }

  /** Opens (or reveals) the preview for `uri` beside the editor with draft `id` selected (a processor's notice to `controller`). */
  showDraft(uri: vscode.Uri, id: string, controller?: string): boolean {
    if (!confidentialOutput(id)) return false;
    this.output = id;
    // An open preview stays where it is (chosen in its own switcher, "beside" moved it a column on).
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, true);
      if (uri.toString() !== this.uri?.toString()) this.follow(uri);
    } else {
      this.show(uri, vscode.ViewColumn.Beside, true);
    }
    this.controller = controller;
    if (this.panel) this.panel.title = this.titleFor(uri);
    void this.render(false);
    return true;
  }

  /**
   * Exports the draft shown through the confidential export (`incidentReport.exportDraft`), never
   * the public one. Returns the written file's URI, or `undefined` when no draft is shown.
   */
  async exportShownDraft(options: ShownDraftExport = {}): Promise<string | undefined> {
    const shown = this.shownDraft;
    if (!shown) return undefined;
    return vscode.commands.executeCommand<string | undefined>(Commands.exportDraft, { ...shown, uri: shown.uri.toString(), ...options });
  }

  /** The report the preview shows, if any. */
  get currentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      enableFindWidget: true,
      // Only the bundled webview script may be loaded, nothing from the workspace.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'out', 'webview')],
    };
  }

  private titleFor(uri: vscode.Uri | undefined): string {
    const name = uri ? uri.path.slice(uri.path.lastIndexOf('/') + 1) : '';
    // The tab names what is shown: a draft for an authority is no press release, posts are no status page.
    if (confidentialOutput(this.output)) return vscode.l10n.t('Confidential Draft: {0}', name);
    switch (this.output) {
      case OutputIds.statusPage:
        return vscode.l10n.t('Status Page: {0}', name);
      case OutputIds.atom:
        return vscode.l10n.t('Atom Feed: {0}', name);
      case OutputIds.social:
        return vscode.l10n.t('Social Posts: {0}', name);
      default:
        return vscode.l10n.t('Press Release: {0}', name);
    }
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    this.controller = undefined;
    if (this.panel) this.panel.title = this.titleFor(uri);
    void this.render(false);
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render(false);
    }, PREVIEW_THROTTLE_MS);
  }

  private async document(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
  }

  /** Renders the current report: `page` rebuilds the whole webview page (fresh nonce), else a message updates it. */
  private async render(page: boolean): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel) return;
    const sequence = ++this.sequence;
    const message = await this.message(uri);
    // A newer render started meanwhile, or the panel went away: drop this one.
    if (sequence !== this.sequence || panel !== this.panel) return;
    this.last = message.update;
    this.lastVersion = message.version;
    this.renders++;
    if (page || this.lastHtml === null) {
      const html = buildPreviewHtml({
        cspSource: panel.webview.cspSource,
        nonce: createNonce(),
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'webview', 'preview.js')).toString(),
        state: message.update,
        title: panel.title,
      });
      this.lastHtml = html;
      this.pageBuilds++;
      panel.webview.html = html;
    } else {
      void panel.webview.postMessage(message.update);
    }
    this.rendered.fire(this.snapshot());
  }

  private async message(uri: vscode.Uri | undefined): Promise<{ update: ToWebview; version: number | null }> {
    const outputs = this.outputChoices();
    const uiLang = uiLanguage();
    const empty = (notice: string): { update: ToWebview; version: null } => ({
      update: {
        type: 'update',
        outputs,
        uri: uri?.toString() ?? '',
        article: '',
        lang: uiLang,
        uiLang,
        status: previewStatus([], publishVerdict({ findings: [] })),
        notice,
        confidential: null,
        draft: null,
        release: null,
      },
      version: null,
    });
    if (!uri) return empty(vscode.l10n.t('Open an incident report to preview its press release.'));
    const document = await this.document(uri);
    if (!document) return empty(vscode.l10n.t('The report {0} cannot be opened.', uri.path));
    const result = await this.engine.lint(document);
    if (!result) return empty(vscode.l10n.t('This file is not an incident report.'));
    // Fail closed: text that was not scanned for leaks is never shown as a release.
    if (result.unchecked) {
      return empty(vscode.l10n.t('This report is larger than the size limit and was not checked, so no press release is shown. Raise the setting incidentReport.maxSize to check it.'));
    }
    // A stray word in the frontmatter leaves no data to render (no title, no language): keep showing
    // the last version that could be read, and say which line broke it, until it can be read again.
    const readable = this.lastReadable.pick(document, result);
    const notice =
      readable.errorLine === null
        ? null
        : readable.report
          ? vscode.l10n.t('YAML error in the frontmatter on line {0}: the preview shows the last version that could be read until it is fixed.', readable.errorLine)
          : vscode.l10n.t('YAML error in the frontmatter on line {0}: the preview appears once the frontmatter can be read.', readable.errorLine);
    if (!readable.report) {
      this.posts = [];
      return { update: { ...empty(notice!).update, uri: uri.toString(), status: previewStatus(result.findings, publishVerdict(result)) }, version: document.version };
    }
    const report = readable.report;
    const { linter } = await this.engine.linterFor(document.uri);
    // The verdict is the current text's (a YAML error blocks), also while the last readable version is shown.
    const verdict = publishVerdict(result);
    const draft = confidentialOutput(this.output);
    if (draft) {
      // A draft for an authority reads the whole report (never the publication model), in the
      // report's language, with the deadlines measured against the extension's "now".
      const documentData = draft.draft(report, {
        locale: linter.locale,
        schema: linter.schema.info,
        now: this.clock.now(),
        ...(this.controller !== undefined ? { controller: this.controller } : {}),
      });
      this.posts = [];
      return {
        update: {
          type: 'update',
          outputs,
          uri: uri.toString(),
          article: renderDraftArticle(documentData),
          lang: documentData.locale,
          uiLang,
          status: previewStatus(result.findings, verdict),
          notice,
          confidential: {
            text: vscode.l10n.t('Confidential – for authorities only. Do not publish this draft.'),
            exportLabel: vscode.l10n.t('Export Confidential Draft…'),
          },
          // A draft for an authority is a draft by nature: no publish verdict over it.
          draft: null,
          // Nor a release to approve: drafts are exempt from the sign-off.
          release: null,
        },
        version: document.version,
      };
    }
    const releases = await this.releaseState(uri, report, this.output, linter.locale);
    const model = buildModel(report, { locale: linter.locale, schema: linter.schema.info, ...(releases.whatsNew ? { whatsNew: releases.whatsNew } : {}) });
    // While the verdict blocks, the output is shown as `render --draft` writes it (posts and feed
    // entries marked), under the draft banner: what is copied from here says it is a draft.
    const view = previewView(this.output, model, { locale: linter.locale, ...(verdict.publishable ? {} : { draft: true }) }, postLabels());
    this.posts = view.posts.map((p) => p.text);
    return {
      update: {
        type: 'update',
        outputs,
        uri: uri.toString(),
        article: this.showChanges ? highlightChanges(view.article, releases.highlights) : view.article,
        lang: model.locale,
        uiLang,
        status: previewStatus(result.findings, verdict),
        notice,
        confidential: null,
        draft: draftBannerOf(verdict),
        release: releases.panel(model.locale),
      },
      version: document.version,
    };
  }

  /**
   * The switcher's choices: every public output of the registry, then the confidential drafts for
   * authorities in a group of their own, in the UI language.
   */
  private outputChoices(): PreviewOutputs {
    const ui = uiLanguage();
    return {
      choices: [
        ...PUBLIC_OUTPUTS.map((o) => ({ id: o.id, label: o.label[ui] })),
        ...CONFIDENTIAL_OUTPUTS.map((o) => ({ id: o.id, label: o.label[ui], confidential: true })),
      ],
      selected: this.output,
      label: vscode.l10n.t('Show:'),
      confidentialGroup: vscode.l10n.t('Confidential – for authorities only'),
    };
  }

  /** True while the preview is open with its "What's new" switch on (the export follows it). */
  get showsWhatsNew(): boolean {
    return this.panel !== undefined && this.whatsNew;
  }

  /** Warnings shown already: the preview renders on every change, a warning is shown once. */
  private readonly warned = new Set<string>();

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    void vscode.window.showWarningMessage(message);
  }

  /** Flips the "Changes since release N" toggle or the "What's new" switch, and renders again. */
  toggle(which: 'changes' | 'whatsNew'): boolean {
    if (which === 'changes') this.showChanges = !this.showChanges;
    else this.whatsNew = !this.whatsNew;
    void this.render(false);
    return which === 'changes' ? this.showChanges : this.whatsNew;
  }

  /**
   * The approval state of the report (its newest approval against what it publishes now), the
   * changes since the newest release (read from its release file beside the report), and, with the
   * "What's new" switch on, the previous release whose content differs from the current one.
   */
  private async releaseState(uri: vscode.Uri, report: ParsedReport, output: string, locale: Locale) {
    const approvals = readApprovals(isRecord(report.data) ? report.data : null);
    const newest = newestApprovals(approvals);
    const current = currentRelease(report);
    const version = newest[0]?.version ?? null;
    // The newest release as `changes` reads it: a missing, damaged or hand-edited file is named in
    // the panel, as `changes` refuses it (the toggle went missing without a word, or listed changes
    // against a file edited by hand).
    const release = version === null ? null : readRelease(await readReleaseFile(uri, version, locale), approvals, version, locale);
    const compared = release && 'model' in release ? release.model : null;
    const unusable = release && 'problem' in release ? vscode.l10n.t('the release file {0} cannot be used ({1}); restore it (from version control or a backup)', releaseLabel(uri, version!), release.problem) : null;
    const changes = compared ? releaseChanges(compared, current.model) : [];
    const found = this.whatsNew ? await previousRelease(report, (v) => readReleaseFile(uri, v, locale), await releaseFileVersions(uri), locale) : null;
    // A damaged release is named (once per file and problem, not on every keystroke), not skipped.
    if (found && 'problem' in found) this.warnOnce(vscode.l10n.t('Incident Report: the release file {0} cannot be used for "What\'s new" ({1}). Restore the file.', releaseLabel(uri, found.version), found.problem));
    const whatsNew = found && 'since' in found ? found : null;
    const approved = newest.filter((a) => a.fingerprint === current.fingerprint);
    const approval =
      newest.length === 0
        ? vscode.l10n.t('not approved yet')
        : approved.length > 0
          ? vscode.l10n.t('approved by {0}, {1}', approved.map((a) => (a.role ? `${a.by} (${a.role})` : a.by)).join(', '), approved[approved.length - 1]!.at.slice(11, 16))
          : vscode.l10n.t('not approved since the last change (release {0})', newest[0]!.version);
    const showChanges = this.showChanges;
    const whatsNewOn = this.whatsNew;
    return {
      whatsNew,
      // What is new or changed in the text now: highlighted in the article while the toggle is on.
      highlights: changes.map((c) => c.after).filter((v): v is string => typeof v === 'string' && v.trim().length >= 3),
      panel: (locale: 'de' | 'en'): ReleasePanel => ({
        approval,
        current: approved.length > 0,
        changesLabel: version !== null ? vscode.l10n.t('Changes since release {0}', version) : null,
        showChanges,
        changes: showChanges ? (unusable !== null ? [unusable] : changes.length > 0 ? changes.map((c) => c.text[locale]) : [vscode.l10n.t('no changes')]) : [],
        whatsNewLabel: output === OutputIds.pressRelease || output === OutputIds.statusPage ? vscode.l10n.t('"What\'s new" box') : null,
        whatsNew: whatsNewOn,
      }),
    };
  }

  /**
   * Shows output `id` (a public output or a confidential draft of the registry); false for an unknown
   * id. The processor's notice goes through "Open Confidential Draft…", which asks which controller
   * it goes to when the report lists several (one pick, in drafts.ts): the switcher showed the
   * notice without a controller. Cancelled, the preview keeps what it showed (false).
   */
  selectOutput(id: string): boolean | Promise<boolean> {
    if (!PUBLIC_OUTPUTS.some((o) => o.id === id) && !confidentialOutput(id)) return false;
    if (id === ART33_NOTICE_FORM.id && this.panel && this.uri) return this.openNotice(this.uri, id);
    this.output = id;
    this.controller = undefined;
    if (this.panel) this.panel.title = this.titleFor(this.uri);
    void this.render(false);
    return true;
  }

  private async openNotice(uri: vscode.Uri, id: string): Promise<boolean> {
    const opened = await vscode.commands.executeCommand<{ id: string } | undefined>(Commands.openDraft, { uri: uri.toString(), id });
    if (opened) return true;
    // The switcher shows the output still shown, not the one whose pick was cancelled.
    if (this.last && this.panel) void this.panel.webview.postMessage(this.last);
    return false;
  }

  /**
   * Copies post `index` of the last render to the clipboard through the extension host (the
   * webview has no clipboard access of its own and only names the post). Returns the text copied.
   */
  async copyPost(index: number): Promise<string | undefined> {
    const text = this.posts[index];
    if (text === undefined) return undefined;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Post copied to the clipboard'), 3000);
    return text;
  }

  /** Handles a message from the webview: validated, and only these kinds do anything. */
  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // The page may have missed updates posted while it loaded.
        if (this.last && this.panel) void this.panel.webview.postMessage(this.last);
        break;
      case 'showProblems':
        void vscode.commands.executeCommand(SHOW_PROBLEMS);
        break;
      case 'selectOutput':
        void this.selectOutput(message.id);
        break;
      case 'copyPost':
        void this.copyPost(message.index);
        break;
      case 'exportDraft':
        void this.exportShownDraft();
        break;
      case 'toggleChanges':
        this.toggle('changes');
        break;
      case 'toggleWhatsNew':
        this.toggle('whatsNew');
        break;
      case 'openLink': {
        let target: vscode.Uri;
        try {
          target = vscode.Uri.parse(message.href, true);
        } catch {
          return;
        }
        // Checked twice on purpose: the string in parseFromWebview, the parsed scheme here.
        if (target.scheme === 'http' || target.scheme === 'https' || target.scheme === 'mailto') void vscode.env.openExternal(target);
        break;
      }
    }
  }

  private disposePanel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    disposeAll(this.panelDisposables);
    this.lastHtml = null;
    this.last = undefined;
    this.lastVersion = null;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
    disposeAll(this.disposables);
  }
}
