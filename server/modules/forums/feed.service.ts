/**
 * Private calendar feeds of the series: a URL with a random token the user pastes in their calendar app.
 * Only the token's hash is kept; revoking a feed ends it (its URL answers 404 like an unknown one).
 * The feed lists published and cancelled events, never an online link.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  forumEvents,
  forumFeedTokens,
  forumSeries,
  LETS_TALK_TIP_SERIES_ID,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { calendarOf } from './ics.ts';

type Ctx = RequestContext & { actor: Actor };
const MAX_ACTIVE_FEEDS = 10;

const present = (r: typeof forumFeedTokens.$inferSelect) => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export const feedPath = (token: string) => `/api/v1/forums/feed/${token}`;

export async function listFeeds(db: Db, actor: Actor) {
  authorize(actor, 'forum.feed', undefined);
  const rows = await db
    .select()
    .from(forumFeedTokens)
    .where(eq(forumFeedTokens.userId, actor.userId))
    .orderBy(desc(forumFeedTokens.createdAt))
    .limit(50);
  return { items: rows.map(present) };
}

export async function createFeed(db: Db, ctx: Ctx, baseUrl: string) {
  authorize(ctx.actor, 'forum.feed', undefined);
  const token = newToken();
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    // Only the newest feeds stay: an eleventh revokes the oldest, so tokens do not pile up unseen.
    const active = await tx
      .select({ id: forumFeedTokens.id })
      .from(forumFeedTokens)
      .where(and(eq(forumFeedTokens.userId, ctx.actor.userId), isNull(forumFeedTokens.revokedAt)))
      .orderBy(asc(forumFeedTokens.createdAt))
      .for('update');
    const excess = active.slice(0, Math.max(0, active.length - MAX_ACTIVE_FEEDS + 1)).map((r) => r.id);
    if (excess.length > 0)
      await tx.update(forumFeedTokens).set({ revokedAt: ctx.now }).where(inArray(forumFeedTokens.id, excess));
    const [created] = await tx
      .insert(forumFeedTokens)
      .values({
        id,
        userId: ctx.actor.userId,
        seriesId: LETS_TALK_TIP_SERIES_ID,
        tokenHash: hashToken(token),
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'forum.feed_created',
      entityType: 'forum_feed',
      entityId: id,
      changes: { revokedOlder: excess.length },
    });
    return created!;
  });
  return { ...present(row), url: `${baseUrl}${feedPath(token)}` };
}

export async function revokeFeed(db: Db, ctx: Ctx, feedId: string) {
  authorize(ctx.actor, 'forum.feed', undefined);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(forumFeedTokens)
      .where(and(eq(forumFeedTokens.id, feedId), eq(forumFeedTokens.userId, ctx.actor.userId)))
      .for('update');
    if (!row) throw notFound('Feed');
    if (row.revokedAt) return;
    await tx.update(forumFeedTokens).set({ revokedAt: ctx.now }).where(eq(forumFeedTokens.id, feedId));
    await recordAudit(tx, ctx, { action: 'forum.feed_revoked', entityType: 'forum_feed', entityId: feedId });
  });
}

/** The calendar behind a feed URL, or 404 for an unknown or revoked token (or a departed user's). */
export async function feedCalendar(db: Db, token: string, baseUrl: string) {
  const [feed] = await db
    .select({
      language: users.language,
      nameTh: forumSeries.nameTh,
      nameEn: forumSeries.nameEn,
      seriesId: forumSeries.id,
    })
    .from(forumFeedTokens)
    .innerJoin(users, eq(users.id, forumFeedTokens.userId))
    .innerJoin(forumSeries, eq(forumSeries.id, forumFeedTokens.seriesId))
    .where(
      and(
        eq(forumFeedTokens.tokenHash, hashToken(token)),
        isNull(forumFeedTokens.revokedAt),
        eq(users.active, true),
      ),
    );
  if (!feed) throw notFound('Feed');
  const events = await db
    .select()
    .from(forumEvents)
    .where(
      and(
        eq(forumEvents.seriesId, feed.seriesId),
        inArray(forumEvents.state, ['published', 'cancelled', 'completed']),
      ),
    )
    .orderBy(desc(forumEvents.startsAt))
    .limit(200);
  return calendarOf(events, {
    language: feed.language,
    baseUrl,
    name: feed.language === 'th' ? feed.nameTh : feed.nameEn,
  });
}
