import type { Context, MiddlewareHandler } from 'hono';
import type { ActionsContext } from '../actions/context.ts';
import type { AppDeps, AppEnv } from '../app.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import type { ClientKeyer } from '../http/client-key.ts';
import type { CsrfEnv } from '../http/csrf.ts';
import type { PageContext } from './context.ts';
import type { SupporterDetails } from './fill.ts';
import type { OfficialsStepDeps } from './officials-step.tsx';

export type WebEnv = AppEnv & CsrfEnv;

/** What the supporter pages' route files share, built once in routes.tsx. */
export interface WebShared {
  deps: AppDeps;
  actions: ActionsContext;
  keyer: ClientKeyer;
  stepDeps: OfficialsStepDeps;
  /** The page context of a request, with the CSRF token when the page has forms that POST. */
  ctxOf(c: Context, csrfToken?: string | null): PageContext;
  /** A live or closed campaign; a draft or unknown slug throws the 404. */
  publicCampaign(slug: string): Promise<Campaign>;
  limits: {
    /** Recorded actions and signups: the actions API's per-client limit, shared. */
    reports: MiddlewareHandler;
    /** Page renders that a POST asks for: filling in the message, resolving a device location. */
    renders: MiddlewareHandler;
    /** Street address lookups, which may each cost a geocoder call. */
    addresses: MiddlewareHandler;
  };
}

export const EMPTY_DETAILS: SupporterDetails = { name: '', role: '', organization: '', community: '', city: '' };

/**
 * Form fields as strings (a file is not a supporter form's). Repeated fields stay repeated: the
 * place repeats `sldu`/`sldl` for an address in several legislative districts. Read the body with
 * `parseBody({ all: true })` so they arrive as lists.
 */
export function fieldsOf(body: Record<string, unknown>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) if (typeof x === 'string') out.append(k, x);
  return out;
}
