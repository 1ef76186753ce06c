import assert from 'node:assert/strict';
import { test } from 'node:test';
import { campaignTemplates, customTargetPerson } from './campaign-templates.ts';
import { sampleCampaignInput } from './fixtures.ts';
import { officialTemplateValues } from './official-titles.ts';
import { renderTemplate } from './templates.ts';

test('templates come parsed in the asked language, or the default one', () => {
  const campaign = { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 };
  const es = campaignTemplates(campaign, 'es');
  assert.equal(es.lang, 'es');
  assert.deepEqual(es.callScript?.keys, ['name', 'city', 'office']);
  delete campaign.content.es;
  assert.equal(campaignTemplates(campaign, 'es').lang, 'en');
});

test('a custom target fills [official] and [office] with its own title', () => {
  const target = sampleCampaignInput().customTargets[0]!;
  const template = campaignTemplates(
    { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 },
    'en',
  );
  const text = renderTemplate(template.callScript!, officialTemplateValues(customTargetPerson(target), 'en')!);
  assert.match(text, /calling the office of Mayor Jordan Lee to ask/);
});
