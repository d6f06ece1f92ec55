/**
 * The editor export's choices and file names (src/core/render/exportFiles.ts): only public outputs
 * are offered — a confidential output in the registry is filtered out — and each format gets its
 * own extension next to the report.
 */
import * as assert from 'node:assert/strict';
import { exportableOutputs, exportFileName, reportBaseName, siblingPath } from '../../src/core/render/exportFiles';
import { OUTPUTS, PUBLIC_OUTPUTS, type ConfidentialOutput, type OutputDefinition } from '../../src/core/render/outputs';

const confidential: ConfidentialOutput = {
  id: 'gdpr-33-draft',
  label: { de: 'Meldung an die Aufsicht', en: 'Notification to the authority' },
  audience: 'confidential',
  formats: ['text'],
  multi: false,
  render: () => 'internal details',
  draft: () => ({ locale: 'en', title: 'Notification', banner: 'Confidential', columns: { number: 'No.', item: 'Item', content: 'Content', source: 'Source' }, meta: [], sections: [] }),
};

describe('export choices and file names', () => {
  it('offers every public output of the registry, in registry order', () => {
    assert.deepEqual(
      exportableOutputs(OUTPUTS).map((o) => o.id),
      PUBLIC_OUTPUTS.map((o) => o.id),
    );
    assert.deepEqual(
      exportableOutputs(OUTPUTS).map((o) => o.id),
      ['press-release', 'status-page', 'atom', 'social'].filter((id) => OUTPUTS.some((o) => o.id === id)),
    );
  });

  it('never offers a confidential output, wherever it sits in the registry', () => {
    const registry: OutputDefinition[] = [confidential, ...OUTPUTS, { ...confidential, id: 'nis2-draft' }];
    const offered = exportableOutputs(registry);
    assert.deepEqual(
      offered.map((o) => o.id),
      OUTPUTS.filter((o) => o.audience === 'public').map((o) => o.id),
    );
    assert.ok(offered.every((o) => o.audience === 'public'));
    assert.deepEqual(exportableOutputs([confidential]), []);
  });

  it('names each format next to the report', () => {
    assert.equal(exportFileName('/w/incidents/clean.md', 'press-release', 'html'), 'clean.press-release.html');
    assert.equal(exportFileName('/w/incidents/clean.md', 'press-release', 'text'), 'clean.press-release.txt');
    assert.equal(exportFileName('/w/incidents/clean.md', 'status-page', 'html'), 'clean.status-page.html');
    assert.equal(exportFileName('/w/incidents/clean.md', 'atom', 'xml'), 'clean.atom.xml');
    assert.equal(exportFileName('/w/incidents/clean.md', 'social', 'text'), 'clean.social.txt');
    assert.equal(exportFileName('/w/incidents/clean.md', 'social', 'json'), 'clean.social.json');
    assert.equal(exportFileName('Untitled-1', 'atom', 'xml'), 'Untitled-1.atom.xml');
    assert.equal(reportBaseName('/w/a.b/Report.MARKDOWN'), 'Report');
  });

  it('puts further formats next to the first file, with their extension', () => {
    assert.equal(siblingPath('/w/exports/release.html', 'text'), '/w/exports/release.txt');
    assert.equal(siblingPath('/w/exports/release.htm', 'text'), '/w/exports/release.txt');
    assert.equal(siblingPath('/w/exports/posts.txt', 'json'), '/w/exports/posts.json');
    assert.equal(siblingPath('/w/exports/release', 'text'), '/w/exports/release.txt');
    assert.equal(siblingPath('/w/exports/release.html', 'html'), '/w/exports/release.html');
  });
});
