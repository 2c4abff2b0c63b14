import { asc, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice.ts';
import { type AuditEventRow, auditEvents, outboxEmails, sessions } from '../db/schema/index.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { NEW_PASSWORD, totpCode } from './route-matrix.ts';
import { buildTestApp, sessionCookieFrom, TEST_ORIGIN, type TestApp } from './test-app.ts';

const IP = '10.20.30.40';
const UA = 'Mozilla/5.0 (TIPNet audit test)';

let t: TestApp;
/** Every secret value a test handles; none may appear in any audit event. */
const secrets = new Set<string>();
/** Short secrets (TOTP codes) are only searched for in `changes`, where a match cannot be chance. */
const codes = new Set<string>();

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
async function send(method: Method, url: string, opts: { body?: unknown; cookie?: string } = {}) {
  const res = await t.app.inject({
    method,
    url,
    remoteAddress: IP,
    headers: { origin: TEST_ORIGIN, 'user-agent': UA, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    ...(opts.body === undefined ? {} : { payload: opts.body as object }),
  });
  await t.app.afterResponseSettled(); // events recorded after the answer count as the request's
  const cookie = res.headers['set-cookie'];
  if (cookie && String(cookie).includes('tipnet_session=')) {
    const value = sessionCookieFrom(cookie);
    if (value.split('=')[1]) secrets.add(value.split('=')[1]!);
  }
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

async function lastEventId() {
  const [row] = await t.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.id ?? 0;
}

/** Runs `act` and returns exactly the audit events it wrote. */
async function eventsOf(act: () => Promise<unknown>): Promise<AuditEventRow[]> {
  const before = await lastEventId();
  await act();
  return t.db.select().from(auditEvents).where(gt(auditEvents.id, before)).orderBy(asc(auditEvents.id));
}

type Person = Awaited<ReturnType<typeof signUp>>;
/** A user who signs in through the API (so the login is audited like any other). */
async function signUp(overrides: Parameters<TestApp['buildUser']>[0] = {}) {
  const user = await t.buildUser(overrides);
  secrets.add(user.password);
  const res = await send('POST', '/api/v1/auth/login', {
    body: { email: user.email, password: user.password },
  });
  expect(res.status).toBe(200);
  return { user, cookie: sessionCookieFrom(res.headers['set-cookie']) };
}

async function sessionIdsOf(userId: string) {
  const rows = await t.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt));
  return rows.map((r) => r.id);
}

async function latestEmailTo(to: string) {
  const [mail] = await t.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, to))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  return mail!;
}

const tokenIn = (text: string) => {
  const token = /#token=([\w-]+)/.exec(text)?.[1];
  expect(token).toBeDefined();
  secrets.add(token!);
  return token!;
};

/** The audit event's who, where and what, as the test expects them. */
function expectEvent(
  event: AuditEventRow | undefined,
  expected: { action: string; actor: Person['user'] | null; entityType: string; entityId: string | null },
) {
  expect(event, expected.action).toBeDefined();
  expect(event!.action).toBe(expected.action);
  expect(event!.actorUserId).toBe(expected.actor?.id ?? null);
  expect(event!.actorOrganisationId).toBe(expected.actor?.organisationId ?? null);
  expect(event!.entityType).toBe(expected.entityType);
  expect(event!.entityId).toBe(expected.entityId);
  expect(event!.ip).toBe(IP);
  expect(event!.userAgent).toBe(UA);
  expect(event!.at.getTime()).toBe(t.clock.now().getTime());
}

describe('every successful state change writes its audit event', () => {
  it('login', async () => {
    const user = await t.buildUser({ role: 'member' });
    secrets.add(user.password);
    let res!: Awaited<ReturnType<typeof send>>;
    const events = await eventsOf(async () => {
      res = await send('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: user.password },
      });
    });
    expect(res.status).toBe(200);
    const [sessionId] = await sessionIdsOf(user.id);
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'auth.login',
      actor: user,
      entityType: 'session',
      entityId: sessionId!,
    });
    expect(events[0]!.changes).toEqual({ method: 'password' });
  });

  it('a failed login (audited, with no actor)', async () => {
    const user = await t.buildUser();
    const wrong = 'Not the right password at all';
    secrets.add(wrong);
    const events = await eventsOf(() =>
      send('POST', '/api/v1/auth/login', { body: { email: user.email, password: wrong } }),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'auth.login_failed',
      actor: null,
      entityType: 'user',
      entityId: user.id,
    });
    expect(events[0]!.changes).toEqual({ email: user.email, reason: 'wrong_password' });
  });

  it('logout', async () => {
    const me = await signUp();
    const [sessionId] = await sessionIdsOf(me.user.id);
    const events = await eventsOf(async () =>
      expect((await send('POST', '/api/v1/auth/logout', { cookie: me.cookie })).status).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'auth.logout',
      actor: me.user,
      entityType: 'session',
      entityId: sessionId!,
    });
  });

  it('logout everywhere', async () => {
    const me = await signUp();
    await signUp(); // someone else's sessions are not counted
    await send('POST', '/api/v1/auth/login', { body: { email: me.user.email, password: me.user.password } });
    const events = await eventsOf(async () =>
      expect((await send('POST', '/api/v1/auth/logout-all', { cookie: me.cookie })).status).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'auth.logout_all',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });
    expect(events[0]!.changes).toEqual({ sessionsEnded: 2 });
  });

  it('profile update, with before and after', async () => {
    const me = await signUp({ displayName: 'Before Name', language: 'th' });
    const events = await eventsOf(async () =>
      expect(
        (
          await send('PATCH', '/api/v1/me', {
            cookie: me.cookie,
            body: { displayName: 'After Name', language: 'en' },
          })
        ).status,
      ).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'user.profile_updated',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });
    expect(events[0]!.changes).toEqual({
      displayName: { from: 'Before Name', to: 'After Name' },
      language: { from: 'th', to: 'en' },
    });
  });

  it('no event for a profile update that changes nothing', async () => {
    const me = await signUp({ displayName: 'Same Name' });
    const events = await eventsOf(() =>
      send('PATCH', '/api/v1/me', { cookie: me.cookie, body: { displayName: 'Same Name' } }),
    );
    expect(events).toHaveLength(0);
  });

  it('password change', async () => {
    const me = await signUp();
    const newPassword = 'Second password, also quite long';
    secrets.add(newPassword);
    const events = await eventsOf(async () =>
      expect(
        (
          await send('POST', '/api/v1/me/password', {
            cookie: me.cookie,
            body: { currentPassword: me.user.password, newPassword },
          })
        ).status,
      ).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'user.password_changed',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });
  });

  it('session revoke', async () => {
    const me = await signUp();
    await send('POST', '/api/v1/auth/login', { body: { email: me.user.email, password: me.user.password } });
    const [, second] = await sessionIdsOf(me.user.id);
    const events = await eventsOf(async () =>
      expect((await send('DELETE', `/api/v1/me/sessions/${second}`, { cookie: me.cookie })).status).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'auth.session_revoked',
      actor: me.user,
      entityType: 'session',
      entityId: second!,
    });
  });

  it('TOTP setup, confirm, sign-in with a code and a recovery code, and disable', async () => {
    const me = await signUp();
    let secret = '';
    const setup = await eventsOf(async () => {
      const res = await send('POST', '/api/v1/me/totp/setup', { cookie: me.cookie });
      expect(res.status).toBe(200);
      secret = res.body.secret;
      secrets.add(secret);
    });
    expect(setup).toHaveLength(1);
    expectEvent(setup[0], {
      action: 'user.totp_setup_started',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });

    let recovery: string[] = [];
    const confirm = await eventsOf(async () => {
      const code = await totpCode(t, secret);
      codes.add(code);
      const res = await send('POST', '/api/v1/me/totp/confirm', { cookie: me.cookie, body: { code } });
      expect(res.status).toBe(200);
      recovery = res.body.recoveryCodes;
      for (const c of recovery) secrets.add(c);
    });
    expect(confirm).toHaveLength(1);
    expectEvent(confirm[0], {
      action: 'user.totp_enabled',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });

    t.clock.advance(30_000); // the confirm code's time step is spent
    const withCode = await eventsOf(async () => {
      const first = await send('POST', '/api/v1/auth/login', {
        body: { email: me.user.email, password: me.user.password },
      });
      expect(first.body.status).toBe('totp_required');
      secrets.add(first.body.challenge);
      const code = await totpCode(t, secret);
      codes.add(code);
      expect(
        (await send('POST', '/api/v1/auth/login/totp', { body: { challenge: first.body.challenge, code } }))
          .status,
      ).toBe(200);
    });
    expect(withCode.map((e) => e.action)).toEqual(['auth.login']);
    expect(withCode[0]!.changes).toEqual({ method: 'totp' });
    expectEvent(withCode[0], {
      action: 'auth.login',
      actor: me.user,
      entityType: 'session',
      entityId: withCode[0]!.entityId,
    });

    const withRecovery = await eventsOf(async () => {
      const first = await send('POST', '/api/v1/auth/login', {
        body: { email: me.user.email, password: me.user.password },
      });
      secrets.add(first.body.challenge);
      expect(
        (
          await send('POST', '/api/v1/auth/login/totp', {
            body: { challenge: first.body.challenge, code: recovery[0] },
          })
        ).status,
      ).toBe(200);
    });
    expect(withRecovery.map((e) => e.action)).toEqual(['auth.login']);
    expect(withRecovery[0]!.changes).toEqual({ method: 'recovery_code' });

    const disable = await eventsOf(async () =>
      expect(
        (
          await send('POST', '/api/v1/me/totp/disable', {
            cookie: me.cookie,
            body: { password: me.user.password },
          })
        ).status,
      ).toBe(200),
    );
    expect(disable).toHaveLength(1);
    expectEvent(disable[0], {
      action: 'user.totp_disabled',
      actor: me.user,
      entityType: 'user',
      entityId: me.user.id,
    });
  });

  it('invitation create, revoke and accept', async () => {
    const org = await t.buildOrganisation();
    const admin = await signUp({ role: 'org_admin', organisationId: org.id });
    const email = 'new.colleague@example.test';

    let invitationId = '';
    const create = await eventsOf(async () => {
      const res = await send('POST', '/api/v1/invitations', {
        cookie: admin.cookie,
        body: { email, organisationId: org.id, role: 'member', language: 'en' },
      });
      expect(res.status).toBe(201);
      invitationId = res.body.id;
    });
    expect(create).toHaveLength(1);
    expectEvent(create[0], {
      action: 'invitation.created',
      actor: admin.user,
      entityType: 'invitation',
      entityId: invitationId,
    });
    expect(create[0]!.changes).toEqual({ email, organisationId: org.id, role: 'member' });
    tokenIn((await latestEmailTo(email)).text);

    const revoke = await eventsOf(async () =>
      expect(
        (await send('POST', `/api/v1/invitations/${invitationId}/revoke`, { cookie: admin.cookie })).status,
      ).toBe(200),
    );
    expect(revoke).toHaveLength(1);
    expectEvent(revoke[0], {
      action: 'invitation.revoked',
      actor: admin.user,
      entityType: 'invitation',
      entityId: invitationId,
    });
    expect(revoke[0]!.changes).toEqual({ email });

    t.clock.advance(1_000); // so the second email is the newest
    const again = await send('POST', '/api/v1/invitations', {
      cookie: admin.cookie,
      body: { email, organisationId: org.id, role: 'observer', language: 'en' },
    });
    const token = tokenIn((await latestEmailTo(email)).text);
    secrets.add(NEW_PASSWORD);
    let newUserId = '';
    const accept = await eventsOf(async () => {
      const res = await send('POST', '/api/v1/invitations/accept', {
        body: {
          token,
          displayName: 'New Colleague',
          password: NEW_PASSWORD,
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        },
      });
      expect(res.status).toBe(200);
      newUserId = res.body.user.id;
    });
    expect(accept).toHaveLength(1);
    expectEvent(accept[0], {
      action: 'invitation.accepted',
      actor: { id: newUserId, organisationId: org.id } as Person['user'],
      entityType: 'user',
      entityId: newUserId,
    });
    expect(accept[0]!.changes).toEqual({
      invitationId: again.body.id,
      email,
      role: 'observer',
      displayName: 'New Colleague',
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyNoticeAcceptedAt: t.clock.now().toISOString(),
    });
  });

  it('password reset request and confirm', async () => {
    const user = await t.buildUser();
    secrets.add(user.password);
    const request = await eventsOf(async () =>
      expect(
        (await send('POST', '/api/v1/auth/password-reset/request', { body: { email: user.email } })).status,
      ).toBe(202),
    );
    expect(request).toHaveLength(1);
    expectEvent(request[0], {
      action: 'auth.password_reset_requested',
      actor: null,
      entityType: 'user',
      entityId: user.id,
    });

    const token = tokenIn((await latestEmailTo(user.email)).text);
    const password = 'Third password, after a reset';
    secrets.add(password);
    const confirm = await eventsOf(async () =>
      expect(
        (await send('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password } })).status,
      ).toBe(200),
    );
    expect(confirm).toHaveLength(1);
    expectEvent(confirm[0], {
      action: 'auth.password_reset',
      actor: null,
      entityType: 'user',
      entityId: user.id,
    });
  });

  it('no event for a reset requested for an unknown address', async () => {
    const events = await eventsOf(() =>
      send('POST', '/api/v1/auth/password-reset/request', { body: { email: 'nobody-here@example.test' } }),
    );
    expect(events).toHaveLength(0);
  });

  it('user update by an admin, with before and after', async () => {
    const admin = await signUp({ role: 'admin' });
    const target = await t.buildUser({ role: 'member' });
    const events = await eventsOf(async () =>
      expect(
        (
          await send('PATCH', `/api/v1/users/${target.id}`, {
            cookie: admin.cookie,
            body: { role: 'observer', active: false },
          })
        ).status,
      ).toBe(200),
    );
    expect(events).toHaveLength(1);
    expectEvent(events[0], {
      action: 'user.updated',
      actor: admin.user,
      entityType: 'user',
      entityId: target.id,
    });
    expect(events[0]!.changes).toEqual({
      role: { from: 'member', to: 'observer' },
      active: { from: true, to: false },
    });
  });

  it('refused requests write no event', async () => {
    const member = await signUp({ role: 'member' });
    const target = await t.buildUser({ role: 'member' });
    const events = await eventsOf(async () => {
      expect(
        (
          await send('PATCH', `/api/v1/users/${target.id}`, {
            cookie: member.cookie,
            body: { active: false },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await send('POST', '/api/v1/me/password', {
            cookie: member.cookie,
            body: { currentPassword: 'wrong current password', newPassword: NEW_PASSWORD },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await send('POST', '/api/v1/me/totp/disable', {
            cookie: member.cookie,
            body: { password: 'wrong current password' },
          })
        ).status,
      ).toBe(400);
    });
    expect(events).toHaveLength(0);
  });
});

describe('the audit log itself', () => {
  it('never contains a password, token, secret or code', async () => {
    expect(secrets.size).toBeGreaterThan(15);
    const rows = await t.db.select().from(auditEvents);
    const raw = JSON.stringify(rows);
    for (const secret of secrets)
      expect(raw.includes(secret), `audit log contains ${secret.slice(0, 4)}…`).toBe(false);
    const changes = JSON.stringify(rows.map((r) => r.changes));
    for (const code of codes) expect(changes).not.toContain(code);
    for (const row of rows) {
      for (const key of Object.keys(row.changes)) {
        if (/pass|token|secret|code|hash|cookie|otp/i.test(key))
          expect(row.changes[key], `${row.action}.${key}`).toBe('[redacted]');
      }
    }
  });

  it('keeps its hash chain intact across everything above', async () => {
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, checked: expect.any(Number) });
  });

  it('is readable by admins through the API with actor, organisation, ip and user agent', async () => {
    const admin = await signUp({ role: 'admin' });
    const res = await send('GET', `/api/v1/audit-events?actorId=${admin.user.id}&action=auth.login`, {
      cookie: admin.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      action: 'auth.login',
      actor: { id: admin.user.id, email: admin.user.email },
      actorOrganisation: { id: admin.user.organisationId },
      ip: IP,
      userAgent: UA,
    });
  });

  it.each([
    ['UPDATE', "update audit_events set action = 'tampered'"],
    ['DELETE', 'delete from audit_events'],
    ['TRUNCATE', 'truncate audit_events'],
    [
      'UPDATE of one row',
      "update audit_events set changes = '{}'::jsonb where id = (select min(id) from audit_events)",
    ],
  ])('is append-only: the database rejects %s', async (_what, sql) => {
    const before = await lastEventId();
    await expect(t.deps.database.query(sql)).rejects.toThrow(/append-only/);
    expect(await lastEventId()).toBe(before);
    const [row] = (await t.deps.database.query(
      "select count(*)::int as n from audit_events where action = 'tampered'",
    )) as { n: number }[];
    expect(row!.n).toBe(0);
  });
});
