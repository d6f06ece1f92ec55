import * as vscode from 'vscode';
import { ART33_NOTICE_FORM, CONFIDENTIAL_OUTPUTS, isRecord, noticeAddressees, type ConfidentialOutput } from '../core';
import type { Clock } from './clock';
import { Commands } from './constants';
import type { EngineService } from './engine';
import { exists } from './files';
import type { PressReleasePreview } from './preview';
import type { Prompts } from './prompts';

/** Optional arguments of the draft commands, for automation and tests. */
export interface DraftArgs {
  /** The report (URI string or Uri); default: the active report. */
  uri?: string | vscode.Uri;
  /** A draft id (`gdpr-art33`, …); default: ask. */
  id?: string;
  /**
   * `gdpr-art33-controller` only: the controller of `data_loss.controllers` the notice goes to (as
   * `render --controller`); default: ask when there are several.
   */
  controller?: string;
  /** Export only: `text`, `html` or `md` (default `html`). */
  format?: string;
  /** Export only: the target file; default `<report>.<id>.<format>` next to the report. */
  target?: string | vscode.Uri;
  /** Export only: `true` replaces an existing file without asking. */
  overwrite?: boolean;
}

const EXTENSIONS: Record<string, string> = { text: 'txt', html: 'html', md: 'md' };
const toUri = (value: string | vscode.Uri): vscode.Uri => (typeof value === 'string' ? vscode.Uri.parse(value, true) : value);

/**
 * Confidential drafts for authorities (GDPR Art. 33/34, NIS2): "Incident Report: Open Confidential
 * Draft…" shows one of the registry's confidential outputs in the preview (its switcher lists them
 * in a group of their own, under a confidential banner), "Export Confidential Draft…" writes it
 * next to the report — by default the draft the preview shows. Drafts are never offered by the
 * public export.
 */
export function registerDrafts(context: vscode.ExtensionContext, engine: EngineService, clock: Clock, preview: PressReleasePreview, prompts: Prompts): void {
  const locale = (uri: vscode.Uri) => engine.settings(uri).locale;
  const reportUri = (args: DraftArgs): vscode.Uri | undefined => {
    if (args.uri) return toUri(args.uri);
    const active = vscode.window.activeTextEditor?.document;
    return active && engine.isReport(active) ? active.uri : (preview.shownDraft?.uri ?? preview.currentUri);
  };
  const pick = async (uri: vscode.Uri, id: string | undefined): Promise<ConfidentialOutput | undefined> => {
    if (id) return CONFIDENTIAL_OUTPUTS.find((o) => o.id === id);
    const lang = locale(uri);
    const chosen = await vscode.window.showQuickPick(
      CONFIDENTIAL_OUTPUTS.map((output) => ({ label: output.label[lang], description: output.id, output })),
      { title: vscode.l10n.t('Confidential draft for an authority'), placeHolder: vscode.l10n.t('Pick a draft') },
    );
    return chosen?.output;
  };
  /**
   * The controller a processor's notice goes to: the one given, else picked when the report lists
   * several (one notice each; with one the draft names it, with none it says what is missing).
   * `{}` for any other draft or nothing to pick; `undefined` when the pick was cancelled.
   */
  const controllerFor = async (uri: vscode.Uri, output: ConfidentialOutput, given: string | undefined): Promise<{ controller?: string } | undefined> => {
    if (output.id !== ART33_NOTICE_FORM.id) return {};
    if (given !== undefined) return { controller: given };
    const result = await engine.lint(await vscode.workspace.openTextDocument(uri));
    const data = result?.report.data;
    const names = isRecord(data) ? noticeAddressees(data) : [];
    if (names.length < 2) return {};
    const picked = await prompts.pick(
      vscode.l10n.t('Controller this notice goes to (one notice each)'),
      names.map((name) => ({ label: name, description: '' })),
    );
    return picked === undefined ? undefined : { controller: picked };
  };
  const render = async (uri: vscode.Uri, output: ConfidentialOutput, format: string, controller: { controller?: string }): Promise<string | undefined> => {
    const document = await vscode.workspace.openTextDocument(uri);
    const result = await engine.lint(document);
    if (!result) return undefined;
    const { linter } = await engine.linterFor(uri);
    return output.render([result.report], format, { now: clock.now(), locale: linter.locale, schema: linter.schema.info, ...controller });
  };
  const notReport = () => void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open an incident report to draft a notification.'));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openDraft, async (args: DraftArgs = {}) => {
      const uri = reportUri(args);
      if (!uri) return notReport();
      const output = await pick(uri, args.id);
      if (!output) return undefined;
      const document = await vscode.workspace.openTextDocument(uri);
      if (!engine.isReport(document)) return notReport();
      const addressee = await controllerFor(uri, output, args.controller);
      if (!addressee) return undefined;
      // One view for every output: the preview, switched to the draft (its banner says what it is).
      preview.showDraft(uri, output.id, addressee.controller);
      return { title: `${vscode.l10n.t('Confidential')}: ${output.label[locale(uri)]}`, id: output.id, uri: uri.toString(), ...addressee };
    }),
    vscode.commands.registerCommand(Commands.exportDraft, async (args: DraftArgs = {}) => {
      const uri = reportUri(args);
      if (!uri) return notReport();
      const shown = preview.shownDraft;
      const showsIt = shown && shown.uri.toString() === uri.toString() ? shown : undefined;
      const output = await pick(uri, args.id ?? showsIt?.id);
      if (!output) return undefined;
      const format = args.format ?? 'html';
      if (!output.formats.includes(format)) return undefined;
      // The draft the preview shows goes out to the controller it shows.
      const addressee = await controllerFor(uri, output, args.controller ?? (showsIt?.id === output.id ? showsIt.controller : undefined));
      if (!addressee) return undefined;
      const content = await render(uri, output, format, addressee);
      if (content === undefined) return notReport();
      const base = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.(?:md|markdown)$/i, '');
      let target: vscode.Uri | undefined = args.target ? toUri(args.target) : vscode.Uri.joinPath(uri, '..', `${base}.${output.id}.${EXTENSIONS[format]}`);
      if (!args.target && uri.scheme === 'untitled') target = await vscode.window.showSaveDialog({ saveLabel: vscode.l10n.t('Export') });
      if (!target) return undefined;
      if (args.overwrite !== true && (await exists(target))) {
        const overwrite = vscode.l10n.t('Overwrite');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the new draft?', target.path.slice(target.path.lastIndexOf('/') + 1)), { modal: true }, overwrite);
        if (choice !== overwrite) return undefined;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
      void vscode.window.showInformationMessage(vscode.l10n.t('Confidential draft exported: {0}. Do not publish it.', target.path.slice(target.path.lastIndexOf('/') + 1)));
      return target.toString();
    }),
  );
}
