import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CampaignCounts } from '../../src/actions/counts.ts';
import { addCampaign } from '../../src/actions/test-helpers.ts';
import { createTestStore, dialectsUnderTest } from '../../src/db/testing.ts';
import { databaseEnv, startVozServer } from '../support/voz-server.ts';

/** Two real Voz processes on one store: every acknowledged action is counted once, by both. */
for (const dialect of dialectsUnderTest()) {
  test(`two Voz server processes sharing one store count correctly [${dialect}]`, { timeout: 180_000 }, async () => {
    const store = await createTestStore(dialect);
    try {
      await addCampaign(store.handle.db, 'shared');
      const env = { ...databaseEnv(store.database), TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '1000000' };
      const servers = [await startVozServer(env), await startVozServer(env)];
      try {
        const post = (i: number) =>
          fetch(`${servers[i % 2]!.url}/api/v1/campaigns/shared/actions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` },
            body: JSON.stringify({
              target: `house:ca:${(i % 52) + 1}`,
              channel: 'call',
              outcome: 'contacted',
              state: 'CA',
              district: String((i % 52) + 1),
              language: 'es',
            }),
          }).then((r) => r.status);
        const statuses = await Promise.all(Array.from({ length: 400 }, (_, i) => post(i)));
        assert.deepEqual(new Set(statuses), new Set([201]));
        await new Promise((r) => setTimeout(r, 2100)); // past the counter cache of each process
        for (const server of servers) {
          const counts = (await (await fetch(`${server.url}/api/v1/campaigns/shared/counts`)).json()) as CampaignCounts;
          assert.equal(counts.total, 400);
          assert.equal(counts.byLanguage.es, 400);
        }
        const rows = await store.handle.db.selectFrom('actions').select('id').execute();
        assert.equal(rows.length, 400);
      } finally {
        for (const server of servers) await server.stop();
      }
    } finally {
      await store.dispose();
    }
  });
}
