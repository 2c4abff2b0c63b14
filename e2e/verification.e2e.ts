import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  createUserViaApi,
  field,
  openPage,
  pageReady,
  scrollWidth,
  signIn,
  signOut,
  th,
} from './helpers.ts';

const VERIFIED_HOURS = 'จันทร์–ศุกร์ 08:30–16:30';
const NEW_HOURS = 'จันทร์–เสาร์ 09:00–18:00';

/** The trust badge of the organisation page's header. */
const badge = (page: Page) => page.getByTestId('verification-badge').first();

describe("the Centre's verification and later edits", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows "changed since verification" after an org admin edit, and verified again once the Centre re-verifies', async () => {
    // A verified organisation of its own, so no other spec sees its badge change.
    const nameTh = `มูลนิธิทดสอบการยืนยัน ${randomBytes(2).toString('hex')}`;
    const nameEn = `Verification Test ${randomBytes(2).toString('hex')}`;
    const admin = await apiAs(ADMIN);
    const created = await admin.post('/api/v1/organizations', {
      data: {
        nameTh,
        nameEn,
        sector: 'civil_society',
        officeHours: VERIFIED_HOURS,
        contacts: [{ type: 'hotline_24h', value: '1300' }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await admin.post(`/api/v1/organizations/${id}/verify`)).status()).toBe(200);
    await admin.dispose();
    const orgAdmin = await createUserViaApi({ organisation: nameEn, role: 'org_admin' });

    const { context, page } = await newPage(browser, baseUrl());
    try {
      // The org admin changes the office hours through the edit form.
      await signIn(page, orgAdmin.email, orgAdmin.password);
      await openPage(page, `/organisations/${id}`, nameTh);
      await expect.poll(() => badge(page).textContent()).toBe(th.directory.badges.verified);
      await page.getByRole('link', { name: th.directory.org.edit }).click();
      await field(page, th.directory.fields.officeHours).fill(NEW_HOURS);
      await page.getByRole('button', { name: th.common.save, exact: true }).click();
      await pageReady(page, nameTh);
      await expect.poll(() => badge(page).textContent()).toBe(th.directory.badges.changedSinceVerification);
      await page.getByText(th.directory.org.changedSinceVerification).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'verification-changed-org-page');
      await signOut(page);

      // The Centre sees what changed, and verifies it again in one click.
      await signIn(page, ADMIN);
      await openPage(page, '/verification', th.directory.verification.title);
      const item = page.getByRole('listitem', { name: nameTh });
      await item.getByText(VERIFIED_HOURS).waitFor();
      await item.getByText(NEW_HOURS).waitFor();
      await item.getByText(th.directory.fields.officeHours).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'verification-queue');
      await item.getByRole('button', { name: `${th.directory.verification.reverify}: ${nameTh}` }).click();
      await expect.poll(() => item.count()).toBe(0);

      await openPage(page, `/organisations/${id}`, nameTh);
      await expect.poll(() => badge(page).textContent()).toBe(th.directory.badges.verified);
      expect(await page.getByText(th.directory.org.changedSinceVerification).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
