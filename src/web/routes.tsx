import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.ts';
import { plainErrorPage } from '../http/error-handler.tsx';

/** Supporter-facing pages: home, campaign flow. */
export function webPages(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

export const renderErrorPage = plainErrorPage;
