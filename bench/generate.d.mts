// Types of bench/generate.mjs for the unit tests that reuse its inputs.
/** A valid report of about `targetBytes` (default 1 MB): the typical example with thousands of services and updates. */
export function largeReport(targetBytes?: number): string;
/** The texts of `count` generated reports (deterministic): valid ones, and ones that break the schema or a domain rule. */
export function corpusReports(count?: number): Array<{ name: string; text: string; kind: 'valid' | 'schema' | 'domain' | 'example' }>;
