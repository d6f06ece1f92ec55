import * as vscode from 'vscode';
import { releaseFilePath } from '../core';

/** The text of release `version` of the report at `report` (beside it, `.releases/<report>/<n>.json`), or `null` when it cannot be read. */
export async function readReleaseFile(report: vscode.Uri, version: number): Promise<string | null> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(report.with({ path: releaseFilePath(report.path, version) })));
  } catch {
    return null;
  }
}
