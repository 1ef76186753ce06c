import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertCampaign } from '../../src/campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../../src/campaigns/fixtures.ts';
import { officialTitle } from '../../src/campaigns/official-titles.ts';
import type { Language } from '../../src/domain.ts';
import type { LookupResult } from '../../src/officials/types.ts';
import { launchBrowser, openPage, type RunningApp, startApp } from './harness.ts';

let browser: Browser;
let app: RunningApp;
before(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startApp()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** The card headings the demo campaign (President, senators, representative) should show for an answer. */
function expectedHeadings(result: LookupResult, lang: Language): string[] {
  return result.representations
    .filter((r) => r.seat.role === 'president' || r.seat.chamber === 'senate' || r.seat.chamber === 'house')
    .map((r) => (r.official ? officialTitle(r.official, lang) : ''))
    .sort();
}

const cardHeadings = async (page: Page) => (await page.locator('.card h3').allTextContents()).sort();
const actionsStored = async () => (await app.store.handle.db.selectFrom('actions').selectAll().execute()).length;

async function findByZip(page: Page, zip: string) {
  await page
    .getByLabel(/ZIP code|Código postal/)
    .first()
    .fill(zip);
  await Promise.all([page.waitForURL(/\/officials\?/), page.locator('#find button[type=submit]').click()]);
}

test('the demo campaign: ZIP, four cards, a filled script, an outcome, and the counter moves', async () => {
  const { page, context, foreignRequests, errors } = await openPage(browser, app, '/c/protect-asylum');
  await findByZip(page, '94110');
  const result = app.directory.lookupZip('94110');
  const headings = await cardHeadings(page);
  assert.deepEqual(headings, expectedHeadings(result, 'en'));
  assert.equal(headings.length, 4);
  assert.equal(headings.filter((h) => h.startsWith('Senator ')).length, 2);
  assert.ok(headings.some((h) => h.startsWith('Representative ')));
  assert.ok(headings.some((h) => h.startsWith('President ')));

  const firstScript = page.locator('.card .text').first();
  assert.match((await firstScript.textContent()) ?? '', /my name is \[name\]/);
  await page.getByLabel('Your name').fill('Ana Example');
  await page.getByLabel('Your organization').fill('Casa Unida');
  assert.match(
    (await firstScript.textContent()) ?? '',
    /my name is Ana Example\. I am \[title or role\] of Casa Unida/,
  );

  const counter = page.locator('#counter');
  assert.match((await counter.textContent()) ?? '', /: 0$/);
  await page.locator('.card').first().getByRole('button', { name: 'I spoke to someone' }).click();
  await page.locator('#progress', { hasText: '1 of 4 contacted' }).waitFor();
  await page.locator('#counter', { hasText: ': 1' }).waitFor();
  // Same page, with what was reported in its own link, so a reload keeps the progress.
  assert.match(
    page.url(),
    /\/c\/protect-asylum\/officials\?zip=94110(&state=)?&r=[^&]+(~|%7E)contacted$/,
    'stayed on the page',
  );
  assert.equal(await actionsStored(), 1);
  await page.reload();
  assert.match((await page.locator('#progress').textContent()) ?? '', /1 of 4 contacted/);
  assert.match((await page.locator('.card').first().locator('.reported').textContent()) ?? '', /Recorded/);
  // A second report, recorded by the script: "I am done" carries both, and so does the way back.
  await page.locator('.card').nth(3).getByRole('button', { name: 'I left a voicemail' }).click();
  await page.locator('#progress', { hasText: '2 of 4 contacted' }).waitFor();
  await Promise.all([page.waitForURL(/\/done/), page.getByRole('link', { name: 'I am done' }).click()]);
  assert.match((await page.locator('#reported-summary').textContent()) ?? '', /^You reported 2 calls and messages\./);
  await Promise.all([
    page.waitForURL(/\/officials/),
    page.getByRole('link', { name: 'Back to your officials' }).click(),
  ]);
  assert.match((await page.locator('#progress').textContent()) ?? '', /2 of 4 contacted/);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a split ZIP makes the supporter choose a district, then shows that district', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum');
  const zip = '10001';
  const result = app.directory.lookupZip(zip);
  assert.equal(result.confidence, 'zip_spans_districts');
  await findByZip(page, zip);
  assert.match(
    (await page.locator('h1').textContent()) ?? '',
    new RegExp(`${zip} is split between ${result.candidates.length}`),
  );
  assert.equal(await page.locator('.card').count(), 0, 'no cards before a choice');
  const choices = page.locator('.candidates a');
  assert.equal(await choices.count(), result.candidates.length);
  const last = result.candidates.at(-1)!;
  await Promise.all([page.waitForURL(/district=/), choices.last().click()]);
  const chosen = app.directory.lookupDistrict(`${last.state}-${last.district}`);
  assert.deepEqual(await cardHeadings(page), expectedHeadings(chosen, 'en'));
  await context.close();
});

test('DC ZIP 20001 shows the delegate and no senators', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum/officials?zip=20001');
  const headings = await cardHeadings(page);
  assert.ok(
    headings.some((h) => h.startsWith('Delegate ')),
    headings.join(', '),
  );
  assert.equal(headings.filter((h) => h.startsWith('Senator')).length, 0);
  assert.equal(headings.length, 2);
  assert.match((await page.locator('#progress').textContent()) ?? '', /0 of 2 contacted/);
  await context.close();
});

test('the whole flow works with JavaScript disabled', async () => {
  const { page, context, foreignRequests } = await openPage(browser, app, '/c/protect-asylum', {
    javaScriptEnabled: false,
  });
  assert.equal(await page.locator('#use-location').isVisible(), false, 'no dead button without JS');
  await findByZip(page, '94110');
  assert.equal(await page.locator('.card').count(), 4);
  await page.getByLabel('Your name').fill('Noscript Supporter');
  await page.getByLabel('Your title or role').fill('organizer');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Fill in my message' }).click()]);
  assert.match(
    (await page.locator('.card .text').first().textContent()) ?? '',
    /my name is Noscript Supporter\. I am organizer/,
  );
  assert.doesNotMatch(page.url(), /Noscript/);

  const before = await actionsStored();
  await Promise.all([
    page.waitForURL(/r=/),
    page.locator('.card').nth(1).getByRole('button', { name: 'I left a voicemail' }).click(),
  ]);
  assert.doesNotMatch(page.url(), /Noscript|organizer/);
  assert.match((await page.locator('#progress').textContent()) ?? '', /1 of 4 contacted/);
  assert.match((await page.locator('.card').nth(1).locator('.reported').textContent()) ?? '', /voicemail/);
  assert.equal(await actionsStored(), before + 1);
  // The details are still filled in after the outcome, without typing them again.
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Noscript Supporter');
  assert.match(
    (await page.locator('.card').nth(2).locator('.text').first().textContent()) ?? '',
    /my name is Noscript Supporter\. I am organizer/,
  );
  assert.ok(await page.getByText(/only to fill in your message, and not stored/).isVisible());
  assert.equal(await page.getByText(/stay on this device/).isVisible(), false);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Forget my details' }).click()]);
  assert.equal(await page.getByLabel('Your name').inputValue(), '');
  assert.match((await page.locator('#progress').textContent()) ?? '', /1 of 4 contacted/, 'progress is kept');

  await Promise.all([page.waitForURL(/\/done/), page.getByRole('link', { name: 'I am done' }).click()]);
  assert.equal(await page.locator('h1').textContent(), 'Thank you!');
  assert.equal(
    await page.locator('#reported-summary').textContent(),
    'You reported 1 call or message. Thank you for making it count.',
  );
  await page.getByLabel('Name', { exact: true }).fill('Noscript Supporter');
  await page.getByLabel('Email', { exact: true }).fill('noscript@example.org');
  await page.getByLabel(/I agree/).check();
  await Promise.all([page.waitForURL(/signed=1/), page.getByRole('button', { name: 'Sign up' }).click()]);
  assert.match((await page.locator('.success[role=status]').textContent()) ?? '', /Thank you for signing up/);
  assert.ok(await page.locator('#reported-summary').isVisible(), 'the signup kept what was reported');
  assert.deepEqual(foreignRequests, []);
  await context.close();
});

test('the flow in Spanish', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum?lang=es');
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.equal(await page.locator('h1').textContent(), 'Defendamos el derecho al asilo');
  await findByZip(page, '94110');
  assert.match(page.url(), /lang=es/);
  assert.equal(await page.locator('h1').textContent(), 'Sus funcionarios');
  assert.deepEqual(await cardHeadings(page), expectedHeadings(app.directory.lookupZip('94110'), 'es'));
  const script = page.locator('.card .text').first();
  assert.match((await script.textContent()) ?? '', /Hola, me llamo \[nombre\]/);
  await page.getByLabel('Su nombre').fill('Ana');
  assert.match((await script.textContent()) ?? '', /Hola, me llamo Ana\./);
  await page.locator('.card').first().getByRole('button', { name: 'Hablé con alguien' }).click();
  await page.locator('#progress', { hasText: '1 de 4 contactados' }).waitFor();
  await context.close();
});

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, label: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`could not reach ${label} with Tab`);
}

test('keyboard only: skip link, location, details, outcome, with a visible focus ring', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await tabTo(page, (el) => el.id === 'zip', 'the ZIP field');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none');
  await page.keyboard.type('94110');
  await Promise.all([page.waitForURL(/officials\?zip=94110/), page.keyboard.press('Enter')]);
  await tabTo(page, (el) => el.id === 'd-name', 'the name field');
  await page.keyboard.type('Keyboard User');
  assert.match((await page.locator('.card .text').first().textContent()) ?? '', /Keyboard User/);
  await tabTo(
    page,
    (el) => el.tagName === 'BUTTON' && el.getAttribute('value') === 'contacted.call',
    'an outcome button',
  );
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  await page.locator('#progress', { hasText: '1 of 4 contacted' }).waitFor();
  // The focus moves to what happened, not to the top of the page.
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'reported');
  assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Recorded/);
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  await context.close();
});

test('"use my location" posts the coordinate and lands on a link that names only the district', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum', {
    geolocation: { latitude: 37.75991, longitude: -122.41481 },
    permissions: ['geolocation'],
  });
  const requests: string[] = [];
  const urls: string[] = [];
  page.on('request', (req) => {
    urls.push(req.url());
    requests.push(`${req.method()} ${req.url()} ${req.postData() ?? ''}`);
  });
  await Promise.all([
    page.waitForURL(/\/officials\?(district|near)=/),
    page.getByRole('button', { name: 'Use my location' }).click(),
  ]);
  assert.doesNotMatch(page.url(), /lat|lon|37\.7|122\.4/);
  // The server saw the point rounded to 0.01°, and only in the POST body.
  const posted = requests.find((r) => r.startsWith('POST ') && r.includes('/location'));
  assert.ok(posted, requests.join('\n'));
  assert.match(posted, /lat=37\.76&lon=-122\.41$/);
  assert.ok(
    urls.every((u) => !/[?&](lat|lon)=/.test(u)),
    `no URL carried the coordinate: ${urls.join(' ')}`,
  );
  const result = app.directory.lookupPoint(37.76, -122.41);
  if (result.confidence === 'exact') {
    assert.deepEqual(await cardHeadings(page), expectedHeadings(result, 'en'));
  } else {
    assert.equal(await page.locator('.candidates a').count(), result.candidates.length);
  }
  await context.close();
});

test('details are remembered on this device only when asked, and forgotten on request', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum/officials?zip=20001');
  await page.getByLabel('Your name').fill('Not Remembered');
  await page.reload();
  assert.equal(await page.getByLabel('Your name').inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.length), 0);

  await page.getByLabel('Remember my details on this device').check();
  await page.getByLabel('Your name').fill('Remembered Supporter');
  await page.reload();
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Remembered Supporter');
  assert.match((await page.locator('.card .text').first().textContent()) ?? '', /Remembered Supporter/);

  assert.equal(await page.getByRole('button', { name: 'Fill in my message' }).isVisible(), false);
  assert.ok(await page.getByText(/stay on this device/).isVisible());
  assert.equal(await page.getByText(/only to fill in your message/).isVisible(), false);
  await page.getByRole('button', { name: 'Forget my details' }).click();
  assert.equal(await page.getByLabel('Your name').inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});

test('with JavaScript, pressing Enter in a details field sends nothing to the server', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum/officials?zip=20001');
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' || /Ana(\+|%20)Secreta/.test(request.url())) sent.push(request.url());
  });
  await page.getByLabel('Your name').fill('Ana Secreta');
  await page.getByLabel('Your name').press('Enter');
  await page.getByLabel('Your organization').fill('Casa');
  await page.getByLabel('Your organization').press('Enter');
  // A submission would navigate; give it the chance, then check the page and the wire.
  await page.waitForTimeout(300);
  assert.deepEqual(sent, []);
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Ana Secreta');
  assert.deepEqual(
    (await context.cookies()).map((c) => c.name).filter((n) => n.includes('details')),
    [],
    'no details cookie was set',
  );
  assert.match((await page.locator('.card .text').first().textContent()) ?? '', /Ana Secreta/);
  await context.close();
});

test('the script says why a report was not recorded: too many reports', async () => {
  const strict = await startApp({ env: { ACTIONS_RATE_LIMIT: '1' } });
  try {
    const { page, context } = await openPage(browser, strict, '/c/protect-asylum/officials?zip=20001');
    const cards = page.locator('.card');
    await cards.nth(0).getByRole('button', { name: 'I left a voicemail' }).click();
    await cards.nth(0).locator('.reported', { hasText: 'Recorded' }).waitFor();
    await cards.nth(1).getByRole('button', { name: 'I left a voicemail' }).click();
    const refused = cards.nth(1).locator('.reported', { hasText: 'many reports in a short time' });
    await refused.waitFor();
    assert.equal(await refused.evaluate((el) => el.classList.contains('error')), true);
    assert.doesNotMatch(page.url(), /house/, 'what was not recorded is not in the link');
    await context.close();
  } finally {
    await strict.close();
  }
});

test('the script says why a report was not recorded: the campaign has ended', async () => {
  await insertCampaign(
    app.store.handle.db,
    sampleCampaignInput({ slug: 'closing', targets: ['president', 'senators', 'representative'], customTargets: [] }),
  );
  const { page, context } = await openPage(browser, app, '/c/closing/officials?zip=20001');
  await app.store.handle.db.updateTable('campaigns').set({ status: 'closed' }).where('slug', '=', 'closing').execute();
  // Campaigns are remembered for two seconds (src/actions/campaign-cache.ts).
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await page.locator('.card').first().getByRole('button', { name: 'I spoke to someone' }).click();
  await page.locator('.card').first().locator('.reported', { hasText: 'this campaign has ended' }).waitFor();
  await context.close();
});

test('copying shows, next to the button, that it worked, or selects the text where there is no clipboard', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum/officials?zip=20001');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = page.getByRole('button', { name: 'Copy message' }).first();
  await copy.click();
  const note = page.locator('p.feedback').first();
  await note.waitFor();
  assert.equal(await note.textContent(), 'Copied');
  assert.ok(await note.isVisible());
  assert.equal(await page.locator('#status').textContent(), 'Copied', 'and it is announced');
  await context.close();

  // A plain-HTTP install has no navigator.clipboard: the text is selected and the hint shown.
  const bare = await openPage(browser, app, '/c/protect-asylum/officials?zip=20001');
  await bare.context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await bare.page.reload();
  await bare.page.getByRole('button', { name: 'Copy message' }).first().click();
  const hint = bare.page.locator('p.feedback').first();
  await hint.waitFor();
  assert.equal(await hint.textContent(), 'Select the text and copy it');
  assert.ok(((await bare.page.evaluate(() => getSelection()?.toString())) ?? '').length > 20, 'the text is selected');
  await bare.context.close();
});

test('"use my location" refused: a visible message beside the button, and the ZIP field focused', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum');
  await context.addInitScript(() => {
    navigator.geolocation.getCurrentPosition = (_ok, fail) =>
      fail?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1 } as GeolocationPositionError);
  });
  await page.reload();
  await page.locator('#use-location').click();
  const note = page.locator('#use-location-feedback');
  await note.waitFor();
  assert.match((await note.textContent()) ?? '', /could not get your location/);
  assert.ok(await note.isVisible());
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'zip');
  await context.close();
});
