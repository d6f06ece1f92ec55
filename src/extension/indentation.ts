import * as vscode from 'vscode';
import { enterIndentation } from '../core';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';

/**
 * Markdown's grammar marks frontmatter as embedded YAML, so once the line is tokenized VS Code
 * applies YAML's language configuration there (whose indentation rules keep the 2 columns), before
 * that Markdown's: the rule goes to both.
 */
const FRONTMATTER_LANGUAGES = [LANGUAGE_ID, 'yaml'];

/** Characters a regular expression reads as syntax. */
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Enter in the frontmatter of an incident report continues the YAML structure: Markdown's own
 * language configuration keeps the indentation of the line, which after `  - name: Standesamt`
 * puts the next key two columns left of `name`, outside the list item, and breaks the YAML.
 *
 * What Enter does on the cursor's line comes from the engine's parse of the document's current
 * version (`enterIndentation`: aligned with a list item's first key, one step in below a key
 * without value). VS Code applies it through an onEnter rule for exactly that line's text, set
 * while the cursor is there and removed when it leaves: a language configuration holds for every
 * Markdown file, and ordinary Markdown lists (`- Note: …`) keep VS Code's behaviour.
 */
export function registerFrontmatterIndentation(context: vscode.ExtensionContext, engine: EngineService): void {
  let rules: vscode.Disposable | undefined;
  let current = '';

  const ruleFor = (editor: vscode.TextEditor): vscode.OnEnterRule | undefined => {
    const { document, selection } = editor;
    const position = selection.active;
    const line = document.lineAt(position.line);
    if (!selection.isEmpty || position.line === 0 || line.text.slice(position.character).trim() !== '' || document.languageId !== LANGUAGE_ID) return undefined;
    if (!engine.isReport(document)) return undefined;
    const report = engine.parsed(document);
    const enter = report?.yaml && enterIndentation(report.yaml, document.offsetAt(position));
    if (!enter) return undefined;
    const indentation = line.firstNonWhitespaceCharacterIndex;
    // The line's own text decides: up to the colon, or all of it before the cursor.
    const decided = enter.decidedBy === 'colon' ? line.text.slice(0, document.positionAt(enter.colonEnd).character) : line.text.slice(0, position.character).trimEnd();
    const exact = decided.replace(SPECIAL, '\\$&');
    return {
      beforeText: new RegExp(`^${exact}${enter.decidedBy === 'colon' ? '' : '[ \\t]*$'}`),
      afterText: /^\s*$/,
      action: { indentAction: vscode.IndentAction.None, appendText: ' '.repeat(Math.max(0, enter.column - indentation)) },
    };
  };

  const update = (editor: vscode.TextEditor | undefined) => {
    const rule = editor && ruleFor(editor);
    const key = rule ? `${rule.beforeText.source}\n${rule.action.appendText}` : '';
    if (key === current) return;
    current = key;
    rules?.dispose();
    rules = rule ? vscode.Disposable.from(...FRONTMATTER_LANGUAGES.map((language) => vscode.languages.setLanguageConfiguration(language, { onEnterRules: [rule] }))) : undefined;
  };

  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === vscode.window.activeTextEditor) update(event.textEditor);
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    { dispose: () => rules?.dispose() },
  );
  update(vscode.window.activeTextEditor);
}
