import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.ts';

/** Recording outcomes and public counters: /api/v1/campaigns/:slug/actions. */
export function actionsApi(_deps: AppDeps): { routes: Hono<AppEnv>; close(): Promise<void> } {
  return { routes: new Hono<AppEnv>(), close: async () => {} };
}
