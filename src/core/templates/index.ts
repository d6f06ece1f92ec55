/**
 * New text to insert: a new report, an update entry, a member report of a family, the data-loss
 * blocks, the time-zone choices; shared by the commands of the extension and the CLI's `new`.
 *
 * May import: shared, report.
 */
export * from './report';
export * from './update';
export * from './member';
export * from './dataLoss';
export * from './timeZones';
