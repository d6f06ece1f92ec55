import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every UI string of the extension exists in German: each `vscode.l10n.t('…')` literal in
 * src/extension has an entry in l10n/bundle.l10n.de.json, and each `%key%` in package.json one in
 * package.nls.json and package.nls.de.json. (VS Code silently falls back to English otherwise.)
 */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** String literals passed as the first argument of `l10n.t(`; template literals are not allowed. */
function l10nStrings(text: string): string[] {
  const found: string[] = [];
  const call = /\bl10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const m of text.matchAll(call)) found.push(JSON.parse('"' + m[2]!.replace(/\\'/g, "'").replace(/"/g, '\\"') + '"') as string);
  return found;
}

describe('l10n', () => {
  it('has a German translation for every vscode.l10n.t string', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const missing = new Set<string>();
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      for (const message of l10nStrings(readFileSync(file, 'utf8'))) {
        if (typeof bundle[message] !== 'string') missing.add(message);
      }
    }
    assert.deepEqual([...missing], [], 'add these to l10n/bundle.l10n.de.json');
  });

  it('keeps the {n} placeholders of each message', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const [english, german] of Object.entries(bundle)) assert.deepEqual(holes(german), holes(english), english);
  });

  it('has every package.json %key% in package.nls.json and package.nls.de.json', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    for (const nls of ['package.nls.json', 'package.nls.de.json']) {
      const table = JSON.parse(readFileSync(join(ROOT, nls), 'utf8')) as Record<string, string>;
      assert.deepEqual([...keys].filter((key) => typeof table[key] !== 'string'), [], nls);
    }
  });

  it('keeps engine text out of the extension: no private Localized tables, t() copies or locale ternaries', () => {
    // Engine text (findings, fixes, hover and completion documentation) comes from src/core's
    // Localized tables; UI chrome from vscode.l10n. A second mechanism in src/extension is a defect.
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      const text = readFileSync(file, 'utf8');
      const name = file.slice(ROOT.length + 1);
      if (/\{\s*en:\s*['"`]/.test(text) || /\bde:\s*['"`]/.test(text)) offenders.push(`${name}: a { en, de } table`);
      if (/locale\s*===\s*'(?:de|en)'\s*\?/.test(text)) offenders.push(`${name}: a locale ternary`);
      if (/^function t\(/m.test(text)) offenders.push(`${name}: a private t()`);
    }
    assert.deepEqual(offenders, []);
  });

  it('reads VS Code\'s language only through the engine\'s toLocale(), so that no two places tell it differently', () => {
    // The preview's uiLanguage() had its own `startsWith('de')` beside toLocale(vscode.env.language).
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      const text = readFileSync(file, 'utf8').replaceAll('toLocale(vscode.env.language)', '');
      for (const m of text.matchAll(/\benv\.language\b.*/g)) offenders.push(`${file.slice(ROOT.length + 1)}: ${m[0].trim()}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('uses one German prefix: "Vorfallsbericht" wherever the English says "Incident Report"', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const nlsDe = JSON.parse(readFileSync(join(ROOT, 'package.nls.de.json'), 'utf8')) as Record<string, string>;
    assert.equal(nlsDe.category, 'Vorfallsbericht');
    for (const [english, german] of Object.entries(bundle)) {
      assert.ok(!/Incident Report/i.test(german), `German text keeps the English name: ${german}`);
      if (english.startsWith('Incident Report:')) assert.ok(german.startsWith('Vorfallsbericht: '), german);
    }
  });
});
