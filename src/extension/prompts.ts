import * as vscode from 'vscode';
import { InternalCommands } from './constants';

/** A question the extension asked: what the user saw and could answer. */
export interface AskedPrompt {
  kind: 'warning' | 'input' | 'pick' | 'error';
  message: string;
  detail?: string;
  /** The buttons offered (a modal warning), besides Cancel. */
  buttons: string[];
  /** The answer given (`undefined`: cancelled). */
  answer: string | undefined;
  /** What the input box's validation said to an answer it refused. */
  refused?: string;
}

/** An input box's question and its check of the answer. */
export interface InputQuestion {
  title: string;
  prompt: string;
  placeHolder: string;
  /** The text the box starts with (a remembered answer). */
  value?: string;
  /** `undefined` when the value may be given, else why not (shown under the box). */
  validate(value: string): string | undefined;
}

/**
 * The extension's modal questions: a modal warning and an input box. Neither can be answered from an
 * integration test in real VS Code (the extension API cannot press a dialog's button or type into
 * the quick input), so automation may queue the answer a user would give (the internal command
 * `incidentReport._answerPrompts`: a button's label or the text typed, `null` for Cancel) and read
 * what was asked (`incidentReport._lastPrompt`). A queued text goes through the box's own
 * validation. Without a queued answer the real dialog is shown.
 */
export class Prompts {
  private readonly queued: Array<string | null> = [];
  private last: AskedPrompt | undefined;

  /** A modal warning with `buttons`; resolves to the button chosen, `undefined` for Cancel. */
  async warning(message: string, detail: string, buttons: readonly string[]): Promise<string | undefined> {
    const asked: AskedPrompt = { kind: 'warning', message, detail, buttons: [...buttons], answer: undefined };
    this.last = asked;
    const answer = this.queued.length > 0 ? (buttons.find((b) => b === this.queued.shift()) ?? undefined) : await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
    asked.answer = answer;
    return answer;
  }

  /** An error message (not modal, nothing to answer), recorded as the last prompt so that automation can read its words. */
  error(message: string): void {
    this.last = { kind: 'error', message, buttons: [], answer: undefined };
    void vscode.window.showErrorMessage(message);
  }

  /** An input box; resolves to the accepted text, `undefined` when cancelled. */
  async input(question: InputQuestion): Promise<string | undefined> {
    const asked: AskedPrompt = { kind: 'input', message: question.title, detail: question.prompt, buttons: [], answer: undefined };
    this.last = asked;
    if (this.queued.length > 0) {
      const typed = this.queued.shift();
      const refused = typeof typed === 'string' ? question.validate(typed) : undefined;
      if (refused !== undefined) asked.refused = refused;
      else asked.answer = typed ?? undefined;
      return asked.answer;
    }
    asked.answer = await vscode.window.showInputBox({
      title: question.title,
      prompt: question.prompt,
      placeHolder: question.placeHolder,
      ...(question.value ? { value: question.value } : {}),
      ignoreFocusOut: true,
      validateInput: (value) => question.validate(value),
    });
    return asked.answer;
  }

  /** A quick pick of `items`; resolves to the label picked (`preselect` first), `undefined` when cancelled. */
  async pick(title: string, items: ReadonlyArray<{ label: string; description: string }>, preselect?: string): Promise<string | undefined> {
    const asked: AskedPrompt = { kind: 'pick', message: title, buttons: items.map((item) => item.label), answer: undefined };
    this.last = asked;
    if (this.queued.length > 0) {
      const typed = this.queued.shift();
      asked.answer = items.find((item) => item.label === typed)?.label;
      return asked.answer;
    }
    const ordered = preselect ? [...items].sort((a, b) => Number(b.label === preselect) - Number(a.label === preselect)) : [...items];
    asked.answer = (await vscode.window.showQuickPick(ordered, { title, ignoreFocusOut: true }))?.label;
    return asked.answer;
  }

  /** Registers the internal commands that answer and inspect the questions. */
  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.commands.registerCommand(InternalCommands.answerPrompts, (...answers: Array<string | null>) => {
        this.queued.push(...answers);
      }),
      vscode.commands.registerCommand(InternalCommands.lastPrompt, () => this.last),
    );
  }
}
