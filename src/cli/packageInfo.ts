import { repository, version } from '../../package.json';

/** The CLI's version, from package.json (bundled into out/cli.js by esbuild). */
export const TOOL_VERSION: string = version;

/**
 * The project's web address (package.json `repository`, without `git+` and `.git`): where SARIF
 * consumers such as GitHub code scanning send a user to learn about the tool and its rules.
 */
export const REPOSITORY_URL: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** Documentation of one rule on the repository's web page (docs/rules/<id>.md on the main branch). */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
