/**
 * The one reader of a report's frontmatter: its fences (`frontmatter.ts`), one parse by the `yaml`
 * package for its data and the position of every node (`document.ts`, `positions.ts`), what the
 * editor needs at a cursor (`cursor.ts`), writing a value back (`scalar.ts`), and the comments
 * suppression directives stand in (`comments.ts`). The `yaml` package is the only source of YAML
 * semantics: nothing here reads YAML text by itself.
 *
 * May import: shared.
 */
export { locateFrontmatter, type Frontmatter } from './frontmatter';
export { readYaml, type DataError, type DataLimits, type FrontmatterYaml } from './document';
export { locate, withoutLineBreaks } from './positions';
export { cursorPlace, cursorTarget, enterIndentation, indentationStep, rootString } from './cursor';
export { yamlScalar } from './scalar';
export { entryAround, frontmatterComments } from './comments';
