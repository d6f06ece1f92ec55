/**
 * The authorities' clocks: the GDPR Art. 33/34 and NIS2 deadlines computed from a report's facts
 * (periods by § 187 ff. BGB with public holidays), and whether Art. 34 requires telling the people
 * affected. Read by the rules (late or missing notifications), the drafts and the editor's clock.
 *
 * May import: shared, report.
 */
export * from './deadlines';
export * from './art34';
export * from './periods';
