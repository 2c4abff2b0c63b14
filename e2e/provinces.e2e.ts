import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  EMBASSY,
  escapeRegExp,
  fill,
  MIRROR,
  openPage,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';

const STELLA_TH = 'มูลนิธิ Stella Maris';
const FISHERIES_TH = 'กรมประมง';
/** Demo people of organisations working in Ranong: one phone open to members, one for the Centre only. */
const PRAMUAN_PHONE = '077-000-085';
const ANNA_PHONE = '08-0000-1005';

/** A province's tile on the cartogram: a link named after the province and its count. */
function tile(page: Page, province: string) {
  const name = new RegExp(
    `^${escapeRegExp(fill(th.directory.map.tile, { province, count: 'X' })).replace('X', '(\\d+)')}$`,
  );
  return page.getByRole('list', { name: th.directory.map.grid }).getByRole('link', { name });
}

async function tileCount(page: Page, province: string): Promise<number> {
  const label = await tile(page, province).getAttribute('aria-label');
  return Number(label?.match(/(\d+)/)?.[1]);
}

function sheetTitle(province: string) {
  return fill(th.directory.sheet.title, { province });
}

describe('province view and contact sheet', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the provinces as a map on a phone; tapping one filters the directory to it', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);
      await page
        .getByRole('navigation', { name: th.directory.views.label })
        .getByRole('link', { name: th.directory.views.map })
        .click();
      await page.waitForURL((url) => url.pathname === '/organisations/map');
      await page.getByRole('heading', { level: 2, name: th.directory.map.heading }).waitFor();
      await expect
        .poll(() => page.getByRole('list', { name: th.directory.map.grid }).getByRole('link').count())
        .toBe(77);
      await tile(page, 'ระนอง').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-province-map');
      await expectNoSeriousAxeViolations(page);

      const ranong = await tileCount(page, 'ระนอง');
      expect(ranong).toBeGreaterThan(0);
      await tile(page, 'ระนอง').click();
      await page.waitForURL(
        (url) => url.pathname === '/organisations' && url.searchParams.getAll('province').join() === 'TH-85',
      );
      await pageReady(page, th.organisations.title);
      const results = page.getByRole('list', { name: th.directory.results });
      await results.getByRole('link', { name: STELLA_TH, exact: true }).waitFor();
      await results.getByRole('link', { name: FISHERIES_TH, exact: true }).waitFor();
      // The list holds exactly the organisations the tile counted.
      await page
        .getByRole('status')
        .getByText(fill(th.directory.count, { count: ranong }))
        .waitFor();

      // Keyboard: back on the map, Enter on a focused tile does the same.
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/organisations/map');
      await tile(page, 'เชียงใหม่').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.getAll('province').join() === 'TH-50');
    } finally {
      await context.close();
    }
  });

  it('counts with the filters in use, and keeps them when a province is chosen', async () => {
    const api = await apiAs(MIRROR);
    let expected: number;
    try {
      const res = await api.get('/api/v1/organizations', {
        params: { service: 'legal_aid', facets: 1, limit: 1 },
      });
      expected = ((await res.json()) as { facets: { province: Record<string, number> } }).facets.province[
        'TH-85'
      ]!;
    } finally {
      await api.dispose();
    }
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations/map?service=legal_aid', th.organisations.title);
      await tile(page, 'ระนอง').waitFor();
      expect(await tileCount(page, 'ระนอง')).toBe(expected);
      await tile(page, 'ระนอง').click();
      await page.waitForURL(
        (url) =>
          url.searchParams.getAll('province').join() === 'TH-85' &&
          url.searchParams.get('service') === 'legal_aid',
      );
      await page
        .getByRole('status')
        .getByText(fill(th.directory.count, { count: expected }))
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it('prints a province contact sheet: table, date in the Buddhist Era, no app around it on paper', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations?province=TH-85', th.organisations.title);
      await page.getByRole('link', { name: fill(th.directory.sheet.link, { province: 'ระนอง' }) }).click();
      await pageReady(page, sheetTitle('ระนอง'));
      expect(new URL(page.url()).pathname).toBe('/organisations/provinces/TH-85/sheet');

      const inProvince = page.getByRole('region', { name: /^ทำงานในจังหวัด/ });
      await inProvince.getByRole('link', { name: new RegExp(`^${STELLA_TH}`) }).waitFor();
      await inProvince.getByRole('link', { name: new RegExp(`^${FISHERIES_TH}`) }).waitFor();
      await page
        .getByRole('region', { name: /^ทำงานทั่วประเทศ/ })
        .getByRole('link', { name: /^กรมการจัดหางาน/ })
        .waitFor();
      await page.getByText(/^พิมพ์เมื่อ \d{1,2} \S+ พ\.ศ\. 25\d\d เวลา \d\d:\d\d/).waitFor();
      // A member sees a person's phone open to members, not one for the Centre only.
      await page.getByRole('link', { name: PRAMUAN_PHONE }).waitFor();
      expect(await page.getByText(ANNA_PHONE).count()).toBe(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-contact-sheet');
      await expectNoSeriousAxeViolations(page);

      // The Print button opens the browser's print dialog.
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: th.directory.sheet.print }).click();
      expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');

      // On paper: the sheet alone, as a table on A4.
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => page.locator('.mantine-AppShell-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: th.directory.sheet.print }).isVisible()).toBe(false);
      expect(
        await page.getByRole('columnheader', { name: th.directory.sheet.contacts }).first().isVisible(),
      ).toBe(true);
      await screenshot(page, 'directory-contact-sheet-print');
    } finally {
      await context.close();
    }
  });

  it('never shows an observer personal phone numbers on a contact sheet; the Centre sees them all', async () => {
    const observer = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(observer.page, EMBASSY);
      await openPage(observer.page, '/organisations/provinces/TH-85/sheet', sheetTitle('ระนอง'));
      await observer.page.getByRole('link', { name: new RegExp(`^${STELLA_TH}`) }).waitFor();
      await observer.page.getByText(th.directory.sheet.hiddenNote, { exact: false }).waitFor();
      expect(await observer.page.getByText(PRAMUAN_PHONE).count()).toBe(0);
      expect(await observer.page.getByText(ANNA_PHONE).count()).toBe(0);
    } finally {
      await observer.context.close();
    }
    const admin = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(admin.page, ADMIN);
      await openPage(admin.page, '/organisations/provinces/TH-85/sheet', sheetTitle('ระนอง'));
      await admin.page.getByRole('link', { name: PRAMUAN_PHONE }).waitFor();
      await admin.page.getByRole('link', { name: ANNA_PHONE }).waitFor();
    } finally {
      await admin.context.close();
    }
  });

  it('answers an unknown province with an error, not a blank sheet', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await page.goto('/organisations/provinces/TH-99/sheet');
      await pageReady(page, th.directory.sheet.unknownTitle);
      await page.getByRole('alert').getByText(/TH-99/).waitFor();
    } finally {
      await context.close();
    }
  });
});
