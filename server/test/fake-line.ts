/**
 * A local fake of the LINE Messaging API (push, reply, link token, quota) that records every request, and a
 * webhook simulator that signs bodies as LINE does. Shared by the LINE tests; nothing leaves the machine.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { LineConfig } from '../config.ts';
import type { TestApp } from './test-app.ts';

export type Recorded = { method: string; path: string; headers: IncomingMessage['headers']; body: any };

export const FAKE_LINE_TOKEN = 'test-channel-access-token';
export const FAKE_LINE_SECRET = 'test-channel-secret-0123456789';

export class FakeLine {
  requests: Recorded[] = [];
  /** Statuses the next pushes answer with (then 200); with a Retry-After for 429. */
  pushScript: number[] = [];
  /** The monthly quota and this month's use, as the quota endpoints report them. */
  quota = { limit: 1000, used: 850 };
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const path = req.url ?? '';
      this.requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : null,
      });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${FAKE_LINE_TOKEN}`)
        return send(401, { message: 'bad token' });
      if (path === '/v2/bot/message/push') {
        const status = this.pushScript.shift() ?? 200;
        if (status === 429) return send(429, { message: 'Too Many Requests' }, { 'retry-after': '120' });
        return send(status, status === 200 ? { sentMessages: [{ id: '1' }] } : { message: 'oops' });
      }
      if (path === '/v2/bot/message/reply') return send(200, {});
      if (/^\/v2\/bot\/user\/U[0-9a-f]{32}\/linkToken$/.test(path))
        return send(200, { linkToken: `lt${randomUUID().replaceAll('-', '')}` });
      if (path === '/v2/bot/message/quota') return send(200, { type: 'limited', value: this.quota.limit });
      if (path === '/v2/bot/message/quota/consumption') return send(200, { totalUsage: this.quota.used });
      send(404, { message: 'not found' });
    });
  });
  /** Starts listening on 127.0.0.1 and returns the channel configuration that points TIPNet here. */
  async start(): Promise<LineConfig> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return {
      channelAccessToken: FAKE_LINE_TOKEN,
      channelSecret: FAKE_LINE_SECRET,
      apiBaseUrl: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`,
      addFriendUrl: 'https://line.me/R/ti/p/@tipnet-test',
    };
  }
  close = () => new Promise<void>((r) => this.server.close(() => r()));
  pushes = () => this.requests.filter((r) => r.path === '/v2/bot/message/push');
  replies = () => this.requests.filter((r) => r.path === '/v2/bot/message/reply');
  /** The text of the last reply the bot sent. */
  lastReply = (): string => this.replies().at(-1)?.body.messages[0].text ?? '';
}

export const newLineUserId = () => `U${randomUUID().replaceAll('-', '')}`;
export const signLine = (body: string, secret = FAKE_LINE_SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');

/** One webhook event as LINE sends it, from one LINE user, with a fresh event id and reply token. */
export const lineEvent = (type: string, userId: string, extra: object = {}) => ({
  type,
  webhookEventId: randomUUID(),
  timestamp: Date.now(),
  source: { type: 'user', userId },
  replyToken: `rt${randomUUID().slice(0, 8)}`,
  ...extra,
});

type Person = { cookie: string };

/** The webhook simulator and the whole linking flow, against one test app and one fake. */
export function lineSimulator(t: () => TestApp, fake: FakeLine) {
  /** Sends a signed webhook like LINE does (no cookie, no Origin) and waits for the work after the 200. */
  async function webhook(events: object[], opts: { signature?: string } = {}) {
    const payload = JSON.stringify({ destination: 'Ubot', events });
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/line/webhook',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-line-signature': opts.signature ?? signLine(payload),
      },
      payload,
    });
    await t().app.afterResponseSettled();
    return res;
  }

  /** The whole linking flow: follow → link token → signed-in user → nonce → accountLink. */
  async function link(person: Person, lineUserId = newLineUserId()) {
    expect((await webhook([lineEvent('follow', lineUserId)])).statusCode).toBe(200);
    const url = /http\S+\/settings\?lineLinkToken=(\w+)#line/.exec(fake.lastReply())!;
    const start = await t().request('POST', '/api/v1/line/link', {
      cookie: person.cookie,
      body: { linkToken: url[1] },
    });
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const redirect = new URL(start.body.redirectUrl);
    expect(redirect.origin + redirect.pathname).toBe('https://access.line.me/dialog/bot/accountLink');
    expect(redirect.searchParams.get('linkToken')).toBe(url[1]);
    const nonce = redirect.searchParams.get('nonce')!;
    const done = await webhook([lineEvent('accountLink', lineUserId, { link: { result: 'ok', nonce } })]);
    expect(done.statusCode).toBe(200);
    return { lineUserId, nonce };
  }

  return { webhook, link };
}
