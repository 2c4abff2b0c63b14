/**
 * The Centre's view of LINE deliveries: the newest messages in the LINE outbox with their kind, recipient
 * and state, never their text; and a retry of a failed one, with its same retry key so LINE never shows
 * a message twice if an earlier attempt did get through.
 */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { LineDelivery, LineDeliveryListQuery } from '../../../common/line-api.ts';
import type { Db } from '../../db/client.ts';
import { lineLinks, lineOutbox, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { userNameColumns } from '../../platform/projections.ts';

type Ctx = RequestContext & { actor: Actor };

const deliveryColumns = {
  id: lineOutbox.id,
  kind: lineOutbox.kind,
  status: lineOutbox.status,
  attempts: lineOutbox.attempts,
  lastError: lineOutbox.lastError,
  createdAt: lineOutbox.createdAt,
  sentAt: lineOutbox.sentAt,
  nextAttemptAt: lineOutbox.nextAttemptAt,
  recipient: userNameColumns,
  linkedAt: lineLinks.linkedAt,
};

const deliveries = (db: Db) =>
  db
    .select(deliveryColumns)
    .from(lineOutbox)
    .innerJoin(users, eq(users.id, lineOutbox.userId))
    .leftJoin(lineLinks, eq(lineLinks.userId, lineOutbox.userId));

type Row = Awaited<ReturnType<ReturnType<typeof deliveries>['where']>>[number];

const present = (r: Row): LineDelivery => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  recipient: r.recipient,
  recipientLinked: r.linkedAt !== null,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
});

/** Newest first, optionally of one status, a page at a time. */
export async function listDeliveries(db: Db, actor: Actor, q: z.infer<typeof LineDeliveryListQuery>) {
  authorize(actor, 'line.deliveries', undefined);
  const after = decodeCursor(q.cursor, { key: 'date', id: 'uuid' });
  const rows = await deliveries(db)
    .where(
      and(
        q.status ? eq(lineOutbox.status, q.status) : undefined,
        after
          ? or(
              lt(lineOutbox.createdAt, new Date(after.k)),
              and(eq(lineOutbox.createdAt, new Date(after.k)), lt(lineOutbox.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(lineOutbox.createdAt), desc(lineOutbox.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ k: r.createdAt.toISOString(), id: r.id }), present);
}

/**
 * Puts a failed message back in the queue, due now, with a fresh count of attempts and its same retry key.
 * Only a failed one, and only while its recipient still has LINE linked; audited.
 */
export async function retryDelivery(db: Db, ctx: Ctx, id: string): Promise<LineDelivery> {
  authorize(ctx.actor, 'line.deliveries', undefined);
  await db.transaction(async (tx) => {
    const [row] = await deliveries(tx).where(eq(lineOutbox.id, id)).for('update', { of: lineOutbox });
    if (!row) throw notFound('LINE delivery');
    if (row.status !== 'failed')
      throw conflict('LINE_DELIVERY_NOT_FAILED', 'Only a failed LINE message can be retried', {
        status: row.status,
      });
    if (row.linkedAt === null)
      throw conflict(
        'LINE_NOT_LINKED',
        'The recipient has no LINE linked any more; they must link LINE again first',
      );
    await tx
      .update(lineOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: ctx.now })
      .where(eq(lineOutbox.id, id));
    await recordAudit(tx, ctx, {
      action: 'line.delivery_retried',
      entityType: 'line_delivery',
      entityId: id,
      changes: { kind: row.kind, recipientUserId: row.recipient.id, lastError: row.lastError },
    });
  });
  const [row] = await deliveries(db).where(eq(lineOutbox.id, id));
  return present(row!);
}
