import assert from 'node:assert/strict';
import type { NewAction } from '../actions/action.ts';
import { insertActionsAtomically } from '../actions/action-repository.ts';
import { addCampaign, testDirectory } from '../actions/test-helpers.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { OUTCOMES } from '../domain.ts';
import { readDashboard } from './read-dashboard.ts';

testEachDialect(
  'the totals, targets table, daily chart and map of one dashboard count the same rows while actions arrive',
  async (store) => {
    const clock = fixedClock('2026-11-30T12:00:00Z');
    const campaign = await addCampaign(store.handle.db, 'asylum');
    const deps = { dbHandle: store.handle, clock, directory: testDirectory() };
    // Writes come through another connection, as from the group-commit writer or another process.
    const writer = store.reopen();
    const targets = ['house:ca:12', 'senate:ca:1', 'house:tx:7', 'mayor-smith'];
    const channels = ['call', 'email', 'form'] as const;
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        const batch = Array.from(
          { length: 5 },
          (_, j): NewAction => ({
            campaignId: campaign.id,
            target: targets[(i + j) % targets.length]!,
            channel: channels[(i * 5 + j) % channels.length]!,
            // Skips are in the totals but not in the chart or the map: both sides must agree on them too.
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
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    try {
      const totals = new Set<number>();
      for (let read = 0; read < 40; read++) {
        const data = await readDashboard(deps, campaign);
        const { total } = data.counts;
        const attempts = total - data.counts.byOutcome.skipped;
        totals.add(total);
        assert.deepEqual(
          {
            targetRows: sum(data.targets.map((t) => t.total + t.skipped)),
            targetAttempts: sum(data.targets.map((t) => t.total)),
            dayChart: sum(data.attemptsByDay.map((d) => d.count)),
            stateMap: sum(data.attemptsByState.map((s) => s.count)),
          },
          { targetRows: total, targetAttempts: attempts, dayChart: attempts, stateMap: attempts },
          `read ${read}: total ${total}, attempts ${attempts}`,
        );
      }
      assert.ok(totals.size > 1, 'actions arrived between the reads');
    } finally {
      writing = false;
      await writes;
      await writer.close();
    }
  },
);
