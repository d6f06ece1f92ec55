/**
 * What every part of the engine uses and that knows nothing of reports: the plain data types that
 * cross the door (findings, fix data, locales), the de/en message tables (`t()`), time zones and
 * instants, date and time formatting in the report's language, the byte order mark, memoising,
 * "did you mean" and where a line starts.
 *
 * May import: nothing (the bottom of the engine).
 */
export * from './types';
export * from './i18n';
export * from './memo';
export * from './similar';
export * from './time';
export * from './dates';
export * from './timeZoneNames';
export * from './bom';
export * from './utf8';
export * from './ioReasons';
export * from './lines';
