import { PassThrough } from 'node:stream';

/**
 * Streams for running a command in a test: what it writes to stdout and stderr is collected, and
 * stdin holds the given text (a password piped in, as `echo … | voz admin create` does).
 */
export function captureIo(stdinText?: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const seen = { out: '', err: '' };
  stdout.on('data', (d) => {
    seen.out += d;
  });
  stderr.on('data', (d) => {
    seen.err += d;
  });
  if (stdinText !== undefined) stdin.end(stdinText);
  return { io: { stdout, stderr, stdin }, out: () => seen.out, err: () => seen.err };
}
