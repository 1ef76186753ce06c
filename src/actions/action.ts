import type { Channel, Language, Outcome, StateCode } from '../domain.ts';

/** What a supporter reports after contacting one target: the whole of what Voz keeps about it. */
export interface OutcomeReport {
  /** Seat id (`house:ca:12`), official id (`P000145`) or a campaign's custom target id. */
  target: string;
  channel: Channel;
  outcome: Outcome;
  state: StateCode;
  /** House district ("12", "0" for at-large) or a state legislative district; null for statewide targets. */
  district: string | null;
  language: Language;
}

/** A report bound to its campaign and the time it arrived, ready to store. */
export interface NewAction extends OutcomeReport {
  campaignId: number;
  /** ISO-8601; stored as the start of its UTC hour (see coarse-time.ts). */
  createdAt: string;
}

/** A stored action, as exported. */
export interface ActionRecord extends NewAction {
  id: number;
}
