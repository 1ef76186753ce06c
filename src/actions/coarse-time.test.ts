import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestStore, dialectsUnderTest } from '../db/testing.ts';
import { hourOf, minuteOf } from './coarse-time.ts';

test('keeps the UTC hour of an action and the UTC minute of a signup', () => {
  assert.equal(hourOf(new Date('2026-11-28T23:59:59.999Z')), '2026-11-28T23:00:00.000Z');
  assert.equal(hourOf('2026-11-29T00:00:00.001Z'), '2026-11-29T00:00:00.000Z');
  // A time given with an offset is first read as the instant it names.
  assert.equal(hourOf('2026-11-28T20:45:10+05:30'), '2026-11-28T15:00:00.000Z');
  assert.equal(minuteOf('2026-11-28T15:04:59.999Z'), '2026-11-28T15:04:00.000Z');
});

for (const dialect of dialectsUnderTest()) {
  test(`rows stored before coarse times lose their minutes and milliseconds [${dialect}]`, async () => {
    const store = await createTestStore(dialect, { upTo: '2026-11-28-04-accounts' });
    try {
      const db = store.handle.db;
      // The campaigns table as it stood then: the repository writes columns added since.
      const campaign = await db
        .insertInto('campaigns')
        .values({
          slug: 'asylum',
          status: 'live',
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
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = { campaign_id: campaign.id, channel: 'call', outcome: 'contacted', state: 'CA', language: 'en' };
      await db
        .insertInto('actions')
        .values([
          { ...row, target: 'a', district: '12', created_at: '2026-11-28T23:59:59.999Z' },
          { ...row, target: 'b', district: null, created_at: '2026-11-28T05:30:12.345Z' },
        ])
        .execute();
      await db
        .insertInto('signups')
        .values({
          campaign_id: campaign.id,
          name: 'Ana',
          email: 'ana@example.org',
          zip: '94110',
          consent_text: 'Yes.',
          created_at: '2026-11-28T15:04:05.678Z',
        })
        .execute();
      await migrateToLatest(store.handle);
      const actions = await db.selectFrom('actions').select(['target', 'created_at']).orderBy('target').execute();
      assert.deepEqual(actions, [
        { target: 'a', created_at: '2026-11-28T23:00:00.000Z' },
        { target: 'b', created_at: '2026-11-28T05:00:00.000Z' },
      ]);
      const signups = await db.selectFrom('signups').select('created_at').execute();
      assert.deepEqual(signups, [{ created_at: '2026-11-28T15:04:00.000Z' }]);
    } finally {
      await store.dispose();
    }
  });
}

test('hours before 1970 and the next hour after a repeated one are each their own', () => {
  assert.equal(hourOf('1969-12-31T23:30:00.000Z'), '1969-12-31T23:00:00.000Z');
  assert.equal(hourOf('2026-11-28T14:59:59.999Z'), '2026-11-28T14:00:00.000Z');
  assert.equal(hourOf('2026-11-28T14:10:00.000Z'), '2026-11-28T14:00:00.000Z');
  assert.equal(hourOf('2026-11-28T15:00:00.000Z'), '2026-11-28T15:00:00.000Z');
  assert.throws(() => hourOf('not a time'), RangeError);
});
