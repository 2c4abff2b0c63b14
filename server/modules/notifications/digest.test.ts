import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS as DAY, MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { smtpTransport } from '../../platform/mail/smtp.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/smtp-receiver.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { digestSlot, sendDailyDigests } from './digest.ts';
import { notificationRuntimeOf } from './runtime-registry.ts';

describe('the 07:00 Bangkok slot', () => {
  it('is the latest 07:00 in Bangkok (00:00 UTC) at or before the time', () => {
    expect(digestSlot(new Date('2026-11-26T23:59:00Z')).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(digestSlot(new Date('2026-11-27T00:00:00Z')).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    // 06:30 in Bangkok is still the previous day's slot.
    expect(digestSlot(new Date('2026-11-26T23:30:00Z')).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});

describe('email preferences, delivered through the outbox to a real SMTP server', () => {
  let t: TestApp;
  let receiver: SmtpReceiver;
  type Person = Awaited<ReturnType<TestApp['signedIn']>>;
  let reporter: Person;
  let daily: Person;
  let immediate: Person;
  let off: Person;
  let commenter: Person;
  let problem: { id: string; title: string };

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await buildTestApp({ transport: smtpTransport(receiver.url) });
    reporter = await t.signedIn({ language: 'en' });
    daily = await t.signedIn({ language: 'th' });
    immediate = await t.signedIn({ language: 'en' });
    off = await t.signedIn({ language: 'th' });
    commenter = await t.signedIn();
    const prefs = (followed: string) => ({
      myProblems: 'immediately',
      assignedToMyOrganisation: 'immediately',
      followed,
      mentions: 'immediately',
    });
    for (const [p, followed] of [
      [daily, 'daily'],
      [immediate, 'immediately'],
      [off, 'off'],
    ] as const) {
      const res = await t.request('PUT', '/api/v1/notifications/preferences', {
        cookie: p.cookie,
        body: prefs(followed),
      });
      expect(res.status).toBe(200);
    }
    const raised = await t.request('POST', '/api/v1/problems', {
      cookie: reporter.cookie,
      body: {
        type: 'problem',
        title: 'Shelter places for male victims in Songkhla',
        body: 'ผู้เสียหายชายต้องถูกส่งไปสถานคุ้มครองต่างจังหวัด',
        category: 'shelter_protection',
        provinces: ['TH-90'],
        sectors: [],
        anonymous: false,
      },
    });
    expect(raised.status).toBe(201);
    problem = raised.body;
    for (const p of [daily, immediate, off])
      await t.request('POST', `/api/v1/problems/${problem.id}/follow`, { cookie: p.cookie });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const mailsTo = (p: Person) => receiver.messages.filter((m) => m.envelope.to.includes(p.user.email));

  it('emails "immediately" at once, keeps "daily" for 07:00 Bangkok and "off" never', async () => {
    // 10:00 in Bangkok.
    const res = await t.request('POST', `/api/v1/problems/${problem.id}/comments`, {
      cookie: commenter.cookie,
      body: { body: 'ที่ปัตตานีก็ขาดสถานคุ้มครองสำหรับผู้ชาย' },
    });
    expect(res.status).toBe(201);
    await notificationRuntimeOf(t.app).dispatch();
    await t.deps.mailer.drain();
    const now = await receiver.waitFor((m) => m.envelope.to.includes(immediate.user.email));
    expect(now.subject).toContain(problem.title);
    expect(now.text).toContain('commented');
    await receiver.waitFor((m) => m.envelope.to.includes(reporter.user.email));
    expect(mailsTo(daily)).toEqual([]);

    // 06:59 the next morning: not yet.
    t.clock.advance(20 * 60 * MINUTE + 59 * MINUTE);
    expect(await sendDailyDigests(t.deps)).toBe(0);
    // 07:00: one digest, in Thai, listing it.
    t.clock.advance(MINUTE);
    expect(await sendDailyDigests(t.deps)).toBe(1);
    expect(await sendDailyDigests(t.deps)).toBe(0);
    await t.deps.mailer.drain();
    const digest = await receiver.waitFor((m) => m.envelope.to.includes(daily.user.email));
    expect(digest.subject).toContain('สรุป');
    expect(digest.text).toContain(problem.title);
    expect(digest.text).toContain('แสดงความคิดเห็น');
    expect(mailsTo(daily)).toHaveLength(1);
    expect(mailsTo(off)).toEqual([]);
  });

  it('leaves out of the digest what was read in the app', async () => {
    const cookie = await t.login(daily.user.email, daily.user.password);
    const commenterCookie = await t.login(commenter.user.email, commenter.user.password);
    await t.request('POST', `/api/v1/problems/${problem.id}/comments`, {
      cookie: commenterCookie,
      body: { body: 'ขอข้อมูลจำนวนผู้เสียหายชายเพิ่มเติม' },
    });
    await notificationRuntimeOf(t.app).dispatch();
    await t.request('POST', '/api/v1/notifications/read-all', { cookie, body: {} });
    t.clock.advance(DAY);
    expect(await sendDailyDigests(t.deps)).toBe(0);
  });
});
