/**
 * The report schema: the bundled schema's generated validator or an organisation's own compiled with
 * Ajv, its errors as findings, and what it says about each field (types, enums, descriptions) for
 * completion, hover and fixes.
 *
 * May import: shared, yaml.
 */
export * from './validator';
export * from './meta';
export * from './findings';
export * from './formats';
export * from './ajvMessages';
