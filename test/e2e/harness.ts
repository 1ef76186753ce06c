import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { buildApp, type VozApp } from '../../src/app.ts';
import { seedDemoCampaign } from '../../src/campaigns/demo-campaign.ts';
import { type Clock, systemClock } from '../../src/clock.ts';
import { type Config, parseConfig } from '../../src/config.ts';
import { createTestStore, type TestStore } from '../../src/db/testing.ts';
import { silentLogger } from '../../src/log.ts';
import { createDirectory } from '../../src/lookup/create-directory.ts';
import type { Directory } from '../../src/officials/directory.ts';
import { loadDirectoryData } from '../../src/officials/load.ts';
import { testConfig } from '../../src/officials/testing/mirror.ts';
import type { DirectoryData } from '../../src/officials/types.ts';

/**
 * Shared end-to-end harness: Debian's Chromium through playwright-core, and the whole app served
 * in-process on an ephemeral port over a temporary SQLite store and the real officials data.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

let realData: Promise<DirectoryData> | null = null;

/** The mirrored upstream data, loaded once per test process. */
export function realDirectoryData(config: Config = testConfig()): Promise<DirectoryData> {
  realData ??= loadDirectoryData(config, { clock: systemClock, logger: silentLogger });
  return realData;
}

export interface RunningApp {
  baseUrl: string;
  vozApp: VozApp;
  store: TestStore;
  config: Config;
  directory: Directory;
  url(path: string): string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Defaults to the real data through the real createDirectory. */
  directory?: Directory;
  clock?: Clock;
  env?: Record<string, string>;
  /** Seed the demo campaign, as a fresh install does (default true). */
  demo?: boolean;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? systemClock;
  const store = await createTestStore('sqlite');
  // The actions writer opens the store named in the config, so it must name the test store.
  const sqlitePath = store.database.dialect === 'sqlite' ? store.database.path : '';
  const config = parseConfig({ GROUP_COMMIT_MS: '1', LOG_LEVEL: 'silent', SQLITE_PATH: sqlitePath, ...options.env });
  const directory = options.directory ?? createDirectory(await realDirectoryData(config), clock);
  if (options.demo !== false) await seedDemoCampaign(store.handle.db, clock);
  const vozApp = buildApp({ config, db: store.handle, directory, clock, logger: silentLogger });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: vozApp.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    vozApp,
    store,
    config,
    directory,
    url: (path) => new URL(path, baseUrl).toString(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from the browser would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await vozApp.close();
      await store.dispose();
    },
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page made to a host other than the app's. */
  foreignRequests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Dialogs (alert/confirm/prompt) the page tried to open: an executed XSS payload shows here. */
  dialogs: string[];
}

export async function openPage(
  browser: Browser,
  app: RunningApp,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  const origin = new URL(app.baseUrl).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(app.url(path));
  return { context, page, foreignRequests, errors, dialogs };
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations for the page as it is now, formatted for an assertion message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
