import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { buildTestApp, sessionCookieFrom, type TestApp } from '../../test/test-app.ts';

/** Production mode: admins must enrol 2FA; everyone else may. */
describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { production: true } });
  });
  afterAll(() => t.close());

  const epoch = () => Math.floor(t.clock.now().getTime() / 1000);
  const codeFor = (secret: string, at = epoch()) => generate({ secret, epoch: at });
  const passwordStep = async (email: string, password: string) => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    return res;
  };
  const secondStep = (challenge: string, code: string) =>
    t.request('POST', '/api/v1/auth/login/totp', { body: { challenge, code } });

  async function enrol(cookie: string) {
    const setup = await t.request('POST', '/api/v1/me/totp/setup', { cookie });
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const confirmed = await t.request('POST', '/api/v1/me/totp/confirm', {
      cookie,
      body: { code: await codeFor(setup.body.secret) },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    return { secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it('enrols with a QR code, then asks for a code at every sign-in', async () => {
    const { user, cookie } = await t.signedIn({ role: 'member' });
    const setup = await t.request('POST', '/api/v1/me/totp/setup', { cookie });
    expect(setup.status).toBe(200);
    const { secret, otpauthUrl, qrSvg } = setup.body;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(otpauthUrl).toContain('issuer=TIPNet');
    expect(qrSvg).toMatch(/^<svg[\s>]/);
    expect(qrSvg).toContain('</svg>');

    const wrong = await t.request('POST', '/api/v1/me/totp/confirm', { cookie, body: { code: '12345' } });
    expect(wrong.status).toBe(400);
    const confirmed = await t.request('POST', '/api/v1/me/totp/confirm', {
      cookie,
      body: { code: await codeFor(secret) },
    });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await t.request('GET', '/api/v1/me', { cookie })).body.user.totpEnabled).toBe(true);
    const twice = await t.request('POST', '/api/v1/me/totp/setup', { cookie });
    expect(twice.status).toBe(409);

    // The password alone no longer signs in.
    const first = await passwordStep(user.email, user.password);
    expect(first.body).toEqual({ status: 'totp_required', challenge: expect.any(String) });
    expect(first.headers['set-cookie']).toBeUndefined();

    // The code used to confirm cannot be replayed; the next one works.
    const confirmCode = await codeFor(secret);
    const replayOfConfirm = await secondStep(first.body.challenge, confirmCode);
    expect(replayOfConfirm.status).toBe(401);
    t.clock.advance(30_000);
    const code = await codeFor(secret);
    const ok = await secondStep(first.body.challenge, code);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('ok');
    const session = sessionCookieFrom(ok.headers['set-cookie']);
    expect((await t.request('GET', '/api/v1/me', { cookie: session })).body.user.id).toBe(user.id);

    // The same code again, even with a fresh challenge, is refused.
    const again = await passwordStep(user.email, user.password);
    const replay = await secondStep(again.body.challenge, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('INVALID_CODE');

    // A recovery code works once, in any case and with or without its dash.
    const recovery = await secondStep(again.body.challenge, codes[0]!.toUpperCase());
    expect(recovery.status).toBe(200);
    const third = await passwordStep(user.email, user.password);
    const reused = await secondStep(third.body.challenge, codes[0]!);
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_CODE');
    expect((await secondStep(third.body.challenge, codes[1]!.replace('-', ''))).status).toBe(200);
  });

  it('refuses a wrong code and an expired sign-in step', async () => {
    const { user, cookie } = await t.signedIn({ role: 'observer' });
    const { secret } = await enrol(cookie);
    t.clock.advance(61_000);

    const valid = new Set(await Promise.all([-30, 0, 30].map((d) => codeFor(secret, epoch() + d))));
    let wrongCode = '000000';
    while (valid.has(wrongCode)) wrongCode = String(Number(wrongCode) + 1).padStart(6, '0');
    const { body } = await passwordStep(user.email, user.password);
    const wrong = await secondStep(body.challenge, wrongCode);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CODE');
    const notDigits = await secondStep(body.challenge, 'abcdef');
    expect(notDigits.status).toBe(401);

    t.clock.advance(6 * MINUTE);
    const expired = await secondStep(body.challenge, await codeFor(secret));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('LOGIN_EXPIRED');

    const forged = await secondStep(`${body.challenge}x`, await codeFor(secret));
    expect(forged.status).toBe(401);

    const fresh = await passwordStep(user.email, user.password);
    expect((await secondStep(fresh.body.challenge, await codeFor(secret))).status).toBe(200);
  });

  it('turns 2FA off only with the password', async () => {
    const { user, cookie } = await t.signedIn({ role: 'member' });
    await enrol(cookie);
    const wrong = await t.request('POST', '/api/v1/me/totp/disable', {
      cookie,
      body: { password: 'not my password at all' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    expect((await passwordStep(user.email, user.password)).body.status).toBe('totp_required');

    const off = await t.request('POST', '/api/v1/me/totp/disable', {
      cookie,
      body: { password: user.password },
    });
    expect(off.status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { cookie })).body.user.totpEnabled).toBe(false);
    expect((await passwordStep(user.email, user.password)).body.status).toBe('ok');
  });

  it('in production, holds an admin without 2FA at enrolment until they enrol', async () => {
    const { cookie } = await t.signedIn({ role: 'admin' });
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.totpRequired).toBe(true);

    const users = await t.request('GET', '/api/v1/users', { cookie });
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('TOTP_REQUIRED');
    expect((await t.request('GET', '/api/v1/audit-events', { cookie })).body.error.code).toBe(
      'TOTP_REQUIRED',
    );

    await enrol(cookie);
    expect((await t.request('GET', '/api/v1/me', { cookie })).body.user.totpRequired).toBe(false);
    expect((await t.request('GET', '/api/v1/users', { cookie })).status).toBe(200);
  });

  it('does not require 2FA of other roles, even in production', async () => {
    for (const role of ['org_admin', 'member', 'observer'] as const) {
      const { cookie } = await t.signedIn({ role });
      expect((await t.request('GET', '/api/v1/me', { cookie })).body.user.totpRequired).toBe(false);
      expect((await t.request('GET', '/api/v1/organizations', { cookie })).status).toBe(200);
    }
  });
});
