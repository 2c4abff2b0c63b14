/**
 * The Centre's editing of a forum on a phone, in Thai: an agenda item edited in place, one person invited,
 * the survey's questions written, and minutes that survive an expired session, name a responsible person
 * from the owner organisation and, once shared, email the attending organisations.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type APIRequestContext, type Browser, type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  DEMO_PASSWORD,
  escapeRegExp,
  FISHERIES,
  field,
  fill,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';
import { startServer } from './server.ts';

const F = th.forums;
const M = th.forumMinutes;
const Q = th.forumFeedback.questions;
const SERIES = '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0001';
const TOPIC = 'ปัญหาล่ามในศูนย์ PIPO';
const NEXT_ITEM = 'ทบทวนบัญชีล่ามกลาง';
const PERSON = 'สมศักดิ์ ผู้แทนประมง (ทดสอบ)';

describe('the Centre edits a forum on a phone', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `tipnet_e2e_editing_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let db: pg.Client;
  let admin: APIRequestContext;
  let fisheriesUser = '';
  const held = randomUUID();
  const next = randomUUID();
  const nextItem = randomUUID();

  async function withAdminDb<T>(run: (c: pg.Client) => Promise<T>) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await run(c);
    } finally {
      await c.end();
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

  /** The forum just held (Fisheries attended) and the next one, published, with one agenda item. */
  async function seedForums() {
    const id = async (sql: string, value: string) => (await db.query(sql, [value])).rows[0].id as string;
    const fisheries = await id('select id from organisations where name_en = $1', 'Department of Fisheries');
    fisheriesUser = await id('select id from users where email = $1', FISHERIES);
    const event = (eventId: string, n: number, startsAt: string, state: string) =>
      db.query(
        `insert into forum_events (id, series_id, number, title_th, title_en, format, state, starts_at, ends_at,
           capacity, privacy_notice_version, created_at, updated_at)
         values ($1, $2, $3, $4, $5, 'in_person', $6, $7::timestamptz, $7::timestamptz + interval '4 hours', 80,
           'e2e', now(), now())`,
        [eventId, SERIES, n, `Let's Talk TIP ครั้งที่ ${n}`, `Let's Talk TIP #${n}`, state, startsAt],
      );
    await event(held, 911, new Date(Date.now() - 3 * 86_400_000).toISOString(), 'completed');
    await event(next, 912, new Date(Date.now() + 60 * 86_400_000).toISOString(), 'published');
    await db.query(
      `insert into forum_agenda_items (id, event_id, position, title_th, title_en, created_at)
       values ($1, $2, 0, $3, 'Interpreters at PIPO centres', now())`,
      [randomUUID(), held, TOPIC],
    );
    await db.query(
      `insert into forum_agenda_items (id, event_id, position, title_th, title_en, created_at)
       values ($1, $2, 0, 'ทบทวนบัญชีล่าม', 'Interpreter roster', now())`,
      [nextItem, next],
    );
    const registration = randomUUID();
    await db.query(
      `insert into forum_registrations (id, event_id, user_id, organisation_id, sector, state, ticket_code,
         created_at, updated_at) values ($1, $2, $3, $4, 'government', 'confirmed', $5, now(), now())`,
      [registration, held, fisheriesUser, fisheries, randomBytes(16).toString('base64url')],
    );
    await db.query(
      `insert into forum_checkins (id, event_id, registration_id, method, scanned_at, received_at)
       values ($1, $2, $3, 'qr', now(), now())`,
      [randomUUID(), held, registration],
    );
    // The Fisheries officer's entry in the directory, linked to the account: pickers offer people who can sign in.
    const created = await admin.post('/api/v1/people', {
      data: { organisationId: fisheries, userId: fisheriesUser, nameTh: PERSON },
    });
    expect(created.status(), await created.text()).toBe(201);
  }

  beforeAll(async () => {
    await withAdminDb((c) => c.query(`create database ${database}`));
    server = await startServer({ DATABASE_URL: databaseUrl, SEED_DEMO: '1' });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    admin = await apiAs(ADMIN);
    await seedForums();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await db?.end();
    await server?.stop();
    await withAdminDb((c) => c.query(`drop database if exists ${database} with (force)`));
  });

  /** Types into the searchable Select (or MultiSelect) labelled `label` in `scope` and picks `option`. */
  async function pick(page: Page, scope: Page | Locator, label: string, search: string, option: RegExp) {
    const input = scope.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}`) }).first();
    await input.click();
    await input.fill(search);
    await page.getByRole('option', { name: option }).first().click();
  }

  it('edits an agenda item, invites one person and writes the survey questions', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    try {
      page.setDefaultTimeout(30_000);
      await signIn(page, ADMIN);
      await page.goto(`/forums/${next}`);
      await page.getByRole('heading', { name: F.agendaEditor }).waitFor();

      // 1. The agenda item: a new title, a start, the presenter and a problem from the board.
      await page.getByRole('button', { name: fill(F.editItem, { title: 'ทบทวนบัญชีล่าม' }) }).click();
      const form = page.getByTestId('agenda-item-edit');
      await field(form, F.itemTitleTh).fill(NEXT_ITEM);
      const day = new Date(Date.now() + 60 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
      await field(form, F.itemStartsAt).fill(`${day}T10:30`);
      await pick(page, form, F.presenting, 'กรมประมง', /^กรมประมง/);
      await pick(page, form, F.linkedProblems, 'สถานคุ้มครอง', /สถานคุ้มครองในภาคใต้เต็ม/);
      await page.keyboard.press('Escape');
      await screenshot(page, 'forum-agenda-item-edit');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await form.getByRole('button', { name: F.saveItem }).click();
      await page.getByText(F.itemSaved).first().waitFor();
      await form.waitFor({ state: 'detached' });
      const event = (await (await admin.get(`/api/v1/forums/events/${next}`)).json()) as {
        agenda: {
          id: string;
          titleTh: string;
          startsAt: string | null;
          presentingOrganisation: { nameEn: string } | null;
          problems: { title: string }[];
        }[];
      };
      const item = event.agenda.find((i) => i.id === nextItem)!;
      expect(item.titleTh).toBe(NEXT_ITEM);
      expect(new Date(item.startsAt!).toISOString()).toBe(new Date(`${day}T10:30:00+07:00`).toISOString());
      expect(item.presentingOrganisation?.nameEn).toBe('Department of Fisheries');
      expect(item.problems.map((p) => p.title)).toEqual([expect.stringContaining('สถานคุ้มครองในภาคใต้เต็ม')]);

      // 2. One person invited, found by name in the directory.
      await page.getByText(F.inviteKinds.person, { exact: true }).click();
      await pick(page, page, F.byPerson, 'สมศักดิ์', new RegExp(`^${escapeRegExp(PERSON)}`));
      await screenshot(page, 'forum-invite-person');
      await page.getByRole('button', { name: F.invite, exact: true }).click();
      await page.getByText(F.invited).first().waitFor();
      const invitations = (await (await admin.get(`/api/v1/forums/events/${next}/invitations`)).json()) as {
        items: { kind: string; person: { id: string } | null }[];
      };
      expect(invitations.items).toContainEqual(
        expect.objectContaining({ kind: 'person', person: expect.objectContaining({ id: fisheriesUser }) }),
      );

      // 3. The survey: a fifth question, a single choice with two options.
      await page.goto(`/forums/${next}/survey`);
      await page.getByRole('heading', { name: Q.title }).waitFor();
      await page.getByRole('button', { name: fill(Q.add, { max: 12 }) }).click();
      const question = page.getByTestId('survey-question-edit').nth(4);
      await field(question, Q.textTh).fill('หน่วยงานของท่านอยู่ภาคใด');
      await question.getByRole('combobox', { name: new RegExp(`^${Q.kind}`) }).click();
      await page.getByRole('option', { name: Q.kinds.single }).click();
      await field(question, fill(Q.optionTh, { n: 1 })).fill('ภาครัฐ');
      await field(question, fill(Q.optionTh, { n: 2 })).fill('ภาคประชาสังคม');
      await screenshot(page, 'forum-survey-questions');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.getByRole('button', { name: Q.save }).click();
      await page.getByText(Q.saved).first().waitFor();
      const survey = (await (await admin.get(`/api/v1/forum-feedback/events/${next}/survey`)).json()) as {
        questions: { id: string; kind: string; th: string; options?: { th: string }[] }[];
      };
      expect(survey.questions.at(-1)).toMatchObject({
        id: 'q5',
        kind: 'single',
        th: 'หน่วยงานของท่านอยู่ภาคใด',
        options: [{ th: 'ภาครัฐ' }, { th: 'ภาคประชาสังคม' }],
      });
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('keeps the minutes through an expired session, names the responsible person and mails on sharing', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    try {
      page.setDefaultTimeout(30_000);
      await signIn(page, ADMIN);
      await page.goto(`/forums/${held}/minutes`);
      await pageReady(page, M.title);
      await page.getByRole('textbox', { name: M.notes }).fill('ขาดล่ามภาษาเขมรที่ระนอง');
      await page.getByRole('button', { name: M.addAction }).click();
      await page.getByRole('textbox', { name: M.actionTitleTh }).fill('รวบรวมรายชื่อล่ามกลาง');
      await pick(page, page, M.owner, 'กรมประมง', /^กรมประมง/);
      await pick(page, page, M.responsiblePerson, 'สมศักดิ์', new RegExp(`^${escapeRegExp(PERSON)}`));
      await expect
        .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('.forum-minutes.'))))
        .toBe(true);

      // The session ends on the server, as an idle timeout would; the page reloads to the sign-in.
      const other = await apiAs(ADMIN);
      expect((await other.post('/api/v1/auth/logout-all')).status()).toBe(200);
      await other.dispose();
      admin = await apiAs(ADMIN);
      await page.reload();
      await page.waitForURL('**/login**');
      await signIn(page, ADMIN);
      await page.goto(`/forums/${held}/minutes`);
      await pageReady(page, M.title);
      await page.getByTestId('draft-restored').waitFor();
      expect(await page.getByRole('textbox', { name: M.notes }).inputValue()).toBe('ขาดล่ามภาษาเขมรที่ระนอง');
      expect(
        await page
          .getByRole('combobox', { name: new RegExp(`^${escapeRegExp(M.responsiblePerson)}`) })
          .inputValue(),
      ).toBe(PERSON);
      await screenshot(page, 'forum-minutes-draft-restored');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      await page.getByRole('button', { name: M.save }).click();
      await page.getByText(M.saved).first().waitFor();
      await expect.poll(() => page.getByTestId('draft-restored').count()).toBe(0);
      expect(
        await page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('.forum-minutes.'))),
      ).toBe(false);
      const minutes = (await (await admin.get(`/api/v1/forums/events/${held}/minutes`)).json()) as {
        actions: { titleTh: string; responsibleUser: { id: string } | null }[];
      };
      expect(minutes.actions).toEqual([
        expect.objectContaining({
          titleTh: 'รวบรวมรายชื่อล่ามกลาง',
          responsibleUser: expect.objectContaining({ id: fisheriesUser }),
        }),
      ]);

      // Shared for comment: the attending Department of Fisheries hears of it by email.
      await page.getByRole('button', { name: M.move.share }).click();
      await expect.poll(() => page.getByTestId('minutes-state').textContent()).toBe(M.state.shared);
      const mails = await db.query(
        `select subject from outbox_emails where kind = 'forum_minutes_shared' and to_address = $1`,
        [FISHERIES],
      );
      expect(mails.rows.map((r) => r.subject)).toEqual([
        "ขอความเห็นต่อร่างรายงานการประชุม — Let's Talk TIP ครั้งที่ 911",
      ]);
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  }, 240_000);
});
