import * as vscode from 'vscode';
import { InternalCommands } from './constants';

/** A question the extension asked: what the user saw and could answer. */
export interface AskedPrompt {
  kind: 'warning' | 'input';
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
      ignoreFocusOut: true,
      validateInput: (value) => question.validate(value),
    });
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
