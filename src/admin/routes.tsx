import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../app.ts';
import { csrfProtection } from '../http/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { sendAsset } from '../web/respond.ts';
import { accountRoutes } from './account-routes.tsx';
import { loadAdminAssets } from './assets.ts';
import { authRoutes } from './auth-routes.tsx';
import { campaignRoutes } from './campaign-routes.tsx';
import { embedAdminRoutes } from './embed/embed-admin.tsx';
import { embedRoutes } from './embed/embed-routes.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { exportRoutes } from './export-routes.ts';
import { createLoginLimiter } from './login-limiter.ts';
import { previewRoutes } from './preview-routes.tsx';
import { sessionGuard } from './session.ts';

/**
 * The organizer workspace under /admin. Two middlewares cover every path below /admin before any
 * route runs: CSRF for every unsafe method, then the session guard that refuses anonymous requests
 * (except the login and invitation pages). Routes only add role checks.
 */
export function adminPages(appDeps: AppDeps, options: Partial<Pick<AdminDeps, 'loginLimiter' | 'scrypt'>> = {}) {
  const deps: AdminDeps = {
    ...appDeps,
    db: appDeps.db.db,
    dbHandle: appDeps.db,
    appDeps,
    loginLimiter: options.loginLimiter ?? createLoginLimiter(appDeps.clock),
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
  };
  const app = new Hono<AdminEnv>();
  // A campaign with every field near its limit is well under 1 MB; 2 MB leaves room for a pasted
  // oversized body to come back with a per-field error instead of a bare refusal.
  const limit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new HttpError(413, 'form_too_large', 'This form is over 2 MB. Shorten the longest text and try again.');
    },
  });
  app.use('/admin', limit, csrfProtection(deps.config), sessionGuard(deps));
  app.use('/admin/*', limit, csrfProtection(deps.config), sessionGuard(deps));
  app.get('/admin/assets/:file', (c) => {
    const asset = loadAdminAssets().byUrl.get(c.req.path);
    if (!asset) throw new HttpError(404, 'not_found', 'There is no file at this address.');
    return sendAsset(c, asset);
  });
  app.route('/', authRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', campaignRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', previewRoutes(deps));
  app.route('/', embedRoutes(deps));
  app.route('/', embedAdminRoutes(deps));
  app.get('/admin', (c) => c.redirect('/admin/campaigns', 303));
  return app;
}
