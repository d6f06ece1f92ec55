import { UsageError } from './args';
import { ioReason } from './ioError';

/** The argument that means standard input (and, for `render --out`, standard output). */
export const STDIO_ARG = '-';

/** How findings and messages name text read from standard input without `--stdin-filename`. */
export const STDIN_NAME = '<stdin>';

/**
 * Where `-` reads from: the process's standard input, or a test's bytes. Injected so that only a
 * command that was given `-` touches `process.stdin` (opening it keeps a handle on the terminal).
 */
export interface StdinSource {
  /** True when stdin is a terminal: nothing is piped in, and reading would wait for typing. */
  readonly isTTY: boolean;
  /** Everything up to end of file; rejects on a read error (stdin closed, a folder redirected in). */
  read(): Promise<Uint8Array>;
}

/** The process's standard input. */
export const processStdin: StdinSource = {
  get isTTY() {
    return Boolean(process.stdin.isTTY);
  },
  async read() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  },
};

/**
 * The bytes of standard input for `-`; `example` is the command as it should be run, with the pipe
 * (`lint - < report.md`). A terminal is refused instead of read: with nothing piped in, the command
 * would wait for typing without a word (an editor integration or a script that forgot the pipe
 * looked hung). A read error is a usage problem (exit 2) that says why.
 */
export async function readStdin(source: StdinSource, example: string): Promise<Uint8Array> {
  if (source.isTTY) {
    throw new UsageError({
      en: `-: standard input is a terminal, nothing is piped in; pipe the text in (\`incident-report ${example}\`) or give a path instead of -`,
      de: `-: die Standardeingabe ist ein Terminal, es wird nichts hineingeleitet; den Text hineinleiten (\`incident-report ${example}\`) oder statt - einen Pfad angeben`,
    });
  }
  try {
    return await source.read();
  } catch (error) {
    const reason = ioReason(error);
    throw new UsageError({ en: `${STDIN_NAME}: cannot be read: ${reason.en}`, de: `${STDIN_NAME}: kann nicht gelesen werden: ${reason.de}` });
  }
}
