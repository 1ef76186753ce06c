import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Campaign } from '../campaigns/campaign.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import type { HttpError } from '../http/errors.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { createActionsContext, directoryTargetCheck } from './context.ts';
import { recordOutcome } from './record-outcome.ts';
import { addCampaign, campaignFixture, report, testConfig } from './test-helpers.ts';

testEachDialect('asks the injected target check and refuses targets the campaign does not have', async (store) => {
  const context = createActionsContext(
    { config: testConfig(store), db: store.handle, clock: fixedClock('2026-11-28T12:00:00Z'), logger: silentLogger },
    { isKnownTarget: (_campaign, id) => id.startsWith('house:') },
  );
  await addCampaign(store.handle.db, 'asylum');
  const record = (target: string) =>
    recordOutcome(context, { campaignSlug: 'asylum', clientKey: 'k', report: report({ target }) });
  assert.deepEqual((await record('house:ca:12')).counted, true);
  await assert.rejects(record('senate:ca:1'), (err: HttpError) => err.status === 400 && err.code === 'unknown_target');
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 1);
  await context.writer.close();
});

testEachDialect('a write that cannot be queued answers 503 and the retry is still counted', async (store) => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const config = testConfig(store);
  const full = createActionsContext({ config, db: store.handle, clock, logger: silentLogger }, { maxPending: 0 });
  await addCampaign(store.handle.db, 'asylum');
  const request = { campaignSlug: 'asylum', clientKey: 'k', report: report() };
  await assert.rejects(recordOutcome(full, request), (err: HttpError) => {
    assert.equal(err.status, 503);
    assert.equal(err.headers['Retry-After'], '1');
    return true;
  });
  assert.equal(full.recent.size, 0, 'the refused report is not remembered as counted');
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 0);
});

test('the directory check knows seats, officials and the campaign’s custom targets', () => {
  const directory = {
    findSeat: (id: string) => (id === 'house:ca:12' ? {} : null),
    findOfficial: (id: string) => (id === 'P000197' ? {} : null),
  } as unknown as Directory;
  const campaign = { ...campaignFixture('asylum'), id: 1, createdAt: '', updatedAt: '' } as Campaign;
  const isKnown = directoryTargetCheck(directory);
  assert.equal(isKnown(campaign, 'house:ca:12'), true);
  assert.equal(isKnown(campaign, 'P000197'), true);
  assert.equal(isKnown(campaign, 'mayor-smith'), true);
  assert.equal(isKnown(campaign, 'house:ca:99'), false);
});
