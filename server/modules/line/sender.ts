/**
 * Delivers the LINE outbox. Rows are claimed under SKIP LOCKED with a lease (several instances never push
 * the same message at once) and pushed with their own X-Line-Retry-Key, the same on every attempt, so a
 * retry after a timeout or a 5xx never makes LINE send the message twice. 429 and 5xx back off (LINE's
 * Retry-After when it gives one); other 4xx fail at once. The daily job folds "daily" rows into one digest.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import {
  type LineOutboxRow,
  lineLinkNonces,
  lineLinks,
  lineOutbox,
  lineWebhookEvents,
  users,
} from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { lineText } from './channel.ts';
import { LineApiError, lineApi, type TextMessage } from './client.ts';

const BACKOFF_MS = [MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS, 6 * HOUR_MS];
const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * MINUTE_MS;
/** Per-channel rate limit: at most this many pushes per drain pass of one instance. */
const PER_PASS = 100;

type SendDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'logger'>;

export type DrainResult = { sent: number; retrying: number; failed: number };

async function claimDue(deps: SendDeps, limit: number): Promise<LineOutboxRow[]> {
  const now = deps.clock.now();
  const due = deps.db
    .select({ id: lineOutbox.id })
    .from(lineOutbox)
    .where(and(eq(lineOutbox.status, 'pending'), lte(lineOutbox.nextAttemptAt, now)))
    .orderBy(asc(lineOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return deps.db
    .update(lineOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${lineOutbox.attempts} + 1` })
    .where(inArray(lineOutbox.id, due))
    .returning();
}

const messageOf = (row: LineOutboxRow): TextMessage => ({
  type: 'text',
  text: row.text,
  ...(row.quickReply?.length
    ? {
        quickReply: {
          items: row.quickReply.map((b) => ({ type: 'action', action: { type: 'postback', ...b } })),
        },
      }
    : {}),
});

/** Pushes what is due now; returns what happened. Safe on several instances at once. */
export async function drainLineOutbox(deps: SendDeps): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  const line = deps.config.line;
  if (!line) return result;
  const claimed = await claimDue(deps, PER_PASS);
  for (const row of claimed) {
    const [link] = await deps.db
      .select({ lineUserId: lineLinks.lineUserId })
      .from(lineLinks)
      .where(eq(lineLinks.userId, row.userId));
    if (!link) {
      await deps.db
        .update(lineOutbox)
        .set({ status: 'failed', lastError: 'unlinked' })
        .where(eq(lineOutbox.id, row.id));
      result.failed++;
      continue;
    }
    try {
      await lineApi.push(line, link.lineUserId, [messageOf(row)], row.retryKey);
      await deps.db
        .update(lineOutbox)
        .set({ status: 'sent', sentAt: deps.clock.now(), lastError: null })
        .where(eq(lineOutbox.id, row.id));
      result.sent++;
    } catch (err) {
      const retryable = !(err instanceof LineApiError) || err.retryable;
      const failed = !retryable || row.attempts >= MAX_ATTEMPTS;
      const backoff = BACKOFF_MS[Math.min(row.attempts - 1, BACKOFF_MS.length - 1)]!;
      const delay = Math.max(backoff, err instanceof LineApiError ? (err.retryAfterMs ?? 0) : 0);
      await deps.db
        .update(lineOutbox)
        .set({
          status: failed ? 'failed' : 'pending',
          lastError: String((err as Error).message).slice(0, 300),
          nextAttemptAt: new Date(deps.clock.now().getTime() + delay),
        })
        .where(eq(lineOutbox.id, row.id));
      if (failed) result.failed++;
      else result.retrying++;
      deps.logger.warn({ lineMessageId: row.id, attempts: row.attempts, failed }, 'LINE push failed');
      // A 429 means the channel is over its rate or quota now: the rest waits for the next pass.
      if (err instanceof LineApiError && err.status === 429) break;
    }
  }
  // Claimed rows not tried (after a 429) keep their lease and are retried once it runs out.
  return result;
}

const DIGEST_TEXT = {
  th: (n: number) => `มีการแจ้งเตือนใหม่ ${n} รายการใน TIPNet`,
  en: (n: number) => `${n} new notification${n === 1 ? '' : 's'} in TIPNet`,
};

/**
 * Folds each user's "daily" LINE rows created before `slot` into one pushed message. Marking the rows
 * digested and queueing the digest happen in one transaction, so a row is in exactly one digest.
 */
export async function queueLineDigests(deps: SendDeps, slot: Date): Promise<number> {
  if (!deps.config.line) return 0;
  const now = deps.clock.now();
  const due = await deps.db
    .selectDistinct({ userId: lineOutbox.userId })
    .from(lineOutbox)
    .where(and(eq(lineOutbox.status, 'digest'), lt(lineOutbox.createdAt, slot)))
    .limit(1000);
  let queued = 0;
  for (const { userId } of due) {
    const done = await deps.db.transaction(async (tx) => {
      const taken = await tx
        .update(lineOutbox)
        .set({ status: 'digested', sentAt: now })
        .where(
          and(eq(lineOutbox.userId, userId), eq(lineOutbox.status, 'digest'), lt(lineOutbox.createdAt, slot)),
        )
        .returning({ id: lineOutbox.id });
      if (taken.length === 0) return false;
      const [who] = await tx.select({ language: users.language }).from(users).where(eq(users.id, userId));
      const lang = who?.language ?? 'th';
      await tx.insert(lineOutbox).values({
        id: randomUUID(),
        userId,
        kind: 'digest',
        text: lineText(lang, DIGEST_TEXT[lang](taken.length), `${deps.config.baseUrl}/notifications`),
        retryKey: randomUUID(),
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      });
      return true;
    });
    if (done) queued++;
  }
  return queued;
}

/**
 * Forgets what is no longer needed: webhook event ids after a week (LINE redelivers within hours), nonces a
 * day after they expired, and finished LINE messages after RETENTION_OUTBOX_DAYS, like sent emails.
 */
export async function pruneLine(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<void> {
  const now = deps.clock.now().getTime();
  await deps.db.delete(lineWebhookEvents).where(lt(lineWebhookEvents.receivedAt, new Date(now - 7 * DAY_MS)));
  await deps.db.delete(lineLinkNonces).where(lt(lineLinkNonces.expiresAt, new Date(now - DAY_MS)));
  await deps.db
    .delete(lineOutbox)
    .where(
      and(
        inArray(lineOutbox.status, ['sent', 'failed', 'digested']),
        lt(lineOutbox.createdAt, new Date(now - deps.config.retention.outboxDays * DAY_MS)),
      ),
    );
}
