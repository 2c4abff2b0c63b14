import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, fill, openPage, scrollWidth, signIn, th } from './helpers.ts';
import { startServer } from './server.ts';

/**
 * On a server of its own: the coverage gaps are those of the demo network, and the specs that add
 * organisations to the shared server (an interpreter in Ranong, for one) would close them.
 */
describe('dashboard and yearly review', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the Centre switch to fiscal 2570, see Ranong short of interpreters and download the workbook', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/reports', th.reports.title);
      const period = page.getByRole('combobox', { name: th.reports.period.label });
      await period.click();
      await page.getByRole('option', { name: 'ปีงบประมาณ 2569' }).click();
      await expect.poll(() => period.inputValue()).toBe('ปีงบประมาณ 2569');
      await period.click();
      await page.getByRole('option', { name: 'ปีงบประมาณ 2570' }).click();
      await expect.poll(() => period.inputValue()).toBe('ปีงบประมาณ 2570');

      const grid = page.getByRole('list', { name: fill(th.reports.coverage.grid, { item: 'ล่าม' }) });
      await grid.waitFor();
      const ranong = grid.locator('[data-province="TH-85"]');
      expect(await ranong.getAttribute('data-status')).toBe('single');
      expect(await ranong.getAttribute('aria-label')).toBe(`ระนอง: ${th.reports.coverage.status.single} (1)`);
      // Who works with whom, drawn: a point per organisation in the strongest links, named for a hover.
      const network = page.getByRole('img', { name: 'เครือข่ายการทำงานร่วมกัน (คู่ที่แน่นแฟ้นที่สุด)' });
      await network.scrollIntoViewIfNeeded();
      expect(await network.locator('circle').count()).toBeGreaterThan(2);
      expect(await network.locator('title').allTextContents()).toContain('กรมประมง');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'reports-dashboard');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: th.reports.workbook }).click();
      expect((await download).suggestedFilename()).toBe('tipnet-review-fiscal-2570.xlsx');
    } finally {
      await context.close();
    }
  });
});
