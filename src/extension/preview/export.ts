import * as vscode from 'vscode';
import { renderPressRelease } from '../../core';
import type { EngineService } from '../engine';
import { exists } from '../files';

/** Optional arguments of `incidentReport.exportPressRelease`, for automation and tests. */
export interface ExportArgs {
  /** The report (URI string or Uri); default: the active editor's report, else the previewed one. */
  uri?: string | vscode.Uri;
  /** Where the HTML goes; the text goes next to it with `.txt`. Default: next to the report. */
  target?: string | vscode.Uri;
  /** `true` overwrites existing files without asking, `false` never overwrites; unset asks (modal). */
  overwrite?: boolean;
  /** `false` skips the offer to open the result. */
  open?: boolean;
  /** `true` exports a report with errors without asking. */
  force?: boolean;
  /** `true` lets the user pick the location (save dialog) even when the default would do. */
  pick?: boolean;
}

/** The files written. */
export interface ExportResult {
  html: string;
  text: string;
}

const toUri = (value: string | vscode.Uri): vscode.Uri => (typeof value === 'string' ? vscode.Uri.parse(value, true) : value);

/** `report.md` → `report.press-release.html` in the same folder. */
export function defaultTarget(report: vscode.Uri): vscode.Uri {
  const name = report.path.slice(report.path.lastIndexOf('/') + 1);
  const base = name.replace(/\.(?:md|markdown)$/i, '');
  return vscode.Uri.joinPath(report, '..', `${base}.press-release.html`);
}

/** The text file that goes with an HTML target: same name, `.txt`. */
export function textTargetFor(html: vscode.Uri): vscode.Uri {
  const path = /\.html?$/i.test(html.path) ? html.path.replace(/\.html?$/i, '.txt') : `${html.path}.txt`;
  return html.with({ path });
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function pickTarget(suggested: vscode.Uri): Promise<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    defaultUri: suggested,
    filters: { [vscode.l10n.t('Web page')]: ['html'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export press release (a .txt version is written next to it)'),
  });
}

/**
 * `incidentReport.exportPressRelease`: writes the release as HTML and as plain text next to the
 * report (or where the user picks). Existing files are never replaced without a modal confirmation;
 * a report with errors is exported only after confirmation. Returns the files written.
 */
export async function exportPressRelease(engine: EngineService, previewed: vscode.Uri | undefined, args: ExportArgs = {}): Promise<ExportResult | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = args.uri ? toUri(args.uri) : active && engine.isReport(active) ? active.uri : previewed;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open an incident report to export its press release.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const result = await engine.lint(document);
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: {0} is not an incident report.', fileName(uri)));
    return undefined;
  }

  // Fail closed, even when forced: text that was not scanned for leaks is never exported.
  if (result.unchecked) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Incident Report: {0} is larger than the size limit and was not checked; nothing was exported. Raise the setting incidentReport.maxSize to check it.', fileName(uri)),
    );
    return undefined;
  }

  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !args.force) {
    const leaks = errors.filter((f) => f.ruleId.startsWith('leak-')).length;
    const exportAnyway = vscode.l10n.t('Export Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The report has {0} errors, {1} of them internal details in the public text. Export the press release anyway?', errors.length, leaks),
      { modal: true },
      exportAnyway,
    );
    if (choice !== exportAnyway) return undefined;
  }

  const { linter } = await engine.linterFor(uri);
  const release = renderPressRelease(result.report, { locale: linter.locale, schema: linter.schema.info });

  let html: vscode.Uri | undefined = args.target ? toUri(args.target) : undefined;
  // Unsaved new reports and read-only places have no folder to write into: ask where.
  if (!html) html = args.pick || document.isUntitled || uri.scheme === 'untitled' ? await pickTarget(defaultTarget(uri)) : defaultTarget(uri);
  for (;;) {
    if (!html) return undefined;
    const text = textTargetFor(html);
    const existing = [];
    for (const target of [html, text]) if (await exists(target)) existing.push(fileName(target));
    if (existing.length === 0 || args.overwrite === true) break;
    if (args.overwrite === false) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Incident Report: {0} already exists; nothing was exported.', existing.join(', ')));
      return undefined;
    }
    const overwrite = vscode.l10n.t('Overwrite');
    const elsewhere = vscode.l10n.t('Save Elsewhere…');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the new press release?', existing.join(', ')),
      { modal: true },
      overwrite,
      elsewhere,
    );
    if (choice === overwrite) break;
    if (choice !== elsewhere) return undefined;
    html = await pickTarget(html);
  }

  const text = textTargetFor(html);
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(html, encoder.encode(release.html));
  await vscode.workspace.fs.writeFile(text, encoder.encode(release.text));

  if (args.open !== false) void offerToOpen(html, text);
  return { html: html.toString(), text: text.toString() };
}

async function offerToOpen(html: vscode.Uri, text: vscode.Uri): Promise<void> {
  const openPage = vscode.l10n.t('Open in Browser');
  const openText = vscode.l10n.t('Open Text');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Press release exported: {0} and {1}.', fileName(html), fileName(text)),
    openPage,
    openText,
  );
  if (choice === openPage) {
    // A local file opens in the system browser; elsewhere (VS Code for the Web) VS Code shows it.
    if (html.scheme === 'file') await vscode.env.openExternal(html);
    else await vscode.commands.executeCommand('vscode.open', html);
  } else if (choice === openText) {
    await vscode.window.showTextDocument(text);
  }
}
