import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { baseUrl, fill, MIRROR, openPage, scrollWidth, signIn, th } from './helpers.ts';

const STELLA_TH = 'มูลนิธิ Stella Maris';
const FISHERIES_TH = 'กรมประมง';

function result(page: Page, name: string) {
  return page.getByRole('list', { name: th.directory.results }).getByRole('link', { name, exact: true });
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: th.directory.search }).fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

describe('directory search by everyday words', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds organisations by a province they cover and by พม่า, and offers the province filter when nothing matches', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);

      await search(page, 'ระนอง');
      await result(page, STELLA_TH).waitFor();
      await result(page, FISHERIES_TH).waitFor();

      await search(page, 'พม่า');
      await result(page, STELLA_TH).waitFor();

      // Nobody's text names Nan: the empty list offers the province filter, which finds nationwide ones.
      await search(page, 'น่าน');
      const useProvince = page.getByRole('button', {
        name: fill(th.directory.emptySearch.useProvince, { province: 'น่าน' }),
      });
      await useProvince.waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-search-province-suggestion');
      await useProvince.click();
      await page.waitForURL(
        (url) => url.searchParams.get('province') === 'TH-55' && !url.searchParams.has('q'),
      );
      await result(page, FISHERIES_TH).waitFor();
    } finally {
      await context.close();
    }
  });
});
