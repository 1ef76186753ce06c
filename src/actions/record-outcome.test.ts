import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Campaign } from '../campaigns/campaign.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import type { StateCode } from '../domain.ts';
import type { HttpError } from '../http/errors.ts';
import { silentLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import { fixtureDirectoryData } from '../web/testing/directory-fixture.ts';
import { createActionsContext, directoryTargetCheck } from './context.ts';
import { recordOutcome } from './record-outcome.ts';
import { addCampaign, campaignFixture, report, testConfig } from './test-helpers.ts';

testEachDialect('asks the injected target check and refuses targets the campaign does not have', async (store) => {
  const context = createActionsContext(
    { config: testConfig(store), db: store.handle, clock: fixedClock('2026-11-28T12:00:00Z'), logger: silentLogger },
    { isKnownTarget: (_campaign, r) => (r.target.startsWith('house:') ? null : 'target') },
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
  assert.equal(full.recent.local.size, 0, 'the refused report is not remembered as counted');
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 0);
});

test('the directory check accepts the campaign’s kinds of seat, their holders and custom targets, for the reported place', () => {
  const directory = createDirectory(fixtureDirectoryData(), fixedClock('2026-11-28T12:00:00Z'));
  const campaign = { ...campaignFixture('asylum'), id: 1, createdAt: '', updatedAt: '' } as Campaign;
  assert.deepEqual(campaign.targets, ['senators', 'representative', 'custom']);
  const isKnown = directoryTargetCheck(directory);
  const at = (target: string, state: StateCode = 'CA', district: string | null = '12') => ({ target, state, district });
  const holder = directory.findSeat('house:ca:11')?.officialId;
  assert.ok(holder, 'the fixture seat has a holder');
  assert.equal(isKnown(campaign, at('house:ca:12')), null);
  assert.equal(isKnown(campaign, at(holder, 'CA', '11')), null, 'an official id stands for its seat');
  assert.equal(isKnown(campaign, at(holder, 'CA', '12')), 'target', 'and carries its district');
  assert.equal(isKnown(campaign, at('senate:ca:1', 'CA', '11')), null, 'senators represent the whole state');
  assert.equal(isKnown(campaign, at(campaign.customTargets[0]!.id, 'NV', null)), null);
  assert.equal(isKnown(campaign, at('house:ca:99', 'CA', null)), 'target', 'no such seat');
  assert.equal(isKnown(campaign, at('president')), 'target', 'the campaign does not target the President');
  assert.equal(isKnown(campaign, at('senate:ca:1', 'TX', '5')), 'target', 'a California seat reported from Texas');
  assert.equal(isKnown(campaign, at('house:ca:12', 'CA', '11')), 'target', 'the House seat of another district');
});

test('a reported district must exist in the reported state, whatever the target', () => {
  const directory = createDirectory(fixtureDirectoryData(), fixedClock('2026-11-28T12:00:00Z'));
  const campaign = { ...campaignFixture('asylum'), id: 1, createdAt: '', updatedAt: '' } as Campaign;
  const isKnown = directoryTargetCheck(directory);
  const at = (target: string, state: StateCode, district: string | null) => ({ target, state, district });
  const custom = campaign.customTargets[0]!.id;
  assert.equal(isKnown(campaign, at('senate:ca:1', 'CA', '99')), 'district', 'California has 52 districts');
  assert.equal(isKnown(campaign, at('senate:ca:1', 'CA', '52')), null);
  assert.equal(isKnown(campaign, at('senate:ca:1', 'CA', '0')), 'district', 'California is not at-large');
  assert.equal(isKnown(campaign, at('senate:ca:1', 'CA', '012')), 'district', 'written as the pages write it');
  assert.equal(isKnown(campaign, at(custom, 'WY', '0')), null, 'an at-large state is district 0');
  assert.equal(isKnown(campaign, at(custom, 'WY', '1')), 'district');
  assert.equal(isKnown(campaign, at(custom, 'PR', '0')), null, 'a territory has one member');
  assert.equal(isKnown(campaign, at(custom, 'TX', '38')), null);
  assert.equal(isKnown(campaign, at(custom, 'TX', '39')), 'district');
  assert.equal(isKnown(campaign, at(custom, 'NV', null)), null, 'no district is fine');
});
