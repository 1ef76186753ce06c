import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Campaign } from '../campaigns/campaign.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import type { UserRole } from '../domain.ts';
import {
  canCreateCampaign,
  canEditCampaign,
  canExportActions,
  canExportSupporters,
  canInvite,
  canPublishCampaign,
  canViewDashboard,
} from './permissions.ts';

const user = (role: UserRole) => ({ id: 1, email: `${role}@example.org`, role, createdAt: '' });
const campaign: Campaign = { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 };

test('owners do everything, editors write campaigns, viewers only look and export actions', () => {
  const table = (role: UserRole) => [
    canViewDashboard(user(role)),
    canExportActions(user(role)),
    canCreateCampaign(user(role)),
    canEditCampaign(user(role), campaign),
    canPublishCampaign(user(role), campaign),
    canExportSupporters(user(role)),
    canInvite(user(role)),
  ];
  assert.deepEqual(table('owner'), [true, true, true, true, true, true, true]);
  assert.deepEqual(table('editor'), [true, true, true, true, true, false, false]);
  assert.deepEqual(table('viewer'), [true, true, false, false, false, false, false]);
});
