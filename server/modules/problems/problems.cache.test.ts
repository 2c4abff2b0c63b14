/**
 * The board and problem pages are served from a cache (problems.cache.ts). What members see must never lag
 * behind a write, whoever made it and however, nor behind the clock: a deadline or an edit window passing.
 */

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { organisations, users } from '../../db/schema/index.ts';
import { changeVersion } from '../../platform/cache/versioned-cache.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let admin: Who;
let reporter: Who;
let supporter: Who;
let bystander: Who;

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre Cache Test' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  reporter = await t.signedIn({ role: 'member', displayName: 'Reporter Before' });
  supporter = await t.signedIn({ role: 'member' });
  bystander = await t.signedIn({ role: 'member' });
});
afterAll(() => t.close());

const get = (url: string, by: Who) => t.request('GET', url, { cookie: by.cookie });
const post = (url: string, by: Who, body: unknown = {}) =>
  t.request('POST', url, { cookie: by.cookie, body });
type Item = { id: string; [k: string]: any };
const boardItem = async (id: string, by: Who, query = 'limit=100') =>
  ((await get(`/api/v1/problems?${query}`, by)).body.items as Item[]).find((i) => i.id === id);

async function raise(overrides: Record<string, unknown> = {}) {
  const res = await post('/api/v1/problems', reporter, {
    type: 'problem',
    title: 'ศูนย์พักพิงในจังหวัดชายแดนเต็ม',
    body: 'ผู้เสียหายต้องรอที่สถานีตำรวจหลายคืน',
    category: 'shelter_protection',
    provinces: ['TH-63'],
    sectors: ['civil_society'],
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Item;
}

describe('the board and pages as served', () => {
  it('show every change at once: a support, a comment, a follow, a renamed person and organisation', async () => {
    const p = await raise();
    const page = `/api/v1/problems/${p.id}`;
    expect(await boardItem(p.id, supporter)).toMatchObject({
      supportCount: 0,
      supportedByMyOrganisation: false,
    });
    expect((await get(page, supporter)).body).toMatchObject({ following: false });
    expect((await get(`${page}/comments?limit=100`, supporter)).body.items).toEqual([]);

    expect((await post(`${page}/support`, supporter)).status).toBe(201);
    expect(await boardItem(p.id, supporter)).toMatchObject({
      supportCount: 1,
      supportedByMyOrganisation: true,
    });
    expect(await boardItem(p.id, bystander)).toMatchObject({
      supportCount: 1,
      supportedByMyOrganisation: false,
    });

    expect((await post(`${page}/comments`, reporter, { body: 'ขอบคุณที่ช่วยยืนยัน' })).status).toBe(201);
    const comments = await get(`${page}/comments?limit=100`, supporter);
    expect(comments.body.items).toMatchObject([
      { body: 'ขอบคุณที่ช่วยยืนยัน', author: { displayName: 'Reporter Before' } },
    ]);
    expect((await get(`${page}/timeline?limit=100`, supporter)).body.items.map((e: Item) => e.kind)).toEqual([
      'raised',
      'supported',
      'commented',
    ]);

    expect((await post(`${page}/follow`, supporter)).status).toBeLessThan(300);
    expect((await get(page, supporter)).body).toMatchObject({ following: true });

    // Straight into the database, as an operator or another instance would.
    await t.db.update(users).set({ displayName: 'Reporter After' }).where(eq(users.id, reporter.user.id));
    expect((await get(`${page}/comments?limit=100`, supporter)).body.items[0].author.displayName).toBe(
      'Reporter After',
    );
    await t.db
      .update(organisations)
      .set({ nameEn: 'Renamed Reporter Org' })
      .where(eq(organisations.id, reporter.user.organisationId));
    expect((await boardItem(p.id, supporter))?.reporterOrganisation.nameEn).toBe('Renamed Reporter Org');
  });

  it('keeps an anonymous reporter hidden from other organisations while its own sees it', async () => {
    const p = await raise({ anonymous: true });
    expect((await boardItem(p.id, reporter))?.reporterOrganisation).toMatchObject({
      id: reporter.user.organisationId,
    });
    expect((await boardItem(p.id, bystander))?.reporterOrganisation).toBeNull();
    expect((await get(`/api/v1/problems/${p.id}`, bystander)).body.reporterOrganisation).toBeNull();
    expect((await boardItem(p.id, admin))?.reporterOrganisation).not.toBeNull();
  });

  it('turns a problem overdue when its deadline passes, with no write in between', async () => {
    const p = await raise({ category: 'budget_resources' });
    const assigned = await post(`/api/v1/problems/${p.id}/assign`, admin, {
      organisationIds: [supporter.user.organisationId],
      leadOrganisationId: supporter.user.organisationId,
    });
    expect(assigned.status).toBe(200);
    const overdueQuery = 'overdue=true&limit=100';
    expect(await boardItem(p.id, bystander)).toMatchObject({ overdue: false });
    expect(await boardItem(p.id, bystander, overdueQuery)).toBeUndefined();
    expect((await get(`/api/v1/problems/${p.id}`, bystander)).body.overdue).toBe(false);

    const version = await changeVersion(t.db, ['problems', 'directory']);
    t.clock.advance(Date.parse(assigned.body.dueAt) + 1 - t.clock.now().getTime());
    expect(await changeVersion(t.db, ['problems', 'directory'])).toBe(version);
    // Past the sessions' expiry too.
    for (const who of [admin, reporter, supporter, bystander])
      who.cookie = await t.login(who.user.email, who.user.password);
    expect(await boardItem(p.id, bystander)).toMatchObject({ overdue: true });
    expect(await boardItem(p.id, bystander, overdueQuery)).toMatchObject({ overdue: true });
    expect((await get(`/api/v1/problems/${p.id}`, bystander)).body.overdue).toBe(true);
  });

  it("stops offering to edit one's comment when its 15 minutes are up, with no write in between", async () => {
    const p = await raise();
    const url = `/api/v1/problems/${p.id}/comments?limit=100`;
    await post(`/api/v1/problems/${p.id}/comments`, reporter, { body: 'รายละเอียดเพิ่มเติม' });
    expect((await get(url, reporter)).body.items[0].editableUntil).not.toBeNull();
    expect((await get(url, bystander)).body.items[0].editableUntil).toBeNull();
    t.clock.advance(15 * MINUTE + 1);
    expect((await get(url, reporter)).body.items[0].editableUntil).toBeNull();
  });

  it('recomputes when asked with Cache-Control: no-cache', async () => {
    const p = await raise();
    expect(await boardItem(p.id, bystander)).toMatchObject({ supportCount: 0 });
    // Written around the triggers, as no code does: the cache cannot know, a no-cache request sees it.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table problems disable trigger problems_changed`);
      await tx.execute(sql`update problems set support_count = 42 where id = ${p.id}`);
      await tx.execute(sql`alter table problems enable trigger problems_changed`);
    });
    expect(await boardItem(p.id, bystander)).toMatchObject({ supportCount: 0 });
    const fresh = await t.request('GET', '/api/v1/problems?limit=100', {
      cookie: bystander.cookie,
      headers: { 'cache-control': 'no-cache' },
    });
    expect(fresh.body.items.find((i: Item) => i.id === p.id)).toMatchObject({ supportCount: 42 });
  });

  it('ignores Cache-Control: no-cache past 10 requests a minute from one user, serving the cache', async () => {
    const hammer = await t.signedIn({ role: 'member' });
    const other = await t.signedIn({ role: 'member' });
    const p = await raise();
    /** Written around the triggers, as no code does: only a recomputed page can show it. */
    const setSupportsBehindTheCache = (count: number) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`alter table problems disable trigger problems_changed`);
        await tx.execute(sql`update problems set support_count = ${count} where id = ${p.id}`);
        await tx.execute(sql`alter table problems enable trigger problems_changed`);
      });
    const supportsSeenBy = async (who: Who) => {
      const res = await t.request('GET', '/api/v1/problems?limit=100', {
        cookie: who.cookie,
        headers: { 'cache-control': 'no-cache' },
      });
      expect(res.status).toBe(200);
      return res.body.items.find((i: Item) => i.id === p.id).supportCount;
    };
    for (let i = 1; i <= 10; i++) {
      await setSupportsBehindTheCache(i);
      expect(await supportsSeenBy(hammer)).toBe(i);
    }
    await setSupportsBehindTheCache(11);
    expect(await supportsSeenBy(hammer)).toBe(10);
    expect(await supportsSeenBy(other)).toBe(11);
    t.clock.advance(MINUTE);
    await setSupportsBehindTheCache(12);
    expect(await supportsSeenBy(hammer)).toBe(12);
  });

  it('does not count sign-ins as changes', async () => {
    const version = await changeVersion(t.db, 'problems');
    await t.login(bystander.user.email, bystander.user.password);
    expect(await changeVersion(t.db, 'problems')).toBe(version);
  });
});

describe("the 'problems' change counter", () => {
  it('moves for a write to every table a board or page reads', async () => {
    const triggers = await t.db.execute<{ table: string }>(sql`
      select distinct c.relname as table from pg_trigger g
      join pg_class c on c.oid = g.tgrelid join pg_proc f on f.oid = g.tgfoid
      where f.proname = 'tipnet_bump_change_counter' and encode(g.tgargs, 'escape') like 'problems%'`);
    const guarded = (triggers as unknown as { rows: { table: string }[] }).rows.map((r) => r.table).sort();
    expect(guarded).toEqual([
      'problem_answers',
      'problem_assignments',
      'problem_comment_reports',
      'problem_comments',
      'problem_events',
      'problem_follows',
      'problem_supports',
      'problems',
      'users',
    ]);
  });
});
