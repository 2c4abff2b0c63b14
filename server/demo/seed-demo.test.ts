import { asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATE_CODES } from '../../common/problems-taxonomy.ts';
import {
  forumActions,
  forumCheckins,
  forumEvents,
  organisations,
  problemAnswers,
  problems,
  users,
} from '../db/schema/index.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-network.ts';
import { seedDemoNetwork } from './seed-demo.ts';

const DEMO_PASSWORD = 'demo-password-for-tests';
const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);

describe('the demo network seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const countOf = async (table: typeof organisations | typeof users) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  /** Demo problems add inactive contributors (they cannot sign in); the accounts are the active users. */
  const activeUsers = async () =>
    (await t.db.select({ n: count() }).from(users).where(eq(users.active, true)))[0]!.n;

  it('is not there when seeding is off (a plain test app)', async () => {
    expect(await t.db.select().from(users).where(inArray(users.email, demoEmails))).toHaveLength(0);
    expect(await countOf(organisations)).toBe(0);
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'admin@tipnet.example', password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(401);
  });

  // Two full demo networks (forums, requests, minutes) racing on PGlite take over 30 s under CI's load.
  it('creates the 17 organisations and the 4 demo accounts once, even when two starts race', async () => {
    const results = await Promise.all([
      seedDemoNetwork(t.db, { password: DEMO_PASSWORD, now: t.clock.now() }),
      seedDemoNetwork(t.db, { password: DEMO_PASSWORD, now: t.clock.now() }),
    ]);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    expect(results.find((r) => r.seeded)).toEqual({
      seeded: true,
      password: DEMO_PASSWORD,
      generatedPassword: false,
    });

    expect(DEMO_ORGANISATIONS).toHaveLength(17);
    expect(await countOf(organisations)).toBe(17);
    const names = (await t.db.select({ nameEn: organisations.nameEn }).from(organisations)).map(
      (o) => o.nameEn,
    );
    expect(names).toContain('Mirror Foundation');
    expect(names).toContain('Department of Fisheries');

    const accounts = await t.db.select().from(users).where(inArray(users.email, demoEmails));
    expect(accounts).toHaveLength(4);
    expect(await activeUsers()).toBe(4);
    expect(accounts.map((a) => a.role).sort()).toEqual(['admin', 'member', 'observer', 'org_admin']);
    for (const account of accounts) expect(account.displayName).toContain('(ตัวอย่าง/Demo)');
  }, 120_000);

  it('signs each demo account in with DEMO_PASSWORD, in its role and organisation', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await t.login(account.email, DEMO_PASSWORD);
      const me = await t.request('GET', '/api/v1/me', { cookie });
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({
        email: account.email,
        role: account.role,
        displayName: account.displayName,
      });
      const org = DEMO_ORGANISATIONS.find((o) => o.key === account.organisation)!;
      expect(me.body.organisation.nameEn).toBe(org.nameEn);
    }
  });

  it("gives the Centre's review of contact edits one example: Rapha's office hours", async () => {
    const cookie = await t.login('admin@tipnet.example', DEMO_PASSWORD);
    const queue = await t.request('GET', '/api/v1/directory/verification-queue', { cookie });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0].organisation.nameEn).toBe('Rapha International');
    expect(queue.body.items[0].changes.map((c: { field: string }) => c.field)).toEqual(['officeHours']);
  });

  it('seeds about twenty demo problems in every state, with supports, answers, comments and overdue ones', async () => {
    const rows = await t.db.select().from(problems);
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(PROBLEM_STATE_CODES));
    expect(rows.some((r) => r.anonymous)).toBe(true);
    expect(rows.some((r) => r.dueAt && r.dueAt < t.clock.now())).toBe(true);
    expect(rows.reduce((n, r) => n + r.supportCount, 0)).toBeGreaterThan(20);
    expect(rows.reduce((n, r) => n + r.commentCount, 0)).toBeGreaterThan(5);
    expect((await t.db.select({ n: count() }).from(problemAnswers))[0]!.n).toBeGreaterThan(5);
  });

  it("gives the Fisheries account a unit whose inbox holds Mirror's requests in every state", async () => {
    const fisheries = await t.login('fisheries@tipnet.example', DEMO_PASSWORD);
    const [unit] = (await t.request('GET', '/api/v1/coordination/units', { cookie: fisheries })).body.items;
    expect(unit.members).toEqual([expect.objectContaining({ role: 'head' })]);
    const inbox = await t.request('GET', `/api/v1/coordination/units/${unit.id}/inbox`, {
      cookie: fisheries,
    });
    // Every state but forwarded (that one now waits in the MSDHS unit's inbox).
    expect(new Set(inbox.body.items.map((r: { state: string }) => r.state))).toEqual(
      new Set([
        'submitted',
        'acknowledged',
        'accepted',
        'declined',
        'in_progress',
        'awaiting_info',
        'done',
        'cancelled',
      ]),
    );
    const mirror = await t.login('mirror@tipnet.example', DEMO_PASSWORD);
    const sent = (await t.request('GET', '/api/v1/coordination/requests?limit=50', { cookie: mirror })).body
      .items as { state: string; id: string }[];
    expect(sent).toHaveLength(12);
    expect(sent.map((r) => r.state)).toContain('forwarded');
    const rated = await Promise.all(
      sent
        .filter((r) => r.state === 'done')
        .map(
          async (r) =>
            (await t.request('GET', `/api/v1/coordination/requests/${r.id}`, { cookie: mirror })).body,
        ),
    );
    expect(rated.filter((r) => r.rating !== null)).toHaveLength(1);
    // Its roster: the officer on call, and a night backup layer that shows its gap.
    const roster = await t.request('GET', `/api/v1/coordination/units/${unit.id}/roster`, {
      cookie: fisheries,
    });
    expect(roster.body.layers.map((l: { level: string }) => l.level)).toEqual(['primary', 'backup']);
    expect(roster.body.now.layers[0].person).not.toBeNull();
    expect(roster.body.now.layers[1].person).toBeNull();
  });

  it("seeds Let's Talk TIP #1 and #2 with minutes and actions, a published summary of #1, and an open #3", async () => {
    const events = await t.db.select().from(forumEvents).orderBy(asc(forumEvents.number));
    expect(events.map((e) => [e.number, e.state])).toEqual([
      [1, 'completed'],
      [2, 'completed'],
      [3, 'published'],
    ]);
    const [first, second, third] = events;
    expect(first!.venueTh).toBe('ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ');
    expect(third!.startsAt > t.clock.now()).toBe(true);
    // #1: every organisation the press release names came and was checked in.
    const attended = await t.db
      .select({ n: count() })
      .from(forumCheckins)
      .where(eq(forumCheckins.eventId, first!.id));
    expect(attended[0]!.n).toBe(17);
    const actions = await t.db.select().from(forumActions);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['done', 'in_progress', 'open']));
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(actions.filter((a) => a.status !== 'done' && a.dueOn! < today)).toHaveLength(1);
    // The problems raised at the forums link to them.
    const linked = await t.db.select().from(problems).where(eq(problems.sourceEventId, first!.id));
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(linked.every((p) => p.source === "Let's Talk TIP ครั้งที่ 1 (ตัวอย่าง)")).toBe(true);
    expect(await t.db.select().from(problems).where(eq(problems.sourceEventId, second!.id))).not.toHaveLength(
      0,
    );
    // A member reads #1's published summary, written like the press release.
    const mirror = await t.login('mirror@tipnet.example', DEMO_PASSWORD);
    const summary = await t.request('GET', `/api/v1/forum-feedback/events/${first!.id}/summary`, {
      cookie: mirror,
    });
    expect(summary.status).toBe(200);
    expect(summary.body.bodyTh).toContain(
      'เวลา 11.00 น. รอง ผบ.ตร. ในฐานะผู้อำนวยการ ศพดส.ตร. (ตัวอย่าง) ได้เป็นประธาน',
    );
    expect(summary.body.bodyTh).toContain('สมาคมการประมงแห่งประเทศไทย');
  });

  it('does nothing the second time and leaves an intact audit trail', async () => {
    const again = await seedDemoNetwork(t.db, { password: 'another-password-entirely', now: t.clock.now() });
    expect(again).toEqual({ seeded: false });
    expect(await countOf(organisations)).toBe(17);
    expect(await activeUsers()).toBe(4);

    const admin = await t.login('admin@tipnet.example', DEMO_PASSWORD);
    const audit = await t.request('GET', '/api/v1/audit-events?action=system.demo_seeded', { cookie: admin });
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain(DEMO_PASSWORD);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
