import { strict as assert } from 'node:assert';
import { LintScheduler, resolveEditorSettings, settingValueProblem, type SettingKey } from '../../src/core';

/** The editor settings both editor hosts read the same way (core/config/editorSettings.ts). */
describe('editor settings (extension and language server alike)', () => {
  const explicit = (values: Partial<Record<SettingKey, unknown>>) => (key: SettingKey) => values[key];

  it('puts what the editor set over the project file, rules rule by rule; empty, 0 and auto mean not set', () => {
    const file = { rules: { placeholder: 'error' as const, 'press-contact': 'off' as const }, locale: 'de' as const, maxSize: 5000, schema: 'org.json', ticketPattern: 'X-\\d+' };
    const settings = resolveEditorSettings(file, true, explicit({ rules: { 'press-contact': 'warning' }, locale: 'auto', maxSize: 0, schema: '  ', servicesCatalog: ' services.yaml ' }), 'en');
    assert.deepEqual(settings.rules, { placeholder: 'error', 'press-contact': 'warning' });
    assert.equal(settings.locale, 'de');
    assert.equal(settings.maxSize, 5000);
    assert.equal(settings.schemaPath, 'org.json');
    assert.equal(settings.servicesCatalog, 'services.yaml');
    assert.deepEqual(settings.files, ['**/incidents/**/*.md', '**/*.incident.md']);
    assert.equal(settings.validateOnType, true);
    const untrusted = resolveEditorSettings(file, false, explicit({}), 'en');
    assert.equal(untrusted.schemaPath, '');
    assert.equal(untrusted.ticketPattern, undefined);
  });

  it('ignores: the file\'s paths, replaced by the setting when set; kept in an untrusted workspace (they run no code)', () => {
    assert.deepEqual(resolveEditorSettings({}, true, explicit({}), 'en').ignores, []);
    assert.deepEqual(resolveEditorSettings({ ignores: ['archive/**'] }, false, explicit({}), 'en').ignores, ['archive/**']);
    assert.deepEqual(resolveEditorSettings({ ignores: ['archive/**'] }, true, explicit({ ignores: ['drafts/**'] }), 'en').ignores, ['drafts/**']);
    assert.equal(settingValueProblem('ignores', ['archive/**']), null);
    assert.deepEqual(settingValueProblem('ignores', 'archive/**'), { en: '"ignores" must be a list of strings', de: '"ignores" muss eine Liste von Strings sein' });
  });

  it('uses a time zone in the wrong case spelt right, and names an unknown one with what is used instead', () => {
    assert.equal(resolveEditorSettings({}, true, explicit({ timeZone: 'europe/berlin' }), 'en').timeZone, 'Europe/Berlin');
    const unknown = resolveEditorSettings({ timeZone: 'Europe/Vienna' }, true, explicit({ timeZone: 'Europe/Berl' }), 'en');
    assert.equal(unknown.timeZone, 'Europe/Vienna');
    assert.deepEqual(unknown.problems, [{ key: 'timeZone', value: 'Europe/Berl', suggestion: 'Europe/Berlin', wrongCase: false, fallback: 'Europe/Vienna' }]);
  });

  it('checks a value sent as JSON with the words of .incident-report.json', () => {
    assert.equal(settingValueProblem('maxSize', 0), null);
    assert.equal(settingValueProblem('locale', 'auto'), null);
    assert.equal(settingValueProblem('rules', { placeholder: 'error' }), null);
    assert.deepEqual(settingValueProblem('maxSize', 'big'), { en: '"maxSize" must be a whole number of characters ≥ 1', de: '"maxSize" muss eine ganze Zahl von Zeichen ≥ 1 sein' });
    assert.equal(settingValueProblem('rules', { placeholdr: 'error' })?.en, 'unknown rule "placeholdr": did you mean "placeholder"?');
    assert.equal(settingValueProblem('validate.onType', 'yes')?.en, '"validate.onType" must be true or false');
    assert.equal(settingValueProblem('timeZone', 'europe/berlin'), null);
  });
});

describe('LintScheduler', () => {
  it('runs once after the delay when asked again meanwhile, and knows a run overtaken by a newer one', async () => {
    const scheduler = new LintScheduler(20);
    const runs: string[] = [];
    scheduler.schedule('a', () => runs.push('first'));
    scheduler.schedule('a', () => runs.push('second'));
    scheduler.schedule('b', () => runs.push('b'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(runs.sort(), ['b', 'second']);
    const run = scheduler.begin('a');
    assert.equal(scheduler.isCurrent('a', run), true);
    scheduler.begin('a');
    assert.equal(scheduler.isCurrent('a', run), false);
    scheduler.schedule('a', () => runs.push('never'));
    scheduler.begin('a');
    scheduler.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(runs.sort(), ['b', 'second']);
  });
});
