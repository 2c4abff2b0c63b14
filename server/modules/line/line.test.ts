/**
 * LINE as a notification channel, against a local fake of the Messaging API (the only thing outside the
 * machine) and a webhook simulator that signs bodies like LINE does.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvents,
  lineLinks,
  lineOutbox,
  linePreferences,
  lineWebhookEvents,
} from '../../db/schema/index.ts';
import {
  lineEvent as event,
  FakeLine,
  lineSimulator,
  newLineUserId as lineUser,
  signLine as sign,
} from '../../test/fake-line.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { notificationRuntimeOf } from '../notifications/index.ts';
import { drainLineOutbox, pruneLine, queueLineDigests } from './sender.ts';

const fake = new FakeLine();
let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signedIn']>>;
let fisheriesAdmin: Person;
let reporter: Person;
let admin: Person;
let fisheriesId: string;
const { webhook, link } = lineSimulator(() => t, fake);

async function raiseAndAssign() {
  const title = `ล่ามภาษาเมียนมาไม่พอที่ท่าเรือ ${randomUUID().slice(0, 4)}`;
  const body = 'ลูกเรือชื่อ สมชาย ใจดี ถูกกักตัวที่ท่าเรือระนอง';
  const res = await t.request('POST', '/api/v1/problems', {
    cookie: reporter.cookie,
    body: {
      type: 'problem',
      title,
      body,
      category: 'victim_identification',
      provinces: ['TH-85'],
      sectors: ['government'],
      anonymous: true,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const assigned = await t.request('POST', `/api/v1/problems/${res.body.id}/assign`, {
    cookie: admin.cookie,
    body: { organisationIds: [fisheriesId], leadOrganisationId: fisheriesId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  await notificationRuntimeOf(t.app).dispatch();
  return { id: res.body.id as string, title, body };
}

const outboxOf = (userId: string) => t.db.select().from(lineOutbox).where(eq(lineOutbox.userId, userId));

beforeAll(async () => {
  t = await buildTestApp({ config: { line: await fake.start() } });
  const fisheries = await t.buildOrganisation({ nameEn: 'Department of Fisheries', nameTh: 'กรมประมง' });
  fisheriesId = fisheries.id;
  const ngo = await t.buildOrganisation({ nameEn: 'Lantern Foundation', nameTh: 'มูลนิธิโคมไฟ' });
  const centre = await t.buildOrganisation({ nameEn: 'The Centre' });
  fisheriesAdmin = await t.signedIn({ organisationId: fisheries.id, role: 'org_admin', language: 'th' });
  reporter = await t.signedIn({ organisationId: ngo.id, role: 'member' });
  admin = await t.signedIn({ organisationId: centre.id, role: 'admin' });
});
afterAll(async () => {
  await t?.close();
  await fake.close();
});
beforeEach(async () => {
  fake.pushScript = [];
  // Each test starts unlinked with an empty LINE outbox.
  await t.db.delete(lineOutbox);
  await t.db.delete(lineLinks);
});

describe('the LINE webhook', () => {
  it('refuses a bad signature with 401, audited, and does nothing else', async () => {
    const before = fake.requests.length;
    const e = event('follow', lineUser());
    const res = await webhook([e], { signature: sign('something else') });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('BAD_SIGNATURE');
    expect(
      (await webhook([e], { signature: sign(JSON.stringify({ events: [e] }), 'wrong-secret-0123456789') }))
        .statusCode,
    ).toBe(401);
    expect(fake.requests.length).toBe(before);
    const stored = await t.db
      .select()
      .from(lineWebhookEvents)
      .where(eq(lineWebhookEvents.webhookEventId, e.webhookEventId));
    expect(stored).toEqual([]);
    const rejected = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'line.webhook_rejected'));
    expect(rejected.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a body that is not JSON before anything else', async () => {
    const payload = '{"events": [';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/line/webhook',
      headers: { 'content-type': 'application/json', 'x-line-signature': sign(payload) },
      payload,
    });
    expect(res.statusCode).toBe(400);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/line/webhook',
      headers: { 'content-type': 'text/plain', 'x-line-signature': sign('{}') },
      payload: '{}',
    });
    expect(form.statusCode).toBe(415);
  });

  it('links LINE end to end, and refuses the same nonce a second time', async () => {
    const { lineUserId, nonce } = await link(fisheriesAdmin);
    const status = await t.request('GET', '/api/v1/line/me', { cookie: fisheriesAdmin.cookie });
    expect(status.body).toMatchObject({
      configured: true,
      linked: true,
      addFriendUrl: 'https://line.me/R/ti/p/@tipnet-test',
    });
    expect(fake.replies().at(-1)!.body.messages[0].text).toContain('เชื่อมต่อ LINE กับ TIPNet แล้ว');

    // Someone replaying the nonce from another LINE account gets nothing.
    const thief = lineUser();
    await webhook([event('accountLink', thief, { link: { result: 'ok', nonce } })]);
    const links = await t.db.select().from(lineLinks).where(eq(lineLinks.userId, fisheriesAdmin.user.id));
    expect(links.map((l) => l.lineUserId)).toEqual([lineUserId]);
    expect(fake.replies().at(-1)!.body.messages[0].text).toContain('เชื่อมต่อไม่สำเร็จ');
  });

  it('refuses an expired nonce', async () => {
    const lineUserId = lineUser();
    const start = await t.request('POST', '/api/v1/line/link', {
      cookie: reporter.cookie,
      body: { linkToken: 'abc123' },
    });
    const nonce = new URL(start.body.redirectUrl).searchParams.get('nonce')!;
    t.clock.advance(11 * 60_000);
    await webhook([event('accountLink', lineUserId, { link: { result: 'ok', nonce } })]);
    expect((await t.request('GET', '/api/v1/line/me', { cookie: reporter.cookie })).body.linked).toBe(false);
  });

  it('handles a redelivered event once', async () => {
    const e = event('follow', lineUser());
    const linkTokens = () => fake.requests.filter((r) => r.path.endsWith('/linkToken')).length;
    const before = linkTokens();
    expect((await webhook([e])).statusCode).toBe(200);
    expect((await webhook([e])).statusCode).toBe(200);
    expect(linkTokens()).toBe(before + 1);
  });

  it('clears the link on unfollow (the user blocked the account), and nothing queued is sent', async () => {
    const { lineUserId } = await link(fisheriesAdmin);
    await raiseAndAssign();
    expect((await outboxOf(fisheriesAdmin.user.id)).map((r) => r.status)).toEqual(['pending']);
    await webhook([event('unfollow', lineUserId, { replyToken: undefined })]);
    expect((await t.request('GET', '/api/v1/line/me', { cookie: fisheriesAdmin.cookie })).body.linked).toBe(
      false,
    );
    const pushes = fake.pushes().length;
    await drainLineOutbox(t.deps);
    expect(fake.pushes().length).toBe(pushes);
    expect((await outboxOf(fisheriesAdmin.user.id)).map((r) => r.status)).toEqual(['failed']);
    const [unlinked] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'line.unlinked'), eq(auditEvents.entityId, fisheriesAdmin.user.id)));
    expect(unlinked?.changes).toEqual({ by: 'unfollow' });
  });

  it('unlinks from TIPNet settings', async () => {
    await link(reporter);
    expect((await t.request('DELETE', '/api/v1/line/link', { cookie: reporter.cookie })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/line/me', { cookie: reporter.cookie })).body.linked).toBe(false);
  });
});

describe('pushing notifications to LINE', () => {
  it('pushes a new assignment in Thai, with a link and nothing of the problem, reporter or victim', async () => {
    const { lineUserId } = await link(fisheriesAdmin);
    const problem = await raiseAndAssign();
    const before = fake.pushes().length;
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [push] = fake.pushes().slice(before);
    expect(push!.body.to).toBe(lineUserId);
    const text: string = push!.body.messages[0].text;
    expect(text).toContain('มีการมอบหมายปัญหาใน TIPNet');
    expect(text).toContain(`/problems/${problem.id}`);
    const payload = JSON.stringify(push!.body);
    for (const secret of [
      problem.title,
      problem.body,
      'สมชาย',
      'มูลนิธิโคมไฟ',
      'Lantern',
      reporter.user.email,
      reporter.user.displayName,
    ])
      expect(payload).not.toContain(secret);
    expect(push!.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
    // Sent once: another drain has nothing to do.
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('retries a 5xx and a 429 later with the same retry key, and sends once', async () => {
    await link(fisheriesAdmin);
    await raiseAndAssign();
    fake.pushScript = [500, 429];
    const before = fake.pushes().length;
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // Not yet due: backing off.
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(61_000);
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // The 429's Retry-After (120 s) is shorter than the second backoff (5 min): the longer one wins.
    t.clock.advance(121_000);
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(300_000);
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const tries = fake.pushes().slice(before);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((p) => p.headers['x-line-retry-key'])).size).toBe(1);
    const [row] = await outboxOf(fisheriesAdmin.user.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('gives up at once on a 400 (it would fail the same way again)', async () => {
    await link(fisheriesAdmin);
    await raiseAndAssign();
    fake.pushScript = [400];
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 1 });
  });

  it('respects the preferences: off sends nothing, daily folds into one digest message', async () => {
    await link(fisheriesAdmin);
    const prefs = await t.request('GET', '/api/v1/line/preferences', { cookie: fisheriesAdmin.cookie });
    expect(prefs.body).toMatchObject({
      assignedToMyOrganisation: 'immediately',
      followed: 'off',
      criticalEscalation: 'immediately',
    });
    const off = await t.request('PUT', '/api/v1/line/preferences', {
      cookie: fisheriesAdmin.cookie,
      body: { ...prefs.body, assignedToMyOrganisation: 'off' },
    });
    expect(off.status).toBe(200);
    await raiseAndAssign();
    expect(await outboxOf(fisheriesAdmin.user.id)).toEqual([]);

    await t.request('PUT', '/api/v1/line/preferences', {
      cookie: fisheriesAdmin.cookie,
      body: { ...prefs.body, assignedToMyOrganisation: 'daily' },
    });
    await raiseAndAssign();
    await raiseAndAssign();
    expect((await outboxOf(fisheriesAdmin.user.id)).map((r) => r.status)).toEqual(['digest', 'digest']);
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const slot = new Date(t.clock.now().getTime() + 1000);
    expect(await queueLineDigests(t.deps, slot)).toBe(1);
    expect(await queueLineDigests(t.deps, slot)).toBe(0);
    const before = fake.pushes().length;
    expect(await drainLineOutbox(t.deps)).toMatchObject({ sent: 1 });
    expect(fake.pushes()[before]!.body.messages[0].text).toContain('มีการแจ้งเตือนใหม่ 2 รายการใน TIPNet');
    await t.request('PUT', '/api/v1/line/preferences', { cookie: fisheriesAdmin.cookie, body: prefs.body });
  });

  it('shows the Centre the quota used this month, warning at 80 %', async () => {
    const res = await t.request('GET', '/api/v1/line/quota', { cookie: admin.cookie });
    expect(res.body).toMatchObject({ configured: true, limit: 1000, used: 850, warn: true });
    expect((await t.request('GET', '/api/v1/line/quota', { cookie: reporter.cookie })).status).toBe(403);
  });
});

describe("the Centre's LINE deliveries", () => {
  it('lists kind, recipient and state without the text, and sends a failed one again with its retry key', async () => {
    await link(fisheriesAdmin);
    await raiseAndAssign();
    fake.pushScript = [400];
    const before = fake.pushes().length;
    expect(await drainLineOutbox(t.deps)).toMatchObject({ failed: 1 });

    const list = await t.request('GET', '/api/v1/line/deliveries?status=failed', { cookie: admin.cookie });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        kind: 'assignedToMyOrganisation',
        status: 'failed',
        attempts: 1,
        recipient: { id: fisheriesAdmin.user.id, displayName: fisheriesAdmin.user.displayName },
        recipientLinked: true,
        lastError: expect.stringContaining('answered 400'),
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('TIPNet');
    expect(list.body.items[0]).not.toHaveProperty('text');
    expect((await t.request('GET', '/api/v1/line/deliveries', { cookie: reporter.cookie })).status).toBe(403);

    const id = list.body.items[0].id;
    const retried = await t.request('POST', `/api/v1/line/deliveries/${id}/retry`, { cookie: admin.cookie });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await t.request('POST', `/api/v1/line/deliveries/${id}/retry`, { cookie: admin.cookie });
    expect([again.status, again.body.error.code]).toEqual([409, 'LINE_DELIVERY_NOT_FAILED']);
    expect(await drainLineOutbox(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const tries = fake.pushes().slice(before);
    expect(tries).toHaveLength(2);
    expect(tries[1]!.headers['x-line-retry-key']).toBe(tries[0]!.headers['x-line-retry-key']);
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'line.delivery_retried'), eq(auditEvents.entityId, id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorUserId).toBe(admin.user.id);
  });

  it('refuses to send again to someone who unlinked LINE', async () => {
    await link(fisheriesAdmin);
    await raiseAndAssign();
    fake.pushScript = [400];
    await drainLineOutbox(t.deps);
    await t.request('DELETE', '/api/v1/line/link', { cookie: fisheriesAdmin.cookie });
    const [row] = await outboxOf(fisheriesAdmin.user.id);
    const res = await t.request('POST', `/api/v1/line/deliveries/${row!.id}/retry`, { cookie: admin.cookie });
    expect([res.status, res.body.error.code]).toEqual([409, 'LINE_NOT_LINKED']);
    expect((await outboxOf(fisheriesAdmin.user.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('someone who left', () => {
  it('loses the LINE link, preferences and what waited when anonymised; LINE gets nothing more', async () => {
    const leaver = await t.signedIn({ organisationId: fisheriesId, role: 'org_admin' });
    const { lineUserId } = await link(leaver);
    // A colleague stays linked: pushes still go out, only not to the one who left.
    await link(fisheriesAdmin);
    const prefs = await t.request('PUT', '/api/v1/line/preferences', {
      cookie: leaver.cookie,
      body: {
        myProblems: 'immediately',
        assignedToMyOrganisation: 'immediately',
        followed: 'daily',
        mentions: 'immediately',
        coordination: 'immediately',
        criticalEscalation: 'immediately',
      },
    });
    expect(prefs.status).toBe(200);
    await raiseAndAssign();
    expect((await outboxOf(leaver.user.id)).map((r) => r.status)).toEqual(['pending']);

    const gone = await t.request('POST', `/api/v1/users/${leaver.user.id}/anonymise`, {
      cookie: admin.cookie,
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(await t.db.select().from(lineLinks).where(eq(lineLinks.lineUserId, lineUserId))).toEqual([]);
    expect(
      await t.db.select().from(linePreferences).where(eq(linePreferences.userId, leaver.user.id)),
    ).toEqual([]);
    expect(await outboxOf(leaver.user.id)).toMatchObject([
      { status: 'failed', lastError: 'recipient anonymised' },
    ]);
    const before = fake.pushes().length;
    await raiseAndAssign();
    await drainLineOutbox(t.deps);
    const pushes = fake.pushes().slice(before);
    expect(pushes.length).toBe(2);
    expect(pushes.filter((p) => p.body.to === lineUserId)).toEqual([]);
  });
});

describe('housekeeping', () => {
  it('forgets old webhook event ids and finished messages, keeping what is still waiting', async () => {
    await link(fisheriesAdmin);
    await raiseAndAssign();
    await drainLineOutbox(t.deps);
    await raiseAndAssign();
    fake.pushScript = [500];
    await drainLineOutbox(t.deps);
    t.clock.advance(31 * 24 * 3600_000);
    await pruneLine(t.deps);
    expect(await t.db.select().from(lineWebhookEvents)).toEqual([]);
    expect((await outboxOf(fisheriesAdmin.user.id)).map((r) => r.status)).toEqual(['pending']);
  });
});

describe('without LINE configured', () => {
  it('is off: settings say so, linking is refused, the webhook does not exist, nothing is queued', async () => {
    const off = await buildTestApp();
    try {
      const person = await off.signedIn({ role: 'member' });
      const status = await off.request('GET', '/api/v1/line/me', { cookie: person.cookie });
      expect(status.body).toEqual({
        configured: false,
        addFriendUrl: null,
        addFriendQrSvg: null,
        linked: false,
        linkedAt: null,
      });
      const start = await off.request('POST', '/api/v1/line/link', {
        cookie: person.cookie,
        body: { linkToken: 'abc' },
      });
      expect(start.status).toBe(409);
      const payload = JSON.stringify({ events: [] });
      const hook = await off.app.inject({
        method: 'POST',
        url: '/api/v1/line/webhook',
        headers: { 'content-type': 'application/json', 'x-line-signature': sign(payload) },
        payload,
      });
      expect(hook.statusCode).toBe(404);
      expect(await drainLineOutbox(off.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await off.close();
    }
  });
});
