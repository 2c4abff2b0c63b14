import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, baseUrl, fill, openPage, scrollWidth, signIn, th } from './helpers.ts';

describe('dashboard and yearly review', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Centre switch to fiscal 2570, see Ranong short of interpreters and download the workbook', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
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
