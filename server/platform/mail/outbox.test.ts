import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS as DAY, MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import { readQr } from '../../test/read-qr.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/smtp-receiver.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { enqueueEmail, type MailTransport, startMailer } from './outbox.ts';
import { smtpTransport } from './smtp.ts';

async function outboxRowsTo(t: TestApp, to: string) {
  return t.db.select().from(outboxEmails).where(eq(outboxEmails.to, to));
}

describe('without SMTP: emails are held for admins to read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ transport: null });
  });
  afterAll(() => t.close());

  it('stores the email as held and shows it to admins only', async () => {
    const user = await t.buildUser({ language: 'en' });
    const res = await t.request('POST', '/api/v1/auth/password-reset/request', {
      body: { email: user.email },
    });
    expect(res.status).toBe(202);

    await t.deps.mailer.drain(); // nothing to deliver with: a no-op
    const [row] = await outboxRowsTo(t, user.email);
    expect(row).toMatchObject({
      status: 'held',
      kind: 'password_reset',
      attempts: 0,
      subject: 'Reset your TIPNet password',
    });

    const admin = await t.signedIn({ role: 'admin' });
    const list = await t.request('GET', '/api/v1/outbox?status=held', { cookie: admin.cookie });
    expect(list.status).toBe(200);
    const shown = list.body.items.find((e: any) => e.to === user.email);
    expect(shown).toMatchObject({
      status: 'held',
      kind: 'password_reset',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(shown.text).toContain('http://localhost:3000/reset-password#token=');

    for (const role of ['org_admin', 'member', 'observer'] as const) {
      const { cookie } = await t.signedIn({ role });
      const denied = await t.request('GET', '/api/v1/outbox', { cookie });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.request('GET', '/api/v1/outbox')).status).toBe(401);
  });
});

describe('with SMTP: delivery, retries and exactly-once sending', () => {
  let t: TestApp;
  let receiver: SmtpReceiver;
  let failing = false;
  let smtp: MailTransport;
  const transport: MailTransport = {
    send: async (mail) => {
      // Stands for the network being down: the SMTP server cannot be reached.
      if (failing) throw new Error('connect ECONNREFUSED 127.0.0.1:25 (test)');
      await smtp.send(mail);
    },
  };

  /**
   * Emails this drain claimed. The app's own 10-second poll may be mid-drain (with an older clock
   * reading) when we call; drain() then joins it, so a second call makes sure we ran one ourselves.
   */
  const drainNow = async () => (await t.deps.mailer.drain()) + (await t.deps.mailer.drain());

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    smtp = smtpTransport(receiver.url);
    t = await buildTestApp({ transport });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers after the transaction commits and marks the email sent', async () => {
    const user = await t.buildUser({ language: 'th' });
    expect(
      (await t.request('POST', '/api/v1/auth/password-reset/request', { body: { email: user.email } }))
        .status,
    ).toBe(202);
    const mail = await receiver.waitFor((m) => m.envelope.to.includes(user.email));
    expect(mail.subject).toBe('ตั้งรหัสผ่าน TIPNet ใหม่');
    expect(mail.from).toContain('no-reply@tipnet.example');
    await t.deps.mailer.drain(); // lets the in-flight drain record the result

    const [row] = await outboxRowsTo(t, user.email);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt?.toISOString()).toBe(t.clock.now().toISOString());

    const admin = await t.signedIn({ role: 'admin' });
    const list = await t.request('GET', '/api/v1/outbox?status=sent', { cookie: admin.cookie });
    expect(list.body.items.some((e: any) => e.to === user.email && e.status === 'sent')).toBe(true);
  });

  it('draws a QR code attachment when it sends the email, holding the queued text', async () => {
    const to = 'ticket-holder@example.test';
    await t.db.transaction((tx) =>
      enqueueEmail(tx, t.deps, t.clock.now(), {
        to,
        language: 'en',
        template: { kind: 'password_changed', displayName: 'Ticket holder' },
        attachments: [{ filename: 'ticket.png', contentType: 'image/png', qrCodeOf: 'opaque-ticket-code' }],
      }),
    );
    await drainNow();
    const mail = await receiver.waitFor((m) => m.envelope.to.includes(to));
    const [ticket] = mail.attachments;
    expect(ticket).toMatchObject({ filename: 'ticket.png', contentType: 'image/png' });
    expect(readQr(ticket!.content)).toBe('opaque-ticket-code');
  });

  it('sends nothing for a transaction that rolls back', async () => {
    const to = 'rolled-back@example.test';
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, t.deps, t.clock.now(), {
          to,
          language: 'en',
          template: { kind: 'password_changed', displayName: 'Nobody' },
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await t.deps.mailer.drain();
    expect(await outboxRowsTo(t, to)).toHaveLength(0);
    expect(receiver.messages.some((m) => m.envelope.to.includes(to))).toBe(false);
  });

  it('keeps a failed email pending with the error, and retries it after the backoff', async () => {
    const user = await t.buildUser({ language: 'en' });
    failing = true;
    try {
      expect(
        (await t.request('POST', '/api/v1/auth/password-reset/request', { body: { email: user.email } }))
          .status,
      ).toBe(202);
      await t.deps.mailer.drain();
      let [row] = await outboxRowsTo(t, user.email);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(row!.lastError).toContain('ECONNREFUSED');
      expect(row!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + MINUTE);

      const admin = await t.signedIn({ role: 'admin' });
      const pending = await t.request('GET', '/api/v1/outbox?status=pending', { cookie: admin.cookie });
      expect(pending.body.items.find((e: any) => e.to === user.email)).toMatchObject({
        attempts: 1,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });

      failing = false;
      expect(await drainNow()).toBe(0); // not due yet
      [row] = await outboxRowsTo(t, user.email);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });

      t.clock.advance(MINUTE + 1000);
      expect(await drainNow()).toBe(1);
      [row] = await outboxRowsTo(t, user.email);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      const mail = await receiver.waitFor((m) => m.envelope.to.includes(user.email));
      expect(mail.subject).toBe('Reset your TIPNet password');
      expect(receiver.messages.filter((m) => m.envelope.to.includes(user.email))).toHaveLength(1);
    } finally {
      failing = false;
    }
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, then 6 h, and gives up after 8 attempts', async () => {
    const to = 'never-reachable@example.test';
    failing = true;
    try {
      await enqueueEmail(t.db, t.deps, t.clock.now(), {
        to,
        language: 'en',
        template: { kind: 'password_changed', displayName: 'X' },
      });
      const delays = [
        MINUTE,
        5 * MINUTE,
        30 * MINUTE,
        120 * MINUTE,
        360 * MINUTE,
        360 * MINUTE,
        360 * MINUTE,
      ];
      for (const [i, delay] of delays.entries()) {
        expect(await drainNow()).toBe(1);
        const [row] = await outboxRowsTo(t, to);
        expect(row).toMatchObject({ status: 'pending', attempts: i + 1 });
        expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(delay);
        t.clock.advance(delay);
      }
      expect(await drainNow()).toBe(1);
      const [row] = await outboxRowsTo(t, to);
      expect(row).toMatchObject({ status: 'failed', attempts: 8 });
      t.clock.advance(DAY);
      expect(await drainNow()).toBe(0);
    } finally {
      failing = false;
    }
  });

  it('sends each email once when two instances drain at the same time', async () => {
    const subjects: string[] = [];
    for (let i = 0; i < 6; i++) {
      const to = `race-${i}@example.test`;
      await enqueueEmail(t.db, t.deps, t.clock.now(), {
        to,
        language: 'en',
        template: { kind: 'password_changed', displayName: `Race ${i}` },
      });
      subjects.push(to);
    }
    const sentBy: string[] = [];
    const counting = (name: string): MailTransport => ({
      send: async (mail) => {
        sentBy.push(`${name}:${mail.to}`);
        await smtp.send(mail);
      },
    });
    const logger = pino({ level: 'silent' });
    const first = startMailer({
      db: t.db,
      clock: t.clock,
      transport: counting('a'),
      from: t.deps.config.mailFrom,
      logger,
      pollMs: 3_600_000,
    });
    const second = startMailer({
      db: t.db,
      clock: t.clock,
      transport: counting('b'),
      from: t.deps.config.mailFrom,
      logger,
      pollMs: 3_600_000,
    });
    try {
      await Promise.all([first.drain(), second.drain(), t.deps.mailer.drain()]);
      expect(new Set(sentBy).size).toBe(sentBy.length);
      for (const to of subjects) {
        const received = receiver.messages.filter((m) => m.envelope.to.includes(to));
        expect(received).toHaveLength(1);
        const [row] = await outboxRowsTo(t, to);
        expect(row).toMatchObject({ status: 'sent', attempts: 1 });
      }
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
