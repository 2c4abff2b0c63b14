import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  passwordResets,
  problemAnswers,
  problemSupports,
  recoveryCodes,
  sessions,
  users,
} from '../../db/schema/index.ts';
import { buildPerson } from '../../demo/factories.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { buildNotification } from '../../test/notification-factories.ts';
import { buildComment, buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const exportOf = (cookie: string) => t.request('GET', '/api/v1/me/data-export', { cookie });

describe('downloading my data', () => {
  it('gives a signed-in person a JSON attachment of their own data, never cached', async () => {
    const { user, cookie } = await t.signedIn({ role: 'member', displayName: 'Malee Export' });
    const res = await exportOf(cookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tipnet-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.body.profile).toMatchObject({ id: user.id, email: user.email, displayName: 'Malee Export' });
    expect(res.body.organisation.id).toBe(user.organisationId);
    expect(res.body.sessions).toHaveLength(1);
    expect(res.body.sessions[0]).toMatchObject({ ip: '127.0.0.1' });
    expect(res.body.auditEvents.map((e: { action: string }) => e.action)).toContain('auth.login');
    expect(res.body.notificationPreferences).toMatchObject({ myProblems: 'immediately' });
    expect(res.body.directoryEntry).toBeNull();
  });

  it('holds what they wrote: problems, comments, answers, supports, notifications, directory entry', async () => {
    const { user, cookie } = await t.signedIn({ role: 'member' });
    const mine = await buildProblem(t.db, { reporterUserId: user.id, title: 'My own problem' });
    const other = await buildProblem(t.db, { assignedTo: [user.organisationId] });
    const comment = await buildComment(t.db, {
      problemId: other.id,
      authorUserId: user.id,
      authorOrganisationId: user.organisationId,
      body: 'My comment',
    });
    const now = t.clock.now();
    await t.db.insert(problemAnswers).values({
      id: randomUUID(),
      problemId: other.id,
      organisationId: user.organisationId,
      authorUserId: user.id,
      bodyTh: 'คำตอบของฉัน',
      createdAt: now,
    });
    await t.db.insert(problemSupports).values({
      id: randomUUID(),
      problemId: other.id,
      organisationId: user.organisationId,
      userId: user.id,
      context: 'We face it too',
      createdAt: now,
    });
    const notification = await buildNotification(t.db, { recipientUserId: user.id, at: now });
    const entry = await buildPerson(t.db, { organisationId: user.organisationId, userId: user.id });

    const { body } = await exportOf(cookie);
    expect(body.problems.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect(body.problems[0]).toMatchObject({ title: 'My own problem', body: mine.body });
    expect(body.comments).toEqual([expect.objectContaining({ id: comment.id, body: 'My comment' })]);
    expect(body.answers).toEqual([expect.objectContaining({ problemId: other.id, bodyTh: 'คำตอบของฉัน' })]);
    expect(body.supports).toEqual([expect.objectContaining({ context: 'We face it too' })]);
    expect(body.notifications.map((n: { id: string }) => n.id)).toEqual([notification.id]);
    expect(body.directoryEntry).toMatchObject({ id: entry.id, email: entry.email, phones: entry.phones });
  });

  it('never includes a password hash, TOTP secret, recovery code or token hash', async () => {
    const { user, cookie } = await t.signedIn({ role: 'member' });
    const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.db.update(users).set({ totpSecret, totpEnabledAt: t.clock.now() }).where(eq(users.id, user.id));
    const codeHash = hashToken('recovery-code-value');
    await t.db.insert(recoveryCodes).values({ id: randomUUID(), userId: user.id, codeHash });
    const resetHash = hashToken(newToken());
    await t.db.insert(passwordResets).values({
      id: randomUUID(),
      userId: user.id,
      tokenHash: resetHash,
      createdAt: t.clock.now(),
      expiresAt: t.clock.now(),
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));

    const res = await exportOf(cookie);
    expect(res.status).toBe(200);
    expect(res.body.profile.totpEnabled).toBe(true);
    const text = JSON.stringify(res.body);
    for (const secret of [
      row!.passwordHash,
      totpSecret,
      codeHash,
      resetHash,
      session!.tokenHash,
      user.password,
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|tokenHash|totpSecret|codeHash|argon2/i);
  });

  it("holds no one else's personal data, even where they acted on others", async () => {
    const { user, cookie } = await t.signedIn({ role: 'org_admin' });
    const inviteeEmail = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await t.request('POST', '/api/v1/invitations', {
      cookie,
      body: { email: inviteeEmail, organisationId: user.organisationId, role: 'member', language: 'en' },
    });
    expect(invited.status).toBe(201);
    const colleague = await t.buildUser({
      organisationId: user.organisationId,
      displayName: 'Colleague Name',
    });
    expect(
      (await t.request('PATCH', `/api/v1/users/${colleague.id}`, { cookie, body: { role: 'observer' } }))
        .status,
    ).toBe(200);
    const mine = await buildProblem(t.db, { reporterUserId: user.id });
    await buildComment(t.db, {
      problemId: mine.id,
      authorUserId: colleague.id,
      authorOrganisationId: colleague.organisationId,
      body: 'A colleague wrote this',
    });

    const { body } = await exportOf(cookie);
    const text = JSON.stringify(body);
    expect(body.auditEvents.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['invitation.created', 'user.updated']),
    );
    for (const other of [inviteeEmail, colleague.email, 'Colleague Name', 'A colleague wrote this'])
      expect(text).not.toContain(other);
  });

  it('is audited, with how much was exported', async () => {
    const { user, cookie } = await t.signedIn();
    await buildProblem(t.db, { reporterUserId: user.id });
    expect((await exportOf(cookie)).status).toBe(200);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'user.data_exported')))
      .orderBy(desc(auditEvents.id));
    expect(event).toMatchObject({ entityType: 'user', entityId: user.id });
    expect(event!.changes).toMatchObject({ problems: 1 });
  });

  it('is refused without a session', async () => {
    const res = await t.request('GET', '/api/v1/me/data-export');
    expect(res.status).toBe(401);
  });
});
