import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NAMED_RANGES, type ProxyTrust, parseRange } from './http/client-address.ts';

/**
 * Every setting Voz reads, parsed once at start-up. This is the only module that touches
 * `process.env`; everything else receives a `Config`. `.env.example` documents each key.
 */

/**
 * A count or a port, written in plain decimal digits. Number() would also take " " (as 0),
 * "0x0D66" (as 3430) and "1e1" (as 10): a typo must stop start-up, not pick a random port.
 */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,16}$/, `must be a whole number written in digits, from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const url = z.url({ protocol: /^https?$/ });

/**
 * TRUST_PROXY: `false`; a number of proxy hops (`true` is 1, kept for existing settings); or the
 * proxies' addresses and ranges, comma-separated, with the names loopback, linklocal, uniquelocal.
 */
const proxyTrust = z
  .string()
  .trim()
  .transform((value, ctx): ProxyTrust => {
    const lower = value.toLowerCase();
    if (['false', 'no', '0'].includes(lower)) return { kind: 'none' };
    if (['true', 'yes'].includes(lower)) return { kind: 'hops', hops: 1 };
    if (/^\d+$/.test(lower)) {
      const hops = Number(lower);
      if (hops <= 10) return { kind: 'hops', hops };
      ctx.addIssue({ code: 'custom', message: 'more than 10 proxy hops is not a real deployment' });
      return z.NEVER;
    }
    const ranges = lower.split(',').map((entry) => entry.trim());
    const bad = ranges.filter((entry) => !(entry in NAMED_RANGES) && parseRange(entry) === null);
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, a number of proxy hops, or proxy addresses and ranges (not ${bad.map((b) => `"${b}"`).join(', ')})`,
      });
      return z.NEVER;
    }
    return { kind: 'ranges', ranges };
  });

const schema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: url.optional(),
  WORKERS: int(1, 64).default(1),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: proxyTrust.default({ kind: 'none' }),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),

  DATA_DIR: z.string().min(1).optional(),
  VAR_DIR: z.string().min(1).default('var'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL; leave it unset to use SQLite')
    .optional(),
  SQLITE_PATH: z.string().min(1).optional(),
  DB_CONNECT_TIMEOUT_MS: int(100, 600_000).default(3000),
  DB_QUERY_TIMEOUT_MS: int(0, 3_600_000).default(5000),
  DB_WRITE_TIMEOUT_MS: int(100, 600_000).default(5000),

  WHITE_HOUSE_PHONE: z
    .string()
    .regex(/^[0-9()+\-. ]{7,20}$/, 'must be a phone number')
    .default('202-456-1111'),
  WHITE_HOUSE_CONTACT_URL: url.default('https://www.whitehouse.gov/contact/'),

  GEOCODER: z.enum(['census', 'geocodio', 'nominatim', 'none']).default('census'),
  GEOCODER_URL: url.optional(),
  GEOCODER_API_KEY: z.string().min(1).optional(),
  GEOCODER_TIMEOUT_MS: int(100, 60_000).default(3000),

  ACTIONS_RATE_LIMIT: int(1, 1_000_000).default(30),
  ACTIONS_RATE_WINDOW_S: int(1, 86_400).default(600),
  GROUP_COMMIT_MS: int(0, 1000).default(4),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  workers: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Whose X-Forwarded-For entries to believe, for telling clients apart (client-address.ts). */
  proxyTrust: ProxyTrust;
  cookieSecure: 'auto' | 'always' | 'never';
  dataDir: string;
  varDir: string;
  database: { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };
  /**
   * How long Voz waits on PostgreSQL before answering 503: for a connection, for one statement
   * (0: no limit), and for a batch of actions to commit.
   */
  databaseTimeouts: { connectMs: number; queryMs: number; writeMs: number };
  whiteHouse: { phone: string; contactUrl: string };
  geocoder: {
    provider: 'census' | 'geocodio' | 'nominatim' | 'none';
    url: string | null;
    apiKey: string | null;
    timeoutMs: number;
  };
  actions: { rateLimit: number; rateWindowS: number; groupCommitMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The mirror shipped beside a checkout, if there is one; otherwise data fetched on first start. */
function defaultDataDir(cwd: string, varDir: string): string {
  const mirror = path.resolve(cwd, '../shared/data');
  return existsSync(mirror) ? mirror : path.resolve(cwd, varDir, 'data');
}

export function parseConfig(env: Env, cwd: string = process.cwd()): Config {
  // Empty strings count as unset, as in most .env tooling.
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.GEOCODER === 'geocodio' && !e.GEOCODER_API_KEY) {
    throw new ConfigError(['GEOCODER_API_KEY: required when GEOCODER=geocodio']);
  }
  const varDir = path.resolve(cwd, e.VAR_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    workers: e.WORKERS,
    logLevel: e.LOG_LEVEL,
    proxyTrust: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE === 'true' ? 'always' : e.COOKIE_SECURE === 'false' ? 'never' : 'auto',
    dataDir: e.DATA_DIR ? path.resolve(cwd, e.DATA_DIR) : defaultDataDir(cwd, e.VAR_DIR),
    varDir,
    database: e.DATABASE_URL
      ? { dialect: 'postgres', url: e.DATABASE_URL }
      : { dialect: 'sqlite', path: path.resolve(cwd, e.SQLITE_PATH ?? path.join(e.VAR_DIR, 'voz.sqlite')) },
    databaseTimeouts: {
      connectMs: e.DB_CONNECT_TIMEOUT_MS,
      queryMs: e.DB_QUERY_TIMEOUT_MS,
      writeMs: e.DB_WRITE_TIMEOUT_MS,
    },
    whiteHouse: { phone: e.WHITE_HOUSE_PHONE, contactUrl: e.WHITE_HOUSE_CONTACT_URL },
    geocoder: {
      provider: e.GEOCODER,
      url: e.GEOCODER_URL ?? null,
      apiKey: e.GEOCODER_API_KEY ?? null,
      timeoutMs: e.GEOCODER_TIMEOUT_MS,
    },
    actions: {
      rateLimit: e.ACTIONS_RATE_LIMIT,
      rateWindowS: e.ACTIONS_RATE_WINDOW_S,
      groupCommitMs: e.GROUP_COMMIT_MS,
    },
  };
}

/** The one place that reads the process environment. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}

/**
 * Settings for the test suite itself (not for Voz): the PostgreSQL server that repository tests
 * also run against (CI must provide it; a run without it on CI fails rather than skipping), and
 * the officials data mirror, DATA_DIR as for Voz itself (else ../shared/data).
 */
export function loadTestSettings(): { databaseUrl: string | null; requirePostgres: boolean; dataDir: string | null } {
  return {
    databaseUrl: process.env.TEST_DATABASE_URL || null,
    requirePostgres: process.env.CI === 'true' || process.env.VOZ_REQUIRE_POSTGRES === '1',
    dataDir: process.env.DATA_DIR || null,
  };
}
