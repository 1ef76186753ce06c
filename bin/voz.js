#!/usr/bin/env node
// `npx voz …`: run the TypeScript CLI through tsx, in this process so exit codes and signals pass through.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
