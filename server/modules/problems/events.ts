/**
 * The one writer of a problem's timeline, in the caller's transaction; notifications and deadline jobs
 * read it. The kinds, their data and who sees them are common/problem-events.ts.
 */
import {
  type ProblemEvent,
  type ProblemEventData,
  type ProblemEventKind,
  visibilityOf,
} from '../../../common/problem-events.ts';
import type { Db } from '../../db/client.ts';
import { type ProblemEventRow, problemEvents } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';

/** Who acted and when: a request's context, or a job's (no actor). */
export type EventContext = Pick<RequestContext, 'actor' | 'now'>;

export async function recordProblemEvent<K extends ProblemEventKind>(
  tx: Db,
  ctx: EventContext,
  problemId: string,
  kind: K,
  data: ProblemEventData<K>,
): Promise<number> {
  const [id] = await recordProblemEvents(tx, ctx, kind, [{ problemId, data }]);
  return id!;
}

/** Events of one kind on many problems, in one statement; their ids. */
export async function recordProblemEvents<K extends ProblemEventKind>(
  tx: Db,
  ctx: EventContext,
  kind: K,
  events: { problemId: string; data: ProblemEventData<K> }[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await tx
    .insert(problemEvents)
    .values(
      events.map(({ problemId, data }) => ({
        problemId,
        at: ctx.now,
        kind,
        actorUserId: ctx.actor?.userId ?? null,
        actorOrganisationId: ctx.actor?.organisationId ?? null,
        visibility: visibilityOf(kind),
        data,
      })),
    )
    .returning({ id: problemEvents.id });
  return rows.map((r) => r.id);
}

/** A stored event as its kind and data: rows are written only by recordProblemEvents, so they match. */
export const eventOf = (row: ProblemEventRow) => ({ kind: row.kind, data: row.data }) as ProblemEvent;
