/**
 * Coordination escalations on LINE and their "รับทราบ / Acknowledge" quick reply, against the local fake of
 * the Messaging API and the signed webhook simulator; and what no LINE payload may ever carry.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import { auditEvents, type CoordinationUnitRow, lineOutbox } from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { FakeLine, lineEvent, lineSimulator, newLineUserId } from '../../test/fake-line.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { runEscalations } from '../coordination/index.ts';
import { notificationRuntimeOf } from '../notifications/index.ts';
import { drainLineOutbox } from './sender.ts';

const fake = new FakeLine();
let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let requester: Who;
let onCall: Who;
let backup: Who;
let admin: Who;
let labourAdmin: Who;
let unit: CoordinationUnitRow;
let labourId: string;
const lines = new Map<string, string>();
const { webhook, link } = lineSimulator(() => t, fake);

const NEEDS = 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้';
const CONTEXT = 'ผู้เสียหายสองคนหนีออกจากเรือประมงศรีสมุทร';
const VAULT_NAME = 'นางสาวมะเมียะ ทดสอบ';
const VAULT_PASSPORT = 'MQ7654321';
const PROBLEM_TITLE = 'ลูกเรือถูกยึดหนังสือเดินทางที่ท่าเรือกันตัง';
const PROBLEM_BODY = 'นายจ้างชื่อ เสี่ยสมบัติ ยึดเอกสารลูกเรือ 12 คน';

beforeAll(async () => {
  // Sessions outlive the day the clock is moved on; expiry is not what this file tests.
  t = await buildTestApp({
    config: { line: await fake.start(), sessionIdleMs: 30 * DAY_MS, sessionAbsoluteMs: 60 * DAY_MS },
  });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Test', nameTh: 'มูลนิธิกระจกทดสอบ' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Protection Test' });
  const centre = await t.buildOrganisation({ nameEn: 'Centre Test' });
  labourId = labour.id;
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id, displayName: 'Requester Pim' });
  onCall = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Anong' });
  backup = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Boonmee' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  labourAdmin = await t.signedIn({ role: 'org_admin', organisationId: labour.id });
  unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [onCall.user.id, backup.user.id] });
  for (const [level, who] of [
    ['primary', onCall],
    ['backup', backup],
  ] as const) {
    const res = await t.request('POST', `/api/v1/coordination/units/${unit.id}/roster/layers`, {
      cookie: admin.cookie,
      body: {
        rotation: 'daily',
        handoverTime: '08:30',
        startsOn: '2026-11-01',
        restriction: null,
        level,
        name: level,
        memberIds: [who.user.id],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  for (const who of [onCall, backup, labourAdmin]) lines.set(who.user.id, (await link(who)).lineUserId);
});
afterAll(async () => {
  await t?.close();
  await fake.close();
});

/** A critical request with free text and victim data in its vault, escalated to the on-call officer. */
async function escalatedRequest() {
  const res = await t.request('POST', '/api/v1/coordination/requests', {
    cookie: requester.cookie,
    body: {
      type: 'interpreter',
      urgency: 'critical',
      province: 'TH-85',
      language: 'my',
      peopleCount: 2,
      ageBands: ['18_59'],
      sexes: ['female'],
      nationalities: ['myanmar'],
      needs: NEEDS,
      context: CONTEXT,
      receivingUnitId: unit.id,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  for (const entry of [
    { kind: 'name', value: VAULT_NAME },
    { kind: 'passport', value: VAULT_PASSPORT },
  ]) {
    const added = await t.request('POST', `/api/v1/coordination/requests/${id}/vault/entries`, {
      cookie: requester.cookie,
      body: entry,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  await runEscalations(t.deps);
  return id;
}

/** Pushes what is due and returns the pushes that reached one person's LINE account. */
async function pushedTo(who: Who) {
  const before = fake.pushes().length;
  await drainLineOutbox(t.deps);
  return fake
    .pushes()
    .slice(before)
    .filter((p) => p.body.to === lines.get(who.user.id));
}
const ackButton = (push: { body: any }) => push.body.messages[0].quickReply?.items[0]?.action;
const tap = (who: Who, data: string, extra: object = {}) =>
  webhook([lineEvent('postback', lines.get(who.user.id)!, { postback: { data }, ...extra })]);
const requestOf = async (id: string) =>
  (await t.request('GET', `/api/v1/coordination/requests/${id}`, { cookie: requester.cookie })).body;
const stateChanges = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'coordination.request_state_changed'), eq(auditEvents.entityId, id)));

describe('a coordination escalation on LINE', () => {
  it('reaches the on-call officer with a link and a รับทราบ quick reply; tapping it acknowledges as them', async () => {
    const id = await escalatedRequest();
    const [row] = await t.db.select().from(lineOutbox).where(eq(lineOutbox.userId, onCall.user.id));
    expect(row?.kind).toBe('criticalEscalation');
    const [push] = await pushedTo(onCall);
    expect(push!.body.messages[0].text).toContain('คำขอประสานงานวิกฤต');
    expect(push!.body.messages[0].text).toContain(`/coordination/requests/${id}`);
    const button = ackButton(push!);
    expect(button).toMatchObject({ type: 'postback', label: 'รับทราบ', displayText: 'รับทราบ' });
    expect(button.data.length).toBeLessThanOrEqual(300);

    const tapped = lineEvent('postback', lines.get(onCall.user.id)!, { postback: { data: button.data } });
    expect((await webhook([tapped])).statusCode).toBe(200);
    const request = await requestOf(id);
    expect(request.state).toBe('acknowledged');
    expect(request.acknowledgedBy.displayName).toBe('Officer Anong');
    expect(fake.lastReply()).toBe('รับทราบคำขอประสานงานแล้ว');
    const [audited] = await stateChanges(id);
    expect(audited).toMatchObject({ actorUserId: onCall.user.id, actorOrganisationId: labourId });

    // LINE redelivers the same event: handled once, no second reply, no second audit event.
    const replies = fake.replies().length;
    expect((await webhook([tapped])).statusCode).toBe(200);
    expect(fake.replies().length).toBe(replies);
    expect(await stateChanges(id)).toHaveLength(1);
    // A second tap of the same button is a new event: the officer hears they already did it.
    await tap(onCall, button.data);
    expect(fake.lastReply()).toBe('คุณรับทราบคำขอนี้ไปแล้ว');
    expect(await stateChanges(id)).toHaveLength(1);
  });

  it('tells the second officer who acknowledged first, and changes nothing', async () => {
    const id = await escalatedRequest();
    const [first] = await pushedTo(onCall);
    t.clock.advance(15 * MINUTE_MS);
    await runEscalations(t.deps);
    const [second] = await pushedTo(backup);
    await tap(backup, ackButton(second!).data);
    expect((await requestOf(id)).acknowledgedBy.displayName).toBe('Officer Boonmee');

    await tap(onCall, ackButton(first!).data);
    expect(fake.lastReply()).toBe('Officer Boonmee รับทราบคำขอนี้ไปก่อนแล้ว');
    expect((await requestOf(id)).acknowledgedBy.displayName).toBe('Officer Boonmee');
    expect(await stateChanges(id)).toHaveLength(1);
  });

  it('says so when the button has expired, and acknowledges nothing', async () => {
    const id = await escalatedRequest();
    const [push] = await pushedTo(onCall);
    t.clock.advance(DAY_MS + MINUTE_MS);
    await tap(onCall, ackButton(push!).data);
    expect(fake.lastReply()).toBe('ปุ่มรับทราบนี้หมดอายุแล้ว เปิดคำขอจากลิงก์ในข้อความด้านบน');
    expect((await requestOf(id)).state).toBe('submitted');
    expect(await stateChanges(id)).toEqual([]);
  });

  it('refuses a button tapped from another LINE account, an altered one, and an unlinked account', async () => {
    const id = await escalatedRequest();
    const [push] = await pushedTo(onCall);
    const data: string = ackButton(push!).data;
    // Forwarded into the backup's chat and tapped there: the token names the on-call officer.
    await tap(backup, data);
    expect(fake.lastReply()).toBe('รับทราบผ่าน LINE ไม่ได้ เปิดคำขอจากลิงก์ในข้อความด้านบน');
    await tap(onCall, `${data.slice(0, -3)}AAA`);
    expect(fake.lastReply()).toBe('รับทราบผ่าน LINE ไม่ได้ เปิดคำขอจากลิงก์ในข้อความด้านบน');
    await webhook([lineEvent('postback', newLineUserId(), { postback: { data } })]);
    expect(fake.lastReply()).toContain('ยังไม่ได้เชื่อมกับ TIPNet');
    expect((await requestOf(id)).state).toBe('submitted');
    expect(await stateChanges(id)).toEqual([]);
  });
});

describe('what LINE never carries', () => {
  it('no push or reply holds the problem text, the reporter, the request text or vault data', async () => {
    // A problem raised by the requester's organisation and assigned to the officers' organisation.
    const raised = await t.request('POST', '/api/v1/problems', {
      cookie: requester.cookie,
      body: {
        type: 'problem',
        title: PROBLEM_TITLE,
        body: PROBLEM_BODY,
        category: 'victim_identification',
        provinces: ['TH-85'],
        sectors: ['government'],
        anonymous: false,
      },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const assigned = await t.request('POST', `/api/v1/problems/${raised.body.id}/assign`, {
      cookie: admin.cookie,
      body: { organisationIds: [labourId], leadOrganisationId: labourId },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    await notificationRuntimeOf(t.app).dispatch();
    expect((await pushedTo(labourAdmin)).map((p) => p.body.messages[0].text).join()).toContain(
      `/problems/${raised.body.id}`,
    );

    // Every request TIPNet made of LINE in this file: escalations, quick replies, replies and the above.
    const payloads = fake.requests.map((r) => JSON.stringify(r.body ?? ''));
    expect(payloads.some((p) => p.includes('รับทราบ'))).toBe(true);
    for (const secret of [
      NEEDS,
      CONTEXT,
      'เรือประมง',
      VAULT_NAME,
      VAULT_PASSPORT,
      PROBLEM_TITLE,
      PROBLEM_BODY,
      'เสี่ยสมบัติ',
      'Requester Pim',
      requester.user.email,
      'มูลนิธิกระจกทดสอบ',
      'Mirror Test',
    ])
      for (const payload of payloads) expect(payload).not.toContain(secret);
  });
});
