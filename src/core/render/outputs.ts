/**
 * The output registry: everything `render --as <id>` and the editor can produce from reports.
 * Public outputs see only publication models (`buildModel`), never the report, so the leak rules
 * that scan the model's texts cover them. Confidential drafts for authorities read the whole
 * report; they are never offered as public exports and the leak rules do not apply to them.
 */
import type { Locale, Localized } from '../types';
import type { ParsedReport } from '../parse';
import type { PressReleaseModel, RenderOptions } from './model';
import { renderArticle, renderPage } from './html';
import { renderText } from './text';
import { DRAFT_FORMATS, writeDraft, type DraftDocument } from './drafts/document';
import type { DraftOptions } from './drafts/context';
import { gdprArt33Draft, gdprArt34Draft } from './drafts/gdpr';
import { nis2EarlyWarningDraft, nis2FinalReportDraft, nis2NotificationDraft } from './drafts/nis2';

export type OutputAudience = 'public' | 'confidential';

/** Options of every output: the press release's plus what an output needs. */
export interface OutputOptions extends RenderOptions {
  /** Language that overrides the report's own (drafts only; `--locale` given explicitly). */
  forceLocale?: Locale;
}

interface OutputBase {
  id: string;
  label: Localized;
  /** The formats it renders; the first is the default. */
  formats: readonly string[];
  /** True when it accepts several reports. */
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

const pressRelease: PublicOutput = {
  id: 'press-release',
  audience: 'public',
  label: { en: 'Press release', de: 'Pressemitteilung' },
  formats: ['html', 'text'],
  multi: false,
  render(models, format) {
    const model = models[0]!;
    return format === 'text' ? renderText(model) : renderPage(model, renderArticle(model));
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
      return writeDraft(build(reports[0]!, options), format);
    },
  };
}

/** Confidential drafts for authorities (GDPR Art. 33/34, NIS2 / § 32 BSIG). */
export const CONFIDENTIAL_OUTPUTS: readonly ConfidentialOutput[] = [
  draft('gdpr-art33', { en: 'GDPR Art. 33 notification to the supervisory authority (confidential draft)', de: 'Meldung an die Datenschutzaufsicht nach Art. 33 DSGVO (vertraulicher Entwurf)' }, gdprArt33Draft),
  draft('gdpr-art34', { en: 'GDPR Art. 34 notice to the people affected (confidential draft)', de: 'Benachrichtigung der Betroffenen nach Art. 34 DSGVO (vertraulicher Entwurf)' }, gdprArt34Draft),
  draft('nis2-early-warning', { en: 'NIS2 early warning to the BSI (confidential draft)', de: 'NIS2-Erstmeldung an das BSI (vertraulicher Entwurf)' }, nis2EarlyWarningDraft),
  draft('nis2-notification', { en: 'NIS2 incident notification to the BSI (confidential draft)', de: 'NIS2-Meldung an das BSI (vertraulicher Entwurf)' }, nis2NotificationDraft),
  draft('nis2-final-report', { en: 'NIS2 final report to the BSI (confidential draft)', de: 'NIS2-Abschlussmeldung an das BSI (vertraulicher Entwurf)' }, nis2FinalReportDraft),
];

/** The public outputs; the leak property test enumerates these. */
export const PUBLIC_OUTPUTS: readonly PublicOutput[] = [pressRelease];

/** Every output; CLI `render --as <id>` picks from here. */
export const OUTPUTS: readonly OutputDefinition[] = [...PUBLIC_OUTPUTS, ...CONFIDENTIAL_OUTPUTS];

/** The output with this id, or `undefined`. */
export function outputById(id: string): OutputDefinition | undefined {
  return OUTPUTS.find((output) => output.id === id);
}
