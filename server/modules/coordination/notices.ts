/**
 * Who hears in-app of what happens to a request (the notifications module writes the rows):
 * - each escalation step: the people it reached (on call, backup, heads, the Centre), so a new request
 *   reaches the on-call officer's bell with its first step;
 * - a move made by the unit (acknowledge, accept, decline, forward, hold, outcome): the requester;
 * - a move made by the requester (answering a question, cancelling) and the rating: the officer who
 *   acknowledged it for the unit, if anyone has.
 */
import type { CoordinationParty } from '../../../common/coordination-states.ts';
import type { Db } from '../../db/client.ts';
import type { CoordinationRequestRow } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notifyRequestEvents, type RequestNotice } from '../notifications/index.ts';

type Request = Pick<CoordinationRequestRow, 'id' | 'requesterUserId' | 'acknowledgedByUserId'>;

const handler = (r: Request): RequestNotice['recipients'] =>
  r.acknowledgedByUserId ? [{ userId: r.acknowledgedByUserId, reason: 'handling' }] : [];

/** `r` as it was before the move; `asUnit`: the actor moved it as a member of the receiving unit. */
export async function noticeOfMove(
  tx: Db,
  ctx: RequestContext,
  r: Request,
  eventId: number,
  asUnit: boolean,
) {
  await notifyRequestEvents(tx, ctx.now, [
    {
      requestId: r.id,
      eventId,
      kind: 'state_changed',
      actorUserId: ctx.actor?.userId ?? null,
      recipients: asUnit ? [{ userId: r.requesterUserId, reason: 'my_request' }] : handler(r),
    },
  ]);
}

export async function noticeOfRating(tx: Db, ctx: RequestContext, r: Request, eventId: number) {
  await notifyRequestEvents(tx, ctx.now, [
    {
      requestId: r.id,
      eventId,
      kind: 'rated',
      actorUserId: ctx.actor?.userId ?? null,
      recipients: handler(r),
    },
  ]);
}

/** Each fired escalation step's event, with the people it reached. */
export async function noticeOfEscalations(
  tx: Db,
  now: Date,
  steps: { requestId: string; eventId: number; recipients: string[] }[],
) {
  await notifyRequestEvents(
    tx,
    now,
    steps.map((s) => ({
      requestId: s.requestId,
      eventId: s.eventId,
      kind: 'escalated',
      actorUserId: null,
      recipients: s.recipients.map((userId) => ({ userId, reason: 'escalation' as const })),
    })),
  );
}

/** The unit's side of a move: the actor is a receiving member and the move is one the unit makes. */
export const movedAsUnit = (parties: readonly CoordinationParty[], by: readonly CoordinationParty[]) =>
  parties.includes('receiver') && by.includes('receiver');
