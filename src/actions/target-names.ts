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

export function targetDescriber(campaign: Campaign, directory: Pick<Directory, 'findSeat' | 'findOfficial'> | null) {
  const known = new Map<string, TargetNames>();
  const describe = (id: string): TargetNames => {
    const custom = campaign.customTargets.find((t) => t.id === id);
    if (custom) return { name: custom.name, label: custom.title };
    if (!directory) return { name: null, label: null };
    const official = directory.findOfficial(id);
    const seat = directory.findSeat(official ? official.seatId : id);
    const holder = official ?? (seat?.officialId ? directory.findOfficial(seat.officialId) : null);
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
