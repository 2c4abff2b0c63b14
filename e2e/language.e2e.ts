import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';
import { baseUrl, createUserViaApi, en, fill, signIn, submitCredentials, th } from './helpers.ts';

/** Picks a language in the header switch; each option is labelled in its own language. */
async function chooseLanguage(page: Page, language: 'th' | 'en') {
  // The radio itself is visually hidden behind its label, as in most segmented controls.
  await page.getByRole('banner').getByText(th.languages[language], { exact: true }).click();
  await expect.poll(() => page.getByRole('radio', { name: th.languages[language] }).isChecked()).toBe(true);
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** This year in Bangkok, where TIPNet shows every date. */
const gregorianYear = Number(
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date()),
);
const buddhistYear = gregorianYear + 543;

/** The "last seen" time of the first signed-in device on the settings page. */
async function firstSessionDate(page: Page): Promise<string> {
  const time = page.locator('#sessions time').first();
  await time.waitFor();
  return (await time.textContent()) ?? '';
}

describe('Thai and English', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page switches language and remembers it on this device across a reload', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: th.login.title }).waitFor();
      expect(await htmlLang(page)).toBe('th');

      await chooseLanguage(page, 'en');
      await page.getByRole('heading', { level: 1, name: en.login.title }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      await page.getByRole('button', { name: en.login.submit, exact: true }).waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: en.login.title }).waitFor();
      expect(await htmlLang(page)).toBe('en');

      await chooseLanguage(page, 'th');
      await page.getByRole('heading', { level: 1, name: th.login.title }).waitFor();
      expect(await htmlLang(page)).toBe('th');
    } finally {
      await context.close();
    }
  });

  it('signed in, the choice is saved on the account and dates follow the calendar of the language', async () => {
    // A user of its own: the demo accounts must stay in Thai for the other specs.
    const user = await createUserViaApi();
    const first = await newPage(browser, baseUrl());
    try {
      const { page } = first;
      await signIn(page, user.email, user.password);
      await page
        .getByRole('heading', { level: 1, name: fill(th.home.welcome, { name: user.displayName }) })
        .waitFor();

      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: th.settings.title }).waitFor();
      const thaiDate = await firstSessionDate(page);
      expect(thaiDate).toContain(String(buddhistYear));
      expect(thaiDate).not.toContain(String(gregorianYear));

      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/v1/me') && res.request().method() === 'PATCH'),
        chooseLanguage(page, 'en'),
      ]);
      expect(saved.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      const englishDate = await firstSessionDate(page);
      expect(englishDate).toContain(String(gregorianYear));
      expect(englishDate).not.toMatch(/25\d\d/);
    } finally {
      await first.context.close();
    }

    // Another device knows nothing of the choice until the user signs in; then the account's language wins.
    const second = await newPage(browser, baseUrl());
    try {
      const { page } = second;
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: th.login.title }).waitFor();
      await submitCredentials(page, user.email, user.password);
      await page
        .getByRole('heading', { level: 1, name: fill(en.home.welcome, { name: user.displayName }) })
        .waitFor();
      expect(await htmlLang(page)).toBe('en');
      await page.getByRole('button', { name: en.shell.openMenu }).waitFor();

      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
      expect(await firstSessionDate(page)).toContain(String(gregorianYear));

      // Back to Thai, so the account ends as it began.
      await chooseLanguage(page, 'th');
      await page.getByRole('heading', { level: 1, name: th.settings.title }).waitFor();
      expect(await htmlLang(page)).toBe('th');
      await expect.poll(() => firstSessionDate(page)).toContain(String(buddhistYear));
    } finally {
      await second.context.close();
    }
  });
});
