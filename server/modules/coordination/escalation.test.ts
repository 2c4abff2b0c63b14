import { and, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import {
  auditEvents,
  type CoordinationUnitRow,
  coordinationEscalationQueue,
  coordinationEscalations,
  coordinationRequestEvents,
  outboxEmails,
} from '../../db/schema/index.ts';
import { closeDeps, createDeps } from '../../runtime.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { runEscalations } from './escalation.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let centreAdmin: Who;
let requester: Who;
let onCallOfficer: Who;
let backupOfficer: Who;
let head: Who;
let rostered: CoordinationUnitRow;

const REQUEST = {
  type: 'interpreter',
  urgency: 'critical',
  province: 'TH-85',
  language: 'my',
  peopleCount: 2,
  ageBands: ['18_59'],
  sexes: ['female'],
  nationalities: ['myanmar'],
  needs: 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้',
  context: 'ผู้เสียหายสองคนหนีออกจากเรือประมง',
};
const LAYER = { rotation: 'daily', handoverTime: '08:30', startsOn: '2026-11-01', restriction: null };
const LINK = /\/coordination\/acknowledge#token=([A-Za-z0-9_.-]+)/;

beforeAll(async () => {
  // Sessions outlive the hours the clock is moved on; expiry is not what this file tests.
  t = await buildTestApp({ config: { sessionIdleMs: 30 * DAY_MS, sessionAbsoluteMs: 60 * DAY_MS } });
  const centre = await t.buildOrganisation({ nameEn: 'Centre Test' });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Test', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Protection Test' });
  centreAdmin = await t.signedIn({ role: 'admin', organisationId: centre.id, displayName: 'Centre Desk' });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  onCallOfficer = await t.signedIn({
    role: 'member',
    organisationId: labour.id,
    displayName: 'Officer Anong',
  });
  backupOfficer = await t.signedIn({
    role: 'member',
    organisationId: labour.id,
    displayName: 'Officer Boonmee',
  });
  head = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Head Chai' });
  rostered = await buildUnit(t.db, {
    organisationId: labour.id,
    memberIds: [onCallOfficer.user.id, backupOfficer.user.id],
    heads: [head.user.id],
  });
  for (const [level, who] of [
    ['primary', onCallOfficer],
    ['backup', backupOfficer],
  ] as const) {
    const res = await t.request('POST', `/api/v1/coordination/units/${rostered.id}/roster/layers`, {
      cookie: head.cookie,
      body: { ...LAYER, level, name: level, memberIds: [who.user.id] },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => t.close());

async function createRequest(unitId: string, urgency = 'critical') {
  const res = await t.request('POST', '/api/v1/coordination/requests', {
    cookie: requester.cookie,
    body: { ...REQUEST, urgency, receivingUnitId: unitId },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
const tick = () => runEscalations(t.deps);
const escalationsOf = (requestId: string) =>
  t.db
    .select()
    .from(coordinationEscalations)
    .where(eq(coordinationEscalations.requestId, requestId))
    .orderBy(coordinationEscalations.id);
async function mailsTo(who: Who) {
  return t.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.to, who.user.email), eq(outboxEmails.kind, 'coordination_escalation')));
}
const tokenIn = (text: string) => LINK.exec(text)?.[1] ?? '';
const ackByLink = (who: Who, token: string) =>
  t.request('POST', '/api/v1/coordination/acknowledge-link', { cookie: who.cookie, body: { token } });

describe('escalation of a critical request nobody acknowledges', () => {
  it('notifies the on-call officer, then the backup after 15 minutes, and stops once the backup acknowledges', async () => {
    const before = (await mailsTo(onCallOfficer)).length;
    const id = await createRequest(rostered.id);
    await tick();
    const first = await escalationsOf(id);
    expect(first.map((e) => [e.target, e.loop, e.recipientUserIds])).toEqual([
      ['on_call', 1, [onCallOfficer.user.id]],
    ]);
    const mails = await mailsTo(onCallOfficer);
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).toContain('คำขอประสานงาน');
    expect(tokenIn(mail.text)).not.toBe('');
    // The email carries labels and a link, never the request's free text.
    expect(mail.text).not.toContain('สภ.เมืองระนอง');
    expect(mail.text).not.toContain('เรือประมง');

    // Ticking again before the next step is due does nothing.
    t.clock.advance(14 * MINUTE_MS);
    await tick();
    expect(await escalationsOf(id)).toHaveLength(1);

    t.clock.advance(MINUTE_MS);
    await tick();
    expect((await escalationsOf(id)).map((e) => e.target)).toEqual(['on_call', 'backup']);
    const backupMail = (await mailsTo(backupOfficer)).at(-1)!;

    const acked = await ackByLink(backupOfficer, tokenIn(backupMail.text));
    expect(acked.status).toBe(200);
    expect(acked.body.state).toBe('acknowledged');
    expect(acked.body.acknowledgedBy.displayName).toBe('Officer Boonmee');

    t.clock.advance(60 * MINUTE_MS);
    await tick();
    expect(await escalationsOf(id)).toHaveLength(2);
    expect(
      await t.db
        .select()
        .from(coordinationEscalationQueue)
        .where(eq(coordinationEscalationQueue.requestId, id)),
    ).toEqual([]);

    // The steps are on the timeline and in the audit log.
    const events = await t.db
      .select()
      .from(coordinationRequestEvents)
      .where(
        and(eq(coordinationRequestEvents.requestId, id), eq(coordinationRequestEvents.kind, 'escalated')),
      );
    expect(events.map((e) => e.data.target)).toEqual(['on_call', 'backup']);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'coordination.request_escalated')));
    expect(audits).toHaveLength(2);

    // The on-call officer's link, tapped late, says who acknowledged.
    const late = await ackByLink(onCallOfficer, tokenIn(mail.text));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ALREADY_ACKNOWLEDGED');
    expect(late.body.error.details.acknowledgedBy.displayName).toBe('Officer Boonmee');
  });

  it('refuses a link sent to someone else, an altered one and an expired one, and leaves the request as it was', async () => {
    const id = await createRequest(rostered.id);
    await tick();
    const token = tokenIn((await mailsTo(onCallOfficer)).at(-1)!.text);
    expect((await ackByLink(backupOfficer, token)).body.error.code).toBe('ACK_LINK_NOT_YOURS');
    expect((await ackByLink(onCallOfficer, `${token.slice(0, -2)}xx`)).status).toBe(400);
    t.clock.advance(25 * 60 * MINUTE_MS);
    const expired = await ackByLink(onCallOfficer, token);
    expect(expired.status).toBe(410);
    const detail = await t.request('GET', `/api/v1/coordination/requests/${id}`, { cookie: head.cookie });
    expect(detail.body.state).toBe('submitted');
    // Cancelled so the later tests' ticks are not about it.
    await t.request('POST', `/api/v1/coordination/requests/${id}/transitions`, {
      cookie: requester.cookie,
      body: { to: 'cancelled', reason: 'ทดสอบ' },
    });
  });

  it('falls through a roster gap to the next step at once', async () => {
    const unit = await buildUnit(t.db, {
      organisationId: head.user.organisationId,
      memberIds: [onCallOfficer.user.id],
      heads: [head.user.id],
    });
    const id = await createRequest(unit.id);
    await tick();
    const steps = await escalationsOf(id);
    // No roster: on call and backup are gaps, so the head hears of it at once.
    expect(steps.map((e) => [e.target, e.recipientUserIds.length])).toEqual([
      ['on_call', 0],
      ['backup', 0],
      ['head', 1],
    ]);
    const detail = await t.request('GET', `/api/v1/coordination/requests/${id}`, { cookie: head.cookie });
    const escalated = detail.body.events.filter((e: { kind: string }) => e.kind === 'escalated');
    expect(escalated.map((e: { data: { fellThrough: boolean } }) => e.data.fellThrough)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('puts a request that reaches nobody in the unit into the Centre queue', async () => {
    const empty = await buildUnit(t.db, { organisationId: head.user.organisationId });
    const id = await createRequest(empty.id);
    await tick();
    expect((await escalationsOf(id)).map((e) => `${e.loop}:${e.target}`)).toEqual([
      '1:on_call',
      '1:backup',
      '1:head',
      '2:on_call',
      '2:backup',
      '2:head',
      '2:centre',
    ]);
    const queue = await t.request('GET', '/api/v1/coordination/escalations/centre', {
      cookie: centreAdmin.cookie,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { request: { id: string } }) => i.request.id)).toContain(id);
    expect((await mailsTo(centreAdmin)).length).toBeGreaterThan(0);
    const refused = await t.request('GET', '/api/v1/coordination/escalations/centre', {
      cookie: head.cookie,
    });
    expect(refused.status).toBe(403);
  });

  it('notifies the on-call officer only for a low-urgency request and chases nobody', async () => {
    const id = await createRequest(rostered.id, 'low');
    await tick();
    t.clock.advance(7 * 24 * 60 * MINUTE_MS);
    await tick();
    expect((await escalationsOf(id)).map((e) => e.target)).toEqual(['on_call']);
  });
});

describe('several instances', () => {
  it('fires each step exactly once when two instances tick at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await createRequest(rostered.id, 'high'));
    const onPostgres = process.env.TIPNET_TEST_DRIVER === 'pg';
    const second = onPostgres
      ? await createDeps(t.deps.config, {
          clock: t.clock,
          transport: null,
          logger: pino({ level: 'silent' }),
          poolSize: 3,
        })
      : t.deps;
    try {
      const [a, b] = await Promise.all([runEscalations(t.deps), runEscalations(second)]);
      expect(a.fired + b.fired).toBeGreaterThanOrEqual(12);
      t.clock.advance(60 * MINUTE_MS);
      await Promise.all([runEscalations(t.deps), runEscalations(second), runEscalations(t.deps)]);
    } finally {
      if (second !== t.deps) await closeDeps(second);
    }
    const rows = await t.db
      .select()
      .from(coordinationEscalations)
      .where(inArray(coordinationEscalations.requestId, ids));
    // High: the on-call officer, then the head after an hour; once each per request.
    expect(rows).toHaveLength(24);
    for (const id of ids)
      expect(
        rows
          .filter((r) => r.requestId === id)
          .map((r) => r.target)
          .sort(),
      ).toEqual(['head', 'on_call']);
  });

  it('lets the first of two officers acknowledging at once win and tells the second who did', async () => {
    const id = await createRequest(rostered.id);
    const [x, y] = await Promise.all(
      [onCallOfficer, backupOfficer].map((who) =>
        t.request('POST', `/api/v1/coordination/requests/${id}/transitions`, {
          cookie: who.cookie,
          body: { to: 'acknowledged' },
        }),
      ),
    );
    expect([x!.status, y!.status].sort()).toEqual([200, 409]);
    const loser = x!.status === 409 ? x! : y!;
    const winner = x!.status === 200 ? x! : y!;
    expect(loser.body.error.code).toBe('ALREADY_ACKNOWLEDGED');
    expect(loser.body.error.details.acknowledgedBy.displayName).toBe(winner.body.acknowledgedBy.displayName);
  });
});
