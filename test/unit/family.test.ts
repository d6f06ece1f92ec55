import { strict as assert } from 'node:assert';
import { loadParentChain, familyEntry, parentReference, parseReport, reportLinks, resolveParentPath } from '../../src/core';

const report = (parentLine: string) => `---\nschema: incident-report/v1\nid: x\n${parentLine}\norganization: Stadt Werne\n---\n\nText\n`;

describe('family: parent references', () => {
  it('reads plain, quoted, commented and block values as YAML does, and nothing outside the frontmatter', () => {
    assert.equal(parentReference(report('parent: ../provider/sit.md')), '../provider/sit.md');
    assert.equal(parentReference(report('parent: "../pro vider/sit.md"  # the provider')), '../pro vider/sit.md');
    assert.equal(parentReference(report("parent: 'it''s.md'")), "it's.md");
    assert.equal(parentReference(report('parent: ../sit.md # the provider')), '../sit.md');
    assert.equal(parentReference('\uFEFF' + report('parent: a.md').replace(/\n/g, '\r\n')), 'a.md');
    assert.equal(parentReference(report('  parent: nested.md')), null);
    // What the lint follows too: the value as YAML reads it.
    assert.equal(parentReference(report('parent: |\n  block.md')), 'block.md\n');
    assert.equal(parentReference(report('parent: [a.md]')), null);
    assert.equal(parentReference('---\nid: x\n---\nparent: body.md\n'), null);
    assert.equal(parentReference('no frontmatter\nparent: x.md\n'), null);
  });

  it('resolves paths against the member folder, folding . and ..', () => {
    assert.equal(resolveParentPath('kommunen/werne.md', '../provider/sit.md'), 'provider/sit.md');
    assert.equal(resolveParentPath('/ws/kommunen/soest/wickede.md', '../../provider/./sit.md'), '/ws/provider/sit.md');
    assert.equal(resolveParentPath('werne.md', '../outside/sit.md'), '../outside/sit.md');
    assert.equal(resolveParentPath('a\\b\\c.md', '..\\d.md'), 'a/d.md');
    assert.equal(resolveParentPath('/ws/a.md', '/abs/p.md'), '/abs/p.md');
  });

  it('links the parent path as written (without quotes), resolved against the member; none while the YAML is broken', () => {
    const links = (parentLine: string, locale: 'de' | 'en' = 'en') => {
      const text = report(parentLine);
      return reportLinks(parseReport(text), '/ws/kommunen/werne.md', locale).map((link) => ({ written: text.slice(link.range.offset, link.range.endOffset), path: link.path, tooltip: link.tooltip }));
    };
    assert.deepEqual(links('parent: ../provider/sit.md'), [{ written: '../provider/sit.md', path: '/ws/provider/sit.md', tooltip: 'Open the parent report' }]);
    assert.deepEqual(links('parent: "../pro vider/sit.md"  # the provider', 'de'), [{ written: '../pro vider/sit.md', path: '/ws/pro vider/sit.md', tooltip: 'Übergeordneten Bericht öffnen' }]);
    // A doubled quote has no exact place in the value: the link spans the whole scalar.
    assert.deepEqual(links("parent: 'it''s.md'"), [{ written: "'it''s.md'", path: "/ws/kommunen/it's.md", tooltip: 'Open the parent report' }]);
    assert.deepEqual(links('parent: ""'), []);
    assert.deepEqual(links('parent: [a.md]'), []);
    assert.deepEqual(links('parent: ../provider/sit.md\nid: [broken'), []);
    assert.deepEqual(links('organization_about: x'), []);
  });

  it('loads a parent chain nearest first and stops at a cycle', async () => {
    const files: Record<string, string> = {
      'k/soest/wickede.md': report('parent: ../kreis.md'),
      'k/kreis.md': report('parent: ../p/sit.md'),
      'p/sit.md': report('parent: ../k/kreis.md'),
    };
    const reads: string[] = [];
    const chain = await loadParentChain('k/soest/wickede.md', files['k/soest/wickede.md']!, async (path) => {
      reads.push(path);
      return familyEntry(path, files[path] ?? null);
    });
    assert.deepEqual(chain.map((e) => e.path), ['k/kreis.md', 'p/sit.md']);
    assert.deepEqual(reads, ['k/kreis.md', 'p/sit.md']);
  });
});
