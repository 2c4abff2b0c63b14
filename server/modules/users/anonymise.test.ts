import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  focalPoints,
  outboxEmails,
  people,
  recoveryCodes,
  sessions,
  users,
} from '../../db/schema/index.ts';
import { buildPerson } from '../../demo/factories.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { pseudonymOf } from '../../platform/pseudonym.ts';
import { buildComment, buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const anonymise = (id: string, cookie = admin.cookie) =>
  t.request('POST', `/api/v1/users/${id}/anonymise`, { cookie });
const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;

describe('anonymising someone who left', () => {
  it('signs them out for good and replaces name and email with a stable pseudonym', async () => {
    const leaver = await t.signedIn({ role: 'member', displayName: 'Somsak Leaving' });
    await t.db
      .update(users)
      .set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: t.clock.now() })
      .where(eq(users.id, leaver.user.id));
    await t.db.insert(recoveryCodes).values({ id: randomUUID(), userId: leaver.user.id, codeHash: 'x' });

    const res = await anonymise(leaver.user.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const pseudonym = pseudonymOf(leaver.user.id);
    expect(res.body).toMatchObject({
      id: leaver.user.id,
      displayName: `ผู้ใช้ที่ออกแล้ว / Former user ${pseudonym}`,
      active: false,
      anonymised: true,
      totpEnabled: false,
    });
    expect(pseudonym).toMatch(/^#[0-9a-f]{6}$/);
    expect(pseudonymOf(leaver.user.id)).toBe(pseudonym);

    const row = await userRow(leaver.user.id);
    expect(row.email).toBe(`former-user-${leaver.user.id}@anonymised.invalid`);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, anonymisedAt: t.clock.now() });
    expect(row.passwordHash).not.toBe(leaver.user.passwordHash);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, leaver.user.id))).toEqual([]);
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, leaver.user.id))).toEqual(
      [],
    );

    expect((await t.request('GET', '/api/v1/me', { cookie: leaver.cookie })).status).toBe(401);
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: leaver.user.email, password: leaver.user.password },
    });
    expect(login.status).toBe(401);
  });

  it('keeps what they wrote, shown under the pseudonym', async () => {
    const leaver = await t.signedIn({ role: 'member', displayName: 'Author Who Left' });
    const problem = await buildProblem(t.db, {});
    await buildComment(t.db, {
      problemId: problem.id,
      authorUserId: leaver.user.id,
      authorOrganisationId: leaver.user.organisationId,
      body: 'Still useful advice',
    });
    expect((await anonymise(leaver.user.id)).status).toBe(200);

    const comments = await t.request('GET', `/api/v1/problems/${problem.id}/comments`, {
      cookie: admin.cookie,
    });
    expect(comments.status).toBe(200);
    const text = JSON.stringify(comments.body);
    expect(text).toContain('Still useful advice');
    expect(text).toContain(pseudonymOf(leaver.user.id));
    expect(text).not.toContain('Author Who Left');
  });

  it('erases their directory entry but keeps its focal-point history', async () => {
    const leaver = await t.buildUser({ role: 'member' });
    const person = await buildPerson(t.db, {
      organisationId: leaver.organisationId,
      userId: leaver.id,
      lineId: 'somsak.line',
      focalTopics: ['shelter'],
    });
    expect((await anonymise(leaver.id)).status).toBe(200);

    const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({
      nameTh: `ผู้ใช้ที่ออกแล้ว ${pseudonymOf(person.id)}`,
      nameEn: `Former user ${pseudonymOf(person.id)}`,
      phones: [],
      email: null,
      lineId: null,
      position: null,
      active: false,
      organisationId: leaver.organisationId,
    });
    const history = await t.db.select().from(focalPoints).where(eq(focalPoints.personId, person.id));
    expect(history).toHaveLength(1);
    expect(history[0]!.endedAt).toEqual(t.clock.now());
    const found = await t.request('GET', `/api/v1/people?q=${encodeURIComponent(person.nameEn!)}`, {
      cookie: admin.cookie,
    });
    expect(found.body.items.map((p: { id: string }) => p.id)).not.toContain(person.id);
  });

  it('drops the emails waiting for them, keeping neither address nor content', async () => {
    const leaver = await t.buildUser({ role: 'member' });
    await enqueueEmail(t.db, t.deps, t.clock.now(), {
      to: leaver.email,
      language: 'en',
      template: { kind: 'password_changed', displayName: leaver.displayName },
    });
    expect((await anonymise(leaver.id)).status).toBe(200);
    expect(await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, leaver.email))).toEqual([]);
  });

  it('writes one audit event without their name or email, and the chain still verifies', async () => {
    const leaver = await t.buildUser({ role: 'member', displayName: 'Name To Forget' });
    expect((await anonymise(leaver.id)).status).toBe(200);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, leaver.id), eq(auditEvents.action, 'user.anonymised')))
      .orderBy(desc(auditEvents.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: admin.user.id, entityType: 'user' });
    expect(JSON.stringify(events[0]!.changes)).not.toMatch(/Name To Forget|@example/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('cannot be done twice nor undone by reactivating the account', async () => {
    const leaver = await t.buildUser({ role: 'member' });
    expect((await anonymise(leaver.id)).status).toBe(200);
    const again = await anonymise(leaver.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_ANONYMISED');
    const reactivate = await t.request('PATCH', `/api/v1/users/${leaver.id}`, {
      cookie: admin.cookie,
      body: { active: true },
    });
    expect(reactivate.status).toBe(409);
    expect((await userRow(leaver.id)).active).toBe(false);
  });

  it('is refused to org admins, members and an admin on themselves, changing nothing', async () => {
    const orgAdmin = await t.signedIn({ role: 'org_admin' });
    const member = await t.signedIn({ role: 'member', organisationId: orgAdmin.user.organisationId });
    const colleague = await t.buildUser({ role: 'member', organisationId: orgAdmin.user.organisationId });
    const before = await userRow(colleague.id);

    expect((await anonymise(colleague.id, orgAdmin.cookie)).status).toBe(403);
    expect((await anonymise(colleague.id, member.cookie)).status).toBe(404);
    expect((await anonymise(admin.user.id)).status).toBe(403);
    expect((await anonymise(randomUUID())).status).toBe(404);
    expect(await userRow(colleague.id)).toEqual(before);
    expect((await userRow(admin.user.id)).anonymisedAt).toBeNull();
  });
});

describe('anonymising a directory person who left', () => {
  it('lets their organisation clear the personal fields, keeping the row and its history', async () => {
    const orgAdmin = await t.signedIn({ role: 'org_admin' });
    const person = await buildPerson(t.db, {
      organisationId: orgAdmin.user.organisationId,
      focalTopics: ['legal_aid'],
    });
    const res = await t.request('POST', `/api/v1/people/${person.id}/anonymise`, { cookie: orgAdmin.cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: person.id,
      nameEn: `Former user ${pseudonymOf(person.id)}`,
      phones: [],
      email: null,
      lineId: null,
      active: false,
      focalTopics: [],
    });
    const history = await t.db.select().from(focalPoints).where(eq(focalPoints.personId, person.id));
    expect(history.map((h) => h.topic)).toEqual(['legal_aid']);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, 'person.anonymised')));
    expect(event!.changes).toEqual({ endedRoles: ['legal_aid'] });

    const edit = await t.request('PATCH', `/api/v1/people/${person.id}`, {
      cookie: orgAdmin.cookie,
      body: { version: res.body.version, nameTh: 'ชื่อเดิม' },
    });
    expect(edit.status).toBe(409);
    const twice = await t.request('POST', `/api/v1/people/${person.id}/anonymise`, {
      cookie: orgAdmin.cookie,
    });
    expect(twice.status).toBe(409);
  });

  it("is refused to another organisation's admin and to members, changing nothing", async () => {
    const person = await buildPerson(t.db, {});
    const stranger = await t.signedIn({ role: 'org_admin' });
    const member = await t.signedIn({ role: 'member', organisationId: person.organisationId });
    for (const cookie of [stranger.cookie, member.cookie]) {
      const res = await t.request('POST', `/api/v1/people/${person.id}/anonymise`, { cookie });
      expect(res.status).toBe(403);
    }
    const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ nameTh: person.nameTh, email: person.email, anonymisedAt: null });
  });
});
