import * as vscode from 'vscode';
import {
  appendUpdate,
  formatInZone,
  formatOffset,
  isValidTimeZone,
  newReportTemplate,
  placeSuggestion,
  reportId,
  systemTimeZone,
  timeZoneChoices,
  toLocale,
  toMinute,
  zoneOffsetMinutes,
  type Locale,
} from '../core';
import { Commands, ContextKeys } from './constants';
import { exists } from './files';
import type { EngineService } from './engine';
import type { DiagnosticCounts, DiagnosticsService } from './diagnostics';
import { newMemberReport, type NewMemberArgs } from './newMember';

/** Optional arguments of `incidentReport.newReport`, for automation and tests: skip the prompts. */
export interface NewReportArgs {
  lang?: Locale;
  organization?: string;
  /** The place of the dateline (`''`: none, the dateline names the organisation); asked for when absent. */
  location?: string;
  /** IANA time zone of the report's timestamps (else the author picks one). */
  timeZone?: string;
  /** Epoch ms used as "now" (tests pin the clock). */
  now?: number;
}

/** Optional arguments of `incidentReport.addUpdate`. */
export interface AddUpdateArgs {
  /** Epoch ms used as "now" (tests pin the clock). */
  now?: number;
}

/** What `incidentReport.lintWorkspace` found (also its return value, for tests). */
export interface WorkspaceLintSummary extends DiagnosticCounts {
  /** Markdown files looked at. */
  files: number;
  /** Incident reports among them. */
  reports: number;
  cancelled: boolean;
}

/** Folder, relative to the workspace folder, that new reports are created in. */
export const INCIDENTS_FOLDER = 'incidents';

/**
 * Registers the report commands (new report, add update, lint workspace) and keeps the
 * `incidentReport.isReport` context key in step with the active editor, so the palette hides
 * report-only commands elsewhere. The preview commands are registered by the preview feature.
 */
export function registerCommands(context: vscode.ExtensionContext, engine: EngineService, diagnostics: DiagnosticsService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newReport, (args?: NewReportArgs) => newReport(engine, args)),
    vscode.commands.registerCommand(Commands.addUpdate, (args?: AddUpdateArgs) => addUpdate(engine, args)),
    vscode.commands.registerCommand(Commands.lintWorkspace, () => lintWorkspace(diagnostics)),
    vscode.commands.registerCommand(Commands.newMemberReport, (args?: NewMemberArgs) => newMemberReport(engine, args)),
  );

  let current: boolean | undefined;
  const updateContext = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isReport = Boolean(document && engine.isReport(document));
    if (isReport === current) return;
    current = isReport;
    void vscode.commands.executeCommand('setContext', ContextKeys.isReport, isReport);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) updateContext();
    }),
    engine.onDidChange(updateContext),
  );
  updateContext();
}

/** The zone timestamps are written in: the report's own `timezone`, else the setting, else the system's. */
function zoneFor(engine: EngineService, uri: vscode.Uri | undefined, reportZone?: unknown): string {
  if (typeof reportZone === 'string' && isValidTimeZone(reportZone)) return reportZone;
  const configured = engine.settings(uri).timeZone;
  return configured && isValidTimeZone(configured) ? configured : systemTimeZone();
}

async function newReport(engine: EngineService, args: NewReportArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open a folder first; new reports are created in its incidents folder.'));
    return undefined;
  }

  let lang = args.lang;
  if (lang !== 'de' && lang !== 'en') {
    const items: Array<vscode.QuickPickItem & { lang: Locale }> = [
      { label: 'Deutsch', description: vscode.l10n.t('German'), lang: 'de' },
      { label: 'English', description: vscode.l10n.t('English'), lang: 'en' },
    ];
    // The UI language first: it is the likeliest choice.
    if (toLocale(vscode.env.language) === 'en') items.reverse();
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('New incident report'),
      placeHolder: vscode.l10n.t('Language of the public text'),
    });
    if (!picked) return undefined;
    lang = picked.lang;
  }

  let organization = args.organization?.trim();
  if (!organization) {
    organization = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New incident report'),
        prompt: vscode.l10n.t('Publishing organisation, as it should appear in the press release'),
        placeHolder: vscode.l10n.t('e.g. Stadt Werne'),
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the name of the organisation.')),
      })
    )?.trim();
    if (!organization) return undefined;
  }

  let location = args.location?.trim();
  if (location === undefined) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('New incident report'),
      prompt: vscode.l10n.t('Place of the dateline, as in "Lindenau, 22 April 2026 –" (leave empty to name the organisation)'),
      value: placeSuggestion(organization),
      placeHolder: vscode.l10n.t('e.g. Werne'),
      ignoreFocusOut: true,
    });
    if (answer === undefined) return undefined;
    location = answer.trim();
  }

  const now = args.now ?? Date.now();
  const timeZone = args.timeZone && isValidTimeZone(args.timeZone) ? args.timeZone : await pickTimeZone(engine, folder.uri, lang, now);
  if (!timeZone) return undefined;
  const baseId = reportId(organization, now, timeZone);
  const directory = vscode.Uri.joinPath(folder.uri, INCIDENTS_FOLDER);
  // Never overwrite: a second report of the same day and organisation gets a suffix.
  let id = baseId;
  let uri = vscode.Uri.joinPath(directory, `${id}.md`);
  for (let n = 2; await exists(uri); n++) {
    id = `${baseId}-${n}`;
    uri = vscode.Uri.joinPath(directory, `${id}.md`);
  }

  const text = newReportTemplate({ lang, organization, location, id, now, timeZone });
  await vscode.workspace.fs.createDirectory(directory);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  const editor = await vscode.window.showTextDocument(uri);
  // Start where the author has to write first: the headline placeholder.
  const report = engine.parsed(editor.document);
  const title = report?.frontmatter.kind === 'yaml' ? report.yaml?.rangeOf('/title') : null;
  if (report?.frontmatter.kind === 'yaml' && title) {
    const start = editor.document.positionAt(report.frontmatter.contentOffset + title.offset);
    const end = editor.document.positionAt(report.frontmatter.contentOffset + title.endOffset);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
  }
  return uri;
}

/**
 * Asks for the zone of the new report's timestamps: the configured zone (else the system's) is
 * pre-selected, `Europe/Berlin` comes first for a German report, and every other zone can be
 * typed. A server running in UTC must not decide the zone of a German town's report unasked.
 */
async function pickTimeZone(engine: EngineService, uri: vscode.Uri, lang: Locale, now: number): Promise<string | undefined> {
  const { choices, preselected } = timeZoneChoices({
    lang,
    configured: engine.settings(uri).timeZone,
    system: systemTimeZone(),
    available: Intl.supportedValuesOf('timeZone'),
  });
  const items = choices.map((choice) => {
    const notes = [`UTC${formatOffset(zoneOffsetMinutes(choice.zone, now))}`];
    if (choice.configured) notes.push(vscode.l10n.t('configured'));
    if (choice.system) notes.push(vscode.l10n.t('this computer'));
    return { label: choice.zone, description: notes.join(' · ') };
  });
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  try {
    pick.title = vscode.l10n.t('New incident report');
    pick.placeholder = vscode.l10n.t('Time zone of the timestamps');
    pick.ignoreFocusOut = true;
    pick.items = items;
    const active = items[preselected];
    if (active) pick.activeItems = [active];
    const picked = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.label));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    return picked;
  } finally {
    pick.dispose();
  }
}

async function addUpdate(engine: EngineService, args: AddUpdateArgs = {}): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !engine.isReport(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: open an incident report to add an update.'));
    return false;
  }
  const document = editor.document;
  const data = engine.parsed(document)?.data;
  const reportZone = data && typeof data === 'object' ? (data as Record<string, unknown>).timezone : undefined;
  const at = formatInZone(toMinute(args.now ?? Date.now()), zoneFor(engine, document.uri, reportZone));

  const insertion = appendUpdate(engine.parsed(document) ?? document.getText(), at);
  if (insertion === 'no-frontmatter') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Incident Report: this report has no frontmatter to add an update to.'));
    return false;
  }
  if (insertion === 'not-a-list') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Incident Report: `updates` is not a block list (one `- at:` entry per line); add the update by hand.'),
    );
    return false;
  }
  const range = new vscode.Range(document.positionAt(insertion.offset), document.positionAt(insertion.endOffset));
  const applied = await editor.edit((builder) => builder.replace(range, insertion.text));
  if (!applied) return false;
  const cursor = document.positionAt(insertion.cursorOffset);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor));
  return true;
}

async function lintWorkspace(diagnostics: DiagnosticsService): Promise<WorkspaceLintSummary> {
  const summary: WorkspaceLintSummary = { files: 0, reports: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: open a folder to lint its reports.'));
    return summary;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Incident Report: linting the workspace'), cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', undefined, token);
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      const step = uris.length ? 100 / uris.length : 100;
      for (const uri of uris) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        summary.files++;
        progress.report({ increment: step, message: vscode.workspace.asRelativePath(uri) });
        try {
          const outcome = await diagnostics.lintFile(uri, token);
          if (!outcome.isReport) continue;
          summary.reports++;
          summary.errors += outcome.counts.errors;
          summary.warnings += outcome.counts.warnings;
          summary.infos += outcome.counts.infos;
        } catch (error) {
          // An unreadable file is skipped, not a reason to stop linting the others.
          console.warn(`incident-report: cannot lint ${uri.toString()}`, error);
        }
      }
    },
  );
  if (summary.cancelled) return summary;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Incident Report: {0} reports checked: {1} errors, {2} warnings.', summary.reports, summary.errors, summary.warnings),
  );
  return summary;
}
