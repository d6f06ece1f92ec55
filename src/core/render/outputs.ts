/**
 * The registry of outputs. Adding an output = registering it here: the CLI (`render --as <id>`),
 * the preview's switcher and the leak property test (test/unit/publish.test.ts) enumerate it.
 *
 * Public outputs receive publication models only (`buildModel()`), never the report: what they can
 * print is exactly what the model selected, and that is exactly what the `leak-*` rules scan.
 */
import type { Locale, Localized } from '../types';
import type { ParsedReport } from '../parse';
import type { PressReleaseModel, RenderOptions } from './model';
import { renderPage } from './html';
import { renderText } from './text';
import { DRAFT_FORMATS, writeDraft, type DraftDocument } from './drafts/document';
import type { DraftOptions } from './drafts/context';
import { gdprArt33Draft, gdprArt34Draft } from './drafts/gdpr';
import { nis2EarlyWarningDraft, nis2FinalReportDraft, nis2NotificationDraft } from './drafts/nis2';

/** Who may see an output. */
export type OutputAudience = 'public' | 'confidential';

/** What an output's `render` may be told besides the models (RenderOptions for building them, plus extras). */
export interface OutputOptions extends RenderOptions {
  /** Canonical address of the published release (feeds, social posts). */
  link?: string;
  /** Longest text an output may produce (social posts). */
  maxChars?: number;
  /** Language that overrides the report's own (confidential drafts; `--locale` given explicitly). */
  forceLocale?: Locale;
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

function draft(id: string, label: Localized, build: (report: ParsedReport, options: DraftOptions) => DraftDocument): ConfidentialOutput {
  return {
    id,
    audience: 'confidential',
    label,
    formats: DRAFT_FORMATS,
    multi: false,
    render(reports, format, options) {
      const report = reports[0];
      if (!report) throw new Error(`${id} renders exactly one report`);
      return writeDraft(build(report, options), format);
    },
  };
}

/**
 * Confidential drafts for authorities (GDPR Art. 33/34, NIS2 / § 32 BSIG): they read the whole
 * report (internal references, IoCs), are marked confidential, show missing facts as gaps and are
 * never offered as public exports; the leak rules do not apply to them.
 */
export const CONFIDENTIAL_OUTPUTS: readonly ConfidentialOutput[] = [
  draft('gdpr-art33', { en: 'GDPR Art. 33 notification to the supervisory authority (confidential draft)', de: 'Meldung an die Datenschutzaufsicht nach Art. 33 DSGVO (vertraulicher Entwurf)' }, gdprArt33Draft),
  draft('gdpr-art34', { en: 'GDPR Art. 34 notice to the people affected (confidential draft)', de: 'Benachrichtigung der Betroffenen nach Art. 34 DSGVO (vertraulicher Entwurf)' }, gdprArt34Draft),
  draft('nis2-early-warning', { en: 'NIS2 early warning to the BSI (confidential draft)', de: 'NIS2-Erstmeldung an das BSI (vertraulicher Entwurf)' }, nis2EarlyWarningDraft),
  draft('nis2-notification', { en: 'NIS2 incident notification to the BSI (confidential draft)', de: 'NIS2-Meldung an das BSI (vertraulicher Entwurf)' }, nis2NotificationDraft),
  draft('nis2-final-report', { en: 'NIS2 final report to the BSI (confidential draft)', de: 'NIS2-Abschlussmeldung an das BSI (vertraulicher Entwurf)' }, nis2FinalReportDraft),
];

/** Every output; `render --as <id>` picks from here. */
export const OUTPUTS: readonly OutputDefinition[] = [pressRelease, ...CONFIDENTIAL_OUTPUTS];

/** The outputs anyone may publish: the leak property test renders each of them in every format. */
export const PUBLIC_OUTPUTS: readonly PublicOutput[] = OUTPUTS.filter((o): o is PublicOutput => o.audience === 'public');

/** The output with `id`, or `undefined`. */
export function findOutput(id: string): OutputDefinition | undefined {
  return OUTPUTS.find((output) => output.id === id);
}
