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

test('touch targets are at least 44 by 44 px on a phone', async () => {
  const { page, context } = await openPage(browser, app, '/c/protect-asylum/officials?zip=94110');
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a.button, input, select, .candidates a')) {
      if (el.offsetParent === null || (el as HTMLInputElement).type === 'hidden') continue;
      const box = el.getBoundingClientRect();
      const isCheckbox = (el as HTMLInputElement).type === 'checkbox';
      // A checkbox's target is its whole label row (WCAG 2.5.8 counts the label).
      const target = isCheckbox ? (el.closest('label')?.getBoundingClientRect() ?? box) : box;
      if (target.height < 44 || target.width < 44)
        out.push(`${el.tagName} ${el.textContent?.trim() ?? ''} ${target.width}x${target.height}`);
    }
    return out;
  });
  assert.deepEqual(small, []);
  await context.close();
});
