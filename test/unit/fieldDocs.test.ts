import { strict as assert } from 'node:assert';
import { bundledCompiledSchema, escapeMarkdown, fieldDocumentation, valueDocumentation } from '../../src/core';

/** Hover and completion documentation is engine text: built in src/core, in the report locale. */
const info = bundledCompiledSchema().info;

describe('field documentation (hover, completion)', () => {
  it('describes a key with title, name, required, allowed values and example, in English and German', () => {
    const en = fieldDocumentation(info.fieldInfo('/status', 'en')!, '/status', 'en', info);
    assert.ok(en.startsWith('**Incident status** · `status` · required\n\n'), en);
    assert.ok(en.includes('**Allowed values:**\n\n'), en);
    assert.ok(en.includes('- `monitoring` — fix in place, being monitored\n'), en);
    assert.ok(en.endsWith('**Example:** `investigating`'), en);
    const de = fieldDocumentation(info.fieldInfo('/status', 'de')!, '/status', 'de', info);
    assert.ok(de.includes('· Pflichtfeld') && de.includes('**Zulässige Werte:**') && de.includes('**Beispiel:** `investigating`'), de);
  });

  it('leaves the heading out when brief, and explains an enum value', () => {
    const field = info.fieldInfo('/affected_services/0/status', 'de')!;
    assert.ok(!fieldDocumentation(field, '/affected_services/0/status', 'de', info, { brief: true }).startsWith('**'));
    assert.equal(valueDocumentation('major_outage', 'Ausfall', field, '/affected_services/0/status', 'de'), '`major_outage` — Ausfall\n\n*Wert von Dienststatus*');
  });

  it('escapes Markdown in texts from the schema', () => {
    assert.equal(escapeMarkdown('a *b* [c](d) <e> `f`'), 'a \\*b\\* \\[c\\]\\(d\\) \\<e\\> \\`f\\`');
  });
});
