import * as vscode from 'vscode';
import { decodeUtf8, releaseFilePath, releaseVersionsIn, t, type Locale, type ReleaseText } from '../core';
import { fileReason } from './files';

/**
 * The text of release `version` of the report at `report` (beside it, `.releases/<report>/<n>.json`):
 * `null` when there is no such file, else why it cannot be read (also when it is not UTF-8, in the
 * CLI's words) in `locale`, the report's, so that a damaged release is named and not skipped.
 */
export async function readReleaseFile(report: vscode.Uri, version: number, locale: Locale): Promise<ReleaseText> {
  try {
    return decodeUtf8(await vscode.workspace.fs.readFile(report.with({ path: releaseFilePath(report.path, version) })));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
    return { error: t(locale, fileReason(error)) };
  }
}

/** The release file of `version` as the user finds it: relative to the workspace. */
export function releaseLabel(report: vscode.Uri, version: number): string {
  return vscode.workspace.asRelativePath(report.with({ path: releaseFilePath(report.path, version) }), false);
}

/**
 * The versions of the release files beside the report at `report`, as `render --whats-new` lists
 * them: "What's new" compares with the same release in the editor as in the CLI, also where a
 * file is there that no approval names (the approval entry lost in a merge). A folder that cannot
 * be listed gives none: the approvals' own files are still read, and named when they cannot be.
 */
export async function releaseFileVersions(report: vscode.Uri): Promise<number[]> {
  const folder = report.with({ path: releaseFilePath(report.path, 1).replace(/\/[^/]*$/, '') });
  try {
    return releaseVersionsIn((await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name));
  } catch {
    return [];
  }
}
