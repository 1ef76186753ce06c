import type { AppDeps, AppEnv } from '../app.ts';
import type { Db, DbHandle } from '../db/database.ts';
import type { CsrfEnv } from '../http/csrf.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { ScryptParams } from './password.ts';
import type { Session } from './user.ts';

export type AdminEnv = {
  Variables: AppEnv['Variables'] &
    CsrfEnv['Variables'] & {
      /** The signed-in organizer's session; null for anonymous requests (login, invitation pages). */
      session: Session | null;
      sessionId: string | null;
    };
};

/** AppDeps with the Kysely instance at hand (`db`) and the handle kept for its dialect. */
export interface AdminDeps extends Omit<AppDeps, 'db'> {
  db: Db;
  dbHandle: DbHandle;
  /** The deps buildApp received, as given: per-app singletons (the client keyer) are keyed by it. */
  appDeps: AppDeps;
  loginLimiter: LoginLimiter;
  scrypt?: ScryptParams;
}
