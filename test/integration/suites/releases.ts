/**
 * Releases and sign-off (issue 26) in real VS Code: "Approve Release…" asks for name and role and
 * writes the release file and the approval; the stale warning appears after an edit of the public
 * section and not after an edit of an internal one; the preview shows the approval state, the
 * changes since the release (highlighted) and the "What's new" box.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, described, fileUri, replaceText, resetSettings, setSetting, waitFor, watchedFolder } from './util';

interface Prompt {
  kind: string;
  message: string;
  buttons: string[];
  answer: string | undefined;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** SHA-256 as hex, with the Web Crypto API both extension hosts have. */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Snapshot {
  uri: string | null;
  article: string | null;
  release: { approval: string; current: boolean; changesLabel: string | null; showChanges: boolean; changes: string[]; whatsNewLabel: string | null; whatsNew: boolean } | null;
}
const preview = async () => (await vscode.commands.executeCommand<Snapshot>('incidentReport._previewState'))!;

const approvalFindings = (uri: vscode.Uri) => described(uri).filter((line) => line.includes(' approval-current '));

/**
 * For one describe block: `incidents/<name>.md`, a copy of clean.md (changed by `edit`), written
 * before its tests with the clock set, and removed afterwards with its lock file and release folder.
 */
function useReport(name: string, edit: (clean: string) => string = (text) => text): vscode.Uri {
  const report = fileUri(`incidents/${name}.md`);
  before(async () => {
    await activateExtension();
    await resetSettings();
    await vscode.commands.executeCommand('incidentReport._setClock', '2024-06-01T10:05:00+02:00');
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(edit(await readText(fileUri('incidents/clean.md')))));
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.commands.executeCommand('incidentReport._setClock', undefined);
    const gone = [report, fileUri(`incidents/.${name}.md.approving`), fileUri(`incidents/.releases/${name}`)];
    for (const uri of gone) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    // The folder of all release folders goes once the last one has (another block may still use it).
    await vscode.workspace.fs.delete(fileUri('incidents/.releases'), { recursive: false }).then(undefined, () => undefined);
  });
  return report;
}

describe('releases: Approve Release… and the stale warning', () => {
  const report = useReport('sign-off');
  const releases = fileUri('incidents/.releases/sign-off');
  // Created so that VS Code's file watcher is proven to watch it (see watchedFolder): a release file
  // changed on disk is then reported.
  before(async function () {
    this.timeout(70_000); // watchedFolder waits up to 60 s for the watcher
    await watchedFolder('incidents/.releases/sign-off');
  });

  it('asks for name and role, writes the release file and appends the approval', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await vscode.commands.executeCommand('incidentReport._answerPrompts', 'Petra Schulz', 'press');
    const result = await vscode.commands.executeCommand<{ version: number; release: string; fingerprint: string; isNew: boolean }>('incidentReport.approveRelease');
    assert.ok(result, 'the command approved nothing');
    const asked = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    assert.strictEqual(asked!.kind, 'pick');
    assert.deepStrictEqual(asked!.buttons, ['press', 'it', 'dpo', 'lead', 'no role']);
    assert.strictEqual(result.version, 1);
    assert.strictEqual(result.isNew, true);
    assert.strictEqual(result.release, vscode.Uri.joinPath(releases, '1.json').toString());
    const release = await readText(vscode.Uri.joinPath(releases, '1.json'));
    assert.strictEqual(await sha256(release), result.fingerprint);
    const model = JSON.parse(release);
    assert.strictEqual(model.format, 'incident-report-release/1');
    assert.strictEqual(model.fields['/status'], 'monitoring');
    assert.strictEqual(model.public_section, 'The website of Kreis Muster was unavailable on Saturday morning after a failed update. It works again.');
    const text = editor.document.getText();
    assert.ok(
      text.endsWith(`approvals:\n  - by: Petra Schulz\n    role: press\n    at: 2024-06-01T10:05:00+02:00\n    version: 1\n    fingerprint: ${result.fingerprint}\n---\n\n# Website outage\n\n## Press release\n\nThe website of Kreis Muster was unavailable on Saturday morning after a failed update. It works again.\n`),
      text,
    );
    await waitFor('the report to be saved with its approval', () => editor.document.isDirty, (dirty) => dirty === false);
    assert.strictEqual(await readText(report), text);
    await waitFor('the diagnostics after approval', () => approvalFindings(report), (lines) => lines.length === 0);
  });

  it('an edit of an internal section keeps the approval current; an edit of the public section makes it stale', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await replaceText(editor, '# Website outage\n', '# Website outage\n\nInternal: the update server srv-web01.kreis.intern failed.\n');
    // The edit is linted (its diagnostics published) and nothing about the approval appears.
    await waitFor('the internal edit to be linted', () => vscode.languages.getDiagnostics(report), () => true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepStrictEqual(approvalFindings(report), []);

    await replaceText(editor, 'It works again.', 'It works again. We apologise for the inconvenience.');
    const stale = await waitFor('the stale warning', () => approvalFindings(report), (lines) => lines.length === 1);
    assert.match(stale[0]!, /^\d+:18-\d+:82 warning approval-current The approval of release 1 is stale: The press release: new sentence “We apologise for the inconvenience\.”\. Approve the current text again before it is published\.$/);

    // The preview shows the approval state, and the changes since release 1 when asked.
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    const stalePreview = await waitFor('the preview of the stale report', preview, (s) => s.uri === report.toString() && s.release !== null);
    assert.strictEqual(stalePreview.release!.approval, 'not approved since the last change (release 1)');
    assert.strictEqual(stalePreview.release!.changesLabel, 'Changes since release 1');
    assert.deepStrictEqual(stalePreview.release!.changes, []);
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
    const changes = await waitFor('the changes since release 1', preview, (s) => s.release?.showChanges === true);
    assert.deepStrictEqual(changes.release!.changes, ['The press release: new sentence “We apologise for the inconvenience.”']);
    assert.ok(changes.article!.includes('<mark class="ir-changed">We apologise for the inconvenience.</mark>'), changes.article!);
    // The "What's new" box at the top of the press release: the changes since the previous release.
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'whatsNew');
    const box = await waitFor('the What\'s new box', preview, (s) => s.release?.whatsNew === true);
    assert.ok(box.article!.includes('<section class="whats-new" aria-label="What&#39;s new"><h2>What&#39;s new</h2><ul><li>The press release: new sentence “<mark class="ir-changed">We apologise for the inconvenience.</mark>”</li></ul></section>'), box.article!);

    // Back to the approved text: current again, approved by whom and when.
    await vscode.window.showTextDocument(editor.document);
    await replaceText(editor, ' We apologise for the inconvenience.', '');
    await waitFor('the approval to be current again', () => approvalFindings(report), (lines) => lines.length === 0);
    const current = await waitFor('the approval state', preview, (s) => s.release?.current === true);
    assert.strictEqual(current.release!.approval, 'approved by Petra Schulz (press), 10:05');
    assert.deepStrictEqual(current.release!.changes, ['no changes']);
    assert.ok(!current.article!.includes('class="whats-new"'), 'no box without changes');
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'whatsNew');
  });

  it('a release file deleted or written on disk outside the editor changes the stale warning at once', async function () {
    this.timeout(90_000);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await replaceText(editor, 'It works again.', 'It works again. We apologise for the inconvenience.');
    const newSentence = 'The press release: new sentence “We apologise for the inconvenience.”';
    await waitFor('the stale warning', () => approvalFindings(report), (lines) => lines.length === 1 && lines[0]!.includes(newSentence));
    const file = vscode.Uri.joinPath(releases, '1.json');
    const release = await vscode.workspace.fs.readFile(file);
    // Written outside the editor's events, as by `git checkout`. File events reach the extension
    // through VS Code's watcher and, in the web host, late: a generous bound, not a timing assertion.
    try {
      await vscode.workspace.fs.delete(file);
      const missing = await waitFor('the warning naming the missing release file', () => approvalFindings(report), (lines) => lines.length === 1 && !lines[0]!.includes(newSentence), 30_000);
      assert.match(
        missing[0]!,
        /^\d+:18-\d+:82 warning approval-current The approval of release 1 is stale: the published content changed since it was approved \(its release file incidents\/\.releases\/sign-off\/1\.json cannot be read: file not found\)\. Approve the current text again before it is published\.$/,
      );
    } finally {
      await vscode.workspace.fs.writeFile(file, release);
    }
    await waitFor('the warning naming the new sentence again', () => approvalFindings(report), (lines) => lines.length === 1 && lines[0]!.includes(newSentence), 30_000);
    await replaceText(editor, ' We apologise for the inconvenience.', '');
    await waitFor('the approval to be current again', () => approvalFindings(report), (lines) => lines.length === 0);
  });
});

describe('releases: the preview names a release file it cannot use, as `changes` refuses it', () => {
  const report = useReport('lost');
  const release1 = fileUri('incidents/.releases/lost/1.json');
  const changesShown = async (what: string) => {
    // Off and on again: each toggle renders the preview anew, reading the release file again.
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
    await waitFor(`the changes toggle off (${what})`, preview, (s) => s.release?.showChanges === false);
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
    return (await waitFor(`the changes since release 1 (${what})`, preview, (s) => s.uri === report.toString() && s.release?.showChanges === true)).release!;
  };

  it('a missing or hand-edited release file: "Changes since release 1" says so (the toggle went missing without a word, or listed changes never made)', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    const approved = await vscode.commands.executeCommand<{ fingerprint: string }>('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.ok(approved, 'the command approved nothing');
    await waitFor('the report to be saved with its approval', () => editor.document.isDirty, (dirty) => dirty === false);
    await replaceText(editor, 'It works again.', 'It works again. We apologise for the inconvenience.');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await waitFor('the preview of the report', preview, (s) => s.uri === report.toString() && s.release !== null);
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
    const good = await waitFor('the changes since release 1', preview, (s) => s.release?.showChanges === true);
    assert.deepStrictEqual(good.release!.changes, ['The press release: new sentence “We apologise for the inconvenience.”']);

    const text = await readText(release1);
    await vscode.workspace.fs.delete(release1);
    const missing = await changesShown('file deleted');
    assert.strictEqual(missing.changesLabel, 'Changes since release 1');
    assert.deepStrictEqual(missing.changes, [
      'the release file incidents/.releases/lost/1.json cannot be used (file not found, though `approvals` names release 1 (a report moved or renamed leaves its release files behind)); restore it (from version control or a backup)',
    ]);

    const edited = text.replace('It works again.', 'It works.');
    assert.notStrictEqual(edited, text);
    await vscode.workspace.fs.writeFile(release1, new TextEncoder().encode(edited));
    const byHand = await changesShown('file edited by hand');
    assert.deepStrictEqual(byHand.changes, [
      `the release file incidents/.releases/lost/1.json cannot be used (it is not what was approved (its SHA-256 is ${await sha256(edited)}, \`approvals\` names ${approved.fingerprint})); restore it (from version control or a backup)`,
    ]);

    // Saved as Latin-1: named in the report's language (incidentReport.locale), as `changes` names it (it was English only).
    await vscode.workspace.fs.writeFile(release1, Uint8Array.from([0x7b, 0xfc, 0x7d, 0x0a]));
    await setSetting('locale', 'de');
    try {
      const latin1 = await changesShown('file not UTF-8, in German');
      assert.deepStrictEqual(latin1.changes, [
        'the release file incidents/.releases/lost/1.json cannot be used (kein UTF-8-Text: das Zeichen in Zeile 1, Spalte 2 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern); restore it (from version control or a backup)',
      ]);
    } finally {
      await setSetting('locale', undefined);
    }
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'changes');
  });
});

describe('releases: "What\'s new" compares with the release files beside the report, as render --whats-new', () => {
  const report = useReport('unlisted');

  it('a release file that no approval names (the entry lost in a merge) is compared with, as the CLI does (the editor read only the approvals\' files and showed no box)', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    const approved = await vscode.commands.executeCommand<{ fingerprint: string }>('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.ok(approved, 'the command approved nothing');
    await waitFor('the report to be saved with its approval', () => editor.document.isDirty, (dirty) => dirty === false);
    const entry = /\napprovals:\n(?: {2}.*\n)+/.exec(editor.document.getText());
    assert.ok(entry, editor.document.getText());
    await replaceText(editor, entry[0], '\n');
    await replaceText(editor, 'It works again.', 'It works again. We apologise for the inconvenience.');
    await vscode.commands.executeCommand('incidentReport.showPreviewToSide');
    await waitFor('the preview of the report', preview, (s) => s.uri === report.toString() && s.release !== null);
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'whatsNew');
    const box = await waitFor('the What\'s new box', preview, (s) => s.release?.whatsNew === true && (s.article ?? '').includes('class="whats-new"'));
    assert.ok(box.article!.includes('<section class="whats-new" aria-label="What&#39;s new"><h2>What&#39;s new</h2><ul><li>The press release: new sentence “We apologise for the inconvenience.”</li></ul></section>'), box.article!);
    await vscode.commands.executeCommand('incidentReport._togglePreview', 'whatsNew');
  });
});

describe('releases: Export… with "What\'s new" and nothing new says why there is no box, as render --whats-new', () => {
  const report = useReport('unreleased');
  const exported = [fileUri('incidents/unreleased.press-release.html'), fileUri('incidents/unreleased.press-release.txt')];
  after(async () => {
    for (const uri of exported) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });
  const exportWithBox = () =>
    vscode.commands.executeCommand<{ noWhatsNew?: string; html?: string }>('incidentReport.exportPressRelease', { uri: report.toString(), whatsNew: true, open: false, overwrite: true });

  it('a report never released, then one unchanged since release 1: the export names why (the box was left out without a word)', async () => {
    const never = await exportWithBox();
    assert.strictEqual(never?.noWhatsNew, 'no "What\'s new" box: the report was never released (no approval, no release file), so there is nothing to compare with');
    assert.ok(!(await readText(vscode.Uri.parse(never.html!))).includes('class="whats-new"'));
    const approved = await vscode.commands.executeCommand<{ version: number }>('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.strictEqual(approved?.version, 1, 'the report was not approved');
    const unchanged = await exportWithBox();
    assert.strictEqual(unchanged?.noWhatsNew, 'no "What\'s new" box: what it publishes has not changed since release 1');
    // Without the box asked for, nothing is said.
    const plain = await vscode.commands.executeCommand<{ noWhatsNew?: string }>('incidentReport.exportPressRelease', { uri: report.toString(), open: false, overwrite: true });
    assert.ok(plain && !('noWhatsNew' in plain), JSON.stringify(plain));
  });
});

describe('releases: a release folder left behind for another report', () => {
  const report = useReport('renamed');
  const release1 = fileUri('incidents/.releases/renamed/1.json');

  it('a new report under the name of one renamed without its release folder: Approve Release… names the other report\'s release, as `approve` does (it said "A different release 1 exists already")', async () => {
    const approved = await vscode.commands.executeCommand<{ version: number }>('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.strictEqual(approved?.version, 1, 'the first report was not approved');
    const release = await readText(release1);
    // Renamed without its release folder; a report of another incident takes the old name.
    await closeAllEditors();
    const clean = await readText(fileUri('incidents/clean.md'));
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(clean.replace('id: 2024-06-01-kreis-muster', 'id: 2024-09-12-kreis-muster')));
    const before = await waitFor('the new report on disk', () => readText(report), (text) => text.includes('id: 2024-09-12-kreis-muster'));
    assert.ok(!before.includes('approvals:'), before);
    const result = await vscode.commands.executeCommand('incidentReport.approveRelease', { uri: report.toString(), by: 'Jan Becker', role: 'press' });
    assert.strictEqual(result, undefined);
    const said = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    assert.deepStrictEqual([said!.kind, said!.message], [
      'error',
      'Incident Report: incidents/.releases/renamed/1.json: not approved: a release of another report (its `id` is 2024-06-01-kreis-muster, this report\'s is 2024-09-12-kreis-muster) that no approval of this report names: a report renamed or moved without its release folder left it behind; move the folder to that report',
    ]);
    assert.strictEqual(await readText(report), before);
    assert.strictEqual(await readText(release1), release, 'the other report\'s release was touched');
  });
});

describe('releases: Approve Release… and a release file that cannot be read', () => {
  const report = useReport('unreadable');
  const release1 = fileUri('incidents/.releases/unreadable/1.json');
  afterEach(async () => {
    await setSetting('locale', undefined);
    await vscode.workspace.fs.delete(release1, { recursive: true }).then(undefined, () => undefined);
  });

  const approveAndSay = async (): Promise<[unknown, string | undefined, string | undefined]> => {
    const result = await vscode.commands.executeCommand('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    const said = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    return [result, said?.kind, said?.message];
  };

  it('a release file saved as Latin-1 is named as not UTF-8, in the report\'s language, and kept (it read leniently and said "damaged (not valid JSON …)")', async () => {
    const before = await readText(report);
    const latin1 = Uint8Array.from([0x7b, 0xfc, 0x7d, 0x0a]);
    await vscode.workspace.fs.writeFile(release1, latin1);
    await setSetting('locale', 'de');
    assert.deepStrictEqual(await approveAndSay(), [
      undefined,
      'error',
      'Incident Report: incidents/.releases/unreadable/1.json: kein UTF-8-Text: das Zeichen in Zeile 1, Spalte 2 ist kein UTF-8 (als Windows-1252 oder Latin-1 gespeichert?); die Datei als UTF-8 speichern',
    ]);
    assert.strictEqual(await readText(report), before);
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(release1))], [...latin1], 'the release file was touched');
  });

  it('a folder in the release file\'s place is named, not written over (the command failed with VS Code\'s own error)', async () => {
    const before = await readText(report);
    await vscode.workspace.fs.createDirectory(release1);
    assert.deepStrictEqual(await approveAndSay(), [undefined, 'error', 'Incident Report: incidents/.releases/unreadable/1.json: is a directory']);
    assert.strictEqual(await readText(report), before);
    assert.strictEqual((await vscode.workspace.fs.stat(release1)).type, vscode.FileType.Directory);
  });
});

describe('releases: what cannot be published is not approved', () => {
  const report = useReport('leaking', (clean) => clean.replace(/(## (?:Pressemitteilung|Press release)\n\n)/, '$1Betroffen ist der Server fileserver.swit.intern.\n\n'));
  const releases = fileUri('incidents/.releases/leaking');

  it('refuses a report with a leak in its public text before asking anything, and writes no release (as the CLI)', async () => {
    const before = await readText(report);
    assert.ok(before.includes('fileserver.swit.intern'), 'the public section was not found in clean.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await waitFor('the leak finding', () => described(report), (lines) => lines.some((line) => line.includes(' leak-hostname ')));
    const result = await vscode.commands.executeCommand('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await readText(report), before);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(releases)), 'a release folder was written');
  });
});

describe('releases: the lock file the CLI takes', function () {
  // An approval waits up to 10 s for another one to finish, as the CLI does.
  this.timeout(60_000);
  const report = useReport('locked');
  const lock = fileUri('incidents/.locked.md.approving');
  const releases = fileUri('incidents/.releases/locked');

  it('while a CLI approval holds the report, Approve Release… waits, then gives up naming the lock file; nothing is written (it wrote regardless)', async () => {
    const before = await readText(report);
    // What `incident-report approve` writes into its lock file: its process id.
    await vscode.workspace.fs.writeFile(lock, new TextEncoder().encode('4242\n'));
    const result = await vscode.commands.executeCommand('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    assert.strictEqual(result, undefined);
    const said = await vscode.commands.executeCommand<Prompt>('incidentReport._lastPrompt');
    assert.deepStrictEqual([said!.kind, said!.message], [
      'error',
      'Incident Report: another approval of incidents/locked.md is running (incidents/.locked.md.approving is there); approve again when it is done, or delete that file if none is running.',
    ]);
    assert.strictEqual(await readText(report), before);
    assert.strictEqual(await readText(lock), '4242\n', 'the other approval\'s lock file was touched');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(releases)), 'a release folder was written');
  });

  it('goes ahead once the other approval is done, and removes its own lock file', async () => {
    await vscode.workspace.fs.writeFile(lock, new TextEncoder().encode('4242\n'));
    const approving = vscode.commands.executeCommand<{ version: number; isNew: boolean }>('incidentReport.approveRelease', { uri: report.toString(), by: 'Petra Schulz', role: 'press' });
    // The other approval finishes: it removes its lock file.
    setTimeout(() => void vscode.workspace.fs.delete(lock), 1000);
    const result = await approving;
    assert.deepStrictEqual(result && [result.version, result.isNew], [1, true]);
    assert.match(await readText(report), /\napprovals:\n {2}- by: Petra Schulz\n {4}role: press\n/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(lock)), 'the lock file was left behind');
  });
});
