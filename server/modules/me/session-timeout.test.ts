import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_READ_HEADER, SESSION_EXPIRES_HEADER } from '../../../common/api.ts';
import { MINUTE_MS } from '../../../common/time.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

const IDLE = 30 * MINUTE_MS;
const expiryOf = (res: { headers: Record<string, unknown> }) =>
  new Date(String(res.headers[SESSION_EXPIRES_HEADER])).getTime();

describe('the session timeout the web warns about', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { sessionIdleMs: IDLE } });
  });
  afterAll(() => t.close());

  it('tells every signed-in answer when the session ends, and nothing to the signed-out', async () => {
    const { cookie } = await t.signedIn();
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(expiryOf(me)).toBe(t.clock.now().getTime() + IDLE);
    const anonymous = await t.request('GET', '/api/v1/me');
    expect(anonymous.headers[SESSION_EXPIRES_HEADER]).toBeUndefined();
    const logout = await t.request('POST', '/api/v1/auth/logout', { cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers[SESSION_EXPIRES_HEADER]).toBeUndefined();
  });

  it('"stay signed in" gives a full idle period from now, even right after another request', async () => {
    const { cookie } = await t.signedIn();
    const signedInAt = t.clock.now().getTime();
    // 20 s later: an ordinary request does not renew yet (at most once a minute), extending does.
    t.clock.advance(20_000);
    expect(expiryOf(await t.request('GET', '/api/v1/me', { cookie }))).toBe(signedInAt + IDLE);
    const extend = await t.request('POST', '/api/v1/me/session/extend', { cookie });
    expect(extend.status).toBe(200);
    expect(new Date(extend.body.expiresAt).getTime()).toBe(signedInAt + 20_000 + IDLE);
    expect(expiryOf(extend)).toBe(signedInAt + 20_000 + IDLE);

    // Past the first end, the extended session still works.
    t.clock.advance(IDLE - 10_000);
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });

  it('cannot bring back an expired session nor pass the absolute limit', async () => {
    const { cookie } = await t.signedIn();
    t.clock.advance(IDLE + 1);
    const late = await t.request('POST', '/api/v1/me/session/extend', { cookie });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('UNAUTHENTICATED');

    const fresh = await t.signedIn();
    const absoluteEnd = t.clock.now().getTime() + t.deps.config.sessionAbsoluteMs;
    for (let step = 0; step < 30; step++) {
      t.clock.advance(IDLE - MINUTE_MS);
      const res = await t.request('POST', '/api/v1/me/session/extend', { cookie: fresh.cookie });
      if (res.status !== 200) break;
      expect(new Date(res.body.expiresAt).getTime()).toBeLessThanOrEqual(absoluteEnd);
    }
    t.clock.advance(IDLE);
    expect((await t.request('GET', '/api/v1/me', { cookie: fresh.cookie })).status).toBe(401);
  });

  it('lets an unattended tab time out: background reads and event streams do not renew the session', async () => {
    const { cookie } = await t.signedIn();
    const signedInAt = t.clock.now().getTime();
    const background = { cookie, headers: { [BACKGROUND_READ_HEADER]: '1' } };

    t.clock.advance(10 * MINUTE_MS);
    const refetch = await t.request('GET', '/api/v1/notifications', background);
    expect(refetch.status).toBe(200);
    expect(expiryOf(refetch)).toBe(signedInAt + IDLE);

    // The same read made by the user renews it; a background write header changes nothing for writes.
    t.clock.advance(10 * MINUTE_MS);
    expect(expiryOf(await t.request('GET', '/api/v1/notifications', { cookie }))).toBe(
      signedInAt + 20 * MINUTE_MS + IDLE,
    );

    // Left alone past the idle period, only background reads came: the session is over.
    t.clock.advance(IDLE - MINUTE_MS);
    expect((await t.request('GET', '/api/v1/me', background)).status).toBe(200);
    t.clock.advance(2 * MINUTE_MS);
    expect((await t.request('GET', '/api/v1/me', background)).status).toBe(401);
  });
});
