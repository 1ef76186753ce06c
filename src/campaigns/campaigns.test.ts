import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { insertCampaign } from './campaign-repository.ts';
import {
  closeCampaign,
  createCampaign,
  deleteCampaign,
  findCampaign,
  findPublicCampaign,
  listAllCampaigns,
  listLiveCampaigns,
  publishCampaign,
  updateCampaign,
} from './campaigns.ts';
import { sampleCampaignInput } from './fixtures.ts';

testEachDialect('creates a campaign and reads every field back', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const input = sampleCampaignInput();
  const result = await createCampaign(handle.db, input, clock);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  const { id, createdAt, updatedAt, version, ...stored } = (await findCampaign(handle.db, result.campaign.id))!;
  assert.deepEqual(stored, input);
  assert.equal(version, 1);
  assert.equal(createdAt, '2026-11-28T10:00:00.000Z');
  assert.equal(updatedAt, createdAt);
  assert.equal(typeof id, 'number');
});

testEachDialect('a second campaign with the same slug is refused on the slug field', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  assert.ok((await createCampaign(handle.db, sampleCampaignInput(), clock)).ok);
  const again = await createCampaign(handle.db, sampleCampaignInput({ goal: 7 }), clock);
  assert.deepEqual(again, {
    ok: false,
    errors: { slug: 'The slug "fund-legal-aid" is already used by another campaign.' },
  });
  assert.equal((await listAllCampaigns(handle.db)).length, 1);
});

testEachDialect('a duplicate slug is reported beside other field errors', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  await createCampaign(handle.db, sampleCampaignInput(), clock);
  const result = await createCampaign(handle.db, sampleCampaignInput({ goal: -1 }), clock);
  assert.ok(!result.ok);
  assert.deepEqual(Object.keys(result.errors).sort(), ['goal', 'slug']);
});

testEachDialect('updating keeps the slug check but allows a campaign its own slug', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const first = await createCampaign(handle.db, sampleCampaignInput(), clock);
  const second = await createCampaign(handle.db, sampleCampaignInput({ slug: 'second' }), clock);
  assert.ok(first.ok && second.ok);
  clock.advance(60_000);
  const own = await updateCampaign(handle.db, first.campaign.id, sampleCampaignInput({ goal: 900 }), clock);
  assert.ok(own?.ok);
  assert.equal(own.campaign.goal, 900);
  assert.equal(own.campaign.updatedAt, '2026-11-28T10:01:00.000Z');
  const stolen = await updateCampaign(handle.db, second.campaign.id, sampleCampaignInput(), clock);
  assert.deepEqual(stolen, {
    ok: false,
    errors: { slug: 'The slug "fund-legal-aid" is already used by another campaign.' },
  });
  assert.equal(await updateCampaign(handle.db, 9999, sampleCampaignInput(), clock), null);
});

testEachDialect('an invalid update changes nothing', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const created = await createCampaign(handle.db, sampleCampaignInput(), clock);
  assert.ok(created.ok);
  const input = sampleCampaignInput();
  input.content.en!.message = 'Dear [oficial]';
  const result = await updateCampaign(handle.db, created.campaign.id, input, clock);
  assert.ok(result && !result.ok && 'errors' in result);
  assert.match(result.errors['content.en.message']!, /\[oficial\]/);
  assert.deepEqual(await findCampaign(handle.db, created.campaign.id), created.campaign);
});

testEachDialect('drafts are hidden from the public; live and closed campaigns are shown', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const draft = await createCampaign(handle.db, sampleCampaignInput({ status: 'draft' }), clock);
  assert.ok(draft.ok);
  assert.equal(await findPublicCampaign(handle.db, 'fund-legal-aid'), null);
  assert.deepEqual(await listLiveCampaigns(handle.db), []);
  assert.equal(await findPublicCampaign(handle.db, 'no-such-campaign'), null);

  await publishCampaign(handle.db, draft.campaign.id, clock);
  assert.equal((await findPublicCampaign(handle.db, 'fund-legal-aid'))?.status, 'live');
  assert.deepEqual(
    (await listLiveCampaigns(handle.db)).map((c) => c.slug),
    ['fund-legal-aid'],
  );

  await closeCampaign(handle.db, draft.campaign.id, clock);
  assert.equal((await findPublicCampaign(handle.db, 'fund-legal-aid'))?.status, 'closed');
  assert.deepEqual(await listLiveCampaigns(handle.db), []);
});

testEachDialect('live campaigns are listed newest first', async ({ handle }) => {
  await insertCampaign(handle.db, sampleCampaignInput({ slug: 'older', date: '2026-01-01' }));
  await insertCampaign(handle.db, sampleCampaignInput({ slug: 'newer', date: '2026-06-01' }));
  await insertCampaign(handle.db, sampleCampaignInput({ slug: 'hidden', date: '2026-07-01', status: 'draft' }));
  assert.deepEqual(
    (await listLiveCampaigns(handle.db)).map((c) => c.slug),
    ['newer', 'older'],
  );
});

testEachDialect('publishing or deleting a missing campaign reports it missing', async ({ handle }) => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  assert.equal(await publishCampaign(handle.db, 42, clock), null);
  assert.equal(await deleteCampaign(handle.db, 42), false);
  const created = await createCampaign(handle.db, sampleCampaignInput(), clock);
  assert.ok(created.ok);
  assert.equal(await deleteCampaign(handle.db, created.campaign.id), true);
  assert.equal(await findCampaign(handle.db, created.campaign.id), null);
});
