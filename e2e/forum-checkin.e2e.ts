/**
 * The door of a forum on a phone, in Thai, at 390 px: the Centre's staff scans a QR ticket through
 * Chromium's fake camera (a Y4M made from the ticket's QR) and sees who came in; a forged code typed by
 * hand is refused in red. Its own server on a fresh PostgreSQL database, so the event and the tickets can
 * be inserted directly (the forums module that creates them is built in parallel).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { organisations, users } from '../server/db/schema/index.ts';
import {
  buildForumEvent,
  buildRegistration,
} from '../server/modules/forum-checkin/forum-checkin.factories.ts';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, FISHERIES, field, signIn, th } from './helpers.ts';
import { writeQrVideo } from './qr-video.ts';
import { startServer } from './server.ts';

const C = th.forumCheckin;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe('checking people in at the door of a forum', () => {
  const dbName = `tipnet_e2e_checkin_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'tipnet-checkin-'));
  let server: Awaited<ReturnType<typeof startServer>>;
  let database: Database;
  let browser: Browser;

  beforeAll(async () => {
    await withAdmin(`create database ${dbName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    server = await startServer({ DATABASE_URL: url.toString() });
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await database?.close();
    await server?.stop();
    await withAdmin(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans a ticket with the phone camera and shows the person, then refuses a forged code', async () => {
    const { db } = database;
    const [fisher] = await db
      .select({ id: users.id, name: users.displayName, organisationId: users.organisationId })
      .from(users)
      .where(eq(users.email, FISHERIES));
    const [organisation] = await db
      .select({ nameTh: organisations.nameTh })
      .from(organisations)
      .where(eq(organisations.id, fisher!.organisationId));
    const event = await buildForumEvent(db, { startsAt: new Date() });
    const ticket = await buildRegistration(db, { eventId: event.id, userId: fisher!.id });

    const video = join(dir, 'ticket.y4m');
    writeQrVideo(video, ticket.ticketCode);
    browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    await context.grantPermissions(['camera'], { origin: server.baseUrl });
    await signIn(page, ADMIN);
    await page.goto(`/forums/${event.id}/checkin`);
    await page.getByRole('heading', { name: C.title, level: 1 }).waitFor();

    const result = page.getByTestId('checkin-result');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('checked_in');
    await expect.poll(() => page.getByTestId('checkin-person').textContent()).toBe(fisher!.name);
    await expect.poll(() => result.textContent()).toContain(organisation!.nameTh);
    await expect.poll(() => result.textContent()).toContain(C.outcome.checked_in);
    await screenshot(page, 'forum-checkin-scanned');

    // The camera keeps reading the same ticket: the page stays green rather than turning amber.
    await page.waitForTimeout(1500);
    expect(await result.getAttribute('data-outcome')).toBe('checked_in');

    await page.getByRole('button', { name: C.scan.stopCamera }).click();
    await field(page, C.scan.manualLabel).fill('ForgedTicket0000000000');
    await page.getByRole('button', { name: C.scan.check, exact: true }).click();
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('refused');
    await expect.poll(() => result.textContent()).toContain(C.refused.unknown);
    await screenshot(page, 'forum-checkin-refused');

    await page
      .getByText(C.tabs.attendance.replace('{{checkedIn}}', '1').replace('{{registered}}', '1'))
      .click();
    await page.getByTestId('attendance').getByText(fisher!.name).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'forum-checkin-attendance');
  });
});
