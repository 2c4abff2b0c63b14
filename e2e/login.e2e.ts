import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';
import {
  ADMIN,
  ADMIN_NAME,
  accountMenu,
  baseUrl,
  field,
  fill,
  MIRROR,
  signIn,
  signOut,
  submitCredentials,
  th,
} from './helpers.ts';

const CENTRE_TH = 'ศูนย์พิทักษ์เด็ก สตรี ครอบครัว ป้องกันและปราบปรามการค้ามนุษย์ และภาคประมง สำนักงานตำรวจแห่งชาติ';

describe('signing in and out', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the demo admin signs in in Thai and sees the welcome and their organisation', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: th.login.title }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('th');
      expect(await page.title()).toBe(`${th.login.title} · TIPNet`);

      await submitCredentials(page, ADMIN);
      await page
        .getByRole('heading', { level: 1, name: fill(th.home.welcome, { name: ADMIN_NAME }) })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByText(th.home.yourOrganisation, { exact: true }).waitFor();
      await page.getByText(CENTRE_TH, { exact: true }).waitFor();
      await page.getByText(th.roles.admin, { exact: true }).waitFor();
      // The admin's shortcuts include the admin-only pages.
      await page.getByRole('link', { name: new RegExp(th.nav.audit) }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a wrong password shows the Thai error and stays on the sign-in page', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await page.goto('/login');
      // The only failed sign-in of the suite: failures are rate limited per address and per account.
      await submitCredentials(page, MIRROR, 'not-the-right-password-at-all');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(th.errors.INVALID_CREDENTIALS);
      expect(new URL(page.url()).pathname).toBe('/login');
      // The typed address stays, so the user only retypes the password.
      expect(await field(page, th.fields.email).inputValue()).toBe(MIRROR);
    } finally {
      await context.close();
    }
  });

  it('signing out returns to the sign-in page, and the app is closed afterwards', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, MIRROR);
      await signOut(page);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.goto('/settings');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: th.login.title }).waitFor();
      expect(await accountMenu(page).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a deep link while signed out goes to sign in, then back to the page asked for', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await page.goto('/audit');
      await page.waitForURL('**/login');
      await submitCredentials(page, ADMIN);
      await page.waitForURL('**/audit');
      await page.getByRole('heading', { level: 1, name: th.audit.title }).waitFor();
    } finally {
      await context.close();
    }
  });
});
