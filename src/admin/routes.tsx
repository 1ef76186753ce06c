import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../app.ts';
import { csrfProtection } from '../http/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { sendAsset } from '../web/respond.ts';
import { accountRoutes } from './account-routes.tsx';
import { loadAdminAssets } from './assets.ts';
import { auditRoutes } from './audit-routes.tsx';
import { authRoutes } from './auth-routes.tsx';
import { campaignRoutes } from './campaign-routes.tsx';
import { EDITOR_BODY_LIMIT_BYTES, formTooLargeMessage } from './editor-limits.ts';
import { embedAdminRoutes } from './embed/embed-admin.tsx';
import { embedRoutes } from './embed/embed-routes.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { exportRoutes } from './export-routes.ts';
import { keepRefusedEdits } from './kept-form.tsx';
import { createLoginLimiter } from './login-limiter.ts';
import { peopleRoutes } from './people-routes.tsx';
import { previewRoutes } from './preview-routes.tsx';
import { sessionGuard } from './session.ts';

/**
 * The organizer workspace under /admin. Middlewares cover every path below /admin before any
 * route runs: the body limit, CSRF for every unsafe method, then the session guard that refuses
 * anonymous requests (except the login and invitation pages); a refused campaign save keeps what
 * was typed (kept-form.tsx). Routes only add role checks.
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
  const limit = bodyLimit({
    maxSize: EDITOR_BODY_LIMIT_BYTES,
    onError: () => {
      throw new HttpError(413, 'form_too_large', formTooLargeMessage());
    },
  });
  const guards = [limit, csrfProtection(deps.config), sessionGuard(deps)] as const;
  app.onError(keepRefusedEdits(deps));
  app.use('/admin', ...guards);
  app.use('/admin/*', ...guards);
  app.get('/admin/assets/:file', (c) => {
    const asset = loadAdminAssets().byUrl.get(c.req.path);
    if (!asset) throw new HttpError(404, 'not_found', 'There is no file at this address.');
    return sendAsset(c, asset);
  });
  app.route('/', authRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', campaignRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.route('/', previewRoutes(deps));
  app.route('/', embedRoutes(deps));
  app.route('/', embedAdminRoutes(deps));
  app.get('/admin', (c) => c.redirect('/admin/campaigns', 303));
  return app;
}
