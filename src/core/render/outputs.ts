/**
 * The output registry: every artifact the project renders from a report. The CLI's
 * `render --as <id>`, the editor's preview switcher and its export list their choices from here, so
 * adding an output means registering it.
 *
 * Public outputs see only publication models ({@link buildModel}), never the report: whatever the
 * model does not carry cannot be published, and the leak property test enumerates
 * {@link PUBLIC_OUTPUTS}.
 */
import type { Localized } from '../shared/types';
import type { ParsedReport } from '../report/parse';
import type { PressReleaseModel } from './model';
import { renderArticle, renderPage } from './html';
import { renderText } from './text';
import { DRAFT_FORMATS, writeDraft, type DraftDocument } from './drafts/document';
import type { DraftOptions } from './drafts/context';
import { gdprArt33Draft, gdprArt33NoticeDraft, gdprArt34Draft } from './drafts/gdpr';
import { nis2EarlyWarningDraft, nis2FinalReportDraft, nis2NotificationDraft, nis2ProgressReportDraft } from './drafts/nis2';
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
  /** The draft as data, for a view that lays it out itself (the editor's preview). */
  draft(report: ParsedReport, options: OutputOptions): DraftDocument;
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
  // `link` (the status page's address) goes into the pointer of an Art. 34 public communication.
  render: (models, format, options) => {
    const model = only(models);
    const link = options.link !== undefined ? { link: options.link } : {};
    return format === 'text' ? renderText(model, { ...link, draft: options.draft }) : renderPage(model, renderArticle(model, link), options.draft);
  },
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

function draft(id: string, label: Localized, build: (report: ParsedReport, options: DraftOptions) => DraftDocument): ConfidentialOutput {
  return {
    id,
    audience: 'confidential',
    label,
    formats: DRAFT_FORMATS,
    multi: false,
    draft: (report, options) => build(report, options),
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
  draft('gdpr-art33-controller', { en: 'GDPR Art. 33(2) notice of the processor to a controller (confidential draft)', de: 'Information an einen Verantwortlichen nach Art. 33 Abs. 2 DSGVO (vertraulicher Entwurf)' }, gdprArt33NoticeDraft),
  draft('gdpr-art34', { en: 'GDPR Art. 34 notice to the people affected (confidential draft)', de: 'Benachrichtigung der Betroffenen nach Art. 34 DSGVO (vertraulicher Entwurf)' }, gdprArt34Draft),
  draft('nis2-early-warning', { en: 'NIS2 early warning to the BSI (confidential draft)', de: 'NIS2-Erstmeldung an das BSI (vertraulicher Entwurf)' }, nis2EarlyWarningDraft),
  draft('nis2-notification', { en: 'NIS2 incident notification to the BSI (confidential draft)', de: 'NIS2-Meldung an das BSI (vertraulicher Entwurf)' }, nis2NotificationDraft),
  draft('nis2-progress-report', { en: 'NIS2 progress report to the BSI (confidential draft)', de: 'NIS2-Fortschrittsmeldung an das BSI (vertraulicher Entwurf)' }, nis2ProgressReportDraft),
  draft('nis2-final-report', { en: 'NIS2 final report to the BSI (confidential draft)', de: 'NIS2-Abschlussmeldung an das BSI (vertraulicher Entwurf)' }, nis2FinalReportDraft),
];

/** Every output; `render --as <id>` picks from here. */
export const OUTPUTS: readonly OutputDefinition[] = [pressRelease, statusPage, atom, social, ...CONFIDENTIAL_OUTPUTS];

/** The outputs anyone may see; the leak property test enumerates these. */
export const PUBLIC_OUTPUTS: readonly PublicOutput[] = OUTPUTS.filter((o): o is PublicOutput => o.audience === 'public');

/** The output with `id`, or `undefined`. */
export function findOutput(id: string): OutputDefinition | undefined {
  return OUTPUTS.find((o) => o.id === id);
}
