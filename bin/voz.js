#!/usr/bin/env node
// `npx voz …`: run the TypeScript CLI through tsx, in this process so exit codes and signals pass through.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv.slice(2));
