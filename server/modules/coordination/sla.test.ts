import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../../common/coordination-states.ts';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import {
  auditEvents,
  type CoordinationUnitRow,
  coordinationHolidays,
  coordinationRequestEvents,
  coordinationSlaPolicies,
} from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { holidayCalendar } from './holidays.ts';
import { runSlaAlerts } from './sla-jobs.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let centreAdmin: Who;
let requester: Who;
let colleague: Who;
let officer: Who;
let fisheriesOfficer: Who;
let labourAdmin: Who;
let inbox: CoordinationUnitRow;
let otherInbox: CoordinationUnitRow;

const REQUEST = {
  type: 'interpreter',
  urgency: 'critical',
  province: 'TH-85',
  language: 'my',
  peopleCount: 2,
  needs: 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้',
};

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre Test' });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Test', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Test' });
  const fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Test' });
  centreAdmin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  colleague = await t.signedIn({ role: 'member', organisationId: mirror.id });
  officer = await t.signedIn({ role: 'member', organisationId: labour.id });
  labourAdmin = await t.signedIn({ role: 'org_admin', organisationId: labour.id });
  fisheriesOfficer = await t.signedIn({ role: 'member', organisationId: fisheries.id });
  inbox = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officer.user.id] });
  otherInbox = await buildUnit(t.db, { organisationId: fisheries.id, memberIds: [fisheriesOfficer.user.id] });
});
afterAll(() => t.close());

/** The clock jumps past idle sessions' expiry: sign in again when it moved since the last sign-in. */
const sessions = new Map<string, { cookie: string; at: number }>();
async function cookieOf(who: Who) {
  const s = sessions.get(who.user.id);
  if (s && t.clock.now().getTime() - s.at < 5 * MINUTE_MS) return s.cookie;
  const cookie = await t.login(who.user.email, who.user.password);
  sessions.set(who.user.id, { cookie, at: t.clock.now().getTime() });
  return cookie;
}
const send = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  t.request(method, url, { cookie: await cookieOf(who), body });
const move = (who: Who, id: string, body: Record<string, unknown>) =>
  send(who, 'POST', `/api/v1/coordination/requests/${id}/transitions`, body);

async function createRequest(overrides: Record<string, unknown> = {}) {
  const res = await send(requester, 'POST', '/api/v1/coordination/requests', {
    ...REQUEST,
    receivingUnitId: inbox.id,
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; sla: any };
}

async function doneRequest() {
  const { id } = await createRequest();
  for (const body of [
    { to: 'acknowledged' },
    { to: 'accepted' },
    { to: 'in_progress' },
    { to: 'done', outcome: 'successful' },
  ])
    expect((await move(officer, id, body)).status).toBe(200);
  return id;
}

const slaEvents = (id: string) =>
  t.db
    .select()
    .from(coordinationRequestEvents)
    .where(
      and(
        eq(coordinationRequestEvents.requestId, id),
        inArray(coordinationRequestEvents.kind, ['sla_warning', 'sla_breached']),
      ),
    )
    .orderBy(asc(coordinationRequestEvents.id));
const auditsOf = (action: string) => t.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('SLA clocks on a request', () => {
  it('shows the receiving unit when its acknowledge clock runs out, on the request and in the inbox', async () => {
    const created = await createRequest();
    const dueAt = new Date(t.clock.now().getTime() + 15 * MINUTE_MS).toISOString();
    expect(created.sla).toMatchObject({
      policyVersion: 1,
      unitId: inbox.id,
      clocks: { acknowledge: { state: 'running', clock: '24x7', dueAt }, outcome: { state: 'running' } },
    });
    const page = await send(officer, 'GET', `/api/v1/coordination/units/${inbox.id}/inbox`);
    const item = page.body.items.find((i: { id: string }) => i.id === created.id);
    expect(item.sla.clocks.acknowledge.dueAt).toBe(dueAt);
  });

  it('records a warning and a breach once each, at the time the job saw them, even with two runs at once', async () => {
    const { id } = await createRequest();
    const createdAt = t.clock.now().getTime();
    t.clock.advance(5 * MINUTE_MS);
    expect((await runSlaAlerts(t.deps)).warnings).toBe(0);
    t.clock.advance(8 * MINUTE_MS); // 13 minutes: past 80 % of 15
    await Promise.all([runSlaAlerts(t.deps), runSlaAlerts(t.deps)]);
    t.clock.advance(3 * MINUTE_MS); // 16 minutes: breached
    await Promise.all([runSlaAlerts(t.deps), runSlaAlerts(t.deps)]);
    await runSlaAlerts(t.deps);
    const events = await slaEvents(id);
    expect(events.map((e) => [e.kind, e.data.target, e.unitId])).toEqual([
      ['sla_warning', 'acknowledge', inbox.id],
      ['sla_breached', 'acknowledge', inbox.id],
    ]);
    // Never back-dated: recorded when seen, with the due time in the data.
    expect(events[1]!.at.getTime()).toBe(createdAt + 16 * MINUTE_MS);
    expect(events[1]!.data.dueAt).toBe(new Date(createdAt + 15 * MINUTE_MS).toISOString());
    const audits = (await auditsOf('coordination.sla_breached')).filter((a) => a.entityId === id);
    expect(audits).toHaveLength(1);
    const detail = await send(requester, 'GET', `/api/v1/coordination/requests/${id}`);
    expect(detail.body.sla.clocks.acknowledge.state).toBe('breached');
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toContain('sla_breached');
  });

  it('gives the new inbox its own clocks and its own alerts after a forward', async () => {
    const { id } = await createRequest();
    expect((await move(officer, id, { to: 'acknowledged' })).status).toBe(200);
    t.clock.advance(14 * MINUTE_MS);
    await runSlaAlerts(t.deps); // the accept clock (30 min) is not yet at 80 %
    const forwarded = await move(officer, id, {
      to: 'forwarded',
      reason: 'ไม่มีล่ามภาษาเมียนมาคืนนี้',
      forwardToUnitId: otherInbox.id,
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.sla).toMatchObject({
      unitId: otherInbox.id,
      clocks: { acknowledge: { state: 'running', elapsedMs: 0 } },
    });
    t.clock.advance(13 * MINUTE_MS);
    await runSlaAlerts(t.deps);
    const events = await slaEvents(id);
    expect(events.map((e) => [e.kind, e.data.target, e.unitId])).toEqual([
      ['sla_warning', 'acknowledge', otherInbox.id],
    ]);
  });
});

describe('public holidays', () => {
  it('are seeded for 2569 and 2570 B.E. by the migration', async () => {
    const res = await send(requester, 'GET', '/api/v1/coordination/holidays?year=2027');
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: { day: string }) => h.day)).toContain('2027-04-13');
    expect(await holidayCalendar(t.db)).toContain('2026-12-10');
  });

  it('are added and removed by the Centre only, audited, and the business clock follows', async () => {
    const holiday = { day: '2026-11-27', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' };
    const refused = await send(labourAdmin, 'POST', '/api/v1/coordination/holidays', holiday);
    expect(refused.status).toBe(403);
    expect(
      await t.db.select().from(coordinationHolidays).where(eq(coordinationHolidays.day, holiday.day)),
    ).toEqual([]);
    // A normal request on a Thursday morning is due by Friday morning, unless Friday is a holiday.
    const before = await createRequest({ urgency: 'normal' });
    expect((await send(centreAdmin, 'POST', '/api/v1/coordination/holidays', holiday)).status).toBe(201);
    expect((await send(centreAdmin, 'POST', '/api/v1/coordination/holidays', holiday)).status).toBe(409);
    const after = await send(requester, 'GET', `/api/v1/coordination/requests/${before.id}`);
    const dueBefore = new Date(before.sla.clocks.acknowledge.dueAt).getTime();
    expect(new Date(after.body.sla.clocks.acknowledge.dueAt).getTime()).toBe(dueBefore + 3 * DAY_MS);
    expect((await auditsOf('coordination.holiday_added')).map((a) => a.entityId)).toContain(holiday.day);
    expect((await send(officer, 'DELETE', `/api/v1/coordination/holidays/${holiday.day}`)).status).toBe(403);
    expect((await send(centreAdmin, 'DELETE', `/api/v1/coordination/holidays/${holiday.day}`)).status).toBe(
      204,
    );
    expect((await send(centreAdmin, 'DELETE', `/api/v1/coordination/holidays/${holiday.day}`)).status).toBe(
      404,
    );
    expect((await auditsOf('coordination.holiday_removed')).map((a) => a.entityId)).toContain(holiday.day);
  });
});

describe('ratings', () => {
  it('lets the requesting organisation rate a done request once, change it for 7 days, then never', async () => {
    const open = await createRequest();
    const early = await send(requester, 'PUT', `/api/v1/coordination/requests/${open.id}/rating`, {
      score: 5,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('REQUEST_NOT_DONE');

    const id = await doneRequest();
    const url = `/api/v1/coordination/requests/${id}/rating`;
    expect((await send(officer, 'PUT', url, { score: 5 })).status).toBe(403);
    expect((await send(fisheriesOfficer, 'PUT', url, { score: 5 })).status).toBe(404);
    expect((await send(requester, 'PUT', url, { score: 6 })).status).toBe(400);
    const rated = await send(requester, 'PUT', url, { score: 3, comment: 'ล่ามมาช้าไปหนึ่งชั่วโมง' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ score: 3, comment: 'ล่ามมาช้าไปหนึ่งชั่วโมง' });
    t.clock.advance(6 * DAY_MS);
    const changed = await send(colleague, 'PUT', url, { score: 4 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ score: 4, comment: null, ratedBy: { id: colleague.user.id } });
    t.clock.advance(2 * DAY_MS);
    const late = await send(colleague, 'PUT', url, { score: 1 });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('RATING_FINAL');

    const detail = await send(colleague, 'GET', `/api/v1/coordination/requests/${id}`);
    expect(detail.body.rating.score).toBe(4);
    const rated2 = detail.body.events.filter((e: { kind: string }) => e.kind === 'rated');
    expect(rated2.map((e: { data: { score: number } }) => e.data.score)).toEqual([3, 4]);
    expect((await auditsOf('coordination.request_rated')).map((a) => a.entityId)).toContain(id);
    expect((await auditsOf('coordination.rating_changed')).map((a) => a.entityId)).toContain(id);
  });
});

describe('metrics', () => {
  it('counts a unit’s times, outcomes and ratings, and exports them with Thai headers', async () => {
    const admin = await t.login(centreAdmin.user.email, centreAdmin.user.password);
    const res = await t.request('GET', '/api/v1/coordination/metrics?groupBy=unit', { cookie: admin });
    expect(res.status).toBe(200);
    const row = res.body.items.find((i: { unit: { id: string } | null }) => i.unit?.id === inbox.id);
    expect(row.received).toBeGreaterThanOrEqual(5);
    expect(row.outcomes.successful).toBe(1);
    expect(row.averageRating).toBe(4);
    expect(row.forwardsByReason['ไม่มีล่ามภาษาเมียนมาคืนนี้']).toBe(1);
    expect(row.breaches).toBeGreaterThanOrEqual(1);
    expect(row.acknowledge.count).toBeGreaterThanOrEqual(2);
    const csv = await t.request('GET', '/api/v1/coordination/metrics.csv?lang=th', { cookie: admin });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('เวลาตอบรับ มัธยฐาน (นาที)');
    expect(String(csv.body)).toContain(inbox.nameTh);
  });
});

describe('SLA policy versions', () => {
  it('starts with the defaults as version 1, which the migration seeded', async () => {
    const [v1] = await t.db
      .select()
      .from(coordinationSlaPolicies)
      .where(eq(coordinationSlaPolicies.version, 1));
    for (const [urgency, policy] of Object.entries(DEFAULT_SLA))
      expect(v1!.targets[urgency as keyof typeof DEFAULT_SLA]).toEqual({
        acknowledge: policy.acknowledge,
        acceptOrDecline: policy.acceptOrDecline,
        outcome: policy.outcome,
      });
  });

  it('lets only the Centre add a version; new requests take it, open ones keep theirs', async () => {
    const admin = await t.login(centreAdmin.user.email, centreAdmin.user.password);
    const requesterCookie = await t.login(requester.user.email, requester.user.password);
    const old = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requesterCookie,
      body: { ...REQUEST, receivingUnitId: inbox.id },
    });
    const targets = Object.fromEntries(
      Object.entries(DEFAULT_SLA).map(([u, p]) => [
        u,
        { acknowledge: p.acknowledge, acceptOrDecline: p.acceptOrDecline, outcome: p.outcome },
      ]),
    );
    targets.critical!.acknowledge = { clock: '24x7', ms: 10 * MINUTE_MS };
    const body = { targets, note: 'ตอบรับเรื่องวิกฤตภายใน 10 นาที' };
    const officerCookie = await t.login(officer.user.email, officer.user.password);
    const refused = await t.request('POST', '/api/v1/coordination/sla-policies', {
      cookie: officerCookie,
      body,
    });
    expect(refused.status).toBe(403);
    const bad = await t.request('POST', '/api/v1/coordination/sla-policies', {
      cookie: admin,
      body: { targets: { ...targets, low: { acknowledge: { clock: '24x7', ms: -5 } } } },
    });
    expect(bad.status).toBe(400);
    const saved = await t.request('POST', '/api/v1/coordination/sla-policies', { cookie: admin, body });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ version: 2, current: true, note: body.note });
    expect((await auditsOf('coordination.sla_policy_created')).map((a) => a.entityId)).toEqual(['2']);

    const fresh = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requesterCookie,
      body: { ...REQUEST, receivingUnitId: inbox.id },
    });
    expect(fresh.body.sla.policyVersion).toBe(2);
    expect(fresh.body.sla.clocks.acknowledge.targetMs).toBe(10 * MINUTE_MS);
    const kept = await t.request('GET', `/api/v1/coordination/requests/${old.body.id}`, {
      cookie: requesterCookie,
    });
    expect(kept.body.sla).toMatchObject({
      policyVersion: 1,
      clocks: { acknowledge: { targetMs: 15 * MINUTE_MS } },
    });
  });
});
