import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('signs in with email and password and shows who I am', async () => {
    const org = await t.buildOrganisation({ nameEn: 'Mirror Foundation' });
    const user = await t.buildUser({ organisationId: org.id, role: 'member' });
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.status).toBe('ok');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/tipnet_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = await t.request('GET', '/api/v1/me', { cookie: setCookie.split(';')[0] });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);
    expect(me.body.user.role).toBe('member');
    expect(me.body.organisation.nameEn).toBe('Mirror Foundation');
  });

  it('refuses a wrong password with a generic message and audits it', async () => {
    const user = await t.buildUser();
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: 'wrong password here' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.test', password: 'whatever whatever' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(res.body.error.message);

    const { cookie } = await t.signedIn({ role: 'admin' });
    const audit = await t.request('GET', '/api/v1/audit-events?action=auth.login_failed', { cookie });
    expect(
      audit.body.items.some((e: any) => e.entityId === user.id && e.changes.reason === 'wrong_password'),
    ).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('wrong password here');
  });

  it('answers 401 without a session and after logging out', async () => {
    expect((await t.request('GET', '/api/v1/me')).status).toBe(401);
    const { cookie } = await t.signedIn();
    expect((await t.request('POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
    const after = await t.request('GET', '/api/v1/me', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('expires an idle session after 30 minutes but keeps an active one alive', async () => {
    const { cookie } = await t.signedIn();
    t.clock.advance(20 * MINUTE);
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(200);
    t.clock.advance(20 * MINUTE); // 40 min since login, 20 since last use
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(401);
  });

  it('ends every session after 12 hours however active', async () => {
    const { cookie } = await t.signedIn();
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * MINUTE);
      const res = await t.request('GET', '/api/v1/me', { cookie });
      expect(res.status).toBe(i < 24 && (i + 1) * 29 < 12 * 60 ? 200 : 401);
    }
  });

  it('logs out of all sessions at once', async () => {
    const user = await t.buildUser();
    const first = await t.login(user.email, user.password);
    const second = await t.login(user.email, user.password);
    const sessions = await t.request('GET', '/api/v1/me/sessions', { cookie: first });
    expect(sessions.body.items).toHaveLength(2);
    expect(sessions.body.items.filter((s: any) => s.current)).toHaveLength(1);
    expect((await t.request('POST', '/api/v1/auth/logout-all', { cookie: second })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { cookie: first })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { cookie: second })).status).toBe(401);
  });

  it('refuses a deactivated account', async () => {
    const user = await t.buildUser({ active: false });
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(401);
  });
});

describe('login rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('locks an account for a minute after 6 wrong passwords, even with the right one', async () => {
    const user = await t.buildUser();
    for (let i = 0; i < 6; i++) {
      const res = await t.request('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: `wrong-${i}-password` },
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(61_000);
    expect(
      (
        await t.request('POST', '/api/v1/auth/login', {
          body: { email: user.email, password: user.password },
        })
      ).status,
    ).toBe(200);
  });

  it('does not count successful sign-ins against anyone', async () => {
    const user = await t.buildUser();
    for (let i = 0; i < 10; i++) await t.login(user.email, user.password);
  });

  it('limits guesses from one IP across many accounts', async () => {
    t.clock.advance(61_000);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.request('POST', '/api/v1/auth/login', {
        body: { email: `guess${i}@example.test`, password: 'not the password' },
        ip: '192.0.2.99',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('login limits cannot be turned against users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.request('POST', '/api/v1/auth/login', { body: { email, password }, ip });

  it('lets the real user sign in from their address while someone guesses from another', async () => {
    const victim = await t.buildUser();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await attempt(victim.email, `guess-${i}-pw`, '203.0.113.1')).status);
    expect(statuses).toEqual([...Array(6).fill(401), ...Array(6).fill(429)]);
    expect((await attempt(victim.email, victim.password, '198.51.100.7')).status).toBe(200);
    // The guesser's own address stays throttled, the right password or not.
    expect((await attempt(victim.email, victim.password, '203.0.113.1')).status).toBe(429);
  });

  it("does not give back another account's failures when the guesser signs in to their own", async () => {
    const victim = await t.buildUser();
    const insider = await t.buildUser();
    const ip = '203.0.113.2';
    for (let i = 0; i < 6; i++) {
      expect((await attempt(victim.email, `guess-${i}-pw`, ip)).status).toBe(401);
      for (let j = 0; j < 3; j++)
        expect((await attempt(insider.email, insider.password, ip)).status).toBe(200);
    }
    const blocked = await attempt(victim.email, 'one more guess', ip);
    expect(blocked.status).toBe(429);
    expect((await attempt(insider.email, insider.password, ip)).status).toBe(200);
    expect((await attempt(victim.email, 'and another guess', ip)).status).toBe(429);
  });

  it('makes each further wait twice as long as the one before', async () => {
    const victim = await t.buildUser();
    const ip = '203.0.113.3';
    for (let i = 0; i < 6; i++) expect((await attempt(victim.email, `guess-${i}-pw`, ip)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const blocked = await attempt(victim.email, 'too soon', ip);
      expect(blocked.status).toBe(429);
      const wait = Number(blocked.headers['retry-after']);
      waits.push(wait);
      t.clock.advance(wait * 1000);
      expect((await attempt(victim.email, `late guess ${round}`, ip)).status).toBe(401);
    }
    expect(waits).toEqual([60, 120, 240]);
  });

  it('forgets the failures of an account from an address once its owner signs in there', async () => {
    const user = await t.buildUser();
    const ip = '203.0.113.4';
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, `typo-${i}-pw`, ip)).status).toBe(401);
    expect((await attempt(user.email, user.password, ip)).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await attempt(user.email, `typo-${i}-again`, ip)).status).toBe(401);
  });
});
