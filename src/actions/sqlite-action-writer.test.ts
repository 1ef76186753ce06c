import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createTestStore } from '../db/testing.ts';
import type { NewAction } from './action.ts';
import { SqliteActionWriter } from './sqlite-action-writer.ts';
import { addCampaign } from './test-helpers.ts';

const action = (campaignId: number, target: string): NewAction => ({
  campaignId,
  target,
  channel: 'form',
  outcome: 'contacted',
  state: 'PR',
  district: '0',
  language: 'es',
  createdAt: '2026-11-28T12:00:00.000Z',
});

test('the worker-thread writer commits each batch before resolving, all or nothing', async () => {
  const store = await createTestStore('sqlite');
  const writer = new SqliteActionWriter(store.database.dialect === 'sqlite' ? store.database.path : '');
  try {
    const campaign = await addCampaign(store.handle.db, 'asylum');
    await writer.write([action(campaign.id, 'a'), action(campaign.id, 'b')]);
    const rows = await store.handle.db.selectFrom('actions').selectAll().orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.target, r.channel, r.state, r.district, r.language, r.created_at]),
      [
        ['a', 'form', 'PR', '0', 'es', '2026-11-28T12:00:00.000Z'],
        ['b', 'form', 'PR', '0', 'es', '2026-11-28T12:00:00.000Z'],
      ],
    );
    await assert.rejects(writer.write([action(campaign.id, 'c'), action(campaign.id + 99, 'orphan')]), /FOREIGN KEY/);
    assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 2);
    await writer.write([action(campaign.id, 'd')]);
    assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 3);
  } finally {
    await writer.close();
    await store.dispose();
  }
});

test('a writer whose database cannot be opened rejects its waiters instead of hanging', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-writer-'));
  const writer = new SqliteActionWriter(path.join(dir, 'unmigrated.sqlite'));
  try {
    await assert.rejects(writer.write([action(1, 'x')]), /no such table: actions/);
    await assert.rejects(writer.write([action(1, 'y')]), /no such table: actions/, 'starts again on the next write');
  } finally {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
