/**
 * The UTF-8 byte order mark, dropped in one place. Editors drop it too (`TextDocument.getText()`,
 * `TextDecoder`), so offsets in findings refer to the text without it; a host that reads a file
 * itself (the CLI, the language server's family files, the project configuration) strips it here.
 */

/** `input` without a leading UTF-8 byte order mark, and the length of the mark (0 or 1). */
export function withoutBom(input: string): { text: string; bomLength: number } {
  return input.charCodeAt(0) === 0xfeff ? { text: input.slice(1), bomLength: 1 } : { text: input, bomLength: 0 };
}
