/**
 * In-app notifications of a coordination request's timeline event, written in the caller's transaction
 * (the request's move, its escalation step or its rating), so a notice exists exactly when its event does.
 * The coordination module decides who hears of what; this writes the rows, never for the actor's own
 * act nor to a deactivated account, and tells the bells. Nothing of the request's text or vault is kept:
 * the row points at the request and its event, and the list reads only type, urgency and the move.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type {
  CoordinationNotificationReason,
  CoordinationNotifiedKind,
} from '../../../common/notifications-api.ts';
import type { Db } from '../../db/client.ts';
import { notifications, users } from '../../db/schema/index.ts';
import { signalUnreadChanged } from './signals.ts';

export type RequestNotice = {
  requestId: string;
  eventId: number;
  kind: CoordinationNotifiedKind;
  actorUserId: string | null;
  recipients: { userId: string; reason: CoordinationNotificationReason }[];
};

/** Writes the notices; returns who was notified. */
export async function notifyRequestEvents(tx: Db, now: Date, notices: RequestNotice[]) {
  const wanted = notices.flatMap((n) =>
    n.recipients.filter((r) => r.userId !== n.actorUserId).map((r) => ({ notice: n, ...r })),
  );
  if (wanted.length === 0) return [];
  const active = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, [...new Set(wanted.map((w) => w.userId))]), eq(users.active, true)))
    ).map((u) => u.id),
  );
  const rows = wanted.filter((w) => active.has(w.userId));
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(notifications)
    .values(
      rows.map((w) => ({
        recipientUserId: w.userId,
        kind: w.notice.kind,
        reason: w.reason,
        coordinationRequestId: w.notice.requestId,
        coordinationEventId: w.notice.eventId,
        email: 'off' as const,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.recipientUserId });
  const notified = inserted.map((r) => r.userId);
  await signalUnreadChanged(tx, notified);
  return notified;
}
