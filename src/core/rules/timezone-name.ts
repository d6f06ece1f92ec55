import type { Rule } from './rule';
import { checkTimeZone, timeZoneProblem } from '../shared/timeZoneNames';

/** The `timezone-name` rule; its `docs` are rendered to docs/rules/timezone-name.md by `npm run generate`. */
export const timezoneNameRule: Rule = {
  id: 'timezone-name',
  defaultSeverity: 'error',
  description: {
    en: '`timezone` names an IANA time zone the runtime knows, spelt as the IANA database spells it.',
    de: '`timezone` nennt eine IANA-Zeitzone, die die Laufzeitumgebung kennt, so geschrieben wie in der IANA-Datenbank.',
  },
  docs: {
    checks: [
      "The report's `timezone` is the zone every time of the public outputs is shown in, every deadline is stated in, and every timestamp without an offset is read in. A name the runtime does not know (`Europe/Berl`, `MEZ`, `Berlin`) would silently fall back to the offsets as written, so it is an error on its line that names the closest known zone (\"Did you mean Europe/Berlin?\"); so is a known name in the wrong case (`europe/berlin`), which other tools refuse. The quick fix writes the suggested zone. \"Fix all\" never applies it: the closest name is a guess (the closest zone to `America/Boston`, which does not exist, is `America/Creston`, which keeps Mountain Standard Time all year).",
      "Which zones are known is the runtime's time-zone data (ICU): Node.js and current browsers know every canonical IANA zone and the older aliases (`US/Eastern`, `CET`). The same check refuses an unknown `--time-zone` on the command line, `timeZone` in `.incident-report.json` and the `incidentReport.timeZone` setting.",
    ],
  },
  check(ctx) {
    const value = ctx.data?.timezone;
    // Anything but a string is the schema's finding (type).
    if (typeof value !== 'string') return [];
    const check = checkTimeZone(value);
    if (check.ok) return [];
    const range = ctx.at('/timezone');
    return [
      {
        ruleId: this.id,
        message: `timezone: ${timeZoneProblem(value, check, ctx.locale)}`,
        ...range,
        path: '/timezone',
        ...(check.suggestion
          ? { fix: { kind: 'replace-value' as const, ...range, values: [check.suggestion], preferred: check.suggestion, guess: true } }
          : {}),
      },
    ];
  },
};
