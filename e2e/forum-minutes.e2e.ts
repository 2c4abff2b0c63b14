import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type APIRequestContext, type Browser, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bangkokDay } from '../common/working-day.ts';
import { CALENDAR_FORMATS, formatCalendarDate } from '../web/lib/calendar.ts';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, DEMO_PASSWORD, FISHERIES, fill, pageReady, scrollWidth, signIn, th } from './helpers.ts';
import { startServer } from './server.ts';

const M = th.forumMinutes;
const SERIES = '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0001';
const ACTIONS = ['จัดทำบัญชีล่ามกลาง 3 ภาษาให้ศูนย์ PIPO', 'ตรวจเรือประมงร่วมกับ ศพดส.ตร. ที่ระนอง'];
const named = (day: string) => formatCalendarDate(day, CALENDAR_FORMATS.th.day, 'th');

/**
 * On a server of its own, on PostgreSQL: the events module is built beside this one, so the spec puts two
 * forums (the one just held, attended by Fisheries and Mirror, and the next one) straight into the database.
 */
describe('forum minutes and follow-up', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `tipnet_e2e_minutes_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let db: pg.Client;
  const held = randomUUID();
  const next = randomUUID();

  async function withAdminDb<T>(run: (c: pg.Client) => Promise<T>) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await run(c);
    } finally {
      await c.end();
    }
  }

  async function seedForums() {
    const id = async (sql: string, value: string) => (await db.query(sql, [value])).rows[0].id as string;
    const fisheries = await id('select id from organisations where name_en = $1', 'Department of Fisheries');
    const mirror = await id('select id from organisations where name_en = $1', 'Mirror Foundation');
    const fisheriesUser = await id('select id from users where email = $1', FISHERIES);
    const event = (eventId: string, n: number, startsAt: string, state: string) =>
      db.query(
        `insert into forum_events (id, series_id, number, title_th, title_en, format, state, starts_at, ends_at,
           capacity, privacy_notice_version, created_at, updated_at)
         values ($1, $2, $3, $4, $5, 'in_person', $6, $7::timestamptz, $7::timestamptz + interval '4 hours', 80,
           'e2e', now(), now())`,
        [eventId, SERIES, n, `Let's Talk TIP ครั้งที่ ${n}`, `Let's Talk TIP #${n}`, state, startsAt],
      );
    await event(held, 901, new Date(Date.now() - 3 * 86_400_000).toISOString(), 'completed');
    await event(next, 902, new Date(Date.now() + 60 * 86_400_000).toISOString(), 'draft');
    await db.query(
      `insert into forum_agenda_items (id, event_id, position, title_th, title_en, created_at)
       values ($1, $2, 0, 'ปัญหาล่ามในศูนย์ PIPO', 'Interpreters at PIPO centres', now())`,
      [randomUUID(), held],
    );
    for (const [organisationId, userId, sector] of [
      [fisheries, fisheriesUser, 'government'],
      [mirror, null, 'civil_society'],
    ] as const) {
      const registration = randomUUID();
      await db.query(
        `insert into forum_registrations (id, event_id, user_id, organisation_id, sector, state, ticket_code,
           created_at, updated_at) values ($1, $2, $3, $4, $5, 'confirmed', $6, now(), now())`,
        [registration, held, userId, organisationId, sector, randomBytes(16).toString('base64url')],
      );
      await db.query(
        `insert into forum_checkins (id, event_id, registration_id, method, scanned_at, received_at)
         values ($1, $2, $3, 'qr', now(), now())`,
        [randomUUID(), held, registration],
      );
    }
  }

  async function apiAs(email: string): Promise<APIRequestContext> {
    const api = await request.newContext({
      baseURL: server.baseUrl,
      extraHTTPHeaders: { Origin: server.baseUrl },
    });
    const login = await api.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    return api;
  }

  beforeAll(async () => {
    await withAdminDb((c) => c.query(`create database ${database}`));
    server = await startServer({ DATABASE_URL: databaseUrl, SEED_DEMO: '1' });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await seedForums();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await server?.stop();
    await withAdminDb((c) => c.query(`drop database if exists ${database} with (force)`));
  });

  it('the Centre finalises two actions for Fisheries, Fisheries sees them, and they carry over', async () => {
    const today = bangkokDay(new Date());
    const firstOfMonth = `${today.slice(0, 8)}01`;
    // 1. The Centre writes the minutes on a phone: two action items owned by the Department of Fisheries.
    const centre = await newPage(browser, server.baseUrl, PHONE);
    try {
      const { page } = centre;
      page.setDefaultTimeout(30_000);
      await signIn(page, ADMIN);
      await page.goto(`/forums/${held}/minutes`);
      await pageReady(page, M.title);
      await page.getByText(fill(M.attendance.title_other, { count: 2 })).waitFor();
      for (const [i, title] of ACTIONS.entries()) {
        await page.getByRole('button', { name: M.addAction }).click();
        await page.getByRole('textbox', { name: M.actionTitleTh }).nth(i).fill(title);
        const owner = page.getByRole('combobox', { name: M.owner }).nth(i);
        await owner.click();
        await owner.fill('กรมประมง');
        await page
          .getByRole('option', { name: /^กรมประมง/ })
          .first()
          .click();
      }
      // The first is due on the 1st of this month (overdue from the 2nd on).
      await page
        .getByRole('button', { name: new RegExp(`^${M.dueOn}`) })
        .first()
        .click();
      await page.getByRole('button', { name: named(firstOfMonth), exact: true }).click();
      await page.getByRole('button', { name: M.save }).click();
      await page.getByText(M.saved).first().waitFor();
      await screenshot(page, 'forum-minutes-editor');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.getByRole('button', { name: M.move.finalise }).click();
      await expect.poll(() => page.getByTestId('minutes-state').textContent()).toBe(M.state.final);
      await page.getByRole('heading', { name: M.versions }).waitFor();
      await expectNoSeriousAxeViolations(page);
    } finally {
      await centre.context.close();
    }

    // 2. A Fisheries officer finds both in the organisation's actions list, the late one in red.
    const fisheries = await newPage(browser, server.baseUrl, PHONE);
    try {
      const { page } = fisheries;
      page.setDefaultTimeout(30_000);
      await signIn(page, FISHERIES);
      await page.goto('/forums/actions');
      await pageReady(page, M.actions.title);
      const cards = page.getByTestId('forum-action');
      // The demo forums give Fisheries actions of its own too: look for these two among them.
      await expect
        .poll(() => cards.allTextContents())
        .toEqual(
          expect.arrayContaining([
            expect.stringContaining(ACTIONS[0]!),
            expect.stringContaining(ACTIONS[1]!),
          ]),
        );
      if (today > firstOfMonth)
        await cards
          .filter({ hasText: ACTIONS[0]! })
          .getByText(/^เลยกำหนด \d+ วัน/)
          .waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'forum-actions-fisheries');
      await expectNoSeriousAxeViolations(page);
    } finally {
      await fisheries.context.close();
    }

    // 3. Drafting the next forum's agenda, the Centre's carry-over brings both in, with their status.
    const admin = await apiAs(ADMIN);
    const carried = await admin.post(`/api/v1/forums/events/${next}/agenda/carry-over`);
    expect(carried.status(), await carried.text()).toBe(200);
    const { items } = (await carried.json()) as {
      items: {
        origin: string;
        titleTh: string;
        action: { status: string; owner: { nameEn: string } } | null;
      }[];
    };
    // The demo forums' open actions and recurring topics come along too; these two must be among them.
    const ours = items.filter((i) => ACTIONS.some((a) => i.titleTh.includes(a)));
    expect(ours.map((i) => [i.origin, i.titleTh, i.action?.status, i.action?.owner.nameEn])).toEqual(
      ACTIONS.map((a) => ['open_action', `ติดตามผล: ${a} — กรมประมง`, 'open', 'Department of Fisheries']),
    );
    await admin.dispose();
  }, 300_000);
});
