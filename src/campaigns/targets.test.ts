import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../domain.ts';
import type { Representation } from '../officials/types.ts';
import { demoCampaign } from './demo-campaign.ts';
import { sampleCampaignInput } from './fixtures.ts';
import { officialTemplateValues } from './official-titles.ts';
import { campaignTemplates, customTargetPerson, selectTargets } from './targets.ts';
import { renderTemplate } from './templates.ts';

function seat(id: string, role: Role, vacant = false): Representation {
  return {
    seat: { id, chamber: 'senate', role, state: 'CA', district: null, divisionId: 'x', label: id, officialId: null },
    official: null,
    vacant,
    mayBeOutOfDate: false,
  };
}

const everyone = [
  seat('president', 'president'),
  seat('vice-president', 'vice_president'),
  seat('senate:ca:1', 'senator'),
  seat('senate:ca:3', 'senator', true),
  seat('house:ca:12', 'representative'),
  seat('governor:ca', 'governor'),
  seat('sldu:ca:11', 'state_senator'),
];

test('the demo campaign shows both senators, the representative and the President, in that order', () => {
  const campaign = demoCampaign('2026-11-28');
  assert.deepEqual(
    selectTargets(campaign, everyone).map((r) => r.seat.id),
    ['senate:ca:1', 'senate:ca:3', 'house:ca:12', 'president'],
  );
});

test('in DC the representative target is the delegate and there are no senators', () => {
  const dc = [seat('president', 'president'), seat('house:dc:0', 'delegate')];
  assert.deepEqual(
    selectTargets(demoCampaign('2026-11-28'), dc).map((r) => r.seat.id),
    ['house:dc:0', 'president'],
  );
  assert.deepEqual(
    selectTargets({ targets: ['representative'] }, [seat('house:pr:0', 'resident_commissioner')]).map((r) => r.seat.id),
    ['house:pr:0'],
  );
});

test('a vacant seat stays in the list so the page can show the vacancy', () => {
  const [, vacant] = selectTargets({ targets: ['senators'] }, everyone);
  assert.equal(vacant?.vacant, true);
});

test('governor and state legislators only when the campaign asks for them', () => {
  assert.deepEqual(
    selectTargets({ targets: ['governor', 'state_legislators'] }, everyone).map((r) => r.seat.id),
    ['governor:ca', 'sldu:ca:11'],
  );
});

test('templates come parsed in the asked language, or the default one', () => {
  const campaign = { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '' };
  const es = campaignTemplates(campaign, 'es');
  assert.equal(es.lang, 'es');
  assert.deepEqual(es.callScript?.keys, ['name', 'city', 'office']);
  delete campaign.content.es;
  assert.equal(campaignTemplates(campaign, 'es').lang, 'en');
});

test('a custom target fills [official] and [office] with its own title', () => {
  const target = sampleCampaignInput().customTargets[0]!;
  const template = campaignTemplates({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '' }, 'en');
  const text = renderTemplate(template.callScript!, officialTemplateValues(customTargetPerson(target), 'en')!);
  assert.match(text, /calling the office of Mayor Jordan Lee to ask/);
});
