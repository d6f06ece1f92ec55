/**
 * The registry of outputs. Adding an output = registering it here: the CLI (`render --as <id>`),
 * the preview's switcher and the leak property test (test/unit/publish.test.ts) enumerate it.
 *
 * Public outputs receive publication models only (`buildModel()`), never the report: what they can
 * print is exactly what the model selected, and that is exactly what the `leak-*` rules scan.
 */
import type { Localized } from '../types';
import type { ParsedReport } from '../parse';
import type { PressReleaseModel, RenderOptions } from './model';
import { renderPage } from './html';
import { renderText } from './text';

/** Who may see an output. */
export type OutputAudience = 'public' | 'confidential';

/** What an output's `render` may be told besides the models (RenderOptions for building them, plus extras). */
export interface OutputOptions extends RenderOptions {
  /** Canonical address of the published release (feeds, social posts). */
  link?: string;
  /** Longest text an output may produce (social posts). */
  maxChars?: number;
}

interface OutputBase {
  /** Stable id, used by `render --as <id>`. */
  id: string;
  label: Localized;
  /** Formats this output can produce; the first is the default. */
  formats: readonly string[];
  /** True when the output accepts several reports at once (a feed, a status page). */
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

/** Id of the default output. */
export const PRESS_RELEASE_OUTPUT_ID = 'press-release';

/** The press release: a self-contained HTML page or plain text for e-mail. */
const pressRelease: PublicOutput = {
  id: PRESS_RELEASE_OUTPUT_ID,
  audience: 'public',
  label: { en: 'Press release', de: 'Pressemitteilung' },
  formats: ['html', 'text'],
  multi: false,
  render(models, format) {
    const model = models[0];
    if (!model) throw new Error('press-release renders exactly one report');
    return format === 'text' ? renderText(model) : renderPage(model);
  },
};

/** Every output; `render --as <id>` picks from here. */
export const OUTPUTS: readonly OutputDefinition[] = [pressRelease];

/** The outputs anyone may publish: the leak property test renders each of them in every format. */
export const PUBLIC_OUTPUTS: readonly PublicOutput[] = OUTPUTS.filter((o): o is PublicOutput => o.audience === 'public');

/** The output with `id`, or `undefined`. */
export function findOutput(id: string): OutputDefinition | undefined {
  return OUTPUTS.find((output) => output.id === id);
}
