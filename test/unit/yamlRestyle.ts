/**
 * Ways of writing the same report data in other valid YAML styles, shared by the metamorphic YAML
 * tests (yamlStyles.test.ts) and the quick-fix properties (fixProperties.test.ts).
 */
import { strict as assert } from 'node:assert';
import { Alias, Document, isMap, isScalar, isSeq, parse, visit, type Node, type Scalar, type ToStringOptions } from 'yaml';
import { isRecord, parseReport, readDirectives } from '../../src/core';

/** A way of writing the same data: `yaml` options for `toString`, and changes to the document or the text. */
export interface Style {
  name: string;
  options?: ToStringOptions;
  document?: (doc: Document) => void;
  /** A change to the YAML text as written. */
  text?: (yaml: string) => string;
}

/** Every scalar value and every collection below the root, with its parent. */
function eachValue(doc: Document, visitValue: (node: Node) => void): void {
  visit(doc, {
    Scalar: (key, node) => (key === 'key' ? undefined : visitValue(node)),
    Collection: (key, node) => (key === null ? undefined : visitValue(node)),
  });
}

export const STYLES: readonly Style[] = [
  { name: 'plain' },
  { name: 'single-quoted values', options: { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' } },
  { name: 'double-quoted values', options: { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } },
  { name: 'quoted keys', options: { defaultKeyType: 'QUOTE_DOUBLE' } },
  { name: 'single-quoted keys and values', options: { defaultStringType: 'QUOTE_SINGLE' } },
  { name: 'flow mappings and sequences', options: { collectionStyle: 'flow' } },
  {
    name: 'flow collections inside block ones',
    document: (doc) => eachValue(doc, (node) => (isMap(node) || isSeq(node) ? (node.flow = true) : undefined)),
  },
  { name: 'plain scalars folded over lines', options: { lineWidth: 24, minContentWidth: 0 } },
  { name: 'literal block scalars', options: { defaultStringType: 'BLOCK_LITERAL', defaultKeyType: 'PLAIN' } },
  { name: 'folded block scalars', options: { defaultStringType: 'BLOCK_FOLDED', defaultKeyType: 'PLAIN', lineWidth: 30, minContentWidth: 0 } },
  {
    name: 'comments everywhere',
    document: (doc) => {
      doc.commentBefore = ' before the first field';
      doc.comment = ' after the last field';
      visit(doc, (key, node) => {
        if (isScalar(node) || isMap(node) || isSeq(node)) {
          node.commentBefore = ` above ${String(key)}`;
          if (!(isScalar(node) && key === 'key')) node.comment = ' # at the end: key: value, - item';
        }
      });
    },
  },
  { name: 'CRLF line breaks', text: (yaml) => yaml.replace(/\r?\n/g, '\r\n') },
  {
    name: 'anchors and aliases',
    document: (doc) => {
      // Every value written before is an alias of its first occurrence (`&a1 major_outage` … `*a1`).
      const first = new Map<string, Scalar>();
      let anchors = 0;
      visit(doc, {
        Scalar(key, node) {
          if (key === 'key' || node.value === null) return undefined;
          const id = JSON.stringify(node.value);
          const earlier = first.get(id);
          if (!earlier) return void first.set(id, node);
          earlier.anchor ??= `a${++anchors}`;
          return new Alias(earlier.anchor);
        },
      });
    },
  },
  { name: '4-space indentation', options: { indent: 4 } },
  { name: 'unindented sequences', options: { indentSeq: false } },
];

/**
 * `text` with its frontmatter written anew from its data in `styles`; `null` when the frontmatter
 * is not a valid mapping (a broken one has no data to write). The Markdown body stays as it is.
 */
export function restyle(text: string, styles: readonly Style[]): string | null {
  const report = parseReport(text);
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml' || report.yamlErrors.length > 0 || report.dataError || !isRecord(report.data)) return null;
  // Written anew from the data, the YAML loses its comments: a suppression directive there is content.
  if (readDirectives(report).some((directive) => directive.where === 'frontmatter')) return null;
  const doc = new Document(report.data, { version: '1.2' });
  for (const style of styles) style.document?.(doc);
  const options = Object.assign({}, ...styles.map((style) => style.options ?? {})) as ToStringOptions;
  let yaml = doc.toString(options);
  // The facts are the same, or the comparison would be meaningless.
  assert.deepStrictEqual(parse(yaml, { version: '1.2' }), report.data, `${styles.map((s) => s.name).join(', ')} changed the data:\n${yaml}`);
  if (text.includes('\r\n')) yaml = yaml.replace(/\n/g, '\r\n');
  for (const style of styles) yaml = style.text?.(yaml) ?? yaml;
  return text.slice(0, report.bomLength + fm.contentOffset) + yaml + text.slice(report.bomLength + fm.close.offset);
}
