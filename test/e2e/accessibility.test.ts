import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, type RunningApp, startApp } from './harness.ts';

let browser: Browser;
let app: RunningApp;
before(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startApp()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Every kind of page a supporter can reach, including the error and choice states. */
const PAGES = [
  '/',
  '/c/protect-asylum',
  '/c/protect-asylum/officials?zip=94110',
  '/c/protect-asylum/officials?zip=10001',
  '/c/protect-asylum/officials?zip=20001',
  '/c/protect-asylum/officials?zip=20500',
  '/c/protect-asylum/officials?state=CA',
  '/c/protect-asylum/officials?zip=ABCDE',
  '/c/protect-asylum/officials?near=CA-11,CA-15',
  '/c/protect-asylum/done?zip=94110',
  '/c/no-such-campaign',
];

for (const lang of ['en', 'es'] as const) {
  test(`axe finds no WCAG 2.2 AA violations on any page in ${lang}`, async () => {
    const failures: string[] = [];
    for (const path of PAGES) {
      const url = new URL(path, 'http://x');
      url.searchParams.set('lang', lang);
      const { page, context } = await openPage(browser, app, url.pathname + url.search);
      assert.equal(await page.locator('html').getAttribute('lang'), lang, path);
      for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
}

/** Pages with every kind of control a supporter touches: cards, choices, forms, the way back. */
const TARGET_PAGES = [
  '/c/protect-asylum',
  '/c/protect-asylum/officials?zip=94110',
  '/c/protect-asylum/officials?zip=94110&lang=es',
  '/c/protect-asylum/officials?zip=10001',
  '/c/protect-asylum/officials?zip=20001',
  '/c/protect-asylum/officials?state=CA',
  '/c/protect-asylum/done?zip=94110',
  '/c/no-such-campaign',
];

test('every link and button in the main content is at least 44 by 44 px on a 320 px phone', async () => {
  const failures: string[] = [];
  for (const path of TARGET_PAGES) {
    const { page, context } = await openPage(browser, app, path, { viewport: { width: 320, height: 640 } });
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const controls = document.querySelectorAll<HTMLElement>(
        'main a, main button, main input, main select, main textarea, main summary, header a',
      );
      for (const el of controls) {
        if (el.offsetParent === null || (el as HTMLInputElement).type === 'hidden') continue;
        // Links inside the campaign's own prose are inline targets, which WCAG 2.5.8 exempts.
        if (el.closest('.body')) continue;
        const box = el.getBoundingClientRect();
        const isCheckbox = (el as HTMLInputElement).type === 'checkbox';
        // A checkbox's target is its whole label row (WCAG 2.5.8 counts the label).
        const target = isCheckbox ? (el.closest('label')?.getBoundingClientRect() ?? box) : box;
        if (target.height < 44 || target.width < 44) {
          out.push(`${el.tagName} "${el.textContent?.trim().slice(0, 40) ?? ''}" ${target.width}x${target.height}`);
        }
      }
      return out;
    });
    for (const s of small) failures.push(`${path}: ${s}`);
    await context.close();
  }
  assert.deepEqual(failures, []);
});
