import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
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
import {
  type Backoff,
  consumeRateLimit,
  forgetFailures,
  recordFailure,
  releaseAttempt,
  reserveAttempt,
} from '../../platform/rate-limit.ts';
import { createSession } from '../../platform/sessions.ts';
import { hashToken, newToken, signValue, verifySignedValue } from '../../platform/tokens.ts';
import { hashRecoveryCode, matchTotp, openTotpSecret, sealTotpSecret } from '../../platform/totp.ts';
import { presentMe } from '../me/index.ts';
import { endPasswordChange, findUserByEmail, getUserWithOrganisation } from '../users/index.ts';

/**
 * Sign-in failures wait longer and longer (ADR 0004): per account and address, so guessing from one place
 * cannot lock the account's owner out elsewhere; per address, across accounts; and per account from
 * anywhere, with a much higher ceiling, against guessing spread over many addresses.
 */
const PAIR_BACKOFF: Backoff = {
  free: 6,
  firstWaitMs: MINUTE_MS,
  maxWaitMs: 30 * MINUTE_MS,
  forgetAfterMs: HOUR_MS,
};
const IP_BACKOFF: Backoff = {
  free: 20,
  firstWaitMs: MINUTE_MS,
  maxWaitMs: 30 * MINUTE_MS,
  forgetAfterMs: HOUR_MS,
};
const ACCOUNT_BACKOFF: Backoff = {
  free: 50,
  firstWaitMs: MINUTE_MS,
  maxWaitMs: 30 * MINUTE_MS,
  forgetAfterMs: HOUR_MS,
};
const TOTP_CHALLENGE_MS = 5 * MINUTE_MS;
const RESET_VALID_MS = HOUR_MS;
const RESET_REQUESTS_PER_HOUR = 5;

export type SignedIn = { status: 'ok'; me: MeView; sessionToken: string };
export type LoginOutcome = SignedIn | { status: 'totp_required'; challenge: string };

const invalidResetLink = () =>
  badRequest('INVALID_TOKEN', 'This link is invalid, already used or expired; ask for a new one');
const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect');

type LoginLimits = { pair: string; account: string; ip: string };

/**
 * Every attempt is reserved under each limit before the secret is checked (so parallel guesses wait too).
 * A failure (401) stays counted; any other outcome gives back only its own reservations, and a success
 * forgets the failures of this account from this address — never anything counted for another account.
 */
async function withLoginLimits<T>(
  deps: Deps,
  ctx: RequestContext,
  limits: LoginLimits,
  attempt: () => Promise<T>,
) {
  const planned: [string, Backoff][] = [
    [limits.pair, PAIR_BACKOFF],
    [limits.ip, IP_BACKOFF],
    [limits.account, ACCOUNT_BACKOFF],
  ];
  const reserved: string[] = [];
  try {
    for (const [key, backoff] of planned) {
      await reserveAttempt(deps.db, key, backoff, ctx.now);
      reserved.push(key);
    }
  } catch (err) {
    for (const key of reserved) await releaseAttempt(deps.db, key);
    throw err;
  }
  let result: T;
  try {
    result = await attempt();
  } catch (err) {
    const failed = err instanceof AppError && err.statusCode === 401;
    for (const key of reserved)
      await (failed ? recordFailure(deps.db, key, ctx.now) : releaseAttempt(deps.db, key));
    throw err;
  }
  await forgetFailures(deps.db, limits.pair);
  await releaseAttempt(deps.db, limits.ip);
  await releaseAttempt(deps.db, limits.account);
  return result;
}

export async function login(deps: Deps, ctx: RequestContext, input: { email: string; password: string }) {
  const limits = {
    pair: `login:pair:${input.email}|${ctx.ip}`,
    account: `login:email:${input.email}`,
    ip: `login:ip:${ctx.ip}`,
  };
  return withLoginLimits(deps, ctx, limits, async (): Promise<LoginOutcome> => {
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
    { pair: `totp:pair:${userId}|${ctx.ip}`, account: `totp:user:${userId}`, ip: `login:ip:${ctx.ip}` },
    async (): Promise<SignedIn> => {
      const signedIn = await deps.db.transaction(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!user?.active || !user.totpSecret || !user.totpEnabledAt) return null;
        const { secret, stale } = openTotpSecret(deps.keyRing, user.id, user.totpSecret);
        const step = await matchTotp(secret, input.code, ctx.now);
        if (step !== null && step > (user.totpLastStep ?? -1)) {
          // A secret still in clear or under an older key is re-sealed with the write we make anyway.
          await tx
            .update(users)
            .set({
              totpLastStep: step,
              ...(stale ? { totpSecret: sealTotpSecret(deps.keyRing, user.id, secret) } : {}),
            })
            .where(eq(users.id, user.id));
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

/**
 * Always answers the same way, whether or not the address has an account, and in the same time: only the
 * per-IP limit runs before the answer; looking the address up, the link and its email come after it
 * (`afterAnswer`), so the answer's timing cannot tell whether the account exists.
 */
export async function requestPasswordReset(
  deps: Deps,
  ctx: RequestContext,
  email: string,
  afterAnswer: (work: () => Promise<void>) => void,
) {
  await consumeRateLimit(deps.db, `reset:ip:${ctx.ip}`, 20, HOUR_MS, ctx.now);
  afterAnswer(() => sendPasswordResetLink(deps, ctx, email));
}

async function sendPasswordResetLink(deps: Deps, ctx: RequestContext, email: string) {
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
  // The link first: a used or expired one is the answer whatever the password (the user needs a new
  // link, not a better password). The transaction below claims it again, atomically.
  const [open] = await deps.db
    .select({ email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(input.token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, ctx.now),
      ),
    )
    .limit(1);
  if (!open) throw invalidResetLink();
  assertAcceptablePassword(input.password, open.email);
  const passwordHash = await hashPassword(input.password);
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
    if (!reset) throw invalidResetLink();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: ctx.now })
      .where(and(eq(users.id, reset.userId), eq(users.active, true)))
      .returning();
    if (!user) throw invalidResetLink();
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
