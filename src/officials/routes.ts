import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.ts';

/** JSON API for the directory: /api/v1/officials, /api/v1/divisions, /api/v1/data/status. */
export function officialsApi(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
