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

  clock.set('2026-11-28T15:00:42.123Z');
  assert.equal(await attempt({ name: ' Ana ', email: 'Ana@Example.org', zip: '94110', consent: 'on' }), 'created');
  const [first] = await listSignups(store.handle.db);
  assert.equal(first?.name, 'Ana');
  assert.equal(first?.email, 'ana@example.org');
  assert.equal(first?.createdAt, '2026-11-28T15:00:00.000Z', 'the minute, not the second');
  assert.equal(first?.renewed, null);
});

testEachDialect('signing up again keeps the first record and its consent, and adds the new consent', async (store) => {
  const clock = fixedClock('2026-11-28T15:00:00.000Z');
  const context = createActionsContext({ config: testConfig(store), db: store.handle, clock, logger: silentLogger });
  await addCampaign(store.handle.db, 'asylum');
  const attempt = (input: Record<string, unknown>, consentText = CONSENT) =>
    signUp(context, { campaignSlug: 'asylum', input, consentText });
  await attempt({ name: 'Ana', email: 'ana@example.org', consent: 'on' });
  clock.set('2026-11-29T09:30:10.000Z');
  const spanish = 'Sí, envíenme noticias de esta campaña.';
  // A different name, a ZIP the first signup left out, the page in Spanish this time.
  assert.equal(
    await attempt({ name: 'Ana María', email: 'ANA@example.org', zip: '94110', consent: 'on' }, spanish),
    'renewed',
  );
  clock.set('2026-11-30T10:00:00.000Z');
  // Without a ZIP, and with another one: neither erases nor replaces the ZIP now on record.
  await attempt({ name: 'A.', email: 'ana@example.org', consent: 'on' });
  await attempt({ name: 'A.', email: 'ana@example.org', zip: '10001', consent: 'on' });
  const [only, ...rest] = await listSignups(store.handle.db);
  assert.equal(rest.length, 0, 'still one supporter');
  assert.equal(only?.name, 'Ana', 'the name first given');
  assert.equal(only?.zip, '94110', 'a missing ZIP is filled in, never erased or replaced');
  assert.equal(only?.consentText, CONSENT, 'the first consent stays on record');
  assert.equal(only?.createdAt, '2026-11-28T15:00:00.000Z');
  assert.deepEqual(only?.renewed, { consentText: CONSENT, createdAt: '2026-11-30T10:00:00.000Z' });
  const consents = await store.handle.db
    .selectFrom('signup_consents')
    .select(['consent_text', 'created_at'])
    .orderBy('id')
    .execute();
  assert.deepEqual(consents, [
    { consent_text: spanish, created_at: '2026-11-29T09:30:00.000Z' },
    { consent_text: CONSENT, created_at: '2026-11-30T10:00:00.000Z' },
    { consent_text: CONSENT, created_at: '2026-11-30T10:00:00.000Z' },
  ]);
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
