import type { Campaign, NewCampaign } from '../campaigns/campaign.ts';
import { insertCampaign } from '../campaigns/campaign-repository.ts';
import { type Clock, fixedClock } from '../clock.ts';
import { type Config, type Env, parseConfig } from '../config.ts';
import type { Db, DbHandle } from '../db/database.ts';
import type { TestStore } from '../db/testing.ts';
import { type CampaignStatus, CHANNELS, OUTCOMES } from '../domain.ts';
import { createLogger, type Logger, silentLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import type { Directory } from '../officials/directory.ts';
import { fixtureDirectoryData } from '../web/testing/directory-fixture.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';

/** Shared fixtures for the actions tests: a campaign, a config, an app's dependencies. */

export function campaignFixture(slug: string, status: CampaignStatus = 'live'): NewCampaign {
  return {
    slug,
    status,
    date: '2026-11-20',
    defaultLanguage: 'en',
    content: {
      en: { title: 'Protect asylum', summary: 's', body: 'b', callScript: 'c', message: 'm', shareText: 't' },
    },
    targets: ['senators', 'representative', 'custom'],
    customTargets: [
      { id: 'mayor-smith', name: 'Mayor Smith', title: 'Mayor', phone: null, email: null, contactUrl: null },
    ],
    tags: [],
    shareImageUrl: null,
    theme: { color: null, logoUrl: null },
    embedEnabled: false,
    goal: null,
  };
}

/**
 * Writes batches of varied actions (every channel, outcome, language, both states, a missing
 * district, three days) to the campaign through a second connection, as the group-commit writer
 * or another process would, until the returned function is called; it resolves once the last
 * batch has landed.
 */
export function keepWriting(store: TestStore, campaignId: number): () => Promise<void> {
  const writer = store.reopen();
  const targets = ['house:ca:12', 'senate:ca:1', 'house:tx:7', 'mayor-smith'];
  let writing = true;
  const writes = (async () => {
    for (let i = 0; writing; i++) {
      const batch = Array.from(
        { length: 5 },
        (_, j): NewAction => ({
          campaignId,
          target: targets[(i + j) % targets.length]!,
          channel: CHANNELS[(i * 5 + j) % CHANNELS.length]!,
          outcome: OUTCOMES[(i + 2 * j) % OUTCOMES.length]!,
          state: (i + j) % 2 === 0 ? 'CA' : 'TX',
          district: (i + j) % 3 === 0 ? null : String(j + 1),
          language: j % 2 === 0 ? 'en' : 'es',
          createdAt: `2026-11-${28 + (i % 3)}T12:00:00.000Z`,
        }),
      );
      await insertActionsAtomically(writer, batch);
    }
  })();
  return async () => {
    writing = false;
    try {
      await writes;
    } finally {
      await writer.close();
    }
  };
}

export const addCampaign = (db: Db, slug: string, status: CampaignStatus = 'live'): Promise<Campaign> =>
  insertCampaign(db, campaignFixture(slug, status));

export function testConfig(store: { database: Config['database'] }, env: Env = {}): Config {
  const config = parseConfig({ LOG_LEVEL: 'silent', GROUP_COMMIT_MS: '2', ...env }, '/tmp');
  return { ...config, database: store.database };
}

/** The pages' small hand-made directory: reports are checked against its seats (CA-11, CA-12, …). */
let fixture: Directory | null = null;
export const testDirectory = (): Directory => {
  fixture ??= createDirectory(fixtureDirectoryData(), fixedClock('2026-11-28T12:00:00Z'));
  return fixture;
};

export function capturingLogger(level: 'debug' | 'info' = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger(level, (line) => lines.push(line)), lines };
}

export function appDeps(handle: DbHandle, config: Config, clock: Clock, logger: Logger = silentLogger) {
  return { config, db: handle, directory: testDirectory(), clock, logger };
}

export const report = (over: Record<string, unknown> = {}) => ({
  target: 'house:ca:12',
  channel: 'call',
  outcome: 'contacted',
  state: 'CA',
  district: '12',
  language: 'en',
  ...over,
});

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://voz.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
