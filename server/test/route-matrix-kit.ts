/**
 * What every module's route matrix (`server/modules/<f>/route-matrix.ts`) is written with: the world of
 * organisations and people the cases run in, the expected-status helpers, and the case runner.
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
  type UserRow,
  users,
} from '../db/schema/index.ts';
import type { App } from '../platform/http.ts';
import { hashPassword } from '../platform/passwords.ts';
import { createSession, SESSION_COOKIE } from '../platform/sessions.ts';
import { hashToken, newToken } from '../platform/tokens.ts';
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
  /** The route's own body limit in bytes, when it is not the app's 64 KiB (a photo upload). */
  bodyLimit?: number;
  sample: (c: CaseInput) => Promise<Sample>;
  expected: (who: Who, scope: Scope) => number;
};

export const anyone = (status: number) => () => status;
export const signedIn = (status: number) => (who: Who) => (who === 'anonymous' ? 401 : status);
export const adminOnly = (status: number) => (who: Who) =>
  who === 'anonymous' ? 401 : who === 'admin' ? status : 403;
/** Admins anywhere, org admins in their own organisation; everyone else gets `refused`. */
export const orgManaged = (status: number, refused: 403 | 404) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : who === 'admin' || (who === 'org_admin' && scope === 'own') ? status : refused;

/** Everyone but observers (read only) contributes to the problems board. */
export const contributes = (status: number) => (who: Who) =>
  who === 'anonymous' ? 401 : who === 'observer' ? 403 : status;

/** A problem raised by someone in another organisation. */
export const foreignProblem = (w: World, overrides: Parameters<typeof buildProblem>[1] = {}) =>
  buildProblem(w.t.db, {
    reporterUserId: w.bystander.id,
    reporterOrganisationId: w.otherOrg.id,
    ...overrides,
  });

/** A fresh comment by `author` on a foreign problem, posted just now (inside the edit window). */
export async function foreignComment(w: World, author: UserRow) {
  const problem = await foreignProblem(w);
  const comment = await buildComment(w.t.db, {
    problemId: problem.id,
    authorUserId: author.id,
    authorOrganisationId: author.organisationId,
    createdAt: w.t.clock.now(),
  });
  return { problem, comment };
}

export const strangerEmail = () => `new-${randomUUID().slice(0, 8)}@example.test`;

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
