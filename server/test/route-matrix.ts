/**
 * The authorisation matrix: every /api/v1 route with a valid sample request and the status each role
 * should get. authorization.test.ts runs it; bad-input.test.ts corrupts the same samples. A route
 * missing here fails the coverage test, so a new endpoint cannot ship without its matrix entry.
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Role } from '../../common/taxonomies.ts';
import { DAY_MS, HOUR_MS } from '../../common/time.ts';
import {
  invitations,
  type OrganisationRow,
  organisations,
  passwordResets,
  problemCommentReports,
  problemSupports,
  type UserRow,
  users,
} from '../db/schema/index.ts';
import { buildPerson } from '../demo/factories.ts';
import type { App } from '../platform/http.ts';
import { hashPassword } from '../platform/passwords.ts';
import { createSession, SESSION_COOKIE } from '../platform/sessions.ts';
import { hashToken, newToken } from '../platform/tokens.ts';
import { buildNotification } from './notification-factories.ts';
import { buildComment, buildProblem } from './problem-factories.ts';
import { TEST_ORIGIN, type TestApp } from './test-app.ts';

export const SIGNED_IN_ROLES = [
  'observer',
  'member',
  'org_admin',
  'admin',
] as const satisfies readonly Role[];
export type SignedInRole = (typeof SIGNED_IN_ROLES)[number];
export type Who = 'anonymous' | SignedInRole;
export const EVERYONE: readonly Who[] = ['anonymous', ...SIGNED_IN_ROLES];
/** Whose resource the request touches: the actor's own organisation (or own session), or another's. */
export type Scope = 'own' | 'other';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Person = { user: UserRow & { password: string }; cookie: string };

/** A strong password no check refuses; every test may use it. */
export const NEW_PASSWORD = 'Lanterns over Chao Phraya 2569!';

export type World = {
  t: TestApp;
  ownOrg: OrganisationRow;
  otherOrg: OrganisationRow;
  /** One signed-in person per role, all in `ownOrg`, for requests that leave them unchanged. */
  people: Record<SignedInRole, Person>;
  /** Someone in another organisation whose sessions and data others must not reach. */
  bystander: UserRow & { password: string };
  /** An account the login and reset samples use. */
  loginTarget: UserRow & { password: string };
  /** Argon2 costs ~50 ms a hash; matrix users share one, hashed once. */
  passwordHash: string;
};

export const MATRIX_PASSWORD = 'Mangosteen season in Chanthaburi';

export async function buildWorld(t: TestApp): Promise<World> {
  const ownOrg = await t.buildOrganisation({ nameEn: 'Own Organisation' });
  const otherOrg = await t.buildOrganisation({ nameEn: 'Other Organisation' });
  const people = {} as Record<SignedInRole, Person>;
  for (const role of SIGNED_IN_ROLES) people[role] = await t.signedIn({ role, organisationId: ownOrg.id });
  const bystander = await t.buildUser({ role: 'member', organisationId: otherOrg.id });
  const loginTarget = await t.buildUser({ role: 'member', organisationId: otherOrg.id });
  const passwordHash = await hashPassword(MATRIX_PASSWORD);
  return { t, ownOrg, otherOrg, people, bystander, loginTarget, passwordHash };
}

/** A user inserted with the shared password hash: like buildUser, without hashing again. */
export async function quickUser(
  w: World,
  overrides: Partial<UserRow> = {},
): Promise<UserRow & { password: string }> {
  const id = randomUUID();
  const now = w.t.clock.now();
  const [row] = await w.t.db
    .insert(users)
    .values({
      id,
      organisationId: w.ownOrg.id,
      email: `quick-${id.slice(0, 13)}@example.test`,
      displayName: `Quick User ${id.slice(0, 4)}`,
      role: 'member',
      language: 'th',
      passwordHash: w.passwordHash,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  return { ...row!, password: MATRIX_PASSWORD };
}

/** A signed-in quick user: the session is created directly, as a successful login would. */
export async function quickPerson(w: World, overrides: Partial<UserRow> = {}): Promise<Person> {
  const user = await quickUser(w, overrides);
  const session = await createSession(w.t.db, w.t.deps, user.id, {
    now: w.t.clock.now(),
    ip: '127.0.0.1',
    userAgent: null,
  });
  return { user, cookie: `${SESSION_COOKIE}=${session.token}` };
}

export const orgOf = (w: World, scope: Scope) => (scope === 'own' ? w.ownOrg : w.otherOrg);

/** A pending invitation straight in the table, with the token its email would carry. */
export async function freshInvitation(
  w: World,
  options: { organisationId?: string; role?: Role; email?: string } = {},
) {
  const token = newToken();
  const id = randomUUID();
  const email = options.email ?? `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const now = w.t.clock.now();
  await w.t.db.insert(invitations).values({
    id,
    email,
    organisationId: options.organisationId ?? w.ownOrg.id,
    role: options.role ?? 'member',
    language: 'en',
    tokenHash: hashToken(token),
    invitedBy: w.people.admin.user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 7 * DAY_MS),
  });
  return { id, token, email };
}

/** An unused password-reset link for a user, as if they had asked for one. */
export async function freshResetToken(w: World, userId: string) {
  const token = newToken();
  const now = w.t.clock.now();
  await w.t.db.insert(passwordResets).values({
    id: randomUUID(),
    userId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + HOUR_MS),
  });
  return token;
}

/** Another session of the user, as if signed in on a second device. */
export async function extraSession(w: World, userId: string) {
  return createSession(w.t.db, w.t.deps, userId, {
    now: w.t.clock.now(),
    ip: '192.0.2.10',
    userAgent: 'second device',
  });
}

export const totpCode = (t: TestApp, secret: string) =>
  generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

export type Sample = { url: string; body?: unknown };
export type CaseInput = { w: World; who: Who; scope: Scope; person: Person | null };

export type RouteCase = {
  route: `${Method} /api/v1/${string}`;
  /** The answer depends on whose resource it is, so the matrix runs both scopes. */
  scoped?: boolean;
  /** The request ends or changes the actor's session or credentials, so every run gets a new person. */
  freshPerson?: boolean;
  /** A list route taking PageQuery (cursor, limit). */
  paged?: boolean;
  /** Answers a Server-Sent Event stream that stays open: the case reads its first event, then lets go. */
  stream?: boolean;
  sample: (c: CaseInput) => Promise<Sample>;
  expected: (who: Who, scope: Scope) => number;
};

const anyone = (status: number) => () => status;
const signedIn = (status: number) => (who: Who) => (who === 'anonymous' ? 401 : status);
const adminOnly = (status: number) => (who: Who) =>
  who === 'anonymous' ? 401 : who === 'admin' ? status : 403;
/** Admins anywhere, org admins in their own organisation; everyone else gets `refused`. */
const orgManaged = (status: number, refused: 403 | 404) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : who === 'admin' || (who === 'org_admin' && scope === 'own') ? status : refused;

/** Everyone but observers (read only) contributes to the problems board. */
const contributes = (status: number) => (who: Who) =>
  who === 'anonymous' ? 401 : who === 'observer' ? 403 : status;

/** A problem raised by someone in another organisation. */
const foreignProblem = (w: World, overrides: Parameters<typeof buildProblem>[1] = {}) =>
  buildProblem(w.t.db, {
    reporterUserId: w.bystander.id,
    reporterOrganisationId: w.otherOrg.id,
    ...overrides,
  });

/** A fresh comment by `author` on a foreign problem, posted just now (inside the edit window). */
async function foreignComment(w: World, author: UserRow) {
  const problem = await foreignProblem(w);
  const comment = await buildComment(w.t.db, {
    problemId: problem.id,
    authorUserId: author.id,
    authorOrganisationId: author.organisationId,
    createdAt: w.t.clock.now(),
  });
  return { problem, comment };
}

const strangerEmail = () => `new-${randomUUID().slice(0, 8)}@example.test`;

export const ROUTES: RouteCase[] = [
  {
    route: 'POST /api/v1/auth/login',
    sample: async ({ w }) => ({
      url: '/api/v1/auth/login',
      body: { email: w.loginTarget.email, password: w.loginTarget.password },
    }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/login/totp',
    sample: async ({ w }) => {
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      const user = await quickUser(w, { totpSecret: secret, totpEnabledAt: w.t.clock.now() });
      const first = await w.t.request('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: user.password },
      });
      return {
        url: '/api/v1/auth/login/totp',
        body: { challenge: first.body.challenge, code: await totpCode(w.t, secret) },
      };
    },
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/logout',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/auth/logout' }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/logout-all',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/auth/logout-all' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/auth/password-reset/request',
    sample: async ({ w }) => ({
      url: '/api/v1/auth/password-reset/request',
      body: { email: w.loginTarget.email },
    }),
    expected: anyone(202),
  },
  {
    route: 'POST /api/v1/auth/password-reset/confirm',
    sample: async ({ w }) => {
      const user = await quickUser(w);
      return {
        url: '/api/v1/auth/password-reset/confirm',
        body: { token: await freshResetToken(w, user.id), password: NEW_PASSWORD },
      };
    },
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/invitations/preview',
    sample: async ({ w }) => ({
      url: '/api/v1/invitations/preview',
      body: { token: (await freshInvitation(w)).token },
    }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/invitations/accept',
    sample: async ({ w }) => ({
      url: '/api/v1/invitations/accept',
      body: { token: (await freshInvitation(w)).token, displayName: 'Malee Srisuk', password: NEW_PASSWORD },
    }),
    expected: anyone(200),
  },
  {
    route: 'GET /api/v1/me',
    sample: async () => ({ url: '/api/v1/me' }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/me',
    sample: async () => ({
      url: '/api/v1/me',
      body: { displayName: `Somchai ${randomUUID().slice(0, 4)}`, language: 'en' },
    }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/password',
    freshPerson: true,
    sample: async ({ person }) => ({
      url: '/api/v1/me/password',
      body: { currentPassword: person?.user.password ?? 'whatever it was', newPassword: NEW_PASSWORD },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/me/sessions',
    sample: async () => ({ url: '/api/v1/me/sessions' }),
    expected: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/me/sessions/:id',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "other" is someone else's session: it must stay hidden, never ended.
      const owner = scope === 'own' && person ? person.user.id : w.bystander.id;
      return { url: `/api/v1/me/sessions/${(await extraSession(w, owner)).id}` };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' ? 200 : 404),
  },
  {
    route: 'POST /api/v1/me/totp/setup',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/me/totp/setup' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/totp/confirm',
    freshPerson: true,
    sample: async ({ w, person }) => {
      if (!person) return { url: '/api/v1/me/totp/confirm', body: { code: '123456' } };
      const setup = await w.t.request('POST', '/api/v1/me/totp/setup', { cookie: person.cookie });
      return { url: '/api/v1/me/totp/confirm', body: { code: await totpCode(w.t, setup.body.secret) } };
    },
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/totp/disable',
    sample: async ({ person }) => ({
      url: '/api/v1/me/totp/disable',
      body: { password: person?.user.password ?? 'a guess' },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/me/data-export',
    sample: async () => ({ url: '/api/v1/me/data-export' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/invitations',
    scoped: true,
    paged: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/invitations?organisationId=${orgOf(w, scope).id}&limit=5`,
    }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/invitations',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: '/api/v1/invitations',
      body: { email: strangerEmail(), organisationId: orgOf(w, scope).id, role: 'member', language: 'en' },
    }),
    expected: orgManaged(201, 403),
  },
  {
    route: 'POST /api/v1/invitations/:id/revoke',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/invitations/${(await freshInvitation(w, { organisationId: orgOf(w, scope).id })).id}/revoke`,
    }),
    expected: orgManaged(200, 404),
  },
  {
    route: 'GET /api/v1/users',
    scoped: true,
    paged: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/users?organisationId=${orgOf(w, scope).id}&limit=5` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const target = await quickUser(w, { role: 'member', organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/users/${target.id}`, body: { role: 'observer' } };
    },
    expected: orgManaged(200, 404),
  },
  {
    route: 'POST /api/v1/users/:id/anonymise',
    scoped: true,
    sample: async ({ w, scope }) => {
      const target = await quickUser(w, { role: 'member', organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/users/${target.id}/anonymise` };
    },
    // Only the Centre; an org admin sees their own people (403) but not another organisation's (404).
    expected: (who, scope) =>
      who === 'anonymous' ? 401 : who === 'admin' ? 200 : who === 'org_admin' && scope === 'own' ? 403 : 404,
  },
  {
    route: 'GET /api/v1/organizations',
    paged: true,
    sample: async () => ({ url: '/api/v1/organizations?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/organizations',
    sample: async () => ({
      url: '/api/v1/organizations',
      body: {
        nameTh: `มูลนิธิใหม่ ${randomUUID().slice(0, 4)}`,
        nameEn: 'New Foundation',
        sector: 'civil_society',
        themes: ['labour_trafficking'],
        coverage: ['TH-85'],
        howToRequestHelp: 'โทรหาเรา',
      },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'GET /api/v1/organizations/:id',
    sample: async ({ w }) => ({ url: `/api/v1/organizations/${w.otherOrg.id}` }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/organizations/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const org = orgOf(w, scope);
      return {
        url: `/api/v1/organizations/${org.id}`,
        body: { version: await organisationVersion(w, org.id), descriptionTh: `ปรับปรุง ${randomUUID()}` },
      };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/organizations/:id/verify',
    sample: async ({ w }) => ({ url: `/api/v1/organizations/${w.otherOrg.id}/verify` }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/organizations/:id/review',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/organizations/${orgOf(w, scope).id}/review` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/organizations/export.csv',
    sample: async () => ({ url: '/api/v1/organizations/export.csv?sector=civil_society' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/people',
    paged: true,
    sample: async ({ w }) => ({ url: `/api/v1/people?organisationId=${w.ownOrg.id}&limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/people',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: '/api/v1/people',
      body: {
        organisationId: orgOf(w, scope).id,
        nameTh: 'สมหญิง ตัวอย่าง (ตัวอย่าง/Demo)',
        position: 'ผู้ประสานงาน',
        languages: ['th', 'my'],
        focalTopics: ['shelter'],
      },
    }),
    expected: orgManaged(201, 403),
  },
  {
    route: 'GET /api/v1/people/:id',
    sample: async ({ w }) => ({
      url: `/api/v1/people/${(await buildPerson(w.t.db, { organisationId: w.otherOrg.id })).id}`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/people/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const person = await buildPerson(w.t.db, { organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/people/${person.id}`, body: { version: person.version, position: 'หัวหน้างาน' } };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/people/:id/anonymise',
    scoped: true,
    sample: async ({ w, scope }) => {
      const person = await buildPerson(w.t.db, {
        organisationId: orgOf(w, scope).id,
        focalTopics: ['shelter'],
      });
      return { url: `/api/v1/people/${person.id}/anonymise` };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/people/:id/handover',
    scoped: true,
    sample: async ({ w, scope }) => {
      const organisationId = orgOf(w, scope).id;
      const from = await buildPerson(w.t.db, { organisationId, focalTopics: ['legal_aid'] });
      const to = await buildPerson(w.t.db, { organisationId });
      return { url: `/api/v1/people/${from.id}/handover`, body: { toPersonId: to.id } };
    },
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/people/:id/vcard',
    sample: async ({ w }) => ({
      url: `/api/v1/people/${(await buildPerson(w.t.db, { organisationId: w.otherOrg.id })).id}/vcard`,
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/people/export.csv',
    sample: async ({ w }) => ({ url: `/api/v1/people/export.csv?organisationId=${w.ownOrg.id}` }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/directory/finder',
    sample: async () => ({ url: '/api/v1/directory/finder?service=shelter&province=TH-85&language=my' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/directory/tasks',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/directory/tasks?organisationId=${orgOf(w, scope).id}` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'GET /api/v1/directory/provinces/:code/contact-sheet',
    sample: async () => ({ url: '/api/v1/directory/provinces/TH-85/contact-sheet?service=shelter' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/taxonomies',
    sample: async () => ({ url: '/api/v1/taxonomies' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/taxonomies',
    sample: async () => ({ url: '/api/v1/problems/taxonomies' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/privacy-check',
    sample: async () => ({
      url: '/api/v1/problems/privacy-check',
      body: { fields: { body: 'ลูกเรือไม่มีเอกสารประจำตัว' } },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems',
    paged: true,
    sample: async () => ({ url: '/api/v1/problems?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/accountability',
    sample: async () => ({ url: '/api/v1/problems/accountability' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/accountability.csv',
    sample: async () => ({ url: '/api/v1/problems/accountability.csv' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems',
    sample: async () => ({
      url: '/api/v1/problems',
      body: {
        type: 'problem',
        title: `ไม่มีล่ามภาษาเมียนมาในการคัดแยกผู้เสียหาย ${randomUUID().slice(0, 4)}`,
        body: 'ที่ท่าเรือระนอง การคัดแยกลูกเรือประมงต้องรอล่ามหลายวัน',
        category: 'victim_identification',
        provinces: ['TH-85'],
        sectors: ['government', 'civil_society'],
        proposedSolution: 'จัดทำบัญชีล่ามกลางที่เรียกใช้ได้ทันที',
        source: "Let's Talk TIP ครั้งที่ 3",
        anonymous: false,
      },
    }),
    expected: contributes(201),
  },
  {
    route: 'GET /api/v1/problems/deadline-settings',
    sample: async () => ({ url: '/api/v1/problems/deadline-settings' }),
    expected: signedIn(200),
  },
  {
    route: 'PUT /api/v1/problems/deadline-settings/:category',
    sample: async () => ({
      url: '/api/v1/problems/deadline-settings/shelter_protection',
      body: { firstAnswerDays: 7, updateIntervalDays: 21, escalationDays: 7 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/problems/comment-reports',
    paged: true,
    sample: async () => ({ url: '/api/v1/problems/comment-reports?limit=5' }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/problems/:id',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}` }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/problems/:id/timeline',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/timeline?limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/support',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/support`,
      body: { context: 'เราพบปัญหาเดียวกันที่สมุทรสาคร' },
    }),
    expected: contributes(201),
  },
  {
    route: 'DELETE /api/v1/problems/:id/support',
    sample: async ({ w }) => {
      const problem = await foreignProblem(w, { supportCount: 1 });
      await w.t.db.insert(problemSupports).values({
        id: randomUUID(),
        problemId: problem.id,
        organisationId: w.ownOrg.id,
        userId: w.people.member.user.id,
        createdAt: w.t.clock.now(),
      });
      return { url: `/api/v1/problems/${problem.id}/support` };
    },
    expected: contributes(200),
  },
  {
    route: 'POST /api/v1/problems/:id/follow',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/follow` }),
    expected: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/problems/:id/follow',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/follow` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/transitions',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/transitions`,
      body: { to: 'under_review', reason: 'รับเรื่องไว้พิจารณา' },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/assign',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/assign`,
      body: { organisationIds: [w.otherOrg.id, w.ownOrg.id], leadOrganisationId: w.otherOrg.id },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/answers',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w, { assignedTo: [orgOf(w, scope).id] })).id}/answers`,
      body: { bodyTh: 'กรมฯ จะจัดล่ามประจำศูนย์ภายในเดือนนี้', bodyEn: 'Interpreters will be posted this month' },
    }),
    // Only a responsible organisation (or the Centre) answers officially.
    expected: (who, scope) =>
      who === 'anonymous' ? 401 : who === 'admin' || (scope === 'own' && who !== 'observer') ? 201 : 403,
  },
  {
    route: 'GET /api/v1/problems/:id/comments',
    sample: async ({ w }) => ({ url: `/api/v1/problems/${(await foreignProblem(w)).id}/comments?limit=5` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments',
    sample: async ({ w }) => ({
      url: `/api/v1/problems/${(await foreignProblem(w)).id}/comments`,
      body: { body: 'ที่จังหวัดตากก็พบปัญหาแบบเดียวกัน' },
    }),
    expected: contributes(201),
  },
  {
    route: 'PATCH /api/v1/problems/:id/comments/:commentId',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "own" is the actor's own comment, "other" someone else's: only authors edit.
      const author = scope === 'own' && person ? person.user : w.bystander;
      const { problem, comment } = await foreignComment(w, author);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}`,
        body: { body: `แก้ไขถ้อยคำ ${randomUUID().slice(0, 4)}` },
      };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' && who !== 'observer' ? 200 : 403),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/hide',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/hide`,
        body: { reason: 'มีข้อมูลส่วนบุคคลของผู้เสียหาย' },
      };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/reports/dismiss',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      await w.t.db.insert(problemCommentReports).values({
        id: randomUUID(),
        commentId: comment.id,
        problemId: problem.id,
        reporterUserId: w.people.member.user.id,
        reason: 'เข้าใจว่าเปิดเผยชื่อผู้เสียหาย',
        createdAt: w.t.clock.now(),
      });
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/reports/dismiss`,
        body: { note: 'ตรวจแล้ว ไม่มีข้อมูลระบุตัวบุคคล' },
      };
    },
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/problems/:id/comments/:commentId/report',
    sample: async ({ w }) => {
      const { problem, comment } = await foreignComment(w, w.bystander);
      return {
        url: `/api/v1/problems/${problem.id}/comments/${comment.id}/report`,
        body: { reason: 'เปิดเผยชื่อผู้เสียหาย' },
      };
    },
    expected: contributes(201),
  },
  {
    route: 'GET /api/v1/notifications',
    paged: true,
    sample: async () => ({ url: '/api/v1/notifications?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/unread-count',
    sample: async () => ({ url: '/api/v1/notifications/unread-count' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/:id/read',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "own" is the actor's own notification, "other" someone else's: it stays hidden, never marked.
      const recipient = scope === 'own' && person ? person.user.id : w.bystander.id;
      const n = await buildNotification(w.t.db, {
        recipientUserId: recipient,
        reporterUserId: w.bystander.id,
      });
      return { url: `/api/v1/notifications/${n.id}/read` };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' ? 200 : 404),
  },
  {
    route: 'POST /api/v1/notifications/read-all',
    sample: async ({ w, person }) => {
      if (!person) return { url: '/api/v1/notifications/read-all', body: {} };
      const n = await buildNotification(w.t.db, {
        recipientUserId: person.user.id,
        reporterUserId: w.bystander.id,
      });
      return { url: '/api/v1/notifications/read-all', body: { upTo: n.id } };
    },
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/preferences',
    sample: async () => ({ url: '/api/v1/notifications/preferences' }),
    expected: signedIn(200),
  },
  {
    route: 'PUT /api/v1/notifications/preferences',
    sample: async () => ({
      url: '/api/v1/notifications/preferences',
      body: {
        myProblems: 'immediately',
        assignedToMyOrganisation: 'daily',
        followed: 'off',
        mentions: 'immediately',
      },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/stream',
    stream: true,
    sample: async () => ({ url: '/api/v1/notifications/stream' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/audit-events',
    paged: true,
    sample: async () => ({ url: '/api/v1/audit-events?limit=5' }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/outbox',
    paged: true,
    sample: async () => ({ url: '/api/v1/outbox?limit=5' }),
    expected: adminOnly(200),
  },
];

export const methodOf = (c: RouteCase) => c.route.split(' ')[0] as Method;
export const templateOf = (c: RouteCase) => c.route.split(' ')[1]!;
export const scopesOf = (c: RouteCase): Scope[] => (c.scoped ? ['own', 'other'] : ['own']);

/** The person a case runs as: none, a shared one, or a new one for requests that spend their session. */
export async function personFor(w: World, c: RouteCase, who: Who): Promise<Person | null> {
  if (who === 'anonymous') return null;
  if (c.freshPerson) return quickPerson(w, { role: who });
  return w.people[who];
}

/** Builds the sample for one cell of the matrix and sends it. */
export async function runCase(w: World, c: RouteCase, who: Who, scope: Scope) {
  const person = await personFor(w, c, who);
  const sample = await c.sample({ w, who, scope, person });
  const res = c.stream
    ? await openStream(w.t, sample.url, person?.cookie)
    : await w.t.request(methodOf(c), sample.url, { body: sample.body, cookie: person?.cookie });
  return { ...res, sample, person };
}

/**
 * GETs an event stream and reads until its first event (or the end of an error body). The server side
 * stays open until the app closes, as a browser tab's would.
 */
export async function openStream(t: TestApp, url: string, cookie?: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
    payloadAsStream: true,
  });
  const stream = res.stream();
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (res.statusCode === 200 && /\nevent: \w+\ndata: .*\n\n/.test(text)) break;
  }
  stream.destroy();
  let body: any = text;
  if (res.statusCode !== 200) body = JSON.parse(text);
  return { status: res.statusCode, body, headers: res.headers, raw: res };
}

/**
 * Every route the app serves, as "METHOD /path", read from Fastify's route tree. The tree prints each
 * node's path relative to its parent, indented four characters per level.
 */
export function registeredRoutes(app: App): string[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of lines) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

export const apiV1Routes = (app: App) =>
  registeredRoutes(app).filter((r) => r.split(' ')[1]!.startsWith('/api/v1/'));

/** The version an editor of the organisation would have read just now. */
export async function organisationVersion(w: World, id: string) {
  const [row] = await w.t.db
    .select({ version: organisations.version })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row!.version;
}

/** Reads one invitation row (for asserting that a refused request changed nothing). */
export async function invitationRow(w: World, id: string) {
  const [row] = await w.t.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}
