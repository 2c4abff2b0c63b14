import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import { smtpTransport } from '../../platform/mail/smtp.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/smtp-receiver.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

const LINK = /http:\/\/localhost:3000\/reset-password#token=([A-Za-z0-9_-]+)/;
const NEW_PASSWORD = 'mango sticky rice at midnight';

describe('password reset by emailed link', () => {
  let t: TestApp;
  let receiver: SmtpReceiver;

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await buildTestApp({ transport: smtpTransport(receiver.url) });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const requestReset = (email: string) =>
    t.request('POST', '/api/v1/auth/password-reset/request', { body: { email } });
  const confirm = (token: string, password = NEW_PASSWORD) =>
    t.request('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password } });

  /** Asks for a reset and returns the token from the email that arrives for it. */
  async function resetLinkFor(email: string) {
    const before = receiver.messages.length;
    const res = await requestReset(email);
    expect(res.status).toBe(202);
    const mail = await receiver.waitFor(
      (m) => receiver.messages.indexOf(m) >= before && m.envelope.to.includes(email),
      10_000,
    );
    return { mail, token: LINK.exec(mail.text)![1]! };
  }

  it('resets the password once, ends every session and confirms by email', async () => {
    const user = await t.buildUser({ language: 'en', displayName: 'Anan' });
    const first = await t.login(user.email, user.password);
    const second = await t.login(user.email, user.password);

    const { mail, token } = await resetLinkFor(user.email);
    expect(mail.subject).toBe('Reset your TIPNet password');
    expect(mail.text).toContain('Dear Anan,');
    expect(mail.html).toContain(`href="http://localhost:3000/reset-password#token=${token}"`);

    t.clock.advance(59 * MINUTE);
    const before = receiver.messages.length;
    const done = await confirm(token);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ ok: true });

    for (const cookie of [first, second])
      expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(401);
    const old = await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(old.status).toBe(401);
    await t.login(user.email, NEW_PASSWORD);

    const reused = await confirm(token, 'another fine long passphrase');
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
    await t.login(user.email, NEW_PASSWORD);

    const changed = await receiver.waitFor(
      (m) => receiver.messages.indexOf(m) >= before && m.envelope.to.includes(user.email),
      10_000,
    );
    expect(changed.subject).toBe('Your TIPNet password was changed');
    expect(changed.text).not.toMatch(LINK);
  });

  it('expires the link after one hour', async () => {
    const user = await t.buildUser({ language: 'th' });
    const { mail, token } = await resetLinkFor(user.email);
    expect(mail.subject).toBe('ตั้งรหัสผ่าน TIPNet ใหม่');
    t.clock.advance(60 * MINUTE + 1000);
    const late = await confirm(token);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('INVALID_TOKEN');
    await t.login(user.email, user.password);
  });

  it('keeps the link usable after a weak password is refused, and retires the other open links', async () => {
    const user = await t.buildUser({ language: 'en' });
    const { token: older } = await resetLinkFor(user.email);
    const { token: newer } = await resetLinkFor(user.email);
    const weak = await confirm(newer, 'password1234');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    await t.login(user.email, user.password);

    expect((await confirm(newer)).status).toBe(200);
    const stale = await confirm(older, 'yet another long passphrase');
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('INVALID_TOKEN');
    await t.login(user.email, NEW_PASSWORD);
  });

  it('answers the same for unknown addresses and sends them nothing', async () => {
    const user = await t.buildUser();
    const known = await requestReset(user.email);
    const unknown = await requestReset('nobody-here@example.test');
    expect(unknown.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.body).toEqual({ ok: true });
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);

    await receiver.waitFor((m) => m.envelope.to.includes(user.email), 10_000);
    await t.deps.mailer.drain();
    expect(
      await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, 'nobody-here@example.test')),
    ).toHaveLength(0);
    expect(receiver.messages.some((m) => m.envelope.to.includes('nobody-here@example.test'))).toBe(false);

    const deactivated = await t.buildUser({ active: false });
    expect((await requestReset(deactivated.email)).body).toEqual({ ok: true });
    await t.deps.mailer.drain();
    expect(await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, deactivated.email))).toHaveLength(
      0,
    );
  });

  it('says a used or expired link is invalid even when the new password is also weak', async () => {
    const user = await t.buildUser({ language: 'en' });
    const { token: used } = await resetLinkFor(user.email);
    expect((await confirm(used)).status).toBe(200);
    const reused = await confirm(used, 'password1234');
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');

    await t.login(user.email, NEW_PASSWORD);

    const other = await t.buildUser({ language: 'en' });
    const { token: late } = await resetLinkFor(other.email);
    t.clock.advance(60 * MINUTE + 1000);
    const expired = await confirm(late, 'password1234');
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('INVALID_TOKEN');
    await t.login(other.email, other.password);
  });

  it('refuses a made-up token', async () => {
    const res = await confirm('not-a-real-token-at-all');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_TOKEN');
  });
});
