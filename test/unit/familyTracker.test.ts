import { strict as assert } from 'node:assert';
import { familyEntry, FamilyTracker, type FamilyEntry, type FamilyHost } from '../../src/core';

const MEMBER = 'file:///w/kommunen/werne.md';
const PARENT = 'file:///w/provider/sit.md';

const report = (incidentType: string, parent?: string) =>
  ['---', 'schema: incident-report/v1', 'id: x', ...(parent ? [`parent: ${parent}`] : []), `incident_type: ${incidentType}`, '---', '', 'Text', ''].join('\n');

/** Files by key with a stamp each, read by a host that counts its reads; `gate` holds a read of the parent until opened. */
function fakeHost(withVersions: boolean) {
  const files = new Map<string, { text: string; version: string }>([[PARENT, { text: report('ransomware'), version: 'v1' }]]);
  const log: string[] = [];
  let gate: Promise<void> | null = null;
  const host: FamilyHost = {
    path: (key) => key.slice('file://'.length),
    withPath: (_key, path) => `file://${path}`,
    label: (key) => key.slice('file:///w/'.length),
    read: async (key): Promise<FamilyEntry> => {
      const file = files.get(key);
      log.push(`read ${host.label(key)}`);
      if (key === PARENT && gate) await gate;
      return familyEntry(host.path(key), file?.text ?? null, file ? null : 'no such file', host.label(key));
    },
    ...(withVersions ? { version: async (key: string) => files.get(key)?.version ?? 'missing' } : {}),
  };
  const announced: string[][] = [];
  const tracker = new FamilyTracker(host, (keys) => announced.push(keys));
  const parentText = async () => {
    await tracker.load(MEMBER, report('ddos', '../provider/sit.md'));
    return tracker.contextNow(MEMBER).family!.lookup('/w/provider/sit.md')?.text?.match(/^incident_type: (.*)$/m)?.[1];
  };
  return { files, log, tracker, announced, parentText, hold: (until: Promise<void>) => (gate = until) };
}

describe('FamilyTracker: parents changed on disk', () => {
  it('reads a parent anew on the next load when its stamp changed without an event (a file watcher missed it)', async () => {
    const { files, log, announced, parentText } = fakeHost(true);
    assert.equal(await parentText(), 'ransomware');
    assert.equal(await parentText(), 'ransomware');
    assert.deepEqual(log, ['read provider/sit.md']);
    files.set(PARENT, { text: report('ddos'), version: 'v2' });
    assert.equal(await parentText(), 'ddos');
    assert.deepEqual(log, ['read provider/sit.md', 'read provider/sit.md']);
    // Its members are announced for linting again (a cached result of the old parent is stale).
    assert.deepEqual(announced.at(-1), [MEMBER]);
  });

  it('without stamps from the host, a loaded parent is kept until the host says it changed', async () => {
    const { files, tracker, log, parentText } = fakeHost(false);
    assert.equal(await parentText(), 'ransomware');
    files.set(PARENT, { text: report('ddos'), version: 'v2' });
    assert.equal(await parentText(), 'ransomware');
    tracker.changed(PARENT);
    assert.equal(await parentText(), 'ddos');
    assert.deepEqual(log, ['read provider/sit.md', 'read provider/sit.md']);
  });

  for (const withVersions of [true, false]) {
    it(`a parent that changed while it was read is announced and read again (${withVersions ? 'with' : 'without'} stamps)`, async () => {
      const { files, tracker, announced, parentText, hold } = fakeHost(withVersions);
      let open!: () => void;
      hold(new Promise<void>((resolve) => (open = resolve)));
      // The member's first load reads the parent; the file changes (and the host says so) before that read returns the old text.
      const first = parentText();
      await new Promise((resolve) => setImmediate(resolve));
      files.set(PARENT, { text: report('ddos'), version: 'v2' });
      tracker.changed(PARENT);
      open();
      assert.equal(await first, 'ransomware');
      hold(Promise.resolve());
      // The member is linted again, and that load does not keep the old text.
      assert.deepEqual(announced.at(-1), [MEMBER]);
      assert.equal(await parentText(), 'ddos');
    });
  }
});
