import type { Config } from '../config.ts';

/**
 * A CLI command: `voz data check`, `voz lookup 94110`, … Each feature exports its own commands;
 * src/cli/main.ts lists them. Bad input throws `CliError`, which prints one line and exits non-zero.
 */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Parsed lazily: `voz --help` must work with a broken environment. */
  config(): Config;
}

export interface Command {
  /** Words after `voz`, e.g. `data check`. */
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number | undefined>;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
