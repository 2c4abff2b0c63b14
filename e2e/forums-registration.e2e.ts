/**
 * Forums part F1 in the browser (Thai, 390 px, own server): the Centre convenes an event with an agenda
 * item and publishes it; a member registers, accepting the privacy notice, and sees the QR ticket.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser.ts';
import { ADMIN, field, MIRROR, signIn, th } from './helpers.ts';
import { startServer } from './server.ts';

/** A Bangkok datetime-local value `days` from now at `hour`:00. */
function bangkokInput(days: number, hour: number) {
  const day = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

describe('a forum from the Centre to a member', () => {
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

  it('is created and published by the Centre, and a member registers and sees the ticket', async () => {
    const title = "Let's Talk TIP ครั้งที่ 9: ขับเคลื่อนด้วยใจ";
    const admin = await newPage(browser, server.baseUrl);
    await signIn(admin.page, ADMIN);
    await admin.page.goto('/forums');
    await admin.page.getByRole('link', { name: th.forums.newEvent }).click();
    await field(admin.page, th.forums.fields.titleTh).fill(title);
    await field(admin.page, th.forums.fields.titleEn).fill("Let's Talk TIP #9");
    await field(admin.page, th.forums.fields.startsAt).fill(bangkokInput(10, 9));
    await field(admin.page, th.forums.fields.endsAt).fill(bangkokInput(10, 12));
    await field(admin.page, th.forums.fields.venueTh).fill('สโมสรตำรวจ');
    await admin.page.getByRole('button', { name: th.forums.save }).click();
    await admin.page.getByRole('heading', { name: title, level: 1 }).waitFor();

    await field(admin.page, th.forums.itemTitleTh).fill('ปัญหาอุปสรรคภาคประมง');
    await admin.page.getByRole('button', { name: th.forums.addItem }).click();
    await admin.page.getByRole('heading', { name: th.forums.agenda }).waitFor();
    await admin.page.getByRole('button', { name: th.forums.publish }).click();
    await admin.page.getByText(th.forums.published).waitFor();
    const eventPath = new URL(admin.page.url()).pathname;
    await admin.context.close();

    const member = await newPage(browser, server.baseUrl);
    await signIn(member.page, MIRROR);
    await member.page.goto('/forums');
    await member.page.getByRole('link', { name: title }).click();
    await member.page.waitForURL(`**${eventPath}`);
    // Buddhist Era in Thai: the year shown is 25xx (once the event has loaded, not the skeleton before it).
    await member.page.getByText('ปัญหาอุปสรรคภาคประมง').waitFor();
    expect(await member.page.getByRole('main').textContent()).toMatch(/25\d\d/);
    const register = member.page.getByRole('button', { name: th.forums.register });
    expect(await register.isDisabled()).toBe(true);
    await member.page.getByLabel(th.forums.privacy.accept).check();
    await register.click();
    await member.page.getByText(th.forums.registeredAs.confirmed).waitFor();
    const qr = member.page.getByTestId('ticket-qr');
    await qr.waitFor();
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThan(250); // big enough to scan from a phone held out
    await screenshot(member.page, 'forums-ticket');
    await member.context.close();
  });
});
