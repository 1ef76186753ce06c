import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, loadTestSettings, parseConfig } from '../../config.ts';

/** The checkout's root: var/ and the default ../shared/data are found from here. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The officials data mirror the tests read: DATA_DIR, else ../shared/data beside the checkout.
 * Tests never download it: without it they fail with this one message rather than fetch from
 * upstream or pass on a snapshot left in var/cache by an earlier run.
 */
export function testDataDir(): string {
  const dir = path.resolve(loadTestSettings().dataDir ?? parseConfig({}, ROOT).dataDir);
  if (!existsSync(path.join(dir, 'congress-legislators'))) {
    throw new Error(
      `the officials data mirror is needed at ${dir}: set DATA_DIR=<the mirror> or place it at ../shared/data (README, Tests)`,
    );
  }
  return dir;
}

/** Voz's configuration for tests: defaults, silent logs, and the mirror above. */
export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: testDataDir(), ...env }, ROOT);
}
