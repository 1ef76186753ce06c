import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { countActions } from '../../src/actions/action-repository.ts';
import { createUser } from '../../src/admin/accounts.ts';
import { embedSnippet } from '../../src/admin/embed/snippet.tsx';
import { buildApp, type VozApp } from '../../src/app.ts';
import { findCampaignBySlug } from '../../src/campaigns/campaign-repository.ts';
import { systemClock } from '../../src/clock.ts';
import { parseConfig } from '../../src/config.ts';
import { createTestStore, type TestStore } from '../../src/db/testing.ts';
import { silentLogger } from '../../src/log.ts';
import { createDirectory } from '../../src/lookup/create-directory.ts';
import { fixtureDirectoryData } from '../../src/web/testing/directory-fixture.ts';
import { axeViolations, launchBrowser } from './harness.ts';

/**
 * The organizer workspace in Chromium: sign in, write a campaign in both languages and publish it,
 * watch the dashboard count a supporter's call without reloading, export the CSV, and embed the
 * campaign in a page served from another origin. axe checks every admin page on the way.
 */

let browser: Browser;
let store: TestStore;
let vozApp: VozApp;
let server: ReturnType<typeof serve>;
let baseUrl: string;

before(async () => {
  store = await createTestStore('sqlite');
  const config = {
    ...parseConfig({ GROUP_COMMIT_MS: '1', LOG_LEVEL: 'silent' }),
    database: store.database,
  };
  const directory = createDirectory(fixtureDirectoryData(), systemClock);
  vozApp = buildApp({ config, db: store.handle, directory, clock: systemClock, logger: silentLogger });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: vozApp.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await createUser(
    { db: store.handle.db, clock: systemClock, scrypt: { N: 1024, r: 8, p: 1 } },
    { email: 'owner@example.org', password: 'a long password', role: 'owner' },
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  await vozApp.close();
  await store.dispose();
});

const url = (path: string) => new URL(path, baseUrl).toString();

async function expectNoAxeViolations(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

async function signIn(page: Page) {
  await page.goto(url('/admin'));
  assert.match(page.url(), /\/admin\/login\?next=/);
  await expectNoAxeViolations(page, 'the sign-in page');
  await page.getByLabel('Email').fill('owner@example.org');
  await page.getByLabel('Password').fill('a long password');
  await Promise.all([page.waitForURL(/\/admin\/campaigns$/), page.getByRole('button', { name: 'Sign in' }).click()]);
}

let campaignPath = '';

test('an organizer signs in, writes a campaign in English and Spanish, and publishes it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  await expectNoAxeViolations(page, 'the campaign list');
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel("Slug (the campaign's address: /c/slug)").fill('e2e-asylum');
  await page.getByLabel('Title (English)').fill('Protect asylum');
  await page.getByLabel('Summary (English)').fill('Call your officials today.');
  await page.getByLabel('Call script (English)').fill('Hello, I am [name] from [city]. I am calling [office].');
  await page.getByLabel('Title (Spanish)').fill('Proteger el asilo');
  const spanishScript = page.getByLabel('Call script (Spanish)');
  await spanishScript.fill('Hola, soy [nombre] de [ciudadd].');
  // The placeholder mistake shows next to the field before saving.
  const error = page.locator('#f-content-es-callScript-error');
  await error.filter({ hasText: 'Did you mean [ciudad]?' }).waitFor();
  assert.equal(await spanishScript.getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, 'the editor with an error');
  await page.getByLabel('Allow other sites to embed this campaign').check();
  // …and again on save, keeping what was typed.
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.errors-summary').waitFor();
  // Focus moves to the summary of problems, not left on the page's body.
  await page.waitForFunction(() => document.activeElement?.classList.contains('errors-summary'));
  assert.equal(await spanishScript.inputValue(), 'Hola, soy [nombre] de [ciudadd].');
  assert.equal(await page.getByLabel('Title (English)').inputValue(), 'Protect asylum');
  await spanishScript.fill('Hola, soy [nombre] de [ciudad]. Llamo a [oficina].');
  await error.filter({ hasText: /^$/ }).waitFor({ state: 'hidden' });
  await Promise.all([page.waitForURL(/\/admin\/campaigns\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
  campaignPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('.status', { hasText: 'live' }).first().waitFor();
  await expectNoAxeViolations(page, 'the campaign page with its dashboard');
  const saved = await findCampaignBySlug(store.handle.db, 'e2e-asylum');
  assert.equal(saved?.status, 'live');
  assert.equal(saved?.content.es?.callScript, 'Hola, soy [nombre] de [ciudad]. Llamo a [oficina].');
  assert.equal(saved?.embedEnabled, true);
  assert.match(
    (await page.locator('table', { hasText: 'Who changed what' }).textContent()) ?? '',
    /publish[\s\S]*create/,
  );

  // A second person, so the People page shows its access form to axe too.
  await createUser(
    { db: store.handle.db, clock: systemClock, scrypt: { N: 1024, r: 8, p: 1 } },
    { email: 'editor@example.org', password: 'a long password', role: 'editor' },
  );
  const entry = await page.locator('a[href^="/admin/audit/"]').first().getAttribute('href');
  for (const path of [
    '/admin/users',
    '/admin/account',
    '/admin/activity',
    `${campaignPath}/edit`,
    `${campaignPath}/embed`,
    entry ?? '',
  ]) {
    await page.goto(url(path));
    await expectNoAxeViolations(page, path);
  }
  await context.close();
});

test('a supporter completes the campaign and the open dashboard counts it without reloading', async () => {
  assert.ok(campaignPath, 'the campaign was created');
  const organizer = await browser.newContext();
  const dashboard = await organizer.newPage();
  await signIn(dashboard);
  await dashboard.goto(url(campaignPath));
  const summary = dashboard.locator('[data-live-summary]');
  assert.equal((await summary.textContent())?.trim(), '0 actions');
  // The organizer opens a table and stays on it while the dashboard updates.
  await dashboard.getByText('Outcomes as a table').click();
  assert.equal(await dashboard.locator('#chart-outcomes-table').getAttribute('open'), '');
  let reloads = 0;
  dashboard.on('framenavigated', (frame) => {
    if (frame === dashboard.mainFrame()) reloads++;
  });

  const supporter = await browser.newContext();
  const page = await supporter.newPage();
  await page.goto(url('/c/e2e-asylum?lang=es'));
  await page
    .getByLabel(/Código postal/)
    .first()
    .fill('94110');
  await Promise.all([page.waitForURL(/\/officials\?/), page.locator('#find button[type=submit]').click()]);
  assert.match((await page.locator('.card').first().textContent()) ?? '', /Hola, soy \[nombre\]/);
  await page.locator('.card').first().locator('form.outcome button').first().click();
  await page.locator('#progress').filter({ hasText: '1' }).waitFor();

  await summary.filter({ hasText: '1 action' }).waitFor({ timeout: 15_000 });
  assert.equal(await dashboard.locator('#chart-outcomes-table').getAttribute('open'), '', 'the open table stays open');
  assert.equal(
    await dashboard.evaluate(() => document.activeElement?.closest('details')?.id),
    'chart-outcomes-table',
    'focus stays on the table the organizer opened',
  );
  assert.equal(
    (await dashboard.locator('#live-status').textContent())?.trim(),
    '1 action',
    'the new total is announced',
  );
  assert.equal(await dashboard.locator('#live-status').getAttribute('role'), 'status');
  assert.equal(reloads, 0, 'the dashboard did not reload');
  // One call, which reached a person; no written messages, no skips.
  assert.match((await dashboard.locator('#targets-table tbody tr').first().textContent()) ?? '', /11 \(100%\)00$/);

  // The CSV export holds the action, and nothing about the supporter.
  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByRole('link', { name: 'Actions (CSV)' }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  const rows = csv.trim().split('\r\n');
  assert.equal(rows[0], 'created_at,target,target_name,target_label,channel,outcome,state,district,language');
  assert.equal(rows.length, 2);
  // The raw id, then the official's name and the seat's label (quoted when it holds a comma).
  assert.match(rows[1]!, /^\d{4}-\d{2}-\d{2}T[^,]+,[^,]+,[^,]+,("[^"]+"|[^,]+),call,contacted,CA,(11)?,es$/);
  await organizer.close();
  await supporter.close();
});

test('the campaign embeds in a page on another origin, resizes, and records outcomes', async () => {
  const campaign = await findCampaignBySlug(store.handle.db, 'e2e-asylum');
  assert.ok(campaign);
  const before = (await store.handle.db.selectFrom('actions').selectAll().execute()).length;
  const snippet = embedSnippet(baseUrl, campaign);
  // A host page on another port and host name ("localhost" vs "127.0.0.1": another site, so the
  // browser withholds Voz's SameSite=Lax cookies from the frame, as on a real organization's site).
  const host: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Our site</h1>${snippet}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  const hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(hostUrl);
    const iframe = page.locator('iframe[data-voz-embed]');
    const frame = page.frameLocator('iframe[data-voz-embed]');
    await frame.getByRole('heading', { name: 'Protect asylum' }).waitFor();
    // The host script sized the frame to its content.
    await page.waitForFunction(() => document.querySelector('iframe')?.style.height !== '');
    const firstHeight = Number.parseInt((await iframe.evaluate((f: HTMLIFrameElement) => f.style.height)) ?? '0', 10);
    assert.ok(firstHeight > 100 && firstHeight < 640, `height ${firstHeight}`);

    await frame.getByLabel('Your ZIP code').fill('94110');
    await frame.getByRole('button', { name: 'Find' }).click();
    await frame.getByRole('heading', { name: 'Find your officials' }).waitFor();
    await page.waitForFunction(
      (h) => Number.parseInt(document.querySelector('iframe')?.style.height ?? '0', 10) > h,
      firstHeight,
    );
    // Another outcome than the supporter's above: a repeat from the same client within an hour counts once.
    await frame.getByRole('button', { name: 'I left a voicemail' }).first().click();
    await frame.getByText('Thank you, recorded.').first().waitFor();
    const afterCount = (await store.handle.db.selectFrom('actions').selectAll().execute()).length;
    assert.equal(afterCount, before + 1);
    const widget = await context.newPage();
    await widget.goto(url('/embed/e2e-asylum?zip=94110&lang=es'));
    await expectNoAxeViolations(widget, 'the embedded widget');
  } finally {
    await context.close();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  }
});

/**
 * What WordPress does to the oEmbed HTML of a site it does not trust (wp_filter_oembed_result in
 * wp-includes/embed.php): keeps only the iframe, adds a secret to its URL and as data-secret, and
 * sandboxes it with allow-scripts only, so the frame's origin is opaque.
 */
function asWordPressWould(oembedHtml: string, secret: string): string {
  const iframe = /<iframe[^>]*><\/iframe>/.exec(oembedHtml)?.[0] ?? '';
  const src = /src="([^"]+)"/.exec(iframe)?.[1] ?? '';
  const kept = ['src', 'width', 'height', 'title']
    .map((name) =>
      name === 'src'
        ? ` src="${src}#?secret=${secret}"`
        : (/ (?:width|height|title)="[^"]*"/.exec(iframe.slice(iframe.indexOf(` ${name}=`)))?.[0] ?? ''),
    )
    .join('');
  return `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"${kept} data-secret="${secret}"></iframe>`;
}

/** wp-includes/js/wp-embed.js's receiver, reduced to its height and link handling. */
const WORDPRESS_RECEIVER = `
window.links = [];
window.addEventListener('message', function (e) {
  var data = e.data;
  if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
  for (var i = 0; i < frames.length; i++) {
    var source = frames[i];
    if (e.source !== source.contentWindow) continue;
    if (data.message === 'height') {
      var height = parseInt(data.value, 10);
      if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
      source.height = height;
    }
    if (data.message === 'link') window.links.push(data.value);
  }
});`;

test('a WordPress-sandboxed embed records outcomes and resizes through WordPress messages', async () => {
  const before = (await store.handle.db.selectFrom('actions').selectAll().execute()).length;
  // What WordPress fetches when a post has the campaign's address on a line of its own.
  const oembed = await fetch(url(`/oembed?url=${encodeURIComponent(url('/c/e2e-asylum'))}&format=json`));
  assert.equal(oembed.status, 200);
  const { html } = (await oembed.json()) as { html: string };
  const secret = 'Ab3dE5gH9k';
  const embed = asWordPressWould(html, secret);
  assert.match(embed, /sandbox="allow-scripts"/);
  assert.doesNotMatch(embed, /<script/);
  const host: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Blog</title></head><body><h1>Our blog</h1>${embed}<script>${WORDPRESS_RECEIVER}</script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    const iframe = page.locator('iframe.wp-embedded-content');
    const frame = page.frameLocator('iframe.wp-embedded-content');
    await frame.getByRole('heading', { name: 'Protect asylum' }).waitFor();
    // The frame's origin is opaque: the sandbox is real.
    assert.equal(await frame.locator('body').evaluate(() => window.origin), 'null');
    const heightOf = async () => Number(await iframe.getAttribute('height'));
    await page.waitForFunction(() => document.querySelector('iframe')?.getAttribute('height') !== '640');
    const first = await heightOf();
    assert.ok(first >= 200 && first < 640, `height ${first}`);

    await frame.getByLabel('Your ZIP code').fill('94110');
    await frame.getByRole('button', { name: 'Find' }).click();
    await frame.getByRole('heading', { name: 'Find your officials' }).waitFor();
    await page.waitForFunction((h) => Number(document.querySelector('iframe')?.getAttribute('height')) > h, first);

    await frame.getByRole('button', { name: 'I could not get through' }).first().click();
    await frame.getByText('Thank you, recorded.').first().waitFor();
    assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, before + 1);

    // A new tab cannot open from this sandbox: the full-page link goes to WordPress to open.
    await frame.getByRole('link', { name: 'Open the full campaign page' }).click();
    await page.waitForFunction(() => (window as unknown as { links: string[] }).links.length > 0);
    const [link] = await page.evaluate(() => (window as unknown as { links: string[] }).links);
    assert.match(link ?? '', /\/c\/e2e-asylum\/officials\?zip=94110/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  }
});

test('a campaign limited to other sites does not show in a frame on this one', async () => {
  await store.handle.db
    .updateTable('campaigns')
    .set({ embed_origins: JSON.stringify(['https://allowed.example']) })
    .where('slug', '=', 'e2e-asylum')
    .execute();
  const campaign = await findCampaignBySlug(store.handle.db, 'e2e-asylum');
  assert.ok(campaign);
  const host: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Host</title></head><body>${embedSnippet(baseUrl, campaign)}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused = page.waitForEvent('console', (msg) => /frame-ancestors/.test(msg.text()));
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    await refused;
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    assert.ok(frame);
    assert.equal(await frame.getByRole('heading', { name: 'Protect asylum' }).count(), 0);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  }
});

test('a save after the session ended keeps the edits through signing in again', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(url(`${campaignPath}/edit`));
    const summary = page.getByLabel('Summary (English)');
    await summary.fill('An hour of careful writing that must survive.');
    // The session ends while the organizer types (as after two idle hours).
    await store.handle.db.deleteFrom('sessions').execute();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Sign in to keep your changes' }).waitFor();
    await expectNoAxeViolations(page, 'the keep-your-changes sign-in page');
    await page.getByLabel('Email').fill('owner@example.org');
    await page.getByLabel('Password').fill('a long password');
    await page.getByRole('button', { name: 'Sign in and return to the editor' }).click();
    await page.getByText('You are signed in again. Nothing is saved yet').waitFor();
    assert.equal(await summary.inputValue(), 'An hour of careful writing that must survive.');
    await Promise.all([
      page.waitForURL(/\/admin\/campaigns\/\d+\?saved=1$/),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    const saved = await findCampaignBySlug(store.handle.db, 'e2e-asylum');
    assert.equal(saved?.content.en?.summary, 'An hour of careful writing that must survive.');
  } finally {
    await context.close();
  }
});

test('the preview stays in the preview through a split ZIP and records nothing; unsaved edits preview too', async () => {
  assert.ok(campaignPath, 'the campaign was created');
  const campaign = (await findCampaignBySlug(store.handle.db, 'e2e-asylum'))!;
  const before = await countActions(store.handle.db, campaign.id);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  await page.goto(url(campaignPath));
  await page.getByLabel('ZIP code').fill('94015');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.locator('ul.candidates a').first().waitFor();
  const inPreview = () => assert.ok(new URL(page.url()).pathname.startsWith(`${campaignPath}/preview`), page.url());
  inPreview();
  await expectNoAxeViolations(page, 'the preview of a split ZIP');
  // The change-location form works in the preview and stays there.
  await page
    .getByLabel(/ZIP code/)
    .last()
    .fill('94110');
  await Promise.all([page.waitForURL(/zip=94110/), page.locator('main form button[type=submit]').last().click()]);
  inPreview();
  await page.goto(url(`${campaignPath}/preview?zip=94015`));
  await Promise.all([page.waitForURL(/district=CA-/), page.locator('ul.candidates a').first().click()]);
  inPreview();
  await page.locator('.card').first().waitFor();
  await page.locator('.card').first().locator('form.outcome button').first().click();
  await page.locator('.card .reported').first().waitFor({ state: 'visible' });
  inPreview();
  assert.equal(await countActions(store.handle.db, campaign.id), before, 'the preview recorded nothing');

  // Unsaved edits, previewed from the editor without saving.
  await page.goto(url(`${campaignPath}/edit`));
  await page.getByLabel('Title (English)').fill('Protect asylum, unsaved');
  await page.getByLabel('Call script (English)').fill('Hello, unsaved script for [office].');
  await page.locator('#f-previewZip').fill('94110');
  await Promise.all([
    page.waitForURL(new RegExp(`${campaignPath}/preview$`)),
    page.getByRole('button', { name: 'Preview as a supporter' }).click(),
  ]);
  assert.match((await page.locator('.card').first().textContent()) ?? '', /unsaved script for/);
  await expectNoAxeViolations(page, 'the preview of unsaved edits');
  assert.equal((await findCampaignBySlug(store.handle.db, 'e2e-asylum'))?.content.en?.title, 'Protect asylum');
  await context.close();
});
