import type { RenderArgs } from './args';
import type { CommandOutcome } from './lintCommand';

/** `incident-report render` (the press release; see the preview issue). */
export async function runRender(args: RenderArgs): Promise<CommandOutcome> {
  return { stdout: '', stderr: `incident-report: render ${args.input}: the press-release renderer is not built yet\n`, exitCode: 2 };
}
