import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';
import type { Actor } from './context.ts';
import type { Deps } from './deps.ts';
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

/** The actor behind a session cookie, or null when the session is unknown, expired or its user inactive. */
export async function resolveSession(deps: Deps, token: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      userId: users.id,
      organisationId: users.organisationId,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.idleExpiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > RENEW_AFTER_MS) {
    const idle = new Date(now.getTime() + deps.config.sessionIdleMs);
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: idle < row.absoluteExpiresAt ? idle : row.absoluteExpiresAt })
      .where(eq(sessions.id, row.sessionId));
  }
  return {
    userId: row.userId,
    organisationId: row.organisationId,
    role: row.role,
    sessionId: row.sessionId,
    mustEnrolTotp: mustEnrolTotp(deps, row.role, row.totpEnabledAt),
  };
}

export const mustEnrolTotp = (deps: Pick<Deps, 'config'>, role: string, totpEnabledAt: Date | null) =>
  deps.config.production && role === 'admin' && !totpEnabledAt;

/** Housekeeping: expired sessions are useless and only grow the table. */
export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
