/** Where the line holding `offset` starts in `text` (lines end at `\n`; a `\r` before it stays on its line). */
export function lineStartOf(text: string, offset: number): number {
  // At 0 the line starts there, also when the text starts with a line break (`lastIndexOf` would find it).
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
