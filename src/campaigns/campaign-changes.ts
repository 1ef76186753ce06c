import type { Db } from '../db/database.ts';

/**
 * Tells this process's caches that a campaign changed (created, edited, published, closed,
 * deleted), so they drop what they hold at once instead of waiting out their TTL: a campaign
 * just published is no longer a 404 for a couple of seconds, and one just closed stops taking
 * actions. Listeners are kept per database handle, so two apps in one process (tests) do not
 * hear each other. Other processes sharing the database (`--workers N`, several hosts) do not
 * hear it either: there the caches' TTL is the bound, CampaignCache's 2 s and the home page's list.
 */

export interface CampaignChange {
  /** Every slug the change touches: the old and the new one when a slug was renamed. */
  slugs: readonly string[];
}

type Listener = (change: CampaignChange) => void;

const listeners = new WeakMap<object, Set<Listener>>();

/** Calls `listener` after each change made through this handle; returns the unsubscribe. */
export function onCampaignChange(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export function announceCampaignChange(db: Db, change: CampaignChange): void {
  for (const listener of listeners.get(db) ?? []) listener(change);
}
