/**
 * The output registry: every artifact the project renders from a report. The CLI's
 * `render --as <id>`, the editor's preview switcher and its export list their choices from here, so
 * adding an output means registering it.
 *
 * Public outputs see only publication models ({@link buildModel}), never the report: whatever the
 * model does not carry cannot be published, and the leak property test enumerates
 * {@link PUBLIC_OUTPUTS}.
 */
import type { Localized } from '../types';
import type { ParsedReport } from '../parse';
import type { PressReleaseModel } from './model';
import { renderPage } from './html';
import { renderText } from './text';
import { renderStatusPageHtml, renderStatusPageText } from './statusPage';
import { renderAtom } from './atom';
import { renderSocial, renderSocialJson } from './social';
import type { OutputOptions } from './outputOptions';

export type { OutputOptions } from './outputOptions';
export { DEFAULT_MAX_CHARS } from './outputOptions';

/** Who may see an output. */
export type OutputAudience = 'public' | 'confidential';

interface OutputBase {
  id: string;
  label: Localized;
  /** Formats the output can be rendered in; the first is the default. */
  formats: readonly string[];
  /** True when it accepts several reports at once (a folder of reports). */
  multi: boolean;
}

/** Public outputs see only publication models (buildModel), never the report. */
export interface PublicOutput extends OutputBase {
  audience: 'public';
  render(models: readonly PressReleaseModel[], format: string, options: OutputOptions): string;
}

/** Confidential drafts for authorities: may read the whole report, never offered as public exports. */
export interface ConfidentialOutput extends OutputBase {
  audience: 'confidential';
  render(reports: readonly ParsedReport[], format: string, options: OutputOptions): string;
}

export type OutputDefinition = PublicOutput | ConfidentialOutput;

/** IDs of the built-in outputs. */
export const OutputIds = {
  pressRelease: 'press-release',
  statusPage: 'status-page',
  atom: 'atom',
  social: 'social',
} as const;

/** Id of the default output. */
export const PRESS_RELEASE_OUTPUT_ID = OutputIds.pressRelease;

/** The one model a single-report output renders (the registry checks `multi` before calling). */
function only(models: readonly PressReleaseModel[]): PressReleaseModel {
  const [model] = models;
  if (!model || models.length !== 1) throw new RangeError(`this output renders exactly one report, not ${models.length}`);
  return model;
}

const pressRelease: PublicOutput = {
  id: OutputIds.pressRelease,
  label: { de: 'Pressemitteilung', en: 'Press release' },
  audience: 'public',
  formats: ['html', 'text'],
  multi: false,
  render: (models, format) => (format === 'text' ? renderText(only(models)) : renderPage(only(models))),
};

const statusPage: PublicOutput = {
  id: OutputIds.statusPage,
  label: { de: 'Notfallseite', en: 'Status page' },
  audience: 'public',
  formats: ['html', 'text'],
  multi: true,
  render: (models, format, options) => (format === 'text' ? renderStatusPageText(models, options) : renderStatusPageHtml(models, options)),
};

const atom: PublicOutput = {
  id: OutputIds.atom,
  label: { de: 'Feed (Atom)', en: 'Feed (Atom)' },
  audience: 'public',
  formats: ['xml'],
  multi: true,
  render: (models, _format, options) => renderAtom(models, options),
};

const social: PublicOutput = {
  id: OutputIds.social,
  label: { de: 'Social-Media-Beiträge', en: 'Social posts' },
  audience: 'public',
  formats: ['text', 'json'],
  multi: true,
  render: (models, format, options) => (format === 'json' ? renderSocialJson(models, options) : renderSocial(models, options)),
};

/** Every output; `render --as <id>` picks from here. */
export const OUTPUTS: readonly OutputDefinition[] = [pressRelease, statusPage, atom, social];

/** The outputs anyone may see; the leak property test enumerates these. */
export const PUBLIC_OUTPUTS: readonly PublicOutput[] = OUTPUTS.filter((o): o is PublicOutput => o.audience === 'public');

/** The output with `id`, or `undefined`. */
export function findOutput(id: string): OutputDefinition | undefined {
  return OUTPUTS.find((o) => o.id === id);
}
