import assert from 'node:assert/strict';
import { migrateToLatest } from './migrate.ts';
import { testEachDialect } from './testing.ts';

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
