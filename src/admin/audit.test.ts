import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Campaign } from '../campaigns/campaign.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { describeChanges } from './audit.ts';

const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  ...sampleCampaignInput(),
  id: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...overrides,
});

test('the audit summary names short changes with old and new values and long ones by name', () => {
  const before = campaign();
  const after = campaign({
    status: 'draft',
    targets: ['senators'],
    content: {
      ...before.content,
      es: { ...before.content.es!, title: 'Nuevo título', body: 'Otro cuerpo, mucho más largo.' },
    },
  });
  const summary = describeChanges(before, after);
  assert.match(summary, /Status: "live" → "draft"/);
  assert.match(summary, /Title \(Spanish\): "Fondos para asistencia legal" → "Nuevo título"/);
  assert.match(summary, /Body \(Spanish\) edited/);
  assert.match(summary, /Who supporters contact: "senators, representative, custom" → "senators"/);
  assert.doesNotMatch(summary, /Otro cuerpo/);
  assert.doesNotMatch(summary, /English/);
  assert.equal(describeChanges(before, campaign()), 'no changes');
});
