import assert from 'node:assert/strict';
import { after } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { type Clock, fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import type { TestStore } from '../db/testing.ts';
import type { UserRole } from '../domain.ts';
import { CSRF_COOKIE } from '../http/csrf.ts';
import { silentLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import type { Directory } from '../officials/directory.ts';
import { fixtureDirectoryData } from '../web/testing/directory-fixture.ts';
import { createUser } from './accounts.ts';

/** Helpers for admin route tests: a whole app on a test store, and a client that keeps cookies. */

export const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };

/** The pages' small hand-made directory (a few ZIPs and officials), so tests need no data mirror. */
let fixture: Directory | null = null;
const fixtureDirectory = (): Directory => {
  fixture ??= createDirectory(fixtureDirectoryData(), fixedClock('2026-03-01T12:00:00Z'));
  return fixture;
};

const opened: VozApp[] = [];
// Apps hold background work (the SQLite writer thread); close them when the file's tests end.
after(async () => {
  for (const app of opened.splice(0)) await app.close();
});

export function testApp(
  store: TestStore,
  options: { clock?: Clock; directory?: Directory; env?: Record<string, string> } = {},
): VozApp {
  const app = buildApp({
    // The store's own database, so the actions writer (its own connection) writes to the same file.
    config: { ...parseConfig(options.env ?? {}, '/srv'), database: store.database },
    db: store.handle,
    directory: options.directory ?? fixtureDirectory(),
    clock: options.clock ?? fixedClock('2026-03-01T12:00:00Z'),
    logger: silentLogger,
  });
  opened.push(app);
  return app;
}

export class Agent {
  readonly cookies = new Map<string, string>();
  /** `headers` go with every request: an address behind a trusted proxy (X-Forwarded-For), say. */
  constructor(
    readonly app: VozApp['app'],
    readonly headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await this.app.request(new URL(path, 'http://localhost').toString(), { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get csrf(): string {
    return this.cookies.get(CSRF_COOKIE) ?? '';
  }

  /** Posts a form the way a browser would, with the CSRF field unless it is given explicitly. */
  async post(path: string, fields: Record<string, string | string[]> = {}, withCsrf = true): Promise<Response> {
    if (withCsrf && !this.cookies.has(CSRF_COOKIE)) await this.request('/admin/login');
    const body = new URLSearchParams();
    if (withCsrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.post('/admin/login', { email, password });
    assert.equal(res.status, 303, `sign-in failed: ${res.status}`);
  }
}

export async function addUser(store: TestStore, email: string, role: UserRole, password = 'a long password') {
  return createUser(
    { db: store.handle.db, clock: fixedClock('2026-03-01T12:00:00Z'), scrypt: CHEAP_SCRYPT },
    {
      email,
      password,
      role,
    },
  );
}

/** A signed-in agent for a new user of the given role. */
export async function signedIn(app: VozApp['app'], store: TestStore, role: UserRole, email = `${role}@example.org`) {
  await addUser(store, email, role);
  const agent = new Agent(app);
  await agent.signIn(email, 'a long password');
  return agent;
}
