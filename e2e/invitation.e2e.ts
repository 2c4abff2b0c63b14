import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../common/privacy-notice.ts';
import { launchBrowser, newPage, screenshot } from './browser.ts';
import { ADMIN, baseUrl, field, fill, signIn, th, uniqueEmail, uniquePassword } from './helpers.ts';

const MIRROR_TH = 'มูลนิธิกระจกเงา';

describe('inviting someone to TIPNet', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('admin invites through the UI, the invitee accepts from the emailed link, and the link then stops working', async () => {
    const email = uniqueEmail('invited');
    const displayName = 'สมหญิง ใจดี';
    const password = uniquePassword();

    // The admin sends the invitation.
    const admin = await newPage(browser, baseUrl());
    let link: string;
    try {
      const { page } = admin;
      await signIn(page, ADMIN);
      await page.goto('/users');
      await page.getByRole('heading', { level: 1, name: th.users.title }).waitFor();
      await page.getByRole('button', { name: th.invitations.invite }).click();
      const dialog = page.getByRole('dialog', { name: th.invitations.dialogTitle });
      await dialog.waitFor();
      await field(dialog, th.fields.email).fill(email);
      await field(dialog, th.fields.organisation).fill('กระจกเงา');
      await page.getByRole('option', { name: MIRROR_TH, exact: true }).click();
      await field(dialog, th.fields.role).selectOption({ label: th.roles.member });
      await dialog.getByRole('button', { name: th.invitations.send }).click();
      await page.getByText(fill(th.invitations.sent, { email })).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // It is listed as pending.
      await page.getByRole('tab', { name: th.invitations.tab }).click();
      const invitation = page.getByRole('listitem').filter({ hasText: email });
      await invitation.getByText(th.invitations.status.pending).waitFor();

      // Without SMTP the email waits in the outbox, where the admin can read it and take the link.
      await page.goto('/outbox');
      await page.getByRole('heading', { level: 1, name: th.outbox.title }).waitFor();
      await page
        .getByRole('button')
        .filter({ hasText: `${th.outbox.to}: ${email}` })
        .click();
      const emailDialog = page.getByRole('dialog');
      await emailDialog.getByText(MIRROR_TH, { exact: false }).first().waitFor();
      const anchor = emailDialog.getByRole('link', { name: /\/accept-invitation#token=/ });
      link = (await anchor.getAttribute('href')) ?? '';
      expect(link.startsWith(`${baseUrl()}/accept-invitation#token=`)).toBe(true);
    } finally {
      await admin.context.close();
    }

    // The invitee, on their own phone, follows the link.
    const invitee = await newPage(browser, baseUrl());
    try {
      const { page } = invitee;
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: th.acceptInvitation.title }).waitFor();
      await page.getByText(th.acceptInvitation.invitedAs).waitFor();
      await page.getByText(MIRROR_TH, { exact: true }).waitFor();
      await page.getByText(`${th.fields.role}: ${th.roles.member}`).waitFor();
      await page.getByText(`${th.fields.email}: ${email}`).waitFor();
      // The secret token does not stay in the address bar.
      expect(page.url()).not.toContain('token=');

      await field(page, th.fields.displayName).fill(displayName);
      await field(page, th.password.new).fill(password);
      await field(page, th.password.confirm).fill(password);

      // The PDPA notice is there, in Thai, and no account is made until it is accepted.
      const notice = page.getByTestId('privacy-notice');
      await notice.getByText(th.privacyNotice.intro).waitFor();
      for (const section of ['collected', 'purpose', 'retention', 'visibility', 'rights', 'contact'] as const)
        await notice.getByRole('heading', { name: th.privacyNotice[section].title }).waitFor();
      // Its version date is in the Buddhist Era (Gregorian + 543).
      const beYear = Number(PRIVACY_NOTICE_VERSION.slice(0, 4)) + 543;
      await notice
        .getByText(new RegExp(`^${th.privacyNotice.version.split('{{')[0]}.* ${beYear}$`))
        .waitFor();
      await page.getByRole('button', { name: th.acceptInvitation.submit }).click();
      await page.getByText(th.acceptInvitation.noticeRequired).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accept-invitation');
      await screenshot(page, 'accept-invitation-notice');

      await page.getByRole('checkbox', { name: th.acceptInvitation.acceptNotice }).check();
      await page.getByRole('button', { name: th.acceptInvitation.submit }).click();

      await page
        .getByRole('heading', { level: 1, name: fill(th.home.welcome, { name: displayName }) })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByText(MIRROR_TH, { exact: true }).waitFor();
      await page.getByText(th.roles.member, { exact: true }).waitFor();

      // The notice stays reachable from the settings page.
      await page.goto('/settings');
      await page.getByRole('link', { name: th.settings.privacyNotice }).click();
      await page.getByRole('heading', { level: 1, name: th.privacyNotice.title }).waitFor();
      await page.getByRole('heading', { name: th.privacyNotice.rights.title }).waitFor();

      // The link is single-use.
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: th.acceptInvitation.title }).waitFor();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(th.errors.INVALID_TOKEN);
      expect(await page.getByRole('button', { name: th.acceptInvitation.submit }).count()).toBe(0);
      await page.getByRole('link', { name: th.common.backToLogin }).waitFor();
    } finally {
      await invitee.context.close();
    }
  });
});
