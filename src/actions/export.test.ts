import assert from 'node:assert/strict';
import { testEachDialect } from '../db/testing.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';
import { campaignActions } from './export.ts';
import { addCampaign } from './test-helpers.ts';

testEachDialect('an export longer than a page still lists each hour sorted by content', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const at = (hour: number, target: string): NewAction => ({
    campaignId: campaign.id,
    target,
    channel: 'call',
    outcome: 'contacted',
    state: 'CA',
    district: '12',
    language: 'en',
    createdAt: `2026-11-28T${String(hour).padStart(2, '0')}:30:00.000Z`,
  });
  // More rows in one hour than an export page (5,000), arriving in reverse order of target.
  const noon = Array.from({ length: 5200 }, (_, i) => at(12, `t-${String(5200 - i).padStart(4, '0')}`));
  await insertActionsAtomically(store.handle, [at(13, 'z-late'), ...noon, at(11, 'a-early')]);
  const targets: string[] = [];
  const hours: string[] = [];
  for await (const action of campaignActions(store.handle, campaign.id)) {
    targets.push(action.target);
    hours.push(action.createdAt);
  }
  assert.equal(targets.length, 5202);
  assert.deepEqual(hours, [...hours].sort(), 'hour by hour');
  assert.equal(targets[0], 'a-early');
  assert.equal(targets[5201], 'z-late');
  const noonTargets = targets.slice(1, 5201);
  assert.deepEqual(noonTargets, [...noonTargets].sort(), 'sorted by content within the hour, across pages');
  assert.equal(new Set(noonTargets).size, 5200, 'no row twice, none left out');
});
