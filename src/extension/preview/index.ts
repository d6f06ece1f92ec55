import * as vscode from 'vscode';
import type { Clock } from '../clock';
import type { EngineService } from '../engine';
import type { Prompts } from '../prompts';
import { exportPressRelease, type ExportArgs } from './export';
import { PressReleasePreview, type ShownDraftExport } from './preview';
import { PREVIEW_VIEW_TYPE } from './protocol';

/** Command IDs of the press-release feature (mirrored in package.json). */
export const PreviewCommands = {
  showPreview: 'incidentReport.showPreview',
  showPreviewToSide: 'incidentReport.showPreviewToSide',
  exportPressRelease: 'incidentReport.exportPressRelease',
  /** Internal (not in the palette): the preview's current state, for integration tests. */
  previewState: 'incidentReport._previewState',
  /** Internal: the preview's switcher (an output id of the registry); the webview's select uses the same path. */
  selectPreviewOutput: 'incidentReport._selectPreviewOutput',
  /** Internal: a social post's "Copy" button (post index); copies through the extension host. */
  copySocialPost: 'incidentReport._copySocialPost',
  /** Internal: the confidential banner's "Export" button (the draft shown, through the confidential export). */
  exportPreviewDraft: 'incidentReport._exportPreviewDraft',
  /** Internal: the "Changes since release N" toggle (`changes`) or the "What's new" switch (`whatsNew`); the webview's checkboxes use the same path. */
  togglePreview: 'incidentReport._togglePreview',
} as const;

export type { ExportArgs, ExportResult } from './export';
export type { PreviewSnapshot } from './preview';
export type { PressReleasePreview } from './preview';

/**
 * Registers the press-release preview (commands, live updates, serializer) and the export command.
 * Everything is disposed through `context.subscriptions`.
 */
export function registerPreview(context: vscode.ExtensionContext, engine: EngineService, clock: Clock, prompts: Prompts): PressReleasePreview {
  const preview = new PressReleasePreview(context.extensionUri, engine, clock);

  /** The report to preview: the URI the editor-title button passes, else the active report. */
  const target = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const document = vscode.window.activeTextEditor?.document;
    return document && engine.isReport(document) ? document.uri : preview.currentUri;
  };
  const show = (arg: unknown, column: vscode.ViewColumn, preserveFocus: boolean) => {
    const uri = target(arg);
    if (!uri) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open an incident report to preview its press release.'));
      return;
    }
    preview.show(uri, column, preserveFocus);
  };

  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(PreviewCommands.showPreview, (arg?: unknown) =>
      show(arg, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, false),
    ),
    vscode.commands.registerCommand(PreviewCommands.showPreviewToSide, (arg?: unknown) => show(arg, vscode.ViewColumn.Beside, true)),
    vscode.commands.registerCommand(PreviewCommands.exportPressRelease, (arg?: unknown) =>
      // From the editor title or explorer the first argument is a Uri; from automation an ExportArgs object.
      // The palette and menus ask which output and formats; an arguments object (automation) does not.
      isExportArgs(arg) && !(arg instanceof vscode.Uri)
        ? exportPressRelease(engine, prompts, preview.currentUri, arg)
        : // The export follows the preview's "What's new" switch.
          exportPressRelease(engine, prompts, preview.currentUri, { ...(arg instanceof vscode.Uri ? { uri: arg } : {}), ...(preview.showsWhatsNew ? { whatsNew: true } : {}) }, { interactive: true }),
    ),
    vscode.commands.registerCommand(PreviewCommands.previewState, () => preview.snapshot()),
    vscode.commands.registerCommand(PreviewCommands.togglePreview, (which: unknown) => (which === 'changes' || which === 'whatsNew') && preview.toggle(which)),
    vscode.commands.registerCommand(PreviewCommands.selectPreviewOutput, (id: unknown) => typeof id === 'string' && preview.selectOutput(id)),
    vscode.commands.registerCommand(PreviewCommands.copySocialPost, (index: unknown) =>
      typeof index === 'number' && Number.isInteger(index) ? preview.copyPost(index) : undefined,
    ),
    vscode.commands.registerCommand(PreviewCommands.exportPreviewDraft, (options?: ShownDraftExport) => preview.exportShownDraft(isExportArgs(options) ? options : {})),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
        let uri: vscode.Uri | undefined;
        if (typeof saved === 'string' && saved) {
          try {
            uri = vscode.Uri.parse(saved, true);
          } catch {
            uri = undefined;
          }
        }
        preview.adopt(panel, uri);
      },
    }),
  );
  return preview;
}

function isExportArgs(value: unknown): value is ExportArgs {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
