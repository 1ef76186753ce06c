import assert from 'node:assert/strict';
import http from 'node:http';
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

/** One POST on a connection of its own: a cluster's primary hands each new connection to the next worker. */
function postOnNewConnection(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const dialect of dialectsUnderTest()) {
  test(`one client on both workers of a --workers 2 server is counted and limited once [${dialect}]`, {
    timeout: 180_000,
  }, async () => {
    const store = await createTestStore(dialect);
    try {
      await addCampaign(store.handle.db, 'shared');
      const env = { ...databaseEnv(store.database), WORKERS: '2', TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '30' };
      const server = await startVozServer(env);
      try {
        const report = JSON.stringify({
          target: 'house:ca:12',
          channel: 'call',
          outcome: 'contacted',
          state: 'CA',
          district: '12',
          language: 'en',
        });
        const url = `${server.url}/api/v1/campaigns/shared/actions`;
        const send = () => postOnNewConnection(url, report, { 'x-forwarded-for': '203.0.113.50' });
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++) statuses.push(await send());
        // The requests alternate between the workers; the report is stored once, the rest are repeats.
        assert.deepEqual(statuses, [201, ...Array(9).fill(200)]);
        assert.equal((await store.handle.db.selectFrom('actions').select('id').execute()).length, 1);
        // 62 requests in all from this client: the limit of 30 holds for the server, not per worker.
        for (let i = 10; i < 62; i++) statuses.push(await send());
        assert.equal(statuses.filter((s) => s === 429).length, 32);
      } finally {
        await server.stop();
      }
    } finally {
      await store.dispose();
    }
  });
}
