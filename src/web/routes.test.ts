import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { fixedClock } from '../clock.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import { createPagesTestApp, getPage, type PagesTestApp, pagesCampaign } from './testing/app.ts';
import { fixtureDirectoryData } from './testing/directory-fixture.ts';

let t: PagesTestApp;
before(async () => {
  t = await createPagesTestApp({
    campaigns: [
      pagesCampaign(),
      pagesCampaign({ slug: 'secret-draft', status: 'draft' }),
      pagesCampaign({ slug: 'ended', status: 'closed' }),
      sampleCampaignInput({ slug: 'with-custom', targets: ['senators', 'custom'] }),
      pagesCampaign({ slug: 'legislature', targets: ['president', 'state_legislators'] }),
      sampleCampaignInput({
        slug: 'phone-only',
        targets: ['custom'],
        customTargets: [
          {
            id: 'custom-hotline',
            name: 'County Hotline',
            title: 'Hotline',
            phone: '415-555-0199',
            email: null,
            contactUrl: null,
          },
        ],
      }),
    ],
  });
});
after(() => t.dispose());

test('the home page lists live campaigns only', async () => {
  const { res, html } = await getPage(t.app, '/');
  assert.equal(res.status, 200);
  assert.match(html, /href="\/c\/protect-asylum"/);
  assert.doesNotMatch(html, /secret-draft|\/c\/ended/);
  assert.match(html, /Officials data as of November 1, 2026/);
});

test('a campaign page has its text, tags, Open Graph meta and the location form', async () => {
  const { res, html } = await getPage(t.app, '/c/protect-asylum');
  assert.equal(res.status, 200);
  assert.match(html, /<h1>Fund legal aid for families<\/h1>/);
  assert.match(html, /<strong>have no right to a lawyer<\/strong>/);
  assert.match(html, /property="og:title" content="Fund legal aid for families"/);
  assert.match(html, /name="twitter:card" content="summary"/);
  assert.match(html, /<form method="get" action="\/c\/protect-asylum\/officials"/);
  assert.match(html, /<li>legal aid<\/li>/);
});

test('unknown slugs and drafts get the friendly 404 page in the layout', async () => {
  for (const path of ['/c/nope', '/c/secret-draft', '/c/secret-draft/officials?zip=94110']) {
    const { res, html } = await getPage(t.app, path);
    assert.equal(res.status, 404, path);
    assert.match(html, /Page not found/);
    assert.match(html, /class="skip"/);
  }
  const es = await getPage(t.app, '/c/nope?lang=es');
  assert.match(es.html, /<html lang="es">/);
  assert.match(es.html, /Página no encontrada/);
});

test('the language comes from ?lang=, then Accept-Language, and links keep an explicit choice', async () => {
  const negotiated = await getPage(t.app, '/c/protect-asylum', { 'accept-language': 'es-MX,es;q=0.9' });
  assert.match(negotiated.html, /<html lang="es">/);
  assert.match(negotiated.html, /Fondos para asistencia legal/);
  assert.match(negotiated.html, /action="\/c\/protect-asylum\/officials"/);
  const explicit = await getPage(t.app, '/c/protect-asylum?lang=es', { 'accept-language': 'en' });
  assert.match(explicit.html, /<html lang="es">/);
  assert.match(explicit.html, /name="lang" value="es"/);
  assert.match(explicit.html, /href="\/c\/protect-asylum\?lang=en"/);
});

test('an exact ZIP shows a card per target with filled official titles and tel: links', async () => {
  const { res, html } = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  assert.equal(res.status, 200);
  assert.match(html, /Senator Sara Senior/);
  assert.match(html, /Senator Jon Junior/);
  assert.match(html, /Representative Rita Rep/);
  assert.match(html, /President Pat Example/);
  assert.match(html, /href="tel:\+12022243553"/);
  assert.match(html, /0 of 4 contacted/);
  // The San Francisco office (Mon-Fri 9-5) at 10:30 local time on a Wednesday.
  assert.match(html, /Open now \(local time 10:30/);
  assert.match(html, /Dear Senator Sara Senior,/);
  assert.match(html, /href="mailto:rita@example\.house\.gov\?subject=/);
});

test('office hours are written out in the page language, or shown as published', async () => {
  const en = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  assert.match(en.html, /Hours: Monday–Friday, 9 AM–5 PM/);
  const es = await getPage(t.app, '/c/protect-asylum/officials?zip=94110&lang=es');
  assert.match(es.html, /Horario: de lunes a viernes, de 9:00 a 17:00/);
  assert.doesNotMatch(es.html, /Horario: Mon/);
  assert.match(es.html, /Abierta ahora/);
  // The representative's office publishes hours Voz cannot read: the text itself, marked as English.
  assert.match(en.html, /Hours as published: <span>Only open Tuesdays and Thursdays<\/span>/);
  assert.match(es.html, /Horario publicado \(en inglés\): <span lang="en">Only open Tuesdays and Thursdays<\/span>/);
});

test('Spanish pages name officials with their article, and custom titles as written', async () => {
  const { html } = await getPage(t.app, '/c/protect-asylum/officials?zip=94110&lang=es');
  assert.match(html, /¿Cómo le fue con el presidente Pat Example\?/);
  assert.match(html, /¿Cómo le fue con la senadora Sara Senior\?/);
  const split = await getPage(t.app, '/c/protect-asylum/officials?zip=94015&lang=es');
  assert.match(split.html, /Representado por la representante Rita Rep/);
  const custom = await getPage(t.app, '/c/with-custom/officials?zip=94110&lang=es');
  assert.match(custom.html, /<h3 id="t-custom-city-hall-name">Jordan Lee<\/h3>/);
  assert.match(custom.html, /<p class="role"><span lang="en">Mayor<\/span><\/p>/);
  assert.doesNotMatch(custom.html, /Mayor Jordan Lee/);
  const english = await getPage(t.app, '/c/with-custom/officials?zip=94110');
  assert.match(english.html, /<h3 id="t-custom-city-hall-name">Mayor Jordan Lee<\/h3>/);
});

test('without address lookup, a campaign to state legislators says why they are missing', async () => {
  const en = await getPage(t.app, '/c/legislature/officials?zip=94110');
  assert.equal(en.res.status, 200);
  assert.match(en.html, /President Pat Example/);
  assert.match(en.html, /Your state legislators are not listed: only a street address tells us/);
  assert.doesNotMatch(en.html, /action="\/c\/legislature\/address"/);
  const es = await getPage(t.app, '/c/legislature/officials?zip=94110&lang=es');
  assert.match(es.html, /Sus legisladores estatales no aparecen: solo la dirección/);
  // Campaigns without state legislators say nothing about them.
  assert.doesNotMatch((await getPage(t.app, '/c/protect-asylum/officials?zip=94110')).html, /legislators/);
});

test('a split ZIP asks the supporter to choose and never picks a district', async () => {
  const { res, html } = await getPage(t.app, '/c/protect-asylum/officials?zip=94015');
  assert.equal(res.status, 200);
  assert.match(html, /ZIP code 94015 is split between 2 congressional districts/);
  assert.match(html, /href="\/c\/protect-asylum\/officials\?zip=94015&amp;district=CA-11"/);
  assert.match(html, /href="\/c\/protect-asylum\/officials\?zip=94015&amp;district=CA-12"/);
  assert.doesNotMatch(html, /class="card"/);
  const chosen = await getPage(t.app, '/c/protect-asylum/officials?zip=94015&district=CA-12');
  assert.match(chosen.html, /This seat is vacant/);
  assert.match(chosen.html, /0 of 3 contacted/);
});

test('a cross-state ZIP lists both states, and an unknown ZIP explains itself', async () => {
  const cross = await getPage(t.app, '/c/protect-asylum/officials?zip=96107');
  assert.match(cross.html, /crosses state lines/);
  assert.match(cross.html, /Nevada, district 2/);
  const unknown = await getPage(t.app, '/c/protect-asylum/officials?zip=20500');
  assert.equal(unknown.res.status, 404);
  assert.match(unknown.html, /We do not recognise ZIP code 20500/);
  assert.match(unknown.html, /PO boxes/);
});

test('DC shows the delegate and no senators, and says why', async () => {
  const { html } = await getPage(t.app, '/c/protect-asylum/officials?zip=20001');
  assert.match(html, /Delegate Della Gate/);
  assert.doesNotMatch(html, /Senator /);
  assert.match(html, /0 of 2 contacted/);
  assert.match(
    html,
    /Residents of the District of Columbia elect no U\.S\. senators: in Congress they have a delegate/,
  );
  const es = await getPage(t.app, '/c/protect-asylum/officials?zip=20001&lang=es');
  assert.match(es.html, /Quienes viven en el Distrito de Columbia no eligen senadores/);
  // A campaign without senators has nothing to explain.
  assert.doesNotMatch((await getPage(t.app, '/c/legislature/officials?zip=20001')).html, /elect no U\.S\. senators/);
});

test('vacant seats say what to do: the Clerk keeps a House office open, the other senator', async () => {
  const data = fixtureDirectoryData();
  for (const seat of data.seats) if (seat.id === 'senate:ca:3') seat.officialId = null;
  data.officials.push({
    ...data.officials.find((o) => o.id === 'S000002')!,
    id: 'GOV-CA',
    name: 'Gail Governor',
    role: 'governor',
    chamber: 'state_executive',
    title: 'Governor',
    gender: null,
    party: 'Democratic',
    seatId: 'governor:ca',
    offices: [
      {
        ...data.officials[0]!.offices[0]!,
        id: 'gov-capitol',
        kind: 'capitol',
        city: 'Sacramento',
        phone: '916-445-2841',
        timeZone: 'America/Los_Angeles',
      },
    ],
  });
  data.seats.push({
    id: 'governor:ca',
    chamber: 'state_executive',
    role: 'governor',
    state: 'CA',
    district: null,
    divisionId: 'ocd-division/country:us/state:ca',
    label: 'Governor of California',
    officialId: 'GOV-CA',
  });
  const app = await createPagesTestApp({
    directory: createDirectory(data, fixedClock('2026-03-11T17:30:00Z')),
    campaigns: [pagesCampaign({ targets: ['senators', 'representative', 'governor'] })],
  });
  try {
    const { html } = await getPage(app.app, '/c/protect-asylum/officials?zip=94015&district=CA-12');
    assert.match(html, /the Clerk of the House keeps the office open and staffed/);
    assert.match(html, /Capitol switchboard: <a class="tel" href="tel:\+12022243121"/);
    assert.match(html, /Ask for the office of California, district 12\./);
    assert.match(html, /Contact your state’s other senator/);
    // The governor's office is the Capitol office, not a "local" one, and the party reads alike.
    assert.match(html, /Capitol office: <a class="tel" href="tel:\+19164452841"/);
    assert.doesNotMatch(html, /Local office: <a class="tel" href="tel:\+19164452841"/);
    assert.match(html, /Governor Gail Governor<\/h3><p class="role">Party: Democratic · California/);
    assert.match(html, /Senator Sara Senior<\/h3><p class="role">Party: Democratic · California/);
    const es = await getPage(app.app, '/c/protect-asylum/officials?zip=94015&district=CA-12&lang=es');
    assert.match(
      es.html,
      /<h3 id="t-governor-ca-name">Gail Governor<\/h3><p class="role"><span>Titular de la gubernatura<\/span> · Partido: Demócrata/,
    );
    assert.match(es.html, /Oficina en el Capitolio:/);
    assert.match(es.html, /la Secretaría de la Cámara \(Clerk of the House\) mantiene la oficina abierta/);
  } finally {
    await app.dispose();
  }
});

test('bad or missing locations re-show the form with a specific message, never a 500', async () => {
  const missing = await getPage(t.app, '/c/protect-asylum/officials');
  assert.equal(missing.res.status, 400);
  assert.match(missing.html, /Please enter a ZIP code or choose your state/);
  const cases: [string, RegExp, RegExp][] = [
    ['zip=ABCDE', /That is not a ZIP code/, /Eso no es un código postal/],
    ['zip=1234', /That is not a ZIP code/, /Eso no es un código postal/],
    ['zip=00000', /That is not a ZIP code/, /Eso no es un código postal/],
    ['state=XX', /We do not know that state/, /No conocemos ese estado/],
    ['lat=91&lon=0', /could not use the location from your device/, /No pudimos usar la ubicación de su dispositivo/],
    ['lat=1', /could not use the location from your device/, /No pudimos usar la ubicación de su dispositivo/],
    ['district=ZZ-99', /We do not know that district/, /No conocemos ese distrito/],
    ['district=CA-99', /We do not know that district/, /No conocemos ese distrito/],
  ];
  for (const [q, en, es] of cases) {
    const english = await getPage(t.app, `/c/protect-asylum/officials?${q}`);
    assert.equal(english.res.status, 400, q);
    assert.match(english.html, en, q);
    const spanish = await getPage(t.app, `/c/protect-asylum/officials?${q}&lang=es`);
    assert.equal(spanish.res.status, 400, q);
    const error = /<p class="error" id="location-error" role="alert">([^<]*)<\/p>/.exec(spanish.html)?.[1] ?? '';
    assert.match(error, es, q);
    // Nothing of the English lookup message leaks into the Spanish page.
    assert.doesNotMatch(error, /ZIP code|digits|district|state|Latitude/, q);
  }
});

test('error pages speak the supporter language, by the error code', async () => {
  const first = await getPage(t.app, '/c/protect-asylum/officials?zip=94110&lang=es');
  const post = (path: string, fields: Record<string, string>, cookie = first.cookie) =>
    t.app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const expired = await post(
    '/c/protect-asylum/outcomes?lang=es',
    { target: 'president', result: 'contacted.call' },
    '',
  );
  assert.equal(expired.status, 403);
  const expiredHtml = await expired.text();
  assert.match(expiredHtml, /<h1>No se pudo enviar el formulario<\/h1>/);
  assert.match(expiredHtml, /Este formulario caducó o vino de otro sitio/);
  assert.match(expiredHtml, /href="\/c\/protect-asylum\?lang=es">Volver a la campaña/);
  const token = first.token ?? '';
  const badOutcome = await post('/c/protect-asylum/outcomes?lang=es', {
    _csrf: token,
    target: 'president',
    result: 'x',
  });
  assert.equal(badOutcome.status, 400);
  assert.match(await badOutcome.text(), /Elija uno de los botones de resultado/);
  const lost = await post('/c/protect-asylum/outcomes?lang=es', {
    _csrf: token,
    target: 'president',
    result: 'contacted.call',
  });
  assert.equal(lost.status, 400);
  assert.match(await lost.text(), /El formulario perdió su ubicación/);
  const closed = await post('/c/ended/outcomes?lang=es', {
    _csrf: token,
    target: 'president',
    result: 'contacted.call',
    zip: '94110',
  });
  assert.equal(closed.status, 409);
  const closedHtml = await closed.text();
  assert.match(closedHtml, /<h1>Esta campaña ha terminado<\/h1>/);
  for (const html of [expiredHtml, closedHtml]) {
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    assert.doesNotMatch(main.replace(/data-voz="[^"]*"/, ''), /lang="en"|This form|has ended/);
    // The language switch of a refused form leads to a page that exists, not back to the POST's address.
    assert.match(html, /<a href="\/c\/(protect-asylum|ended)\?lang=en" hreflang="en"/);
  }
});

test('a state shows the senators and asks for a ZIP for the representative', async () => {
  const { html } = await getPage(t.app, '/c/protect-asylum/officials?state=CA');
  assert.match(html, /Senator Sara Senior/);
  assert.match(html, /Enter your ZIP code to add your representative/);
  assert.match(html, /0 of 3 contacted/);
});

test('the details cookie is Secure behind HTTPS, and a forged one is ignored', async () => {
  const app = await createPagesTestApp({ env: { PUBLIC_URL: 'https://voz.example.org' } });
  try {
    const first = await getPage(app.app, '/c/protect-asylum/officials?zip=94110');
    const res = await app.app.request('/c/protect-asylum/officials?zip=94110', {
      method: 'POST',
      headers: { cookie: first.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: first.token ?? '', name: 'Ana' }).toString(),
    });
    assert.match(res.headers.getSetCookie().join('\n'), /voz_details=[^;]+;.*; Secure/);
    for (const forged of [
      '%%%',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"name":7}').toString('base64url'),
    ]) {
      const page = await getPage(app.app, '/c/protect-asylum/officials?zip=94110', { cookie: `voz_details=${forged}` });
      assert.equal(page.res.status, 200);
      assert.match(page.html, /my name is \[name\]|name is \[name\]|Hello, my name is \[name\]/i);
    }
  } finally {
    await app.dispose();
  }
});

test('over-long details are capped and flagged with a 400', async () => {
  const first = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  const res = await t.app.request('/c/protect-asylum/officials?zip=94110', {
    method: 'POST',
    headers: { cookie: first.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: first.token ?? '', name: 'A'.repeat(5000) }).toString(),
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /Your name is too long: up to 100 characters/);
  assert.match(html, /value="A{100}"/);
  assert.doesNotMatch(html, /(?<!%0)A{101}/);
});

test('an outcome form records the action and answers 303 back to the cards with progress', async () => {
  const first = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  const post = (result: string, target: string, r = '') =>
    t.app.request('/c/protect-asylum/outcomes', {
      method: 'POST',
      headers: { cookie: first.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: first.token ?? '', target, result, zip: '94110', r }).toString(),
    });
  const res = await post('contacted.call', 'senate:ca:1');
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.equal(location, '/c/protect-asylum/officials?zip=94110&r=senate%3Aca%3A1%7Econtacted#t-senate-ca-1');
  t.clock.advance(10_000); // past the counter's cache
  const after = await getPage(t.app, location, { cookie: first.cookie });
  assert.match(after.html, /1 of 4 contacted/);
  assert.match(after.html, /Recorded: you reached this office/);
  assert.match(after.html, /Calls and messages to officials so far in this campaign, not counting skips: 1</);
  // A skip is recorded for the organizers but is not an attempt: the counter stays.
  const skipped = await post('skipped.call', 'president');
  assert.equal(skipped.status, 303);
  t.clock.advance(10_000);
  const later = await getPage(t.app, skipped.headers.get('location') ?? '', { cookie: first.cookie });
  assert.match(later.html, /not counting skips: 1</);
  assert.equal((await t.store.handle.db.selectFrom('actions').selectAll().execute()).length, 2);
  const rows = await t.store.handle.db.selectFrom('actions').selectAll().where('target', '=', 'senate:ca:1').execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.target, 'senate:ca:1');
  assert.equal(rows[0]?.state, 'CA');
  assert.equal(rows[0]?.district, '11');
  const bad = await post('maybe.call', 'senate:ca:1');
  assert.equal(bad.status, 400);
  const noToken = await t.app.request('/c/protect-asylum/outcomes', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'target=president&result=contacted.call&zip=94110',
  });
  assert.equal(noToken.status, 403);
});

test('the done page has share links built as URLs and the signup form; signing up answers 303', async () => {
  const page = await getPage(t.app, '/c/protect-asylum/done?zip=94110');
  assert.equal(page.res.status, 200);
  assert.match(page.html, /href="https:\/\/wa\.me\/\?text=I\+asked\+Congress/);
  assert.match(
    page.html,
    /href="https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=http%3A%2F%2Flocalhost%3A3000%2Fc%2Fprotect-asylum"/,
  );
  assert.match(page.html, /href="https:\/\/bsky\.app\/intent\/compose\?text=/);
  const post = (fields: Record<string, string>) =>
    t.app.request('/c/protect-asylum/signup?zip=94110', {
      method: 'POST',
      headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: page.token ?? '', consent_lang: 'es', ...fields }).toString(),
    });
  const missingConsent = await post({ name: 'Ana', email: 'ana@example.org' });
  assert.equal(missingConsent.status, 400);
  assert.match(await missingConsent.text(), /Please tick the box/);
  const ok = await post({ name: 'Ana', email: 'Ana@Example.org', zip: '94110', consent: 'yes' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/c/protect-asylum/done?zip=94110&signed=1');
  const rows = await t.store.handle.db.selectFrom('signups').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.match(rows[0]?.consent_text ?? '', /^Acepto que los organizadores/);
});

test('"I sent the message" is offered only where there is a way to send one', async () => {
  const phoneOnly = await getPage(t.app, '/c/phone-only/officials?zip=94110');
  assert.equal(phoneOnly.res.status, 200);
  assert.match(phoneOnly.html, /I spoke to someone/);
  assert.doesNotMatch(phoneOnly.html, /I sent the message/);
  const withForm = await getPage(t.app, '/c/with-custom/officials?zip=94110');
  assert.match(withForm.html, /value="contacted\.form"[^>]*>I sent the message</);
});

test('the done page says what was reported and keeps it on the way back and through the signup', async () => {
  const r = 'senate:ca:1~contacted,senate:ca:3~voicemail,president~skipped,bogus';
  const page = await getPage(t.app, `/c/protect-asylum/done?zip=94110&r=${encodeURIComponent(r)}`);
  assert.match(page.html, /<p class="success" id="reported-summary">You reported 2 calls and messages\./);
  const kept = 'r=senate%3Aca%3A1%7Econtacted%2Csenate%3Aca%3A3%7Evoicemail%2Cpresident%7Eskipped';
  assert.ok(
    page.html.includes(`href="/c/protect-asylum/officials?zip=94110&amp;${kept}"`),
    'back keeps r, bogus left out',
  );
  assert.ok(page.html.includes(`action="/c/protect-asylum/signup?zip=94110&amp;${kept}"`));
  const es = await getPage(t.app, '/c/protect-asylum/done?zip=94110&lang=es&r=president~contacted');
  assert.match(es.html, /Usted informó de 1 llamada o mensaje\./);
  const none = await getPage(t.app, '/c/protect-asylum/done?zip=94110&r=president~skipped');
  assert.doesNotMatch(none.html, /reported-summary/);
  const signup = await t.app.request(`/c/protect-asylum/signup?zip=94110&${kept}`, {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: page.token ?? '', name: 'Ana', email: 'ana@example.org', consent: 'yes' }),
  });
  assert.equal(signup.status, 303);
  assert.match(signup.headers.get('location') ?? '', /[?&]r=senate%3Aca%3A1%7Econtacted/);
});

test('signup errors are in the page language, next to their fields', async () => {
  const page = await getPage(t.app, '/c/protect-asylum/done?zip=94110&lang=es');
  const res = await t.app.request('/c/protect-asylum/signup?zip=94110&lang=es', {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: page.token ?? '', name: '', email: 'not-an-email', zip: '941' }),
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /<p class="error" id="s-name-error">Escriba su nombre/);
  assert.match(html, /<p class="error" id="s-email-error">Escriba una dirección de correo electrónico/);
  assert.match(html, /<p class="error" id="s-zip-error">Un código postal tiene cinco dígitos\./);
  assert.match(html, /<p class="error" id="s-consent-error">Marque la casilla/);
  assert.doesNotMatch(html, /does not look like an email|Please tick/);
  assert.match(html, /value="not-an-email"/, 'what was typed is kept');
});

test('a closed campaign shows its page without the location step', async () => {
  const { res, html } = await getPage(t.app, '/c/ended');
  assert.equal(res.status, 200);
  assert.match(html, /This campaign has ended/);
  assert.doesNotMatch(html, /id="find"/);
});

test('a closed campaign has no outcome buttons and no signup, and says it has ended', async () => {
  const officials = await getPage(t.app, '/c/ended/officials?zip=94110');
  assert.match(officials.html, /This campaign has ended/);
  assert.doesNotMatch(officials.html, /class="outcome"|name="result"/);
  const done = await getPage(t.app, '/c/ended/done?zip=94110&lang=es');
  assert.equal(done.res.status, 200);
  assert.match(done.html, /<h1>Esta campaña ha terminado<\/h1>/);
  assert.doesNotMatch(done.html, /Cada llamada|signup|<form|wa\.me/);
  const signup = await t.app.request('/c/ended/signup?lang=es', {
    method: 'POST',
    headers: { cookie: done.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    // The page has no form, so the token is the cookie's own value (double submit), as a stale tab's form would send.
    body: new URLSearchParams({
      _csrf: done.cookie.split('=')[1] ?? '',
      name: 'Ana',
      email: 'ana@example.org',
      consent: 'yes',
    }),
  });
  assert.equal(signup.status, 409);
  assert.match(await signup.text(), /Ya no registra llamadas, mensajes ni inscripciones/);
});

test('pages carry a strict CSP and are compressed; assets are hashed, immutable and compressed', async () => {
  const res = await t.app.request('/c/protect-asylum', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(res.headers.get('content-encoding'), 'br');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const html = new TextDecoder().decode(
    (await import('node:zlib')).brotliDecompressSync(Buffer.from(await res.arrayBuffer())),
  );
  const css = /href="(\/assets\/style\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
  const js = /src="(\/assets\/app\.[0-9a-f]{10}\.js)"/.exec(html)?.[1];
  assert.ok(css && js);
  assert.doesNotMatch(html, /<script>|<style|style="/);
  for (const path of [css, js]) {
    const asset = await t.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('content-encoding'), 'gzip');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  }
  assert.equal((await t.app.request('/assets/app.0000000000.js')).status, 404);
});

test('supporter forms refuse a large body before CSRF reads it', async () => {
  for (const path of ['officials', 'address', 'outcomes', 'signup', 'location']) {
    // No token and a 300 MB Content-Length: refused as too large, not as a forged form.
    const declared = await t.app.request(`/c/protect-asylum/${path}?zip=94110`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(300 * 1024 * 1024) },
      body: 'name=x',
    });
    assert.equal(declared.status, 413, path);
    assert.match(await declared.text(), /That was too much to send/);
  }
  // A chunked body without a length is cut off once past the limit, not read to its end.
  let sent = 0;
  const chunk = new TextEncoder().encode(`name=${'a'.repeat(64 * 1024)}`);
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.length;
      if (sent > 300 * 1024 * 1024) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const streamed = await t.app.request('/c/protect-asylum/outcomes', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: endless,
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.ok(sent < 1024 * 1024, `read ${sent} bytes`);
});

test('filling in the message is rate limited per client', async () => {
  const app = await createPagesTestApp();
  try {
    const first = await getPage(app.app, '/c/protect-asylum/officials?zip=94110');
    const fill = () =>
      app.app.request('/c/protect-asylum/officials?zip=94110', {
        method: 'POST',
        headers: { cookie: first.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: first.token ?? '', name: 'Ana' }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await fill()).status);
    assert.ok(
      statuses.every((s) => s < 400),
      statuses.join(),
    );
    const refused = await fill();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  } finally {
    await app.dispose();
  }
});

test('a device location is posted, rounded, and answered with a link that names only the district', async () => {
  // The campaign page is cached for everyone and has no token: the script asks for one.
  const tokenRes = await t.app.request('/c/protect-asylum/location', { headers: { accept: 'application/json' } });
  assert.equal(tokenRes.status, 200);
  assert.equal(tokenRes.headers.get('cache-control'), 'private, no-store');
  const cookie = (tokenRes.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf } = (await tokenRes.json()) as { csrf: string };
  assert.equal(cookie, `voz_csrf=${csrf}`);
  const visit = await t.app.request('/c/protect-asylum/location?lang=es');
  assert.equal(visit.status, 303, 'a person who opens the address lands on the campaign');
  assert.equal(visit.headers.get('location'), '/c/protect-asylum?lang=es');
  const locate = (lat: string, lon: string, query = '', token = csrf) =>
    t.app.request(`/c/protect-asylum/location${query}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, lat, lon }).toString(),
    });
  assert.equal((await locate('37.76', '-122.45', '', '')).status, 403, 'without the token, refused like any form');
  const inside = await locate('37.75991', '-122.45123', '?lang=es');
  assert.equal(inside.status, 303);
  assert.equal(inside.headers.get('location'), '/c/protect-asylum/officials?district=CA-11&lang=es');
  // Near the line between the two districts: the choice, still without the coordinate.
  const near = await locate('37.7612', '-122.3601');
  assert.equal(near.status, 303);
  const nearLink = near.headers.get('location') ?? '';
  assert.equal(nearLink, '/c/protect-asylum/officials?near=CA-11%2CCA-12');
  const choose = await getPage(t.app, nearLink);
  assert.equal(choose.res.status, 200);
  assert.match(choose.html, /Your location is close to a district boundary/);
  assert.match(choose.html, /href="\/c\/protect-asylum\/officials\?district=CA-11"/);
  assert.match(choose.html, /href="\/c\/protect-asylum\/officials\?district=CA-12"/);
  assert.doesNotMatch(choose.html, /37\.76|122\.36|lat=|lon=/);
  // At sea, and not a coordinate at all.
  const sea = await locate('0', '0');
  assert.equal(sea.status, 400);
  assert.match(await sea.text(), /not in any U\.S\. congressional district/);
  const junk = await locate('north', '91');
  assert.equal(junk.status, 400);
  assert.match(await junk.text(), /could not use the location from your device/);
});

test('a coordinate in an old link is rounded and redirected, never echoed', async () => {
  const res = await t.app.request('/c/protect-asylum/officials?lat=37.75991&lon=-122.45123');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/c/protect-asylum/officials?district=CA-11');
  // The near-boundary choice keeps the districts in the outcome forms, never the point.
  const senators = await getPage(t.app, '/c/with-custom/officials?near=CA-11,CA-12');
  assert.equal(senators.res.status, 200);
  assert.match(senators.html, /Senator Sara Senior/);
  assert.match(senators.html, /name="near" value="CA-11,CA-12"/);
  const post = await t.app.request('/c/with-custom/outcomes', {
    method: 'POST',
    headers: { cookie: senators.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: senators.token ?? '',
      target: 'senate:ca:1',
      result: 'contacted.call',
      near: 'CA-11,CA-12',
    }).toString(),
  });
  assert.equal(post.status, 303);
  assert.match(post.headers.get('location') ?? '', /^\/c\/with-custom\/officials\?near=CA-11%2CCA-12&r=/);
  assert.equal((await getPage(t.app, '/c/protect-asylum/officials?near=CA-11,ZZ')).res.status, 400);
  // An outcome form from a page that still had the coordinate: the next link names the district instead.
  const legacy = await t.app.request('/c/with-custom/outcomes', {
    method: 'POST',
    headers: { cookie: senators.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: senators.token ?? '',
      target: 'senate:ca:3',
      result: 'skipped.call',
      lat: '37.75991',
      lon: '-122.45123',
    }).toString(),
  });
  assert.equal(legacy.status, 303);
  assert.match(legacy.headers.get('location') ?? '', /^\/c\/with-custom\/officials\?district=CA-11&r=/);
});

test('posting details fills the texts, escaped, from a session cookie and never a URL', async () => {
  const first = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  const res = await t.app.request('/c/protect-asylum/officials?zip=94110', {
    method: 'POST',
    headers: { cookie: first.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: first.token ?? '',
      name: '<script>alert(1)</script>',
      role: 'director',
      organization: 'Casa <b>Unida</b>',
      community: 'families',
      r: 'president~contacted',
    }).toString(),
  });
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.equal(location, '/c/protect-asylum/officials?zip=94110&r=president%7Econtacted#details');
  const setCookie = res.headers.getSetCookie().find((line) => line.startsWith('voz_details=')) ?? '';
  // A session cookie for this campaign's pages only, out of reach of scripts and other sites.
  assert.match(setCookie, /; Path=\/c\/protect-asylum(;|$)/);
  assert.match(setCookie, /; HttpOnly/);
  assert.match(setCookie, /; SameSite=Lax/);
  assert.doesNotMatch(setCookie, /Max-Age|Expires|Secure/i);
  const details = setCookie.split(';')[0]!;
  const page = await t.app.request(location, { headers: { cookie: `${first.cookie}; ${details}` } });
  assert.equal(page.headers.get('cache-control'), 'private, no-store');
  const html = await page.text();
  assert.match(html, /I am director of Casa &lt;b&gt;Unida&lt;\/b&gt;, working with families\./);
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /1 of 4 contacted/);
  // The next outcome's 303 leads back to a page that still has them.
  const outcome = await t.app.request('/c/protect-asylum/outcomes', {
    method: 'POST',
    headers: { cookie: `${first.cookie}; ${details}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: first.token ?? '',
      target: 'senate:ca:1',
      result: 'skipped.call',
      zip: '94110',
    }).toString(),
  });
  assert.equal(outcome.status, 303);
  const next = await t.app.request(outcome.headers.get('location') ?? '', {
    headers: { cookie: `${first.cookie}; ${details}` },
  });
  assert.match(await next.text(), /I am director of Casa &lt;b&gt;Unida&lt;\/b&gt;/);
  // "Forget my details" deletes the cookie.
  const forget = await t.app.request('/c/protect-asylum/officials?zip=94110', {
    method: 'POST',
    headers: { cookie: `${first.cookie}; ${details}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: first.token ?? '', forget: '1', name: 'x' }).toString(),
  });
  assert.equal(forget.status, 303);
  const cleared = forget.headers.getSetCookie().find((line) => line.startsWith('voz_details=')) ?? '';
  assert.match(cleared, /^voz_details=; Max-Age=0; Path=\/c\/protect-asylum/);
});
