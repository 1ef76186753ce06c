import type { StateCode } from '../domain.ts';
import type { Candidate, Representation } from '../officials/types.ts';
import { assembleRepresentations, candidateFor, certainDivisions, stateOfDivision } from './assemble.ts';
import type { Epoch } from './representations.ts';

/**
 * The parts answers are made of, built once per epoch and shared by every answer that needs them:
 * all ZIPs of one district share one frozen representation list, so memoising 33,791 ZIP answers
 * costs little memory and a first lookup is a few Map reads.
 */
export interface Block {
  state: StateCode | null;
  divisions: readonly string[];
  representations: readonly Representation[];
}

export class Blocks {
  private readonly districts = new Map<string, Block>();
  private readonly states = new Map<StateCode, Block>();
  private readonly candidates = new Map<string, Candidate>();
  readonly national: Block;

  constructor(readonly epoch: Epoch) {
    this.national = freezeBlock({
      state: null,
      divisions: certainDivisions(null),
      representations: [...epoch.national],
    });
  }

  /** Everything certain once the House district is known (an at-large seat's division is its state's). */
  district(divisionId: string): Block {
    let block = this.districts.get(divisionId);
    if (!block) {
      const house = this.epoch.house.get(divisionId) ?? null;
      const state = house?.seat.state ?? stateOfDivision(divisionId);
      block = freezeBlock({
        state,
        divisions: certainDivisions(state, divisionId),
        representations: assembleRepresentations(this.epoch, state, house),
      });
      this.districts.set(divisionId, block);
    }
    return block;
  }

  /** Everything certain once only the state is known. */
  state(state: StateCode): Block {
    let block = this.states.get(state);
    if (!block) {
      block = freezeBlock({
        state,
        divisions: certainDivisions(state),
        representations: assembleRepresentations(this.epoch, state, null),
      });
      this.states.set(state, block);
    }
    return block;
  }

  candidate(divisionId: string): Candidate {
    let candidate = this.candidates.get(divisionId);
    if (!candidate) {
      candidate = candidateFor(this.epoch, divisionId);
      this.candidates.set(divisionId, candidate);
    }
    return candidate;
  }
}

function freezeBlock(block: Block): Block {
  Object.freeze(block.divisions);
  Object.freeze(block.representations);
  return Object.freeze(block);
}
