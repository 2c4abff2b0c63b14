import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, sessions, type UserRow, users } from '../db/schema/index.ts';
import type { Actor } from './context.ts';
import type { Deps } from './deps.ts';
import { type OrganisationSummaryRow, organisationSummaryColumns } from './projections.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'tipnet_session';
/** Renewing the idle expiry at most once a minute keeps reads from turning into writes. */
const RENEW_AFTER_MS = 60_000;

export async function createSession(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  userId: string,
  meta: { now: Date; ip: string | null; userAgent: string | null },
) {
  const token = newToken();
  const id = randomUUID();
  await tx.insert(sessions).values({
    id,
    tokenHash: hashToken(token),
    userId,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    idleExpiresAt: new Date(meta.now.getTime() + deps.config.sessionIdleMs),
    absoluteExpiresAt: new Date(meta.now.getTime() + deps.config.sessionAbsoluteMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return { id, token };
}

/** What a request needs of the user's organisation: its name. Whole rows carry ~5 KB of search documents. */
export type SessionOrganisation = OrganisationSummaryRow;
export type SignedInUser = {
  actor: Actor;
  user: UserRow;
  organisation: SessionOrganisation;
  /** When the session ends unless the user does something: the web warns before it (session timeout). */
  expiresAt: Date;
};

/** Built once per database: the one query every authenticated request runs, prepared instead of re-planned. */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db) {
  const now = sql.placeholder('now');
  return db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      user: users,
      organisation: organisationSummaryColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.idleExpiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('tipnet_session_lookup');
}

/**
 * The user behind a session cookie (with their organisation, so /me needs no second query),
 * or null when the session is unknown, expired or its user inactive.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  { renew = true }: { renew?: boolean } = {},
): Promise<SignedInUser | null> {
  const now = deps.clock.now();
  let lookup = sessionLookups.get(deps.db);
  if (!lookup) {
    lookup = prepareSessionLookup(deps.db);
    sessionLookups.set(deps.db, lookup);
  }
  const [row] = await lookup.execute({ tokenHash: hashToken(token), now: now.toISOString() });
  if (!row) return null;
  let expiresAt = row.idleExpiresAt;
  if (renew && now.getTime() - row.lastSeenAt.getTime() > RENEW_AFTER_MS) {
    expiresAt = renewedExpiry(deps, now, row.absoluteExpiresAt);
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: expiresAt })
      .where(eq(sessions.id, row.sessionId));
  }
  const { user, organisation } = row;
  const actor: Actor = {
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    sessionId: row.sessionId,
    mustEnrolTotp: mustEnrolTotp(deps, user.role, user.totpEnabledAt),
  };
  return { actor, user, organisation, expiresAt };
}

/** A full idle period from now, never past the session's absolute end. */
function renewedExpiry(deps: Pick<Deps, 'config'>, now: Date, absoluteExpiresAt: Date): Date {
  const idle = new Date(now.getTime() + deps.config.sessionIdleMs);
  return idle < absoluteExpiresAt ? idle : absoluteExpiresAt;
}

/**
 * "Stay signed in": a full idle period from now, whenever the session was last renewed (ordinary requests
 * renew at most once a minute). Returns the new end, or null when the session is already gone.
 */
export async function extendSession(deps: Deps, sessionId: string): Promise<Date | null> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({ absoluteExpiresAt: sessions.absoluteExpiresAt })
    .from(sessions)
    .where(
      and(eq(sessions.id, sessionId), gt(sessions.idleExpiresAt, now), gt(sessions.absoluteExpiresAt, now)),
    );
  if (!row) return null;
  const expiresAt = renewedExpiry(deps, now, row.absoluteExpiresAt);
  await deps.db
    .update(sessions)
    .set({ lastSeenAt: now, idleExpiresAt: expiresAt })
    .where(eq(sessions.id, sessionId));
  return expiresAt;
}

export const mustEnrolTotp = (deps: Pick<Deps, 'config'>, role: string, totpEnabledAt: Date | null) =>
  deps.config.production && role === 'admin' && !totpEnabledAt;

/** Housekeeping: expired sessions are useless and only grow the table. */
export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
