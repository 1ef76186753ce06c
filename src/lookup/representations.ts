import type { Clock } from '../clock.ts';
import type { StateCode } from '../domain.ts';
import type { DirectoryData, Official, Representation, Seat } from '../officials/types.ts';
import { sortRepresentations } from './order.ts';

/**
 * Every seat paired with its holder, grouped the way lookups need them, so that answering a ZIP
 * is a few array references rather than a search.
 *
 * "May be out of date" depends on today's date, so the groups belong to an epoch: the span between
 * two consecutive term-end dates in the data.
 *
 * Division ids in the data are canonical (built by src/officials/divisions.ts), so they are used as
 * keys as they are; only what a user types goes through `parseOcdId`. While the clock stays inside one epoch every answer
 * is identical and can be cached; crossing a term end (or a test moving the clock) starts a new one.
 */
export interface Epoch {
  /** Increases with each rebuild; caches keyed on an epoch are dropped with it. */
  readonly serial: number;
  /** How many term ends have passed: the same in every process at the same time. */
  readonly revision: number;
  readonly national: Representation[];
  readonly bySeat: Map<string, Representation>;
  /** Senators of a state, senior first. Empty for DC and the territories. */
  readonly senators: Map<StateCode, Representation[]>;
  /** Governor and other statewide executive officers. */
  readonly stateExecutive: Map<StateCode, Representation[]>;
  /** House seats by division id (an at-large seat's division is its state's). */
  readonly house: Map<string, Representation>;
  /** State legislative seats by division id; multi-member districts have several. */
  readonly legislature: Map<string, Representation[]>;
}

const STATE_LEGISLATIVE = new Set(['state_upper', 'state_lower', 'state_legislature']);

export class RepresentationBook {
  readonly seats: readonly Seat[];
  readonly officials = new Map<string, Official>();
  readonly seatsById = new Map<string, Seat>();
  /** Per seat, in `seats` order: the holder (null when vacant) and the end of their term in ms. */
  private readonly holders: Array<Official | null>;
  private readonly termEnds: Array<number | null>;
  /** Sorted term-end instants (ms) of every seated official: the epoch boundaries. */
  private readonly boundaries: number[];
  private epoch: Epoch | null = null;
  private epochStart = Number.NEGATIVE_INFINITY;
  private epochEnd = Number.NEGATIVE_INFINITY;
  private serial = 0;

  constructor(
    data: DirectoryData,
    private readonly clock: Clock,
  ) {
    this.seats = data.seats;
    for (const official of data.officials) this.officials.set(official.id, official);
    this.holders = data.seats.map((seat) => (seat.officialId ? (this.officials.get(seat.officialId) ?? null) : null));
    this.termEnds = this.holders.map((official) => {
      const ms = official?.termEnd ? Date.parse(official.termEnd) : Number.NaN;
      return Number.isNaN(ms) ? null : ms;
    });
    for (const seat of data.seats) this.seatsById.set(seat.id, seat);
    const ends = new Set<number>();
    for (const end of this.termEnds) if (end !== null) ends.add(end);
    this.boundaries = [...ends].sort((a, b) => a - b);
  }

  /** The current epoch; rebuilt only when the clock has crossed a term end since the last call. */
  current(): Epoch {
    const now = this.clock.now().getTime();
    if (this.epoch && now >= this.epochStart && now < this.epochEnd) return this.epoch;
    return this.rebuild(now);
  }

  private rebuild(now: number): Epoch {
    // A term is flagged once its end is strictly before now: the first i boundaries are passed.
    // The epoch lasts while that count stays i, i.e. from just after boundary i-1 through boundary i.
    let i = 0;
    while (i < this.boundaries.length && this.boundaries[i]! < now) i++;
    this.epochStart = i === 0 ? Number.NEGATIVE_INFINITY : this.boundaries[i - 1]! + 1;
    this.epochEnd = i < this.boundaries.length ? this.boundaries[i]! + 1 : Number.POSITIVE_INFINITY;

    const epoch: Epoch = {
      serial: ++this.serial,
      revision: i,
      national: [],
      bySeat: new Map(),
      senators: new Map(),
      stateExecutive: new Map(),
      house: new Map(),
      legislature: new Map(),
    };
    for (let k = 0; k < this.seats.length; k++) {
      const seat = this.seats[k]!;
      const official = this.holders[k]!;
      const end = this.termEnds[k]!;
      const representation: Representation = Object.freeze({
        seat,
        official,
        // A seat whose holder the data cannot name is not empty: see UnknownHolder.
        vacant: official === null && !seat.holderUnknown,
        holderUnknown: official === null && !!seat.holderUnknown,
        mayBeOutOfDate: end !== null && end < now,
      });
      epoch.bySeat.set(seat.id, representation);
      const state = seat.state;
      if (seat.chamber === 'executive') epoch.national.push(representation);
      else if (seat.chamber === 'senate' && state) push(epoch.senators, state, representation);
      else if (seat.chamber === 'state_executive' && state) push(epoch.stateExecutive, state, representation);
      else if (seat.chamber === 'house') epoch.house.set(seat.divisionId, representation);
      else if (STATE_LEGISLATIVE.has(seat.chamber)) push(epoch.legislature, seat.divisionId, representation);
    }
    sortRepresentations(epoch.national);
    for (const list of epoch.senators.values()) sortRepresentations(list);
    for (const list of epoch.stateExecutive.values()) sortRepresentations(list);
    for (const list of epoch.legislature.values()) sortRepresentations(list);
    this.epoch = epoch;
    return epoch;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
