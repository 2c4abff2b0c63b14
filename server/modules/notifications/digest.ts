/**
 * The daily digest: at 07:00 Thai time, one email per person with what they chose to hear of daily and
 * have not read yet. A notification joins the digest of the first 07:00 after it arrived; `emailed_at`
 * makes it part of exactly one digest, however often (and on however many instances) the job runs.
 */

import { and, eq, isNull, lt } from 'drizzle-orm';
import { NOTIFICATION_REASONS, type NotificationReason } from '../../../common/notifications-api.ts';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { notifications, users } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { describeItems } from './mail.ts';

/** Asia/Bangkok is UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * HOUR_MS;
export const DIGEST_HOUR = 7;
const LISTED = 30;
const USERS_PER_PASS = 200;

/** The latest 07:00 in Bangkok at or before `now`, as an instant. */
export function digestSlot(now: Date): Date {
  const local = now.getTime() + BANGKOK_OFFSET_MS;
  let slot = Math.floor(local / DAY_MS) * DAY_MS + DIGEST_HOUR * HOUR_MS;
  if (slot > local) slot -= DAY_MS;
  return new Date(slot - BANGKOK_OFFSET_MS);
}

const isProblemReason = (reason: string): reason is NotificationReason =>
  (NOTIFICATION_REASONS as readonly string[]).includes(reason);

const pendingBefore = (slot: Date) =>
  and(eq(notifications.email, 'daily'), isNull(notifications.emailedAt), lt(notifications.createdAt, slot));

async function digestFor(tx: Db, deps: DigestDeps, userId: string, slot: Date, now: Date) {
  const taken = await tx
    .update(notifications)
    .set({ emailedAt: now })
    .where(and(eq(notifications.recipientUserId, userId), pendingBefore(slot)))
    .returning({
      seq: notifications.seq,
      eventId: notifications.eventId,
      reason: notifications.reason,
      readAt: notifications.readAt,
    });
  const unread = taken.filter((n) => !n.readAt).sort((a, b) => b.seq - a.seq);
  const [person] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId));
  if (unread.length === 0 || !person?.active) return false;
  const described = await describeItems(
    tx,
    deps.config.baseUrl,
    // Only problems' notifications are ever daily (a coordination request's are in-app: `off`).
    unread
      .slice(0, LISTED)
      .flatMap((n) =>
        n.eventId !== null && isProblemReason(n.reason)
          ? [{ recipient_user_id: userId, reason: n.reason, event_id: n.eventId }]
          : [],
      ),
  );
  const recipient = described[0]?.recipient;
  if (!recipient) return false;
  await enqueueEmail(tx, deps, now, {
    to: recipient.email,
    language: recipient.language,
    template: {
      kind: 'problem_digest',
      displayName: recipient.displayName,
      items: described.map((d) => d.mail),
      more: unread.length - described.length,
      link: `${deps.config.baseUrl}/notifications`,
    },
  });
  return true;
}

type DigestDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>;

/** Sends the digests due at the latest 07:00; returns how many emails were queued. */
export async function sendDailyDigests(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const slot = digestSlot(now);
  let sent = 0;
  for (;;) {
    const due = await deps.db
      .selectDistinct({ userId: notifications.recipientUserId })
      .from(notifications)
      .where(pendingBefore(slot))
      .orderBy(notifications.recipientUserId)
      .limit(USERS_PER_PASS);
    for (const { userId } of due)
      if (await deps.db.transaction((tx) => digestFor(tx, deps, userId, slot, now))) sent++;
    if (due.length < USERS_PER_PASS) return sent;
  }
}
