import type { CustomTarget } from '../campaigns/campaign.ts';
import type { TitledPerson } from '../campaigns/official-titles.ts';
import { isSeatOfKind } from '../campaigns/target-kinds.ts';
import type { Language, TargetKind } from '../domain.ts';
import type { LookupResult, Official, Representation } from '../officials/types.ts';

/** One card on the officials step: a seat (held or vacant) or an organizer's custom target. */
export interface TargetCard {
  /** What an action report names: the seat id (`senate:ca:1`) or the custom target id. */
  id: string;
  kind: TargetKind;
  representation: Representation | null;
  official: Official | null;
  custom: CustomTarget | null;
  /** For titles in templates; null for a vacant seat. */
  person: TitledPerson | null;
}

/**
 * The cards for a campaign at a place, in the campaign's order of target kinds, each seat once.
 * A target kind the lookup could not settle (the House seat of a split ZIP) has no card: the
 * page asks the supporter to choose instead.
 */
export function targetCards(
  targets: readonly TargetKind[],
  customTargets: readonly CustomTarget[],
  result: LookupResult,
  /** The language custom targets' titles are written in: the campaign's default language. */
  customTitleLang?: Language,
): TargetCard[] {
  const cards: TargetCard[] = [];
  const seen = new Set<string>();
  for (const kind of targets) {
    if (kind === 'custom') {
      for (const custom of customTargets) {
        if (seen.has(custom.id)) continue;
        seen.add(custom.id);
        cards.push({
          id: custom.id,
          kind,
          representation: null,
          official: null,
          custom,
          person: { name: custom.name, title: custom.title, role: 'custom', gender: null, titleLang: customTitleLang },
        });
      }
      continue;
    }
    for (const representation of result.representations) {
      if (!isSeatOfKind(representation.seat, kind) || seen.has(representation.seat.id)) continue;
      seen.add(representation.seat.id);
      const official = representation.vacant ? null : representation.official;
      cards.push({ id: representation.seat.id, kind, representation, official, custom: null, person: official });
    }
  }
  return cards;
}

/** Whether the campaign wants a House member that this answer does not pin down. */
export const needsHouseDistrict = (targets: readonly TargetKind[], result: LookupResult): boolean =>
  targets.includes('representative') && !result.representations.some((r) => r.seat.chamber === 'house');
