import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, apiAs, baseUrl, fill, MIRROR, openPage, scrollWidth, signIn, th } from './helpers.ts';

const N = th.notifications;

/** The accessible name of the header bell: "การแจ้งเตือน" or "… ยังไม่อ่าน n รายการ". */
const bellName = (page: Page) =>
  page
    .getByRole('banner')
    .getByRole('link', { name: new RegExp(`^${N.bell}`) })
    .getAttribute('aria-label');

describe('notifications on a phone, in Thai', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the bell counts live without a reload; the page marks read; settings choose the emails', async () => {
    const { page } = await newPage(browser, baseUrl(), PHONE);
    await signIn(page, MIRROR);
    await openPage(page, '/notifications', N.title);
    const markAll = page.getByRole('button', { name: N.markAllRead });
    if (await markAll.isEnabled()) await markAll.click();
    await expect.poll(() => bellName(page)).toBe(N.bell);

    // The Centre comments on a problem Mirror raised, through the API: Mirror's page is not reloaded.
    const mirrorApi = await apiAs(MIRROR);
    const mine = await (await mirrorApi.get('/api/v1/problems?view=mine&limit=1')).json();
    const problem = mine.items[0];
    expect(problem).toBeTruthy();
    const admin = await apiAs(ADMIN);
    const comment = await admin.post(`/api/v1/problems/${problem.id}/comments`, {
      data: { body: 'ศูนย์ฯ ได้รับเรื่องแล้ว กำลังประสานกรมประมง' },
    });
    expect(comment.status()).toBe(201);
    await expect.poll(() => bellName(page), { timeout: 10_000 }).toBe(fill(N.bellUnread, { count: 1 }));
    // The list refetches on the same signal: the comment is there, said by the Centre's organisation.
    await page
      .getByText(new RegExp(`\\S ${fill(N.kinds.commented, { who: '' }).trim()}$`))
      .first()
      .waitFor();
    await screenshot(page, 'notifications-unread');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: N.markAllRead }).click();
    await expect.poll(() => bellName(page)).toBe(N.bell);

    await openPage(page, '/settings#notifications', th.settings.title);
    const followed = page.getByRole('group', { name: th.notificationPreferences.kinds.followed });
    await followed.getByText(th.notificationPreferences.off, { exact: true }).click();
    await page.getByText(th.notificationPreferences.saved).waitFor();
    await page.locator('#notifications').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-notifications', { fullPage: false });
    const prefs = await (await mirrorApi.get('/api/v1/notifications/preferences')).json();
    expect(prefs.followed).toBe('off');
    await mirrorApi.put('/api/v1/notifications/preferences', { data: { ...prefs, followed: 'daily' } });
  });
});
