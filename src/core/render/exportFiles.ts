/**
 * What the editor's export offers and how it names the files: pure, so the naming and the audience
 * filter are tested without VS Code.
 */
import type { OutputDefinition, PublicOutput } from './outputs';

/** File extension (without the dot) of each output format. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, string>> = { html: 'html', text: 'txt', xml: 'xml', json: 'json' };

/** The extension a format is written with; an unknown format keeps its own name. */
export function formatExtension(format: string): string {
  return FORMAT_EXTENSIONS[format] ?? format;
}

/**
 * The outputs a public export may offer: only `audience: 'public'` ones. Confidential drafts for
 * authorities read the whole report and are never written by the public export.
 */
export function exportableOutputs(outputs: readonly OutputDefinition[]): PublicOutput[] {
  return outputs.filter((o): o is PublicOutput => o.audience === 'public');
}

/** `incidents/report.md` → `report` (the name the exported files start with). */
export function reportBaseName(reportPath: string): string {
  const name = reportPath.slice(reportPath.lastIndexOf('/') + 1);
  return name.replace(/\.(?:md|markdown)$/i, '');
}

/** The default file name of one output format: `report.status-page.html`, `report.atom.xml`. */
export function exportFileName(reportPath: string, outputId: string, format: string): string {
  return `${reportBaseName(reportPath)}.${outputId}.${formatExtension(format)}`;
}

/**
 * The path of each further format next to the first one: same name, the format's extension
 * (`exports/page.html` → `exports/page.txt`). A path without a known extension gets one appended.
 */
export function siblingPath(firstPath: string, format: string): string {
  const known = Object.values(FORMAT_EXTENSIONS).join('|');
  const stem = firstPath.replace(new RegExp(`\\.(?:${known}|htm)$`, 'i'), '');
  return `${stem}.${formatExtension(format)}`;
}
