import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { MeView } from '../../../common/api.ts';
import { HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import { passwordResets, recoveryCodes, sessions, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import {
  assertAcceptablePassword,
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
} from '../../platform/passwords.ts';
import { consumeRateLimit } from '../../platform/rate-limit.ts';
import { createSession } from '../../platform/sessions.ts';
import { hashToken, newToken, signValue, verifySignedValue } from '../../platform/tokens.ts';
import { hashRecoveryCode, matchTotp } from '../../platform/totp.ts';
import { presentMe } from '../me/index.ts';
import { endPasswordChange, findUserByEmail, getUserWithOrganisation } from '../users/index.ts';

const LOGIN_LIMIT = 6;
const TOTP_CHALLENGE_MS = 5 * MINUTE_MS;
const RESET_VALID_MS = HOUR_MS;
const RESET_REQUESTS_PER_HOUR = 5;

export type SignedIn = { status: 'ok'; me: MeView; sessionToken: string };
export type LoginOutcome = SignedIn | { status: 'totp_required'; challenge: string };

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect');

/**
 * Every attempt counts against the account and the IP before the password is checked (so parallel
 * guesses are limited too); a successful attempt gives its hit back.
 */
async function withLoginLimits<T>(
  deps: Deps,
  ctx: RequestContext,
  keys: string[],
  attempt: () => Promise<T>,
) {
  for (const key of keys) await consumeRateLimit(deps.db, key, LOGIN_LIMIT, MINUTE_MS, ctx.now);
  const result = await attempt();
  await deps.db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key in ${keys}`);
  return result;
}

export async function login(deps: Deps, ctx: RequestContext, input: { email: string; password: string }) {
  const keys = [`login:ip:${ctx.ip}`, `login:email:${input.email}`];
  return withLoginLimits(deps, ctx, keys, async (): Promise<LoginOutcome> => {
    const user = await findUserByEmail(deps.db, input.email);
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await burnPasswordCheck(input.password);
    if (!user || !passwordOk || !user.active) {
      await deps.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          changes: {
            email: input.email,
            reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'inactive',
          },
        }),
      );
      throw invalidCredentials();
    }
    if (user.totpEnabledAt) {
      const payload = JSON.stringify({
        purpose: 'totp-login',
        userId: user.id,
        exp: ctx.now.getTime() + TOTP_CHALLENGE_MS,
      });
      return { status: 'totp_required', challenge: signValue(deps.config.sessionSecret, payload) };
    }
    return startSession(deps, ctx, user.id, 'password');
  });
}

export async function loginWithTotp(
  deps: Deps,
  ctx: RequestContext,
  input: { challenge: string; code: string },
) {
  const userId = readChallenge(deps, ctx, input.challenge);
  return withLoginLimits(
    deps,
    ctx,
    [`totp:user:${userId}`, `login:ip:${ctx.ip}`],
    async (): Promise<SignedIn> => {
      const signedIn = await deps.db.transaction(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!user?.active || !user.totpSecret || !user.totpEnabledAt) return null;
        const step = await matchTotp(user.totpSecret, input.code, ctx.now);
        if (step !== null && step > (user.totpLastStep ?? -1)) {
          await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
          return startSession(deps, ctx, user.id, 'totp', tx);
        }
        const [recovery] = await tx
          .update(recoveryCodes)
          .set({ usedAt: ctx.now })
          .where(
            and(
              eq(recoveryCodes.userId, user.id),
              eq(recoveryCodes.codeHash, hashRecoveryCode(input.code)),
              isNull(recoveryCodes.usedAt),
            ),
          )
          .returning({ id: recoveryCodes.id });
        return recovery ? startSession(deps, ctx, user.id, 'recovery_code', tx) : null;
      });
      if (signedIn) return signedIn;
      await deps.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          changes: { reason: 'wrong_second_factor' },
        }),
      );
      throw new AppError(401, 'INVALID_CODE', 'The code is not valid');
    },
  );
}

function readChallenge(deps: Deps, ctx: RequestContext, challenge: string): string {
  const payload = verifySignedValue(deps.config.sessionSecret, challenge);
  const parsed = payload
    ? (JSON.parse(payload) as { purpose?: string; userId?: string; exp?: number })
    : null;
  if (parsed?.purpose !== 'totp-login' || !parsed.userId || !parsed.exp || parsed.exp < ctx.now.getTime()) {
    throw new AppError(401, 'LOGIN_EXPIRED', 'The sign-in step expired; enter your email and password again');
  }
  return parsed.userId;
}

async function startSession(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  method: string,
  tx = deps.db,
): Promise<SignedIn> {
  const run = async (t: typeof tx) => {
    const session = await createSession(t, deps, userId, ctx);
    await t.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, userId));
    const { user, organisation } = await getUserWithOrganisation(t, userId);
    await recordAudit(
      t,
      { ...ctx, actor: actorOf(user, session.id) },
      {
        action: 'auth.login',
        entityType: 'session',
        entityId: session.id,
        changes: { method },
      },
    );
    return { status: 'ok' as const, me: presentMe(deps, user, organisation), sessionToken: session.token };
  };
  return tx === deps.db ? deps.db.transaction(run) : run(tx);
}

const actorOf = (user: typeof users.$inferSelect, sessionId: string) => ({
  userId: user.id,
  organisationId: user.organisationId,
  role: user.role,
  sessionId,
  mustEnrolTotp: false,
});

export async function logout(deps: Deps, ctx: RequestContext) {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
  });
}

export async function logoutEverywhere(deps: Deps, ctx: RequestContext) {
  const actor = ctx.actor!;
  await deps.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, actor.userId))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, {
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: actor.userId,
      changes: { sessionsEnded: ended.length },
    });
  });
}

/** Always answers the same way, whether or not the address has an account. */
export async function requestPasswordReset(deps: Deps, ctx: RequestContext, email: string) {
  await consumeRateLimit(deps.db, `reset:ip:${ctx.ip}`, 20, HOUR_MS, ctx.now);
  const user = await findUserByEmail(deps.db, email);
  if (!user?.active) return;
  try {
    await consumeRateLimit(deps.db, `reset:email:${email}`, RESET_REQUESTS_PER_HOUR, HOUR_MS, ctx.now);
  } catch {
    return; // quietly: a 429 here would reveal that the account exists
  }
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(passwordResets).values({
      id,
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + RESET_VALID_MS),
    });
    await enqueueEmail(tx, deps, ctx.now, {
      to: user.email,
      language: user.language,
      template: {
        kind: 'password_reset',
        displayName: user.displayName,
        link: `${deps.config.baseUrl}/reset-password#token=${token}`,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
  });
  deps.mailer.kick();
}

export async function confirmPasswordReset(
  deps: Deps,
  ctx: RequestContext,
  input: { token: string; password: string },
) {
  await consumeRateLimit(deps.db, `reset-confirm:ip:${ctx.ip}`, 20, MINUTE_MS, ctx.now);
  const passwordHash = await (async () => {
    const [reset] = await deps.db
      .select({ email: users.email })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenHash, hashToken(input.token)))
      .limit(1);
    if (reset) assertAcceptablePassword(input.password, reset.email);
    return hashPassword(input.password);
  })();
  await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: ctx.now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, ctx.now),
        ),
      )
      .returning();
    if (!reset)
      throw badRequest('INVALID_TOKEN', 'This link is invalid, already used or expired; ask for a new one');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: ctx.now })
      .where(and(eq(users.id, reset.userId), eq(users.active, true)))
      .returning();
    if (!user)
      throw badRequest('INVALID_TOKEN', 'This link is invalid, already used or expired; ask for a new one');
    // Other outstanding links die with the old password, and so does every session.
    await tx
      .update(passwordResets)
      .set({ usedAt: ctx.now })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          ne(passwordResets.id, reset.id),
        ),
      );
    await endPasswordChange(tx, deps, ctx, user, { action: 'auth.password_reset' });
  });
  deps.mailer.kick();
}
