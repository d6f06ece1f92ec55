/** Every command, setting and view ID of the extension, in one place (mirrored in package.json). */
import { SETTINGS_SECTION, SettingKeys, VALIDATE_DEBOUNCE_MS } from '../core';

export const EXTENSION_ID = 'incident-report.incident-report';
export const DIAGNOSTIC_SOURCE = 'incident-report';
/** The code of the one error a workspace lint gives an unopened report that is not UTF-8 (the CLI refuses it the same way). */
export const NOT_UTF8_CODE = 'not-utf8';
export const LANGUAGE_ID = 'markdown';

export const Commands = {
  newReport: 'incidentReport.newReport',
  addUpdate: 'incidentReport.addUpdate',
  lintWorkspace: 'incidentReport.lintWorkspace',
  showPreview: 'incidentReport.showPreview',
  showPreviewToSide: 'incidentReport.showPreviewToSide',
  exportPressRelease: 'incidentReport.exportPressRelease',
  fixAll: 'incidentReport.fixAll',
  newMemberReport: 'incidentReport.newMemberReport',
  openDraft: 'incidentReport.openDraft',
  exportDraft: 'incidentReport.exportDraft',
  approveRelease: 'incidentReport.approveRelease',
} as const;

/** Internal commands: registered, but not contributed (not in the palette). */
export const InternalCommands = {
  /** The deadline clock's click: jump to the field that records the stage. */
  revealDeadline: 'incidentReport._revealDeadline',
  /** Fixes the extension's "now" (integration tests). */
  setClock: 'incidentReport._setClock',
  /** The quick fix "Suppress on this line with a reason…": asks for the reason, inserts the directive. */
  suppressWithReason: 'incidentReport._suppressWithReason',
  /** Queues answers to the next modal questions (integration tests; see prompts.ts). */
  answerPrompts: 'incidentReport._answerPrompts',
  /** The last modal question asked and its answer (integration tests). */
  lastPrompt: 'incidentReport._lastPrompt',
  /** The time-zone warning's "Use …" button: writes a zone into `incidentReport.timeZone` where it is set. */
  useTimeZone: 'incidentReport._useTimeZone',
} as const;

/** Setting keys below the `incidentReport` section (the core's, shared with the language server). */
export const Settings = { section: SETTINGS_SECTION, ...SettingKeys } as const;

/** Context keys for `when` clauses. */
export const ContextKeys = {
  isReport: 'incidentReport.isReport',
} as const;

/** Debounce between a keystroke and re-validation (the core's, shared with the language server). */
export { VALIDATE_DEBOUNCE_MS };
