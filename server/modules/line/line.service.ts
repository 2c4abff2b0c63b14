/** A person's LINE link (status, start linking, unlink), their LINE preferences, and the Centre's quota view. */
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  DEFAULT_LINE_PREFERENCES,
  type LinePreferences,
  type LineQuota,
  type LineStatus,
} from '../../../common/line-api.ts';
import { MINUTE_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { lineLinkNonces, lineLinks, lineOutbox, linePreferences } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { accountLinkUrl, lineApi } from './client.ts';

type Ctx = RequestContext & { actor: Actor };

/** A nonce lets one accountLink event through, within this long after the user asked to link. */
export const NONCE_TTL_MS = 10 * MINUTE_MS;
export const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('base64url');

const notConfigured = () =>
  new AppError(409, 'LINE_NOT_CONFIGURED', 'LINE is not set up on this TIPNet server');

export async function lineStatus(deps: Pick<Deps, 'db' | 'config'>, actor: Actor): Promise<LineStatus> {
  authorize(actor, 'line.own', undefined);
  const [link] = await deps.db.select().from(lineLinks).where(eq(lineLinks.userId, actor.userId));
  const addFriendUrl = deps.config.line?.addFriendUrl ?? null;
  return {
    configured: deps.config.line !== null,
    addFriendUrl,
    addFriendQrSvg: addFriendUrl
      ? await QRCode.toString(addFriendUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      : null,
    linked: Boolean(link),
    linkedAt: link?.linkedAt.toISOString() ?? null,
  };
}

/**
 * The signed-in user came from the link the bot sent on `follow`, carrying LINE's link token: TIPNet makes a
 * single-use nonce for this user and sends the browser to LINE, which answers the webhook with the nonce.
 */
export async function startLink(deps: Pick<Deps, 'db' | 'config'>, ctx: Ctx, linkToken: string) {
  authorize(ctx.actor, 'line.own', undefined);
  if (!deps.config.line) throw notConfigured();
  const nonce = randomBytes(24).toString('base64url');
  await deps.db.transaction(async (tx) => {
    await tx.insert(lineLinkNonces).values({
      nonceHash: hashNonce(nonce),
      userId: ctx.actor.userId,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + NONCE_TTL_MS),
    });
    await recordAudit(tx, ctx, {
      action: 'line.link_started',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
  });
  return { redirectUrl: accountLinkUrl(linkToken, nonce) };
}

export async function unlink(deps: Pick<Deps, 'db'>, ctx: Ctx) {
  authorize(ctx.actor, 'line.own', undefined);
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(lineLinks)
      .where(eq(lineLinks.userId, ctx.actor.userId))
      .returning({ userId: lineLinks.userId });
    if (gone.length === 0) return;
    // What was waiting for this LINE account is not sent to it any more.
    await tx
      .update(lineOutbox)
      .set({ status: 'failed', lastError: 'unlinked' })
      .where(and(eq(lineOutbox.userId, ctx.actor.userId), inArray(lineOutbox.status, ['pending', 'digest'])));
    await recordAudit(tx, ctx, {
      action: 'line.unlinked',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes: { by: 'user' },
    });
  });
}

export async function getLinePreferences(db: Db, actor: Actor): Promise<LinePreferences> {
  authorize(actor, 'line.own', undefined);
  const [row] = await db.select().from(linePreferences).where(eq(linePreferences.userId, actor.userId));
  if (!row) return { ...DEFAULT_LINE_PREFERENCES };
  const { userId: _u, updatedAt: _t, ...prefs } = row;
  return prefs;
}

/** Replaces the LINE preferences; audited with what changed, nothing written when nothing changed. */
export async function putLinePreferences(db: Db, ctx: Ctx, input: LinePreferences) {
  const before = await getLinePreferences(db, ctx.actor);
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  await db.transaction(async (tx) => {
    await tx
      .insert(linePreferences)
      .values({ userId: ctx.actor.userId, ...input, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: linePreferences.userId, set: { ...input, updatedAt: ctx.now } });
    await recordAudit(tx, ctx, {
      action: 'line.preferences_updated',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes,
    });
  });
  return getLinePreferences(db, ctx.actor);
}

/** Messages used this month against the monthly quota (asked of LINE), warned at 80 %, and the backlog. */
export async function lineQuota(
  deps: Pick<Deps, 'db' | 'config' | 'logger'>,
  actor: Actor,
): Promise<LineQuota> {
  authorize(actor, 'line.quota', undefined);
  const counts = await deps.db
    .select({ status: lineOutbox.status, n: count() })
    .from(lineOutbox)
    .where(inArray(lineOutbox.status, ['pending', 'failed']))
    .groupBy(lineOutbox.status);
  const pending = counts.find((c) => c.status === 'pending')?.n ?? 0;
  const failed = counts.find((c) => c.status === 'failed')?.n ?? 0;
  if (!deps.config.line) return { configured: false, limit: null, used: null, warn: false, pending, failed };
  try {
    const { limit, used } = await lineApi.quota(deps.config.line);
    return { configured: true, limit, used, warn: limit !== null && used >= limit * 0.8, pending, failed };
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'LINE quota unreadable');
    return { configured: true, limit: null, used: null, warn: false, pending, failed };
  }
}

/**
 * Someone anonymised (users module): their LINE account id, preferences and link nonces go in the caller's
 * transaction, and nothing still waiting is sent to them. Sent rows keep only the kind and a link.
 */
export async function forgetLineAccount(tx: Db, userId: string) {
  await tx.delete(lineLinks).where(eq(lineLinks.userId, userId));
  await tx.delete(linePreferences).where(eq(linePreferences.userId, userId));
  await tx.delete(lineLinkNonces).where(eq(lineLinkNonces.userId, userId));
  await tx
    .update(lineOutbox)
    .set({ status: 'failed', lastError: 'recipient anonymised', quickReply: null })
    .where(and(eq(lineOutbox.userId, userId), inArray(lineOutbox.status, ['pending', 'digest'])));
}
