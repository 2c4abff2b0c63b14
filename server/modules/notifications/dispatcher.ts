/**
 * Fans new timeline events out to notifications. Every instance runs one and may race for the same event:
 * claiming the event's notification_dispatches row (primary key) decides who fans it out, once.
 * Identity ids may commit out of order, so instead of a cursor the dispatcher looks at every event above
 * a low-water mark that has no dispatch row; the mark trails the dispatched ids by a few minutes.
 */

import { and, eq, gt, lt, lte, notExists, sql } from 'drizzle-orm';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { notificationDispatches, notificationDispatchState, problemEvents } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { fanOutEvent } from './fan-out.ts';
import { signalUnreadChanged } from './signals.ts';

const BATCH = 100;
/** No transaction stays open this long, so an event below the mark will never still commit. */
const SETTLE_MS = 5 * MINUTE_MS;
/** On the very first run, older timeline events (a database that predates notifications) are not told. */
const TOO_OLD_MS = DAY_MS;

type DispatchDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>;

async function lowWaterMark(db: Db, now: Date): Promise<number> {
  const [state] = await db.select().from(notificationDispatchState);
  if (state) return state.lowWater;
  const [oldest] = await db
    .select({ id: sql<number | null>`max(${problemEvents.id})` })
    .from(problemEvents)
    .where(lt(problemEvents.at, new Date(now.getTime() - TOO_OLD_MS)));
  await db
    .insert(notificationDispatchState)
    .values({ id: 1, lowWater: Number(oldest?.id ?? 0), updatedAt: now })
    .onConflictDoNothing();
  const [row] = await db.select().from(notificationDispatchState);
  return row!.lowWater;
}

async function advanceLowWater(db: Db, now: Date) {
  const settled = new Date(now.getTime() - SETTLE_MS);
  await db
    .update(notificationDispatchState)
    .set({
      lowWater: sql`greatest(${notificationDispatchState.lowWater}, coalesce((select max(${notificationDispatches.eventId}) from ${notificationDispatches} where ${notificationDispatches.dispatchedAt} < ${settled.toISOString()}::timestamptz), 0))`,
      updatedAt: now,
    })
    .where(eq(notificationDispatchState.id, 1));
  await db
    .delete(notificationDispatches)
    .where(
      and(
        lte(
          notificationDispatches.eventId,
          sql`(select ${notificationDispatchState.lowWater} from ${notificationDispatchState})`,
        ),
        lt(notificationDispatches.dispatchedAt, new Date(now.getTime() - DAY_MS)),
      ),
    );
}

export type DispatchResult = { events: number; notifications: number; emailed: number };

/** Fans out every undispatched event; returns what this instance did. */
export async function dispatchPending(deps: DispatchDeps): Promise<DispatchResult> {
  const now = deps.clock.now();
  const result: DispatchResult = { events: 0, notifications: 0, emailed: 0 };
  const lowWater = await lowWaterMark(deps.db, now);
  for (;;) {
    const batch = await deps.db
      .select({ id: problemEvents.id })
      .from(problemEvents)
      .where(
        and(
          gt(problemEvents.id, lowWater),
          notExists(
            deps.db
              .select({ one: sql`1` })
              .from(notificationDispatches)
              .where(eq(notificationDispatches.eventId, problemEvents.id)),
          ),
        ),
      )
      .orderBy(problemEvents.id)
      .limit(BATCH);
    for (const { id } of batch) {
      const done = await deps.db.transaction(async (tx) => {
        const claimed = await tx
          .insert(notificationDispatches)
          .values({ eventId: id, recipients: 0, dispatchedAt: now })
          .onConflictDoNothing()
          .returning({ id: notificationDispatches.eventId });
        if (claimed.length === 0) return null;
        const fan = await fanOutEvent(tx, deps, id, now);
        if (fan.recipients.length > 0) {
          await tx
            .update(notificationDispatches)
            .set({ recipients: fan.recipients.length })
            .where(eq(notificationDispatches.eventId, id));
          await signalUnreadChanged(tx, fan.recipients);
        }
        return fan;
      });
      if (!done) continue;
      result.events++;
      result.notifications += done.recipients.length;
      result.emailed += done.emailed;
    }
    if (batch.length < BATCH) break;
  }
  await advanceLowWater(deps.db, now);
  return result;
}
