import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { FISHERIES, field, fill, pageReady, scrollWidth, signIn, th } from './helpers.ts';
import { startServer } from './server.ts';

const O = th.oncall;
const E = th.oncall.edit;
const DAY_MS = 86_400_000;
/** The Bangkok calendar day `n` days from now. */
const bangkokDay = (n: number) =>
  new Date(Date.now() + 7 * 3_600_000 + n * DAY_MS).toISOString().slice(0, 10);

const toast = (page: Page, message: string) =>
  page.locator('.mantine-Notification-root').filter({ hasText: message });

/**
 * On a server of its own, so the demo roster is as seeded: the Fisheries unit in Ranong has a day layer
 * with its head on call and a night backup layer with nobody, a gap every night.
 */
describe('roster editing', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the unit head cover tomorrow night and shows the gap filled in the week', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    page.setDefaultTimeout(30_000);
    try {
      await signIn(page, FISHERIES);
      const me = (await (await page.request.get('/api/v1/me')).json()) as { user: { displayName: string } };
      const units = (await (await page.request.get('/api/v1/coordination/units')).json()) as {
        items: { id: string; nameEn: string }[];
      };
      const unit = units.items.find((u) => u.nameEn.startsWith('Port-in Port-out'))!;
      await page.goto(`/coordination/units/${unit.id}/roster`);
      await pageReady(page, O.roster.title);

      const tomorrow = page.locator(`[data-day="${bangkokDay(1)}"]`);
      await expect.poll(() => tomorrow.getByText(O.gap.no_members).count()).toBeGreaterThan(0);
      expect(await tomorrow.getByText(`(${O.override})`).count()).toBe(0);

      await page.getByRole('button', { name: E.addOverride }).click();
      const form = page.getByRole('form', { name: E.addOverride });
      await field(form, E.overrideLayer).click();
      await page.getByRole('option', { name: `${O.level.backup} · เวรสำรองกลางคืน` }).click();
      await field(form, E.overrideWho).click();
      await page.getByRole('option', { name: me.user.displayName }).click();

      // A cover that already ended: the server refuses it (400) and the form says why, in Thai.
      await field(form, E.overrideFrom).fill(`${bangkokDay(-1)}T08:00`);
      await field(form, E.overrideTo).fill(`${bangkokDay(-1)}T10:00`);
      await form.getByRole('button', { name: E.addOverride }).click();
      await form.getByRole('alert').filter({ hasText: th.errors.OVERRIDE_IN_PAST }).waitFor();

      await field(form, E.overrideFrom).fill(`${bangkokDay(1)}T18:00`);
      await field(form, E.overrideTo).fill(`${bangkokDay(2)}T08:30`);
      await form.getByRole('button', { name: E.addOverride }).click();
      await toast(page, E.overrideAdded).waitFor();

      // The week now shows the head on the night layer tomorrow from 18:00, marked as a cover.
      const cover = tomorrow.getByText(`${me.user.displayName} (${O.override})`);
      await cover.waitFor();
      await expect.poll(() => tomorrow.getByText('18:00–24:00').count()).toBeGreaterThan(0);
      const overrides = page.getByRole('region', { name: E.overridesTitle });
      await overrides.getByText(me.user.displayName).waitFor();

      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'roster-editing');

      // Removing it brings the gap back.
      await page.getByRole('button', { name: fill(E.removeOverride, { name: me.user.displayName }) }).click();
      await toast(page, E.overrideRemoved).waitFor();
      await expect.poll(() => cover.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
