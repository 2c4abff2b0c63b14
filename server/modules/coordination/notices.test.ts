/**
 * In-app notifications of coordination requests: the on-call officer's bell on a new request, the backup's
 * after 15 minutes, the requester's on each move the unit makes, the acknowledging officer's when it is
 * rated, the unit's on-call officer (and heads, on a breach) when a response-time target runs out;
 * nobody else's, and never the request's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { CoordinationUnitRow } from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { runEscalations } from './escalation.ts';
import { runSlaAlerts } from './sla-jobs.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let requester: Who;
let onCall: Who;
let backup: Who;
let outsider: Who;
let head: Who;
let unit: CoordinationUnitRow;

const NEEDS = 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้';
const CONTEXT = 'ผู้เสียหายสองคนหนีออกจากเรือประมง';
const LAYER = { rotation: 'daily', handoverTime: '08:30', startsOn: '2026-11-01', restriction: null };

beforeAll(async () => {
  t = await buildTestApp({ config: { sessionIdleMs: 30 * DAY_MS, sessionAbsoluteMs: 60 * DAY_MS } });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Notices', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Notices' });
  const other = await t.buildOrganisation({ nameEn: 'Other Notices', sector: 'civil_society' });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  onCall = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Anong' });
  backup = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Boonmee' });
  head = await t.signedIn({ role: 'member', organisationId: labour.id });
  outsider = await t.signedIn({ role: 'org_admin', organisationId: other.id });
  unit = await buildUnit(t.db, {
    organisationId: labour.id,
    memberIds: [onCall.user.id, backup.user.id],
    heads: [head.user.id],
  });
  for (const [level, who] of [
    ['primary', onCall],
    ['backup', backup],
  ] as const) {
    const res = await t.request('POST', `/api/v1/coordination/units/${unit.id}/roster/layers`, {
      cookie: head.cookie,
      body: { ...LAYER, level, name: level, memberIds: [who.user.id] },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => t.close());

const tick = () => runEscalations(t.deps);
async function notificationsOf(who: Who) {
  const res = await t.request('GET', '/api/v1/notifications?limit=50', { cookie: who.cookie });
  expect(res.status).toBe(200);
  return res.body.items as {
    id: string;
    kind: string;
    reason: string;
    problem: unknown;
    request: {
      id: string;
      type: string;
      urgency: string;
      toState: string | null;
      escalationTarget: string | null;
      score: number | null;
      slaTarget: string | null;
    } | null;
  }[];
}
const about = async (who: Who, requestId: string) =>
  (await notificationsOf(who)).filter((n) => n.request?.id === requestId);
const unread = async (who: Who) =>
  (await t.request('GET', '/api/v1/notifications/unread-count', { cookie: who.cookie })).body
    .unread as number;
const move = (who: Who, id: string, body: Record<string, unknown>) =>
  t.request('POST', `/api/v1/coordination/requests/${id}/transitions`, { cookie: who.cookie, body });

describe('notifications of a coordination request', () => {
  it('ring the on-call officer on a new request and the backup 15 minutes later, with a link and no text', async () => {
    const created = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requester.cookie,
      body: {
        receivingUnitId: unit.id,
        type: 'interpreter',
        urgency: 'critical',
        province: 'TH-85',
        language: 'my',
        peopleCount: 2,
        needs: NEEDS,
        context: CONTEXT,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const unreadBefore = await unread(onCall);
    await tick();
    const [ring] = await about(onCall, id);
    expect(ring).toMatchObject({
      kind: 'escalated',
      reason: 'escalation',
      problem: null,
      request: { id, type: 'interpreter', urgency: 'critical', escalationTarget: 'on_call', toState: null },
    });
    expect(await unread(onCall)).toBe(unreadBefore + 1);
    expect(await about(backup, id)).toEqual([]);

    t.clock.advance(15 * MINUTE_MS);
    await tick();
    expect((await about(backup, id)).map((n) => n.request?.escalationTarget)).toEqual(['backup']);
    // The on-call officer is not rung twice for the same step.
    expect(await about(onCall, id)).toHaveLength(1);

    // Nothing of the request's text travels in a notification.
    for (const who of [onCall, backup]) {
      const body = JSON.stringify(await notificationsOf(who));
      expect(body).not.toContain('สภ.เมืองระนอง');
      expect(body).not.toContain('เรือประมง');
    }
  });

  it('tell the requester of each move the unit makes, and the acknowledging officer of the rating', async () => {
    const created = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requester.cookie,
      body: {
        receivingUnitId: unit.id,
        type: 'interpreter',
        urgency: 'high',
        province: 'TH-85',
        peopleCount: 1,
        needs: NEEDS,
      },
    });
    const id = created.body.id as string;
    for (const body of [
      { to: 'acknowledged' },
      { to: 'accepted' },
      { to: 'in_progress' },
      { to: 'done', outcome: 'successful' },
    ])
      expect((await move(backup, id, body)).status).toBe(200);
    const toRequester = await about(requester, id);
    expect(toRequester.map((n) => [n.kind, n.reason, n.request?.toState])).toEqual([
      ['state_changed', 'my_request', 'done'],
      ['state_changed', 'my_request', 'in_progress'],
      ['state_changed', 'my_request', 'accepted'],
      ['state_changed', 'my_request', 'acknowledged'],
    ]);
    // Officers are not told of their own moves.
    expect((await about(backup, id)).filter((n) => n.kind === 'state_changed')).toEqual([]);

    const rated = await t.request('PUT', `/api/v1/coordination/requests/${id}/rating`, {
      cookie: requester.cookie,
      body: { score: 5, comment: 'มาเร็วมาก' },
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    const [rating] = (await about(backup, id)).filter((n) => n.kind === 'rated');
    expect(rating).toMatchObject({ reason: 'handling', request: { id, score: 5 } });
    expect(JSON.stringify(rating)).not.toContain('มาเร็วมาก');
    // Another organisation hears nothing of it.
    expect(await about(outsider, id)).toEqual([]);
  });

  it('tell the acknowledging officer when the requester cancels', async () => {
    const created = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requester.cookie,
      body: {
        receivingUnitId: unit.id,
        type: 'other',
        urgency: 'normal',
        province: 'TH-85',
        peopleCount: 1,
        needs: NEEDS,
      },
    });
    const id = created.body.id as string;
    expect((await move(onCall, id, { to: 'acknowledged' })).status).toBe(200);
    expect((await move(requester, id, { to: 'cancelled', reason: 'ได้ล่ามจากที่อื่นแล้ว' })).status).toBe(200);
    expect((await about(onCall, id)).map((n) => [n.reason, n.request?.toState])).toEqual([
      ['handling', 'cancelled'],
    ]);
    expect(await about(backup, id)).toEqual([]);
  });

  it('open the request and are marked read like any other', async () => {
    const [first] = await notificationsOf(requester);
    const read = await t.request('POST', `/api/v1/notifications/${first!.id}/read`, {
      cookie: requester.cookie,
    });
    expect(read.status).toBe(200);
    const detail = await t.request('GET', `/api/v1/coordination/requests/${first!.request!.id}`, {
      cookie: requester.cookie,
    });
    expect(detail.status).toBe(200);
  });

  it('warn the on-call officer once at 80 % of a target, and tell the heads too of a breach, never the requester', async () => {
    const created = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requester.cookie,
      body: {
        receivingUnitId: unit.id,
        type: 'interpreter',
        urgency: 'critical',
        province: 'TH-85',
        peopleCount: 1,
        needs: NEEDS,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const sla = async (who: Who) =>
      (await about(who, id))
        .filter((n) => n.kind.startsWith('sla_'))
        .map((n) => [n.kind, n.reason, n.request?.slaTarget]);

    // 12 of the 15 minutes to acknowledge: a warning, once across two runs of the job.
    t.clock.advance(12 * MINUTE_MS);
    await runSlaAlerts(t.deps);
    await runSlaAlerts(t.deps);
    expect(await sla(onCall)).toEqual([['sla_warning', 'unit_sla', 'acknowledge']]);
    expect(await sla(backup)).toEqual([]);
    expect(await sla(head)).toEqual([]);

    // 16 minutes: breached. The on-call officer and the head hear of it; the requester of neither.
    t.clock.advance(4 * MINUTE_MS);
    await runSlaAlerts(t.deps);
    await runSlaAlerts(t.deps);
    expect(await sla(onCall)).toEqual([
      ['sla_breached', 'unit_sla', 'acknowledge'],
      ['sla_warning', 'unit_sla', 'acknowledge'],
    ]);
    expect(await sla(head)).toEqual([['sla_breached', 'unit_sla', 'acknowledge']]);
    expect(await sla(backup)).toEqual([]);
    expect(await sla(requester)).toEqual([]);
    expect(await sla(outsider)).toEqual([]);
    expect(JSON.stringify(await notificationsOf(onCall))).not.toContain('สภ.เมืองระนอง');
  });

  it('warn every member of a unit with nobody on call', async () => {
    const org = await t.buildOrganisation({ nameEn: 'No Roster Notices' });
    const [a, b] = [
      await t.signedIn({ role: 'member', organisationId: org.id }),
      await t.signedIn({ role: 'member', organisationId: org.id }),
    ];
    const bare = await buildUnit(t.db, { organisationId: org.id, memberIds: [a.user.id, b.user.id] });
    const created = await t.request('POST', '/api/v1/coordination/requests', {
      cookie: requester.cookie,
      body: {
        receivingUnitId: bare.id,
        type: 'interpreter',
        urgency: 'critical',
        province: 'TH-85',
        peopleCount: 1,
        needs: NEEDS,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    t.clock.advance(13 * MINUTE_MS);
    await runSlaAlerts(t.deps);
    for (const who of [a, b])
      expect((await about(who, created.body.id)).map((n) => [n.kind, n.request?.slaTarget])).toEqual([
        ['sla_warning', 'acknowledge'],
      ]);
  });
});
