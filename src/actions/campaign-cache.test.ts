import assert from 'node:assert/strict';
import { campaignInputFromForm, campaignToForm } from '../campaigns/campaign-form.ts';
import { closeCampaign, createCampaign, publishCampaign, updateCampaign } from '../campaigns/campaigns.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { CampaignCache } from './campaign-cache.ts';

testEachDialect(
  'a campaign published, closed, renamed or created in this process is seen at once, not after the TTL',
  async ({ handle }) => {
    // The clock never moves: anything seen fresh here came from the change, not from the TTL.
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const cache = new CampaignCache(handle.db, clock, undefined, 60_000);
    assert.equal(await cache.find('fund-legal-aid'), null, 'an unknown slug is remembered as none');
    const created = await createCampaign(handle.db, { ...sampleCampaignInput(), status: 'draft' }, clock);
    assert.ok(created.ok);
    assert.equal((await cache.find('fund-legal-aid'))?.status, 'draft');

    await publishCampaign(handle.db, created.campaign.id, clock);
    assert.equal((await cache.find('fund-legal-aid'))?.status, 'live');
    await closeCampaign(handle.db, created.campaign.id, clock);
    assert.equal((await cache.find('fund-legal-aid'))?.status, 'closed');

    const renamed = campaignToForm({ ...created.campaign, slug: 'legal-aid' });
    await updateCampaign(handle.db, created.campaign.id, campaignInputFromForm(renamed), clock);
    assert.equal(await cache.find('fund-legal-aid'), null, 'the old slug is gone');
    assert.equal((await cache.find('legal-aid'))?.id, created.campaign.id);
  },
);
