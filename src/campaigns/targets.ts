import type { Language, Role, TargetKind } from '../domain.ts';
import type { Representation, Seat } from '../officials/types.ts';
import { type Campaign, type CustomTarget, contentIn } from './campaign.ts';
import type { TitledPerson } from './official-titles.ts';
import { type ParsedTemplate, parseTemplate } from './templates.ts';

/**
 * Which of a supporter's officials a campaign asks them to contact. "representative" means the
 * House seat, whoever holds it: a Representative, or the Delegate or Resident Commissioner of DC
 * and the territories (which have no senators, so "senators" selects nothing there).
 */

const KIND_OF_ROLE: Partial<Record<Role, TargetKind>> = {
  president: 'president',
  senator: 'senators',
  representative: 'representative',
  delegate: 'representative',
  resident_commissioner: 'representative',
  governor: 'governor',
  state_senator: 'state_legislators',
  state_representative: 'state_legislators',
  state_legislator: 'state_legislators',
};

/** Cards appear in this order: the members of Congress first, as the seed campaign asks. */
export const CARD_ORDER: readonly TargetKind[] = [
  'senators',
  'representative',
  'president',
  'governor',
  'state_legislators',
];

export const targetKindOf = (seat: Pick<Seat, 'role'>): TargetKind | null => KIND_OF_ROLE[seat.role] ?? null;

export const isTargeted = (campaign: Pick<Campaign, 'targets'>, seat: Pick<Seat, 'role'>): boolean => {
  const kind = targetKindOf(seat);
  return kind !== null && campaign.targets.includes(kind);
};

/** The representations to show as cards, vacancies included (shown as such), in card order. */
export function selectTargets(
  campaign: Pick<Campaign, 'targets'>,
  representations: Representation[],
): Representation[] {
  const rank = (r: Representation) => CARD_ORDER.indexOf(targetKindOf(r.seat) as TargetKind);
  return representations
    .filter((r) => isTargeted(campaign, r.seat))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** A custom target, for `[official]` and `[office]`: its title is the organizer's own words. */
export const customTargetPerson = (target: CustomTarget): TitledPerson => ({
  name: target.name,
  title: target.title,
  role: 'custom',
  gender: null,
});

export interface CampaignTemplates {
  /** The language the texts are in (the campaign's default when the asked one is missing). */
  lang: Language;
  callScript: ParsedTemplate | null;
  message: ParsedTemplate | null;
}

/** The campaign's call script and message, parsed. Saved campaigns were validated, so both parse. */
export function campaignTemplates(campaign: Campaign, lang: Language): CampaignTemplates {
  const { lang: used, content } = contentIn(campaign, lang);
  const parse = (text: string) => {
    if (!text.trim()) return null;
    const result = parseTemplate(text);
    return result.ok ? result.template : null;
  };
  return { lang: used, callScript: parse(content.callScript), message: parse(content.message) };
}
