/**
 * The one reader of a report's frontmatter. Everything about reading it lives here:
 * - where it is: the fences, found once per text (`frontmatter.ts`; `parseReport` strips the byte order mark before);
 * - what it says and where: one parse by the `yaml` package gives the document with the position
 *   of every node, its errors and its data (`document.ts`, `positions.ts`);
 * - what the editor needs at a cursor: the key or value under it, the mapping a new key joins, the
 *   indentation Enter continues with, a value without its quotes (`cursor.ts`);
 * - writing a value back as a YAML scalar (`scalar.ts`);
 * - the comments and the entries they stand before, from the `yaml` package's concrete syntax tree,
 *   for suppression directives (`comments.ts`: read only when a frontmatter names a directive).
 *
 * The `yaml` package is the only source of YAML semantics: nothing here reads YAML text by itself.
 *
 * May import: shared.
 */
export { locateFrontmatter, type Frontmatter } from './frontmatter';
export { readYaml, type DataError, type DataLimits, type FrontmatterYaml } from './document';
export { locate, withoutLineBreaks } from './positions';
export { cursorPlace, cursorTarget, enterIndentation, indentationStep, rootString, type EnterIndentation } from './cursor';
export { yamlScalar } from './scalar';
export { entryAround, frontmatterComments } from './comments';
