import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSendQueue, flushSendQueue, queuedSends, sendOrQueue } from './send-queue.ts';

/** The browser around the queue: storage, the online flag and the network (answers scripted per test). */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

type Sent = { path: string; key: string | undefined; body: unknown };
let sent: Sent[];
let answers: (() => Response | Promise<never>)[];
const offline = { onLine: false };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const networkDown = () => Promise.reject(new TypeError('Failed to fetch'));

beforeEach(() => {
  sent = [];
  answers = [];
  offline.onLine = true;
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('navigator', offline);
  vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({
      path: url.replace('/api/v1', ''),
      key: headers['Idempotency-Key'],
      body: JSON.parse(String(init.body)),
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer scripted');
    return answer();
  });
});
afterEach(() => {
  clearSendQueue('u1');
  clearSendQueue('u2');
  vi.unstubAllGlobals();
});

const comment = (text: string) => ({
  kind: 'problems.comment',
  path: '/problems/p1/comments',
  body: { body: text },
});

describe('the send queue', () => {
  it('sends at once when online, with a new key for every submission', async () => {
    answers.push(
      () => json(201, { id: 'c1' }),
      () => json(201, { id: 'c2' }),
    );
    expect(await sendOrQueue('u1', comment('a'))).toEqual({ status: 'sent', result: { id: 'c1' } });
    await sendOrQueue('u1', comment('b'));
    expect(sent[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
    expect(queuedSends('u1')).toEqual([]);
  });

  it('queues offline without trying the network, then resends with the same key', async () => {
    offline.onLine = false;
    const outcome = await sendOrQueue('u1', comment('ออฟไลน์'));
    expect(outcome.status).toBe('queued');
    expect(sent).toEqual([]);
    expect(queuedSends('u1')).toHaveLength(1);
    expect(queuedSends('u2')).toEqual([]);

    offline.onLine = true;
    answers.push(() => json(201, { id: 'c1' }));
    expect(await flushSendQueue('u1')).toBe(1);
    expect(sent).toEqual([
      {
        path: '/problems/p1/comments',
        key: outcome.status === 'queued' && outcome.item.key,
        body: { body: 'ออฟไลน์' },
      },
    ]);
    expect(queuedSends('u1')).toEqual([]);
  });

  it('queues a submission whose request failed on the way, and resends it with that key', async () => {
    answers.push(networkDown);
    await sendOrQueue('u1', comment('สัญญาณหลุด'));
    answers.push(() => json(201, { id: 'c1' }));
    await flushSendQueue('u1');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.key).toBe(sent[0]!.key);
  });

  it('keeps the order and stops at the first sign the link is still down', async () => {
    offline.onLine = false;
    await sendOrQueue('u1', comment('หนึ่ง'));
    await sendOrQueue('u1', comment('สอง'));
    offline.onLine = true;
    answers.push(networkDown);
    expect(await flushSendQueue('u1')).toBe(0);
    expect(sent.map((s) => s.body)).toEqual([{ body: 'หนึ่ง' }]);
    expect(queuedSends('u1').map((i) => i.body)).toEqual([{ body: 'หนึ่ง' }, { body: 'สอง' }]);

    // The first attempt of the first is still being answered: try again later, in the same order.
    answers.push(() => json(409, { error: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT', message: 'wait' } }));
    expect(await flushSendQueue('u1')).toBe(0);
    answers.push(
      () => json(201, { id: 'c1' }),
      () => json(201, { id: 'c2' }),
    );
    expect(await flushSendQueue('u1')).toBe(2);
    expect(queuedSends('u1')).toEqual([]);
  });

  it('marks what the server refuses as not sent and never sends it again', async () => {
    offline.onLine = false;
    await sendOrQueue('u1', comment('ปัญหาถูกปิดแล้ว'));
    await sendOrQueue('u1', comment('ถัดไป'));
    offline.onLine = true;
    answers.push(
      () => json(404, { error: { code: 'NOT_FOUND', message: 'Problem not found' } }),
      () => json(201, { id: 'c2' }),
    );
    expect(await flushSendQueue('u1')).toBe(1);
    expect(queuedSends('u1')).toMatchObject([
      { body: { body: 'ปัญหาถูกปิดแล้ว' }, failed: { status: 404, code: 'NOT_FOUND' } },
    ]);
    expect(await flushSendQueue('u1')).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it('forgets a user’s queue when they sign out, and only theirs', async () => {
    offline.onLine = false;
    await sendOrQueue('u1', comment('ของฉัน'));
    await sendOrQueue('u2', comment('ของอีกคน'));
    clearSendQueue('u1');
    expect(queuedSends('u1')).toEqual([]);
    expect(queuedSends('u2')).toHaveLength(1);
  });
});
