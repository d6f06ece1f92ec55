/**
 * The report as a document: `parseReport` (frontmatter located and read, the public section found),
 * whether a file is a report, reading fields of its data, and its inline suppression directives.
 * Nothing here judges the report; that is the rules' work.
 *
 * May import: shared, yaml.
 */
export * from './parse';
export * from './publicSection';
export * from './isReport';
export * from './fields';
export * from './directives';
