import type { Campaign } from '../campaigns/campaign.ts';
import type { User } from './user.ts';

/**
 * What each role may do, as plain functions. Owners run the organization (accounts, supporter
 * data); editors write campaigns; viewers read dashboards and action counts.
 */
export const canViewDashboard = (_user: User): boolean => true;
export const canExportActions = (_user: User): boolean => true;
/** Opted-in supporters are personal data (names, emails, ZIPs): owners only. */
export const canExportSupporters = (user: User): boolean => user.role === 'owner';
export const canCreateCampaign = (user: User): boolean => user.role === 'owner' || user.role === 'editor';
export const canEditCampaign = (user: User, _campaign: Campaign): boolean =>
  user.role === 'owner' || user.role === 'editor';
export const canPublishCampaign = (user: User, campaign: Campaign): boolean => canEditCampaign(user, campaign);
export const canInvite = (user: User): boolean => user.role === 'owner';
export const canViewAudit = (_user: User): boolean => true;
/** Who was invited, given which role or removed: the organization's own business, for owners. */
export const canViewAccountActivity = (user: User): boolean => user.role === 'owner';
