import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.ts';

/** The organizer workspace under /admin. */
export function adminPages(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
