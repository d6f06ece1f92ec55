import type { Rule } from './rule';

/** The `family-membership` rule; its `docs` are rendered to docs/rules/family-membership.md by `npm run generate`. */
export const familyMembershipRule: Rule = {
  id: 'family-membership',
  defaultSeverity: 'warning',
  description: {
    en: "A parent's `affected_organizations` lists the `organization` of each member report.",
    de: '`affected_organizations` eines übergeordneten Berichts nennt die `organization` jedes Mitglieds.',
  },
  docs: {
    checks: [
      'A parent lists its members: the `organization` of each report that names it as `parent` appears in the parent\'s `affected_organizations`.',
      'It runs when the parent is linted together with its members — a CLI run over the family\'s files or folder, or "Lint All Reports in Workspace" in VS Code. A missing member is a warning on the list (or at `organization` when the parent has no list), naming the member, with the member\'s `organization` as a related location.',
    ],
  },
  check(ctx) {
    // In a cycle every report is everyone's member: family-cycle says what is wrong.
    if (!ctx.data || ctx.members.length === 0 || ctx.family?.problem?.kind === 'cycle') return [];
    const listed = new Set(Array.isArray(ctx.data.affected_organizations) ? ctx.data.affected_organizations.filter((o) => typeof o === 'string') : []);
    const hasList = Array.isArray(ctx.data.affected_organizations);
    const pointer = hasList ? '/affected_organizations' : '/organization';
    const seen = new Set<string>();
    const missing = ctx.members.filter((member) => !listed.has(member.organization) && !seen.has(member.organization) && seen.add(member.organization));
    if (missing.length === 0) return [];
    // Only now: placing a finding builds the positioned YAML, which a complete list never needs.
    const range = ctx.at(pointer, 'key');
    return missing.map((member) => {
        const values = { organization: member.organization, file: member.label };
        return {
          ruleId: this.id,
          ...range,
          path: pointer,
          message: hasList
            ? ctx.t(
                {
                  en: 'affected_organizations does not list {organization}, whose report {file} names this one as parent.',
                  de: 'affected_organizations nennt {organization} nicht, deren Bericht {file} diesen als übergeordneten Bericht angibt.',
                },
                values,
              )
            : ctx.t(
                {
                  en: 'affected_organizations is missing: {organization} ({file}) names this report as parent; list the affected organisations.',
                  de: 'affected_organizations fehlt: {organization} ({file}) gibt diesen Bericht als übergeordneten Bericht an; die betroffenen Organisationen aufführen.',
                },
                values,
              ),
          related: [
            {
              file: member.path,
              offset: member.offset,
              endOffset: member.endOffset,
              line: member.line,
              column: member.column,
              endLine: member.endLine,
              endColumn: member.endColumn,
              message: ctx.t({ en: 'the member report of {organization}', de: 'der Bericht des Mitglieds {organization}' }, values),
            },
          ],
        };
      });
  },
};
