import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  apiAs,
  baseUrl,
  escapeRegExp,
  FISHERIES,
  fill,
  MIRROR,
  openPage,
  organisationId,
  pageReady,
  scrollWidth,
  signIn,
  th,
  vacantRolesOf,
} from './helpers.ts';

const DESKTOP = { width: 1280, height: 900 };
const STELLA_TH = 'มูลนิธิ Stella Maris';
const FISHERIES_TH = 'กรมประมง';
const FISHING_ASSOCIATION_TH = 'สมาคมการประมงแห่งประเทศไทย';

/** The result cards of the directory, by the organisation name each links to. */
function result(page: Page, name: string) {
  return page.getByRole('list', { name: th.directory.results }).getByRole('link', { name, exact: true });
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: th.directory.search }).fill(text);
  // The list follows the box after a short pause; the URL carries the query once it has.
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

/** Picks `option` in a Mantine select or multi-select, typing part of it first to narrow a long list. */
async function choose(page: Page, label: string, option: string | RegExp, type: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(type);
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .click();
  // A multi-select stays open for more choices; close it as a keyboard user would.
  if (await box.isVisible()) await box.press('Escape');
}

describe('network directory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds Stella Maris by its Thai and its English name, and the fisheries agencies by ประมง', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);

      await search(page, 'มูลนิธิ Stella');
      await result(page, STELLA_TH).waitFor();

      await search(page, 'stella');
      await result(page, STELLA_TH).waitFor();
      await expect
        .poll(() => page.getByRole('list', { name: th.directory.results }).getByRole('listitem').count())
        .toBe(1);

      await search(page, 'ประมง');
      await result(page, FISHERIES_TH).waitFor();
      await result(page, FISHING_ASSOCIATION_TH).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-search-fisheries');

      // The result opens the organisation's page with tap-to-call numbers.
      await result(page, FISHERIES_TH).click();
      await pageReady(page, FISHERIES_TH);
      await page.getByRole('heading', { level: 2, name: th.directory.org.workingWithUs }).waitFor();
      expect(await page.getByRole('link', { name: /02-000-4000/ }).getAttribute('href')).toBe(
        'tel:020004000',
      );
      await screenshot(page, 'directory-organisation');
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('filters by province and language from the side panel, and the filters are in a shareable link', async () => {
    const { context, page } = await newPage(browser, baseUrl(), DESKTOP);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);
      await result(page, FISHING_ASSOCIATION_TH).waitFor();

      // Each choice shows how many organisations it would give.
      await choose(page, th.directory.filters.province, /^ระนอง \(\d+\)$/, 'ระนอง');
      await page.waitForURL((url) => url.searchParams.getAll('province').includes('TH-85'));
      await page.getByRole('button', { name: th.directory.filters.language }).click();
      // Choices go through the URL, so the box is ticked once the router has moved (click, not check).
      await page.getByRole('checkbox', { name: /^เมียนมา \(\d+\)$/ }).click();
      await page.waitForURL((url) => url.searchParams.getAll('language').includes('my'));

      await result(page, STELLA_TH).waitFor();
      await result(page, FISHING_ASSOCIATION_TH).waitFor({ state: 'detached' });
      await expectNoSeriousAxeViolations(page);

      // The same link opened elsewhere shows the same filtered list.
      const shared = page.url();
      await page.goto('/');
      await page.goto(shared);
      await pageReady(page, th.organisations.title);
      await result(page, STELLA_TH).waitFor();
      await expect.poll(() => result(page, FISHING_ASSOCIATION_TH).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('says when a broad search counted only its first 1,000 matches: "at least", a plus, a note on the map', async () => {
    // page.route does not see what a service worker fetches: without one, every answer passes the route.
    const { context, page } = await newPage(browser, baseUrl(), PHONE, { serviceWorkers: 'block' });
    try {
      // The demo network is far below the cap, so the server's answers are marked capped on their way in.
      await page.route(/\/api\/v1\/organizations\?/, async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        if (body.facets) body.facets.capped = true;
        await route.fulfill({ response, json: body });
      });
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);
      await search(page, 'มูลนิธิ');
      const atLeast = new RegExp(
        `^${escapeRegExp(fill(th.directory.countAtLeast, { count: 'X' })).replace('X', '\\d+')}$`,
      );
      await page.getByRole('status').filter({ hasText: atLeast }).waitFor();

      await page.getByRole('button', { name: th.directory.filters.button, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: th.directory.filters.title });
      await drawer
        .getByRole('checkbox', { name: /\(\d+\+\)$/ })
        .first()
        .waitFor();
      await screenshot(page, 'directory-capped-counts');
      await drawer.getByRole('button', { name: /^แสดง \d+\+ หน่วยงาน$/ }).click();

      await page
        .getByRole('navigation', { name: th.directory.views.label })
        .getByRole('link', { name: th.directory.views.map })
        .click();
      await page.getByRole('heading', { level: 2, name: th.directory.map.heading }).waitFor();
      await page.getByText(fill(th.directory.countsCapped, { cap: '1,000' })).waitFor();
    } finally {
      await context.close();
    }
  });

  it('answers "who can help?" on a phone with a hotline to tap', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await page.getByRole('link', { name: th.nav.finder }).first().click();
      await pageReady(page, th.directory.finder.title);

      await choose(page, th.directory.finder.service, 'ความช่วยเหลือทางกฎหมาย', 'กฎหมาย');
      await choose(page, th.directory.finder.province, 'ระนอง', 'ระนอง');
      await choose(page, th.directory.finder.language, 'เมียนมา', 'เมียน');

      const answers = page.getByRole('list', { name: th.directory.results });
      const stella = answers.getByRole('listitem').filter({ hasText: STELLA_TH });
      await stella.waitFor();
      await stella.getByText(th.directory.finder.inProvince).waitFor();
      const hotline = stella.getByRole('link', { name: /สายด่วน 24 ชั่วโมง/ });
      expect(await hotline.getAttribute('href')).toMatch(/^tel:\d+$/);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-finder');
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('a person who leaves leaves their focal-point role vacant until the org admin hands it over', async () => {
    const api = await apiAs(FISHERIES);
    const name = `นายล่าม ทดสอบ ${Date.now().toString(36)}`;
    let personId: string;
    try {
      const res = await api.post('/api/v1/people', {
        data: {
          organisationId: await organisationId(api, 'Department of Fisheries'),
          nameTh: name,
          focalTopics: ['interpretation'],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      personId = ((await res.json()) as { id: string }).id;
    } finally {
      await api.dispose();
    }
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, FISHERIES);
      await openPage(page, `/people/${personId}`, name);
      await page.getByRole('button', { name: th.directory.person.markLeft }).click();
      const confirm = page.getByRole('dialog', { name: th.directory.person.markLeft });
      await confirm.getByRole('button', { name: th.directory.person.markLeft }).click();
      await confirm.waitFor({ state: 'hidden' });

      await page.getByRole('link', { name: FISHERIES_TH }).click();
      await pageReady(page, FISHERIES_TH);
      const role = vacantRolesOf(page, name);
      await role.waitFor();
      await screenshot(page, 'directory-vacant-role');

      await role.getByRole('link', { name: th.directory.person.handover }).click();
      await pageReady(page, name);
      await page.getByRole('button', { name: th.directory.person.handover }).click();
      const dialog = page.getByRole('dialog', { name: th.directory.person.handoverTitle });
      await dialog.getByRole('combobox', { name: th.directory.person.handoverTo }).click();
      await page.getByRole('option', { name: /นายประมวล/ }).click();
      await dialog.getByRole('button', { name: th.directory.person.handover }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('link', { name: FISHERIES_TH }).click();
      await pageReady(page, FISHERIES_TH);
      await page.locator('#people').getByText(th.directory.org.focalPoints).waitFor();
      await expect.poll(() => vacantRolesOf(page, name).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("an org admin edits their organisation's 'working with us' and the change shows in its history", async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    const turnaround = `ภายใน ${Date.now() % 97} ชั่วโมง`;
    try {
      await signIn(page, FISHERIES);
      await openPage(page, '/organisations?q=ประมง', th.organisations.title);
      await result(page, FISHERIES_TH).click();
      await pageReady(page, FISHERIES_TH);
      await page.getByRole('link', { name: th.directory.org.edit }).click();
      await pageReady(page, th.directory.edit.title);
      await page
        .getByRole('textbox', { name: th.directory.fields.typicalTurnaround, exact: true })
        .fill(turnaround);
      await page.getByRole('button', { name: th.common.save, exact: true }).click();

      await pageReady(page, FISHERIES_TH);
      await page.locator('#working-with-us').getByText(turnaround).waitFor();
      const history = page.locator('#history');
      await history.getByText(th.directory.fields.typicalTurnaround).waitFor();
      await history.getByText(turnaround, { exact: false }).waitFor();
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
