import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice.ts';
import { DAY_MS as DAY } from '../../../common/time.ts';
import { auditEvents, users } from '../../db/schema/index.ts';
import { smtpTransport } from '../../platform/mail/smtp.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/smtp-receiver.ts';
import { buildTestApp, sessionCookieFrom, type TestApp } from '../../test/test-app.ts';

const LINK = /http:\/\/localhost:3000\/accept-invitation#token=([A-Za-z0-9_-]+)/;
const GOOD_PASSWORD = 'lanterns over the Chao Phraya';

describe('invitations, end to end with a real SMTP server', () => {
  let t: TestApp;
  let receiver: SmtpReceiver;
  let seq = 0;
  const newEmail = (what: string) => `invitee-${what}-${++seq}@example.test`;

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await buildTestApp({ transport: smtpTransport(receiver.url) });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  /** Invites as the given cookie and returns the invitation and the token from the email that arrived. */
  async function invite(
    cookie: string,
    body: { email: string; organisationId: string; role: string; language?: 'th' | 'en' },
  ) {
    const res = await t.request('POST', '/api/v1/invitations', { cookie, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mail = await receiver.waitFor((m) => m.envelope.to.includes(body.email), 10_000);
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    return { invitation: res.body, mail, token: token! };
  }

  const accept = (token: string, password = GOOD_PASSWORD, displayName = 'สมชาย ใจดี') =>
    t.request('POST', '/api/v1/invitations/accept', {
      body: { token, displayName, password, privacyNoticeVersion: PRIVACY_NOTICE_VERSION },
    });

  it('lets an admin invite to any organisation; the Thai email carries a one-time link', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation({ nameTh: 'มูลนิธิทดสอบ', nameEn: 'Test Foundation' });
    const email = newEmail('th');
    const { invitation, mail, token } = await invite(admin.cookie, {
      email,
      organisationId: org.id,
      role: 'org_admin',
      language: 'th',
    });
    expect(invitation).toMatchObject({ email, role: 'org_admin', status: 'pending', acceptedAt: null });
    expect(invitation.organisation.id).toBe(org.id);
    expect(invitation.invitedBy.id).toBe(admin.user.id);
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(7 * DAY);

    expect(mail.subject).toBe('คำเชิญเข้าร่วม TIPNet — มูลนิธิทดสอบ');
    expect(mail.text).toContain('ผู้ดูแลองค์กร');
    expect(mail.text).toContain(admin.user.displayName);
    expect(mail.html).toContain('<html lang="th"');
    expect(mail.html).toContain(`href="http://localhost:3000/accept-invitation#token=${token}"`);
    expect(mail.raw).toMatch(/multipart\/alternative/i);

    const preview = await t.request('POST', '/api/v1/invitations/preview', { body: { token } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email,
      role: 'org_admin',
      organisation: { id: org.id, nameTh: 'มูลนิธิทดสอบ' },
    });

    const accepted = await accept(token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const cookie = sessionCookieFrom(accepted.headers['set-cookie']);
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({
      email,
      role: 'org_admin',
      displayName: 'สมชาย ใจดี',
      language: 'th',
    });
    expect(me.body.organisation.id).toBe(org.id);

    // The password chosen works for a normal sign-in too.
    await t.login(email, GOOD_PASSWORD);

    const again = await accept(token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('INVALID_TOKEN');
    expect((await t.request('POST', '/api/v1/invitations/preview', { body: { token } })).status).toBe(400);

    const list = await t.request('GET', `/api/v1/invitations?organisationId=${org.id}`, {
      cookie: admin.cookie,
    });
    expect(list.body.items.find((i: any) => i.id === invitation.id)).toMatchObject({ status: 'accepted' });
  });

  it('lets an organisation admin invite to their own organisation only, in English if asked', async () => {
    const org = await t.buildOrganisation({ nameEn: 'Own Org', nameTh: 'องค์กรของฉัน' });
    const other = await t.buildOrganisation();
    const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: org.id });

    const denied = await t.request('POST', '/api/v1/invitations', {
      cookie: orgAdmin.cookie,
      body: { email: newEmail('other'), organisationId: other.id, role: 'member', language: 'en' },
    });
    expect(denied.status).toBe(403);
    const adminRole = await t.request('POST', '/api/v1/invitations', {
      cookie: orgAdmin.cookie,
      body: { email: newEmail('admin'), organisationId: org.id, role: 'admin', language: 'en' },
    });
    expect(adminRole.status).toBe(403);
    const member = await t.signedIn({ role: 'member', organisationId: org.id });
    const byMember = await t.request('POST', '/api/v1/invitations', {
      cookie: member.cookie,
      body: { email: newEmail('member'), organisationId: org.id, role: 'member' },
    });
    expect(byMember.status).toBe(403);

    const email = newEmail('en');
    const { mail, token } = await invite(orgAdmin.cookie, {
      email,
      organisationId: org.id,
      role: 'member',
      language: 'en',
    });
    expect(mail.subject).toBe('Invitation to TIPNet — Own Org');
    expect(mail.text).toContain('(role: Member)');
    expect(mail.text).toContain(`http://localhost:3000/accept-invitation#token=${token}`);
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.html).toContain('Accept the invitation');

    const accepted = await accept(token, GOOD_PASSWORD, 'Jane Doe');
    expect(accepted.status).toBe(200);
    const me = await t.request('GET', '/api/v1/me', {
      cookie: sessionCookieFrom(accepted.headers['set-cookie']),
    });
    expect(me.body.user).toMatchObject({ email, role: 'member', language: 'en' });
    expect(me.body.organisation.id).toBe(org.id);
  });

  it('expires the link after 7 days', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const { token } = await invite(admin.cookie, {
      email: newEmail('expiry'),
      organisationId: org.id,
      role: 'member',
    });
    t.clock.advance(7 * DAY - 60_000);
    expect((await t.request('POST', '/api/v1/invitations/preview', { body: { token } })).status).toBe(200);
    t.clock.advance(2 * 60_000);
    const late = await accept(token);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses a revoked invitation', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const email = newEmail('revoked');
    const { invitation, token } = await invite(admin.cookie, {
      email,
      organisationId: org.id,
      role: 'observer',
    });
    const revoked = await t.request('POST', `/api/v1/invitations/${invitation.id}/revoke`, {
      cookie: admin.cookie,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const res = await accept(token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_TOKEN');
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('records on the account which privacy notice was accepted and when, in the audit event too', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const email = newEmail('notice');
    const { token } = await invite(admin.cookie, { email, organisationId: org.id, role: 'member' });
    const accepted = await accept(token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyNoticeAcceptedAt: t.clock.now(),
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invitation.accepted'), eq(auditEvents.entityId, user!.id)));
    expect(event!.changes).toMatchObject({
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyNoticeAcceptedAt: t.clock.now().toISOString(),
    });
  });

  it('refuses an acceptance without the current privacy notice with 400, creating nothing', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const email = newEmail('no-notice');
    const { token } = await invite(admin.cookie, { email, organisationId: org.id, role: 'member' });
    const body = { token, displayName: 'สมหญิง รักงาน', password: GOOD_PASSWORD };
    const send = (extra: object) =>
      t.request('POST', '/api/v1/invitations/accept', { body: { ...body, ...extra } });

    const without = await send({});
    expect(without.status).toBe(400);
    expect(without.body.error.details).toEqual([
      expect.objectContaining({ field: 'body.privacyNoticeVersion' }),
    ]);
    const old = await send({ privacyNoticeVersion: '2025-01-01' });
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('PRIVACY_NOTICE_OUTDATED');
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    // The invitation is still open: accepting the current notice works.
    expect((await send({ privacyNoticeVersion: PRIVACY_NOTICE_VERSION })).status).toBe(200);
  });

  it('refuses weak passwords and creates nothing', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const email = newEmail('weak');
    const { token } = await invite(admin.cookie, { email, organisationId: org.id, role: 'member' });

    const common = await accept(token, 'password1234');
    expect(common.status).toBe(400);
    expect(common.body.error.code).toBe('WEAK_PASSWORD');
    // Too short is caught by the request schema (the same rule the web form applies).
    const short = await accept(token, 'abcdefghijk');
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(short.body.error.details).toEqual([expect.objectContaining({ field: 'body.password' })]);
    const ownEmail = await accept(token, `${email.split('@')[0]}-2026`);
    expect(ownEmail.status).toBe(400);
    expect(ownEmail.body.error.code).toBe('WEAK_PASSWORD');

    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    // The invitation is still open: a good password is accepted afterwards.
    expect((await accept(token)).status).toBe(200);
  });

  it('refuses to invite an address that already has an account', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const existing = await t.buildUser();
    const res = await t.request('POST', '/api/v1/invitations', {
      cookie: admin.cookie,
      body: { email: existing.email, organisationId: existing.organisationId, role: 'member' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_IN_USE');
  });

  it('answers an organisation admin the same for an address that has an account, and tells its owner instead', async () => {
    const org = await t.buildOrganisation({ nameEn: 'Probe Foundation' });
    const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const existing = await t.buildUser({ language: 'en', displayName: 'Khun Existing' });
    const inviteAs = (email: string) =>
      t.request('POST', '/api/v1/invitations', {
        cookie: orgAdmin.cookie,
        body: { email, organisationId: org.id, role: 'member', language: 'en' },
      });
    const fresh = await inviteAs(newEmail('fresh'));
    const taken = await inviteAs(existing.email);

    expect(taken.status).toBe(fresh.status);
    expect(taken.status).toBe(201);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
    const { id: _a, email: _b, createdAt: _c, expiresAt: _d, ...sameAsFresh } = fresh.body;
    expect(taken.body).toMatchObject({ ...sameAsFresh, email: existing.email, status: 'pending' });
    const list = await t.request('GET', '/api/v1/invitations?limit=100', { cookie: orgAdmin.cookie });
    expect(list.body.items.find((i: { id: string }) => i.id === taken.body.id)?.status).toBe('pending');

    const mail = await receiver.waitFor((m) => m.envelope.to.includes(existing.email), 10_000);
    expect(mail.subject).toBe('Someone tried to invite you to TIPNet — you already have an account');
    expect(mail.text).toContain('Dear Khun Existing,');
    expect(mail.text).toContain('Probe Foundation');
    expect(mail.text).toContain('http://localhost:3000/login');
    expect(mail.text).toContain('http://localhost:3000/forgot-password');
    expect(mail.text).not.toMatch(LINK);
    expect(await t.db.select().from(users).where(eq(users.email, existing.email))).toHaveLength(1);

    const admin = await t.signedIn({ role: 'admin' });
    const audit = await t.request('GET', '/api/v1/audit-events?action=invitation.existing_account', {
      cookie: admin.cookie,
    });
    expect(audit.body.items.find((e: { entityId: string }) => e.entityId === taken.body.id)).toMatchObject({
      entityType: 'invitation',
      changes: { email: existing.email, organisationId: org.id, existingUserId: existing.id },
    });
  });

  it('creates one user when the same link is accepted twice at once', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const org = await t.buildOrganisation();
    const email = newEmail('race');
    const { token } = await invite(admin.cookie, { email, organisationId: org.id, role: 'member' });
    const results = await Promise.all([accept(token), accept(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)!.body.error.code).toBe('INVALID_TOKEN');
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});
