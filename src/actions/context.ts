import type { Campaign } from '../campaigns/campaign.ts';
import { isSeatOfKind } from '../campaigns/target-kinds.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { DbHandle } from '../db/database.ts';
import type { StateCode } from '../domain.ts';
import { type ClientKeyer, clientKeyerFor } from '../http/client-key.ts';
import type { ClusterState } from '../http/cluster-state.ts';
import { type Limiter, RateLimiter } from '../http/rate-limit.ts';
import { SharedClaims, SharedLimiter } from '../http/shared-limits.ts';
import type { Logger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { STATES } from '../officials/states.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';
import { CampaignCache } from './campaign-cache.ts';
import { CountsCache } from './counts.ts';
import { GroupCommit } from './group-commit.ts';
import { REPEAT_WINDOW_MS, RecentActions } from './recent-actions.ts';
import { SqliteActionWriter } from './sqlite-action-writer.ts';

/**
 * Whether a report names someone this campaign asks supporters to contact, for the place it
 * reports. The id's format is checked before this is called.
 */
export interface TargetReport {
  target: string;
  state: StateCode;
  district: string | null;
}
/** The field a report gets wrong, or null when it names a target of the campaign for its place. */
export type TargetProblem = 'target' | 'district' | null;
export type TargetCheck = (campaign: Campaign, report: TargetReport) => TargetProblem;

export const acceptAnyTarget: TargetCheck = () => null;

/**
 * Whether the state has this House district: 1 to its apportioned seats, or 0 for an at-large
 * state, DC and the territories (one member each, numbered 0 as the Census and the House
 * Clerk number them). Written without leading zeros, as the pages report it.
 */
export function isHouseDistrictOf(state: StateCode, district: string): boolean {
  if (!/^(0|[1-9]\d{0,1})$/.test(district)) return false;
  const seats = STATES[state].house;
  const n = Number(district);
  return seats === 1 ? n === 0 : n >= 1 && n <= seats;
}

/**
 * A custom target of the campaign, or a seat (or its holder) of a kind the campaign targets that
 * represents the reported state — and, for a House seat, the reported district. Whatever the
 * target, a reported district must exist in the reported state: the counts show it as CA-99
 * otherwise. Without this, anyone could fill a campaign's counts with targets it never had or
 * places that do not exist.
 */
export const directoryTargetCheck =
  (directory: Pick<Directory, 'findSeat' | 'findOfficial'>): TargetCheck =>
  (campaign, report) => {
    if (report.district !== null && !isHouseDistrictOf(report.state, report.district)) return 'district';
    if (campaign.customTargets.some((t) => t.id === report.target)) return null;
    const official = directory.findSeat(report.target) ? null : directory.findOfficial(report.target);
    const seat = directory.findSeat(official ? official.seatId : report.target);
    if (!seat) return 'target';
    if (!campaign.targets.some((kind) => isSeatOfKind(seat, kind))) return 'target';
    if (seat.state !== null && seat.state !== report.state) return 'target';
    return seat.chamber === 'house' && report.district !== null && report.district !== seat.district ? 'target' : null;
  };

/** Everything recording and counting needs, built once per application instance. */
export interface ActionsContext {
  db: DbHandle;
  /** Writes every waiting action, then stops the writer (server shutdown). */
  close(): Promise<void>;
  clock: Clock;
  logger: Logger;
  campaigns: CampaignCache;
  writer: GroupCommit<NewAction>;
  /** Reports counted in the past hour (RecentActions keys), shared by a cluster's workers. */
  recent: SharedClaims;
  counts: CountsCache;
  /** Per-client limit on recorded actions (ACTIONS_RATE_LIMIT per ACTIONS_RATE_WINDOW_S). */
  limiter: Limiter;
  /** The app's client keyer: tells recording a client's key from before midnight. */
  keyer: ClientKeyer;
  isKnownTarget: TargetCheck;
}

export interface ActionsDeps {
  config: Config;
  db: DbHandle;
  clock: Clock;
  logger: Logger;
  directory?: Directory;
  /** In a cluster's worker: the primary, which holds the limits and repeats for all workers. */
  cluster?: ClusterState | null;
}

export interface ActionsOptions {
  isKnownTarget?: TargetCheck;
  /** Waiting writes before new ones are refused with 503. */
  maxPending?: number;
}

export function createActionsContext(deps: ActionsDeps, options: ActionsOptions = {}): ActionsContext {
  const { config, db, clock, logger } = deps;
  // On a SQLite file, commits run on a worker thread; otherwise (PostgreSQL, or an in-memory
  // SQLite that only this connection can see) through Kysely, whose pg driver is asynchronous.
  // The path comes from the open handle, never from config: a test or tool may hand buildApp a
  // store other than the configured one, and actions must land in the store it was given.
  const sqliteWriter = db.sqlitePath ? new SqliteActionWriter(db.sqlitePath) : null;
  const writer = new GroupCommit<NewAction>({
    windowMs: config.actions.groupCommitMs,
    maxBatch: 1000,
    maxPending: options.maxPending ?? 10_000,
    maxInFlight: db.dialect === 'postgres' ? 4 : 1,
    deadlineMs: config.databaseTimeouts.writeMs,
    write: (items) => (sqliteWriter ? sqliteWriter.write(items) : insertActionsAtomically(db, items)),
    onBatch: ({ size, ms, error }) => {
      if (error) {
        // The database's message names tables and constraints, never a supporter's details.
        logger.error('action batch not saved', { size, error: error instanceof Error ? error.message : String(error) });
      } else {
        logger.debug('action batch saved', { size, ms: Math.round(ms * 10) / 10 });
      }
    },
  });
  const keyer = clientKeyerFor(deps);
  const limit = { limit: config.actions.rateLimit, windowMs: config.actions.rateWindowS * 1000 };
  const cluster = deps.cluster ?? null;
  return {
    db,
    clock,
    close: async () => {
      await writer.close();
      await sqliteWriter?.close();
    },
    logger,
    campaigns: new CampaignCache(db.db, clock, logger),
    writer,
    recent: new SharedClaims('repeats', new RecentActions(clock), REPEAT_WINDOW_MS, cluster),
    counts: new CountsCache(db, clock),
    limiter: new SharedLimiter('actions', new RateLimiter({ ...limit, clock }), limit, keyer.previousKeyOf, cluster),
    keyer,
    isKnownTarget: options.isKnownTarget ?? (deps.directory ? directoryTargetCheck(deps.directory) : acceptAnyTarget),
  };
}

const contexts = new WeakMap<object, ActionsContext>();

/**
 * The actions context of one application instance: the JSON API and the no-JS pages share its
 * writer, repeat memory and rate limiter. Call with the AppDeps that buildApp received.
 */
export function actionsFor(deps: ActionsDeps): ActionsContext {
  let context = contexts.get(deps);
  if (!context) {
    context = createActionsContext(deps);
    contexts.set(deps, context);
  }
  return context;
}
