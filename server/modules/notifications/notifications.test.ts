import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  notifications,
  outboxEmails,
  problemEvents,
  problemFollows,
  users,
} from '../../db/schema/index.ts';
import { buildPerson } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { notificationRuntimeOf } from './runtime-registry.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signedIn']>>;
let reporter: Person;
let reporterColleague: Person;
let follower: Person;
let fisheriesAdmin: Person;
let fisheriesFocal: Person;
let fisheriesMember: Person;
let admin: Person;
let reporterOrgName: string;
let fisheriesId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const reporterOrg = await t.buildOrganisation({ nameEn: 'Lantern Foundation', nameTh: 'มูลนิธิโคมไฟ' });
  reporterOrgName = 'มูลนิธิโคมไฟ';
  const fisheries = await t.buildOrganisation({ nameEn: 'Department of Fisheries', nameTh: 'กรมประมง' });
  fisheriesId = fisheries.id;
  const centre = await t.buildOrganisation({ nameEn: 'The Centre', nameTh: 'ศพดส.ตร.' });
  const elsewhere = await t.buildOrganisation();
  reporter = await t.signedIn({ organisationId: reporterOrg.id, role: 'member', language: 'en' });
  reporterColleague = await t.signedIn({ organisationId: reporterOrg.id, role: 'member' });
  follower = await t.signedIn({ organisationId: elsewhere.id, role: 'member', language: 'en' });
  fisheriesAdmin = await t.signedIn({ organisationId: fisheries.id, role: 'org_admin', language: 'th' });
  fisheriesFocal = await t.signedIn({ organisationId: fisheries.id, role: 'member' });
  fisheriesMember = await t.signedIn({ organisationId: fisheries.id, role: 'member' });
  admin = await t.signedIn({ organisationId: centre.id, role: 'admin' });
  await buildPerson(t.db, {
    organisationId: fisheries.id,
    userId: fisheriesFocal.user.id,
    focalTopics: ['legal_aid'],
  });
});
afterAll(() => t.close());

const dispatch = () => notificationRuntimeOf(t.app).dispatch();
const inbox = async (p: Person, query = '') => {
  const res = await t.request('GET', `/api/v1/notifications?limit=100${query}`, { cookie: p.cookie });
  expect(res.status).toBe(200);
  return res.body.items as any[];
};
const unread = async (p: Person) =>
  (await t.request('GET', '/api/v1/notifications/unread-count', { cookie: p.cookie })).body.unread as number;

async function raise(by: Person, anonymous: boolean) {
  const res = await t.request('POST', '/api/v1/problems', {
    cookie: by.cookie,
    body: {
      type: 'problem',
      title: `ล่ามภาษาเมียนมาไม่พอที่ท่าเรือ ${randomUUID().slice(0, 4)}`,
      body: 'การคัดแยกลูกเรือประมงต้องรอล่ามหลายวัน',
      category: 'victim_identification',
      provinces: ['TH-85'],
      sectors: ['government'],
      anonymous,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; title: string };
}

async function assignToFisheries(problemId: string) {
  const res = await t.request('POST', `/api/v1/problems/${problemId}/assign`, {
    cookie: admin.cookie,
    body: { organisationIds: [fisheriesId], leadOrganisationId: fisheriesId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function comment(by: Person, problemId: string, body: string) {
  const res = await t.request('POST', `/api/v1/problems/${problemId}/comments`, {
    cookie: by.cookie,
    body: { body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const about = (items: any[], problemId: string, kind: string) =>
  items.filter((n) => n.problem.id === problemId && n.kind === kind);

describe('fan-out from the timeline', () => {
  it('tells the reporter, followers and the assigned organisation’s admins and focal points, once each', async () => {
    const problem = await raise(reporter, false);
    expect(
      (await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: follower.cookie })).status,
    ).toBe(200);
    await assignToFisheries(problem.id);
    await dispatch();

    expect(about(await inbox(reporter), problem.id, 'assigned').map((n) => n.reason)).toEqual(['my_problem']);
    expect(about(await inbox(follower), problem.id, 'assigned').map((n) => n.reason)).toEqual(['followed']);
    expect(about(await inbox(fisheriesAdmin), problem.id, 'assigned').map((n) => n.reason)).toEqual([
      'assigned',
    ]);
    expect(about(await inbox(fisheriesFocal), problem.id, 'assigned').map((n) => n.reason)).toEqual([
      'assigned',
    ]);
    // Neither a plain member of the organisation, nor the admin who assigned it.
    expect(about(await inbox(fisheriesMember), problem.id, 'assigned')).toEqual([]);
    expect(about(await inbox(admin), problem.id, 'assigned')).toEqual([]);

    // Running again (another instance, a timer) notifies nobody twice.
    await dispatch();
    expect(about(await inbox(reporter), problem.id, 'assigned')).toHaveLength(1);
  });

  it('tells mentioned people for the mention, and an edit only those it newly mentions', async () => {
    const problem = await raise(reporter, false);
    const mention = `@[focal](user:${fisheriesFocal.user.id})`;
    const c = await comment(reporterColleague, problem.id, `ขอให้ ${mention} ช่วยประสานล่าม`);
    await dispatch();
    const [n] = about(await inbox(fisheriesFocal), problem.id, 'commented');
    expect(n.reason).toBe('mention');
    expect(about(await inbox(reporter), problem.id, 'commented').map((x) => x.reason)).toEqual([
      'my_problem',
    ]);

    const edited = await t.request('PATCH', `/api/v1/problems/${problem.id}/comments/${c.id}`, {
      cookie: reporterColleague.cookie,
      body: { body: `ขอให้ ${mention} และ @[admin](user:${reporter.user.id}) ช่วยประสานล่าม` },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await dispatch();
    expect(about(await inbox(fisheriesFocal), problem.id, 'comment_edited')).toEqual([]);
    expect(about(await inbox(reporter), problem.id, 'comment_edited').map((x) => x.reason)).toEqual([
      'mention',
    ]);
  });

  it('never names an anonymous reporter’s organisation to others, in the list or in emails', async () => {
    const problem = await raise(reporter, true);
    await assignToFisheries(problem.id);
    await comment(reporterColleague, problem.id, 'เพิ่มเติม: ล่ามมาได้เฉพาะวันจันทร์');
    await dispatch();

    const [seenByFisheries] = about(await inbox(fisheriesAdmin), problem.id, 'commented');
    expect(seenByFisheries).toMatchObject({ actor: null, actorOrganisation: null, byReporter: true });
    expect(JSON.stringify(seenByFisheries)).not.toContain(reporterOrgName);

    const emails = await t.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, fisheriesAdmin.user.email));
    const aboutIt = emails.filter((e) => e.text.includes(problem.title));
    expect(aboutIt.length).toBeGreaterThan(0);
    for (const e of aboutIt) {
      expect(`${e.subject}${e.text}${e.html}`).not.toContain(reporterOrgName);
      expect(`${e.subject}${e.text}${e.html}`).not.toContain('Lantern Foundation');
    }
    expect(aboutIt.some((e) => e.text.includes('ผู้แจ้งเรื่อง'))).toBe(true);
  });

  it('shows the Centre who acted on an anonymous problem', async () => {
    const problem = await raise(reporter, true);
    await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: admin.cookie });
    await comment(reporterColleague, problem.id, 'ข้อมูลเพิ่มเติมสำหรับศูนย์ฯ');
    await dispatch();
    const [n] = about(await inbox(admin), problem.id, 'commented');
    expect(n.actorOrganisation.nameTh).toBe(reporterOrgName);
    expect(n.actor.id).toBe(reporterColleague.user.id);
  });

  it('keeps centre-only timeline events to admins', async () => {
    const problem = await raise(reporter, false);
    await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: follower.cookie });
    await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: admin.cookie });
    await t.db.insert(problemEvents).values({
      problemId: problem.id,
      at: t.clock.now(),
      kind: 'commented',
      visibility: 'centre',
      data: {},
    });
    await dispatch();
    expect(about(await inbox(follower), problem.id, 'commented')).toEqual([]);
    expect(about(await inbox(admin), problem.id, 'commented')).toHaveLength(1);
  });

  it('reaches 1,000 followers within 2 seconds of the change', async () => {
    const problem = await raise(reporter, false);
    const now = t.clock.now();
    const followers = Array.from({ length: 1000 }, (_, i) => ({
      id: randomUUID(),
      organisationId: follower.user.organisationId,
      email: `follower-${i}-${randomUUID().slice(0, 6)}@example.test`,
      displayName: `Follower ${i}`,
      role: 'member' as const,
      language: 'th' as const,
      passwordHash: 'not-a-real-hash',
      createdAt: now,
      updatedAt: now,
    }));
    await t.db.insert(users).values(followers);
    await t.db
      .insert(problemFollows)
      .values(followers.map((f) => ({ problemId: problem.id, userId: f.id, createdAt: now })));

    const started = performance.now();
    await assignToFisheries(problem.id);
    // No explicit dispatch: the trigger's NOTIFY wakes the dispatcher by itself.
    let told = 0;
    while (performance.now() - started < 5_000) {
      const rows = await t.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.problemId, problem.id), eq(notifications.reason, 'followed')));
      told = rows.length;
      if (told >= 1000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const elapsed = performance.now() - started;
    expect(told).toBe(1000);
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe('the notification centre API', () => {
  it('lists newest first with a cursor, counts unread, marks one and all read', async () => {
    const problem = await raise(reporter, false);
    await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: follower.cookie });
    for (const text of ['หนึ่ง', 'สอง', 'สาม'])
      await comment(reporterColleague, problem.id, `ความเห็นที่ ${text}`);
    await dispatch();
    await t.request('POST', '/api/v1/notifications/read-all', { cookie: follower.cookie, body: {} });
    expect(await unread(follower)).toBe(0);

    await comment(reporterColleague, problem.id, 'ความเห็นที่ สี่');
    await comment(reporterColleague, problem.id, 'ความเห็นที่ ห้า');
    await dispatch();
    expect(await unread(follower)).toBe(2);

    const first = await t.request('GET', '/api/v1/notifications?limit=1', { cookie: follower.cookie });
    expect(first.body.items).toHaveLength(1);
    const second = await t.request('GET', `/api/v1/notifications?limit=1&cursor=${first.body.nextCursor}`, {
      cookie: follower.cookie,
    });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(Date.parse(second.body.items[0].createdAt)).toBeLessThanOrEqual(
      Date.parse(first.body.items[0].createdAt),
    );

    const unreadOnly = await inbox(follower, '&unread=true');
    expect(unreadOnly).toHaveLength(2);
    const marked = await t.request('POST', `/api/v1/notifications/${unreadOnly[0].id}/read`, {
      cookie: follower.cookie,
    });
    expect(marked.body).toEqual({ unread: 1 });
    // Someone else's notification does not exist for them.
    const foreign = await t.request('POST', `/api/v1/notifications/${unreadOnly[1].id}/read`, {
      cookie: reporter.cookie,
    });
    expect(foreign.status).toBe(404);
    expect(await unread(follower)).toBe(1);

    const all = await t.request('POST', '/api/v1/notifications/read-all', {
      cookie: follower.cookie,
      body: {},
    });
    expect(all.body).toEqual({ marked: 1, unread: 0 });
  });

  it('marks all read only up to the newest one the reader saw', async () => {
    const problem = await raise(reporter, false);
    await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: follower.cookie });
    await t.request('POST', '/api/v1/notifications/read-all', { cookie: follower.cookie, body: {} });
    await comment(reporterColleague, problem.id, 'ก่อน');
    await dispatch();
    const [seen] = await inbox(follower, '&unread=true');
    await comment(reporterColleague, problem.id, 'หลัง');
    await dispatch();
    const res = await t.request('POST', '/api/v1/notifications/read-all', {
      cookie: follower.cookie,
      body: { upTo: seen.id },
    });
    expect(res.body).toEqual({ marked: 1, unread: 1 });
  });

  it('keeps email preferences per kind, with defaults, and audits a change', async () => {
    const p = await t.signedIn();
    const got = await t.request('GET', '/api/v1/notifications/preferences', { cookie: p.cookie });
    expect(got.body).toEqual({
      myProblems: 'immediately',
      assignedToMyOrganisation: 'immediately',
      followed: 'daily',
      mentions: 'immediately',
    });
    const wanted = {
      myProblems: 'daily',
      assignedToMyOrganisation: 'off',
      followed: 'off',
      mentions: 'immediately',
    };
    const put = await t.request('PUT', '/api/v1/notifications/preferences', {
      cookie: p.cookie,
      body: wanted,
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(wanted);
    expect((await t.request('GET', '/api/v1/notifications/preferences', { cookie: p.cookie })).body).toEqual(
      wanted,
    );
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'notification.preferences_updated'), eq(auditEvents.entityId, p.user.id)),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes).toMatchObject({ followed: { from: 'daily', to: 'off' } });

    const bad = await t.request('PUT', '/api/v1/notifications/preferences', {
      cookie: p.cookie,
      body: { ...wanted, mentions: 'hourly' },
    });
    expect(bad.status).toBe(400);
  });
});
