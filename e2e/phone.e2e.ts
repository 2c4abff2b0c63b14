import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  ADMIN_NAME,
  ADMIN_PAGES,
  baseUrl,
  DEMO_PASSWORD,
  fill,
  inviteViaApi,
  openPage,
  PUBLIC_PAGES,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';

const SMALL_PHONE = { width: 360, height: 740 };

/** What has keyboard focus, described well enough to assert on. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase(),
      id: el?.id,
      type: el?.getAttribute('type'),
      autocomplete: el?.getAttribute('autocomplete'),
      text: el?.textContent?.trim(),
    };
  });
}

/** The page fits the screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, width: number, what: string) {
  expect(await scrollWidth(page), `${what} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
}

describe('on a phone, in Thai', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with the keyboard alone; the skip link is the first Tab stop', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await openPage(page, '/login', th.login.title);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', text: th.shell.skipToContent });
      // The skip link is visible once focused, not only to screen readers.
      const skip = page.getByRole('link', { name: th.shell.skipToContent });
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);

      // Following it lands in the main content, whose first field is the email address.
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('main-content');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'input', type: 'email' });
      await page.keyboard.type(ADMIN);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'input', autocomplete: 'current-password' });
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      const home = fill(th.home.welcome, { name: ADMIN_NAME });
      await pageReady(page, home);
      expect(new URL(page.url()).pathname).toBe('/');

      // Signed in, the skip link still comes first, before the burger button and the header.
      await page.reload();
      await pageReady(page, home);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', text: th.shell.skipToContent });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'button' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        th.shell.openMenu,
      );
    } finally {
      await context.close();
    }
  });

  it('the burger button opens the menu, which leads to every page and closes after choosing', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, ADMIN);
      // On a phone the side menu is hidden until asked for.
      const nav = page.getByRole('navigation', { name: th.shell.mainNavigation });
      expect(await nav.isVisible()).toBe(false);
      const burger = page.getByRole('button', { name: th.shell.openMenu });
      expect(await burger.getAttribute('aria-expanded')).toBe('false');

      await burger.click();
      await nav.waitFor();
      expect(await burger.getAttribute('aria-expanded')).toBe('true');
      for (const { path } of ADMIN_PAGES) {
        await nav.locator(`a[href="${path}"]`).waitFor();
      }
      await screenshot(page, 'menu-open', { fullPage: false });

      await nav.getByRole('link', { name: th.nav.audit }).click();
      await pageReady(page, th.audit.title);
      await nav.waitFor({ state: 'hidden' });
      expect(new URL(page.url()).pathname).toBe('/audit');

      // And it closes with Escape, keeping the keyboard user where they were.
      await burger.click();
      await nav.waitFor();
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it(`every page fits ${PHONE.width} px without sideways scrolling (screenshots taken)`, async () => {
    const { link } = await inviteViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    const { context, page } = await newPage(browser, baseUrl());
    try {
      for (const { name, path, title } of PUBLIC_PAGES) {
        await openPage(page, path, title);
        await expectNoSidewaysScroll(page, PHONE.width, name);
        await screenshot(page, name);
      }
      await page.goto(link);
      await pageReady(page, th.acceptInvitation.title);
      await page.getByText('มูลนิธิกระจกเงา', { exact: true }).waitFor();
      await expectNoSidewaysScroll(page, PHONE.width, 'accept-invitation');
      await screenshot(page, 'accept-invitation');

      await signIn(page, ADMIN);
      for (const { name, path, title } of ADMIN_PAGES) {
        await openPage(page, path, title);
        await expectNoSidewaysScroll(page, PHONE.width, name);
        await screenshot(page, name);
      }

      await openPage(page, '/users', th.users.title);
      await page.getByRole('tab', { name: th.invitations.tab }).click();
      await page.getByRole('main').getByRole('listitem').first().waitFor();
      await expectNoSidewaysScroll(page, PHONE.width, 'invitations');
      await screenshot(page, 'users-invitations');

      await page.getByRole('button', { name: th.invitations.invite }).click();
      await page.getByRole('dialog', { name: th.invitations.dialogTitle }).waitFor();
      await expectNoSidewaysScroll(page, PHONE.width, 'invite dialog');
      await screenshot(page, 'invite-dialog', { fullPage: false });

      await openPage(page, '/outbox', th.outbox.title);
      await page.getByRole('main').getByRole('listitem').first().getByRole('button').click();
      await page.getByRole('dialog').getByRole('link').first().waitFor();
      await expectNoSidewaysScroll(page, PHONE.width, 'outbox email');
      await screenshot(page, 'outbox-email', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it(`home and settings fit ${SMALL_PHONE.width} px too`, async () => {
    const { context, page } = await newPage(browser, baseUrl(), SMALL_PHONE);
    try {
      await signIn(page, ADMIN);
      for (const { name, path, title } of ADMIN_PAGES.filter(
        (p) => p.name === 'home' || p.name === 'settings',
      )) {
        await openPage(page, path, title);
        await expectNoSidewaysScroll(page, SMALL_PHONE.width, name);
        await screenshot(page, `${name}-360`);
      }
    } finally {
      await context.close();
    }
  });
});
