import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../db/schema/index.ts';
import { PUBLIC_ROUTES } from '../platform/public-routes.ts';
import {
  apiV1Routes,
  buildWorld,
  EVERYONE,
  extraSession,
  freshInvitation,
  invitationRow,
  methodOf,
  quickPerson,
  quickUser,
  ROUTES,
  runCase,
  type Scope,
  scopesOf,
  templateOf,
  type Who,
  type World,
} from './route-matrix.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the route matrix', () => {
  it('has an entry for every /api/v1 route the app serves, and no stale ones', () => {
    const served = apiV1Routes(t.app).sort();
    expect(served.length).toBeGreaterThan(10);
    expect(ROUTES.map((c) => c.route).sort()).toEqual(served);
  });

  it('names only routes that exist', () => {
    for (const c of ROUTES)
      expect(t.app.hasRoute({ method: methodOf(c), url: templateOf(c) }), c.route).toBe(true);
  });

  it('lets anonymous callers reach exactly the public list', () => {
    const open = ROUTES.filter((c) => c.expected('anonymous', 'own') !== 401).map((c) => c.route);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });
});

const cells = ROUTES.flatMap((c) =>
  EVERYONE.flatMap((who) => scopesOf(c).map((scope) => ({ c, who, scope, status: c.expected(who, scope) }))),
);
const label = (who: Who, scope: Scope, scoped: boolean) =>
  `${who}${scoped ? (scope === 'own' ? ' on their own organisation/session' : " on another organisation's/user's") : ''}`;

describe.each(ROUTES.map((c) => [c.route, c] as const))('%s', (_route, c) => {
  it.each(
    cells
      .filter((cell) => cell.c === c)
      .map((cell) => [label(cell.who, cell.scope, !!c.scoped), cell.status, cell] as const),
  )('as %s answers %i', async (_who, status, cell) => {
    const res = await runCase(w, c, cell.who, cell.scope);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const authorisationCode = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[status];
    // Other refusals (409: LINE is not set up) carry their own codes; these three must say only "no".
    if (authorisationCode) expect(res.body.error.code).toBe(authorisationCode);
    if (status >= 400) {
      expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    }
  });
});

describe('organisation admins', () => {
  it("hides another organisation's invitations from an org admin", async () => {
    const foreign = await freshInvitation(w, { organisationId: w.otherOrg.id });
    const { cookie } = w.people.org_admin;
    const list = await t.request('GET', '/api/v1/invitations', { cookie });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(foreign.id);
    expect(
      list.body.items.every((i: { organisation: { id: string } }) => i.organisation.id === w.ownOrg.id),
    ).toBe(true);

    const asked = await t.request('GET', `/api/v1/invitations?organisationId=${w.otherOrg.id}`, { cookie });
    expect(asked.status).toBe(403);

    const revoke = await t.request('POST', `/api/v1/invitations/${foreign.id}/revoke`, { cookie });
    expect(revoke.status).toBe(404);
    expect((await invitationRow(w, foreign.id))?.revokedAt).toBeNull();
  });

  it("answers a missing invitation and another organisation's alike, so existence does not leak", async () => {
    const foreign = await freshInvitation(w, { organisationId: w.otherOrg.id });
    const { cookie } = w.people.org_admin;
    const hidden = await t.request('POST', `/api/v1/invitations/${foreign.id}/revoke`, { cookie });
    const missing = await t.request(
      'POST',
      '/api/v1/invitations/00000000-0000-4000-8000-000000000000/revoke',
      { cookie },
    );
    expect([hidden.status, hidden.body.error.code, hidden.body.error.message]).toEqual([
      missing.status,
      missing.body.error.code,
      missing.body.error.message,
    ]);
  });

  it('lists only their own organisation’s people', async () => {
    const res = await t.request('GET', '/api/v1/users?limit=100', { cookie: w.people.org_admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(
      res.body.items.every((u: { organisation: { id: string } }) => u.organisation.id === w.ownOrg.id),
    ).toBe(true);
    expect(res.body.items.map((u: { id: string }) => u.id)).not.toContain(w.bystander.id);
  });

  it("cannot change another organisation's user, and the user stays as they were", async () => {
    const res = await t.request('PATCH', `/api/v1/users/${w.bystander.id}`, {
      cookie: w.people.org_admin.cookie,
      body: { active: false },
    });
    expect(res.status).toBe(404);
    const [row] = await t.db.select().from(users).where(eq(users.id, w.bystander.id));
    expect(row?.active).toBe(true);
  });

  it('cannot invite an administrator', async () => {
    const res = await t.request('POST', '/api/v1/invitations', {
      cookie: w.people.org_admin.cookie,
      body: { email: 'would-be-admin@example.test', organisationId: w.ownOrg.id, role: 'admin' },
    });
    expect(res.status).toBe(403);
  });

  it('cannot revoke an invitation for an administrator, even in their own organisation', async () => {
    const inv = await freshInvitation(w, { organisationId: w.ownOrg.id, role: 'admin' });
    const res = await t.request('POST', `/api/v1/invitations/${inv.id}/revoke`, {
      cookie: w.people.org_admin.cookie,
    });
    expect(res.status).toBe(403);
    expect((await invitationRow(w, inv.id))?.revokedAt).toBeNull();
  });

  it('cannot make anyone an administrator', async () => {
    const colleague = await quickUser(w, { role: 'member', organisationId: w.ownOrg.id });
    const res = await t.request('PATCH', `/api/v1/users/${colleague.id}`, {
      cookie: w.people.org_admin.cookie,
      body: { role: 'admin' },
    });
    expect(res.status).toBe(403);
    const [row] = await t.db.select().from(users).where(eq(users.id, colleague.id));
    expect(row?.role).toBe('member');
  });

  it('cannot change or deactivate an administrator of their own organisation', async () => {
    const admin = await quickUser(w, { role: 'admin', organisationId: w.ownOrg.id });
    for (const body of [{ role: 'member' }, { active: false }]) {
      const res = await t.request('PATCH', `/api/v1/users/${admin.id}`, {
        cookie: w.people.org_admin.cookie,
        body,
      });
      expect(res.status).toBe(403);
    }
  });

  it('cannot change their own role or deactivate themselves', async () => {
    const me = await quickPerson(w, { role: 'org_admin', organisationId: w.ownOrg.id });
    for (const body of [{ role: 'member' }, { active: false }]) {
      const res = await t.request('PATCH', `/api/v1/users/${me.user.id}`, { cookie: me.cookie, body });
      expect(res.status).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/me', { cookie: me.cookie })).body.user.role).toBe('org_admin');
  });

  it('can give a colleague any role short of administrator, which ends their sessions', async () => {
    const colleague = await quickPerson(w, { role: 'member', organisationId: w.ownOrg.id });
    const res = await t.request('PATCH', `/api/v1/users/${colleague.user.id}`, {
      cookie: w.people.org_admin.cookie,
      body: { role: 'org_admin' },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('org_admin');
    expect((await t.request('GET', '/api/v1/me', { cookie: colleague.cookie })).status).toBe(401);
  });
});

describe('administrators', () => {
  it('see invitations and people across the whole network', async () => {
    const foreign = await freshInvitation(w, { organisationId: w.otherOrg.id });
    const { cookie } = w.people.admin;
    const inv = await t.request('GET', '/api/v1/invitations?limit=100', { cookie });
    expect(inv.body.items.map((i: { id: string }) => i.id)).toContain(foreign.id);
    const people = await t.request('GET', '/api/v1/users?limit=100', { cookie });
    expect(people.body.items.map((u: { id: string }) => u.id)).toContain(w.bystander.id);
  });

  it('cannot change their own role either', async () => {
    const me = await quickPerson(w, { role: 'admin', organisationId: w.ownOrg.id });
    const res = await t.request('PATCH', `/api/v1/users/${me.user.id}`, {
      cookie: me.cookie,
      body: { role: 'member' },
    });
    expect(res.status).toBe(403);
  });
});

describe('members and observers', () => {
  it.each(['member', 'observer'] as const)(
    'a %s may not list people or invitations, even of their own organisation',
    async (role) => {
      const { cookie } = w.people[role];
      expect((await t.request('GET', '/api/v1/users', { cookie })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/invitations', { cookie })).status).toBe(403);
      expect((await t.request('GET', `/api/v1/users?organisationId=${w.ownOrg.id}`, { cookie })).status).toBe(
        403,
      );
    },
  );

  it.each(['member', 'observer'] as const)('a %s may not read the audit log or the outbox', async (role) => {
    const { cookie } = w.people[role];
    expect((await t.request('GET', '/api/v1/audit-events', { cookie })).body.error.code).toBe('FORBIDDEN');
    expect((await t.request('GET', '/api/v1/outbox', { cookie })).body.error.code).toBe('FORBIDDEN');
  });

  it("cannot end another user's session, which stays alive", async () => {
    const victim = await quickPerson(w, { role: 'member', organisationId: w.ownOrg.id });
    const [victimSession] = await t.db.select().from(sessions).where(eq(sessions.userId, victim.user.id));
    const res = await t.request('DELETE', `/api/v1/me/sessions/${victimSession!.id}`, {
      cookie: w.people.member.cookie,
    });
    expect(res.status).toBe(404);
    expect((await t.request('GET', '/api/v1/me', { cookie: victim.cookie })).status).toBe(200);
  });

  it('can end their own other session but it never shows anyone else’s', async () => {
    const me = await quickPerson(w, { role: 'observer', organisationId: w.ownOrg.id });
    const second = await extraSession(w, me.user.id);
    const before = await t.request('GET', '/api/v1/me/sessions', { cookie: me.cookie });
    expect(before.body.items.map((s: { id: string }) => s.id).sort()).toHaveLength(2);
    const res = await t.request('DELETE', `/api/v1/me/sessions/${second.id}`, { cookie: me.cookie });
    expect(res.status).toBe(200);
    const after = await t.request('GET', '/api/v1/me/sessions', { cookie: me.cookie });
    expect(after.body.items).toHaveLength(1);
    expect(after.body.items[0].current).toBe(true);
  });
});

describe('anonymous callers', () => {
  it('get 401 with the standard error body on every private route', async () => {
    for (const c of ROUTES.filter((r) => r.expected('anonymous', 'own') === 401)) {
      const res = await runCase(w, c, 'anonymous', 'own');
      expect(res.status, c.route).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
    }
  });

  it('get 401 for a forged or expired session cookie', async () => {
    const forged = await t.request('GET', '/api/v1/me', { cookie: 'tipnet_session=forged-token-value' });
    expect(forged.status).toBe(401);
  });
});
