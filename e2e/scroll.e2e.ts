import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE } from './browser.ts';
import { baseUrl, MIRROR, openPage, pageReady, signIn, th } from './helpers.ts';

describe('scroll position between pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a new page at its top and returns to where the list was left on back', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      // The board's last card leads to a long problem page, where the old position still exists.
      await openPage(page, '/problems', th.problems.title);
      const results = page.getByRole('list', { name: th.problems.results }).getByRole('link');
      const last = results.last();
      const name = (await last.textContent())?.trim() ?? '';
      const opened = page.getByRole('heading', { level: 1 }).filter({ hasText: name.slice(0, 10) });
      // Seen once, the problem page shows at once from the cache: the case where a link opened far down.
      await last.click();
      await opened.waitFor();
      await page.goBack();
      await pageReady(page, th.problems.title);

      await last.scrollIntoViewIfNeeded();
      const left = await page.evaluate(() => window.scrollY);
      expect(left).toBeGreaterThan(300);
      await last.click();
      await opened.waitFor();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

      await page.goBack();
      await pageReady(page, th.problems.title);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(left - 5);
      expect(await page.evaluate(() => window.scrollY)).toBeLessThan(left + 5);
    } finally {
      await context.close();
    }
  });
});
