import assert from 'node:assert/strict';
import { addCampaign, keepWriting, testDirectory } from '../actions/test-helpers.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { readDashboard } from './read-dashboard.ts';

testEachDialect(
  'the totals, targets table, daily chart and map of one dashboard count the same rows while actions arrive',
  async (store) => {
    const clock = fixedClock('2026-11-30T12:00:00Z');
    const campaign = await addCampaign(store.handle.db, 'asylum');
    const deps = { dbHandle: store.handle, clock, directory: testDirectory() };
    // Skips are in the totals but not in the chart or the map: both sides must agree on them too.
    const stopWriting = keepWriting(store, campaign.id);
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
      await stopWriting();
    }
  },
);
