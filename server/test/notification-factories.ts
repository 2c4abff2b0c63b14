/** Notifications straight in the tables, for tests and the route matrix that need one to act on. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { type NotificationRow, notificationDispatches, notifications } from '../db/schema/index.ts';
import { recordProblemEvent } from '../modules/problems/events.ts';
import { buildProblem } from './problem-factories.ts';

/** A notification of a comment on a new problem raised by `reporterUserId` (a fresh user if omitted). */
export async function buildNotification(
  db: Db,
  options: { recipientUserId: string; reporterUserId?: string; at?: Date; readAt?: Date | null },
): Promise<NotificationRow> {
  const at = options.at ?? new Date();
  const problem = await buildProblem(db, { reporterUserId: options.reporterUserId, createdAt: at });
  return db.transaction(async (tx) => {
    const eventId = await recordProblemEvent(tx, { actor: null, now: at }, problem.id, 'commented', {
      commentId: randomUUID(),
      parentId: null,
      mentionedUserIds: [],
      mentionedOrganisationIds: [],
    });
    // Already fanned out (same transaction): the dispatcher must not notify anyone else of it.
    await tx.insert(notificationDispatches).values({ eventId, recipients: 1, dispatchedAt: at });
    const [row] = await tx
      .insert(notifications)
      .values({
        recipientUserId: options.recipientUserId,
        kind: 'commented',
        reason: 'followed',
        problemId: problem.id,
        eventId,
        email: 'off',
        readAt: options.readAt ?? null,
        createdAt: at,
      })
      .returning();
    return row!;
  });
}
