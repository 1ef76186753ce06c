import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Campaign } from '../campaigns/campaign.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { describeChanges, describeCreation, fieldLabel } from './audit.ts';

const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  ...sampleCampaignInput(),
  id: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

test('an edit records every changed field with its old and new value in full', () => {
  const before = campaign();
  const longTitle = `${'A very long title that goes on '.repeat(5)}and ends here`;
  const newBody = `${before.content.es!.body}\n\nOtro párrafo, mucho más largo. ${'Texto. '.repeat(200)}`;
  const after = campaign({
    status: 'draft',
    targets: ['senators'],
    content: {
      ...before.content,
      en: { ...before.content.en!, title: longTitle },
      es: { ...before.content.es!, body: newBody },
    },
  });
  const { summary, changes } = describeChanges(before, after);
  assert.equal(summary, 'changed Status, Who supporters contact, Title (English), Body (Spanish)');
  assert.deepEqual(changes, [
    { field: 'status', before: 'live', after: 'draft' },
    { field: 'targets', before: ['senators', 'representative', 'custom'], after: ['senators'] },
    { field: 'content.en.title', before: 'Fund legal aid for families', after: longTitle },
    { field: 'content.es.body', before: before.content.es!.body, after: newBody },
  ]);
  assert.deepEqual(describeChanges(before, campaign()), { summary: 'no changes', changes: [] });
});

test('a field emptied or filled in is recorded as empty on that side', () => {
  const before = campaign({ goal: null });
  const { changes } = describeChanges(before, campaign({ goal: 500, shareImageUrl: null }));
  assert.deepEqual(changes, [
    { field: 'shareImageUrl', before: 'https://example.org/share.png', after: null },
    { field: 'goal', before: null, after: '500' },
  ]);
});

test('a long list of changed fields is summarised with a count', () => {
  const before = campaign();
  const after = campaign({
    slug: 'other',
    date: '2026-12-01',
    tags: [],
    goal: 1,
    embedEnabled: false,
    theme: { color: '#000000', logoUrl: null },
  });
  assert.equal(describeChanges(before, after).summary, 'changed Slug, Date, Tags, Theme colour, Logo URL and 2 more');
});

test('a new campaign is recorded with every initial value', () => {
  const created = campaign({ status: 'draft' });
  const { summary, changes } = describeCreation(created);
  assert.equal(summary, 'created "fund-legal-aid" as draft');
  const byField = new Map(changes.map((c) => [c.field, c]));
  assert.deepEqual(byField.get('content.en.body'), {
    field: 'content.en.body',
    before: null,
    after: created.content.en!.body,
  });
  assert.deepEqual(byField.get('customTargets.0.email')?.after, 'mayor@example.org');
  assert.ok(
    changes.every((c) => c.before === null && c.after !== null),
    'only filled fields, all from nothing',
  );
});

test('field names read as the editor labels them', () => {
  assert.equal(fieldLabel('content.es.callScript'), 'Call script (Spanish)');
  assert.equal(fieldLabel('customTargets.2.contactUrl'), 'Custom target 3: contact URL');
  assert.equal(fieldLabel('theme.color'), 'Theme colour');
  assert.equal(fieldLabel('somethingNew'), 'somethingNew');
});
