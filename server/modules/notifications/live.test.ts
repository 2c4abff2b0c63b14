import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { closeDeps, createDeps } from '../../runtime.ts';
import { buildNotification } from '../../test/notification-factories.ts';
import { openSse, type SseClient, unreadCounts } from '../../test/sse-client.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { notificationRuntimeOf } from './runtime-registry.ts';

let t: TestApp;
let base: string;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const c of open) c.close();
  await t.close();
});

const runtime = () => notificationRuntimeOf(t.app);
async function stream(cookie?: string, app = base) {
  const c = await openSse(app, '/api/v1/notifications/stream', cookie);
  open.push(c);
  return c;
}
const until = async (check: () => boolean, timeoutMs = 3_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the live unread count (Server-Sent Events)', () => {
  it('needs a session', async () => {
    const c = await stream();
    await c.ended;
    expect(c.status).toBe(401);
    expect(JSON.parse(c.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('sends the count on connecting and again whenever it changes', async () => {
    const me = await t.signedIn();
    await buildNotification(t.db, { recipientUserId: me.user.id });
    const c = await stream(me.cookie);
    expect(c.status).toBe(200);
    await c.waitFor((f) => f.event === 'unread');
    expect(unreadCounts(c)).toEqual([1]);

    await buildNotification(t.db, { recipientUserId: me.user.id });
    // A notification written outside the fan-out is announced by whoever changes the count next.
    const res = await t.request('POST', '/api/v1/notifications/read-all', { cookie: me.cookie, body: {} });
    expect(res.body.unread).toBe(0);
    await until(() => unreadCounts(c).at(-1) === 0);
  });

  it('pushes a fan-out to the people it notifies, not to others', async () => {
    const reporter = await t.signedIn();
    const bystander = await t.signedIn();
    const mine = await stream(reporter.cookie);
    const theirs = await stream(bystander.cookie);
    await mine.waitFor((f) => f.event === 'unread');
    await theirs.waitFor((f) => f.event === 'unread');
    const problem = await t.request('POST', '/api/v1/problems', {
      cookie: reporter.cookie,
      body: {
        type: 'recommendation',
        title: 'ศูนย์ล่ามกลางสำหรับการคัดแยกผู้เสียหาย',
        body: 'เสนอให้มีบัญชีล่ามกลาง',
        category: 'victim_identification',
        provinces: [],
        sectors: [],
        anonymous: false,
      },
    });
    expect(problem.status).toBe(201);
    const commenter = await t.signedIn();
    const c = await t.request('POST', `/api/v1/problems/${problem.body.id}/comments`, {
      cookie: commenter.cookie,
      body: { body: 'เห็นด้วย' },
    });
    expect(c.status).toBe(201);
    // No explicit dispatch: the timeline trigger wakes the dispatcher, the fan-out signals the stream.
    await until(() => unreadCounts(mine).at(-1) === 1);
    expect(unreadCounts(theirs)).toEqual([0]);
  });

  it('keeps streams alive with heartbeats and ends them when the session ends', async () => {
    const me = await t.signedIn();
    const c = await stream(me.cookie);
    await c.waitFor((f) => f.event === 'unread');
    await runtime().heartbeat();
    await c.waitFor((f) => f.comment === 'ping');

    expect((await t.request('POST', '/api/v1/auth/logout', { cookie: me.cookie })).status).toBe(200);
    await runtime().heartbeat();
    await c.waitFor((f) => f.event === 'signed_out');
    await c.ended;
  });

  it('holds no listener per stream and forgets streams that close', async () => {
    const before = runtime().streamCount();
    const me = await t.signedIn();
    const clients = await Promise.all(Array.from({ length: 5 }, () => stream(me.cookie)));
    await Promise.all(clients.map((c) => c.waitFor((f) => f.event === 'unread')));
    expect(runtime().streamCount()).toBe(before + 5);
    expect(runtime().listenerCount()).toBe(2);
    for (const c of clients) c.close();
    await until(() => runtime().streamCount() === before);
    expect(runtime().listenerCount()).toBe(2);
  });

  it('ends open streams cleanly when the app closes', async () => {
    const other = await buildTestApp();
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const me = await other.signedIn();
    const c = await openSse(url, '/api/v1/notifications/stream', me.cookie);
    await c.waitFor((f) => f.event === 'unread');
    await other.close();
    await c.ended;
  });
});

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')('several instances on one PostgreSQL', () => {
  it('a change through instance A reaches a stream on instance B', async () => {
    const depsB = await createDeps(t.deps.config, {
      clock: t.clock,
      transport: null,
      logger: pino({ level: 'silent' }),
      poolSize: 3,
    });
    const appB = await buildApp(depsB, { logger: false, webDist: '/nonexistent-web-build' });
    try {
      const urlB = await appB.listen({ port: 0, host: '127.0.0.1' });
      const reporter = await t.signedIn();
      const onB = await stream(reporter.cookie, urlB);
      await onB.waitFor((f) => f.event === 'unread');
      expect(unreadCounts(onB)).toEqual([0]);

      // Raised and commented on through instance A (t.app): the fan-out may run on either instance.
      const problem = await t.request('POST', '/api/v1/problems', {
        cookie: reporter.cookie,
        body: {
          type: 'problem',
          title: 'ไม่มีล่ามภาษากัมพูชาที่ด่านอรัญประเทศ',
          body: 'ผู้เสียหายต้องรอล่ามนาน',
          category: 'victim_identification',
          provinces: [],
          sectors: [],
          anonymous: false,
        },
      });
      expect(problem.status).toBe(201);
      const commenter = await t.signedIn();
      await t.request('POST', `/api/v1/problems/${problem.body.id}/comments`, {
        cookie: commenter.cookie,
        body: { body: 'พบปัญหาเดียวกันที่สระแก้ว' },
      });
      await until(() => unreadCounts(onB).at(-1) === 1, 5_000);

      // Marking read on A updates B as well.
      await t.request('POST', '/api/v1/notifications/read-all', { cookie: reporter.cookie, body: {} });
      await until(() => unreadCounts(onB).at(-1) === 0, 5_000);
      onB.close();
    } finally {
      await appB.close();
      await closeDeps(depsB);
    }
  });
});
