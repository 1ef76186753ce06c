import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateToLatest } from './migrate.ts';
import { createTestStore, dialectsUnderTest, testEachDialect } from './testing.ts';

testEachDialect('migrations are idempotent and timestamps read back as ISO strings', async (store) => {
  const again = await migrateToLatest(store.handle);
  assert.deepEqual(again.results, []);
  const row = await store.handle.db
    .insertInto('campaigns')
    .values({
      slug: 'probe',
      status: 'draft',
      published_on: '2026-11-28',
      default_language: 'en',
      content: '{}',
      targets: '[]',
      custom_targets: '[]',
      tags: '[]',
      share_image_url: null,
      theme: '{}',
      embed_enabled: 0,
      goal: null,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  assert.equal(typeof row.id, 'number');
  assert.match(row.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
});

test('stores migrate while other stores on the same server are being dropped', async (t) => {
  if (!dialectsUnderTest().includes('postgres')) {
    t.skip('needs TEST_DATABASE_URL');
    return;
  }
  // Kysely lists every schema before it takes its own lock; a schema dropped at that moment used to
  // fail an unrelated store's migration with "schema … does not exist" (a flaky CI failure).
  const rounds = Array.from({ length: 6 }, async () => {
    for (let i = 0; i < 6; i++) {
      const store = await createTestStore('postgres');
      await store.dispose();
    }
  });
  const results = await Promise.allSettled(rounds);
  const failures = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
  assert.deepEqual(failures, []);
});
