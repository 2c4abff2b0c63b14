/** The only writer of a request's timeline: append-only, in the caller's transaction. */
import type { Db } from '../../db/client.ts';
import { coordinationRequestEvents } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';

export type CoordinationEventKind =
  | 'created'
  | 'state_changed'
  | 'escalated'
  | 'rated'
  | 'sla_warning'
  | 'sla_breached';

export async function recordCoordinationEvent(
  tx: Db,
  ctx: RequestContext,
  requestId: string,
  unitId: string,
  kind: CoordinationEventKind,
  data: Record<string, unknown>,
): Promise<number> {
  const [row] = await tx
    .insert(coordinationRequestEvents)
    .values({
      requestId,
      at: ctx.now,
      kind,
      actorUserId: ctx.actor?.userId ?? null,
      actorOrganisationId: ctx.actor?.organisationId ?? null,
      unitId,
      data,
    })
    .returning({ id: coordinationRequestEvents.id });
  return row!.id;
}

/** Many events in one INSERT (the escalation tick), in the caller's transaction; returns their rows. */
export async function recordCoordinationEvents(
  tx: Db,
  ctx: RequestContext,
  kind: CoordinationEventKind,
  events: { requestId: string; unitId: string; data: Record<string, unknown> }[],
) {
  if (events.length === 0) return [];
  return tx
    .insert(coordinationRequestEvents)
    .values(
      events.map((e) => ({
        requestId: e.requestId,
        at: ctx.now,
        kind,
        actorUserId: ctx.actor?.userId ?? null,
        actorOrganisationId: ctx.actor?.organisationId ?? null,
        unitId: e.unitId,
        data: e.data,
      })),
    )
    .returning({
      id: coordinationRequestEvents.id,
      requestId: coordinationRequestEvents.requestId,
      data: coordinationRequestEvents.data,
    });
}
