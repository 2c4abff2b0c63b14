import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Language } from '../../../common/taxonomies.ts';
import { recoveryCodes, sessions, users } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest, conflict, notFound, unauthenticated } from '../../platform/errors.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { extendSession } from '../../platform/sessions.ts';
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpEnrolment,
} from '../../platform/totp.ts';
import { endPasswordChange, getUserWithOrganisation } from '../users/index.ts';
import { presentMe } from './me.presenter.ts';

const wrongPassword = () => new AppError(400, 'WRONG_PASSWORD', 'Your current password is not correct');

export async function getMe(deps: Deps, ctx: RequestContext) {
  const { user, organisation } = await getUserWithOrganisation(deps.db, ctx.actor!.userId);
  return presentMe(deps, user, organisation);
}

export async function updateMe(
  deps: Deps,
  ctx: RequestContext,
  input: { displayName?: string; language?: Language },
) {
  await deps.db.transaction(async (tx) => {
    const { user } = await getUserWithOrganisation(tx, ctx.actor!.userId);
    const changes = changedFields(user, input);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: user.id,
      changes,
    });
  });
  return getMe(deps, ctx);
}

export async function changePassword(
  deps: Deps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = ctx.actor!;
  const { user } = await getUserWithOrganisation(deps.db, actor.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongPassword();
  assertAcceptablePassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now }).where(eq(users.id, user.id));
    // Signed out everywhere but here.
    await endPasswordChange(tx, deps, ctx, user, {
      action: 'user.password_changed',
      keepSessionId: actor.sessionId,
    });
  });
  deps.mailer.kick();
}

export async function listSessions(deps: Deps, ctx: RequestContext) {
  const actor = ctx.actor!;
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, actor.userId))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
  return rows
    .filter((s) => s.idleExpiresAt > ctx.now && s.absoluteExpiresAt > ctx.now)
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    }));
}

/**
 * Not audited, like the renewal every request makes: it changes nothing but when this session ends, and
 * auditing it would write an event every time a user says "stay signed in".
 */
export async function extendCurrentSession(deps: Deps, ctx: RequestContext): Promise<Date> {
  const expiresAt = await extendSession(deps, ctx.actor!.sessionId);
  // The session ended between authentication and now (signed out elsewhere): sign in again.
  if (!expiresAt) throw unauthenticated();
  return expiresAt;
}

export async function revokeSession(deps: Deps, ctx: RequestContext, sessionId: string) {
  const actor = ctx.actor!;
  await deps.db.transaction(async (tx) => {
    const [ended] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)))
      .returning({ id: sessions.id });
    if (!ended) throw notFound('Session');
    await recordAudit(tx, ctx, {
      action: 'auth.session_revoked',
      entityType: 'session',
      entityId: sessionId,
    });
  });
}

export async function startTotpSetup(deps: Deps, ctx: RequestContext) {
  return deps.db.transaction(async (tx) => {
    const { user } = await getUserWithOrganisation(tx, ctx.actor!.userId);
    if (user.totpEnabledAt) throw conflict('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on');
    const secret = newTotpSecret();
    await tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(deps.keyRing, user.id, secret), updatedAt: ctx.now })
      .where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: 'user.totp_setup_started', entityType: 'user', entityId: user.id });
    return totpEnrolment(secret, user.email);
  });
}

export async function confirmTotp(deps: Deps, ctx: RequestContext, code: string) {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, ctx.actor!.userId)).for('update');
    if (!user) throw notFound('User');
    if (user.totpEnabledAt) throw conflict('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on');
    if (!user.totpSecret) throw conflict('TOTP_NOT_STARTED', 'Start two-factor setup first');
    const { secret, stale } = openTotpSecret(deps.keyRing, user.id, user.totpSecret);
    const step = await matchTotp(secret, code, ctx.now);
    if (step === null)
      throw badRequest('INVALID_CODE', 'The code is not valid; check the time on your phone and try again');
    await tx
      .update(users)
      .set({
        totpEnabledAt: ctx.now,
        totpLastStep: step,
        updatedAt: ctx.now,
        ...(stale ? { totpSecret: sealTotpSecret(deps.keyRing, user.id, secret) } : {}),
      })
      .where(eq(users.id, user.id));
    const codes = newRecoveryCodes();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ id: randomUUID(), userId: user.id, codeHash: hashRecoveryCode(c) })));
    await recordAudit(tx, ctx, { action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
    return { recoveryCodes: codes };
  });
}

export async function disableTotp(deps: Deps, ctx: RequestContext, password: string) {
  const { user } = await getUserWithOrganisation(deps.db, ctx.actor!.userId);
  if (!(await verifyPassword(user.passwordHash, password))) throw wrongPassword();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: ctx.now })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, ctx, { action: 'user.totp_disabled', entityType: 'user', entityId: user.id });
  });
}
