import * as vscode from 'vscode';
import { readReleaseFile, releaseFileVersions, releaseLabel } from '../releaseFiles';
import { previousRelease, buildModel, noWhatsNew, draftBanner, exportableOutputs, exportFileName, formatExtension, OUTPUTS, OutputIds, publishVerdict, reportBaseName, siblingPath, toLocale, type Locale, type PublicOutput } from '../../core';
import type { EngineService } from '../engine';
import type { Prompts } from '../prompts';
import { exists } from '../files';

/** Optional arguments of `incidentReport.exportPressRelease`, for automation and tests. */
export interface ExportArgs {
  /** The report (URI string or Uri); default: the active editor's report, else the previewed one. */
  uri?: string | vscode.Uri;
  /**
   * A public output of the registry (`press-release`, `status-page`, `atom`, `social`). Unset: the
   * user picks one, except when the command is called with an arguments object (automation), which
   * keeps exporting the press release.
   */
  output?: string;
  /** Formats to write (default: all of the output's formats when called with arguments, else the user picks). */
  formats?: readonly string[];
  /** Where the first format goes; the others go next to it with their extension. Default: next to the report. */
  target?: string | vscode.Uri;
  /** `true` overwrites existing files without asking, `false` never overwrites; unset asks (modal). */
  overwrite?: boolean;
  /** `false` skips the offer to open the result. */
  open?: boolean;
  /**
   * For a report that the publish verdict blocks: `true` exports it as a draft without asking
   * (marked like `render --draft`), `false` refuses without asking, unset asks (modal, "Export as
   * Draft"). Nothing blocked is ever exported unmarked.
   */
  draft?: boolean;
  /** `true` lets the user pick the location (save dialog) even when the default would do. */
  pick?: boolean;
  /** `true` puts the "What's new" box (changes since the previous release) at the top of a press release or status page. */
  whatsNew?: boolean;
}

/** The files written. */
export interface ExportResult {
  /** The output's id. */
  output: string;
  /** URI of each written format's file, by format (`html`, `text`, `xml`, `json`). */
  files: Record<string, string>;
  /** The HTML file, when one was written (as before for the press release). */
  html?: string;
  /** The plain-text file, when one was written. */
  text?: string;
  /** True when the report was not ready to publish and was exported marked as a draft. */
  draft: boolean;
  /** Why the "What's new" box asked for (`whatsNew`) is not in the export (never released, unchanged, a change of form only), as `render --whats-new` says it. */
  noWhatsNew?: string;
}

/** How the command was invoked: interactively (palette, editor title) asks; automation does not. */
export interface ExportInvocation {
  interactive: boolean;
}

const toUri = (value: string | vscode.Uri): vscode.Uri => (typeof value === 'string' ? vscode.Uri.parse(value, true) : value);

/** `report.md` → `report.<output>.<ext>` in the same folder. */
export function defaultTarget(report: vscode.Uri, output = OutputIds.pressRelease as string, format = 'html'): vscode.Uri {
  return vscode.Uri.joinPath(report, '..', exportFileName(report.path, output, format));
}

/** The file of `format` that goes with the first target: same name, the format's extension. */
export function siblingTarget(first: vscode.Uri, format: string): vscode.Uri {
  return first.with({ path: siblingPath(first.path, format) });
}

/**
 * VS Code's display language as one the engine speaks: the language of the extension's chrome.
 * The engine's {@link toLocale}, as everywhere else VS Code's language is read, so that the two never differ.
 */
export const uiLanguage = (): Locale => toLocale(vscode.env.language);

/** Display name of a format in pickers and the save dialog. */
function formatLabel(format: string): string {
  switch (format) {
    case 'html':
      return vscode.l10n.t('Web page');
    case 'text':
      return vscode.l10n.t('Plain text');
    case 'xml':
      return vscode.l10n.t('Atom feed');
    case 'json':
      return vscode.l10n.t('JSON');
    default:
      return format;
  }
}

/** QuickPick of the public outputs; confidential ones are filtered out before anything is offered. */
async function pickOutput(): Promise<PublicOutput | undefined> {
  const ui = uiLanguage();
  const items = exportableOutputs(OUTPUTS).map((output) => ({
    label: output.label[ui],
    description: output.formats.map((f) => `.${formatExtension(f)}`).join(', '),
    output,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export'), placeHolder: vscode.l10n.t('Which output to export?') });
  return picked?.output;
}

/** QuickPick of the formats (several may be chosen; all preselected). One format: no question. */
async function pickFormats(output: PublicOutput): Promise<string[] | undefined> {
  if (output.formats.length === 1) return [...output.formats];
  const items = output.formats.map((format) => ({ label: formatLabel(format), description: `.${formatExtension(format)}`, picked: true, format }));
  const picked = await vscode.window.showQuickPick(items, {
    title: output.label[uiLanguage()],
    placeHolder: vscode.l10n.t('Which formats to write?'),
    canPickMany: true,
  });
  return picked && picked.length > 0 ? picked.map((p) => p.format) : undefined;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function pickTarget(suggested: vscode.Uri, output: PublicOutput, formats: readonly string[]): Promise<vscode.Uri | undefined> {
  const [first] = formats;
  const others = formats.slice(1).map((f) => `.${formatExtension(f)}`);
  const label = output.label[uiLanguage()];
  return vscode.window.showSaveDialog({
    defaultUri: suggested,
    filters: first ? { [formatLabel(first)]: [formatExtension(first)] } : {},
    saveLabel: vscode.l10n.t('Export'),
    title: others.length > 0 ? vscode.l10n.t('Export {0} (also written next to it: {1})', label, others.join(', ')) : vscode.l10n.t('Export {0}', label),
  });
}

/** The output and formats asked for: from the arguments, else picked (interactive), else the press release. */
async function chooseOutput(args: ExportArgs, interactive: boolean): Promise<{ output: PublicOutput; formats: string[] } | undefined> {
  let output: PublicOutput | undefined;
  if (args.output !== undefined) {
    // Only public outputs: a confidential draft's id is refused like an unknown one.
    output = exportableOutputs(OUTPUTS).find((o) => o.id === args.output);
    if (!output) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: "{0}" is not a public output; nothing was exported.', String(args.output)));
      return undefined;
    }
  } else if (interactive) {
    output = await pickOutput();
    if (!output) return undefined;
  } else {
    output = exportableOutputs(OUTPUTS).find((o) => o.id === OutputIds.pressRelease);
    if (!output) return undefined;
  }

  if (args.formats !== undefined) {
    const chosen = output.formats.filter((f) => args.formats!.includes(f));
    const unknown = args.formats.filter((f) => !output.formats.includes(f));
    if (unknown.length > 0 || chosen.length === 0) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Incident Report: {0} is written as {1}, not as "{2}"; nothing was exported.', output.id, output.formats.join(', '), unknown.join(', ')),
      );
      return undefined;
    }
    return { output, formats: chosen };
  }
  const formats = interactive ? await pickFormats(output) : [...output.formats];
  return formats ? { output, formats } : undefined;
}

/**
 * `incidentReport.exportPressRelease` ("Export…"): writes a public output of the registry — the
 * press release, status page, Atom feed or social posts — in the chosen formats next to the report
 * (`report.status-page.html`, `report.atom.xml`, …) or where the user picks. Confidential outputs
 * are never offered. Existing files are never replaced without a modal confirmation. A report that
 * the publish verdict blocks (core/linter/verdict.ts, the one `render` asks) is exported only as a draft,
 * marked like `render --draft`, after the user chose "Export as Draft"; an unchecked (over-size)
 * report never. Returns the files written.
 */
export async function exportPressRelease(
  engine: EngineService,
  prompts: Prompts,
  previewed: vscode.Uri | undefined,
  args: ExportArgs = {},
  invocation: ExportInvocation = { interactive: false },
): Promise<ExportResult | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = args.uri ? toUri(args.uri) : active && engine.isReport(active) ? active.uri : previewed;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: open an incident report to export it.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const result = await engine.lint(document);
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Incident Report: {0} is not an incident report.', fileName(uri)));
    return undefined;
  }

  // Fail closed, even as a draft: text that was not scanned for leaks is never exported.
  if (result.unchecked) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Incident Report: {0} is larger than the size limit and was not checked; nothing was exported. Raise the setting incidentReport.maxSize to check it.', fileName(uri)),
    );
    return undefined;
  }

  const choice = await chooseOutput(args, invocation.interactive);
  if (!choice) return undefined;
  const { output, formats } = choice;

  const { linter } = await engine.linterFor(uri);
  const releaseFiles = args.whatsNew === true ? await releaseFileVersions(uri) : [];
  const found = args.whatsNew === true ? await previousRelease(result.report, (v) => readReleaseFile(uri, v, linter.locale), releaseFiles, linter.locale) : null;
  // A damaged release is named, as `render --whats-new` names it: the box would compare with an older one.
  if (found && 'problem' in found) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Incident Report: the release file {0} cannot be used for "What\'s new" ({1}); nothing was exported. Restore the file.', releaseLabel(uri, found.version), found.problem),
    );
    return undefined;
  }
  const whatsNew = found;
  // Asked for but left out (nothing new): said, as `render --whats-new` says it, not left out without a word.
  const boxed = args.whatsNew === true && (output.id === OutputIds.pressRelease || output.id === OutputIds.statusPage);
  const noBox = boxed ? noWhatsNew(whatsNew, result.report, releaseFiles, linter.locale) : null;
  const model = buildModel(result.report, { locale: linter.locale, schema: linter.schema.info, ...(whatsNew ? { whatsNew } : {}) });
  // Fail closed: what the verdict blocks goes out only as a marked draft, and only when chosen.
  const verdict = publishVerdict(result);
  if (!verdict.publishable && args.draft === false) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Incident Report: {0} is not ready to publish; nothing was exported.', fileName(uri)));
    return undefined;
  }
  if (!verdict.publishable && args.draft !== true) {
    const leaks = verdict.blockers.filter((b) => b.finding.ruleId.startsWith('leak-')).length;
    const asDraft = vscode.l10n.t('Export as Draft');
    const answer = await prompts.warning(
      vscode.l10n.t('The report is not ready to publish. Findings that block it: {0}; internal details in the public text among them: {1}.', verdict.blockers.length, leaks),
      vscode.l10n.t('Fix them (see the Problems panel), or export a draft marked "{0}" (not indexed by search engines; posts and feed entries start with the draft marker).', draftBanner(model.locale)),
      [asDraft],
    );
    if (answer !== asDraft) return undefined;
  }
  const draft = !verdict.publishable;
  const options = {
    locale: linter.locale,
    schema: linter.schema.info,
    now: Date.now(),
    // The status page links the feed exported next to the report (`report.atom.xml`).
    feedHref: `${encodeURIComponent(reportBaseName(uri.path))}.${OutputIds.atom}.xml`,
    ...(draft ? { draft: true } : {}),
  };
  const contents = formats.map((format) => ({ format, text: output.render([model], format, options) }));

  const [firstFormat] = formats as [string, ...string[]];
  let first: vscode.Uri | undefined = args.target ? toUri(args.target) : undefined;
  // Unsaved new reports and read-only places have no folder to write into: ask where.
  if (!first) {
    const suggested = defaultTarget(uri, output.id, firstFormat);
    first = args.pick || document.isUntitled || uri.scheme === 'untitled' ? await pickTarget(suggested, output, formats) : suggested;
  }
  let targets: vscode.Uri[] = [];
  for (;;) {
    if (!first) return undefined;
    const base = first;
    targets = formats.map((format, i) => (i === 0 ? base : siblingTarget(base, format)));
    const existing = [];
    for (const target of targets) if (await exists(target)) existing.push(fileName(target));
    if (existing.length === 0 || args.overwrite === true) break;
    if (args.overwrite === false) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Incident Report: {0} already exists; nothing was exported.', existing.join(', ')));
      return undefined;
    }
    const overwrite = vscode.l10n.t('Overwrite');
    const elsewhere = vscode.l10n.t('Save Elsewhere…');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the new export?', existing.join(', ')),
      { modal: true },
      overwrite,
      elsewhere,
    );
    if (answer === overwrite) break;
    if (answer !== elsewhere) return undefined;
    first = await pickTarget(first, output, formats);
  }

  const encoder = new TextEncoder();
  const files: Record<string, string> = {};
  for (const [i, { format, text }] of contents.entries()) {
    const target = targets[i]!;
    await vscode.workspace.fs.writeFile(target, encoder.encode(text));
    files[format] = target.toString();
  }

  if (noBox !== null) void vscode.window.showInformationMessage(vscode.l10n.t('Incident Report: {0}', noBox));
  if (args.open !== false) void offerToOpen(output, targets, draft);
  return { output: output.id, files, ...(files.html ? { html: files.html } : {}), ...(files.text ? { text: files.text } : {}), draft, ...(noBox !== null ? { noWhatsNew: noBox } : {}) };
}

async function offerToOpen(output: PublicOutput, targets: readonly vscode.Uri[], draft: boolean): Promise<void> {
  const openPage = vscode.l10n.t('Open in Browser');
  const page = targets.find((t) => /\.html?$/i.test(t.path));
  const buttons = targets.filter((t) => t !== page).map((t) => ({ title: vscode.l10n.t('Open {0}', fileName(t)), target: t }));
  const names = targets.map(fileName).join(', ');
  const choice = await vscode.window.showInformationMessage(
    draft ? vscode.l10n.t('{0} exported as a draft (not for publication): {1}.', output.label[uiLanguage()], names) : vscode.l10n.t('{0} exported: {1}.', output.label[uiLanguage()], names),
    ...(page ? [{ title: openPage, target: page }] : []),
    ...buttons,
  );
  if (!choice) return;
  if (choice.target === page && choice.title === openPage) {
    // A local file opens in the system browser; elsewhere (VS Code for the Web) VS Code shows it.
    if (page.scheme === 'file') await vscode.env.openExternal(page);
    else await vscode.commands.executeCommand('vscode.open', page);
  } else {
    await vscode.window.showTextDocument(choice.target);
  }
}
