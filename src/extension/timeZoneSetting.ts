import * as vscode from 'vscode';
import { InternalCommands, Settings } from './constants';
import type { EngineService, SettingProblem } from './engine';

/** What the extension told the author about settings it cannot use: read-only state for integration tests. */
export interface SettingWarningsState {
  /** Every warning shown so far, oldest first. */
  readonly shown: readonly string[];
}

/**
 * Tells the author once per value when `incidentReport.timeZone` names no zone the runtime knows:
 * a warning that names the setting, the closest zone and the zone used meanwhile, with a button
 * that writes the closest zone where the setting is set, and one that opens the setting. A setting
 * has no line to put a diagnostic on, and a wrong zone shifts every time the editor writes.
 */
export function registerTimeZoneSetting(context: vscode.ExtensionContext, engine: EngineService): SettingWarningsState {
  const shown: string[] = [];
  const told = new Set<string>();
  const check = () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const scopes = folders.length > 0 ? folders.map((folder) => folder.uri) : [undefined];
    const current = scopes.flatMap((scope) => engine.settings(scope).problems.map((problem) => ({ scope, problem, key: `${problem.key}\u0000${problem.value}` })));
    // A value fixed and later set wrong again is told again.
    for (const key of told) if (!current.some((entry) => entry.key === key)) told.delete(key);
    for (const { scope, problem, key } of current) {
      if (told.has(key)) continue;
      told.add(key);
      const message = warning(problem);
      shown.push(message);
      void offer(message, problem, scope);
    }
  };
  context.subscriptions.push(
    engine.onDidChange(check),
    vscode.commands.registerCommand(InternalCommands.useTimeZone, (zone: string, scope?: string) =>
      useTimeZone(zone, scope === undefined ? undefined : vscode.Uri.parse(scope)),
    ),
  );
  // The extension may start with the setting wrong already: look once now that everything is registered.
  void engine.projectConfigReady.then(check);
  return {
    get shown() {
      return [...shown];
    },
  };
}

function warning(problem: SettingProblem): string {
  const setting = `${Settings.section}.${problem.key}`;
  if (problem.wrongCase && problem.suggestion) {
    return vscode.l10n.t('Incident Report: the setting {0} is "{1}", which the IANA time zone database writes as {2}; {2} is used.', setting, problem.value, problem.suggestion);
  }
  if (problem.suggestion) {
    return vscode.l10n.t(
      'Incident Report: the setting {0} is "{1}", which is no IANA time zone this runtime knows. Did you mean {2}? Until it is changed, {3} is used.',
      setting,
      problem.value,
      problem.suggestion,
      problem.fallback,
    );
  }
  return vscode.l10n.t(
    'Incident Report: the setting {0} is "{1}", which is no IANA time zone this runtime knows (such as Europe/Berlin or UTC). Until it is changed, {2} is used.',
    setting,
    problem.value,
    problem.fallback,
  );
}

async function offer(message: string, problem: SettingProblem, scope: vscode.Uri | undefined): Promise<void> {
  const use = problem.suggestion ? vscode.l10n.t('Use {0}', problem.suggestion) : undefined;
  const open = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showWarningMessage(message, ...(use ? [use] : []), open);
  if (choice === use && problem.suggestion) await useTimeZone(problem.suggestion, scope);
  else if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', `${Settings.section}.${problem.key}`);
}

/** Writes `zone` into `incidentReport.timeZone` at the most specific level it is set at (folder, workspace, user). */
async function useTimeZone(zone: string, scope: vscode.Uri | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  const inspected = config.inspect<string>(Settings.timeZone);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(Settings.timeZone, zone, target);
}
