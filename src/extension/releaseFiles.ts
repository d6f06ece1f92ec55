import * as vscode from 'vscode';
import { decodeUtf8, NotUtf8Error, releaseFilePath, type ReleaseText } from '../core';

/**
 * The text of release `version` of the report at `report` (beside it, `.releases/<report>/<n>.json`):
 * `null` when there is no such file, else why it cannot be read (also when it is not UTF-8, in the
 * CLI's words), so that a damaged release is named and not skipped.
 */
export async function readReleaseFile(report: vscode.Uri, version: number): Promise<ReleaseText> {
  try {
    return decodeUtf8(await vscode.workspace.fs.readFile(report.with({ path: releaseFilePath(report.path, version) })));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
    return { error: error instanceof NotUtf8Error ? error.message : vscode.l10n.t('the file cannot be read') };
  }
}

/** The release file of `version` as the user finds it: relative to the workspace. */
export function releaseLabel(report: vscode.Uri, version: number): string {
  return vscode.workspace.asRelativePath(report.with({ path: releaseFilePath(report.path, version) }), false);
}
