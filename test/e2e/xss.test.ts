import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertCampaign } from '../../src/campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../../src/campaigns/fixtures.ts';
import { launchBrowser, openPage, type RunningApp, startApp } from './harness.ts';

/**
 * Hostile text in a campaign body or a supporter's details must stay text. Each payload would set
 * `window.__xss` or open a dialog if it ran; the tests also check no element was injected, so
 * they do not rely on the Content-Security-Policy alone.
 */
const PAYLOADS = [
  '<script>window.__xss = 1; alert("script")</script>',
  '<img src=x onerror="window.__xss = 2; alert(\'img\')">',
  '"><svg onload="window.__xss=3">',
];

let browser: Browser;
let app: RunningApp;
before(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startApp({ demo: false })]);
  const base = sampleCampaignInput();
  await insertCampaign(
    app.store.handle.db,
    sampleCampaignInput({
      slug: 'hostile',
      targets: ['senators', 'representative', 'president'],
      customTargets: [],
      shareImageUrl: null,
      content: {
        en: {
          ...base.content.en!,
          title: `Title ${PAYLOADS[1]}`,
          summary: `Summary ${PAYLOADS[2]}`,
          body: `Body text\n\n${PAYLOADS.join('\n\n')}\n\n[link](javascript:window.__xss=4)`,
        },
      },
    }),
  );
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const injected = () =>
  document.querySelectorAll('main script, main img, main svg, [onerror], [onload], a[href^="javascript:"]').length;

test('a campaign body, title and summary with scripts and handlers do not execute', async () => {
  const { page, context, dialogs } = await openPage(browser, app, '/c/hostile');
  assert.match((await page.locator('h1').textContent()) ?? '', /Title <img src=x onerror=/);
  assert.equal(await page.evaluate(injected), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), null);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('a name or organization with scripts stays text, typed live and posted without JavaScript', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const { page, context, dialogs } = await openPage(browser, app, '/c/hostile/officials?zip=94110', {
      javaScriptEnabled,
    });
    await page.getByLabel('Your name').fill(PAYLOADS[0]!);
    await page.getByLabel('Your organization').fill(PAYLOADS[1]!);
    await page.getByLabel('Your community').fill(PAYLOADS[2]!);
    if (!javaScriptEnabled) {
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Fill in my message' }).click(),
      ]);
    }
    const text = (await page.locator('.card .text').nth(1).textContent()) ?? '';
    assert.ok(text.includes(PAYLOADS[1]!), `filled as text (JS ${javaScriptEnabled}): ${text}`);
    if (javaScriptEnabled) {
      assert.equal(await page.evaluate(injected), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), null);
    } else {
      // Without JavaScript the checks run in a fresh context on the same HTML.
      const html = await page.content();
      const check = await browser.newContext();
      const probe = await check.newPage();
      const probeDialogs: string[] = [];
      probe.on('dialog', (d) => {
        probeDialogs.push(d.message());
        void d.dismiss();
      });
      await probe.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await probe.goto(app.url('/probe'));
      assert.equal(await probe.evaluate(injected), 0);
      assert.equal(await probe.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), null);
      assert.deepEqual(probeDialogs, []);
      await check.close();
    }
    assert.deepEqual(dialogs, []);
    await context.close();
  }
});
