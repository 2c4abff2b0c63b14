/** Small things a first-time user notices: the tab icon, what an observer is invited to do, focus, held mail. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  EMBASSY,
  FISHERIES,
  field,
  MIRROR,
  openPage,
  organisationId,
  signIn,
  th,
} from './helpers.ts';

describe('details', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows TIPNet’s icon in the browser tab', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await page.goto('/login');
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(href).toBeTruthy();
      const icon = await page.request.get(href!);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toMatch(/image\/svg\+xml/);
    } finally {
      await context.close();
    }
  });

  it('draws a clear ring around the field a keyboard user is in', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await page.goto('/login');
      const email = field(page, th.fields.email);
      await email.focus();
      const outline = await email.evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle };
      });
      expect(outline.style).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  it('does not invite an observer to raise problems they cannot raise', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, EMBASSY);
      await page.getByText(th.nav.problemsDescriptionObserver).waitFor();
      expect(await page.getByText(th.nav.problemsDescription).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('says why an email is held when no mail server is set up', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      // A password reset queues an email; with no mail server it is held for the Centre to read.
      const reset = await page.request.post(`${baseUrl()}/api/v1/auth/password-reset/request`, {
        data: { email: EMBASSY },
        headers: { origin: baseUrl() },
      });
      expect(reset.status()).toBeLessThan(300);
      await signIn(page, ADMIN);
      await openPage(page, '/outbox', th.outbox.title);
      await page.locator('.mantine-Badge-root', { hasText: th.outbox.status.held }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('offers a contact card only to those who can see the person’s contacts', async () => {
    const api = await apiAs(MIRROR);
    const fisheries = await organisationId(api, 'Department of Fisheries');
    await api.dispose();
    const vcards = async (who: string) => {
      const { context, page } = await newPage(browser, baseUrl(), PHONE);
      try {
        await signIn(page, who);
        await openPage(page, `/organisations/${fisheries}`, 'กรมประมง');
        return await page.getByRole('link', { name: th.directory.person.vcard }).count();
      } finally {
        await context.close();
      }
    };
    expect(await vcards(MIRROR)).toBeGreaterThan(0);
    // Observers do not see people's contacts: a card with only a name would promise what it cannot give.
    expect(await vcards(EMBASSY)).toBe(0);
  });

  it('says the board failed to load, not that nothing matches, and loads it again on request', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      // The link drops while the board loads, and stays down until the user asks again: an automatic
      // retry that got through first would take the alert away before the button is pressed.
      let linkUp = false;
      await page.route('**/api/v1/problems?*', (route) =>
        linkUp ? route.continue() : route.abort('internetdisconnected'),
      );
      await page.goto('/problems');
      const alert = page.getByRole('alert').filter({ hasText: th.common.retry });
      await alert.waitFor();
      expect(await page.getByText(th.problems.empty).count()).toBe(0);

      const retry = alert.getByRole('button', { name: th.common.retry });
      await retry.waitFor();
      linkUp = true;
      await retry.click();
      await page.getByRole('list', { name: th.problems.results }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: th.common.retry }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows an organisation the problems it must answer on its home page, nearest deadline first', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, FISHERIES);
      const assigned = page.getByRole('list', { name: th.problems.home.title });
      await assigned.getByRole('link').first().waitFor();
      await screenshot(page, 'home-assigned-to-us');
    } finally {
      await context.close();
    }
    const observer = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(observer.page, EMBASSY);
      await observer.page.getByRole('heading', { level: 2, name: th.home.shortcuts }).waitFor();
      expect(await observer.page.getByRole('heading', { name: th.problems.home.title }).count()).toBe(0);
    } finally {
      await observer.context.close();
    }
  });
});
