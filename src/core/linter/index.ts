/**
 * Linting: `createLinter(options)` runs the rules over a parsed report and resolves their findings
 * (positions, severities, suppressions); the fixes that repair findings as text edits; the publish
 * verdict that decides from the findings whether an output may be published.
 *
 * May import: shared, yaml, schema, report, family, templates, release, rules.
 */
export * from './lint';
export * from './fixes';
export * from './verdict';
export * from './options';
