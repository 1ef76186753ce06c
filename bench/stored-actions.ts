import type { NewAction } from '../src/actions/action.ts';
import { insertActionsAtomically } from '../src/actions/action-repository.ts';
import type { DbHandle } from '../src/db/database.ts';
import { type Channel, type Language, type Outcome, STATE_CODES, type StateCode } from '../src/domain.ts';
import { STATES } from '../src/officials/states.ts';

/**
 * A campaign that has already gone viral: `count` past actions spread the way a national campaign's
 * are, so the counts the bench reads while it writes have realistic variety. Supporters are spread
 * by House seats (a proxy for population), each reports on one of their senators, their
 * representative or the President, over the past week. Written through insertActionsAtomically,
 * as the server writes them. Seeded, so every run and every dialect stores the same rows.
 */
export async function storeActions(handle: DbHandle, campaignId: number, count: number, now: Date): Promise<void> {
  const random = mulberry32(20261203);
  const pick = <T>(weighted: ReadonlyArray<readonly [T, number]>): T => {
    let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of weighted) {
      r -= w;
      if (r < 0) return value;
    }
    return weighted[weighted.length - 1]![0];
  };
  const states = STATE_CODES.map((code) => [code, STATES[code].house] as const);
  const outcomes: Array<readonly [Outcome, number]> = [
    ['contacted', 50],
    ['voicemail', 30],
    ['unavailable', 15],
    ['skipped', 5],
  ];
  const channels: Array<readonly [Channel, number]> = [
    ['call', 70],
    ['email', 30],
  ];
  const languages: Array<readonly [Language, number]> = [
    ['en', 75],
    ['es', 25],
  ];
  const batch: NewAction[] = [];
  for (let i = 0; i < count; i++) {
    const state: StateCode = pick(states);
    const facts = STATES[state];
    const district = facts.house === 1 ? '0' : String(1 + Math.floor(random() * facts.house));
    const seat = Math.floor(random() * 4);
    const senate = facts.senateClasses !== null && seat < 2;
    batch.push({
      campaignId,
      target: senate
        ? `senate:${state.toLowerCase()}:${facts.senateClasses![seat]}`
        : seat === 3
          ? 'president'
          : `house:${state.toLowerCase()}:${district}`,
      channel: pick(channels),
      outcome: pick(outcomes),
      state,
      district: senate || seat === 3 ? null : district,
      language: pick(languages),
      createdAt: new Date(now.getTime() - Math.floor(random() * 7 * 86_400_000)).toISOString(),
    });
    if (batch.length === 1000 || i === count - 1) await insertActionsAtomically(handle, batch.splice(0));
  }
}

/** A small, seedable PRNG (Tommy Ettinger's mulberry32): the same rows on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
