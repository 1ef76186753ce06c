import type { Campaign } from '../campaigns/campaign.ts';
import type { Directory } from '../officials/directory.ts';

/**
 * What an export says about a stored target id (`senate:ca:1`, `house:pr:0`, an official's id, a
 * custom target's id) beside the id itself: the person's name as of the export (the seat's
 * holder now, which may differ from who held it when the action was taken) and the seat's label.
 * Unknown ids, or a seat the data cannot name a holder for, leave the name empty.
 */
export interface TargetNames {
  name: string | null;
  label: string | null;
}

export type DescribeTarget = (id: string) => TargetNames;

type TargetLookup = Pick<Directory, 'findSeat' | 'findOfficial'>;

/**
 * What a stored target id names: one of the campaign's custom targets, or a seat and the official
 * holding it now (the id may be either the seat's or the official's). Shared by the exports and
 * the dashboard's targets table.
 */
export function resolveTarget(id: string, campaign: Campaign, directory: TargetLookup | null) {
  const custom = campaign.customTargets.find((t) => t.id === id) ?? null;
  if (custom || !directory) return { custom, seat: null, holder: null };
  const official = directory.findOfficial(id);
  const seat = directory.findSeat(official ? official.seatId : id);
  const holder = official ?? (seat?.officialId ? directory.findOfficial(seat.officialId) : null);
  return { custom, seat, holder };
}

export function targetDescriber(campaign: Campaign, directory: TargetLookup | null) {
  const known = new Map<string, TargetNames>();
  const describe = (id: string): TargetNames => {
    const { custom, seat, holder } = resolveTarget(id, campaign, directory);
    if (custom) return { name: custom.name, label: custom.title };
    return { name: holder?.name ?? null, label: seat?.label ?? null };
  };
  // An export repeats a handful of targets many thousand times: look each up once.
  return (id: string): TargetNames => {
    let names = known.get(id);
    if (!names) {
      names = describe(id);
      known.set(id, names);
    }
    return names;
  };
}
