import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';

/**
 * Shows `message` as a warning with `window/showMessage`, a notification. Not
 * `connection.window.showWarningMessage`: that sends `window/showMessageRequest`, which asks the
 * user to choose an action, and Neovim's handler waits for a choice in a prompt even when there is
 * none to make.
 */
export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
