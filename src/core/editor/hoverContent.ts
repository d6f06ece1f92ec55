/** What hover shows in a report's frontmatter, decided once for every editor. */
import { deadlineHover } from '../compliance/deadlines';
import { escapeMarkdown, fieldDocumentation, valueDocumentation } from './fieldDocs';
import type { OffsetRange } from './completionContext';
import { hoverTarget } from './hoverTarget';
import { parseReport, type ParsedReport } from '../report/parse';
import type { SchemaInfo } from '../schema/meta';
import type { Finding, Locale } from '../shared/types';
import { directiveAt, directiveHover } from './suppress';

/** The content of a hover: the field's (or value's) documentation, and the deadlines a timestamp starts or records. */
export interface HoverContent {
  /** The key or value hovered. */
  range: OffsetRange;
  /** Markdown: title, description, allowed values, example; or what an enum value means. */
  documentation: string;
  /** On timestamps the clocks start or record: plain text (hosts escape it their way). */
  deadlines: { heading: string; lines: string[] } | null;
}

/** What hover needs from its host besides the text. */
export interface HoverHost {
  info: SchemaInfo;
  locale: Locale;
  timeZone: string | undefined;
  now: number;
  /** The findings of the report's current text: on a suppression directive, the hover lists what it suppresses. */
  findings?: () => readonly Finding[] | null | undefined;
}

/**
 * Hover at `offset` of a report (parsed, as hosts keep each version; or its text): on a key, the
 * field's title and description, its allowed values in plain words and an example; on an enum value,
 * what it means; on a timestamp, the deadlines computed from the facts; on a suppression directive
 * (frontmatter or body), what it suppresses and its reason. `null` where there is nothing to explain.
 */
export function hoverContent(input: string | ParsedReport, offset: number, host: HoverHost): HoverContent | null {
  const report = typeof input === 'string' ? parseReport(input) : input;
  const directive = directiveAt(report, offset);
  const findings = directive ? host.findings?.() : null;
  if (directive && findings) {
    return { range: { offset: directive.offset, endOffset: directive.endOffset }, documentation: directiveHover(directive, findings, host.locale), deadlines: null };
  }
  const target = hoverTarget(report, offset);
  if (!target) return null;
  const field = host.info.fieldInfo(target.pointer, host.locale);
  if (!field) return null;
  const meaning = target.kind === 'value' ? field.enumDescriptions?.[target.text] : undefined;
  return {
    range: target.range,
    documentation:
      meaning !== undefined
        ? valueDocumentation(target.text, meaning, field, target.pointer, host.locale)
        : fieldDocumentation(field, target.pointer, host.locale, host.info),
    deadlines: meaning === undefined ? deadlineHover(report.data, target.pointer, host.timeZone, host.locale, host.now) : null,
  };
}

/** The whole hover as one Markdown text (for hosts without a Markdown builder of their own). */
export function hoverMarkdown(content: HoverContent): string {
  if (!content.deadlines) return content.documentation;
  const lines = content.deadlines.lines.map((line) => `- ${escapeMarkdown(line)}`).join('\n');
  return `${content.documentation}\n\n---\n\n**${escapeMarkdown(content.deadlines.heading)}:**\n\n${lines}\n`;
}
