import type { Directory } from '../officials/directory.ts';
import type { Candidate, LookupResult } from '../officials/types.ts';

/**
 * The answer for a device location near a district boundary, rebuilt from the candidate
 * districts alone, so the page asking the supporter to choose needs no coordinate in its link.
 * Seats every candidate shares (the President; the senators and governor when all lie in one
 * state) are certain whichever district is right; the House seat is the choice.
 */
export function lookupNear(directory: Directory, codes: string[]): LookupResult {
  const answers = [...new Set(codes)].map((code) => directory.lookupDistrict(code));
  const [first, ...rest] = answers;
  if (!first) throw new Error('lookupNear needs at least one district');
  if (rest.length === 0) return first;
  const manyStates = new Set(answers.map((a) => a.state)).size > 1;
  const candidates: Candidate[] = answers.flatMap((answer) => {
    const house = answer.representations.find((r) => r.seat.chamber === 'house');
    const seat = house?.seat;
    if (!house || !seat?.state || seat.district === null) return [];
    return [
      {
        state: seat.state,
        district: seat.district,
        divisionId: seat.divisionId,
        label: seat.label,
        representative: house,
        // As the directory answers (lookup/assemble.ts): state-wide seats per candidate only across states.
        ...(manyStates
          ? {
              senators: answer.representations.filter((r) => r.seat.chamber === 'senate'),
              governor: answer.representations.find((r) => r.seat.role === 'governor') ?? null,
            }
          : {}),
      },
    ];
  });
  const states = new Set(candidates.map((c) => c.state));
  const shared = first.representations.filter(
    (r) => r.seat.chamber !== 'house' && rest.every((a) => a.representations.some((o) => o.seat.id === r.seat.id)),
  );
  return {
    query: { kind: 'point', value: candidates.map((c) => `${c.state}-${c.district}`).join(' ') },
    confidence: 'near_boundary',
    message: null,
    state: states.size === 1 ? (first.state ?? null) : null,
    divisions: first.divisions.filter((d) => rest.every((a) => a.divisions.includes(d))),
    candidates,
    representations: shared,
  };
}
