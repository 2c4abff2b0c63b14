import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage } from './browser.ts';
import {
  ADMIN,
  ADMIN_PAGES,
  baseUrl,
  chooseOption,
  field,
  inviteViaApi,
  openPage,
  PUBLIC_PAGES,
  pageReady,
  signIn,
  th,
} from './helpers.ts';

const MIRROR_TH = 'มูลนิธิกระจกเงา';

/**
 * Filters the audit log by action, choosing it in the action Select by typing `search` (its Thai label or
 * its code), and returns the text of every event card shown (phones get cards).
 */
async function auditEventsFor(page: Page, action: string, label: string, search: string): Promise<string[]> {
  const filters = page.getByRole('form', { name: th.audit.filters });
  await chooseOption(page, field(filters, th.audit.action), search, label);
  await filters.getByRole('button', { name: th.common.applyFilters }).click();
  const cards = page.getByRole('main').getByRole('listitem');
  // Wait until the list shows only the filtered action (the unfiltered one may still be on screen).
  // A card starts with the action's label, then its code.
  await expect
    .poll(async () => {
      const texts = await cards.allTextContents();
      return texts.length > 0 && texts.every((text) => text.startsWith(`${label}${action}`));
    })
    .toBe(true);
  return cards.allTextContents();
}

describe('administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin reads an invitation email in the outbox and finds it in the audit log', async () => {
    const { email } = await inviteViaApi({ organisation: 'Mirror Foundation', role: 'observer' });
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, ADMIN);

      await openPage(page, '/outbox', th.outbox.title);
      await page
        .getByRole('button')
        .filter({ hasText: `${th.outbox.to}: ${email}` })
        .click();
      const dialog = page.getByRole('dialog', { name: `คำเชิญเข้าร่วม TIPNet — ${MIRROR_TH}` });
      await dialog.waitFor();
      await dialog.getByText(`(บทบาท: ${th.roles.observer})`, { exact: false }).waitFor();
      await dialog.getByRole('link', { name: /\/accept-invitation#token=/ }).waitFor();
      await dialog.getByRole('button', { name: th.common.close }).click();
      await dialog.waitFor({ state: 'hidden' });

      await openPage(page, '/audit', th.audit.title);
      const invitations = await auditEventsFor(
        page,
        'invitation.created',
        th.auditActions.invitation.created,
        'invitation.created',
      );
      expect(invitations.some((text) => text.includes(email))).toBe(true);

      const logins = await auditEventsFor(page, 'auth.login', th.auditActions.auth.login, 'เข้าสู่');
      expect(logins.some((text) => text.includes(ADMIN))).toBe(true);

      await page.getByRole('button', { name: th.common.clearFilters }).click();
      await expect
        .poll(
          async () =>
            new Set((await page.getByRole('main').locator('li code').allTextContents()).values()).size,
        )
        .toBeGreaterThan(1);
    } finally {
      await context.close();
    }
  });

  // Split in three so each stays well inside the test timeout on a busy machine: axe takes seconds a page.
  it('axe: no serious accessibility problems on the pages before signing in, at phone width', async () => {
    const { link } = await inviteViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    const { context, page } = await newPage(browser, baseUrl());
    try {
      for (const { path, title } of PUBLIC_PAGES) {
        await openPage(page, path, title);
        await expectNoSeriousAxeViolations(page);
      }
      await page.goto(link);
      await pageReady(page, th.acceptInvitation.title);
      await page.getByText(MIRROR_TH, { exact: true }).waitFor();
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('axe: no serious accessibility problems on the signed-in pages, at phone width', async () => {
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, ADMIN);
      for (const { path, title } of ADMIN_PAGES) {
        await openPage(page, path, title);
        await expectNoSeriousAxeViolations(page);
      }
    } finally {
      await context.close();
    }
  });

  it('axe: no serious accessibility problems on the invitations tab and the invitation dialog', async () => {
    await inviteViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    const { context, page } = await newPage(browser, baseUrl());
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/users', th.users.title);
      await page.getByRole('tab', { name: th.invitations.tab }).click();
      await page.getByRole('main').getByRole('listitem').first().waitFor();
      await expectNoSeriousAxeViolations(page);
      await page.getByRole('button', { name: th.invitations.invite }).click();
      await page.getByRole('dialog', { name: th.invitations.dialogTitle }).waitFor();
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
