import { formatProblem, type Problem, type SkippedRecord } from '../import/problems.ts';
import type { Seat, UnknownHolder, ZctaEntry } from '../types.ts';
import type { Centroids } from './offices.ts';

/**
 * Records skipped with `voz data sync --accept-skipped` leave holes, and a hole must not read as a
 * fact: an empty seat the skipped record may have held is "holder unknown", not vacant, and a ZCTA
 * that lost a crosswalk row is marked incomplete rather than answered from the rows that are left.
 * (Unaccepted skipped records are never served at all: serving-policy.ts.)
 */
export function markSkipped(
  problems: Problem[],
  seats: Seat[],
  zctas: Record<string, ZctaEntry>,
  centroids: Centroids,
): { seats: number; zctas: number } {
  let seatCount = 0;
  const incomplete = new Set<string>();
  for (const problem of problems) {
    const skipped = problem.skipped;
    if (!skipped || problem.severity === 'warning') continue;
    if (skipped.kind === 'zcta') {
      incomplete.add(skipped.zcta);
      continue;
    }
    const holder: UnknownHolder = {
      reason: 'record_not_loaded',
      note: `The record of this seat's holder may be the one that could not be read (${formatProblem(problem)}); the seat is not known to be vacant.`,
      website: null,
      phone: null,
    };
    for (const seat of seats) {
      // A known reason (a term that ended) stays; "nobody recorded" gives way to the better one.
      const known = seat.holderUnknown && seat.holderUnknown.reason !== 'no_record';
      if (seat.officialId !== null || known || !couldHold(skipped, seat)) continue;
      seat.holderUnknown = holder;
      seatCount++;
    }
  }
  for (const zcta of incomplete) {
    const entry = zctas[zcta];
    if (entry) entry.incomplete = true;
    else {
      const [lat, lon] = centroids[zcta] ?? [null, null];
      zctas[zcta] = { lat, lon, districts: [], incomplete: true };
    }
  }
  return { seats: seatCount, zctas: incomplete.size };
}

/** Whether a skipped record could have been this seat's holder, as far as the record still tells. */
function couldHold(skipped: SkippedRecord, seat: Seat): boolean {
  switch (skipped.kind) {
    case 'member': {
      if (seat.chamber !== 'senate' && seat.chamber !== 'house') return false;
      if (skipped.chamber && seat.chamber !== skipped.chamber) return false;
      if (skipped.state && seat.state !== skipped.state) return false;
      if (seat.chamber === 'senate') return !skipped.senateClass || seat.id.endsWith(`:${skipped.senateClass}`);
      return skipped.district === null || seat.district === String(skipped.district);
    }
    case 'executive':
      return seat.chamber === 'executive';
    case 'state_person':
      // Only executive seats exist without a holder (a legislative seat is known from its member).
      return skipped.executive && seat.chamber === 'state_executive' && seat.state === skipped.state;
    default:
      return false;
  }
}
