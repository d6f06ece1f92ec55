import { ConfigError, SchemaLoadError, t, type Locale } from '../core';
import { type CliArgs, parseCli, UsageError, usageLocale } from './args';
import { HELP } from './help';
import { runLocaleOf } from './lintRun';
import { runLint, type CommandOutcome } from './lintCommand';
import { runRender } from './renderCommand';
import { runNew } from './newCommand';
import { runApprove } from './approveCommand';
import { runChanges } from './changesCommand';
import { processStdin, type StdinSource } from './stdin';

declare const __VERSION__: string;

/**
 * Runs the CLI for `argv` (without node and script) and returns what to print and the exit code.
 * `isTTY`: whether stdout is a terminal (colours); `stdin`: what `-` reads (touched only then).
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, isTTY = false, stdin: StdinSource = processStdin): Promise<CommandOutcome> {
  // The language of a broken configuration's problems: `--locale`, else the `locale` the file sets, else LANG's,
  // as the run's other messages choose it (they were told in LANG's language only).
  // Before the command line is understood, a usage problem speaks `--locale` if it is there, else LANG's language.
  let configLocale = (fromFile: Locale | undefined): Locale => fromFile ?? usageLocale(argv, env);
  let args: CliArgs | undefined;
  try {
    args = parseCli(argv, env, isTTY);
    const parsed = args;
    if ('locale' in parsed) configLocale = (fromFile) => ('explicitLocale' in parsed && !parsed.explicitLocale ? (fromFile ?? parsed.locale) : parsed.locale);
    switch (args.command) {
      case 'help':
        return { stdout: HELP, stderr: '', exitCode: 0 };
      case 'version':
        return { stdout: `${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`, stderr: '', exitCode: 0 };
      case 'lint':
        return await runLint(args, stdin);
      case 'render':
        return await runRender(args, stdin);
      case 'new':
        return await runNew(args, Date.now(), stdin);
      case 'approve':
        return await runApprove(args);
      case 'changes':
        return await runChanges(args);
      case 'lsp':
        // Runs until the client says `exit`, closes stdin or dies: the server library ends the process then.
        // Loaded on demand: lint and render never pay for the protocol library.
        (await import('../lsp/server')).startLanguageServer({ customSchema: args.customSchema });
        return await new Promise<never>(() => {});
    }
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `incident-report: ${t(configLocale(error.locale), error.text)}\n`, exitCode: 2 };
    if (error instanceof ConfigError) {
      const locale = configLocale(error.locale);
      const lines = error.describe(locale).split('\n').map((line) => `incident-report: ${line}\n`).join('');
      return { stdout: '', stderr: lines, exitCode: 2 };
    }
    if (error instanceof SchemaLoadError) {
      const locale = configLocale(undefined);
      return { stdout: '', stderr: `incident-report: ${t(locale, { en: 'the schema cannot be used: {reason}', de: 'das Schema kann nicht verwendet werden: {reason}' }, { reason: t(locale, error.text) })}\n`, exitCode: 2 };
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // In the run's language: the configuration's once the run has read it, else --locale's or LANG's.
    const locale = (args && runLocaleOf(args)) ?? configLocale(undefined);
    return { stdout: '', stderr: `incident-report: ${t(locale, { en: 'internal error, please report it:', de: 'interner Fehler, bitte melden:' })}\n${detail}\n`, exitCode: 2 };
  }
}
