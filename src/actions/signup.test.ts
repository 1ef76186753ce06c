import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import type { HttpError } from '../http/errors.ts';
import { silentLogger } from '../log.ts';
import { createActionsContext } from './context.ts';
import { signUp } from './signup.ts';
import { listSignups } from './signup-repository.ts';
import { addCampaign, testConfig } from './test-helpers.ts';

const CONSENT = 'Yes, email me about this campaign.';

testEachDialect('stores a signup only with explicit consent, keeping the consent text shown', async (store) => {
  const clock = fixedClock('2026-11-28T15:00:00.000Z');
  const context = createActionsContext({ config: testConfig(store), db: store.handle, clock, logger: silentLogger });
  await addCampaign(store.handle.db, 'asylum');
  const attempt = (input: Record<string, unknown>) =>
    signUp(context, { campaignSlug: 'asylum', input, consentText: CONSENT });

  for (const consent of [undefined, false, 'off', '', 'no']) {
    await assert.rejects(attempt({ name: 'Ana', email: 'ana@example.org', consent }), (err: HttpError) => {
      assert.equal(err.status, 400);
      assert.match(err.fields.consent ?? '', /agree/);
      return true;
    });
  }
  await assert.rejects(attempt({ name: 'Ana', email: 'ana@', consent: 'on' }), (err: HttpError) => {
    assert.ok(err.fields.email);
    return true;
  });
  await assert.rejects(
    attempt({ name: ' ', email: 'ana@example.org', zip: '9411', consent: 'on' }),
    (err: HttpError) => {
      assert.deepEqual(Object.keys(err.fields).sort(), ['name', 'zip']);
      return true;
    },
  );
  assert.deepEqual(await listSignups(store.handle.db), []);

  await attempt({ name: ' Ana ', email: 'Ana@Example.org', zip: '94110', consent: 'on' });
  clock.advance(60_000);
  // Signing up again replaces the earlier record (latest details and consent win).
  await attempt({ name: 'Ana María', email: 'ana@example.org', consent: 'on' });
  const [only, ...rest] = await listSignups(store.handle.db);
  assert.equal(rest.length, 0);
  assert.equal(only?.name, 'Ana María');
  assert.equal(only?.email, 'ana@example.org');
  assert.equal(only?.zip, null);
  assert.equal(only?.consentText, CONSENT);
  assert.equal(only?.createdAt, '2026-11-28T15:01:00.000Z');
});

testEachDialect('refuses signups for campaigns that are not live, and consent without its text', async (store) => {
  const context = createActionsContext({
    config: testConfig(store),
    db: store.handle,
    clock: fixedClock('2026-11-28T15:00:00Z'),
    logger: silentLogger,
  });
  await addCampaign(store.handle.db, 'draft', 'draft');
  await addCampaign(store.handle.db, 'closed', 'closed');
  await addCampaign(store.handle.db, 'live');
  const input = { name: 'Ana', email: 'ana@example.org', consent: 'on' };
  await assert.rejects(signUp(context, { campaignSlug: 'draft', input, consentText: CONSENT }), { status: 404 });
  await assert.rejects(signUp(context, { campaignSlug: 'closed', input, consentText: CONSENT }), { status: 409 });
  await assert.rejects(signUp(context, { campaignSlug: 'live', input, consentText: '  ' }), {
    code: 'consent_text_missing',
  });
  assert.deepEqual(await listSignups(store.handle.db), []);
});
