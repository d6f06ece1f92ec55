import * as vscode from 'vscode';
import { LANGUAGE_ID } from './constants';
import type { EngineService } from './engine';

/**
 * Enter in YAML frontmatter: Markdown's own language configuration keeps the indentation of the
 * line, which after `  - name: Standesamt` puts the next key two columns left of `name`, outside
 * the list item, and breaks the YAML.
 */
export const FRONTMATTER_ON_ENTER_RULES: vscode.OnEnterRule[] = [
  // `  - name: Standesamt` ⏎ → `    ` : the next key of the same list item, aligned with `name`.
  { beforeText: /^\s*- [A-Za-z_][\w-]*:(?:\s.*)?$/, action: { indentAction: vscode.IndentAction.None, appendText: '  ' } },
  // `timestamps:` ⏎ → `  ` : the first key of the nested mapping (or `- ` of a nested list).
  { beforeText: /^\s*[A-Za-z_][\w-]*:\s*(?:#.*)?$/, action: { indentAction: vscode.IndentAction.None, appendText: '  ' } },
];

/**
 * Markdown's grammar marks frontmatter as embedded YAML, so once the line is tokenized VS Code
 * applies YAML's language configuration there (whose indentation rules keep the 2 columns), before
 * that Markdown's: the rules go to both.
 */
const FRONTMATTER_LANGUAGES = [LANGUAGE_ID, 'yaml'];

/**
 * Applies {@link FRONTMATTER_ON_ENTER_RULES} only while the cursor of the active editor is in the
 * frontmatter of an incident report. A language configuration holds for every Markdown file, so the
 * rules are registered when the cursor enters a report's frontmatter and removed when it leaves:
 * ordinary Markdown lists (`- Note: …`) keep VS Code's behaviour. Where the frontmatter ends comes
 * from the engine's (cached) lint result; it is looked up only when the cursor changes lines.
 */
export function registerFrontmatterIndentation(context: vscode.ExtensionContext, engine: EngineService): void {
  let rules: vscode.Disposable | undefined;
  let last: { document: vscode.TextDocument; line: number } | undefined;

  const inFrontmatter = (editor: vscode.TextEditor): boolean => {
    const { document } = editor;
    const position = editor.selection.active;
    if (position.line === 0) return false;
    const bodyOffset = engine.lintNow(document)?.report.bodyOffset ?? 0;
    return document.offsetAt(position) < bodyOffset;
  };

  const update = (editor: vscode.TextEditor | undefined) => {
    const line = editor?.selection.active.line ?? -1;
    // Typing or moving within a line changes nothing (and costs no lint); a new line or document may.
    if (editor && last && last.document === editor.document && last.line === line) return;
    last = editor ? { document: editor.document, line } : undefined;
    const wanted = Boolean(editor && editor.document.languageId === LANGUAGE_ID && inFrontmatter(editor));
    if (wanted && !rules) {
      rules = vscode.Disposable.from(
        ...FRONTMATTER_LANGUAGES.map((language) => vscode.languages.setLanguageConfiguration(language, { onEnterRules: FRONTMATTER_ON_ENTER_RULES })),
      );
    } else if (!wanted && rules) {
      rules.dispose();
      rules = undefined;
    }
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
