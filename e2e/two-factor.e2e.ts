import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser.ts';
import { baseUrl, createUserViaApi, field, fill, signIn, signOut, submitCredentials, th } from './helpers.ts';

const STEP_SECONDS = 30;

/**
 * Codes for an authenticator app holding `secret`. The server refuses a time step it has already
 * accepted (no replay), so each code is for a step after the last one used: the current step, or the
 * next one when the current was used already (the server accepts codes 30 s early or late).
 */
function authenticator(secret: string) {
  let lastStep = -1;
  return async () => {
    const step = Math.max(Math.floor(Date.now() / 1000 / STEP_SECONDS), lastStep + 1);
    lastStep = step;
    return generate({ secret, epoch: step * STEP_SECONDS });
  };
}

async function passSecondStep(page: Page, code: string, screenshotName?: string) {
  await page.getByRole('heading', { level: 1, name: th.login.totpTitle }).waitFor();
  if (screenshotName) await screenshot(page, screenshotName);
  await field(page, th.login.totpCode).fill(code);
  await page.getByRole('button', { name: th.login.verify }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

describe('two-factor sign-in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a user turns it on in settings, then signs in with a code and once with a recovery code', async () => {
    // A fresh user, so the demo accounts keep signing in with a password alone in the other specs.
    const user = await createUserViaApi();
    const welcome = fill(th.home.welcome, { name: user.displayName });
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, user.email, user.password);
      await page.goto('/settings#two-factor');
      const section = page.getByRole('region', { name: th.totp.title });
      await section.getByText(th.totp.off, { exact: true }).waitFor();
      await section.getByRole('button', { name: th.totp.start }).click();

      const qr = section.getByRole('img', { name: th.totp.qrAlt });
      await qr.waitFor();
      expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await section.getByText(th.totp.manualEntry).waitFor();
      const secret = ((await section.locator('pre').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const nextCode = authenticator(secret);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'two-factor-setup', { fullPage: false });

      await field(section, th.totp.code).fill(await nextCode());
      await section.getByRole('button', { name: th.totp.confirm }).click();

      await section.getByText(th.totp.recoveryTitle).waitFor();
      const codes = (await section.getByRole('listitem').allTextContents()).map((code) => code.trim());
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(new Set(codes).size).toBe(10);
      await screenshot(page, 'recovery-codes', { fullPage: false });
      await section.getByText(th.totp.on, { exact: true }).waitFor();
      await section.getByRole('button', { name: th.totp.savedCodes }).click();
      await section.getByText(th.totp.disableHint).waitFor();

      // Password alone is no longer enough: the app's code completes the sign-in.
      await signOut(page);
      await submitCredentials(page, user.email, user.password);
      await passSecondStep(page, await nextCode(), 'login-totp');
      await page.getByRole('heading', { level: 1, name: welcome }).waitFor();

      // Without the phone, a recovery code works instead.
      await signOut(page);
      await submitCredentials(page, user.email, user.password);
      await passSecondStep(page, codes[3]!);
      await page.getByRole('heading', { level: 1, name: welcome }).waitFor();
    } finally {
      await context.close();
    }
  });
});
