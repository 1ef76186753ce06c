import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { capturingLogger } from '../actions/test-helpers.ts';
import { handleError } from './error-handler.tsx';
import { HttpError } from './errors.ts';
import { requestLog } from './request-log.ts';

test('logs each request by route pattern and status, with nothing that points at a supporter', async () => {
  const { logger, lines } = capturingLogger('debug');
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(requestLog(logger));
  app.use(async (c, next) => {
    c.set('requestId', 'r-1');
    await next();
  });
  app.get('/c/:slug/officials', (c) => c.text(`officials for ${c.req.query('zip')}`));
  app.post('/c/:slug/outcome', () => {
    throw new HttpError(409, 'campaign_closed', 'This campaign has ended.');
  });
  app.notFound((c) => c.text('none', 404));
  app.onError(handleError(logger));

  const headers = { 'x-forwarded-for': '203.0.113.77', 'user-agent': 'VozProbeAgent/1.0' };
  await app.request('/c/asylum-ca/officials?zip=94110&lat=37.76&lon=-122.42&address=12+Elm+St', { headers });
  await app.request('/c/asylum-ca/outcome', { method: 'POST', headers });
  await app.request('/nowhere/94110', { headers });

  const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
  assert.deepEqual(
    requests.map(({ method, route, status, requestId }) => ({ method, route, status, requestId })),
    [
      { method: 'GET', route: '/c/:slug/officials', status: 200, requestId: 'r-1' },
      { method: 'POST', route: '/c/:slug/outcome', status: 409, requestId: 'r-1' },
      { method: 'GET', route: '/*', status: 404, requestId: 'r-1' },
    ],
  );
  assert.ok(requests.every((r) => typeof r.ms === 'number'));
  const all = lines.join('\n');
  for (const secret of ['203.0.113.77', 'VozProbeAgent', '94110', '37.76', '122.42', 'Elm', 'asylum-ca', 'nowhere']) {
    assert.ok(!all.includes(secret), `logs must not contain ${secret}`);
  }
});
