/** Field-ready: English as a first-class directory language, and the rough edges a field worker hits. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  createUserViaApi,
  en,
  FISHERIES,
  fill,
  MIRROR,
  openPage,
  organisationId,
  signIn,
  th,
} from './helpers.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A directory result card, by the organisation name its link carries. */
function card(page: Page, name: string, labels: typeof th) {
  return page
    .getByRole('list', { name: labels.directory.results })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('field-ready', () => {
  let browser: Browser;
  let englishReader: { email: string; password: string } | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  /** A fresh member who reads TIPNet in English (made inside a test: it polls the outbox). */
  const english = async () => {
    englishReader ??= await createUserViaApi({ organisation: 'Mirror Foundation', language: 'en' });
    return englishReader;
  };
  afterAll(async () => {
    await browser?.close();
  });

  it('shows English readers the English abbreviation, never the Thai one beside an English name', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      const reader = await english();
      await signIn(page, reader.email, reader.password);
      await openPage(page, '/organisations?q=fisheries', en.nav.organisations);
      const fisheries = card(page, 'Department of Fisheries', en);
      await expect.poll(() => fisheries.count()).toBe(1);
      expect(await fisheries.innerText()).toContain('DOF');
      expect(await fisheries.innerText()).not.toContain('กป.');

      await fisheries.getByRole('link', { name: 'Department of Fisheries', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Department of Fisheries' }).waitFor();
      expect(await page.getByTestId('organisation-abbreviation').innerText()).toBe('DOF');
      const hours = page.locator('#working-with-us');
      expect(await hours.innerText()).toContain('Mon–Fri 08:30–16:30');
      expect(await hours.locator('[data-fallback-language]').count()).toBe(0);
      await screenshot(page, 'field-ready-organisation-en');
    } finally {
      await context.close();
    }
  });

  it('shows a text with no English version in Thai, marked as Thai for the eye and the screen reader', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      const reader = await english();
      await signIn(page, reader.email, reader.password);
      await openPage(page, '/organisations?q=interior', en.nav.organisations);
      await page.getByRole('link', { name: 'Ministry of Interior', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Ministry of Interior' }).waitFor();
      // Its "how to request help" was written in Thai only.
      const thai = page.locator('#working-with-us [lang="th"]', {
        hasText: 'ประสานผ่านสำนักงานจังหวัด',
      });
      await thai.waitFor();
      const mark = page.locator('#working-with-us [data-fallback-language="th"]').first();
      expect(await mark.innerText()).toBe(en.common.inThai);
      // The office hours were written in English, so they carry no mark.
      expect(await page.locator('#working-with-us').innerText()).toContain('Mon–Fri 08:30–16:30');
      await screenshot(page, 'field-ready-fallback-en');
    } finally {
      await context.close();
    }
  });

  it('lists organisations in Thai alphabetical order in the Thai UI', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/organisations?sector=government', th.nav.organisations);
      const names = await page
        .getByRole('list', { name: th.directory.results })
        .locator('a.stretched-link')
        .allInnerTexts();
      expect(names.length).toBeGreaterThan(3);
      expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
      // กรมการจัดหางาน before กระทรวงมหาดไทย before ศูนย์พิทักษ์…: Thai order, not the English names'.
      expect(names[0]).toBe('กรมการจัดหางาน');
    } finally {
      await context.close();
    }
  });

  it('answers a missing or malformed record with a not-found page and a way back', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      for (const [path, list] of [
        ['/problems/not-a-uuid', '/problems'],
        ['/problems/00000000-0000-4000-8000-000000000000', '/problems'],
        ['/organisations/not-a-uuid', '/organisations'],
        ['/organisations/00000000-0000-4000-8000-000000000000', '/organisations'],
        ['/people/not-a-uuid', '/organisations'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: th.notFound.title }).waitFor();
        const main = page.getByRole('main');
        expect(await main.getByRole('link', { name: th.notFound.home }).getAttribute('href')).toBe('/');
        const back = list === '/problems' ? th.problems.backToBoard : th.directory.backToList;
        expect(await main.getByRole('link', { name: back }).getAttribute('href')).toBe(list);
      }
      await screenshot(page, 'field-ready-not-found');
      await page.getByRole('main').getByRole('link', { name: th.directory.backToList }).click();
      await page.getByRole('heading', { level: 1, name: th.nav.organisations }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the audit log with names and labels, not UUIDs and codes', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/audit', th.audit.title);
      const cards = page.getByRole('main').getByRole('listitem');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);
      const text = await page.getByRole('main').innerText();
      expect(text).not.toMatch(UUID);
      await page.getByRole('main').getByRole('listitem').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'field-ready-audit', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('gives each accountability chart a text alternative and no unlabelled application', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/problems/accountability', th.problems.accountability.title);
      await page.locator('.recharts-surface').first().waitFor();
      expect(await page.locator('[role="application"]').count()).toBe(0);
      const charts = page.locator('[role="img"][aria-label]');
      expect(await charts.count()).toBe(2);
      for (const label of await charts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))))
        expect(label).toMatch(/\d/);
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('keeps a pasted title whole, counts it against the limit and refuses to send it too long', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/problems/new', th.problems.raise.title);
      // 210 characters of Thai (the limit is 200): a browser maxlength would cut it mid-word.
      const title = 'เรือประมงไม่ยอมให้ลูกเรือขึ้นฝั่ง'.repeat(7).slice(0, 210);
      const box = page.getByRole('textbox', { name: th.problems.fields.title });
      await box.fill(title);
      expect(await box.inputValue()).toBe(title);
      await page.getByText(fill(th.common.tooLong, { count: 10, limit: 200 })).waitFor();
      await page.getByText(fill(th.common.lengthCounter, { count: 210, limit: 200 })).waitFor();
      await screenshot(page, 'field-ready-too-long');
      await page.getByRole('button', { name: th.problems.raise.submit }).click();
      await page.getByText(th.problems.raise.fixErrors).waitFor();
      expect(new URL(page.url()).pathname).toBe('/problems/new');
    } finally {
      await context.close();
    }
  });

  it('downloads the directory as a Thai spreadsheet from the Thai UI', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/organisations?sector=government', th.nav.organisations);
      const href = await page.getByRole('link', { name: th.directory.exportCsv }).getAttribute('href');
      expect(new URL(href!, baseUrl()).searchParams.get('lang')).toBe('th');
      const csv = await (await page.request.get(href!)).text();
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^"ชื่อภาษาไทย","ชื่อภาษาอังกฤษ"/);
      expect(csv).toContain('"ภาครัฐ"');
      expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    } finally {
      await context.close();
    }
  });

  it('shades the province map by the filters in use', async () => {
    const api = await apiAs(ADMIN);
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      const facets = async (search: string) =>
        (await (await api.get(`/api/v1/organizations?facets=1&limit=1&${search}`)).json()).facets.province;
      const all = await facets('');
      const shelters = await facets('service=shelter');
      expect(shelters['TH-85']).not.toBe(all['TH-85']);

      await signIn(page, ADMIN);
      await openPage(page, '/organisations/map?service=shelter', th.nav.organisations);
      const ranong = page.locator('[data-province="TH-85"]');
      await expect
        .poll(() => ranong.getAttribute('title'))
        .toMatch(new RegExp(`: ${shelters['TH-85'] ?? 0}$`));
    } finally {
      await context.close();
      await api.dispose();
    }
  });

  it('lets an organisation write its abbreviation and working hours in English beside the Thai', async () => {
    const api = await apiAs(FISHERIES);
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      const id = await organisationId(api, 'Department of Fisheries');
      await signIn(page, FISHERIES);
      await openPage(page, `/organisations/${id}/edit`, th.directory.edit.title);
      expect(
        await page.getByRole('textbox', { name: th.directory.fields.abbreviation, exact: true }).inputValue(),
      ).toBe('กป.');
      expect(
        await page
          .getByRole('textbox', { name: th.directory.fields.abbreviationEn, exact: true })
          .inputValue(),
      ).toBe('DOF');
      const hoursEn = page.getByRole('textbox', { name: th.directory.fields.officeHoursEn, exact: true });
      expect(await hoursEn.inputValue()).toBe('Mon–Fri 08:30–16:30');
      await page.locator('#edit-working-with-us').scrollIntoViewIfNeeded();
      await screenshot(page, 'field-ready-edit-working-with-us', { fullPage: false });
    } finally {
      await context.close();
      await api.dispose();
    }
  });
});
