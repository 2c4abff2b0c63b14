import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { CoordinationUnitRow } from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let requester: Who;
let officer: Who;
let otherOfficer: Who;
let observer: Who;
let unit: CoordinationUnitRow;
let otherUnit: CoordinationUnitRow;

beforeAll(async () => {
  t = await buildTestApp();
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Speed', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Speed' });
  const fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Speed' });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  officer = await t.signedIn({ role: 'member', organisationId: labour.id });
  otherOfficer = await t.signedIn({ role: 'member', organisationId: fisheries.id });
  observer = await t.signedIn({ role: 'observer', organisationId: (await t.buildOrganisation()).id });
  unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officer.user.id] });
  otherUnit = await buildUnit(t.db, { organisationId: fisheries.id, memberIds: [otherOfficer.user.id] });
}, 180_000); // four sign-ups hash four passwords: slow on a busy shared machine
afterAll(() => t.close());

/** Sessions idle out when the clock jumps: sign in again when it moved since the last sign-in. */
const sessions = new Map<string, { cookie: string; at: number }>();
async function cookieOf(who: Who) {
  const s = sessions.get(who.user.id);
  if (s && t.clock.now().getTime() - s.at < 5 * MINUTE_MS) return s.cookie;
  const cookie = await t.login(who.user.email, who.user.password);
  sessions.set(who.user.id, { cookie, at: t.clock.now().getTime() });
  return cookie;
}
const send = async (who: Who, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.request(method, url, { cookie: await cookieOf(who), body });

/** A request into `to`, acknowledged after `ackMin` minutes and accepted `acceptMin` minutes after arrival. */
async function answered(to: CoordinationUnitRow, by: Who, ackMin: number, acceptMin: number) {
  const res = await send(requester, 'POST', '/api/v1/coordination/requests', {
    receivingUnitId: to.id,
    type: 'interpreter',
    urgency: 'high',
    province: 'TH-85',
    language: 'my',
    peopleCount: 1,
    needs: 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  const transitions = `/api/v1/coordination/requests/${id}/transitions`;
  t.clock.advance(ackMin * MINUTE_MS);
  expect((await send(by, 'POST', transitions, { to: 'acknowledged' })).status).toBe(200);
  t.clock.advance((acceptMin - ackMin) * MINUTE_MS);
  expect((await send(by, 'POST', transitions, { to: 'accepted' })).status).toBe(200);
  return id;
}

const responseTimes = async (who: Who, of: CoordinationUnitRow) => {
  const res = await send(who, 'GET', `/api/v1/coordination/units/${of.id}/response-times`);
  expect(res.status).toBe(200);
  return res.body;
};

describe("a unit's measured response times", () => {
  it('shows nothing below five requests, then the median and p90 of the last 90 days to anyone', async () => {
    // Answered long ago: outside the 90 days, it never counts.
    await answered(unit, officer, 500, 900);
    t.clock.advance(91 * DAY_MS);
    for (const [ack, accept] of [
      [2, 10],
      [4, 20],
      [6, 30],
      [8, 40],
    ])
      await answered(unit, officer, ack!, accept!);
    const four = await responseTimes(observer, unit);
    expect(four).toMatchObject({ unitId: unit.id, days: 90, minimumRequests: 5, figures: null });

    await answered(unit, officer, 60, 120);
    const five = await responseTimes(observer, unit);
    expect(five.figures).toEqual({
      received: 5,
      acknowledge: { medianMs: 6 * MINUTE_MS, p90Ms: 60 * MINUTE_MS },
      accept: { medianMs: 30 * MINUTE_MS, p90Ms: 120 * MINUTE_MS },
    });
  });

  it('counts a forwarded request for the inbox it reached, from its arrival there', async () => {
    const res = await send(requester, 'POST', '/api/v1/coordination/requests', {
      receivingUnitId: otherUnit.id,
      type: 'interpreter',
      urgency: 'high',
      province: 'TH-85',
      language: 'my',
      peopleCount: 1,
      needs: 'ล่ามภาษาเมียนมา',
    });
    const transitions = `/api/v1/coordination/requests/${res.body.id}/transitions`;
    t.clock.advance(30 * MINUTE_MS);
    expect((await send(otherOfficer, 'POST', transitions, { to: 'acknowledged' })).status).toBe(200);
    const forwarded = await send(otherOfficer, 'POST', transitions, {
      to: 'forwarded',
      reason: 'ไม่มีล่ามภาษาเมียนมาคืนนี้',
      forwardToUnitId: unit.id,
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    t.clock.advance(3 * MINUTE_MS);
    expect((await send(officer, 'POST', transitions, { to: 'acknowledged' })).status).toBe(200);
    const six = await responseTimes(requester, unit);
    expect(six.figures.received).toBe(6);
    // 2, 3 (the forwarded one, from its arrival), 4, 6, 8, 60 minutes.
    expect(six.figures.acknowledge.medianMs).toBe(4 * MINUTE_MS);
    // The unit it left has one request: too few to show.
    expect((await responseTimes(requester, otherUnit)).figures).toBeNull();
  });

  it('answers 404 for a unit that does not exist', async () => {
    const res = await send(
      requester,
      'GET',
      `/api/v1/coordination/units/${crypto.randomUUID()}/response-times`,
    );
    expect(res.status).toBe(404);
  });
});
