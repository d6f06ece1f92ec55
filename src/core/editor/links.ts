/** The links of a report's frontmatter that an editor opens with Ctrl+click, decided once for every editor. */
import type { OffsetRange } from './completionContext';
import { parentReference, resolveParentPath } from '../family';
import type { ParsedReport } from '../report/parse';
import { t } from '../shared/i18n';
import type { Locale } from '../shared/types';

/** A link: where it is written, the path it opens and what its tooltip says. */
export interface ReportLink {
  /** The path as written, without quotes (the whole scalar where its characters have no exact place). */
  range: OffsetRange;
  /** The linked file, resolved as the family rules resolve it (forward slashes; see {@link resolveParentPath}). */
  path: string;
  tooltip: string;
}

/**
 * The links of a report at `documentPath` (a file path or a URI's path, with forward or back
 * slashes): the `parent` report, the file the family rules read. None while the frontmatter cannot
 * be read: its data, not a guess at the text, says what the parent is.
 */
export function reportLinks(report: ParsedReport, documentPath: string, locale: Locale): ReportLink[] {
  const ref = parentReference(report);
  const scalar = report.yaml?.scalar('/parent');
  if (ref === null || !report.yaml || !scalar) return [];
  const written = report.yaml.valueSpan('/parent', 0, ref.length) ?? scalar;
  return [
    {
      range: { offset: report.yaml.offset + written.offset, endOffset: report.yaml.offset + written.endOffset },
      path: resolveParentPath(documentPath, ref),
      tooltip: t(locale, { en: 'Open the parent report', de: 'Übergeordneten Bericht öffnen' }),
    },
  ];
}
