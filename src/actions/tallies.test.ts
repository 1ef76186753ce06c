import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestStore, dialectsUnderTest, testEachDialect } from '../db/testing.ts';
import type { Channel, Language, Outcome, StateCode } from '../domain.ts';
import type { NewAction } from './action.ts';
import {
  actionRowOf,
  type CountDimension,
  countActions,
  countActionsBy,
  insertActionsAtomically,
} from './action-repository.ts';
import { SqliteActionWriter } from './sqlite-action-writer.ts';
import { tallyActions, toActionTuple } from './tallies.ts';
import { addCampaign } from './test-helpers.ts';

const TARGETS = ['senate:tx:1', 'senate:tx:2', 'house:tx:7', 'president'];
const OUTCOMES: Outcome[] = ['contacted', 'voicemail', 'unavailable', 'skipped'];
const CHANNELS: Channel[] = ['call', 'email', 'form'];
const PLACES: Array<[StateCode, string | null]> = [
  ['TX', '7'],
  ['TX', null],
  ['DC', '0'],
  ['PR', null],
];

/** A varied batch: every field changes at its own pace, across two UTC days. */
function batch(campaignId: number, size: number, seed: number): NewAction[] {
  return Array.from({ length: size }, (_, j) => {
    const i = seed * 1000 + j;
    const [state, district] = PLACES[i % PLACES.length]!;
    return {
      campaignId,
      target: TARGETS[i % TARGETS.length]!,
      channel: CHANNELS[Math.floor(i / 3) % CHANNELS.length]!,
      outcome: OUTCOMES[Math.floor(i / 5) % OUTCOMES.length]!,
      state,
      district,
      language: (i % 7 === 0 ? 'es' : 'en') as Language,
      createdAt: i % 2 ? '2026-11-30T23:59:59.000Z' : '2026-12-01T00:10:00.000Z',
    };
  });
}

/** The same totals counted from the action rows themselves, as Voz did before it kept tallies. */
async function countRowsBy(db: Db, dialect: Dialect, campaignId: number, dimension: CountDimension) {
  const day =
    dialect === 'sqlite'
      ? sql<string>`substr(created_at, 1, 10)`
      : sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`;
  const key =
    dimension === 'day'
      ? day
      : dimension === 'district'
        ? sql<string>`state || '/' || coalesce(district, '-')`
        : sql.ref<string>(dimension);
  const rows = await db
    .selectFrom('actions')
    .select([key.as('key'), sql<number | string>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(key)
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

async function assertTalliesMatchRows({ db, dialect }: { db: Db; dialect: Dialect }, campaignId: number) {
  for (const dimension of ['target', 'outcome', 'channel', 'state', 'district', 'day', 'language'] as const) {
    const tallied = await countActionsBy(db, campaignId, dimension);
    const keyOf = (r: (typeof tallied)[number]) =>
      dimension === 'district' ? `${r.state}/${r.key ?? '-'}` : (r.key ?? '');
    assert.deepEqual(
      new Map(tallied.map((r) => [keyOf(r), r.count])),
      await countRowsBy(db, dialect, campaignId, dimension),
      `by ${dimension}`,
    );
  }
}

test('a batch is summed into one tally per day and combination, a missing district kept apart', () => {
  const actions = batch(1, 60, 0);
  const tallies = tallyActions(actions.map(toActionTuple));
  assert.equal(
    tallies.reduce((sum, t) => sum + t[8], 0),
    60,
  );
  const keys = tallies.map((t) => t.slice(0, 8).join('|'));
  assert.equal(new Set(keys).size, keys.length, 'each combination once');
  assert.deepEqual(new Set(tallies.map((t) => t[1])), new Set(['2026-11-30', '2026-12-01']));
  assert.ok(
    tallies.some((t) => t[5] === 'TX' && t[6] === ''),
    'no district is its own key',
  );
  assert.ok(tallies.some((t) => t[5] === 'TX' && t[6] === '7'));
});

testEachDialect('tallies count exactly the rows stored, batch after batch', async (store) => {
  const db = store.handle.db;
  const campaign = await addCampaign(db, 'asylum');
  const other = await addCampaign(db, 'other');
  for (let seed = 0; seed < 5; seed++) await insertActionsAtomically(store.handle, batch(campaign.id, 37, seed));
  await insertActionsAtomically(store.handle, batch(other.id, 11, 9));
  assert.equal(await countActions(db, campaign.id), 185);
  assert.equal(await countActions(db, other.id), 11);
  await assertTalliesMatchRows(store.handle, campaign.id);
  const districts = await countActionsBy(db, campaign.id, 'district');
  assert.ok(
    districts.some((r) => r.state === 'PR' && r.key === null),
    'a missing district reads back as null',
  );
});

testEachDialect('concurrent batches on the same tallies neither deadlock nor lose a count', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  // On PostgreSQL each call is its own connection and transaction, all updating the same rows.
  await Promise.all(
    Array.from({ length: 12 }, (_, seed) => insertActionsAtomically(store.handle, batch(campaign.id, 50, seed))),
  );
  assert.equal(await countActions(store.handle.db, campaign.id), 600);
  await assertTalliesMatchRows(store.handle, campaign.id);
});

test('the SQLite writer thread adds each committed batch to the tallies, and nothing of a failed one', async () => {
  const store = await createTestStore('sqlite');
  const writer = new SqliteActionWriter(store.database.dialect === 'sqlite' ? store.database.path : '');
  try {
    const campaign = await addCampaign(store.handle.db, 'asylum');
    await writer.write(batch(campaign.id, 40, 1));
    await writer.write(batch(campaign.id, 40, 2));
    const failing = [...batch(campaign.id, 5, 3), { ...batch(campaign.id, 1, 4)[0]!, campaignId: campaign.id + 99 }];
    await assert.rejects(writer.write(failing), /FOREIGN KEY/);
    assert.equal(await countActions(store.handle.db, campaign.id), 80);
    await assertTalliesMatchRows(store.handle, campaign.id);
  } finally {
    await writer.close();
    await store.dispose();
  }
});

for (const dialect of dialectsUnderTest()) {
  test(`actions stored before tallies existed are tallied by the migration [${dialect}]`, async () => {
    const store = await createTestStore(dialect, { upTo: '2026-12-03-05-campaign-old-slugs' });
    try {
      const db = store.handle.db;
      const campaign = await addCampaign(db, 'asylum');
      await db
        .insertInto('actions')
        .values(batch(campaign.id, 90, 2).map(toActionTuple).map(actionRowOf))
        .execute();
      await migrateToLatest(store.handle);
      assert.equal(await countActions(db, campaign.id), 90);
      await assertTalliesMatchRows(store.handle, campaign.id);
    } finally {
      await store.dispose();
    }
  });
}
