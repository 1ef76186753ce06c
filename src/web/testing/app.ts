import { buildApp, type VozApp } from '../../app.ts';
import type { NewCampaign } from '../../campaigns/campaign.ts';
import { insertCampaign } from '../../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../../campaigns/fixtures.ts';
import { type Clock, fixedClock } from '../../clock.ts';
import { type Config, parseConfig } from '../../config.ts';
import { createTestStore, type TestStore } from '../../db/testing.ts';
import { silentLogger } from '../../log.ts';
import { createDirectory } from '../../lookup/create-directory.ts';
import type { Directory } from '../../officials/directory.ts';
import { fixtureDirectoryData } from './directory-fixture.ts';

/** A campaign to the President, both senators and the representative, as the seed's. */
export function pagesCampaign(overrides: Partial<NewCampaign> = {}): NewCampaign {
  return sampleCampaignInput({
    slug: 'protect-asylum',
    targets: ['senators', 'representative', 'president'],
    customTargets: [],
    shareImageUrl: null,
    ...overrides,
  });
}

export interface PagesTestApp extends VozApp {
  store: TestStore;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  directory: Directory;
  dispose(): Promise<void>;
}

/** The whole app on a temporary SQLite store and the fixture directory; Wednesday 10:30 in California. */
export async function createPagesTestApp(
  options: { directory?: Directory; clock?: Clock; campaigns?: NewCampaign[]; env?: Record<string, string> } = {},
): Promise<PagesTestApp> {
  const store = await createTestStore('sqlite');
  const clock = fixedClock('2026-03-11T17:30:00Z');
  const directory = options.directory ?? createDirectory(fixtureDirectoryData(), clock);
  // The actions writer opens the store named in the config, so it must name the test store.
  const sqlitePath = store.database.dialect === 'sqlite' ? store.database.path : '';
  const config = parseConfig({ GROUP_COMMIT_MS: '0', SQLITE_PATH: sqlitePath, ...options.env }, '/srv/voz');
  for (const campaign of options.campaigns ?? [pagesCampaign()]) await insertCampaign(store.handle.db, campaign);
  const vozApp = buildApp({ config, db: store.handle, directory, clock: options.clock ?? clock, logger: silentLogger });
  return {
    ...vozApp,
    store,
    config,
    clock,
    directory,
    dispose: async () => {
      await vozApp.close();
      await store.dispose();
    },
  };
}

/** A GET that keeps cookies, as a browser would, for the CSRF double-submit. */
export async function getPage(app: VozApp['app'], path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
  return { res, html, cookie, token };
}
